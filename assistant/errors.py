"""Domain errors. They become user messages only at the edge (CLI, app)."""


class KamerError(Exception):
    """Base class: the message is Dutch and meant for the user."""


class ConfigError(KamerError):
    """A setting is missing or has the wrong type."""


class StoreError(KamerError):
    """The store cannot be opened or written."""


class RejectedFile(KamerError):
    """A file that no reader accepts, or that a reader cannot read. The message names the reason."""
