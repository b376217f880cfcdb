"""Which way a motie asks to move something: raise or lower (double, halve), freeze,
introduce, keep or abolish, allow or ban, keep open or close, loosen or tighten.

A motie that asks to raise the minimumloon shares nearly every word with a question about a
motie to freeze it, and comes as close in meaning. What sets the two apart is the direction:
a question that asks for one direction, about a motie that asks for the opposite one (or says
it does not want the one asked: "geen verhoging van de lastendruk") and never for the one
asked, asks for another motie. Only the words that ask for an act count ("verhogen",
"verhoging", "bevroren"), not those that describe a state ("hoger", "stijgende"): a motie's
considerations describe the situation it wants to change, so its subject and dictum are read,
not its considerations. A motie that asks only for a study, a talk or a plan, and never names the
act a question asks for, asks for less than that act (`only_studied`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial

# Each direction with the noun a message names it by and the word forms that ask for it:
# infinitive, "te" + infinitive of a separable verb, participle and the noun of the act.
DIRECTIONS: dict[str, tuple[str, str]] = {
    "up": (
        "verhoging",
        r"verho(?:o?g)\w*|opho(?:o?g)\w*|verdubbel\w*|vergro(?:o?t)\w*|uitbrei\w*"
        r"|uit te breiden|uitgebreid|op te hogen|opgehoogd|verruim\w*|indexe\w*|geïndexeerd"
        r"|optrekken|op te trekken|opgetrokken|\w+verhoging(?:en)?|omhoog",
    ),
    "double": ("verdubbeling", r"verdubbel\w*|te verdubbelen|tweemaal|twee keer zo\w*"),
    "down": (
        "verlaging",
        r"verla(?:a?g)\w*|verminder\w*|verklein\w*|halver\w*|bezuinig\w*|terugdring\w*"
        r"|terug te dringen|teruggedrongen|afbouw\w*|af te bouwen|afgebouwd|inperk\w*"
        r"|in te perken|ingeperkt|beperken|te beperken|gehalveerd|korten|te korten|gekort"
        r"|verkort\w*|te verkorten|afschal\w*|af te schalen|afgeschaald"
        r"|\w+verlaging(?:en)?|\w+bezuiniging(?:en)?|omlaag|naar beneden",
    ),
    "halve": ("halvering", r"halver\w*|te halveren|gehalveerd"),
    "permanent": ("permanent maken", r"permanent (?:te )?maken|permanent gemaakt"),
    "freeze": ("bevriezing", r"bevrie(?!nd)\w*|bevroren"),
    "faster": ("versnelling", r"versnel\w*|te versnellen|sneller"),
    "delay": (
        "uitstel",
        r"uitstel\w*|uit te stellen|uitgesteld|temporiser\w*|te temporiseren|getemporiseerd"
        r"|pauzer\w*|te pauzeren|gepauzeerd|opschort\w*|op te schorten|opgeschort",
    ),
    "start": (
        "invoering",
        r"invoeren|in te voeren|ingevoerd|invoering|introduceren|te introduceren"
        r"|geïntroduceerd|instellen|in te stellen|ingesteld|oprichten|op te richten|opgericht"
        r"|oprichting|verplichten|te verplichten|verplicht (?:te )?(?:maken|stellen)"
        r"|verplichtstelling",
    ),
    "end": (
        "afschaffing",
        r"afschaf\w*|af te schaffen|afgeschaft|opheff\w*|op te heffen|opgeheven|beëindig\w*"
        r"|schrappen|te schrappen|geschrapt|terugdraai\w*|terug te draaien|teruggedraaid"
        r"|stopzet\w*|stop te zetten|stopgezet|stoppen|te stoppen|\w*stop"
        r"|intrekken|in te trekken|ingetrokken|een einde (?:te )?maken aan|uitfaser\w*"
        r"|uit te faseren|uitgefaseerd",
    ),
    "keep": (
        "behoud",
        r"behouden|te behouden|behoud|in stand (?:te )?(?:houden|laten)|instandhouding"
        r"|in stand gehouden|overeind (?:te )?houden|voortzet\w*|voort te zetten|voortgezet"
        r"|continuer\w*|te continueren|gecontinueerd|verleng\w*|te verlengen|verlengd"
        r"|(?:te )?blijven \w+en|(?:te )?laten staan|ongewijzigd (?:te )?laten"
        r"|geen (?:aanpassingen|wijzigingen) (?:te )?(?:maken|doen|aanbrengen)"
        r"|doorontwikkel\w*|door te ontwikkelen|verder (?:te )?ontwikkelen|verder ontwikkeld",
    ),
    "allow": (
        "toestaan",
        r"toestaan|toe te staan|toegestaan|legaliser\w*|te legaliseren|gelegaliseerd"
        r"|mogelijk (?:te )?maken|mogelijk gemaakt|toelaten|toe te laten|toegelaten",
    ),
    "ban": (
        "een verbod",
        r"verbieden|te verbieden|verbiedt|verboden|verbod|uitbannen|uit te bannen|uitgebannen",
    ),
    "open": (
        "openhouden",
        r"openhoud\w*|open te houden|open houden|opengehouden|openblijven|open blijven|heropen\w*"
        r"|te heropenen|openstellen|open te stellen|opengesteld|openstelling",
    ),
    "close": ("sluiting", r"sluiten|te sluiten|sluiting|dichtdoen|dicht te doen"),
    "loosen": ("versoepeling", r"versoepel\w*|verruim\w*|soepeler"),
    "tighten": (
        "aanscherping",
        r"aanscherp\w*|aan te scherpen|aangescherpt|verscherp\w*|strenger\w*|verzwar\w*"
        r"|te verzwaren|verzwaard",
    ),
}
_PAIRS = (
    ("up", "down"),
    ("up", "freeze"),
    ("down", "freeze"),
    ("up", "end"),
    ("start", "end"),
    ("faster", "delay"),
    ("faster", "end"),
    ("keep", "end"),
    ("keep", "down"),
    ("keep", "close"),
    ("allow", "ban"),
    ("open", "close"),
    ("loosen", "tighten"),
    ("tighten", "allow"),
    ("loosen", "ban"),
    ("tighten", "end"),
)
OPPOSITES = frozenset(_PAIRS) | frozenset((b, a) for a, b in _PAIRS)
# Directions that ask the same way in other words: an end to a practice is a ban on it ("een
# einde maken aan het lozen", "het lozen verbieden"), keeping a hospital open keeps it.
_ALIKE = (("end", "ban"), ("end", "close"), ("ban", "close"), ("open", "keep"))
ALIKE = frozenset(_ALIKE) | frozenset((b, a) for a, b in _ALIKE)
# An extent of a direction: a question that asks to double something, about a motie that
# asks to raise it but not to double it, asks for another motie.
EXTENTS = {"double": "up", "halve": "down", "permanent": "keep"}
# An act that goes further than another one: a question that asks to abolish something, about
# a motie that asks only to reduce it, asks for another motie (not the reverse: "verlagen" may
# be the user's word for a motie that abolishes).
FURTHER = {"end": frozenset({"down"}), "ban": frozenset({"down", "tighten"})}
# An act's object follows "van" or "op" after it ("de verhoging van de btw", "het verhogen van
# de btw", "een verbod op"), and stands before it otherwise ("de btw verhogen").
OBJECT_AFTER_RE = re.compile(r"\s+(?:van|op)\b", re.IGNORECASE)
# Acts that undo or postpone the act whose noun stands next to them.
UNDOING = frozenset({"end", "delay"})
# Where a word names no direction: one closes a contract or a deal as well as a hospital.
NOT_AFTER = {
    "close": re.compile(
        r"\b(?:contract|akkoord|overeenkomst|deal|convenant|verdrag|pact|compromis|afspra"
        r"|vrede|coalitie|verbond)\w*\b[^.;,]*$",
        re.IGNORECASE,
    ),
}
NOT_AFTER_REACH = 60  # characters before a word searched for what makes it no direction
_WORDS = {
    name: re.compile(rf"\b(?:{forms})\b", re.IGNORECASE) for name, (_, forms) in DIRECTIONS.items()
}
# Asking for a study, a talk or a plan ("te onderzoeken", "een verkenning", "in kaart te
# brengen", "in gesprek te gaan"): a motie that asks only that, and never names the act a
# question asks for, is not the motie that asks to take it.
STUDY_RE = re.compile(
    r"\b(?:(?:te |laten )?onderzoeken|onderzoek (?:te )?(?:laten )?(?:doen|uitvoeren|instellen"
    r"|verrichten)|(?<!het )onderzoek naar|(?:te )?verkennen|verkenning|in kaart (?:te )?brengen"
    r"|(?:te )?monitoren|(?:te )?evalueren|evaluatie|(?:te )?bezien|impactanalyse"
    r"|(?:te )?inventariseren|inventarisatie|na te gaan|nagaan|uit te zoeken|uitzoeken"
    r"|in gesprek (?:te )?(?:gaan|treden)|in overleg (?:te )?(?:gaan|treden)|plan van aanpak)\b",
    re.IGNORECASE,
)
# Words that name an act without asking for it the way `directions_named` reads: "de
# mogelijkheid creëren" or "ruimte bieden" for what a question calls "mogelijk maken".
NAMES_ACT = {
    "allow": re.compile(
        r"\b(?:mogelijkhe\w*|ruimte)\b[^.;,]{0,60}\b(?:creëren|te creëren|gecreëerd|bieden"
        r"|te bieden|geboden|scheppen|te scheppen|geschapen|maken|te maken|gemaakt)\b",
        re.IGNORECASE,
    ),
}
# "niet te verhogen", "geen verdere verlaging", "afzien van sluiting", "voorkomen dat er wordt
# bezuinigd", "een alternatief voor de verhoging": a negation just before the act asks not to
# take it. One further away ("niet vergroot maar juist verkleint", "lesmaterialen die niet
# werken terugdringen") leaves open which act it negates: the text is not read; but "geen"
# with the thing the act is about ("geen extra belasting op vlees invoeren", "geen (toename
# van) nachtvluchten toestaan") asks not to take it.
NEGATOR = (
    r"\b(?:{niet}|geen|afzien\s+van|af\s+te\s+zien\s+van|afziet\s+van|voorkomen\s+dat"
    r"|alternatie\w*\s+voor)\b"
)
NEGATED_RE = re.compile(
    NEGATOR.format(niet="niet")
    + r"(?:\s+(?:te|verder|verdere|meer|extra|nieuwe|enige|de|het|een|er|wordt|worden))*\s*$",
    re.IGNORECASE,
)
# "het niet hebben van een zorgverzekering" negates no act further on.
NEGATION_NEAR_RE = re.compile(NEGATOR.format(niet=r"(?<!\bhet\s)niet"), re.IGNORECASE)
NONE_OF_RE = re.compile(
    r"\bgeen\s+(?:(?!(?:die|dat|wat|maar|en|of|om|omdat|want|als|wanneer|niet|zodat|tenzij"
    r"|te)\b)[\w()'’-]+\s+){1,7}$",
    re.IGNORECASE,
)
NONE_OF_REACH = 80  # characters before a direction word searched for "geen" with its object
NEGATION_REACH = 40  # characters before a direction word searched for a negation
# The effects of an act are no act asked ("de gevolgen van de bezuinigingen in kaart brengen"):
# the act may only be undone or prevented.
EFFECT_OF_RE = re.compile(
    r"\b(?:gevolg\w*|effect\w*|impact|consequenties|ondanks|vanwege)\b[^.;,]{0,40}"
    r"\bvan\s+(?:de|het|deze)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
EFFECT_REACH = 70  # characters before an act's noun searched for its effects
# Preventing an act asks against it ("een verhoging van het eigen risico voorkomen"); preventing
# anything else asks for no direction ("armoede tegengaan").
PREVENT_RE = re.compile(
    r"\b(?:voorkomen|te voorkomen|voorkomt|tegengaan|tegen te gaan|tegenhouden|tegen te houden)\b",
    re.IGNORECASE,
)
# The noun of an act ("verhoging", "bezuinigingen", "een stop", "het verbod", "het verhogen
# van"), which another act may set up; that act must stand this close to it.
NOUN_ENDS = ("ing", "ingen", "stop", "verbod")
NOMINAL_RE = re.compile(r"\bhet\s+$", re.IGNORECASE)
ACT_ON_NOUN_REACH = 40  # characters between an act and the noun it sets up


@dataclass(frozen=True)
class Asked:
    """The directions a text asks for, and those it asks not to take."""

    toward: frozenset[str] = frozenset()
    against: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.toward or self.against)

    def described(self) -> frozenset[str]:
        """How a message names them: "bevriezing", "geen verhoging"."""
        return frozenset(DIRECTIONS[d][0] for d in self.toward) | frozenset(
            f"geen {DIRECTIONS[d][0]}" for d in self.against
        )


def _ends_before(text: str, at: int, found: re.Pattern[str], reach: int) -> bool:
    """Does `found` match within `reach` characters before `at`, up to it? Searched in place,
    so that what stands before that window still counts ("het niet hebben van" negates no
    act)."""
    return found.search(text, max(0, at - reach), at) is not None


@lru_cache(maxsize=1024)
def directions_named(text: str) -> Asked:
    """The directions `text` asks for and against. Setting up the noun of another act asks for
    that act ("een verbod instellen", "een stop invoeren"); undoing, postponing or preventing
    one asks against it ("de bezuinigingen schrappen", "de btw-verhoging terugdraaien", "de
    invoering uitstellen"), which is not the same as asking the opposite ("het verbod opheffen"
    need not allow all). A text that asks to end something and to move something else is not
    read: which act ends what is not clear."""
    toward: set[str] = set()
    against: set[str] = set()
    acts: list[tuple[str, int, int, bool, bool]] = []  # direction, start, end, noun, own noun
    for name, pattern in _WORDS.items():
        for m in pattern.finditer(text):
            before = partial(_ends_before, text, m.start())
            if name in NOT_AFTER and before(NOT_AFTER[name], NOT_AFTER_REACH):
                continue
            if before(NEGATED_RE, NEGATION_REACH) or before(NONE_OF_RE, NONE_OF_REACH):
                against.add(name)
                continue
            if before(NEGATION_NEAR_RE, NEGATION_REACH):
                return Asked()
            own = m.group().lower().endswith(NOUN_ENDS)
            noun = own or before(NOMINAL_RE, NEGATION_REACH)
            acts.append((name, m.start(), m.end(), noun, own))
            if not (noun and before(EFFECT_OF_RE, EFFECT_REACH)):
                toward.add(name)

    def near(start: int, end: int, own_nouns: bool) -> set[str]:
        """The directions of the nouns of acts next to `text[start:end]` ("een verbod"; with
        `own_nouns`, not "het verhogen van")."""
        return {
            noun
            for noun, n_start, n_end, is_noun, own in acts
            if (own if own_nouns else is_noun)
            and max(n_start - end, start - n_end) <= ACT_ON_NOUN_REACH
        }

    def acted_on(verb: str, own_nouns: bool = False) -> set[str]:
        """The directions of the nouns that an act `verb` (or its noun: "het schrappen van")
        stands next to."""
        return {
            noun
            for v, v_start, v_end, _, _ in acts
            if v == verb
            for noun in near(v_start, v_end, own_nouns)
            if noun != verb
        }

    if acted_on("start"):
        toward.discard("start")
    # Ending, postponing or preventing another act asks against it, not for ending.
    undoing = {verb: acted_on(verb, own_nouns=True) for verb in sorted(UNDOING)}
    undone = set().union(*undoing.values()) | {
        noun for m in PREVENT_RE.finditer(text) for noun in near(m.start(), m.end(), True)
    }
    if undone:
        undone |= {EXTENTS[d] for d in undone if d in EXTENTS}
        toward -= undone | {verb for verb, nouns in undoing.items() if nouns}
        against |= undone
    if "end" in toward and toward - {"end"}:
        return Asked()
    for extent, direction in EXTENTS.items():
        for side in (toward, against):
            if extent in side:
                side.add(direction)
    return Asked(frozenset(toward), frozenset(against))


def same_way(asked: Asked, named: Asked) -> bool:
    """Do the two ask for a direction alike, or against one?"""
    return bool(shared_ways(asked, named))


def shared_ways(asked: Asked, named: Asked) -> frozenset[str]:
    """The directions `asked` for (or against) that `named` asks for (or against) alike."""
    return frozenset(
        a for a in asked.toward if a in named.toward or any((a, n) in ALIKE for n in named.toward)
    ) | (asked.against & named.against)


def acts_about(text: str, about: Callable[[str], bool]) -> str:
    """The part of `text` that asks for acts on what `about` accepts. Each word of an act
    stands with what lies between it and the acts before and after it (ACT_ON_NOUN_REACH at
    most), of which one side is its object ("de btw op boodschappen" before "verlagen", "van
    de bankbelasting" after "het verhogen"). An act that undoes or postpones the act next to
    it is read with it ("het terugdraaien van de verhoging van de accijns op bier"). Empty
    when no act is about what `about` accepts."""
    spans: list[tuple[int, int, frozenset[str]]] = []  # start, end, directions
    for start, end, name in sorted(
        (m.start(), m.end(), name) for name, p in _WORDS.items() for m in p.finditer(text)
    ):
        if spans and start < spans[-1][1]:
            first, last, names = spans[-1]
            spans[-1] = (first, max(end, last), names | {name})
        else:
            spans.append((start, end, frozenset({name})))

    def region(n: int) -> tuple[int, int]:
        start, end, _ = spans[n]
        begin = max(spans[n - 1][1] if n else 0, start - ACT_ON_NOUN_REACH)
        stop = min(spans[n + 1][0] if n + 1 < len(spans) else len(text), end + ACT_ON_NOUN_REACH)
        return begin, stop

    def about_object(n: int) -> bool:
        """Is act `n` about what `about` accepts, read on its object's side?"""
        (begin, stop), (start, end, _) = region(n), spans[n]
        return about(text[end:stop] if OBJECT_AFTER_RE.match(text, end) else text[begin:start])

    def undoes(m: int, n: int) -> bool:
        """Does act `m` undo or postpone act `n` next to it, its object on that side?"""
        if not (0 <= m < len(spans) and spans[m][2] & UNDOING):
            return False
        if OBJECT_AFTER_RE.match(text, spans[m][1]):
            return n == m + 1 and spans[n][0] - spans[m][1] <= ACT_ON_NOUN_REACH
        return n == m - 1 and spans[m][0] - spans[n][1] <= ACT_ON_NOUN_REACH

    chosen = {n for n in range(len(spans)) if about_object(n)}
    chosen |= {m for n in chosen for m in (n - 1, n + 1) if undoes(m, n)}
    parts: list[tuple[int, int]] = []
    for n in sorted(chosen):
        begin, stop = region(n)
        if parts and n - 1 in chosen:  # acts next to one another are read together
            parts[-1] = (parts[-1][0], stop)
        else:
            parts.append((begin, stop))
    return "; ".join(text[begin:stop] for begin, stop in parts)


def direction_context(text: str, directions: frozenset[str]) -> tuple[str, ...]:
    """What stands next to the words of `text` that name one of `directions`, on either side
    (ACT_ON_NOUN_REACH characters): the thing the act is about ("de liberalisatiegrens niet"
    before "verhogen", "van de afname van tolken" after "verhoging")."""
    return tuple(
        text[max(0, m.start() - ACT_ON_NOUN_REACH) : m.end() + ACT_ON_NOUN_REACH]
        for d in sorted(directions)
        for m in _WORDS[d].finditer(text)
    )


def direction_words(text: str, directions: frozenset[str]) -> tuple[str, ...]:
    """The words of `text` that name one of `directions` ("op te trekken" for "up")."""
    return tuple(
        dict.fromkeys(m.group() for d in sorted(directions) for m in _WORDS[d].finditer(text))
    )


def directions_reversed(asked: Asked, text: str) -> frozenset[str]:
    """The directions `asked` for, as a message names them, when `text` asks the other way:
    for an opposite direction and for none of those asked, or against one asked; or when it
    asks for less: another extent ("verhogen" or "verlengen" for a question about
    "verdubbelen") or a lesser act ("verlagen" for "afschaffen"). Empty otherwise."""
    named = directions_named(text)
    if not asked:
        return frozenset()
    less = {
        act
        for act in asked.toward - named.toward
        if (act in EXTENTS and named.toward) or named.toward & FURTHER.get(act, frozenset())
    }
    if same_way(asked, named):
        return Asked(frozenset(less)).described()
    opposite = {a for a in asked.toward for n in named.toward if (a, n) in OPPOSITES}
    refused = asked.toward & named.against | asked.against & named.toward
    clash = opposite | refused | less
    return Asked(frozenset(asked.toward & clash), frozenset(asked.against & clash)).described()


def studied_alike(question: str, text: str) -> tuple[str, ...]:
    """The words with which `question` asks for a study, a talk or a plan ("laten uitzoeken"),
    when `text` asks for one too ("in kaart brengen"): the user's words for what it asks.
    Empty when either asks none."""
    if not STUDY_RE.search(text):
        return ()
    return tuple(dict.fromkeys(m.group() for m in STUDY_RE.finditer(question)))


def only_studied(asked: Asked, text: str) -> frozenset[str]:
    """The directions `asked` for, as a message names them, when `text` asks only for a study,
    a talk or a plan and names none of them, nor a way alike, in any form (not even as the
    context of what it studies: "de gevolgen van de afschaffing in kaart brengen" names
    it). Empty otherwise."""
    if not asked.toward or not STUDY_RE.search(text):
        return frozenset()
    ways = asked.toward | {b for a, b in ALIKE if a in asked.toward}
    ways |= {EXTENTS[d] for d in asked.toward if d in EXTENTS}
    if any(_WORDS[d].search(text) or (d in NAMES_ACT and NAMES_ACT[d].search(text)) for d in ways):
        return frozenset()
    return Asked(asked.toward).described()
