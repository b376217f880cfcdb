"""Latency of `ask` without LLM over the evaluation questions (p50/p95 per kind of question).

    .venv/bin/python bench/bench_ask.py --store /path/to/store-of-full-shared-data

Build the store first with `kamer ingest ../shared/data --store ...` (about 25 minutes here).
The first question pays for loading the model and the BM25 mirror; it is reported apart.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from assistant.compose import build_services
from assistant.evaluate import run_eval
from assistant.settings import load_settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--vragen", type=Path, default=Path("tests/eval/dev/questions.jsonl"))
    args = parser.parse_args()
    started = time.perf_counter()
    services = build_services(load_settings().with_store(args.store))
    services.answerer.ask("opwarmen")
    print(
        f"start (model, BM25-mirror of {services.retriever.index.size} chunks): "
        f"{time.perf_counter() - started:.1f} s"
    )
    report = run_eval([args.vragen], services.answerer, services.store, compare_modes=False)
    latency = report.summary()["latency_ms"]
    print(
        f"structured questions: p50 {latency['structured_p50']} ms, "
        f"p95 {latency['structured_p95']} ms (target p50 <= 300 ms)"
    )
    print(
        f"free questions:       p50 {latency['free_p50']} ms, "
        f"p95 {latency['free_p95']} ms (target p50 <= 800 ms)"
    )


if __name__ == "__main__":
    main()
