"""Was an aangenomen motie carried out? The documents that say so, with a status and a confidence.

Evidence is a document that refers to the motie by number in a sentence (or, for a document known
only by its metadata, a subject) that says it carries the motie out: "Hiermee geef ik uitvoering
aan de motie ...", "Uitvoering van de motie van het lid ... (Kamerstuk 33835-242)". Without such
a document the status is "geen uitvoering gevonden" with low confidence: the index may simply
not hold the letter. Zaak.Afgedaan is procedural (the Kamer closed the Zaak), never evidence.

For a commitment without evidence, `later_letters` finds letters whose subject shares its words:
leads for the user to open, never counted as fulfilment.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from assistant.documents import AANGENOMEN, DOCUMENT, ONBEKEND, Document
from assistant.store import Store, int_date, where

FULFILMENT_RE = re.compile(
    r"uitvoering\s+(?:gegeven|geven|van|aan|motie|moties)\b|uitgevoerd|geeft\s+uitvoering|"
    r"conform\s+de\s+motie|"
    r"afgedaan|gevolg\s+gegeven|invulling\s+(?:gegeven|aan)",
    re.IGNORECASE,
)

CARRIED_OUT, NOT_FOUND = "uitgevoerd", "geen uitvoering gevonden"
UNKNOWN, NOT_APPLICABLE = "onbekend", "n.v.t."
HIGH, MEDIUM, LOW = "hoog", "middel", "laag"
RANK = (LOW, MEDIUM, HIGH)


@dataclass(frozen=True)
class Evidence:
    id: str
    title: str
    date: str | None
    quote: str  # verbatim: the sentence of the document, or its subject when it has no text
    kind: str = "tekst"  # tekst | onderwerp | register


@dataclass
class MotionFulfilment:
    status: str
    confidence: str
    reason: str  # one Dutch sentence: why this status and this confidence
    evidence: list[Evidence] = field(default_factory=list)
    replaced_by: list[Document] = field(default_factory=list)


def iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def confidence_of(evidence: Evidence) -> str:
    """A sentence in the text itself is strong; a letter's subject alone leaves scope open."""
    return HIGH if evidence.kind in ("tekst", "register") else MEDIUM


def motion_fulfilment(store: Store, doc: Document) -> MotionFulfilment:
    """Evidence that doc (a motie) was carried out, from the documents that refer to it."""
    evidence: list[Evidence] = []
    replaced_by: list[Document] = []
    for ref in store.links_to(doc.id):
        source = store.get_document(ref.target)
        if source is None:
            continue
        if source.motion is not None and source.motion.replaces == doc.id:
            replaced_by.append(source)
            continue
        context = ref.context or source.title
        if FULFILMENT_RE.search(context):
            kind = "tekst" if source.text and context != source.title else "onderwerp"
            evidence.append(Evidence(source.id, source.title, iso(source.date), context, kind))
    evidence.sort(key=lambda e: (e.date or "", e.id))
    result = MotionFulfilment(NOT_FOUND, LOW, "", evidence, replaced_by)
    motion = doc.motion
    if evidence:
        result.status = CARRIED_OUT
        result.confidence = max((confidence_of(e) for e in evidence), key=RANK.index)
        if result.confidence == HIGH:
            result.reason = "Een document zegt in zijn tekst dat het de motie uitvoert."
        else:
            result.reason = (
                "Het onderwerp van een brief noemt de uitvoering van de motie; de tekst van de "
                "brief staat niet in de index, dus of de motie geheel is uitgevoerd is niet "
                "na te gaan."
            )
    elif motion is None or motion.outcome == ONBEKEND:
        result.status = UNKNOWN
        result.reason = (
            "De uitslag van de stemming staat niet in de bronnen en geen document meldt de "
            "uitvoering."
        )
    elif motion.outcome != AANGENOMEN:
        result.status, result.confidence = NOT_APPLICABLE, HIGH
        result.reason = (
            f"De motie is {motion.outcome}; alleen een aangenomen motie wordt uitgevoerd."
        )
    else:
        result.reason = (
            "Geen document in de index meldt de uitvoering; dat kan ook betekenen dat de "
            "uitvoeringsbrief niet is ingelezen."
        )
    return result


# Words in a letter's subject that say it delivers something.
DELIVERABLE_RE = re.compile(
    r"\b(?:kabinetsreactie|reactie|brief|voortgang|stand\s+van\s+zaken|beantwoording|"
    r"rapportage|informatie|uitvoering|toezegging|antwoord|onderzoek|evaluatie)\w*",
    re.IGNORECASE,
)


def later_letters(
    store: Store, words: list[str], after: dt.date | None, limit: int = 2
) -> list[Evidence]:
    """Documents dated after `after` whose subject contains at least two of `words` and says it
    delivers something (a reaction, a letter, a progress report). Found by words, not by number:
    candidates for the user to open, never proof that a commitment was kept."""
    found: dict[str, tuple[int, Evidence]] = {}
    for word in words[:3]:
        got = store.records.get(
            where=where({"type": DOCUMENT}),
            where_document={"$contains": word},
            include=["metadatas"],
            limit=50,
        )
        for doc_id, meta in zip(got["ids"], got["metadatas"] or [], strict=False):
            subject = str((meta or {}).get("title") or "")
            day = int_date((meta or {}).get("date"))
            if after and not (day and day > after):
                continue
            shared = sum(1 for w in words if w.lower() in subject.lower())
            if shared >= 2 and DELIVERABLE_RE.search(subject) and doc_id not in found:
                evidence = Evidence(doc_id, subject, iso(day), subject, "onderwerp")
                found[doc_id] = (shared, evidence)
    ranked = sorted(found.values(), key=lambda item: (-item[0], item[1].date or ""))
    return [evidence for _, evidence in ranked[:limit]]
