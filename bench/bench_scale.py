"""Scale: build synthetic stores of N chunks from a real one, and measure a store.

Build (copies of the real documents under new ids and earlier dates, with their real vectors
plus a little noise, so nothing is embedded; runs long at 1M chunks, start it in the background):

    .venv/bin/python bench/bench_scale.py bouw --bron /tmp/full-sql --doel /tmp/scale-100k \\
        --chunks 100000

Measure (every figure from fresh processes, several runs, min and median; `--code` runs the
same measurements with another checkout of the code, for a baseline in the same run):

    .venv/bin/python bench/bench_scale.py meet --store /tmp/scale-100k --runs 3
    .venv/bin/python bench/bench_scale.py meet --store /tmp/full-store --code /tmp/oldwt

Figures: `kamer --help`; `kamer stats`; process start to first answer (a motie by number, and
a free question, model load included); structured and free latency p50/p95 in a warm process
with the query embedding timed apart; a briefing of the largest dossier; a commitment-period
question; resident memory of the query process; store size on disk; adding 1,000 documents
(time apart from embedding, measured last, then removed again).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "tests" / "eval" / "dev" / "questions.jsonl"
STRUCTURED = ("motion_outcome", "motion_votes", "motion_indieners", "motion_appreciatie")


# -- building ----------------------------------------------------------------------------------


def build(
    source: Path, target: Path, chunks_wanted: int, noise: float, seed: int, dims: int
) -> None:
    import numpy as np

    from assistant.documents import Document, Reference
    from assistant.lexical import ChunkRow
    from assistant.records import RecordFilter
    from assistant.settings import Settings
    from assistant.store import Store

    rng = np.random.default_rng(seed)
    src = Store.open(Settings(store=source))
    print(f"bron: {src.lexical.count()} passages, {src.document_count()} documenten", flush=True)
    ids, texts, metas, vectors = [], [], [], []
    offset = 0
    while True:
        got = src.chunks.get(
            include=["embeddings", "documents", "metadatas"], limit=5000, offset=offset
        )
        if not got["ids"]:
            break
        ids += got["ids"]
        texts += [t or "" for t in got["documents"] or []]
        metas += [dict(m or {}) for m in got["metadatas"] or []]
        vectors.append(np.asarray(got["embeddings"], dtype=np.float32))
        offset += len(got["ids"])
    matrix = np.concatenate(vectors)
    if dims:  # the first `dims` values, as KAMER_EMBED_DIMS gives them (Matryoshka)
        matrix = matrix[:, :dims] / np.linalg.norm(matrix[:, :dims], axis=1, keepdims=True)
    docs = src.documents(RecordFilter())
    with_chunks = {str(m.get("doc_id")) for m in metas}
    by_doc: dict[str, list[int]] = {}
    for i, meta in enumerate(metas):
        by_doc.setdefault(str(meta.get("doc_id")), []).append(i)
    print(f"{len(ids)} vectoren, {len(docs)} documenten gelezen", flush=True)

    store = Store.open(Settings(store=target))
    copy = store.lexical.count() // max(len(ids), 1)
    started = time.perf_counter()
    while store.lexical.count() < chunks_wanted:
        copy += 1
        suffix = f".s{copy}"
        shift = dt.timedelta(days=37 * copy)
        # Every document with passages; metadata-only records in one copy of eight.
        chosen = [d for d in docs if d.id in with_chunks or copy % 8 == 1]
        batch_docs: list[Document] = []
        rows: list[ChunkRow] = []
        add_ids, add_vectors, add_metas = [], [], []
        for doc in chosen:
            new = Document.from_dict(doc.to_dict())
            new.id = doc.id + suffix
            new.date = doc.date - shift if doc.date else None
            new.ids = {k: f"{v}{suffix}" for k, v in doc.ids.items()}
            new.references = [
                Reference(r.target + suffix, r.anchor, r.context, r.footnote)
                for r in doc.references
            ]
            batch_docs.append(new)
            for i in by_doc.get(doc.id, []):
                meta = dict(metas[i])
                meta.update(doc_id=new.id, document_id=new.id, ref_doc_id=new.id)
                if isinstance(meta.get("date"), int) and new.date:
                    meta["date"] = new.date.year * 10000 + new.date.month * 100 + new.date.day
                chunk_id = ids[i].replace(doc.id, new.id, 1)
                rows.append(ChunkRow(chunk_id, new.id, texts[i], meta))
                vector = matrix[i] + rng.normal(0.0, noise, matrix.shape[1]).astype(np.float32)
                add_ids.append(chunk_id)
                add_vectors.append(vector / np.linalg.norm(vector))
                add_metas.append(meta)
        store.put_vectors(add_ids, add_vectors, add_metas)
        for start in range(0, len(batch_docs), 2000):
            part = batch_docs[start : start + 2000]
            wanted = {d.id for d in part}
            store.put_batch(part, [r for r in rows if r.doc_id in wanted])
        count = store.lexical.count()
        rate = count / (time.perf_counter() - started)
        print(
            f"kopie {copy}: {count} passages, {store.document_count()} documenten "
            f"({rate:.0f} passages/s)",
            flush=True,
        )


# -- measuring ---------------------------------------------------------------------------------

PROBE_FIRST = """
import sys, time, json
t0 = time.perf_counter()
from pathlib import Path
from assistant.compose import build_services
from assistant.settings import load_settings
services = build_services(load_settings().with_store(Path(sys.argv[1])))
answer = services.answerer.ask(sys.argv[2])
print(json.dumps({"seconds": time.perf_counter() - t0, "refused": answer.refused}))
"""

PROBE_WARM = """
import sys, time, json, resource, datetime as dt, statistics
from pathlib import Path
from assistant.compose import build_services
from assistant.settings import load_settings
services = build_services(load_settings().with_store(Path(sys.argv[1])))
questions = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
structured_kinds = set(sys.argv[3].split(","))
embedder = services.embedder
spent = [0.0]
original = embedder.embed_query
def timed(text):
    t = time.perf_counter()
    try:
        return original(text)
    finally:
        spent[0] += time.perf_counter() - t
embedder.embed_query = timed
services.answerer.ask("Wat is de status van de motie kst-32317-913?")
services.answerer.ask("Wat is er bekend over stikstof?")
structured, free, free_embed = [], [], []
for q in questions:
    kind = q["kind"]
    if kind not in structured_kinds and kind != "free":
        continue
    spent[0] = 0.0
    t = time.perf_counter()
    services.answerer.ask(q["question"])
    ms = (time.perf_counter() - t) * 1000
    if kind == "free":
        free.append(ms - spent[0] * 1000)
        free_embed.append(spent[0] * 1000)
    else:
        structured.append(ms)
store = services.store
dossier = sys.argv[4]
from assistant.briefing import build_briefing
t = time.perf_counter()
briefing = build_briefing(store, dossier, dt.date(2026, 12, 1), services.retriever.index)
briefing_s = time.perf_counter() - t
t = time.perf_counter()
services.answerer.ask("Welke toezeggingen zijn er in maart 2026 gedaan?")
period_s = time.perf_counter() - t
def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))] if values else None
print(json.dumps({
    "structured_p50": pct(structured, 50), "structured_p95": pct(structured, 95),
    "free_p50": pct(free, 50), "free_p95": pct(free, 95),
    "embed_p50": pct(free_embed, 50),
    "briefing_s": briefing_s, "briefing_dossier": dossier, "period_s": period_s,
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "questions": [len(structured), len(free)],
}))
"""

PROBE_ADD = """
import sys, time, json, tempfile, random, math
from pathlib import Path
from assistant.settings import load_settings
from assistant.store import Store
from ingest.pipeline import Ingestor
settings = load_settings().with_store(Path(sys.argv[1]))
store = Store.open(settings)
dims = len(store.chunks.get(limit=1, include=["embeddings"])["embeddings"][0])
class RandomEmbedder:
    name = "random"
    spent = 0.0
    def embed_documents(self, texts):
        t = time.perf_counter()
        out = []
        for _ in texts:
            v = [random.gauss(0, 1) for _ in range(dims)]
            n = math.sqrt(sum(x * x for x in v))
            out.append([x / n for x in v])
        self.spent += time.perf_counter() - t
        return out
    def embed_query(self, text):
        return self.embed_documents([text])[0]
folder = Path(tempfile.mkdtemp())
words = "stikstof asiel woningbouw onderwijs zorg defensie klimaat energie landbouw".split()
for i in range(1000):
    body = " ".join(random.choice(words) for _ in range(150))
    (folder / f"schaal-{i:04d}.txt").write_text(f"Brief over schaaltest {i}\\n\\n{body}\\n")
embedder = RandomEmbedder()
t = time.perf_counter()
report = Ingestor(store, embedder, settings).run([folder])
total = time.perf_counter() - t
added = [d for f in report.files for d in f.doc_ids]
t = time.perf_counter()
for doc_id in added:
    store.delete_document(doc_id)
print(json.dumps({"seconds": total, "embedding_s": embedder.spent, "documents": len(added),
                  "removed_s": time.perf_counter() - t}))
"""


def run_in(code: Path, args: list[str], timeout: int) -> str:
    """A fresh Python process on the checkout `code`; its standard output."""
    env = {**os.environ, "PYTHONPATH": str(code), "ANONYMIZED_TELEMETRY": "False"}
    done = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, cwd=code, timeout=timeout
    )
    if done.returncode != 0:
        raise SystemExit(f"mislukt: {' '.join(args[-3:])}\n{done.stderr[-3000:]}")
    return done.stdout


def run_probe(code: Path, script: str, *args: str) -> dict[str, Any]:
    out = run_in(code, ["-c", script, *args], timeout=3600)
    return dict(json.loads(out.strip().splitlines()[-1]))


def wall(code: Path, *args: str) -> float:
    started = time.perf_counter()
    run_in(code, ["-c", "import sys; from assistant.cli import main; main()", *args], 600)
    return time.perf_counter() - started


def spread(values: list[float], unit: str, digits: int = 2) -> str:
    return (
        f"min {min(values):.{digits}f} {unit}, median {statistics.median(values):.{digits}f} {unit}"
    )


def folder_size(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1024**3


def largest_dossier(store: Path) -> str:
    """The dossier with the most moties, read from the store's SQLite file (any version)."""
    import sqlite3

    path = store / "kamer.sqlite3"
    if not path.exists():
        return "36600"  # a store from before SQLite: name the dossier with --dossier
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    row = db.execute(
        "SELECT dossier, count(*) n FROM documents WHERE type IN ('motie', 'gewijzigde motie') "
        "AND dossier IS NOT NULL GROUP BY dossier ORDER BY n DESC LIMIT 1"
    ).fetchone()
    db.close()
    return str(row[0]) if row else "36600"


def measure(store: Path, code: Path, runs: int, add: bool, dossier: str | None) -> None:
    dossier = dossier or largest_dossier(store)
    print(f"store {store} ({folder_size(store):.2f} GB op schijf), code {code}")
    print(
        "kamer --help:                 " + spread([wall(code, "--help") for _ in range(runs)], "s")
    )
    print(
        "kamer stats:                  "
        + spread([wall(code, "stats", "--store", str(store)) for _ in range(runs)], "s")
    )
    for label, question in (
        ("eerste antwoord, motie:      ", "Wat is de status van de motie kst-32317-913?"),
        ("eerste antwoord, vrije vraag:", "Wat is er bekend over stikstof?"),
    ):
        seconds = [
            run_probe(code, PROBE_FIRST, str(store), question)["seconds"] for _ in range(runs)
        ]
        print(f"{label}  {spread(seconds, 's')} (nieuw proces, alles geladen)")
    warm = [
        run_probe(code, PROBE_WARM, str(store), str(QUESTIONS), ",".join(STRUCTURED), dossier)
        for _ in range(runs)
    ]

    def figures(key: str) -> list[float]:
        return [float(w[key]) for w in warm if w[key] is not None]

    print(
        f"vragen per run: {warm[0]['questions'][0]} gestructureerd, {warm[0]['questions'][1]} vrij"
    )
    print("gestructureerd p50:           " + spread(figures("structured_p50"), "ms", 1))
    print("gestructureerd p95:           " + spread(figures("structured_p95"), "ms", 1))
    print("vrij p50 (zonder embedding):  " + spread(figures("free_p50"), "ms", 1))
    print("vrij p95 (zonder embedding):  " + spread(figures("free_p95"), "ms", 1))
    print("embedding van de vraag p50:   " + spread(figures("embed_p50"), "ms", 1))
    print(
        f"briefing dossier {warm[0]['briefing_dossier']}:       "
        + spread(figures("briefing_s"), "s")
    )
    print("toezeggingen in een periode:  " + spread(figures("period_s"), "s"))
    print("geheugen vraagproces (RSS):   " + spread(figures("rss_mb"), "MB", 0))
    if add:
        added = run_probe(code, PROBE_ADD, str(store))
        print(
            f"1000 documenten toevoegen:    {added['seconds']:.1f} s, waarvan embedding "
            f"{added['embedding_s']:.1f} s: {added['seconds'] - added['embedding_s']:.1f} s "
            f"zonder embedding ({added['documents']} documenten; daarna weer verwijderd in "
            f"{added['removed_s']:.1f} s)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("bouw", help="bouw een synthetische store van N passages")
    b.add_argument("--bron", type=Path, required=True)
    b.add_argument("--doel", type=Path, required=True)
    b.add_argument("--chunks", type=int, required=True)
    b.add_argument("--ruis", type=float, default=0.01)
    b.add_argument("--seed", type=int, default=7)
    b.add_argument("--dims", type=int, default=0, help="alleen de eerste N waarden per vector")
    m = sub.add_parser("meet", help="meet een store")
    m.add_argument("--store", type=Path, required=True)
    m.add_argument("--code", type=Path, default=ROOT)
    m.add_argument("--runs", type=int, default=3)
    m.add_argument("--zonder-toevoegen", action="store_true")
    m.add_argument("--dossier", help="dossier voor de briefing (standaard: de meeste moties)")
    args = parser.parse_args()
    if args.command == "bouw":
        build(args.bron, args.doel, args.chunks, args.ruis, args.seed, args.dims)
    else:
        measure(
            args.store.resolve(),
            args.code.resolve(),
            args.runs,
            not args.zonder_toevoegen,
            args.dossier,
        )


if __name__ == "__main__":
    tempfile.tempdir = tempfile.gettempdir()
    main()
