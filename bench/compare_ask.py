"""Latency of `ask`, an older revision against the working tree, alternately, in separate processes.

    .venv/bin/python bench/compare_ask.py --store /tmp/full-store --old 2ebfa6c [--runs 3]
        [--old-store /tmp/full-store-v7]

Checks the old revision out in a temporary git worktree, then runs bench/bench_ask.py of each side
`--runs` times, old and new in turn, on the same store and the same questions (the working tree's
tests/eval/dev/questions.jsonl), and prints the min and median of each figure per side.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIGURE_RE = re.compile(r"^(structured|free) questions:\s+p50 ([\d.]+) ms, p95 ([\d.]+) ms")


def run_once(tree: Path, store: Path, questions: Path) -> dict[str, float]:
    """One bench_ask run of the code in `tree`: {"structured p50": ms, ...}."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(
        [
            sys.executable,
            str(tree / "bench" / "bench_ask.py"),
            "--store",
            str(store),
            "--vragen",
            str(questions),
        ],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, float] = {}
    for line in done.stdout.splitlines():
        match = FIGURE_RE.match(line.strip())
        if match:
            kind, p50, p95 = match.groups()
            figures[f"{kind} p50"] = float(p50)
            figures[f"{kind} p95"] = float(p95)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--old", required=True, help="git revision to compare against")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--old-store",
        type=Path,
        help="the store the old revision reads (default: --store); a copy of it at the older "
        "schema version when the working tree has upgraded the store beyond what the old code "
        "opens (the extra tables do not matter to it)",
    )
    args = parser.parse_args()
    stores = {"old": args.old_store or args.store, "new": args.store}
    questions = ROOT / "tests" / "eval" / "dev" / "questions.jsonl"
    with tempfile.TemporaryDirectory() as scratch:
        old = Path(scratch) / "old"
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(old), args.old],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        (old / "models").symlink_to(ROOT / "models")
        try:
            results: dict[str, list[dict[str, float]]] = {"old": [], "new": []}
            for n in range(args.runs):
                for side, tree in (("old", old), ("new", ROOT)):
                    results[side].append(run_once(tree, stores[side], questions))
                    print(f"run {n + 1} {side}: {results[side][-1]}", flush=True)
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(old)],
                cwd=ROOT,
                check=False,
                capture_output=True,
            )
    print(f"\n{args.old} (old) against the working tree (new), {args.runs} runs each, min / median")
    for figure in ("structured p50", "structured p95", "free p50", "free p95"):
        cells = []
        for side in ("old", "new"):
            values = [r[figure] for r in results[side] if figure in r]
            cells.append(f"{min(values):.1f} / {statistics.median(values):.1f} ms")
        print(f"{figure:15} {cells[0]:>22}  ->  {cells[1]}")


if __name__ == "__main__":
    main()
