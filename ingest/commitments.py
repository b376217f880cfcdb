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
from dataclasses import dataclass

from assistant.documents import GEWIJZIGDE_MOTIE, HANDELINGEN, MOTIE, Document, Reference, Section
from ingest.extract import MONTHS, find_dates, find_references, resolve_footnote_references
from ingest.extract import sentence_at as _sentence_at

GEDAAN = "gedaan"
VERMELD = "vermeld"
NAKOMING = "nakoming"


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


_I = re.IGNORECASE
_TOEZEGGING = r"toezegging(?:en)?"
_GOVERNMENT = r"(?:minister|staatssecretaris|kabinet|bewindspersoon)"
_LETTER = r"(?:brief|reactie|kabinetsreactie|notitie|rapportage|voortgangsbrief|aanpak|plan)"
# Time words that make a present tense ("ik informeer de Kamer na de zomer") a promise.
_FUTURE = (
    r"(?:na|voor|vóór|rond|omstreeks)\s+de\s+zomer|\b(?:binnenkort|later|nog|zodra|spoedig)\b"
    r"|\b(?:eind|begin|medio|half|halverwege)\s+\w+|\b20\d\d\b|kwartaal|najaar|voorjaar"
    r"|\bvolgende?\s+\w+|\bin\s+(?:januari|februari|maart|april|mei|juni|juli|augustus"
    r"|september|oktober|november|december)\b"
)
_NAKOMING_RES = [
    re.compile(p, _I)
    for p in (
        rf"\bgestand\b.*\b{_TOEZEGGING}\b",
        rf"\buitvoering\s+(?:\w+\s+){{0,3}}(?:aan|van)\s+(?:\w+\s+){{0,3}}{_TOEZEGGING}\b",
        rf"\b{_TOEZEGGING}\b.{{0,80}}\bafgedaan\b",
        rf"\b(?:invulling|gevolg)\s+(?:\w+\s+){{0,3}}aan\s+(?:\w+\s+){{0,3}}{_TOEZEGGING}\b",
        rf"\b(?:naar\s+aanleiding|ter\s+uitvoering)\s+van\s+(?:\w+\s+){{0,2}}{_TOEZEGGING}\b",
        rf"\b(?:hiermee|hierbij|met\s+deze\s+brief)\b.{{0,80}}\b{_TOEZEGGING}\b",
        r"\bzoals\s+(?:\w+\s+){0,3}toegezegd\b.{0,80}\b(?:hierbij|bijgaand|hiermee)\b",
    )
]
_VERMELD_RES = [
    re.compile(p, _I)
    for p in (
        r"\b(?:heeft|hebt|heb|had|hadden|hebben)\b.{0,80}\btoegezegd\b",
        r"\btoegezegd\s+(?:heeft|hebt|heb|had)\b",
        r"\bzoals\s+(?:\w+\s+){0,4}toegezegd\b",
        r"\bzegden?\b.{0,120}\btoe\b",
        rf"\b(?:conform|overeenkomstig|volgens)\s+(?:de|mijn|haar|zijn|uw)\s+{_TOEZEGGING}\b",
        rf"\b(?:de|een|mijn|haar|zijn|uw)\s+(?:\w+\s+)?{_TOEZEGGING}\s+(?:van|in|tijdens|aan|om|die|dat)\b",
        rf"\b{_TOEZEGGING}\s+(?:heb|hebben|had|heeft)\s+(?:\w+\s+)?gedaan\b",
        rf"\b{_TOEZEGGING}\s+(?:blijft|blijven)\s+staan\b",
        # a member or letter reporting what the government will still do
        rf"\b{_GOVERNMENT}\s+(?:\w+\s+){{0,3}}(?:komt|komen)\s+(?:\w+\s+){{0,3}}met\s+een\b",
        rf"\b(?:komt|komen)\s+(?:\w+\s+)?{_GOVERNMENT}\s+(?:\w+\s+){{0,2}}met\s+een\b",
        rf"\b{_GOVERNMENT}\b.{{0,60}}\bmet\s+een\s+(?:\w+\s+){{0,2}}{_LETTER}\s+(?:\S+\s+){{0,3}}(?:komt|komen)\b",
        rf"\b{_GOVERNMENT}\s+(?:\w+\s+){{0,3}}(?:gaat|zal)\s+(?:\w+\s+){{0,4}}informeren\b",
        r"\b(?:heb|heeft|hebben|is|wordt)\b.{0,30}\baangegeven\b.{0,120}"
        r"\b(?:informeer|informeert|informeren|met\s+een\s+brief|brief\s+(?:komt|stuur))",
    )
]
_SUBJECT = r"(?:ik|wij|we|u)"
_MODAL = r"(?:zal|zullen|zult|wil|willen|ga|gaan|verwacht|bereid|kan)"
_ACTION = (
    r"(?:informeren|(?:toe|op)?sturen|(?:toe)?zenden|doen\s+toekomen|terug\s*(?:te\s+)?komen"
    r"|terugkomen|terugkom|rapporteren|berichten|op\s+de\s+hoogte\s+(?:houden|stellen)"
    r"|voorleggen|aanbieden|melden|toezeggen)"
)
_PROMISE_RES = [
    re.compile(p, _I)
    for p in (
        rf"\b{_MODAL}\s+{_SUBJECT}\b.{{0,80}}\b{_ACTION}\b",
        rf"\b{_SUBJECT}\b.{{0,120}}\b{_MODAL}\b.{{0,80}}\b{_ACTION}\b",
    )
]
_ACTION_RE = re.compile(rf"\b{_ACTION}\b", _I)
# Work promised with "zal/ga": only with those firm modals, not with "wil" or "kan".
_WORK = (
    r"(?:meenemen|betrekken|uitwerken|inventariseren|op\s+een\s+rij\s+zetten|nagaan"
    r"|uitzoeken|onderzoeken|verhelderen|bekijken|kijken|schetsen|in\s+kaart\s+brengen)"
)
_TOEZEGGEN_RE = re.compile(
    r"\b(?:ik|wij|we)\s+(?:zeg|zeggen|wil|kan|kunnen|willen)\b.{0,60}\b(?:toe|toezeggen)\b"
    r"|\bik\s+zou\s+(?:\w+\s+){0,3}toezeggen\b"
    r"|\bzeg(?:gen)?\s+(?:ik|wij|we)\b.{0,60}\btoe\b|\b(?:kan|wil)\s+(?:ik|wij|we)\b.{0,30}\btoezeggen\b"
    r"|\b(?:dit|dat)\s+is\s+een\s+toezegging\b"
    r"|\bkom(?:en)?\s+(?:ik|wij|we)\b.{0,60}\b(?:bij\s+(?:de|uw)\s+Kamer|schriftelijk|een\s+keer|later)"
    r"\b.{0,30}\bterug\b",
    _I,
)
_PASSIVE_RE = re.compile(
    r"\b(?:Kamer|u)\s+(?:zal|zult|wordt)\b.{0,80}\b(?:geïnformeerd|toegestuurd|toegezonden)\b"
    r"|\b(?:zal|zullen)\s+(?:\w+\s+){0,8}worden\s+(?:ingegaan|meegenomen|betrokken|gestuurd"
    r"|toegestuurd|geïnformeerd|gerapporteerd)\b"
    r"|\bwordt\b.{0,80}\bnaar\s+(?:uw|de)\s+Kamer\s+(?:gestuurd|verzonden|gezonden)\b"
    rf"|\b(?:in|bij)\s+de\s+{_LETTER}\s+(?:\w+\s+){{0,6}}(?:worden|wordt)\b.{{0,60}}\bmeegenomen\b"
    rf"|\bworden\b.{{0,80}}\bmeegenomen\s+in\s+de\s+{_LETTER}\b",
    _I,
)
# First person, no modal, but clearly about later: coming back, a letter coming, "u krijgt".
_LATER_RES = [
    re.compile(p, _I)
    for p in (
        r"\b(?:kom(?:en)?\s+(?:ik|wij|we)|(?:ik|wij|we)\s+kom(?:en)?)\b.{0,100}\bterug\b",
        r"\b(?:ik|wij|we)\b.{0,60}\bop\s+terugkom(?:en)?\b",
        rf"\b(?:in|bij)\s+(?:die|mijn|een|dezelfde|de\s+volgende)\s+{_LETTER}\b.{{0,80}}"
        r"\b(?:ik|wij|we)\b.{0,40}\b(?:ingaan|meenemen|betrekken)\b",
        rf"\b(?:ik|wij|we)\b.{{0,40}}\b(?:in|bij)\s+(?:die|mijn|een|dezelfde|de\s+volgende)\s+"
        rf"{_LETTER}\b.{{0,60}}\b(?:ingaan|meenemen|betrekken)\b",
        rf"\b(?:ik|wij|we)\s+kom(?:en)?\b.{{0,60}}\bmet\s+een\s+(?:\w+\s+)?{_LETTER}\b",
        rf"\bkom(?:en)?\s+(?:ik|wij|we)\b.{{0,60}}\bmet\s+een\s+(?:\w+\s+)?{_LETTER}\b",
        r"\b(?:daar|hierover|daarover)\s+krijgt\s+u\b|\bu\s+krijgt\b.{0,60}\b(?:brief|reactie)\b",
        rf"\ber\s+komt\s+(?:nog\s+)?een\s+{_LETTER}\b|\b(?:die|de|deze)\s+brief\s+komt\b",
        r"\bdoe\s+(?:ik|wij|we)\b.{0,80}\btoekomen\b",
        rf"\binformeer\s+(?:ik\s+)?(?:u|de\s+Kamer|uw\s+Kamer)\b.{{0,80}}(?:{_FUTURE})",
        rf"(?:{_FUTURE}).{{0,80}}\binformeer\s+(?:ik\s+)?(?:u|de\s+Kamer|uw\s+Kamer)\b",
        rf"\b(?:zal|zullen|ga|gaan)\s+(?:ik|wij|we)\b.{{0,80}}\b{_WORK}\b",
        r"\blaat\s+ik\b.{0,80}\b(?:meenemen|inventariseren|uitzoeken|nagaan|onderzoeken)\b",
        r"\b(?:dat|dit)\s+(?:zal|zullen|ga|gaan)\s+(?:ik|wij|we)\s+(?:\w+\s+)?doen\b",
        r"\bik\b.{0,20}\b(?:dat|dit)\s+(?:\w+\s+)?zal\s+doen\b",
        rf"\b(?:ik|wij|we)\b.{{0,80}}\b(?:ingaan|meenemen|betrekken)\s+(?:in|bij)\s+(?:de|die|mijn|een)\s+"
        rf"{_LETTER}\b",
        rf"\b(?:ik|wij|we|mijn\s+ministerie|het\s+kabinet)\s+(?:zal|zullen|ga|gaan)\b"
        rf".{{0,80}}\b{_WORK}\b",
    )
]
# "ik zal", "zullen wij", "ik ga": a first-person future.
_FIRST_PERSON_FUTURE_RE = re.compile(
    r"\b(?:(?:ik|wij|we)\s+(?:zal|zullen|ga|gaan)|(?:zal|zullen|ga|gaan)\s+(?:ik|wij|we))\b"
    r"|\b(?:zal|zullen)\s+(?:\w+\s+){0,6}(?:ik|ikzelf)\b",
    _I,
)
_NEGATED_RE = re.compile(r"\b(?:niet|geen|nooit)\b", _I)
# How the text itself goes on ("zal ik ingaan op"), or an effort without an end ("blijven
# inzetten"): not a commitment the Kamer could check.
_DISCOURSE_RE = re.compile(
    r"\b(?:ingaan|blijven|inzetten|beschouwen|toelichten|stilstaan|ervanuit|vanuit)\b"
    r"|\ber\s+(?:\w+\s+){0,2}van\s*uit\b",  # "ik ga ervan uit": an assumption
    _I,
)
# A date for the future action: months, seasons, quarters, years, "binnen drie maanden".
_DATED_RE = re.compile(
    r"\b(?:na|voor|vóór|rond|omstreeks)\s+de\s+zomer\b|\b(?:dit|komend|volgend)\s+"
    r"(?:voorjaar|najaar|jaar)\b|kwartaal|\b20\d\d\b|\bbinnen\s+\w+\s+(?:weken|maanden)\b"
    r"|\b(?:in|eind|begin|medio|half)\s+(?:januari|februari|maart|april|mei|juni|juli|augustus"
    r"|september|oktober|november|december)\b",
    _I,
)
# This letter does it now: not a promise for later.
_THIS_LETTER_RE = re.compile(
    r"\b(?:met\s+deze\s+brief|in\s+deze\s+brief|hierbij|hiermee|bijgaand|hieronder|hierna"
    r"|in\s+(?:de|dit|mijn)\s+(?:beantwoording|antwoord)|in\s+antwoord\s+\d)\b",
    _I,
)
# Within the same debate, or not a commitment at all.
_SAME_DEBATE_RE = re.compile(
    r"\b(?:zo\s+meteen|zo\s+dadelijk|straks|tweede\s+termijn|in\s+dit\s+debat|zo\s+nog"
    r"|even\s+kijken|welke\s+vragen)\b",
    _I,
)
_REQUEST_RE = re.compile(
    r"\b(?:vraag|verzoek|verzoeken|vragen|kan|wil|zou)\b.{0,60}"
    r"\b(?:minister|staatssecretaris|regering|kabinet|bewindspersoon)\b.{0,60}"
    r"\b(?:toe\s+te\s+zeggen|toezeggen|te\s+informeren)\b|\bverzoekt\s+de\s+regering\b"
    r"|\b(?:vraag|vraagt|vragen|verzoek)\b.{0,60}\b(?:toezegging|toe\s+te\s+zeggen)"
    r"|\bniet\s+(?:nu\s+al\s+|zomaar\s+)?toe(?:zeggen|\s+te\s+zeggen)\b|\bgeen\s+toezegging",
    _I,
)
_TRIGGER_RE = re.compile(
    r"toezeg|toegezegd|\bzegden?\b|\bzeg\b|gestand|\bzal\b|\bzullen\b|\bzult\b|\bwil\b"
    r"|\bwillen\b|\bga\b|\bgaan\b|geïnformeerd|\bverwacht\b|\bbereid\b|\bkan\b|\bkom\b"
    r"|\bkomt\b|\bkomen\b|\bgaat\b|\blaat\b|\bkrijgt\b|\bdoe\b|\binformeer\b|\bworden\b|\bwordt\b|terugkom"
    r"|aangegeven",
    _I,
)
_CHAIR_TOEZEGGING_RE = re.compile(r"\bdat\s+is\s+een\s+toezegging\b", _I)

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

_MONTH_NAMES = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
)
_YEAR_WORD = r"(?P<year>(?:19|20)\d\d|dit\s+jaar|volgend\s+jaar|het\s+komende\s+jaar)"
_SEASONS = {"voorjaar": (3, 5), "lente": (3, 5), "zomer": (6, 8), "najaar": (9, 11)}
_QUARTERS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4}


def _year(word: str | None, ref: dt.date | None) -> int | None:
    if word and word[0].isdigit():
        return int(word)
    if ref is None:
        return None
    return (
        ref.year + 1 if word and word.lower().startswith(("volgend", "het komende")) else ref.year
    )


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def _span(year: int | None, first: int, last: int) -> tuple[dt.date | None, dt.date | None]:
    if year is None:
        return None, None
    return dt.date(year, first, 1), _month_end(year, last)


def deadline(sentence: str, ref: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """(start, end) of the deadline written in `sentence`, relative to `ref`; (None, None) if none.

    "voor de zomer" ends 1 July, "voor 1 juni" 31 May, "in februari" is that month, "eind 2024"
    October-December, "begin 2025" January-March, "medio 2018" May-August, "in het eerste
    kwartaal" January-March, "dit najaar" September-November. "binnenkort" is no deadline.
    """
    match = re.search(
        rf"\bvoor\s+(?:de\s+)?zomer(?:reces)?(?:\s+(?:van\s+)?{_YEAR_WORD})?", sentence, _I
    )
    if match:
        year = _year(match["year"], ref)
        return None, (dt.date(year, 7, 1) if year else None)
    match = re.search(
        rf"\bvoor\s+(?:het\s+)?(?:eind(?:e)?|kerstreces)(?:\s+van)?\s+{_YEAR_WORD}?", sentence, _I
    )
    if match:
        year = _year(match["year"], ref)
        return None, (dt.date(year, 12, 31) if year else None)
    for text, date, offset in find_dates(sentence, ref):
        before = sentence[max(0, offset - 14) : offset].lower()
        if ref is not None and date < ref and not re.search(r"\d{4}", text):
            date = find_dates(text, ref.replace(year=ref.year + 1, day=min(ref.day, 28)))[-1][1]
        if re.search(r"\b(?:voor|vóór)\s+$", before):
            return None, date - dt.timedelta(days=1)
        if re.search(r"\b(?:uiterlijk|niet\s+later\s+dan)(?:\s+op)?\s+$", before) and text:
            return None, date
    match = re.search(
        rf"\b(?P<w>eind|einde|begin|medio|halverwege)\s+(?:van\s+)?{_YEAR_WORD}", sentence, _I
    )
    if match:
        months = {"eind": (10, 12), "einde": (10, 12), "begin": (1, 3)}.get(
            match["w"].lower(), (5, 8)
        )
        return _span(_year(match["year"], ref), *months)
    match = re.search(
        rf"\b(?P<q>eerste|tweede|derde|vierde)\s+kwartaal(?:\s+van\s+{_YEAR_WORD})?", sentence, _I
    )
    if match:
        quarter = _QUARTERS[match["q"].lower()]
        return _span(_year(match["year"], ref), 3 * quarter - 2, 3 * quarter)
    match = re.search(
        rf"\b(?:dit|deze|het|in\s+het|komend)\s+(?P<s>voorjaar|lente|zomer|najaar)"
        rf"(?:\s+(?:van\s+)?{_YEAR_WORD})?",
        sentence,
        _I,
    )
    if match:
        return _span(_year(match["year"], ref), *_SEASONS[match["s"].lower()])
    match = re.search(
        rf"\bin\s+(?:de\s+maand\s+)?(?P<m>{_MONTH_NAMES})\b(?:\s+(?P<year>(?:19|20)\d\d))?(?!\s*\d)",
        sentence,
        _I,
    )
    if match:
        month = MONTHS[match["m"].lower()]
        year = _year(match["year"], ref)
        if year is not None and match["year"] is None and ref is not None and month < ref.month:
            year += 1
        return _span(year, month, month)
    return None, None


def _made_on(sentence: str, ref: dt.date | None) -> dt.date | None:
    """The first date in the sentence that is no deadline and not after `ref`."""
    for _, date, offset in find_dates(sentence, ref):
        before = sentence[max(0, offset - 14) : offset].lower()
        if re.search(r"\b(?:voor|vóór|uiterlijk|na|per)\s+$", before):
            continue
        if ref is None or date <= ref:
            return date
    return None


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
        match = re.search(rf"\b{_TOEZEGGING}\b.{{0,60}}?\bom\s+(.+)$", text, _I) or re.search(
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
        match = re.search(rf"^(.+?)\s+naar\s+aanleiding\s+van\s+(?:\w+\s+)?{_TOEZEGGING}", text, _I)
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
    heads = list(
        re.finditer(rf"\b{_MODAL}\s+{_SUBJECT}\b|\b{_SUBJECT}\b", text[: action.start()], _I)
    )
    start = heads[-1].end() if heads else 0
    clause = text[start : _clause_end(text, action.start())]
    clause = re.sub(rf"\s+{_MODAL}(?=\s+\w)", "", " " + clause, count=1, flags=_I)
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


def classify(sentence: str, *, may_promise: bool = True, written: bool = False) -> str | None:
    """The kind of commitment `sentence` states, or None. `may_promise`: "ik zal" counts.
    `written`: a letter or written answer of the government, where a first-person future
    ("Zo zal ik overleg initiëren") is a commitment; in a debate it needs a date or a promise
    word, because "ik zal de vragen beantwoorden" is only how the speech goes."""
    if sentence.rstrip(" )\"'\u201d").endswith("?") or _REQUEST_RE.search(sentence):
        return None
    if any(p.search(sentence) for p in _NAKOMING_RES):
        return NAKOMING
    if any(p.search(sentence) for p in _VERMELD_RES):
        return VERMELD
    if not may_promise or _SAME_DEBATE_RE.search(sentence):
        return None
    if _TOEZEGGEN_RE.search(sentence) or _PASSIVE_RE.search(sentence):
        return GEDAAN
    if not _THIS_LETTER_RE.search(sentence):
        for pattern in _LATER_RES:
            match = pattern.search(sentence)
            if match and not re.search(r"\b(?:niet|geen|nooit)\b", match.group(), _I):
                return GEDAAN
    for pattern in _PROMISE_RES:
        match = pattern.search(sentence)
        if match and not re.search(r"\b(?:niet|geen|nooit)\b", match.group(), _I):
            return GEDAAN
    future = _FIRST_PERSON_FUTURE_RE.search(sentence) and not (
        _THIS_LETTER_RE.search(sentence)
        or _NEGATED_RE.search(sentence)
        or _DISCOURSE_RE.search(sentence)
    )
    if future and (written or _DATED_RE.search(sentence)):
        return GEDAAN
    return None


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

    def add(self, sentence: str, kind: str, section: Section | None) -> None:
        if sentence in self.found:
            return
        made_on = self.doc.date if kind == GEDAAN else _made_on(sentence, self.doc.date)
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
        )

    def scan(self, text: str, section: Section | None) -> None:
        may_promise = not self.debate or (section is not None and _is_government(section))
        if section is not None and section.kind == "vraag-antwoord":
            answer = re.search(r"(?m)^\s*Antwoord\b", text)
            start = answer.start() if answer else 0
        else:
            start = 0
        seen: set[str] = set()
        for match in _TRIGGER_RE.finditer(text, start):
            if self.debate and section is not None and section.speaker is None:
                line_start = text.rfind("\n", 0, match.start()) + 1
                line_end = text.find("\n", match.end())
                sentence = " ".join(text[line_start : line_end if line_end >= 0 else None].split())
            else:
                sentence = _sentence_at(text, match.start())
            if sentence in seen:
                continue
            seen.add(sentence)
            kind = classify(sentence, may_promise=may_promise, written=not self.debate)
            if kind is not None:
                self.add(sentence, kind, section)

    def chair_confirmed(self, index: int) -> None:
        """ "Dat is een toezegging": the last promise of the government before it."""
        for section in reversed(self.doc.sections[max(0, index - 4) : index]):
            if not _is_government(section):
                continue
            promises = [
                _sentence_at(section.text, m.start())
                for m in re.finditer(rf"\b{_MODAL}\b|\b{_ACTION}\b", section.text, _I)
            ]
            promises = [s for s in promises if not s.endswith("?") and _ACTION_RE.search(s)]
            if promises:
                self.add(promises[-1], GEDAAN, section)
                return


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
                if _CHAIR_TOEZEGGING_RE.search(section.text):
                    extractor.chair_confirmed(index)
                continue
            extractor.scan(section.text, section)
    else:
        extractor.scan(doc.text, None)
    return list(extractor.found.values())
