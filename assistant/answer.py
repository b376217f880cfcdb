"""Answers and their citations: every fact points to a passage quoted verbatim from its source."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from assistant.documents import Document

EXTRACTIVE = "extractief (zonder taalmodel)"


def record_lines(doc: Document) -> list[str]:
    """The structured fields of a record, one per line, as they are quoted in citations."""
    lines = [f"Onderwerp: {doc.title}"]
    if doc.indieners:
        lines.append(
            "Indieners: "
            + ", ".join(p.name + (f" ({p.fractie})" if p.fractie else "") for p in doc.indieners)
        )
    if doc.date:
        lines.append(f"Datum: {doc.date.isoformat()}")
    motion = doc.motion
    if motion is not None:
        if motion.besluit_soort:
            lines.append(f"BesluitSoort: {motion.besluit_soort}")
        if motion.stemmings_soort:
            lines.append(f"StemmingsSoort: {motion.stemmings_soort}")
        for side in ("Voor", "Tegen", "Niet deelgenomen"):
            votes = [v for v in motion.votes if v.side == side]
            if votes:
                lines.append(
                    f"{side}: "
                    + ", ".join(
                        vote_label(v.actor, v.fractie, v.seats, motion.hoofdelijk) for v in votes
                    )
                )
        if motion.kabinetsappreciatie:
            lines.append(f"Kabinetsappreciatie: {motion.kabinetsappreciatie}")
        if motion.afgedaan is not None:
            lines.append(f"Afgedaan: {'ja' if motion.afgedaan else 'nee'}")
        if motion.replaces:
            lines.append(f"Ter vervanging van: {motion.replaces}")
    for key in ("status", "datum_nakoming", "kamerbrief_nakoming", "soort"):
        if doc.extra.get(key):
            lines.append(f"{key.replace('_', ' ').capitalize()}: {doc.extra[key]}")
    return lines


def vote_label(actor: str, fractie: str, seats: int, hoofdelijk: bool) -> str:
    if hoofdelijk:
        return f"{actor} ({fractie})"
    return f"{fractie} ({seats})"


def citable_text(doc: Document) -> str:
    """What a citation of this document may quote: its text, its sections, its record fields."""
    return "\n".join([doc.text, *(s.text for s in doc.sections), *record_lines(doc)])


@dataclass(frozen=True)
class Citation:
    n: int
    id: str
    ids: dict[str, str]
    title: str
    type: str
    date: str | None
    url: str | None
    quote: str


@dataclass
class Answer:
    question: str
    answer: str
    refused: bool
    intent: str
    citations: list[Citation] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    backend: str = EXTRACTIVE
    # Other documents the user may have meant, named in the answer (with a refusal, or beside
    # a motie that fits a description as well), to ask about again by number (`naming`).
    suggestions: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.answer,
            "refused": self.refused,
            "intent": self.intent,
            "citations": [asdict(c) for c in self.citations],
            "records": self.records,
            "backend": self.backend,
            "suggestions": self.suggestions,
        }


def suggestion_prompt(answer: Answer) -> str:
    """The question put to the user above the moties an answer suggests."""
    if answer.refused:
        return "Bedoelde u een van deze moties?"
    return "Bedoelde u een andere motie?"


def naming(question: str, doc_id: str) -> str:
    """The question again, with the number of the document the user picked from an answer's
    suggestions: a number in a question is looked up first, and the rest says what is asked."""
    return f"{question.rstrip()} ({doc_id})"


class Citations:
    """Numbers citations in order of first use; the same quote of a document keeps its n."""

    def __init__(self) -> None:
        self.items: list[Citation] = []

    def cite(self, doc: Document, quote: str) -> str:
        quote = quote.strip()
        if not quote:
            raise ValueError("a citation needs a quote")
        for item in self.items:
            if item.id == doc.id and item.quote == quote:
                return f"[{item.n}]"
        item = Citation(
            n=len(self.items) + 1,
            id=doc.id,
            ids=dict(doc.ids),
            title=doc.title,
            type=doc.extra.get("soort") or doc.type,
            date=doc.date.isoformat() if doc.date else None,
            url=doc.url or doc.extra.get("zaak_url"),
            quote=quote,
        )
        self.items.append(item)
        return f"[{item.n}]"

    def cite_field(self, doc: Document, prefix: str) -> str:
        """Cite the record line that starts with prefix (e.g. 'BesluitSoort:')."""
        line = next((ln for ln in record_lines(doc) if ln.startswith(prefix)), None)
        if line is None:
            raise KeyError(prefix)
        return self.cite(doc, line)


def quote_is_valid(quote: str, doc: Document) -> bool:
    """A quote must stand verbatim in the cited document (whitespace normalised)."""
    haystack = " ".join(citable_text(doc).split())
    return " ".join(quote.split()) in haystack
