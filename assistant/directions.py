"""Which way a motie asks to move something: raise or lower, freeze, introduce or abolish,
allow or ban, keep open or close, loosen or tighten.

A motie that asks to raise the minimumloon shares nearly every word with a question about a
motie to freeze it, and comes as close in meaning. What sets the two apart is the direction:
a question that asks for one direction, about a motie that asks for the opposite one and never
for the one asked, asks for another motie. Only the words that ask for an act count ("verhogen",
"verhoging", "bevroren"), not those that describe a state ("hoger", "stijgende"): a motie's
considerations describe the situation it wants to change, so its subject and dictum are read,
not its considerations.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Each direction with the noun a message names it by and the word forms that ask for it:
# infinitive, "te" + infinitive of a separable verb, participle and the noun of the act.
# "intrekken" is left out: "is de motie ingetrokken?" asks about the motie, not its subject.
DIRECTIONS: dict[str, tuple[str, str]] = {
    "up": (
        "verhoging",
        r"verho(?:o?g)\w*|opho(?:o?g)\w*|verdubbel\w*|vergro(?:o?t)\w*|uitbrei\w*"
        r"|uit te breiden|uitgebreid|op te hogen|opgehoogd|verruim\w*|indexe\w*|geïndexeerd",
    ),
    "down": (
        "verlaging",
        r"verla(?:a?g)\w*|verminder\w*|verklein\w*|halver\w*|bezuinig\w*|terugdring\w*"
        r"|terug te dringen|teruggedrongen|afbouw\w*|af te bouwen|afgebouwd|inperk\w*"
        r"|in te perken|ingeperkt|beperken|te beperken|gehalveerd",
    ),
    "freeze": ("bevriezing", r"bevrie\w*|bevroren"),
    "start": (
        "invoering",
        r"invoeren|in te voeren|ingevoerd|invoering|introduceren|te introduceren"
        r"|geïntroduceerd|instellen|in te stellen|ingesteld",
    ),
    "end": (
        "afschaffing",
        r"afschaf\w*|af te schaffen|afgeschaft|opheff\w*|op te heffen|opgeheven|beëindig\w*"
        r"|schrappen|te schrappen|geschrapt|terugdraai\w*|terug te draaien|teruggedraaid"
        r"|stopzet\w*|stop te zetten|stopgezet|stoppen|te stoppen",
    ),
    "allow": (
        "toestaan",
        r"toestaan|toe te staan|toegestaan|legaliser\w*|te legaliseren|gelegaliseerd",
    ),
    "ban": ("een verbod", r"verbieden|te verbieden|verbiedt|verboden|verbod"),
    "open": (
        "openhouden",
        r"openhoud\w*|open te houden|open houden|opengehouden|openblijven|open blijven|heropen\w*"
        r"|te heropenen",
    ),
    "close": ("sluiting", r"sluiten|te sluiten|sluiting"),
    "loosen": ("versoepeling", r"versoepel\w*|verruim\w*"),
    "tighten": (
        "aanscherping",
        r"aanscherp\w*|aan te scherpen|aangescherpt|verscherp\w*|strenger\w*",
    ),
}
_PAIRS = (
    ("up", "down"),
    ("up", "freeze"),
    ("down", "freeze"),
    ("start", "end"),
    ("allow", "ban"),
    ("open", "close"),
    ("loosen", "tighten"),
)
OPPOSITES = frozenset(_PAIRS) | frozenset((b, a) for a, b in _PAIRS)
_WORDS = {
    name: re.compile(rf"\b(?:{forms})\b", re.IGNORECASE) for name, (_, forms) in DIRECTIONS.items()
}
# "niet te verhogen", "geen verdere verlaging": a negated act asks for something else (often
# a freeze), so a text with one is not read for its direction at all.
NEGATED_RE = re.compile(r"\b(?:niet|geen)\b(?:\s+\w+){0,3}\s*$", re.IGNORECASE)
NEGATION_REACH = 40  # characters before a direction word searched for a negation


@lru_cache(maxsize=1024)
def directions_named(text: str) -> frozenset[str]:
    """The directions `text` asks for; empty when it negates one of them, or undoes one ("de
    btw-verhoging terugdraaien" asks to lower the btw)."""
    found: set[str] = set()
    for name, pattern in _WORDS.items():
        for m in pattern.finditer(text):
            if NEGATED_RE.search(text[max(0, m.start() - NEGATION_REACH) : m.start()]):
                return frozenset()
            found.add(name)
    if "end" in found and len(found) > 1:
        return frozenset()
    return frozenset(found)


def directions_reversed(asked: frozenset[str], text: str) -> frozenset[str]:
    """The directions `asked` for when `text` asks for none of them and for an opposite one:
    then the text asks the other way. Empty otherwise."""
    named = directions_named(text)
    if not asked or asked & named:
        return frozenset()
    if any((a, n) in OPPOSITES for a in asked for n in named):
        return asked
    return frozenset()


def direction_nouns(directions: frozenset[str]) -> str:
    """How a message names the directions: "verhoging", "afschaffing en een verbod"."""
    return " en ".join(DIRECTIONS[name][0] for name in sorted(directions))
