"""`kamer sync` against the local fake Tweede Kamer server: records/s and files/s of a first
sync from an empty store, and the cost of a second sync that finds nothing new (the baseline a
sync on a schedule pays every time), in separate processes, min and median over runs.

The fake serves its real sample (tests/fake_kamer/data) copied `--kopieen` times under new Ids,
so that a sync reads several pages; the hash embedder stands in for the model (embedding time is
the ingest benchmark's subject, bench/bench_ingest.py). Only 127.0.0.1 is contacted.

    .venv/bin/python bench/bench_sync.py [--runs 3] [--kopieen 10]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def one_run(copies: int) -> dict[str, float]:
    from assistant.embed import HashEmbedder
    from assistant.settings import Settings
    from assistant.store import Store
    from ingest.sync import Syncer
    from ingest.sync_records import since_of
    from tests.fake_kamer.server import FakeKamer

    kamer = FakeKamer()
    for entity in ("Zaak", "Document", "Toezegging"):
        originals = kamer.records(entity)
        for _ in range(copies - 1):
            for record in originals:
                kamer.changed(entity, {**record, "Id": str(uuid.uuid4())})
    kamer.start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            settings = Settings(store=Path(folder) / "store", sync_url=kamer.url)

            def sync() -> tuple[float, object]:
                store = Store.open(settings)
                started = time.perf_counter()
                syncer = Syncer(store, HashEmbedder(), settings)
                report = syncer.run(since=since_of(dt.date(2024, 12, 1)))
                return time.perf_counter() - started, report

            first_s, first = sync()
            again_s, again = sync()
    finally:
        kamer.stop()
    return {
        "records": float(first.records),  # type: ignore[attr-defined]
        "files": float(first.files_fetched),  # type: ignore[attr-defined]
        "first_s": first_s,
        "noop_s": again_s,
        "noop_records": float(again.records),  # type: ignore[attr-defined]
    }


def spread(values: list[float], unit: str, digits: int = 1) -> str:
    low, middle = min(values), statistics.median(values)
    return f"min {low:.{digits}f} {unit}, median {middle:.{digits}f} {unit}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--kopieen", type=int, default=10, help="kopieën van het voorbeeld")
    parser.add_argument("--een", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.een:
        print(json.dumps(one_run(args.kopieen)))
        return
    runs = []
    for _ in range(args.runs):
        done = subprocess.run(
            [sys.executable, __file__, "--een", "--kopieen", str(args.kopieen)],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        if done.returncode != 0:
            raise SystemExit(done.stderr[-3000:])
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    first = runs[0]
    print(
        f"eerste synchronisatie: {first['records']:.0f} records, {first['files']:.0f} bestanden, "
        f"{args.runs} runs in aparte processen"
    )
    print("records/s:             " + spread([r["records"] / r["first_s"] for r in runs], "/s"))
    print("bestanden/s:           " + spread([r["files"] / r["first_s"] for r in runs], "/s"))
    print("eerste synchronisatie: " + spread([r["first_s"] for r in runs], "s", 2))
    print(
        "niets nieuw (tweede):  "
        + spread([r["noop_s"] for r in runs], "s", 3)
        + f" ({max(r['noop_records'] for r in runs):.0f} records opnieuw gelezen)"
    )


if __name__ == "__main__":
    main()
