"""Domain errors. They become user messages only at the edge (CLI, app)."""


class KamerError(Exception):
    """Base class: the message is Dutch and meant for the user."""


class ConfigError(KamerError):
    """A setting is missing or has the wrong type."""


class StoreError(KamerError):
    """The store cannot be opened or written."""


class RejectedFile(KamerError):
    """A file that no reader accepts, or that a reader cannot read. The message names the reason."""


class ReadOnlyStore(StoreError):
    """This process may not write the store (permissions, a read-only mount)."""

    def __init__(self, folder: object) -> None:
        super().__init__(
            f"De index in {folder} is alleen-lezen; inlezen en bijwerken kan alleen met "
            "schrijfrechten op die map en de bestanden erin (of kies een andere map: --store of "
            "KAMER_STORE). Vragen stellen kan wel."
        )


class DiskFull(StoreError):
    """A write to the store ran out of disk space."""

    def __init__(self, folder: object) -> None:
        super().__init__(
            f"Schijf vol: de index in {folder} kan niet verder worden bijgewerkt. Wat al helemaal "
            "geschreven was, blijft bruikbaar. Maak ruimte vrij en draai `kamer ingest` opnieuw: "
            "bestanden die niet af waren, worden dan opnieuw gelezen."
        )


class SyncError(KamerError):
    """The Tweede Kamer API gave no usable answer (after its retries), or a sync cannot start."""
