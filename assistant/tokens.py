"""Words as the lexical index sees them: lower case, Dutch stop words out, Snowball stems.

One tokenizer for writing the index and for reading it (questions, coverage, idf weights), so
a stem stored is a stem found.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import Stemmer

# The Snowball project's Dutch stop word list (101 words). Stored stems depend on it: changing
# it changes what a store's lexical index holds, so a store must then be re-indexed.
STOPWORDS_DUTCH = """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus
    een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand
    iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog
    nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor
    want waren was wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou
""".split()


# A type code of one letter and a number ("F-16", "F-35"): one term where a question's words
# are weighed against a text, as the user means it. The index keeps letter and number apart.
CODE_RE = re.compile(r"\b([a-z])-(\d+)\b", re.IGNORECASE)


def joined_codes(text: str) -> str:
    """'meer F-16's' -> 'meer F16's'."""
    return CODE_RE.sub(r"\1\2", text)


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


def without_accents(word: str) -> str:
    """'beëindig' -> 'beeindig', 'coördinatie' -> 'coordinatie'."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
