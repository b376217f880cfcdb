"""Rule-based extraction of commitments (toezeggingen) from parliamentary texts.

Three kinds: "gedaan" (a commitment made in this text: "Ik zal de Kamer ... informeren", "Ik zeg
toe", the chair's "Dat is een toezegging" after a minister's promise), "vermeld" (an earlier
commitment reported: "zoals u heeft toegezegd", "De staatssecretaris zegde toe ...") and
"nakoming" (the text carries one out: "doet u gestand aan de toezegging", "Hiermee wordt
uitvoering gegeven aan de toezegging"). Questions, requests ("Kan de minister toezeggen ...?"),
promises by members and promises to come back later in the same debate are left out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from assistant.documents import GEWIJZIGDE_MOTIE, HANDELINGEN, MOTIE, Document, Reference, Section
from ingest.commitment_rules import (
    ACTION,
    GEDAAN,
    MODAL,
    NAKOMING,
    RULE,
    SUBJECT,
    TOEZEGGING,
    VERMELD,
    Verdict,
    chair_match,
    explain,
)
from ingest.deadlines import MONTH_NAMES, deadline, detail_deadline, made_on_date
from ingest.extract import (
    find_references,
    resolve_footnote_references,
    sentence_at,
    sentence_finder,
    split_sentences,
)


@dataclass(frozen=True)
class Commitment:
    sentence: str  # verbatim sentence (whitespace collapsed) from doc.text or a section text
    what: str  # the promised action
    who: str | None  # speaker, afzender, or the committing party as written ("de staatssecretaris")
    to: str | None  # "Tweede Kamer", "Eerste Kamer", "de Kamer", or a member as written
    made_on: dt.date | None
    deadline_start: dt.date | None
    deadline_end: dt.date | None
    kind: str  # gedaan | vermeld | nakoming
    references: tuple[str, ...]  # Kamerstuk ids tied to the sentence
    doc_id: str
    section_title: str | None
    # Verbatim sentences right after it that spell it out: what the promised letter will hold
    # ("Daarbij betrek ik de lessons learned.") or when it comes ("U hoort dat half mei.").
    details: tuple[str, ...] = ()
    # The sentences just before it in the same section (speech or answer), verbatim: what "daar"
    # in "Ik wil daar ook zeker op terugkomen" is about; early in a minister's turn in a debate,
    # first the last sentences of the member who spoke just before (the question it answers).
    context: tuple[str, ...] = ()
    # The name of the rule in `ingest/commitment_rules.py` that found it ("" in older records).
    rule: str = ""
    # The chair's words that call it a commitment, verbatim ("Dat is een toezegging."); "" when
    # the chair did not.
    confirmed: str = ""


_I = re.IGNORECASE
_ACTION_RE = re.compile(rf"\b{ACTION}\b", _I)
_NEGATED_RE = RULE["ontkenning"].pattern
_DISCOURSE_RE = RULE["tekstverloop"].pattern
_SAME_DEBATE_RE = RULE["zelfde-debat"].pattern
# Words without which no rule in the table can fire: only sentences holding one are classified.
_TRIGGER_RE = re.compile(
    r"toezeg|toegezegd|\bzegden?\b|\bzeg\b|gestand|\bzal\b|\bzullen\b|\bzult\b|\bwil\b"
    r"|\bwillen\b|\bga\b|\bgaan\b|geïnformeerd|\bverwacht\b|\bbereid\b|\bkan\b|\bkom\b"
    r"|\bkomt\b|\bkomen\b|\bgaat\b|\blaat\b|\bkrijgt\b|\bdoe\b|\binformeer\b|\bworden\b|\bwordt\b|terugkom"
    r"|aangegeven|\bdank|\bbedank|\bmaak\b|\bmaken\b|\bnog\s+komt|\bterugkomt|\bstuurt"
    r"|\bwaarmee\b|\brekenen\b|\bschriftelijk\b|\bzend\b|\bstuur\b|\bontvangt\b|\bstreef\b"
    r"|\bstreven\b|genoemde\s+toezegging|voornemen|\bdelen\b|\bdeel\b|\bgedeeld\b|\binformeren\b"
    r"|\bverwachten\b|rapporteer|\bingegaan\b",
    _I,
)
# A sentence that goes on about the promise just made: it starts by linking to it and has a
# first-person verb ("Daarbij betrek ik ...", "Dan zal ik ook ..."), or it points back at the
# promised text and says what it will hold ("Hierin zullen ook ... een plek krijgen").
_CONTINUATION_RE = re.compile(
    r"^(?:Daarbij|Daarin|Hierin|Daarnaast|Dan|Anders|Wellicht|Ook|Tevens|Verder|Bovendien"
    r"|In\s+(?:die|deze|dat|dit)\s+\w+)\b",
    _I,
)
# ... or it names the promised letter: "Voor de brief met de inventarisatie heb ik iets meer tijd
# nodig."
_NAMES_LETTER_RE = re.compile(
    r"\b(?:de|die|deze|dat)\s+(?:\w+\s+)?(?:brief|brieven|rapportage|reactie|inventarisatie)\b", _I
)
# It starts from the promised thing: "Daarbij", "Daarin", "In die brief".
_IN_IT = r"Daarbij|Daarin|In\s+(?:die|deze|dat|dit)\s+\w+"
_IN_IT_RE = re.compile(rf"^(?:{_IN_IT})\b", _I)
_REFERS_BACK_RE = re.compile(
    rf"^(?:{_IN_IT}|Hierin)\b.*\b(?:zal|zullen)\b"
    # "Ook de rol van banken zal daarin aan bod komen."
    r"|\b(?:zal|zullen)\b.*\b(?:daarin|hierin)\b"
    # the promised thing named again: "Die brief wordt gelijktijdig met ... verstuurd."
    r"|^(?:Die|Deze|Dit|Dat)\s+(?:\w+\s+)?(?:brief|brieven|rapport\w*|reactie|nota|notitie"
    r"|evaluatie|onderzoek|agenda|plan|programma|verkenning)\b.*"
    r"\b(?:zal|zullen|wordt|worden|verschijnt|volgt)\b",
    _I,
)
_FIRST_PERSON_VERBS = (
    r"(?:zal|zullen|ga|gaan|betrek|betrekken|neem|nemen|bekijk|bekijken|geef|geven|stuur|sturen"
    r"|maak|maken|schets|heb|informeer|kijk|onderzoek|zoek)"
)
_GOES_ON_RE = re.compile(
    rf"\b(?:ik|wij|we)\s+{_FIRST_PERSON_VERBS}\b|\b{_FIRST_PERSON_VERBS}\s+(?:ik|wij|we)\b", _I
)
# Moving on in the debate, not going on about the promise.
_TOPIC_SHIFT_RE = re.compile(
    r"\b(?:nu|vraag|vragen|blokje|onderwerp|motie|moties|amendement)\b"
    r"|\b(?:ga|gaan)\s+(?:ik|we|wij)\s+(?:\w+\s+)?(?:naar|over)\b",
    _I,
)
# When the promised thing comes, said in a short sentence of its own: "U hoort dat half mei.",
# "Mag ik er juni van maken?", "Ik denk een weekje of drie."
WHEN_RE = re.compile(
    rf"\b(?:{MONTH_NAMES}|zomer|zomerreces|najaar|voorjaar|kwartaal|weekje|weken|maand"
    r"|maanden)\b",
    _I,
)
_PAST_RE = re.compile(
    r"\b(?:was|waren|had|hadden|vorige|afgelopen|geleden|toen|kreeg|kregen)\b"
    # the perfect tense: "Op 25 mei heb ik uw Kamer geïnformeerd" reports, it does not promise;
    # "De commissie heeft dit verzoek op 16 februari ook gedaan."
    r"|\b(?:heb|hebt|heeft|hebben)\b.{0,60}\b(?:ge\w+[dt]|gedaan|gegeven|genomen|gekomen"
    r"|gezien|geschreven|gesproken|gevonden|gebleken|gehouden)\b",
    _I,
)
_FOLLOW_UP_WINDOW = 6  # sentences after a promise (or a detail of it) that may still spell it out
_WHEN_MAX_WORDS = 15
_CONTEXT_SENTENCES = 2
# In a debate a minister's promise early in a turn answers the member who spoke just before
# ("... kan de minister schriftelijk terugkomen op de vraag hoe het advies van de
# commissie-SCHEER zich verhoudt tot het onderzoek van het JRC?" - "... dan zal ik die de
# Kamer doen toekomen."): that member's last sentences say what the promise is about.
_ANSWERED_WITHIN = 4  # sentences into the government's turn

_AGENT_RE = re.compile(
    r"\b(?:[Dd]e\s+(?:minister(?:-president)?|staatssecretaris)(?:\s+van\s+[A-Z][\w-]*)?"
    r"|mijn\s+(?:ambts)?voorganger|het\s+kabinet)\b"
)
_TO_RES = [
    re.compile(r"\b(?:Tweede|Eerste)\s+Kamer\b"),
    re.compile(r"\btoezeggen\b.{0,5}?\b((?:de\s+heer|mevrouw|het\s+lid)\s+[A-Z][\w'-]+)"),
    re.compile(r"\b((?:de\s+heer|mevrouw)\s+[A-Z][\w'-]+)\s+toezeggen\b"),
    re.compile(r"\b(?:[Dd]e|[Uu]w)\s+Kamer\b"),
    re.compile(r"\b((?:de\s+heer|mevrouw|het\s+lid)\s+(?:[A-Z][\w'-]+|van\s+der\s+\w+))"),
]


def _infinitive(text: str) -> str:
    """'nader in te gaan op' -> 'nader ingaan op'; 'de Kamer te informeren' -> '... informeren'."""
    text = re.sub(
        r"\b(in|op|toe|terug|mee|door|aan|na|uit|over|af|bij|vast)\s+te\s+(\w+)", r"\1\2", text
    )
    return re.sub(r"\bte\s+(?=\w+en\b)", "", text)


def _clause_end(sentence: str, start: int) -> int:
    """End of the clause holding the action verb at or after `start`."""
    action = _ACTION_RE.search(sentence, start)
    after = action.end() if action else start
    comma = re.search(r",\s|[.;:!?]\s*$|\s[-\u2013]\s", sentence[after:])
    return after + comma.start() if comma else len(sentence)


def _what(sentence: str, kind: str) -> str:
    text = sentence.rstrip(" .;:!")
    if kind != GEDAAN:
        match = re.search(rf"\b{TOEZEGGING}\b.{{0,60}}?\bom\s+(.+)$", text, _I) or re.search(
            r"\bzegden?\s+toe\s+(?:dat\s+)?(.+?)(?:,\s|$)", text, _I
        )
        if match:
            return _infinitive(match.group(1).strip(" ,"))
        match = re.search(r"^(.*?),?\s+zoals\s", text, _I)
        if match:
            clause = re.sub(r"^(?:Alvorens|Voordat|Om)\s.*?\bte\s+\w+\s+", "", match[1])
            clause = re.sub(r"^(?:Nu|Omdat|Als|Zodra|Nadat)\b[^,]*,\s*", "", clause)
            clause = re.sub(r"^(?:wordt|worden|is|zijn)\s+(?:in\s+deze\s+\w+\s+)?", "", clause)
            return _infinitive(clause)
        match = re.search(rf"^(.+?)\s+naar\s+aanleiding\s+van\s+(?:\w+\s+)?{TOEZEGGING}", text, _I)
        if match and kind == NAKOMING:
            return match.group(1)
        if kind == VERMELD and not _ACTION_RE.search(text):
            return text
    match = re.search(r"\btoezeggen\s+(?:dat\s+)?(?:ik\s+|wij\s+|we\s+)?(.+)$", text, _I)
    if match:
        return _infinitive(match.group(1))
    action = _ACTION_RE.search(text)
    if action is None:
        return text[: _clause_end(text, 0)]
    heads = list(re.finditer(rf"\b{MODAL}\s+{SUBJECT}\b|\b{SUBJECT}\b", text[: action.start()], _I))
    start = heads[-1].end() if heads else 0
    clause = text[start : _clause_end(text, action.start())]
    clause = re.sub(rf"\s+{MODAL}(?=\s+\w)", "", " " + clause, count=1, flags=_I)
    return _infinitive(clause.strip(" ,"))


def _is_government(section: Section) -> bool:
    speaker = section.speaker
    if speaker is None:
        return False
    role = (speaker.role or "").lower()
    return role.startswith(("minister", "staatssecretaris")) or speaker.name.lower().startswith(
        ("minister", "staatssecretaris")
    )


def _is_chair(section: Section) -> bool:
    speaker = section.speaker
    return speaker is not None and (
        (speaker.role or "").lower() == "voorzitter" or "voorzitter" in speaker.name.lower()
    )


def classify(sentence: str, *, may_promise: bool = True, written: bool = False) -> Verdict | None:
    """The kind of commitment `sentence` states and the rule that says so, or None.
    `may_promise`: "ik zal" counts (the government speaks, or a letter). `written`: a letter or
    written answer of the government, where a first-person future ("Zo zal ik overleg
    initiëren") is a commitment; in a debate it needs a date or a promise word, because "ik zal
    de vragen beantwoorden" is only how the speech goes. The rules: `ingest/commitment_rules.py`."""
    verdict = explain(sentence, may_promise=may_promise, written=written)
    return verdict if verdict.kind is not None else None


def _to(sentence: str) -> str | None:
    for pattern in _TO_RES:
        match = pattern.search(sentence)
        if match:
            written = " ".join(match.group(match.lastindex or 0).split())
            return "de Kamer" if re.fullmatch(r"(?:[Dd]e|[Uu]w) Kamer", written) else written
    return None


class _Extractor:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.debate = doc.type == HANDELINGEN or any(s.kind == "spreekbeurt" for s in doc.sections)
        refs: list[Reference] = list(doc.references)
        if doc.text:
            refs += resolve_footnote_references(doc.text)
        self.refs = refs
        self.found: dict[str, Commitment] = {}

    def references(self, sentence: str) -> tuple[str, ...]:
        ids = [r.target for r in find_references(sentence)]
        for ref in self.refs:
            context = " ".join(ref.context.split())
            if context and (context == sentence or (len(context) > 40 and context in sentence)):
                ids.append(ref.target)
        return tuple(dict.fromkeys(ids))

    def who(self, sentence: str, kind: str, section: Section | None) -> str | None:
        if kind != GEDAAN:
            agent = _AGENT_RE.search(sentence)
            if agent:
                written = " ".join(agent.group().split())
                return written[0].lower() + written[1:]
        if section is not None and section.speaker is not None and _is_government(section):
            return section.speaker.name
        if self.debate:
            return None
        return self.doc.afzender

    def add(self, sentence: str, kind: str, rule: str, section: Section | None) -> None:
        if sentence in self.found:
            return
        made_on = self.doc.date if kind == GEDAAN else made_on_date(sentence, self.doc.date)
        start, end = deadline(sentence, made_on or self.doc.date)
        self.found[sentence] = Commitment(
            sentence=sentence,
            what=_what(sentence, kind),
            who=self.who(sentence, kind, section),
            to=_to(sentence),
            made_on=made_on,
            deadline_start=start,
            deadline_end=end,
            kind=kind,
            references=self.references(sentence),
            doc_id=self.doc.id,
            section_title=section.title if section else None,
            rule=rule,
        )

    def scan(self, text: str, section: Section | None) -> None:
        may_promise = not self.debate or (section is not None and _is_government(section))
        if section is not None and section.kind == "vraag-antwoord":
            answer = re.search(r"(?m)^\s*Antwoord\b", text)
            start = answer.start() if answer else 0
        else:
            start = 0
        seen: set[str] = set()
        around = sentence_finder(text)
        for match in _TRIGGER_RE.finditer(text, start):
            if self.debate and section is not None and section.speaker is None:
                line_start = text.rfind("\n", 0, match.start()) + 1
                line_end = text.find("\n", match.end())
                sentence = " ".join(text[line_start : line_end if line_end >= 0 else None].split())
            else:
                sentence = around(match.start())
            if sentence in seen:
                continue
            seen.add(sentence)
            verdict = classify(sentence, may_promise=may_promise, written=not self.debate)
            if verdict is not None and verdict.kind and verdict.rule:
                self.add(sentence, verdict.kind, verdict.rule, section)

    def chair_confirmed(self, index: int, rule: str, words: str) -> None:
        """ "Dat is een toezegging" (`words`, the chair's sentence): the last promise of the
        government before it, found by `rule` when no rule of its own found it, and confirmed
        by those words."""
        for section in reversed(self.doc.sections[max(0, index - 4) : index]):
            if not _is_government(section):
                continue
            around = sentence_finder(section.text)
            promises = [
                around(m.start())
                for m in re.finditer(rf"\b{MODAL}\b|\b{ACTION}\b", section.text, _I)
            ]
            promises = [s for s in promises if not s.endswith("?") and _ACTION_RE.search(s)]
            if promises:
                sentence = promises[-1]
                self.add(sentence, GEDAAN, rule, section)
                # The chair's words say more than the sentence rule that may have found it.
                self.found[sentence] = replace(self.found[sentence], rule=rule, confirmed=words)
                return

    def sentences(self) -> list[tuple[Section | None, str]]:
        if not self.doc.sections:
            return [(None, sentence) for sentence in split_sentences(self.doc.text)]
        return [(s, sentence) for s in self.doc.sections for sentence in split_sentences(s.text)]

    def read_around(self) -> None:
        """Attach to each commitment the sentences before it (its context) and those after it
        that spell it out (its details), and the date those set."""
        details: dict[str, list[str]] = {}
        context: dict[str, tuple[str, ...]] = {}
        anchor: str | None = None
        anchor_section: Section | None = None
        since = 0  # sentences since the promise or its last detail
        before: list[str] = []  # the section's sentences so far
        asked: tuple[str, ...] = ()  # a member's turn just before a government turn
        previous_section: Section | None = None
        for section, sentence in self.sentences():
            if section is not previous_section:
                asked = _asked_before(previous_section, section, before) if self.debate else ()
                before, previous_section = [], section
            found = self.found.get(sentence)
            if found is not None and sentence not in context:
                answered = asked if len(before) < _ANSWERED_WITHIN else ()
                context[sentence] = (*answered, *before[-_CONTEXT_SENTENCES:])
            before.append(sentence)
            if found is not None and found.kind != NAKOMING:
                anchor, anchor_section, since = sentence, section, 0
                continue
            since += 1
            if anchor is None or since > _FOLLOW_UP_WINDOW:
                anchor = None
                continue
            # In a debate the minister may name the date a turn or two later; in a written
            # answer the next section is the next question.
            near = section is anchor_section or (
                self.debate and section is not None and _is_government(section)
            )
            if found is not None or not near or _negated_or_elsewhere(sentence):
                continue
            goes_on = (
                section is anchor_section
                and since <= 2
                and (
                    bool(
                        (_CONTINUATION_RE.search(sentence) or _NAMES_LETTER_RE.search(sentence))
                        and _GOES_ON_RE.search(sentence)
                    )
                    or bool(_REFERS_BACK_RE.search(sentence))
                )
                and not sentence.endswith("?")
            )
            when = len(sentence.split()) <= _WHEN_MAX_WORDS and WHEN_RE.search(sentence)
            if goes_on or when:
                details.setdefault(anchor, []).append(sentence)
                since = 0
        for sentence, commitment in self.found.items():
            more = details.get(sentence, [])
            start, end = commitment.deadline_start, commitment.deadline_end
            ref = commitment.made_on or self.doc.date
            for detail in more:
                if end is None:
                    start, end = detail_deadline(detail, ref)
            self.found[sentence] = replace(
                commitment,
                details=tuple(more),
                context=context.get(sentence, ()),
                deadline_start=start,
                deadline_end=end,
            )


def _asked_before(
    previous: Section | None, section: Section | None, said: list[str]
) -> tuple[str, ...]:
    """The last sentences of a member's turn (`said`) when a government turn follows it: what
    the minister answers there."""
    if previous is None or section is None or not _is_government(section):
        return ()
    if previous.speaker is None or _is_government(previous) or _is_chair(previous):
        return ()
    return tuple(said[-_CONTEXT_SENTENCES:])


def _negated_or_elsewhere(sentence: str) -> bool:
    return bool(
        _NEGATED_RE.search(sentence)
        or _PAST_RE.search(sentence)
        or _TOPIC_SHIFT_RE.search(sentence)
        or _SAME_DEBATE_RE.search(sentence)
        # "Daarbij zal ik ingaan op ...": in the promised letter, not further on in this text
        or (_DISCOURSE_RE.search(sentence) and not _IN_IT_RE.search(sentence))
    )


def extract_commitments(doc: Document) -> list[Commitment]:
    """All commitments stated in `doc`, in text order (one per sentence).

    A motie is the Kamer's request to the government, never its commitment; what its
    considerations say about earlier promises is the members' framing, so moties are skipped."""
    if doc.type in (MOTIE, GEWIJZIGDE_MOTIE):
        return []
    extractor = _Extractor(doc)
    if doc.sections:
        for index, section in enumerate(doc.sections):
            if _is_chair(section):
                confirmed = chair_match(section.text)
                if confirmed is not None:
                    rule, match = confirmed
                    words = sentence_at(section.text, match.start())
                    extractor.chair_confirmed(index, rule.name, words)
                continue
            extractor.scan(section.text, section)
    else:
        extractor.scan(doc.text, None)
    extractor.read_around()
    return list(extractor.found.values())
