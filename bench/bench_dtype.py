"""Embedding speed in bfloat16 and float32 on this machine, and what `embed_dtype = "auto"` picks.

The same passages (chunks of the motie texts in corpus/, as the ingest makes them) are embedded
in each dtype in a separate process, several runs each; printed are passages/s (min and median
over the runs), the load time, and how close the two dtypes' vectors are (cosine). On a CPU
without native bfloat16 arithmetic (AVX2 only) torch emulates it and float32 is faster; "auto"
then computes in float32.

    .venv/bin/python bench/bench_dtype.py [--passages 48] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from typing import Any

from assistant.embed import build_embedder, chosen_dtype, native_bfloat16
from assistant.settings import PROJECT_ROOT, load_settings
from ingest.chunk import chunk_document
from ingest.detect import choose_reader, default_readers

CORPUS = PROJECT_ROOT / "corpus" / "moties" / "teksten"


def passages(count: int) -> list[str]:
    """The first `count` chunks of the corpus's motie texts, in file-name order."""
    readers = default_readers()
    found: list[str] = []
    for path in sorted(CORPUS.glob("*.xml")):
        for doc in choose_reader(path, readers).read(path):
            found += [chunk.text for chunk in chunk_document(doc)]
        if len(found) >= count:
            break
    return found[:count]


def one_run(dtype: str, count: int) -> None:
    """In a child process: load the model in `dtype`, embed the passages, print JSON."""
    texts = passages(count)
    settings = load_settings(env={"KAMER_EMBED_DTYPE": dtype})
    embedder = build_embedder(settings)
    started = time.perf_counter()
    embedder.embed_documents(texts[:2])  # loads the model
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    vectors = embedder.embed_documents(texts)
    seconds = time.perf_counter() - started
    print(json.dumps({"load_s": loaded, "per_s": len(texts) / seconds, "vectors": vectors}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=48)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", choices=("bfloat16", "float32"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        one_run(args.child, args.passages)
        return
    auto = chosen_dtype("auto")
    print(f"CPU with native bfloat16: {native_bfloat16()}; 'auto' computes in {auto}")
    print(f"{args.passages} passages of corpus/moties/teksten, {args.runs} runs per dtype")
    results: dict[str, list[dict[str, Any]]] = {"bfloat16": [], "float32": []}
    for _ in range(args.runs):
        for dtype in results:  # interleaved, so a busy spell hits both
            out = subprocess.run(
                [sys.executable, __file__, "--child", dtype, "--passages", str(args.passages)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            results[dtype].append(json.loads(out.strip().splitlines()[-1]))
    for dtype, runs in results.items():
        rates = [float(r["per_s"]) for r in runs]
        loads = [float(r["load_s"]) for r in runs]
        print(
            f"{dtype:9} passages/s min {min(rates):6.2f}  median {statistics.median(rates):6.2f}"
            f"   load s median {statistics.median(loads):5.1f}"
        )
    low = results["bfloat16"][0]["vectors"]
    full = results["float32"][0]["vectors"]
    cosines = [
        sum(a * b for a, b in zip(x, y, strict=True)) for x, y in zip(low, full, strict=True)
    ]
    print(
        f"cosine bfloat16 vs float32 vectors: min {min(cosines):.4f}, "
        f"mean {statistics.mean(cosines):.4f}"
    )


if __name__ == "__main__":
    main()
