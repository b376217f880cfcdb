"""Words as the lexical index sees them: lower case, Dutch stop words out, Snowball stems.

One tokenizer for writing the index and for reading it (questions, coverage, idf weights), so
a stem stored is a stem found.
"""

from __future__ import annotations

import re
from functools import cache

import Stemmer
from bm25s.stopwords import STOPWORDS_DUTCH  # a word list only; bm25s itself is not used


class Tokenizer:
    """Lower-case words, Dutch stop words out, Snowball Dutch stems."""

    def __init__(self) -> None:
        self.stemmer = Stemmer.Stemmer("dutch")
        self.stopwords = frozenset(STOPWORDS_DUTCH)

    def __call__(self, text: str) -> list[str]:
        words = [w for w in re.findall(r"\w+", text.lower()) if w not in self.stopwords]
        return list(self.stemmer.stemWords(words))


@cache
def shared_tokenizer() -> Tokenizer:
    """One stemmer for the process (a Tokenizer holds no per-question state)."""
    return Tokenizer()
