"""Two `kamer ingest` processes on one store at once: the writer lock serialises them, and the
motie joins come out as in a sequential run, whichever goes first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from assistant.records import RecordFilter
from assistant.settings import Settings
from assistant.store import Store

CLI = "import sys; from assistant.cli import main; sys.argv[0] = 'kamer'; main()"


def kamer_ingest(store: Path, *paths: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "KAMER_EMBED_MODEL": "hash", "KAMER_CONFIG": str(store / "geen.toml")}
    return subprocess.Popen(
        [sys.executable, "-c", CLI, "ingest", "--stil", "--store", str(store), *map(str, paths)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str]) -> str:
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    return err


def snapshot(folder: Path) -> dict[str, object]:
    store = Store.open(Settings(store=folder))
    docs = {
        d.id: {k: v for k, v in d.to_dict().items() if k not in ("source", "extra")}
        for d in store.documents(RecordFilter())
    }
    links = store.db.db.execute("SELECT source, target, anchor FROM links ORDER BY 1, 2, 3")
    return {
        "documents": json.dumps(docs, sort_keys=True, ensure_ascii=False),
        "links": [tuple(row) for row in links],
        "chunks": sorted(c.id for c in store.lexical.iter_all()),
    }


def test_two_concurrent_ingests_equal_a_sequential_one(tmp_path: Path, fixtures: Path) -> None:
    texts = [fixtures / "xml"]
    zaken = [fixtures / "odata" / "zaken", fixtures / "odata" / "stemmingen"]
    for name, first, second in (("a", texts, zaken), ("b", zaken, texts)):
        finish(kamer_ingest(tmp_path / name, *first))
        finish(kamer_ingest(tmp_path / name, *second))
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")

    together = tmp_path / "samen"
    one, two = kamer_ingest(together, *texts), kamer_ingest(together, *zaken)
    finish(one), finish(two)
    assert snapshot(together) == snapshot(tmp_path / "a")


def test_parts_joined_the_same_in_any_order_of_files(tmp_path: Path, fixtures: Path) -> None:
    import random

    from assistant.embed import HashEmbedder
    from ingest.pipeline import Ingestor

    files = sorted(
        p
        for folder in ("xml", "odata/zaken", "odata/stemmingen")
        for p in (fixtures / folder).iterdir()
        if p.is_file()
    )
    assert len(files) >= 10

    def one_by_one(folder: Path, order: list[Path]) -> dict[str, object]:
        settings = Settings(store=folder)
        store = Store.open(settings)
        for path in order:  # one ingest per file: each join sees the parts stored so far
            assert Ingestor(store, HashEmbedder(), settings).run([path]).ok
        return snapshot(folder)

    reference = one_by_one(tmp_path / "sorted", files)
    for seed in (1, 2, 3):
        order = files[:]
        random.Random(seed).shuffle(order)
        assert one_by_one(tmp_path / f"seed{seed}", order) == reference, f"volgorde {seed}"


def test_processes_opening_a_new_store_at_once_all_get_it(tmp_path: Path) -> None:
    """Opening switches a new file to WAL; a second opener at that moment must wait, not fail
    with "database is locked" (seen once when two `kamer ingest` started together)."""
    code = (
        "import sys, time; from pathlib import Path; from assistant.records import Records; "
        "time.sleep(max(0.0, float(sys.argv[2]) - time.time())); "
        "Records(Path(sys.argv[1])).close()"
    )
    for attempt in range(5):
        target = tmp_path / f"nieuw{attempt}" / "kamer.sqlite3"
        start = str(time.time() + 2.0)  # all imported by then: they open together
        processes = [
            subprocess.Popen(
                [sys.executable, "-c", code, str(target), start], stderr=subprocess.PIPE, text=True
            )
            for _ in range(12)
        ]
        errors = [p.communicate(timeout=120)[1] for p in processes]
        assert [p.returncode for p in processes] == [0] * 12, errors
