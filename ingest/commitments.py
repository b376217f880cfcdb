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
from ingest.deadlines import MONTH_NAMES, deadline, detail_deadline, made_on_date
from ingest.extract import find_references, resolve_footnote_references, split_sentences
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
    # Verbatim sentences right after it that spell it out: what the promised letter will hold
    # ("Daarbij betrek ik de lessons learned.") or when it comes ("U hoort dat half mei.").
    details: tuple[str, ...] = ()
    # The sentences just before it in the same section (speech or answer), verbatim: what "daar"
    # in "Ik wil daar ook zeker op terugkomen" is about.
    context: tuple[str, ...] = ()


_I = re.IGNORECASE


def _compile(*patterns: str) -> list[re.Pattern[str]]:
    return [re.compile(p, _I) for p in patterns]


_TOEZEGGING = r"toezegging(?:en)?"
_GOVERNMENT = r"(?:minister|staatssecretaris|kabinet|bewindspersoon)"
_LETTER = r"(?:brief|reactie|kabinetsreactie|notitie|rapportage|voortgangsbrief|aanpak|plan)"
# Time words that make a present tense ("ik informeer de Kamer na de zomer") a promise.
_FUTURE = (
    r"(?:na|voor|vóór|rond|omstreeks)\s+de\s+zomer|\b(?:binnenkort|later|nog|zodra|spoedig)\b"
    r"|\b(?:eind|begin|medio|half|halverwege)\s+\w+|\b20\d\d\b|kwartaal|najaar|voorjaar"
    rf"|\bvolgende?\s+\w+|\bin\s+(?:{MONTH_NAMES})\b"
)
_NAKOMING_RES = _compile(
    rf"\bgestand\b.*\b{_TOEZEGGING}\b",
    rf"\buitvoering\s+(?:\w+\s+){{0,3}}(?:aan|van)\s+(?:\w+\s+){{0,3}}{_TOEZEGGING}\b",
    rf"\b{_TOEZEGGING}\b.{{0,80}}\bafgedaan\b",
    rf"\b(?:invulling|gevolg)\s+(?:\w+\s+){{0,3}}aan\s+(?:\w+\s+){{0,3}}{_TOEZEGGING}\b",
    rf"\b(?:naar\s+aanleiding|ter\s+uitvoering)\s+van\s+(?:\w+\s+){{0,2}}{_TOEZEGGING}\b",
    rf"\b(?:hiermee|hierbij|met\s+deze\s+brief)\b.{{0,80}}\b{_TOEZEGGING}\b",
    r"\bzoals\s+(?:\w+\s+){0,3}toegezegd\b.{0,80}\b(?:hierbij|bijgaand|hiermee)\b",
)
_VERMELD_RES = _compile(
    r"\b(?:heeft|hebt|heb|had|hadden|hebben)\b.{0,80}\btoegezegd\b",
    r"\btoegezegd\s+(?:heeft|hebt|heb|had)\b",
    r"\bzoals\s+(?:\w+\s+){0,4}toegezegd\b",
    r"\bzegden?\b.{0,120}\btoe\b",
    rf"\b(?:conform|overeenkomstig|volgens)\s+(?:de|mijn|haar|zijn|uw)\s+{_TOEZEGGING}\b",
    rf"\b(?:de|een|mijn|haar|zijn|uw)\s+(?:\w+\s+)?{_TOEZEGGING}\s+"
    r"(?:van|in|tijdens|aan|om|die|dat|op|over)\b",
    rf"\b(?:dank|danken|bedank\w*)\b.{{0,60}}\bvoor\s+(?:de|haar|zijn|uw|die|deze)\s+"
    rf"(?:\w+\s+)?{_TOEZEGGING}\b",
    rf"\b{_TOEZEGGING}\s+(?:heb|hebben|had|heeft)\s+(?:\w+\s+)?gedaan\b",
    rf"\b{_TOEZEGGING}\s+(?:blijft|blijven)\s+staan\b",
    r"\b(?:heb|heeft|hebben|is)\b.{0,30}\baangegeven\b.{0,200}"
    r"\b(?:informeer|informeert|informeren|met\s+een\s+brief|brief\s+(?:komt|stuur))",
)
# A member or letter reporting what the government will still send or do ("de brief die nog
# komt", "het programma dat de minister binnenkort naar de Kamer stuurt").
_DOCUMENT = rf"(?:{_LETTER}|brieven|programma|visie)"
_VERMELD_FUTURE_RES = _compile(
    rf"\b{_GOVERNMENT}\s+(?:\w+\s+){{0,3}}(?:komt|komen)\s+(?:\w+\s+){{0,3}}met\s+een\b",
    rf"\b(?:komt|komen)\s+(?:\w+\s+)?{_GOVERNMENT}\s+(?:\w+\s+){{0,2}}met\s+een\b",
    rf"\b{_GOVERNMENT}\b.{{0,60}}\bmet\s+een\s+(?:\w+\s+){{0,2}}{_LETTER}\s+(?:\S+\s+){{0,3}}(?:komt|komen)\b",
    rf"\b{_GOVERNMENT}\s+(?:\w+\s+){{0,3}}(?:gaat|zal)\s+(?:\w+\s+){{0,4}}"
    r"(?:informeren|terugkomen|sturen)\b",
    rf"\b{_DOCUMENT}\s+(?:die|dat)\s+(?:er\s+)?nog\s+(?:komt|gaat\s+komen)\b",
    rf"\b(?:die|dat)\s+(?:de\s+{_GOVERNMENT}|hij|zij)\s+(?:\w+\s+){{0,6}}(?:naar|aan)\s+(?:de|uw)\s+"
    r"(?:Tweede\s+)?Kamer\s+(?:zal\s+|gaat\s+)?(?:stuurt|sturen|zendt|zenden)\b",
    rf"\b{_DOCUMENT}\s+die\s+(?:we|wij)\s+(?:\w+\s+){{0,4}}(?:krijgen|ontvangen)\b",
    rf"\b(?:terugkomt|terug\s+komt|aan\s+bod\s+komt|wordt\s+meegenomen)\s+in\s+de\s+(?:\w+\s+)?"
    rf"{_DOCUMENT}\s+van\s+de\s+{_GOVERNMENT}\b",
)
# A member asking for something is not reporting it.
_ASKING_RE = re.compile(r"\b(?:vraag|verzoek|vragen|verzoeken)\s+(?:ik\s+)?(?:de|het|u)\b", _I)
_SUBJECT = r"(?:ik|wij|we|u)"
_MODAL = r"(?:zal|zullen|zult|wil|willen|ga|gaan|verwacht|bereid|kan)"
_ACTION = (
    r"(?:informeren|(?:toe|op)?sturen|(?:toe)?zenden|doen\s+toekomen|terug\s*(?:te\s+)?komen"
    r"|terugkomen|terugkom|rapporteren|berichten|op\s+de\s+hoogte\s+(?:houden|stellen)"
    r"|voorleggen|aanbieden|melden|toezeggen)"
)
_PROMISE_RES = _compile(
    rf"\b{_MODAL}\s+{_SUBJECT}\b.{{0,80}}\b{_ACTION}\b",
    rf"\b{_SUBJECT}\b.{{0,120}}\b{_MODAL}\b.{{0,80}}\b{_ACTION}\b",
)
_ACTION_RE = re.compile(rf"\b{_ACTION}\b", _I)
# Work promised with "zal/ga": only with those firm modals, not with "wil" or "kan".
_WORK = (
    r"(?:meenemen|betrekken|uitwerken|inventariseren|op\s+een\s+rij\s+zetten|nagaan"
    r"|op\s+papier\s+(?:te\s+)?zetten"
    r"|uitzoeken|onderzoeken|verhelderen|bekijken|kijken|schetsen|in\s+kaart\s+brengen)"
)
_TOEZEGGEN_RE = re.compile(
    r"\b(?:ik|wij|we)\s+(?:zeg|zeggen|wil|kan|kunnen|willen)\b.{0,60}\b(?:toe|toezeggen)\b"
    r"|\bik\s+zou\s+(?:\w+\s+){0,3}toezeggen\b"
    r"|\bzeg(?:gen)?\s+(?:ik|wij|we)\b.{0,60}\btoe\b|\b(?:kan|wil)\s+(?:ik|wij|we)\b.{0,30}\btoezeggen\b"
    r"|\b(?:dit|dat)\s+is\s+een\s+toezegging\b"
    r"|\b(?:kunt|kunnen|kan)\s+(?:\w+\s+)?erop\s+rekenen\s+dat\s+(?:ik|wij|we)\b"
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
_LATER_RES = _compile(
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
    # willingness said to the Kamer: "Ik ben bereid om ... te bezien"
    r"\b(?:ik|wij|we)\s+(?:ben|zijn)?\s*(?:\w+\s+){0,2}bereid\s+(?:om|te|tot)\b"
    r"|\b(?:ben|zijn)\s+(?:ik|wij|we)\s+(?:\w+\s+){0,2}bereid\s+(?:om|te|tot)\b",
    r"\b(?:gesprek|overleg|dialoog)\s+(?:ga|gaan)\s+(?:ik|wij|we)\s+(?:\w+\s+){0,2}aan\b",
    r"\blaat\s+ik\b.{0,60}\bvraag\b.{0,60}\b(?:stellen|voorleggen)\b",
    r"\blaat\s+(?:ik\s+)?(?:\w+\s+){0,3}(?:nader|verder)\s+(?:\w+\s+){0,2}"
    r"(?:kijken|onderzoeken|uitzoeken|nagaan|bezien)\b",
    # a present tense that makes something: "Ik maak wel een inventarisatie van ..."
    r"\b(?:(?:ik|wij|we)\s+(?:maak|maken)|(?:maak|maken)\s+(?:ik|wij|we))\b.{0,30}"
    r"\b(?:een|twee|drie)\s+(?:\w+\s+)?(?:brief|brieven|inventarisatie|overzicht|analyse)\b",
    # coming to the Kamer with something: "... met een fraudeaanpak richting de Kamer te komen"
    rf"\bmet\s+(?:een|de|die|deze)\s+(?:\w+\s+){{0,2}}\w*{_DOCUMENT}\s+(?:\w+\s+){{0,3}}"
    r"(?:richting|naar)\s+(?:de|uw)\s+Kamer\s+(?:te\s+)?(?:komen|kom|komt)\b",
    rf"\b(?:ik|wij|we)\s+(?:\w+\s+){{0,3}}met\s+(?:die|de|een|deze)\s+(?:\w+\s+){{0,2}}"
    rf"\w*{_DOCUMENT}\s+(?:\w+\s+){{0,2}}(?:kom|komen)\b",
    r"\bwaarmee\s+(?:ik|wij|we)\s+(?:\w+\s+){0,3}(?:kom|komen)\b",
)
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
    r"(?:voorjaar|najaar|jaar)\b|kwartaal|\b20\d\d\b|\bbinnen\s+(?:\w+\s+){1,2}(?:weken|maanden)\b"
    rf"|\b(?:in|eind|begin|medio|half)\s+(?:{MONTH_NAMES})\b",
    _I,
)
# This letter does it now: not a promise for later.
_THIS_LETTER_RE = re.compile(
    r"\b(?:met\s+deze\s+brief|in\s+deze\s+brief|hierbij|hiermee|bijgaand|hieronder|hierna"
    r"|in\s+(?:de|dit|mijn)\s+(?:beantwoording|antwoord)(?!\s+(?:op|van)\s+(?:de\s+)?(?:eerdere\s+)?"
    r"vragen\s+van)|in\s+antwoord\s+\d)\b",
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
    r"|aangegeven|\bdank|\bbedank|\bmaak\b|\bmaken\b|\bnog\s+komt|\bterugkomt|\bstuurt"
    r"|\bwaarmee\b|\brekenen\b",
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
_REFERS_BACK_RE = re.compile(
    r"^(?:Daarbij|Daarin|Hierin|In\s+(?:die|deze|dat|dit)\s+\w+)\b.*\b(?:zal|zullen)\b", _I
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
    r"\b(?:was|waren|had|hadden|vorige|afgelopen|geleden|toen|kreeg|kregen)\b", _I
)
_FOLLOW_UP_WINDOW = 6  # sentences after a promise (or a detail of it) that may still spell it out
_WHEN_MAX_WORDS = 15
_CONTEXT_SENTENCES = 2

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
    if sentence.rstrip(" )\"'\u201d").endswith("?"):
        # "Ik heb ook toegezegd, terug te komen op X: hoe normeren we X?" states before it asks
        head = sentence.rpartition(": ")[0]
        if not head:
            return None
        sentence = head
    if _REQUEST_RE.search(sentence):
        return None
    if any(p.search(sentence) for p in _NAKOMING_RES):
        return NAKOMING
    if any(p.search(sentence) for p in _VERMELD_RES):
        return VERMELD
    if _SAME_DEBATE_RE.search(sentence):
        return None
    if not _ASKING_RE.search(sentence) and any(p.search(sentence) for p in _VERMELD_FUTURE_RES):
        return VERMELD
    if not may_promise:
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
        previous_section: Section | None = None
        for section, sentence in self.sentences():
            if section is not previous_section:
                before, previous_section = [], section
            found = self.found.get(sentence)
            if found is not None and sentence not in context:
                context[sentence] = tuple(before[-_CONTEXT_SENTENCES:])
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


def _negated_or_elsewhere(sentence: str) -> bool:
    return bool(
        _NEGATED_RE.search(sentence)
        or _PAST_RE.search(sentence)
        or _TOPIC_SHIFT_RE.search(sentence)
        or _SAME_DEBATE_RE.search(sentence)
        or _DISCOURSE_RE.search(sentence)
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
                if _CHAIR_TOEZEGGING_RE.search(section.text):
                    extractor.chair_confirmed(index)
                continue
            extractor.scan(section.text, section)
    else:
        extractor.scan(doc.text, None)
    extractor.read_around()
    return list(extractor.found.values())
