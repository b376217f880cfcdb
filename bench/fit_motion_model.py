"""Fit the model that tells which of a member's moties a description means
(`assistant/motion_fit.py`), on the DEV questions only.

For every DEV question that names a member who signed moties and describes one of theirs
(motion_by_description) or one that does not exist (refuse), the member's moties the search
finds get their evidence (`assistant.motion_fit.evidence`). Printed:

- leave one file out: for each DEV question file, the model fitted on the other files decides
  its questions (the best motie when it reaches the threshold, else the member's motie that
  stands out in meaning, else a refusal), for several thresholds: descriptions right, refusal
  precision and recall. The same figures for the answers the assistant gives now;
- the same figures in sample (fitted on all DEV questions), and that model's constants.

Session 28, on the store of all of ../shared/data (518 DEV questions from 18 files): the rules
0.947 by description, refusal precision 0.894 and recall 0.864; the model left out at best
0.950 with recall 0.438 (threshold 0.3) or 0.909 with recall 0.807 (0.9), so the answers do not
use it (README, "Eighteenth round").

    .venv/bin/python bench/fit_motion_model.py --store /tmp/store27f [--cache /tmp/evidence.json]

Never run it on tests/eval/test: that part is for reporting, not tuning.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from assistant.ask import Answerer
from assistant.ask_motions import describes_motie
from assistant.compose import build_services
from assistant.documents import GEWIJZIGDE_MOTIE, MOTIE
from assistant.motion_fit import Evidence, FitModel, evidence, fit
from assistant.retrieve import Filters
from assistant.settings import load_settings

DEV = Path(__file__).resolve().parents[1] / "tests" / "eval" / "dev"
KINDS = ("motion_by_description", "refuse")
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
TODAY = dt.date(2026, 12, 6)


def collect(answerer: Answerer) -> list[dict[str, Any]]:
    """Per DEV question: its file, expected ids, whether to refuse, what the assistant answers
    now, and per candidate motie its id, evidence and whether a place, number or direction
    vetoes it."""
    items = []
    for path in sorted(DEV.glob("questions*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if item["kind"] not in KINDS or item.get("history"):
                continue
            question = answerer.read(item["question"])
            signed = answerer._member_moties(question)
            if not signed or not describes_motie(question):
                continue
            moties = Filters(types=(MOTIE, GEWIJZIGDE_MOTIE), doc_ids=signed)
            scored = answerer._scored(question, moties, True)
            closest = answerer._closest(question, moties)
            standing = answerer._standing_out(closest, None)
            if standing is not None and (
                answerer._differs(question, standing)
                or not answerer._asks_as_asked(question, standing)
            ):
                standing = None
            answer = answerer.ask(item["question"])
            now = None if answer.refused or not answer.citations else answer.citations[0].id
            found = evidence(answerer.relevance_judge, scored, closest)
            items.append(
                {
                    "file": path.name,
                    "id": item["id"],
                    "expected": item["expected"].get("ids", []),
                    "refuse": item["kind"] == "refuse",
                    "now": now,
                    "standing": standing,
                    "candidates": [
                        {
                            "id": p.doc_id,
                            "evidence": asdict(e),
                            "vetoed": any(answerer._lacks(question, p.doc_id)),
                        }
                        for (_, p), e in zip(scored, found, strict=True)
                    ],
                }
            )
    return items


def decide(model: FitModel, item: dict[str, Any], threshold: float) -> str | None:
    chances = [
        0.0 if c["vetoed"] else model.probability(Evidence(**c["evidence"]))
        for c in item["candidates"]
    ]
    if chances and max(chances) >= threshold:
        return str(item["candidates"][chances.index(max(chances))]["id"])
    standing: str | None = item["standing"]
    return standing


def figures(items: list[dict[str, Any]], answers: list[str | None]) -> str:
    described = [a in i["expected"] for i, a in zip(items, answers, strict=True) if not i["refuse"]]
    refused = [i["refuse"] for i, a in zip(items, answers, strict=True) if a is None]
    meant = [a is None for i, a in zip(items, answers, strict=True) if i["refuse"]]
    precision = sum(refused) / len(refused) if refused else 0.0
    return (
        f"by description {sum(described) / len(described):.3f} ({sum(described)}/{len(described)})"
        f"  refusals P {precision:.3f} R {sum(meant) / len(meant):.3f}"
    )


def training(items: list[dict[str, Any]]) -> tuple[list[list[float]], list[bool]]:
    rows = [Evidence(**c["evidence"]).vector() for i in items for c in i["candidates"]]
    labels = [c["id"] in i["expected"] for i in items for c in i["candidates"]]
    return rows, labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--cache", type=Path, help="JSON of the evidence, made once and reused")
    args = parser.parse_args()
    if args.cache and args.cache.is_file():
        items = json.loads(args.cache.read_text(encoding="utf-8"))
    else:
        settings = replace(load_settings(), store=args.store)
        items = collect(build_services(settings, today=TODAY).answerer)
        if args.cache:
            args.cache.write_text(json.dumps(items), encoding="utf-8")
    files = sorted({i["file"] for i in items})
    print(f"{len(items)} DEV questions from {len(files)} files")
    print(f"  now:            {figures(items, [i['now'] for i in items])}")
    models = {f: fit(*training([i for i in items if i["file"] != f])) for f in files}
    for threshold in THRESHOLDS:
        answers = [decide(models[i["file"]], i, threshold) for i in items]
        print(f"  left out, {threshold:.1f}: {figures(items, answers)}")
    model = fit(*training(items))
    for threshold in THRESHOLDS:
        answers = [decide(model, i, threshold) for i in items]
        print(f"  in sample, {threshold:.1f}: {figures(items, answers)}")
    print("Fitted on all DEV questions:")
    for name, values in asdict(model).items():
        shown = [round(v, 4) for v in values] if isinstance(values, tuple) else round(values, 4)
        print(f"  {name} = {shown}")


if __name__ == "__main__":
    main()
