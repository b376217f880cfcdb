"""`kamer eval`: run the evaluation questions and score the answers against their expected facts."""

from __future__ import annotations

import json
import re
import statistics
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.answer import Answer, quote_is_valid
from assistant.ask import Answerer, Conversation
from assistant.retrieve import Filters, Retriever
from assistant.store import Store

STRUCTURED = {
    "motion_outcome",
    "motion_votes",
    "motion_indieners",
    "motion_appreciatie",
    "motion_replaced",
    "followup",
}


@dataclass
class Result:
    id: str
    kind: str
    correct: bool
    recall_hit: bool | None
    citations_valid: bool
    refusal_correct: bool
    seconds: float
    detail: str = ""


@dataclass
class Report:
    results: list[Result] = field(default_factory=list)
    retrieval: dict[str, float] = field(default_factory=dict)

    def accuracy_by_kind(self) -> dict[str, float]:
        groups: dict[str, list[bool]] = defaultdict(list)
        for r in self.results:
            groups[r.kind].append(r.correct)
        return {kind: sum(v) / len(v) for kind, v in sorted(groups.items())}

    def summary(self) -> dict[str, Any]:
        hits = [r.recall_hit for r in self.results if r.recall_hit is not None]
        structured = [r.seconds for r in self.results if r.kind in STRUCTURED]
        free = [r.seconds for r in self.results if r.kind not in STRUCTURED]
        return {
            "questions": len(self.results),
            "recall@5": sum(hits) / len(hits) if hits else None,
            "accuracy_by_kind": self.accuracy_by_kind(),
            "citation_validity": sum(r.citations_valid for r in self.results) / len(self.results),
            "refusal_accuracy": sum(r.refusal_correct for r in self.results) / len(self.results),
            "latency_ms": {
                "structured_p50": percentile(structured, 50),
                "structured_p95": percentile(structured, 95),
                "free_p50": percentile(free, 50),
                "free_p95": percentile(free, 95),
            },
            "retrieval_recall@5": self.retrieval,
        }


def commitment_precision_recall(
    path: Path, root: Path, exhaustive: bool = False
) -> dict[str, float | int]:
    """Precision and recall of commitment extraction over labelled real sentences.

    Each line: {"doc": path relative to root, "sentence": ..., "commitment": true|false}. A
    commitment's details (the sentences after it that spell it out) count as extracted
    sentences of their own. See `score_sentences` for how they are matched.
    """
    from ingest.commitments import extract_commitments
    from ingest.detect import choose_reader, default_readers

    readers = default_readers()
    rows = load_questions(path)
    counts = [0, 0, 0]
    for doc_name, labelled in labelled_by_doc(rows).items():
        doc_path = root / doc_name
        found = [
            sentence
            for d in choose_reader(doc_path, readers).read(doc_path)
            for c in extract_commitments(d)
            for sentence in (c.sentence, *c.details)
        ]
        for i, n in enumerate(score_sentences(labelled, found, exhaustive)):
            counts[i] += n
    return {"sentences": len(rows), **precision_recall(*counts)}


def labelled_by_doc(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_doc.setdefault(row["doc"], []).append(row)
    return by_doc


def score_sentences(
    labelled: list[dict[str, Any]], extracted: list[str], exhaustive: bool
) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of the sentences extracted from one
    document. A labelled sentence counts as found when it and an extracted sentence contain one
    another (labellers and the sentence splitter may cut at different places). With
    `exhaustive`, the positives of the document are complete, so every extracted sentence that
    matches no positive is a false positive, labelled or not."""
    found = {" ".join(sentence.split()) for sentence in extracted}
    tp = fp = fn = 0
    matched_positive: set[str] = set()
    for row in labelled:
        sentence = " ".join(row["sentence"].split())
        hits = {f for f in found if sentence in f or f in sentence}
        if row["commitment"]:
            tp += bool(hits)
            fn += not hits
            matched_positive |= hits
        elif not exhaustive:
            fp += bool(hits)
    if exhaustive:
        fp += len(found - matched_positive)
    return tp, fp, fn


def precision_recall(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    return {
        "precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
        "recall": round(tp / (tp + fn), 3) if tp + fn else 0.0,
        "true_positives": tp,
        "false_positives": fp,
        "false_negatives": fn,
    }


def percentile(values: list[float], q: int) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return round(values[0] * 1000, 1)
    return round(statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000, 1)


def load_questions(path: Path) -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def cited_ids(answer: Answer) -> list[str]:
    seen: dict[str, None] = {}
    for citation in answer.citations:
        seen.setdefault(citation.id, None)
        for value in citation.ids.values():
            seen.setdefault(value, None)
    return list(seen)


def numbers_in(text: str) -> set[str]:
    return set(re.findall(r"\d+", text))


def judge(item: dict[str, Any], answer: Answer) -> tuple[bool, str]:
    """Is the answer right on the facts the question expects?"""
    expected: dict[str, Any] = item["expected"]
    text = answer.answer.lower()
    ids = cited_ids(answer)
    if expected.get("refuse"):
        return answer.refused, "moest weigeren"
    if answer.refused:
        return False, "weigerde onterecht"
    wanted_ids = expected.get("ids") or []
    if wanted_ids and not any(i in ids for i in wanted_ids):
        return False, f"verwachte bron {wanted_ids} niet geciteerd"
    if "ids_any" in expected and not any(i in ids for i in expected["ids_any"]):
        return False, "geen van de verwachte moties geciteerd"
    if "outcome" in expected:
        outcome = expected["outcome"]
        if outcome == "onbekend":
            if "staat niet in de geïndexeerde bronnen" not in text:
                return False, "onbekende uitslag niet als onbekend gemeld"
        elif f"is {outcome}" not in text:
            return False, f"uitslag {outcome} ontbreekt"
    if "voor" in expected and f"{expected['voor']} voor, {expected['tegen']} tegen" not in text:
        return False, f"verwacht {expected['voor']} voor, {expected['tegen']} tegen"
    for key in ("fracties_voor", "fracties_tegen", "indieners"):
        for name in expected.get(key, []):
            if name.lower() not in text:
                return False, f"{name} ontbreekt"
    if "kabinetsappreciatie" in expected and expected["kabinetsappreciatie"].lower() not in text:
        return False, "kabinetsappreciatie ontbreekt"
    if "replaced_by" in expected and expected["replaced_by"] not in answer.answer:
        return False, "vervangende motie ontbreekt"
    status = expected.get("status")
    if status == "nagekomen" and not re.search(r"nagekomen|uitvoering( \(zekerheid \w+\))?:", text):
        return False, "uitvoering niet gemeld"
    if status == "open" and not re.search(
        r"geen uitvoering gevonden|geen document dat meldt", text
    ):
        return False, "ten onrechte als uitgevoerd gemeld of niets gezegd over uitvoering"
    quotes = " ".join(c.quote for c in answer.citations).lower()
    for fact in expected.get("facts", []):
        if " ".join(fact.lower().split()) not in " ".join(quotes.split()):
            return False, f"feit '{fact}' niet in de geciteerde passages"
    return True, ""


def citations_valid(answer: Answer, store: Store) -> bool:
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)}
    numbers = {c.n for c in answer.citations}
    if markers != numbers:
        return False
    for citation in answer.citations:
        doc = store.get_document(citation.id)
        if doc is None or not quote_is_valid(citation.quote, doc):
            return False
    return True


def retrieval_recall(
    items: Iterable[dict[str, Any]], retriever: Retriever, modes: tuple[str, ...]
) -> dict[str, float]:
    """recall@5 of the expected ids in the plain retrieval results, per retrieval mode."""
    items = [
        i
        for i in items
        if i["kind"] in ("free", "motion_by_description", "commitment") and i["expected"].get("ids")
    ]
    result: dict[str, float] = {}
    for mode in modes:
        retriever.mode = mode
        hits = 0
        for item in items:
            passages = retriever.search(item["question"], Filters(), k=20)
            top = list(dict.fromkeys(p.doc_id for p in passages))[:5]
            hits += any(i in top for i in item["expected"]["ids"])
        result[mode] = round(hits / len(items), 3) if items else 0.0
    retriever.mode = "hybrid"
    return result


def run_eval(
    paths: list[Path], answerer: Answerer, store: Store, compare_modes: bool = True
) -> Report:
    report = Report()
    items = [item for path in paths for item in load_questions(path)]
    for item in items:
        conversation = Conversation()
        for earlier in item.get("history", []):
            answerer.ask(earlier, conversation)
        started = time.perf_counter()
        answer = answerer.ask(item["question"], conversation)
        seconds = time.perf_counter() - started
        correct, detail = judge(item, answer)
        expected_ids = item["expected"].get("ids") or item["expected"].get("ids_any")
        recall_hit = any(i in cited_ids(answer)[:5] for i in expected_ids) if expected_ids else None
        report.results.append(
            Result(
                id=item["id"],
                kind=item["kind"],
                correct=correct,
                recall_hit=recall_hit,
                citations_valid=citations_valid(answer, store),
                refusal_correct=answer.refused == bool(item["expected"].get("refuse")),
                seconds=seconds,
                detail=detail,
            )
        )
    if compare_modes:
        report.retrieval = retrieval_recall(items, answerer.retriever, ("dense", "bm25", "hybrid"))
    return report
