"""Does a set of passages support a sentence? Numbers, decisive words, negations, coverage."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_MARKER = re.compile(r"\[\d+(?:\s*[,;]\s*\d+)*\]")
_WORD = re.compile(r"[^\W\d_]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SUPERSCRIPT = re.compile(r"[\u00b2\u00b3\u00b9\u2070-\u209f]")  # footnote marks like "maart²"
_GROUPED = re.compile(r"(?<!\d)(\d{1,3}) (?=\d{3}(?!\d))")  # "32 317" -> "32317"


def wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS = wordset(
    "de het een en of maar dat die dit deze van in op te aan met bij naar om uit over tot door als "
    "dan ook nog al er is zijn was waren wordt worden werd werden ben bent heeft hebben had hadden "
    "zal zullen zou zouden kan kunnen kon konden moet moeten mag mogen wil willen gaat gaan doet "
    "ik je jij u hij zij ze we wij hun haar hem mijn uw ons onze wat wie waar wanneer hoe welke "
    "welk waarom omdat want dus zo toe heel zeer meer veel alle elk ieder hier daar daarin daarmee "
    "hierin hiermee nu reeds echter tevens zoals zich men iets wel voor tegen niet geen nooit "
    "volgens staat stond bron bronnen namelijk"
)
# Words that flip or decide a claim: they must occur in a cited passage, coverage is not enough.
DECISIVE_WORDS = wordset(
    "niet geen nooit nee niets voor tegen aangenomen verworpen ingetrokken aangehouden afgewezen "
    "gewijzigd vervangen uitgevoerd toegezegd aanvaard overgenomen ontraden unaniem "
    "meerderheid minderheid"
)
NEGATIONS = wordset("niet geen nooit niets nee")
NEGATION_WINDOW = 4  # tokens between a negation and the word it negates, in a passage
DEFAULT_THRESHOLD = 0.75


@dataclass(frozen=True)
class Terms:
    """The lowercased words (in order) and the normalised numbers of a text."""

    words: list[str]
    numbers: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Terms:
        text = _GROUPED.sub(r"\1", _SUPERSCRIPT.sub(" ", _MARKER.sub(" ", text)))
        words = [w.lower() for w in _WORD.findall(text)]
        return cls(words, frozenset(_NUMBER.findall(text)))


def is_supported(sentence: str, cited: list[Terms], threshold: float = DEFAULT_THRESHOLD) -> bool:
    """True when the cited passages hold every number and decisive word of the sentence, its
    negations near the same word, and at least `threshold` of its content words."""
    if not cited:
        return False
    terms = Terms.of(sentence)
    if not terms.numbers <= frozenset().union(*(c.numbers for c in cited)):
        return False
    pool = {w for c in cited for w in c.words}
    stems = {_stem(w) for w in pool}
    words = terms.words
    if any(w in DECISIVE_WORDS and _stem(w) not in stems for w in words):
        return False
    if not all(_negation_found(words, i, cited) for i, w in enumerate(words) if w in NEGATIONS):
        return False
    content = {w for w in words if _is_content(w)}
    if not content:
        return False
    covered = sum(_stem(w) in stems or _in_compound(w, pool) for w in content)
    return covered / len(content) >= threshold


def _is_content(word: str) -> bool:
    return len(word) > 1 and word not in STOP_WORDS


def _negation_found(words: list[str], i: int, cited: list[Terms]) -> bool:
    """A negation must stand near the word it negates in a passage too ("niet verworpen")."""
    after = [w for w in words[i + 1 :] if _is_content(w)]
    before = [w for w in words[:i] if _is_content(w)]
    anchor = after[0] if after else before[-1] if before else None
    if anchor is None:
        return True  # nothing to tie it to; the decisive-word check has run
    return any(
        _stem(c.words[j]) == _stem(anchor)
        for c in cited
        for k, token in enumerate(c.words)
        if token in NEGATIONS
        for j in range(max(0, k - NEGATION_WINDOW), min(len(c.words), k + NEGATION_WINDOW + 1))
    )


def _in_compound(word: str, pool: set[str]) -> bool:
    """Dutch compounds: "werking" is covered by "inwerking", "migratie" by "migratiepact"."""
    return len(word) >= 5 and any(
        len(p) > len(word) and (p.startswith(word) or p.endswith(word)) for p in pool
    )


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer  # PyStemmer: a dependency already (Dutch stemming for BM25)

    return Stemmer.Stemmer("dutch")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_stemmer().stemWord(word))
