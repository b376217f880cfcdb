"""Keep only generated sentences that their cited passages support; the LLM never adds facts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.llm.base import LLM
from assistant.llm.support import DEFAULT_THRESHOLD, Terms, is_supported, wordset

_MARKERS = r"\[\d+(?:\s*[,;]\s*\d+)*\]"
_MARKER = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
# End of a sentence: punctuation, closing quotes, then citation markers that belong to it.
_END = re.compile(rf"[.!?]+[\"'”’)]*(?:\s*{_MARKERS})*(?=\s|$)")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")
# Abbreviations whose final period never ends a sentence, even before a capital or a digit.
ABBREVIATIONS = wordset(
    "c.s. nr. nrs. o.a. d.d. t.v.v. i.v.m. m.b.t. t.a.v. t.b.v. m.i.v. z.g. zgn. bijv. bv. "
    "art. blz. pag. vs. ca. resp. incl. excl. jo. mr. dr. drs. ir. ing. prof. dhr. mevr. st. "
    "min. e.a. a.s. i.p.v. o.b.v. n.a.v. v.w.b. mln. mld."
)

SYSTEM_PROMPT = (
    "Je bent een assistent voor Nederlandse parlementaire documenten. "
    "Beantwoord uitsluitend op basis van de genummerde bronnen. "
    "Zet achter elke zin het bronnummer tussen vierkante haken, bijvoorbeeld [1] of [2][3]. "
    "Verzin niets: noem geen namen, data, getallen of uitkomsten die niet in de bronnen staan. "
    "Als de bronnen het antwoord niet bevatten, zeg dan alleen 'niet gevonden'. "
    "Antwoord kort en zakelijk, in het Nederlands."
)


@dataclass(frozen=True)
class GroundedAnswer:
    """The supported sentences (with their citations) and what was dropped."""

    text: str
    dropped: list[str] = field(default_factory=list)
    supported: list[tuple[str, list[int]]] = field(default_factory=list)

    @property
    def citations(self) -> list[int]:
        return sorted({n for _, cited in self.supported for n in cited})


def split_sentences(text: str) -> list[str]:
    """Sentences, with their trailing citation markers; blank lines and bullets also split."""
    sentences: list[str] = []
    for block in _blocks(text):
        start = 0
        for match in _END.finditer(block):
            if _ends_sentence(block, match.start(), match.end()):
                sentences.append(block[start : match.end()].strip())
                start = match.end()
        if block[start:].strip():
            sentences.append(block[start:].strip())
    return [s for s in sentences if s]


def citation_markers(sentence: str) -> list[int]:
    """The numbers of "[1]", "[2][3]" and "[2, 3]" markers, in order, without repeats."""
    numbers = [int(n) for group in _MARKER.findall(sentence) for n in re.split(r"[,;]", group)]
    return list(dict.fromkeys(numbers))


def check_grounding(
    answer: str, passages: dict[int, str], threshold: float = DEFAULT_THRESHOLD
) -> GroundedAnswer:
    """Keep a sentence only if it cites known passages that support it (see `is_supported`)."""
    terms = {n: Terms.of(text) for n, text in passages.items()}
    supported: list[tuple[str, list[int]]] = []
    dropped: list[str] = []
    for sentence in split_sentences(answer):
        cited = citation_markers(sentence)
        known = bool(cited) and all(n in terms for n in cited)
        if known and is_supported(sentence, [terms[n] for n in cited], threshold):
            supported.append((sentence, cited))
        else:
            dropped.append(sentence)
    text = " ".join(sentence for sentence, _ in supported)
    return GroundedAnswer(text=text, dropped=dropped, supported=supported)


def rewrite_with_llm(
    llm: LLM, question: str, draft: str, passages: dict[int, str]
) -> GroundedAnswer:
    """Let the LLM rephrase the extractive draft; keep only supported sentences.
    If none survive, return the grounded draft (with the LLM's dropped sentences listed)."""
    sources = "\n\n".join(f"[{n}] {text.strip()}" for n, text in sorted(passages.items()))
    prompt = (
        f"Vraag: {question.strip()}\n\nBronnen:\n{sources}\n\n"
        f"Concept-antwoord, letterlijk uit de bronnen:\n{draft.strip()}\n\n"
        "Herschrijf het concept tot een helder antwoord op de vraag. "
        "Gebruik alleen de bronnen en zet achter elke zin het bronnummer [n]."
    )
    rewritten = check_grounding(llm.complete(SYSTEM_PROMPT, prompt), passages)
    if rewritten.supported:
        return rewritten
    fallback = check_grounding(draft, passages)
    return GroundedAnswer(
        text=fallback.text,
        dropped=rewritten.dropped + fallback.dropped,
        supported=fallback.supported,
    )


def _blocks(text: str) -> list[str]:
    """Paragraphs and bullet items, each on one line, bullets removed."""
    blocks: list[list[str]] = [[]]
    for line in text.splitlines():
        if not line.strip() or _BULLET.match(line):
            blocks.append([])
        blocks[-1].append(_BULLET.sub("", line).strip())
    return [" ".join(" ".join(lines).split()) for lines in blocks if any(lines)]


def _ends_sentence(block: str, punct: int, end: int) -> bool:
    rest = block[end:].lstrip()
    if not rest:
        return True
    if rest[0].islower():
        return False
    token = block[: punct + 1].rsplit(maxsplit=1)[-1].lower().lstrip("(\"'‘“")
    # Initials ("J.") and section numbers ("4.1.") are not sentence ends either.
    return token not in ABBREVIATIONS and not re.fullmatch(r"[^\W\d_]\.|\d+(?:\.\d+)+\.", token)
