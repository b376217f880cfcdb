"""Does a passage answer a question? Coverage of the question's distinctive content.

A passage answers a question when it holds what makes the question specific: its rare terms (a
subject such as "zeewierteelt", a name, a number), not just its frequent words. Each content stem
of the question weighs by its inverse document frequency over all chunks, so a missing rare term
costs far more than a missing common one. A stem counts as present when a word of the passage
contains it (Dutch compounds: "asiel" in "asielinstroom") or when a long stem is a compound of
two parts that are both present ("zeewier" + "teelt").

Lexical and dense evidence both count: a passage found only by BM25 answers when it covers the
distinctive terms, and the embedding similarity can make up for a paraphrase, but never for a
missing rare term.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from assistant.retrieve import MIN_INSIDE, ChunkIndex
from assistant.tokens import CODE_RE, joined_codes, shared_tokenizer, without_accents

# Each half of a compound split needs at least this many letters.
MIN_PART = 4
# A part of a compound that stands as a word of its own in the text has at least this many.
MIN_OWN_PART = 5
# Letters after a linking s that may be dropped ("afstand-s-eis").
MIN_LINKED_TAIL = 3
# A stem found in at most this share of all chunks is distinctive: the question is about it.
DISTINCTIVE_SHARE = 0.02
# Covered share of the question's idf weight that answers without dense help, and the least
# covered share that dense similarity may lift (both calibrated on the dev questions, see
# tests/eval/README.md).
LEXICAL_COVER = 0.75
DENSE_FLOOR = 0.5
# The same for a paraphrase of texts known to exist (a named member's moties, described in the
# user's own words: "notoire hardrijders" for "bestuurders die structureel ... overtreden"):
# fewer words are shared, the meaning must still be as close.
PARAPHRASE_FLOOR = 0.25
# ... and the bar the meaning and the shared words must reach together is this much lower, as
# long as every word of the question occurs somewhere in the index: a term no text holds
# ("knobbelzwanen") says the subject may be one nobody filed a motie on.
PARAPHRASE_EASING = 0.06
# A term of the question that no chunk holds at all ("bacterievuur") is only forgiven when the
# meaning is this close (a synonym, another spelling); a neighbouring subject stays below it.
ABSENT_DENSE = 0.8
ABSENT_MIN_CHUNKS = 1000
# A missing term that weighs this many times the heaviest term a text holds is the subject the
# text lacks ("drugstoerisme" where the text shares only "tegengaan").
OVERLOOKED_WEIGHT = 1.5


@dataclass(frozen=True)
class Coverage:
    """How much of a question's content a passage holds."""

    share: float  # covered idf weight / all idf weight of the question's content stems
    covered: tuple[str, ...]
    missing: tuple[str, ...]
    missing_distinctive: tuple[str, ...]  # rare stems of the question the passage lacks
    # missing compounds of which the passage holds one part ("fiets" of "fietsparkeren")
    partial: tuple[str, ...] = ()


class Relevance:
    """Term weights from the chunk index, and the decision whether a passage answers."""

    def __init__(self, index: ChunkIndex, dense_threshold: float) -> None:
        self.index = index
        self.dense_threshold = dense_threshold

    def frequency(self, stem: str) -> int:
        """Chunks holding the stem; a stem typed without its trema ("beeindig") counts the
        chunks of the spelling with it ("beëindig")."""
        found = self.index.document_frequency(stem)
        if found:
            return found
        return max((self.index.document_frequency(v) for v in trema_spellings(stem)), default=0)

    def weight(self, stem: str) -> float:
        total = max(self.index.size, 1)
        return math.log((total + 1) / (self.frequency(stem) + 0.5))

    def distinctive(self, stem: str) -> bool:
        total = max(self.index.size, 1)
        return self.frequency(stem) <= DISTINCTIVE_SHARE * total

    def specific(self, stem: str) -> bool:
        """A distinctive stem, in an index large enough to tell (in a few documents most
        words are rare)."""
        return self.index.size < ABSENT_MIN_CHUNKS or self.distinctive(stem)

    def absent(self, stem: str) -> bool:
        """No chunk holds the stem, not even as the start of a longer word, in an index large
        enough for that to mean something (a few documents lack most words)."""
        if self.index.size < ABSENT_MIN_CHUNKS:
            return False
        return self.frequency(stem) == 0

    def coverage(
        self, stems: list[str], text: str, forms: Mapping[str, tuple[str, ...]] | None = None
    ) -> Coverage:
        """`forms`: the words as the question wrote them, per stem; a stem also counts as
        present when such a word stands inside a word of the text."""
        stems = list(dict.fromkeys(stems))
        if not stems:
            return Coverage(1.0, (), (), ())
        words = text_words(text)
        forms = forms or {}
        covered = [
            s
            for s in stems
            if contains(words, s) or any(_inside(words, f) for f in forms.get(s, ()))
        ]
        missing = [s for s in stems if s not in covered]
        weights = {s: self.weight(s) for s in stems}
        total = sum(weights.values()) or 1.0
        share = sum(weights[s] for s in covered) / total
        rare = tuple(s for s in missing if self.distinctive(s))
        partial = tuple(s for s in rare if part_inside(words, s))
        return Coverage(round(share, 3), tuple(covered), tuple(missing), rare, partial)

    def overlooked(self, coverage: Coverage) -> tuple[str, ...]:
        """The missing stems that weigh far more than any stem the text holds."""
        held = max((self.weight(s) for s in coverage.covered), default=0.0)
        return tuple(s for s in coverage.missing if self.weight(s) >= OVERLOOKED_WEIGHT * held)

    def answers(self, coverage: Coverage, dense: float | None, *, paraphrase: bool = False) -> bool:
        """Enough of the question's weight is there, or the meaning is close and no more than
        half of the weight is missing; a term that no chunk holds at all is only forgiven by a
        very close meaning. A `paraphrase` of texts known to exist (the moties of a member the
        question names) may miss terms no text holds and share fewer words, not less meaning."""
        similarity = dense or 0.0
        # A compound no text uses ("fietsparkeren") whose part the passage holds ("stallen
        # van de fiets") is a paraphrase, not a subject the index lacks.
        unknown = (
            []
            if paraphrase
            else [s for s in coverage.missing_distinctive if s not in coverage.partial]
        )
        if similarity < ABSENT_DENSE and any(self.absent(s) for s in unknown):
            return False
        if coverage.share >= LEXICAL_COVER and len(coverage.missing_distinctive) <= 1:
            return True
        floor, bar = DENSE_FLOOR, self.dense_threshold
        if paraphrase:
            floor = PARAPHRASE_FLOOR
            if not any(self.absent(s) for s in coverage.missing_distinctive):
                bar -= PARAPHRASE_EASING
        return coverage.share >= floor and similarity + 0.5 * coverage.share >= bar


def contains(words: frozenset[str], stem: str) -> bool:
    """Is `stem` a word of the text, inside a word (long stems), or a compound of two parts
    that both stand inside words of the text?"""
    if stem in words:
        return True
    if len(stem) < MIN_INSIDE:
        return False
    if any(stem in w for w in words):
        return True
    # The linking s of a compound is spelled both ways: "afstandseis" and "afstandeis".
    linked = [
        stem[:at] + stem[at + 1 :]
        for at in range(MIN_PART, len(stem) - MIN_LINKED_TAIL)
        if stem[at] == "s"
    ]
    # A verb with its -t ("afkeurt", "verzoekt") where the text has another form ("afkeuren").
    if stem.endswith("t") and len(stem) > MIN_INSIDE:
        linked.append(stem[:-1])
    # A verb's stem with its vowel doubled, as it stands inside a compound ("langstuder" of
    # "langstuderen" in "langstudeerboete").
    if stem[-1] not in VOWELS and stem[-2] in "aeou" and stem[-3] not in VOWELS:
        linked.append(f"{stem[:-1]}{stem[-2:]}")
    if any(_inside(words, variant) for variant in linked):
        return True
    # A compound of two parts that are both there, the linking s left out of the head:
    # "gunningsbesluit" where the text says "besluit ... gunning".
    return any(
        _inside(words, head) and _inside(words, stem[cut:])
        for cut in range(MIN_PART, len(stem) - MIN_PART + 1)
        for head in _heads(stem[:cut])
    )


def _heads(head: str) -> tuple[str, ...]:
    """The first part of a compound as written, and without its linking s ("gunnings", and
    "wets" of "wetsartikel")."""
    if head.endswith("s") and len(head) >= MIN_PART:
        return (head, head[:-1])
    return (head,)


def part_inside(words: frozenset[str], stem: str) -> bool:
    """Does the text hold one part of a compound stem, a word of its own of at least
    MIN_OWN_PART letters, the other part at least MIN_PART ("fiets" of "fietsparker")?"""
    return any(
        part in words
        for cut in range(MIN_PART, len(stem) - MIN_PART + 1)
        for part in (*_heads(stem[:cut]), stem[cut:])
        if len(part) >= MIN_OWN_PART
    )


def _inside(words: frozenset[str], part: str) -> bool:
    return any(part in w for w in words)


def text_words(text: str) -> frozenset[str]:
    """The text's words as written and as stems: question stems match either."""
    return _words_cached(text) if len(text) < 4000 else _stemmed_words(text)


@lru_cache(maxsize=4096)
def _words_cached(text: str) -> frozenset[str]:
    return _stemmed_words(text)


def _stemmed_words(text: str) -> frozenset[str]:
    """Words and their stems, also without accents: a stem typed with or without its trema
    is found either way."""
    words = re.findall(r"\w+", text.lower())
    words += re.findall(r"\w+", joined_codes(text.lower())) if CODE_RE.search(text) else []
    found = set(words) | set(shared_tokenizer().stemmer.stemWords(words))
    return frozenset(found | {without_accents(w) for w in found})


# A trema splits two vowels: "beëindigen", "commerciële", "coördinatie", "reünie", "naïef".
TREMA = {"e": "ë", "i": "ï", "o": "ö", "u": "ü"}
VOWELS = "aeiou"


def trema_spellings(stem: str) -> list[str]:
    """The stem with a trema on one vowel that follows another vowel: the spellings a stem
    typed without it may stand for in the texts ("commerciel" -> "commerciël")."""
    if not stem.isascii():
        return []
    return [
        stem[:i] + TREMA[c] + stem[i + 1 :]
        for i, c in enumerate(stem)
        if i and c in TREMA and stem[i - 1] in VOWELS
    ]
