"""Opening the store from several threads at once, as the app does on its first question."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from assistant.embed import HashEmbedder
from assistant.settings import Settings
from assistant.store import Store
from ingest.pipeline import Ingestor

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_the_vector_index_opens_once_when_threads_ask_at_the_same_moment(tmp_path: Path) -> None:
    """The app warms the index up in a thread while the first question opens it too."""
    built = Settings(store=tmp_path / "built")
    Ingestor(Store.open(built), HashEmbedder(), built).run([FIXTURES / "nota"])
    # A copy this process never opened: as in the app's new process, Chroma has nothing cached.
    shutil.copytree(built.store, tmp_path / "store")
    store = Store.open(Settings(store=tmp_path / "store"))
    start = threading.Barrier(16)
    counts: list[int] = []
    errors: list[BaseException] = []

    def first_use() -> None:
        start.wait()
        try:
            counts.append(store.chunks.count())
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=first_use) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(set(counts)) == 1 and counts[0] > 0
