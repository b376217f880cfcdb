"""`kamer eval`: run the evaluation questions and score the answers against their expected facts.

The evaluation has two parts (tests/eval/README.md, "Dev and test"). DEV is everything read
while tuning: tests/eval/dev/*.jsonl and the commitment labels in tests/fixtures/commitments
(labelled.jsonl, dev1/, dev2/). TEST is tests/eval/test/, labelled blind and never read while
tuning; its figures are reported apart and without per-question details.
"""

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
from assistant.documents import KAMERVRAAG, Document, Section
from assistant.judge import cited_ids as cited_doc_ids
from assistant.judge import judge
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
    recall_hit: bool | None  # None: the item expects no source
    citations_valid: bool
    refusal_correct: bool
    seconds: float
    detail: str = ""
    refused: bool = False
    should_refuse: bool = False
    named_at: int | None = None  # where the first expected source stands among the cited ones


@dataclass
class Report:
    results: list[Result] = field(default_factory=list)
    retrieval: dict[str, float] = field(default_factory=dict)

    def accuracy_by_kind(self) -> dict[str, float]:
        groups: dict[str, list[bool]] = defaultdict(list)
        for r in self.results:
            groups[r.kind].append(r.correct)
        return {kind: sum(v) / len(v) for kind, v in sorted(groups.items())}

    def refusal_precision_recall(self) -> tuple[float | None, float | None]:
        """Precision: refusals that were right / all refusals. Recall: refuse items refused /
        refuse items. A system that never refuses has no precision and recall 0; one that
        always refuses has recall 1 and the share of refuse items as precision."""
        refused = [r for r in self.results if r.refused]
        should = [r for r in self.results if r.should_refuse]
        right = sum(r.should_refuse for r in refused)
        return (
            round(right / len(refused), 3) if refused else None,
            round(right / len(should), 3) if should else None,
        )

    def named_when_refused(self) -> dict[str, int]:
        """Questions with an expected source that were refused wrongly, and how many of those
        refusals still named that source among the closest ones (and how many named it first):
        the user who opens it finds what was asked."""
        wrong = [r for r in self.results if r.refused and r.recall_hit is not None]
        return {
            "refused": len(wrong),
            "named": sum(r.named_at is not None for r in wrong),
            "named_first": sum(r.named_at == 0 for r in wrong),
        }

    def summary(self) -> dict[str, Any]:
        hits = [r.recall_hit for r in self.results if r.recall_hit is not None]
        structured = [r.seconds for r in self.results if r.kind in STRUCTURED]
        free = [r.seconds for r in self.results if r.kind not in STRUCTURED]
        precision, recall = self.refusal_precision_recall()
        return {
            "questions": len(self.results),
            "recall@5": sum(hits) / len(hits) if hits else None,
            "accuracy_by_kind": self.accuracy_by_kind(),
            "citation_validity": share(r.citations_valid for r in self.results),
            "refusal_accuracy": share(r.refusal_correct for r in self.results),
            "refusal_precision": precision,
            "refusal_recall": recall,
            "named_when_refused": self.named_when_refused(),
            "latency_ms": {
                "structured_p50": percentile(structured, 50),
                "structured_p95": percentile(structured, 95),
                "free_p50": percentile(free, 50),
                "free_p95": percentile(free, 95),
            },
            "retrieval_recall@5": self.retrieval,
        }


def share(values: Iterable[bool]) -> float | None:
    flags = list(values)
    return sum(flags) / len(flags) if flags else None


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


def kamervraag_document(row: dict[str, Any]) -> Document:
    """One written answer to a Kamervraag, built as `ingest/sources/pdf.py` builds it.

    The PDF reader makes a Document of type KAMERVRAAG whose sections are "vraag-antwoord"
    sections with the text "Vraag N\n<question>\n\nAntwoord N\n<answer>" and no speaker. Such a
    document is no debate, so the extractor reads it as a written government text
    (`classify(..., written=True)`) and starts each section at its "Antwoord" heading. The test
    rows carry text only, so the same shape is built from it: one question, one answer.
    """
    text = f"Vraag 1\n{row['question']}\n\nAntwoord 1\n{row['answer']}"
    return Document(
        id=f"eval-kamervraag-{row['row']}",
        type=KAMERVRAAG,
        title="Antwoord op Kamervragen",
        text=text,
        sections=[Section(text=text, title="Vraag 1", kind="vraag-antwoord")],
    )


def kamervraag_precision_recall(answers_path: Path, labels_path: Path) -> dict[str, Any]:
    """Precision and recall of commitment extraction on real Kamervraag answers labelled
    exhaustively per row (every sentence listed): every extracted sentence, and every detail,
    that matches no positive is a false positive. Also without the rows whose note starts with
    "borderline:": those sentences are left out, and so are the extracted sentences that match
    only them."""
    from ingest.commitments import extract_commitments

    answers = {str(row["row"]): row for row in load_questions(answers_path)}
    labels = load_questions(labels_path)
    by_row: dict[str, list[dict[str, Any]]] = {}
    for label in labels:
        by_row.setdefault(str(label["row"]), []).append(label)
    counts, clear_counts = [0, 0, 0], [0, 0, 0]
    scored = 0
    for row_id, labelled in by_row.items():
        if row_id not in answers:
            continue
        scored += 1
        found = [
            sentence
            for c in extract_commitments(kamervraag_document(answers[row_id]))
            for sentence in (c.sentence, *c.details)
        ]
        for i, n in enumerate(score_sentences(labelled, found, exhaustive=True)):
            counts[i] += n
        clear = [r for r in labelled if not is_borderline(r)]
        unclear = [r["sentence"] for r in labelled if is_borderline(r)]
        positives = [r["sentence"] for r in clear if r["commitment"]]
        kept = [f for f in found if not contains_any(f, unclear) or contains_any(f, positives)]
        for i, n in enumerate(score_sentences(clear, kept, exhaustive=True)):
            clear_counts[i] += n
    return {
        "sentences": len(labels),
        "answers": scored,
        "answers_without_labels": len(set(answers) - set(by_row)),
        "labels_without_answer": len(set(by_row) - set(answers)),
        **precision_recall(*counts),
        "without_borderline": {
            "sentences": sum(not is_borderline(r) for r in labels),
            **precision_recall(*clear_counts),
        },
    }


def is_borderline(row: dict[str, Any]) -> bool:
    return str(row.get("note") or "").strip().lower().startswith("borderline")


def contains_any(sentence: str, others: list[str]) -> bool:
    """Matched as in `score_sentences`: one contains the other after whitespace collapsing."""
    text = " ".join(sentence.split())
    return any((o := " ".join(other.split())) in text or text in o for other in others)


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
    return cited_doc_ids(answer.citations)


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
        cited = cited_ids(answer)
        recall_hit = any(i in cited[:5] for i in expected_ids) if expected_ids else None
        should_refuse = bool(item["expected"].get("refuse"))
        named_at = next((n for n, i in enumerate(cited) if i in (expected_ids or ())), None)
        report.results.append(
            Result(
                id=item["id"],
                kind=item["kind"],
                correct=correct,
                recall_hit=recall_hit,
                citations_valid=citations_valid(answer, store),
                refusal_correct=answer.refused == should_refuse,
                seconds=seconds,
                detail=detail,
                refused=answer.refused,
                should_refuse=should_refuse,
                named_at=named_at,
            )
        )
    if compare_modes:
        report.retrieval = retrieval_recall(items, answerer.retriever, ("dense", "bm25", "hybrid"))
    return report


def evaluate_dev(
    questions: list[Path],
    labelled: Path,
    exhaustive: list[Path],
    answerer: Answerer,
    store: Store,
    root: Path,
    kamervragen: list[Path] | None = None,
) -> tuple[dict[str, Any], Report]:
    """The DEV part: its questions, the three commitment label sets, and the sets of Kamervraag
    answers that were blind test parts until their misses were read."""
    report = run_eval(questions, answerer, store)
    summary = report.summary()
    summary["commitment_extraction"] = {
        shown(path, root): commitment_precision_recall(path, root, exhaustive=complete)
        for path, complete in [(labelled, False), *((p, True) for p in exhaustive)]
    }
    for folder in kamervragen or []:
        answers = folder / "kamervragen_answers.jsonl"
        labels = folder / "commitment_sentences.jsonl"
        if answers.is_file() and labels.is_file():
            summary["commitment_extraction"][shown(labels, root)] = kamervraag_precision_recall(
                answers, labels
            )
    return summary, report


def evaluate_test(folder: Path, answerer: Answerer, store: Store, root: Path) -> dict[str, Any]:
    """The TEST part: its questions and the Kamervraag answers labelled sentence by sentence.
    What is missing is said (in Dutch) and skipped; no per-question results leave here, so
    nobody tunes against them."""
    summary: dict[str, Any] = {"missing": []}
    questions = folder / "questions.jsonl"
    # questions.jsonl and the sets written blind after it (questions_w.jsonl, ...).
    sets = sorted(folder.glob("questions*.jsonl"))
    if sets:
        report = run_eval(sets, answerer, store)
        summary.update(report.summary())
        summary["per_set"] = per_set(report, sets, root)
    else:
        summary["missing"].append(
            f"{shown(questions, root)} ontbreekt: de vragen van het testdeel zijn overgeslagen."
        )
    # The first labelled batch lies in the folder itself, later ones in kamervragen*/.
    extraction: dict[str, Any] = {}
    for batch in [folder, *sorted(p for p in folder.glob("kamervragen*") if p.is_dir())]:
        answers = batch / "kamervragen_answers.jsonl"
        labels = batch / "commitment_sentences.jsonl"
        absent = [shown(p, root) for p in (answers, labels) if not p.is_file()]
        if absent:
            summary["missing"].append(
                f"{' en '.join(absent)} ontbreekt: die toezeggingen van het testdeel zijn "
                "overgeslagen."
            )
        else:
            extraction[shown(labels, root)] = kamervraag_precision_recall(answers, labels)
    if len(extraction) > 1:
        extraction["alle testbatches samen"] = pooled(list(extraction.values()))
    if extraction:
        summary["commitment_extraction"] = extraction
    return summary


def pooled(batches: list[dict[str, Any]]) -> dict[str, Any]:
    """Precision and recall over the sentences of several labelled batches together."""

    def total(figures: list[dict[str, Any]]) -> dict[str, Any]:
        counts = [
            sum(int(f[key]) for f in figures)
            for key in ("true_positives", "false_positives", "false_negatives")
        ]
        return {"sentences": sum(int(f["sentences"]) for f in figures), **precision_recall(*counts)}

    return {
        **total(batches),
        "without_borderline": total([b["without_borderline"] for b in batches]),
    }


def per_set(report: Report, paths: list[Path], root: Path) -> dict[str, dict[str, Any]]:
    """Each question file's own figures: sets written at different times stay comparable."""
    figures: dict[str, dict[str, Any]] = {}
    for path in paths:
        ids = {item["id"] for item in load_questions(path)}
        part = Report([r for r in report.results if r.id in ids])
        precision, recall = part.refusal_precision_recall()
        figures[shown(path, root)] = {
            "questions": len(part.results),
            "accuracy_by_kind": part.accuracy_by_kind(),
            "refusal_precision": precision,
            "refusal_recall": recall,
        }
    return figures


def shown(path: Path, root: Path) -> str:
    return str(path.relative_to(root) if path.is_relative_to(root) else path)
