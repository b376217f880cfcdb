"""Understand a Dutch question: which documents it names, what it asks, which filters apply."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from assistant.documents import (
    AANGENOMEN,
    BRIEF,
    GEWIJZIGDE_MOTIE,
    HANDELINGEN,
    KAMERVRAAG,
    MOTIE,
    NOTA,
    VERWORPEN,
)
from assistant.retrieve import Filters
from assistant.timeframe import Timeframe, find_timeframe, strip_timeframe
from ingest.extract import find_references

MOTION = "motie"
MOTION_LIST = "moties"
COMMITMENT = "toezeggingen"
BRIEFING = "briefing"
DOCUMENT = "document"
FREE = "vrij"

ZAAK_RE = re.compile(r"\b(\d{4}Z\d{5})\b", re.IGNORECASE)
DOCUMENTNUMMER_RE = re.compile(r"\b(\d{4}D\d{5})\b", re.IGNORECASE)
TOEZEGGING_RE = re.compile(r"\b(TZ\d{6}-\d{2,4})\b", re.IGNORECASE)
# "motie 32317-913" (the bare form the reference finder is careful about) after the word motie.
MOTIE_NUMBER_RE = re.compile(
    r"\bmotie[- ]?(?:nr\.?\s*)?(\d{5}(?:-[A-Z]+|-\d{2})?)-(\d{1,4})\b", re.I
)
LITERAL_ID_RE = re.compile(r"\b((?:kst|ah-tk|h-tk)-[\w-]*\d)\b", re.IGNORECASE)
DOSSIER_RE = re.compile(r"\bdossier\s+(\d{2}\s?\d{3})\b", re.IGNORECASE)
# "Maak een briefing over dossier 32317", "Geef een overzicht van dossier 32317".
BRIEFING_RE = re.compile(
    r"\bbriefing\b|\b(?:overzicht|stand\s+van\s+zaken)\b.{0,40}\bdossier\b", re.IGNORECASE
)

FRACTIES = (
    "GroenLinks-PvdA",
    "GroenLinks",
    "PvdA",
    "VVD",
    "PVV",
    "CDA",
    "D66",
    "SP",
    "ChristenUnie",
    "SGP",
    "PvdD",
    "DENK",
    "Volt",
    "JA21",
    "FVD",
    "BBB",
    "BIJ1",
    "NSC",
    "50PLUS",
    "Groep Van Haga",
    "Fractie Den Haan",
)
FRACTIE_NAMES = frozenset(f.lower() for f in FRACTIES)
FRACTIE_ALIASES = {
    "partij voor de dieren": "PvdD",
    "forum voor democratie": "FVD",
    "cu": "ChristenUnie",
    "gl": "GroenLinks",
    "nieuw sociaal contract": "NSC",
    "boerburgerbeweging": "BBB",
    "glpvda": "GroenLinks-PvdA",
    "gl-pvda": "GroenLinks-PvdA",
}
ASPECT_WORDS = {
    "votes": r"stemd\w*|stemming|stemmen|partijen|fracties|hoeveel|steun\w*|meerderheid|"
    r"voor of tegen",
    "indieners": r"ingedien\w*|indiener\w*|diende|ondertekend|wie (?:heeft|hebben)",
    "appreciatie": r"apprecie\w*|oordeel|kabinet\w* (?:vond|vindt)|(?:vond|vindt) het kabinet"
    r"|ontraden|advies van het kabinet",
    "outcome": r"aangenomen|verworpen|uitslag|uitkomst|aangehouden|ingetrokken|afloop|"
    r"meerderheid|\b(?:ge)?haal(?:d|de|t)\b|"
    # "Hoe liep het af met de motie ...?", "Hoe is de motie ... afgelopen?"
    r"\bliep\b.{0,80}\baf\b|\bafgelopen\s*\?",
    "status": r"\bstatus\b|hoe staat het|wat is er (?:mee )?gebeurd|wat is ermee gebeurd|"
    r"wat gebeurde er met|terechtgekomen",
    "fulfilment": r"uitgevoerd|uitvoering|afgedaan|nagekomen|opgevolgd|gevolg gegeven|"
    r"opgepakt|gehoor gegeven|opvolging gegeven|gereageerd|terechtgekomen|"
    r"\b(?:iets|wat)\s+(?:mee\s+)?gebeurd\s+met\b|"
    r"\b(?:iets|wat|niets|veel)\s+(?:mee\s+)?gedaan\b|\bgedaan\s+met\b|"
    # "Heeft de regering ... al onderzocht, zoals de motie vroeg?"
    r"zoals\s+(?:de|die|deze)\s+motie\s+(?:vroeg|verzocht|vraagt|verzoekt|wilde)|"
    r"^\s*(?:heeft|hebben)\s+(?:de\s+regering|het\s+kabinet)\b",
}
# A clause that names a motie by who signed it: "die Arib mede ondertekende", "dat Belhaj mede
# indiende", "met De Neef als medeondertekenaar".
SIGNED = r"(?:ondertekende|ondertekend|indiende|ingediend)\b"
SIGNER_CLAUSE_RE = re.compile(
    rf"\b(?:die|dat)\s+(?:[\w'.-]+\s+){{1,4}}?(?:heeft\s+)?(?:mede\s*)?{SIGNED}"
    r"|\bmet\s+(?:[\w'.-]+\s+){1,4}?als\s+(?:mede)?(?:ondertekenaar|indiener)\b"
)
# ... with the name in lower case: "die ellemeet mede ondertekende".
LOWER_CASE_SIGNER_RE = re.compile(
    rf"(?:die|dat)\s+((?:[a-zà-ÿ][\w'-]*\s+){{1,3}}?)(?:heeft\s+)?mede\s*{SIGNED}"
)
TYPE_WORDS = {
    KAMERVRAAG: r"kamervra\w*|schriftelijke vra\w*|antwoord(?:en)? op (?:de )?vragen",
    BRIEF: r"\bbrie(?:f|ven)\b|kamerbrie\w*",
    HANDELINGEN: r"\bdebat\w*|handelingen|plenair\w*",
    NOTA: r"\bnota\b",
}
# Questions about what was said or written, not about the record of a motie.
FREE_FORM_RE = re.compile(
    r"^\s*(?:waarom|hoe\b(?!\s+(?:is|staat|liep|stemde))|met welke|wat (?:zei|zegt|antwoord)|"
    r"welke organisaties)|\bvolgens\b|\bin het (?:debat|vao|ao|tweeminutendebat|"
    r"commissiedebat|notaoverleg|antwoord)\b",
    re.IGNORECASE,
)
# "toe" may stand far from its verb: "Wat zegde minister Jetten in het debat ... toe over X?"
COMMITMENT_RE = re.compile(
    r"toezeg\w*|toegezegd|\bzeg(?:de|den|t)?\b.{0,100}?\btoe\b(?!\s+te\b)|beloofd|belofte",
    re.IGNORECASE,
)
# "Heeft minister X de brief over Y gestuurd?", "Is de staatssecretaris teruggekomen op Z?":
# whether the government did what it said it would, asked without the word toezegging.
SENT_WORDS = r"gestuurd|toegestuurd|verstuurd|teruggekomen|nagekomen|verschenen|gekomen"
FOLLOW_THROUGH_RE = re.compile(
    r"^\s*(?:is|zijn|heeft|hebben)\b"
    r"(?=.*\b(?:minister|staatssecretaris|kabinet|regering|bewindspersoon)\b)"
    rf"(?=.*\b(?:{SENT_WORDS})\b)",
    re.IGNORECASE,
)
# "In welke motie wordt ... de beloofde granaten ...": a motie is asked for, whatever it is about.
WHICH_MOTION_RE = re.compile(r"\b(?:welke|in welke|van welke)\s+(?:gewijzigde\s+)?motie\b", re.I)
# Anywhere in a commitment question: does it ask whether the thing was done?
DONE_QUESTION_RE = re.compile(rf"{SENT_WORDS}|uitgevoerd|ontvangen", re.IGNORECASE)
LIST_RE = re.compile(r"\bwelke\s+moties\b|\bmoties\b.*\b(zijn|werden)\b|\balle moties\b", re.I)
MINISTERIE_RE = re.compile(
    r"\b(?:minister|staatssecretaris|ministerie)\s+(?:van|voor)\s+([A-Z][\w-]*(?:\s+(?:en|van|"
    r"voor)\s+[A-Z][\w-]*)*)"
)
# A member's surname with its tussenvoegsel: "Podt", "Van der Plas", "de Hoop", "Kostić".
_PARTICLES = r"(?:{V}an\s+(?:de[nr]?\s+|het\s+)?|{D}e[nr]?\s+|{T}e[nr]\s+|{I}n\s+'t\s+)"
TUSSENVOEGSEL = _PARTICLES.format(V="[Vv]", D="[Dd]", T="[Tt]", I="[Ii]")
# ... written with a capital, as in a sentence ("Van der Plas"), or all in lower case.
CAPITAL_TUSSENVOEGSEL = _PARTICLES.format(V="V", D="D", T="T", I="I")
LOWER_TUSSENVOEGSEL = _PARTICLES.format(V="v", D="d", T="t", I="i")
PARTICLE_RE = re.compile(r"van|de[nr]?|te[nr]?|in|het", re.IGNORECASE)
SURNAME = rf"{TUSSENVOEGSEL}?[A-Z][\w'-]+"
# With a given name or a role when they come first ("Caroline van der Plas", "SP-leider Lilian
# Marijnissen"): read whole, then kept only as far as the moties' indieners hold it (see
# `with_known_members`).
MEMBER = rf"(?:[A-Z][\w'-]+\s+(?={TUSSENVOEGSEL}?[A-Z])){{0,2}}{SURNAME}"
# The words a description of a motie starts with after the member's name ("de motie van X om
# ...", "... over ...", "... die vraagt ...").
DESCRIPTION_OPENERS = r"om|over|voor|tegen|dat|die|waarin|waarmee|met|inzake"
# A role after a comma says who the member is, not who else signed ("Kops, Kamerlid voor de PVV").
ROLE_WORD = (
    r"(?:[\w-]*(?:[Kk]amerlid|[Ll]eider|[Vv]oorzitter|[Ww]oordvoerder|[Mm]inister)|\w+'er)\b"
)
# "Podt/Rajkowski", "Omtzigt en Dassen", "Kops, Mulder en Van Haga", "Kops (PVV) en Vermeer
# (BBB)": split by `listed_names`.
IN_BRACKETS = r"\s*\([^()]{1,40}\)"
LISTED = rf"{MEMBER}(?:{IN_BRACKETS})?"
CO_SIGNER = rf"\s*,\s*(?!(?:het\s+|de\s+)?{ROLE_WORD}){LISTED}"
MEMBER_LIST = rf"{LISTED}(?:\s*/\s*{LISTED}|{CO_SIGNER}|\s+en\s+{LISTED})*"
NAME_SEPARATOR_RE = re.compile(r"\s*[/,]\s*|\s+en\s+")
BRACKETS_RE = re.compile(IN_BRACKETS)
# "de motie van het lid Kops", "van de leden ...", "van mevrouw Bikker", "van de heer Kops"
WHO = r"(?:het\s+lid\s+|de\s+leden\s+|mevrouw\s+|mevr\.\s*|de\s+heer\s+|dhr\.\s*)?"
# "de motie van het CDA-Kamerlid Bikker": the article goes with the role, not with the name
ROLE_ARTICLE = r"(?:(?:het|de)\s+(?=[\w-]*(?:[Kk]amerlid|leider|voorzitter)\s))?"
INDIENER_RE = re.compile(rf"\bmotie[- ](?:van\s+{WHO}{ROLE_ARTICLE})?({MEMBER_LIST})")
NOT_THIS_RE = re.compile(
    r"\b(?:niet|geen)\b(?:\s+(?:de|het|die|die\s+andere))?(?:\s+\w+)?\s*$", re.I
)
NOT_THIS_REACH = 30  # characters before "motie van X" searched for "niet de eerdere"
MEMBERS_RE = re.compile(rf"\b(?:lid|leden)\s+({MEMBER})(?:\s+en\s+({MEMBER}))?")
PARTY_MOTIE_RE = re.compile(r"\b([\w-]+)-(?=moties?\b)motie")
# "and others": "Veldkamp c.s.", "Veldkamp cs", "Veldkamp e.a.", "Veldkamp en anderen"
CUM_SUIS_RE = re.compile(r"\b(?:c\.\s?s|e\.\s?a)\.?(?!\w)", re.IGNORECASE)
OTHERS_RE = re.compile(r"\b([A-Z][\w'-]+)\s+(?:cs|en\s+anderen)\b")
NOT_NAMES = frozenset({"De", "Het", "Een", "Van", "Over", "Kamerstuk", "Motie"})


@dataclass(frozen=True)
class Question:
    text: str
    intent: str
    ids: tuple[str, ...] = ()
    aspects: frozenset[str] = frozenset()
    timeframe: Timeframe | None = None
    filters: Filters = field(default_factory=Filters)
    topic: str = ""  # the question without ids and time words: what to search for
    names: tuple[str, ...] = ()  # member names mentioned ("Podt", "Rajkowski")

    def with_ids(self, ids: tuple[str, ...]) -> Question:
        return replace(self, ids=ids)


def find_ids(text: str) -> list[str]:
    """Kamerstuk ids in any spelling, Zaak numbers, DocumentNummers and TZ numbers, in order."""
    found: dict[str, int] = {}
    for ref in find_references(text):
        found.setdefault(ref.target, text.find(ref.anchor))
    for match in MOTIE_NUMBER_RE.finditer(text):
        dossier = match.group(1).replace(" ", "")
        found.setdefault(f"kst-{dossier}-{match.group(2)}", match.start())
    for pattern in (ZAAK_RE, DOCUMENTNUMMER_RE, TOEZEGGING_RE):
        for match in pattern.finditer(text):
            found.setdefault(match.group(1).upper(), match.start())
    for match in LITERAL_ID_RE.finditer(text):
        found.setdefault(match.group(1).lower(), match.start())
    return sorted(found, key=lambda key: found[key])


def find_fractie(text: str) -> str | None:
    lowered = text.lower()
    for alias, name in FRACTIE_ALIASES.items():
        if re.search(rf"\b{re.escape(alias)}\b", lowered):
            return name
    for name in FRACTIES:
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE):
            return name
    return None


def find_names(text: str) -> tuple[str, ...]:
    """Member names: 'de motie van Podt', 'de motie-Podt/Rajkowski', 'de motie van Van der
    Plas', 'de leden X en Y'. A tussenvoegsel stays with its name ("Van der Plas")."""
    names: list[str] = []
    end = len(text)
    for match in INDIENER_RE.finditer(text):
        if NOT_THIS_RE.search(text[max(0, match.start() - NOT_THIS_REACH) : match.start()]):
            continue  # "ik bedoel niet de eerdere motie van Leijten": not who is asked about
        for name in listed_names(match.group(1)):
            name = name[:1].upper() + name[1:]  # "van der Woude" in a sentence
            if name and name not in NOT_NAMES and name not in FRACTIES:
                names.append(name)
        # The motie asked about comes first; a later one is its subject ("de motie van Omtzigt
        # om de motie-De Groot/Van Campen niet uit te voeren").
        end = match.end()
        break
    for match in MEMBERS_RE.finditer(text, 0, end):
        names += [g for g in match.groups() if g and g not in NOT_NAMES]
    return tuple(dict.fromkeys(names))


def listed_names(listed: str) -> list[str]:
    """The names in a MEMBER_LIST, without a fractie in brackets after one."""
    return [name.strip() for name in NAME_SEPARATOR_RE.split(BRACKETS_RE.sub("", listed))]


# Anywhere in a sentence a tussenvoegsel before a surname is written with a capital ("Van der
# Plas", "De Hoop"); "van Podt" is the preposition and the name. A given name may come first
# ("Agnes Joseph").
CAPITAL_SURNAME = rf"{CAPITAL_TUSSENVOEGSEL}?[A-Z][\w'-]+"
NAME_CANDIDATE_RE = re.compile(rf"(?<![\w-]){CAPITAL_SURNAME}")
NAME_RUN_RE = re.compile(
    rf"(?<![\w-])(?:[A-Z][\w'-]+\s+(?={CAPITAL_SURNAME})){{0,2}}{CAPITAL_SURNAME}"
)
# Who the member is, after the name: "Omtzigt (NSC)", "Kops, Kamerlid voor de PVV,".
APPOSITION = rf"(?:{IN_BRACKETS}|,\s*(?:het\s+|de\s+)?{ROLE_WORD}[^,?]{{0,40}},)"
# A motie named by the genitive of its indiener: "Agema's motie", "Kops' motie", "Bikkers
# motie" (Bikker's, or a member Bikkers: `with_known_members` weighs both), "de Bikker-motie",
# "Bikkers voorstel".
GENITIVE_NAME = rf"{CAPITAL_TUSSENVOEGSEL}?[A-Z][\w-]+?"
GENITIVE_RE = re.compile(
    rf"(?<![\w'/-])({GENITIVE_NAME}(?:/{GENITIVE_NAME})*)"
    r"(?:('s|'|s)?\s+(?:gewijzigde\s+)?|-)(?:motie|voorstel|verzoek|oproep)\b"
)
# What a member proposed, named by them: "het verzoek van Pieter Omtzigt en Dassen", "het
# voorstel van Kusu", "de oproep van PvdD-Kamerlid van raan", "de motie van van raan".
PROPOSAL = (
    r"\b(?:moties?|voorstel(?:len)?|verzoek|oproep)"
    rf"(?:-|\s+van\s+{WHO}{ROLE_ARTICLE})"
)
PROPOSER_RE = re.compile(rf"{PROPOSAL}({MEMBER_LIST})")
LOWER_CASE_MEMBER_RE = re.compile(
    rf"{PROPOSAL}(?:[\w-]*[Kk]amerlid\s+)?"
    rf"({LOWER_TUSSENVOEGSEL}?[a-zà-ÿ][\w'-]+)"
)
# ... after a given name: "de motie van wybren van haga", "de motie van don ceder"; not the
# word that starts the description ("de motie van kops over windmolens").
DESCRIPTION_START = (
    rf"(?:{DESCRIPTION_OPENERS}|uit|in|op|is|was|werd|en|of|aangenomen|verworpen|ingediend"
    r"|mede)\b"
)
LOWER_CASE_SURNAME_RE = re.compile(
    rf"\s+(?!{DESCRIPTION_START})({LOWER_TUSSENVOEGSEL}?[a-zà-ÿ][\w'-]+)"
)
# Ask what became of a motie without saying "motie": "wat is er terechtgekomen van het
# voorstel van Van der Plas ...", "heeft het voorstel van Kröger het gehaald?".
MOTION_BY_MEMBER_ASPECTS = frozenset({"status", "outcome", "appreciatie", "fulfilment"})


def with_known_members(
    question: Question,
    is_member: Callable[[str], bool],
    respell: Callable[[str], str | None] = lambda name: None,
    moties: Callable[[str], int] | None = None,
) -> Question:
    """The question's member names as the moties' indieners hold them (`as_signed`), with those
    the pattern missed that `is_member` knows: a proposal named by its proposer ("het verzoek
    van Pieter Omtzigt en Dassen", "het voorstel van Kusu", one letter off: `respell`), a
    co-signer ("die Lilian Marijnisen mede indiende"), a name in lower case ("de motie van van
    raan"), a genitive ("Agema's motie", read as "motie van Agema"), or else a name anywhere
    ("Van der Plas heeft in december een motie ingediend ...").
    A free question about a member's proposal is then a motie question."""
    if question.ids and not question.names:
        return question

    def signed_as(name: str) -> str:
        kept = as_signed(name, is_member, moties)
        if is_member(kept):
            return kept
        # "Marijnisen", "SP'er Van Nipsen": a surname one letter off a member's
        surname = kept.rpartition(" ")[2]
        if (respelled := respell(surname)) is None:
            return kept
        named = as_signed(kept[: len(kept) - len(surname)] + respelled, is_member, moties)
        return named if is_member(named) else kept

    written = {name: signed_as(name) for name in question.names}
    proposed: dict[str, str] = {}
    written_lower = {name.lower() for name in written}
    for name in proposer_names(question.text):
        if name.lower() in written_lower:
            continue
        kept = signed_as(name)
        if kept not in NOT_NAMES and is_member(kept):
            proposed[name] = kept
    genitives: dict[str, str] = {}
    for match in GENITIVE_RE.finditer(question.text):
        name, genitive = match.group(1), match.group(2) or ""
        if "/" in name:  # "de Kops/Vermeer-motie"
            listed = [signed_as(n) for n in name.split("/")]
            signers = listed if all(map(is_member, listed)) else []
        else:
            forms = (name, f"{name}s") if genitive == "s" else (name,)
            known = [k for f in forms if f not in NOT_NAMES and is_member(k := signed_as(f))]
            # "Bikkers motie": Bikker signed hundreds of moties, "Bikkers" a few
            signers = [max(known, key=moties) if moties else known[0]] if known else []
        if signers:
            proposed.update((kept, kept) for kept in signers)
            # read as "motie van Bikker", as the subject after the name is read
            kind = match.group(0)[len(name) + len(genitive) :].strip(" -")
            genitives[match.group(0)] = f"{kind} van {' en '.join(signers)}"
    found = {**written, **proposed}
    if not found:
        found = {}
        for run in NAME_RUN_RE.findall(question.text):
            # "Agnes Joseph wilde dat ...": a given name with the surname, as the moties hold
            # it; else each capitalised word ("De VVD'er Van der Woude diende ...")
            kept = as_signed(run, is_member, moties)
            if is_member(kept):
                pairs = [(run, kept)]
            else:
                pairs = [(name, name) for name in NAME_CANDIDATE_RE.findall(run)]
            found.update(
                (name, kept)
                for name, kept in pairs
                if len(name) > 2
                and name not in NOT_NAMES
                and name.lower() not in FRACTIE_NAMES
                and kept not in NOT_NAMES
                and is_member(kept)
            )
    if not found:
        return question
    topic = question.topic
    for phrase, standard in genitives.items():
        topic = topic.replace(phrase, standard)
    for name, kept in found.items():
        # The words left out are no subject to search for, nor is who the member is, after
        # the name ("Omtzigt (NSC)", "Kops, Kamerlid voor de PVV,").
        topic = re.sub(rf"\b{re.escape(name)}\b{APPOSITION}?", kept, topic, flags=re.IGNORECASE)
    question = replace(question, names=tuple(dict.fromkeys(found.values())), topic=topic)
    # A type word in a proposal's subject ("om met een brief te komen") is what it asks for.
    if (
        question.intent == FREE
        and not written  # "motie-X" written out: the question already chose free text
        and (
            proposed or (not question.filters.types and question.aspects & MOTION_BY_MEMBER_ASPECTS)
        )
    ):
        filters = replace(question.filters, types=(MOTIE, GEWIJZIGDE_MOTIE))
        question = replace(question, intent=MOTION, filters=filters)
    return question


def proposer_names(text: str) -> list[str]:
    """The names where only a member's name can stand: after the first "het voorstel van",
    "het verzoek van", "de oproep van" or "de motie van" (also in lower case: a later one is
    the subject, "om de motie-De Groot niet uit te voeren"), and in "die X mede indiende"."""
    found = [m for m in (PROPOSER_RE.search(text), LOWER_CASE_MEMBER_RE.search(text)) if m]
    start = min((m.start() for m in found), default=0)
    names: list[str] = []
    for match in found:
        if match.start() > start:
            continue
        if match.re is PROPOSER_RE:
            names += listed_names(match.group(1))
        else:  # "de oproep van PvdD-Kamerlid van raan", "de motie van wybren van haga"
            first = match.group(1)
            if not all(map(PARTICLE_RE.fullmatch, first.split())):  # not "van der" alone
                names.append(titled(first))
            if surname := LOWER_CASE_SURNAME_RE.match(text, match.end()):
                names.append(titled(f"{first} {surname.group(1)}"))
    for clause in SIGNER_CLAUSE_RE.finditer(text):
        signers = [m.group(0) for m in re.finditer(MEMBER, clause.group(0))]
        lower = LOWER_CASE_SIGNER_RE.match(clause.group(0))
        names += signers or ([titled(lower.group(1))] if lower else [])
    return list(dict.fromkeys(names))


def titled(name: str) -> str:
    """ "van raan" -> "Van Raan", "van der woude" -> "Van der Woude", as a surname alone is
    written."""
    words = name.split()
    return " ".join(
        w if w == "'t" or (at and PARTICLE_RE.fullmatch(w)) else w[:1].upper() + w[1:]
        for at, w in enumerate(words)
    )


# A given name is kept with the surname when the moties that hold both are at least this share
# of those that hold the surname: "Léon de Jong" (85 of the 165 "De Jong" moties), not "Pieter
# Omtzigt" (2 of 323: the indieners seldom give his first name).
GIVEN_NAME_SHARE = 0.25
GIVEN_NAME_OWN = 0.5  # ... and at least this share of the moties that hold the given name


def as_signed(
    name: str, is_member: Callable[[str], bool], moties: Callable[[str], int] | None = None
) -> str:
    """A name as the moties' indieners hold it: "Léon de Jong" stays whole where they hold his
    given name often enough (`moties`: how many moties a name signed; GIVEN_NAME_SHARE), as it
    tells him from Romke de Jong; "Caroline van der Plas" becomes "Van der Plas" (written as a
    surname alone is) and "SP-leider Lilian Marijnissen" "Marijnissen" where they do not;
    "Omtzigt CDA" becomes "Omtzigt"."""
    words = name.split()
    shorter = [name]
    for at in range(1, len(words)):
        if PARTICLE_RE.fullmatch(words[at - 1]):
            break  # "Van der Plas": the tussenvoegsel belongs to the surname
        rest = " ".join(words[at:])
        shorter.append(rest[:1].upper() + rest[1:])
    known = [n for n in shorter if is_member(n)]
    if not known:
        first = words[0]
        keep = len(words) > 1 and not PARTICLE_RE.fullmatch(first) and first not in NOT_NAMES
        return first if keep and is_member(first) else name
    if moties is None or len(known) == 1:
        return known[0]
    counts = {n: moties(n) for n in known}
    most = max(counts.values())
    for n in known[:-1]:
        # "Paul van Meenen": Paul is a member too, whose moties Van Meenen often co-signed;
        # a given name mostly signs with the surname after it.
        given = n.split()[0]
        if counts[n] >= GIVEN_NAME_SHARE * most and counts[n] >= GIVEN_NAME_OWN * moties(given):
            return n
    return known[-1]


# A document named by the month or year it dates from: "de stikstofmotie van 2031", "de brief
# uit maart 2027".
DATED_DOCUMENT_RE = re.compile(
    r"\w*(?:motie|moties|brief|brieven|toezegging|toezeggingen|nota)\s+(?:van|uit)\s+"
    r"(?:[a-z]+\s+)?20\d\d\b",
    re.IGNORECASE,
)


def parse_question(text: str, today: dt.date) -> Question:
    question = " ".join(text.split())
    ids = tuple(find_ids(question))
    timeframe = find_timeframe(question, today)
    if timeframe is not None and timeframe.start > today and not DATED_DOCUMENT_RE.search(question):
        # "na 2030" is what a text is about, not when it was written: no filter. "de
        # stikstofmotie van 2031" asks for a document of a year to come: none is found.
        timeframe = None
    lowered = question.lower()
    # "de motie die Arib mede ondertekende" says which motie, not that the indieners are asked.
    asked = SIGNER_CLAUSE_RE.sub(" ", lowered)
    aspects = frozenset(
        aspect for aspect, pattern in ASPECT_WORDS.items() if re.search(pattern, asked)
    )
    fractie = find_fractie(question)
    names = find_names(question)
    ministerie = MINISTERIE_RE.search(question)
    dossier = DOSSIER_RE.search(question)
    outcome = None
    if re.search(r"\baangenomen\b", lowered):
        outcome = AANGENOMEN
    elif re.search(r"\bverworpen\b", lowered):
        outcome = VERWORPEN

    free_form = FREE_FORM_RE.search(question) is not None
    follow_through = FOLLOW_THROUGH_RE.search(question) and "motie" not in lowered
    # "de motie van Kops om de belofte ... in te trekken": a promise in a named motie's subject
    # is what the motie is about, not a question about promises.
    named_motie = INDIENER_RE.search(question)
    before = question[: named_motie.end()] if named_motie else question
    if dossier and BRIEFING_RE.search(question):
        intent = BRIEFING
    elif any(i.startswith("TZ") for i in ids) or (
        (COMMITMENT_RE.search(before) or follow_through) and not WHICH_MOTION_RE.search(question)
    ):
        intent = COMMITMENT
    elif LIST_RE.search(question) or (
        "moties" in lowered and (timeframe is not None or fractie or dossier)
    ):
        intent = MOTION_LIST
    elif free_form and not (ids and aspects):
        # "Waarom ontried de minister de motie ...", "volgens het antwoord ...": read the texts.
        intent = FREE
    elif ids:
        intent = MOTION if re.search(r"\bmotie", lowered) or aspects else DOCUMENT
    elif re.search(r"\bmotie\b|\bmotie-", lowered):
        intent = MOTION
    else:
        intent = FREE

    types: tuple[str, ...] = ()
    if intent in (MOTION, MOTION_LIST):
        types = (MOTIE, GEWIJZIGDE_MOTIE)
    elif intent == COMMITMENT:
        types = ()
    else:
        types = tuple(t for t, pattern in TYPE_WORDS.items() if re.search(pattern, lowered))
    filters = Filters(
        types=types,
        date_from=timeframe.start if timeframe else None,
        date_to=timeframe.end if timeframe else None,
        dossier=dossier.group(1).replace(" ", "") if dossier else None,
        fractie=fractie if intent in (MOTION_LIST,) else None,
        ministerie=ministerie.group(1) if ministerie and intent == COMMITMENT else None,
        outcome=outcome if intent == MOTION_LIST else None,
    )
    topic = strip_timeframe(question, timeframe)
    for identifier in ids:
        topic = topic.replace(identifier, " ")
    # "de BBB-motie over ...": who filed it, not what it is about
    topic = PARTY_MOTIE_RE.sub(
        lambda m: "motie" if m.group(1).lower() in FRACTIE_NAMES else m.group(0), topic
    )
    # "and others": who filed it, not what it is about
    topic = OTHERS_RE.sub(r"\1", CUM_SUIS_RE.sub(" ", topic))
    return Question(
        text=question,
        intent=intent,
        ids=ids,
        aspects=aspects,
        timeframe=timeframe,
        filters=filters,
        topic=" ".join(topic.split()),
        names=names,
    )
