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
from dataclasses import dataclass, field, replace
from functools import lru_cache

from assistant.documents import (
    AANGENOMEN,
    DOCUMENT,
    HANDELINGEN,
    ONBEKEND,
    VERWORPEN,
    Document,
)
from assistant.retrieve import MOTION_TYPES, ChunkIndex
from assistant.store import Store, date_int, int_date
from assistant.tokens import shared_tokenizer
from ingest.extract import split_sentences

FULFILMENT_RE = re.compile(
    r"uitvoering\s+(?:gegeven|geven|van|aan|motie|moties)\b|uitgevoerd|geeft\s+uitvoering|"
    r"conform\s+de\s+motie|"
    r"afgedaan|gevolg\s+gegeven|invulling\s+(?:gegeven|aan)|"
    # "Opvolging (aan|van) de motie van het lid ...": the letter reports what was done.
    r"\bopvolging\s+(?:(?:aan|van)\s+)?(?:de\s+)?(?:aangenomen\s+)?(?:gewijzigde\s+)?motie",
    re.IGNORECASE,
)

# A letter that answers a motie without saying it carries it out ("Reactie op de motie van het
# lid Boomsma over ... (Kamerstuk 36600-XV-23)"): the government responded, perhaps by declining.
# In a subject it must come first: "Convocatie ... over de reactie op de motie" is the Kamer's.
_RESPONSE = (
    r"reactie\s+op\s+(?:de\s+|het\s+)?(?:aangenomen\s+)?(?:gewijzigde\s+)?moties?|kabinetsreactie|"
    r"appreciatie\s+van\s+(?:de\s+)?moties?"
)
RESPONSE_RE = re.compile(rf"\b(?:{_RESPONSE}|reageer\s+ik\s+op\s+de\s+motie)\b", re.IGNORECASE)
RESPONSE_SUBJECT_RE = re.compile(rf"^(?:{_RESPONSE})\b", re.IGNORECASE)
# A government letter whose subject names the motie by number: "Onderzoek tariefdifferentiatie
# kansspelbelasting (motie-Inge van Dijk c.s. Kamerstuk 36602-109)", "Uitkomsten
# beleidsverkenning n.a.v. de motie ...". It is about the motie; what it says, its text says.
GOVERNMENT_LETTER = "brief regering"
NAMES_MOTION_RE = re.compile(r"\bmotie\b", re.IGNORECASE)  # also "motie-Van Dijk"

# A committee asking the minister for a letter "inzake uitvoering van de motie ..." asks; it
# carries nothing out.
REQUEST_RE = re.compile(r"^(?:aan bewindspersoon\s*-\s*)?verzoek\b", re.IGNORECASE)


def asks_for_it(source: Document) -> bool:
    """A request to the government about the motie, not an act of the government."""
    soort = str(source.extra.get("soort") or "").lower()
    return "commissie aan" in soort or REQUEST_RE.search(source.title.strip()) is not None


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
    via: str = ""  # the gewijzigde motie that replaced the motie, when it is about that one


@dataclass
class MotionFulfilment:
    status: str
    confidence: str
    reason: str  # one Dutch sentence: why this status and this confidence
    evidence: list[Evidence] = field(default_factory=list)
    replaced_by: list[Document] = field(default_factory=list)
    responses: list[Evidence] = field(default_factory=list)  # answered, not said to be done


def iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def confidence_of(evidence: Evidence) -> str:
    """A sentence in the text itself that names the motie by number is strong; a letter's
    subject alone, or a sentence naming the motie by its indiener, leaves scope open."""
    return HIGH if evidence.kind in ("tekst", "register") else MEDIUM


def motion_fulfilment(
    store: Store, doc: Document, index: ChunkIndex | None = None, seen: frozenset[str] = frozenset()
) -> MotionFulfilment:
    """Evidence that doc (a motie) was carried out, from the documents that refer to it by
    number and, with the chunk `index`, from letters that name it by indiener and subject.
    A motie replaced by a gewijzigde motie is carried out when that one is: the letter names
    the motie voted on ("Uitvoering van de gewijzigde motie ... (Kamerstuk 29279-951)")."""
    evidence: list[Evidence] = []
    replaced_by: list[Document] = []
    responses: list[Evidence] = []
    for ref in store.links_to(doc.id):
        source = store.get_document(ref.target)
        if source is None:
            continue
        if source.motion is not None and source.motion.replaces == doc.id:
            replaced_by.append(source)
            continue
        context = ref.context or source.title
        if asks_for_it(source):
            continue
        kind = "tekst" if source.text and context != source.title else "onderwerp"
        if FULFILMENT_RE.search(context):
            evidence.append(Evidence(source.id, source.title, iso(source.date), context, kind))
        elif source.type not in NOT_LETTERS and (
            RESPONSE_RE.search(context)
            if kind == "tekst"
            else RESPONSE_SUBJECT_RE.match(context) or government_letter_on_motion(source)
        ):
            responses.append(Evidence(source.id, source.title, iso(source.date), context, kind))
    if index is not None:
        linked = {e.id for e in evidence} | {e.id for e in responses}
        evidence += [e for e in named_motion_evidence(index, doc) if e.id not in linked]
        linked |= {e.id for e in evidence}
        named = [e for e in named_in_subjects(store, index, doc) if e.id not in linked]
        evidence += [e for e in named if FULFILMENT_RE.search(e.quote)]
        responses += [e for e in named if not FULFILMENT_RE.search(e.quote)]
    for newer in replaced_by:
        if newer.id in seen or newer.id == doc.id:
            continue
        later = motion_fulfilment(store, newer, index, seen | {doc.id})
        known = {e.id for e in evidence} | {e.id for e in responses}
        evidence += [replace(e, via=e.via or newer.id) for e in later.evidence if e.id not in known]
        responses += [
            replace(e, via=e.via or newer.id) for e in later.responses if e.id not in known
        ]
    evidence.sort(key=lambda e: (e.date or "", e.id))
    responses.sort(key=lambda e: (e.date or "", e.id))
    result = MotionFulfilment(NOT_FOUND, LOW, "", evidence, replaced_by, responses)
    motion = doc.motion
    if evidence:
        result.status = CARRIED_OUT
        result.confidence = max((confidence_of(e) for e in evidence), key=RANK.index)
        if result.confidence == HIGH:
            result.reason = "Een document zegt in zijn tekst dat het de motie uitvoert."
        elif all(e.kind == NAMED for e in evidence):
            result.reason = (
                "Een brief zegt dat hij een motie van deze indiener over dit onderwerp uitvoert, "
                "maar noemt haar niet bij nummer: de koppeling is afgeleid uit indiener, "
                "onderwerp en datum."
            )
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
        # Earliest first: the letters that followed the promise, in the order they came.
        for doc_id, subject, day in store.titled(word, (DOCUMENT,), after, limit=50):
            shared = sum(1 for w in words if w.lower() in subject.lower())
            if shared >= 2 and DELIVERABLE_RE.search(subject) and doc_id not in found:
                evidence = Evidence(doc_id, subject, iso(day), subject, "onderwerp")
                found[doc_id] = (shared, evidence)
    ranked = sorted(found.values(), key=lambda item: (-item[0], item[1].date or ""))
    return [evidence for _, evidence in ranked[:limit]]


NAMED = "naam"  # evidence kind: a sentence naming the motie by indiener, not by number
# Words of a motie's subject that say nothing about what it is about.
SUBJECT_NOISE = frozenset(
    shared_tokenizer()(
        "motie moties lid leden van over het de verzoekt regering kabinet gewijzigde"
    )
)
MIN_SHARED_SUBJECT = 2
# Texts that discuss moties without carrying them out: the moties themselves and debates.
NOT_LETTERS = (*MOTION_TYPES, HANDELINGEN)


# "de motie van de leden Podt en Rajkowski": stems between "motie" and the first indiener.
NEAR_WORDS = 6


def named_motion_evidence(index: ChunkIndex, doc: Document) -> list[Evidence]:
    """Letters that say they carry out "de motie <indiener>" without its number: the sentence
    names an indiener of `doc` right after "motie", says it is carried out, is dated on or
    after the motie, and its subject (the sentence, its neighbours and the letter's title)
    shares more with this motie's subject than with any other motie of that indiener."""
    if doc.motion is None or not doc.indieners or doc.date is None:
        return []
    surnames = _surnames(doc)
    if not surnames:
        return []
    named_re = _naming(surnames)
    tokenizer = shared_tokenizer()
    since = date_int(doc.date)
    found: dict[str, Evidence] = {}
    # Letters name a motie by its first indiener ("de motie Podt", "de motie-Podt c.s.",
    # "de motie van de leden Podt en Rajkowski"): those texts are the candidates.
    # One query: passages where "motie" stands within a few words of the name, dated from the
    # motie on, of a kind that can carry it out.
    for chunk in index.lexical.near_since(
        tokenizer("motie"), tokenizer(surnames[0]), NEAR_WORDS, since, NOT_LETTERS
    ):
        meta = chunk.meta
        if chunk.doc_id in found:
            continue
        day = meta["date"]
        if not named_re.search(chunk.text):
            continue
        sentences = split_sentences(chunk.text)
        for i, sentence in enumerate(sentences):
            if not (named_re.search(sentence) and FULFILMENT_RE.search(sentence)):
                continue
            around = " ".join([meta.get("title", ""), *sentences[max(i - 1, 0) : i + 2]])
            if _about_this_motion(index, doc, surnames[0], set(tokenizer(around))):
                doc_id = str(meta.get("doc_id"))
                found[doc_id] = Evidence(
                    doc_id, str(meta.get("title", "")), iso(int_date(day)), sentence, NAMED
                )
                break
    return list(found.values())


def government_letter_on_motion(source: Document) -> bool:
    """A letter of the government (known by its subject only) whose subject names a motie."""
    soort = str(source.extra.get("soort") or "").lower()
    return soort.startswith(GOVERNMENT_LETTER) and bool(NAMES_MOTION_RE.search(source.title))


# Subjects that answer a motie without carrying it out in so many words.
SUBJECT_ANSWERS_RE = re.compile(
    rf"{FULFILMENT_RE.pattern}|{_RESPONSE}|\b(?:n\.a\.v\.|naar\s+aanleiding\s+van)\s+(?:de\s+)?motie",
    re.IGNORECASE,
)
TITLE_CANDIDATES = 200


def named_in_subjects(store: Store, index: ChunkIndex, doc: Document) -> list[Evidence]:
    """Government letters whose subject names this motie by its first indiener and subject
    ("Uitvoering van de motie van de leden Piri en Kröger over ... (Kamerstuk 19637-3143)"),
    for a motie whose record carries no Kamerstuk number to link them by (a Zaak known only
    from its vote). Dated after the motie, sharing more of its subject than any other motie of
    that indiener does: the same test as for a letter's sentence."""
    if doc.motion is None or not doc.indieners or doc.date is None or doc.id.startswith("kst-"):
        return []  # a motie with a Kamerstuk number is linked by that number
    if doc.motion.outcome == VERWORPEN:
        return []  # nothing to carry out
    surnames = _surnames(doc)
    if not surnames or not doc.indieners[0].name:
        return []
    surname = surnames[0]
    named_re = _naming([surname])
    tokenizer = shared_tokenizer()
    found: list[Evidence] = []
    for doc_id, subject, day in store.titled(surname, (DOCUMENT,), doc.date, TITLE_CANDIDATES):
        if not (named_re.search(subject) and SUBJECT_ANSWERS_RE.search(subject)):
            continue
        source = store.get_document(doc_id)
        if source is None or asks_for_it(source):
            continue
        if _about_this_motion(index, doc, surname, set(tokenizer(subject))):
            found.append(Evidence(doc_id, subject, iso(day), subject, NAMED))
    return found


def _surnames(doc: Document) -> list[str]:
    """The indieners' surnames, first indiener first."""
    return [p.name.split()[-1] for p in doc.indieners if p.name]


def _naming(surnames: list[str]) -> re.Pattern[str]:
    """ "motie" with one of the surnames a few words on: "de motie-Podt c.s.", "de motie van
    de leden Podt en Rajkowski"."""
    names = "|".join(re.escape(n) for n in surnames)
    return re.compile(rf"\bmotie[\s-]+(?:\S+\s+){{0,4}}?(?:{names})\b", re.IGNORECASE)


def _about_this_motion(index: ChunkIndex, doc: Document, surname: str, stems: set[str]) -> bool:
    """The words around a naming (`stems`) share enough of this motie's subject, and more than
    they share with any other motie of that indiener."""
    shared = len(_subject_stems(doc.title) & stems)
    return shared >= MIN_SHARED_SUBJECT and shared > _best_rival(
        index, surname, doc.id, stems, shared
    )


@lru_cache(maxsize=65536)
def _subject_stems(title: str) -> frozenset[str]:
    subject = title[title.find(" over ") :] if " over " in title else title
    return frozenset(shared_tokenizer()(subject)) - SUBJECT_NOISE


def _best_rival(index: ChunkIndex, surname: str, own_id: str, stems: set[str], shared: int) -> int:
    """The most subject words any other motie of this member shares with `stems`. A title that
    does not even hold `shared` of the stems as text cannot beat this motie: it is not stemmed."""
    best = 0
    for doc_id in index.doc_ids_signed_by([surname]):
        if doc_id == own_id:
            continue
        title = index.motion_title(doc_id)
        lowered = title.lower()
        if sum(1 for stem in stems if stem in lowered) < shared:
            continue
        best = max(best, len(_subject_stems(title) & stems))
    return best
