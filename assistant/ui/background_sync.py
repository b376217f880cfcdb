"""`kamer sync` inside the app, when the setting `sync_in_app` asks for it: one thread per
process and store runs a sync every `sync_every_minutes` and the pages show how it went.

The sync continues from the store's saved positions; a store that was never synced needs a
first `kamer sync --sinds DATUM` on the command line (the page says so). Without the setting
nothing is contacted: the app's default stays offline.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field

from assistant.compose import Services
from assistant.errors import KamerError
from assistant.store import Store


@dataclass
class BackgroundSync:
    """What the pages show: whether a sync runs now, when the last one ended and how."""

    every_minutes: int
    running: bool = False
    finished_at: dt.datetime | None = None
    summary: str | None = None
    error: str | None = None
    stop: threading.Event = field(default_factory=threading.Event)


_syncs: dict[str, BackgroundSync] = {}
_lock = threading.Lock()


def start_background_sync(built: Services) -> BackgroundSync | None:
    """Start the loop (once per process and store) when the settings ask for it."""
    settings = built.settings
    if not settings.sync_in_app:
        return None
    key = str(settings.store.resolve())
    with _lock:
        if key not in _syncs:
            state = BackgroundSync(every_minutes=settings.sync_every_minutes)
            _syncs[key] = state
            thread = threading.Thread(
                target=_loop, args=(built, state), name="kamer-sync", daemon=True
            )
            thread.start()
        return _syncs[key]


def _loop(built: Services, state: BackgroundSync) -> None:
    from ingest.sync import Syncer

    try:
        # Its own connection: the pages keep reading while this one writes.
        syncer = Syncer(Store.open(built.settings), built.embedder, built.settings)
    except Exception as error:  # shown on every page; the app keeps running
        state.error = f"{type(error).__name__}: {error}"
        return
    while True:
        state.running = True
        try:
            report = syncer.run()
            state.summary = f"{report.records} gewijzigde records, {report.files_fetched} bestanden"
            state.error = report.stale_source
            if report.records or report.files_fetched:
                built.refresh()
        except KamerError as error:
            state.error = str(error)
        except Exception as error:  # the loop goes on; the next round may succeed
            state.error = f"{type(error).__name__}: {error}"
        finally:
            state.running = False
            state.finished_at = dt.datetime.now(dt.UTC)
        if state.stop.wait(state.every_minutes * 60):
            return


def stop_background_syncs() -> None:
    """End every loop after its current round (for tests; the app's threads end with it)."""
    with _lock:
        for state in _syncs.values():
            state.stop.set()
        _syncs.clear()


def describe(state: BackgroundSync) -> str:
    """One line for the sidebar."""
    if state.running:
        return f"Synchronisatie loopt (in de app, elke {state.every_minutes} min) ..."
    if state.finished_at is None:
        return f"Synchronisatie in de app: elke {state.every_minutes} min."
    when = f"{state.finished_at.astimezone():%H:%M}"
    said = f": {state.summary}" if state.summary and not state.error else ""
    return f"Synchronisatie in de app om {when}{said}; elke {state.every_minutes} min."
