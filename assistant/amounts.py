"""Numbers a question or a motie's subject names: amounts, durations, sizes.

Moties on one subject often differ only in a number: the minimumloon to 14 or to 15 euro, a
three-year or a four-year pabo, the F-16 or the F-35. A question that names a number the
motie's subject does not, while that subject names another, asks for another motie. Years are
left out: a question's year is often when the motie was filed, not what it asks.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Number words as amounts, alone or at the head of a compound ("driejarige", "zesdaagse");
# ordinals ("Tweede Kamer", "tweede lid") and "een" are no amount.
NUMBER_WORDS = {
    "twee": "2",
    "drie": "3",
    "vier": "4",
    "vijf": "5",
    "zes": "6",
    "zeven": "7",
    "acht": "8",
    "negen": "9",
    "tien": "10",
    "elf": "11",
    "twaalf": "12",
    "twintig": "20",
    "dertig": "30",
    "veertig": "40",
    "vijftig": "50",
    "honderd": "100",
    "duizend": "1000",
}
NUMBER_WORD_RE = re.compile(
    rf"\b({'|'.join(NUMBER_WORDS)})(?:jarige?|daagse?|maandelijkse?|wekelijkse?|voudige?)?\b",
    re.IGNORECASE,
)
# 15, 1.000, 19.000, 1,5: thousands dots dropped, a decimal comma kept. Digits inside a name
# ("JA21", "50PLUS") or an ordinal ("2e") are no amount.
DIGITS_RE = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d+)(,\d+)?(?![\d]|[^\W\d_])")
YEARS = range(1900, 2100)
# A number with its unit or noun after it, not a function word: "15 euro", "driejarige pabo".
NUMBER_PHRASE_RE = re.compile(
    rf"(?:€\s?)?(?:{DIGITS_RE.pattern}|{NUMBER_WORD_RE.pattern})"
    r"(?:\s+(?!(?:per|te|in|op|van|voor|naar|en|of|aan|met|om|de|het|een|tot)\b)\w+)?",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)
def numbers_named(text: str) -> frozenset[str]:
    """The numbers `text` names as amounts, digits or words, years left out."""
    found: set[str] = set()
    for whole, decimals in DIGITS_RE.findall(text):
        number = whole.replace(".", "")
        if not decimals and int(number) in YEARS:
            continue
        found.add(number + decimals)
    found.update(NUMBER_WORDS[m.group(1).lower()] for m in NUMBER_WORD_RE.finditer(text))
    return frozenset(found)


def numbers_lacking(asked: frozenset[str], text: str) -> frozenset[str]:
    """The numbers `asked` for that `text` does not name, when it names another number: then
    the text is about another amount. Empty otherwise."""
    named = numbers_named(text)
    return asked - named if named - asked else frozenset()


def number_phrases(text: str, numbers: frozenset[str]) -> list[str]:
    """Where `text` names `numbers`, with the word after each ("15 euro", "driejarige pabo"):
    how a refusal names what it did not find."""
    phrases: list[str] = []
    for m in NUMBER_PHRASE_RE.finditer(text):
        if numbers_named(m.group(0)) & numbers:
            phrases.append(m.group(0))
    return list(dict.fromkeys(phrases))
