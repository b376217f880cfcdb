"""Calibrate the answerability decision (assistant/relevance.py) on the DEV questions only.

For every dev question that names a document by words (motion_by_description, free,
commitment) it takes the best retrieved passage of an expected document; for every refuse
question the retrieved passage that comes closest. It prints the coverage of the question's
distinctive content and the dense similarity of each, then how many answerable questions keep
their passage and how many refuse questions are refused, for a grid of the two thresholds.

    .venv/bin/python bench/calibrate_relevance.py --store /tmp/full-store

Never run it on tests/eval/test: that part is for reporting, not tuning.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

from assistant import relevance
from assistant.compose import build_services
from assistant.question import MOTION, parse_question
from assistant.settings import load_settings

DEV = Path(__file__).resolve().parents[1] / "tests" / "eval" / "dev"
KINDS = ("motion_by_description", "free", "commitment")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    args = parser.parse_args()
    services = build_services(replace(load_settings(), store=args.store))
    answerer = services.answerer
    judge = answerer.relevance_judge
    positives: list[tuple[str, relevance.Coverage, float]] = []
    negatives: list[tuple[str, relevance.Coverage, float]] = []
    for path in sorted(DEV.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            refuse = bool(item["expected"].get("refuse"))
            if item["kind"] not in KINDS and not refuse:
                continue
            question = parse_question(item["question"], answerer.today)
            if question.ids:
                continue  # a number is looked up, not judged
            filters = (
                question.filters
                if question.intent == MOTION
                else replace(question.filters, types=())
            )
            passages = answerer.retriever.search(question.topic or question.text, filters, k=20)
            scored = [
                (answerer._coverage(question, p, question.names), p.dense or 0.0, p)
                for p in passages
            ]
            if refuse:
                if scored:
                    coverage, dense, _ = max(scored, key=lambda s: (s[0].share, s[1]))
                    negatives.append((item["id"], coverage, dense))
                continue
            wanted = set(item["expected"].get("ids") or [])
            hits = [s for s in scored if s[2].doc_id in wanted]
            if hits:
                coverage, dense, _ = max(hits, key=lambda s: (s[0].share, s[1]))
                positives.append((item["id"], coverage, dense))
            else:
                print(f"{item['id']}: expected document not retrieved")
    for label, rows in (("answerable", positives), ("refuse", negatives)):
        print(f"\n{label} ({len(rows)}): id share missing-distinctive dense")
        for qid, coverage, dense in sorted(rows, key=lambda r: r[1].share):
            print(f"  {qid:5} {coverage.share:.2f} {coverage.missing_distinctive} {dense:.2f}")
    print("\nLEXICAL_COVER DENSE_FLOOR kept-answerable refused-refuse")
    for lexical in (0.5, 0.6, 0.7, 0.75, 0.8, 0.9):
        for floor in (0.3, 0.4, 0.5, 0.6):
            relevance.LEXICAL_COVER, relevance.DENSE_FLOOR = lexical, floor
            kept = sum(judge.answers(c, d) for _, c, d in positives)
            refused = sum(not judge.answers(c, d) for _, c, d in negatives)
            print(f"  {lexical:.2f} {floor:.2f} {kept}/{len(positives)} {refused}/{len(negatives)}")


if __name__ == "__main__":
    main()
