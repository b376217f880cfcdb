"""How a named member's moties are ranked and chosen for a description, on the DEV questions only.

For every DEV question that names a member who signed moties and describes one of theirs
(motion_by_description) or one that does not exist (refuse), it asks the question and prints:

- where the search among the member's moties ranks the expected motie (first, further down in
  the first 20, or not among them), and whether the answer was right;
- for each answer given, the lead in meaning of the motie answered: how much closer its subject
  comes to the question's than the member's next motie on another subject;
- what a veto on a small lead would do: the wrong answers it would refuse and the right
  answers it would lose, for a few thresholds.

    .venv/bin/python bench/member_candidates.py --store /tmp/store23

Never run it on tests/eval/test: that part is for reporting, not tuning.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

from assistant.compose import build_services
from assistant.documents import GEWIJZIGDE_MOTIE, MOTIE
from assistant.judge import judge
from assistant.retrieve import Filters
from assistant.settings import load_settings

DEV = Path(__file__).resolve().parents[1] / "tests" / "eval" / "dev"
KINDS = ("motion_by_description", "refuse")
VETOES = (0.0, 0.01, 0.03, 0.05)
TODAY = dt.date(2026, 12, 6)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    args = parser.parse_args()
    answerer = build_services(replace(load_settings(), store=args.store), today=TODAY).answerer
    index = answerer.retriever.index
    places: Counter[tuple[str, str]] = Counter()
    leads: list[tuple[str, bool, float]] = []  # kind, right, lead of the motie answered
    for path in sorted(DEV.glob("questions*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if item["kind"] not in KINDS:
                continue
            question = answerer.read(item["question"])
            signed = index.doc_ids_signed_by(question.names) if question.names else ()
            if not signed:
                continue
            moties = Filters(types=(MOTIE, GEWIJZIGDE_MOTIE), doc_ids=signed)
            answer = answerer.ask(item["question"])
            right, _ = judge(item, answer)
            expected = set(item["expected"].get("ids", []))
            if item["kind"] == "refuse":
                place = "refuse"
            else:
                found = answerer.retriever.search(question.topic or question.text, moties, k=20)
                ranks = [n for n, p in enumerate(found) if p.doc_id in expected]
                place = "first" if ranks[:1] == [0] else "further" if ranks else "not in 20"
            places[(place, "right" if right else "wrong")] += 1
            if answer.refused or not answer.citations:
                continue
            closest = answerer._closest(question, moties)
            answered = answer.citations[0].id
            if closest is None or answered not in closest.subjects:
                continue
            mine = closest.subjects[answered]
            others = [
                float(closest.similarity[n])
                for n in closest.order
                if closest.subjects[closest.ids[n]] != mine
            ]
            if others:
                lead = (closest.similarity_of(answered) or 0.0) - others[0]
                leads.append((item["kind"], right, lead))
    print("The expected motie in the member's search, and the answer:")
    for (place, outcome), count in sorted(places.items()):
        print(f"  {place:10} {outcome:5} {count}")
    print("A veto on answers whose lead in meaning is below:")
    for veto in VETOES:
        refused = sum(1 for kind, right, lead in leads if kind == "refuse" and lead < veto)
        lost = sum(1 for kind, right, lead in leads if kind != "refuse" and right and lead < veto)
        print(f"  {veto:.2f}: refuses {refused} wrong answers, loses {lost} right ones")


if __name__ == "__main__":
    main()
