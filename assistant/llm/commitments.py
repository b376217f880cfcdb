"""An LLM's second opinion on the commitments the rules found in one document.

The model reads the document in windows and lists the sentences in which the government promises
the Kamer something. A line counts only when it is a verbatim sentence of the document (after
whitespace is collapsed): the model can never add a commitment without a quoted passage. The
result says which rule findings the model confirms, which it doubts, and which sentences it
proposes on top; nothing is stored, the user decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.documents import Document
from assistant.llm.base import LLM
from ingest.extract import split_sentences

WINDOW_CHARS = 6000
SYSTEM_PROMPT = (
    "Je bent een nauwkeurige medewerker van de Tweede Kamer die het toezeggingenregister "
    "bijhoudt. Je antwoordt alleen met zinnen die letterlijk in de gegeven tekst staan."
)
INSTRUCTION = (
    "Noem elke zin uit de tekst hieronder waarin een minister, staatssecretaris of het kabinet "
    "de Kamer iets toezegt (een brief, informatie, een onderzoek, terugkomen op iets), of "
    "waarin naar zo'n eerdere toezegging wordt verwezen of die wordt nagekomen. Vragen en "
    "verzoeken van Kamerleden zijn geen toezeggingen. Geef de zinnen letterlijk, elk op een "
    "eigen regel die begint met '- '. Staat er geen toezegging in, antwoord dan alleen 'geen'."
)


@dataclass
class Opinion:
    confirmed: list[str] = field(default_factory=list)  # found by the rules and by the model
    doubted: list[str] = field(default_factory=list)  # found by the rules, not by the model
    proposed: list[str] = field(default_factory=list)  # only the model; verbatim in the text
    unquoted: list[str] = field(default_factory=list)  # model lines not in the text: ignored


def normalize(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def windows(doc: Document, size: int = WINDOW_CHARS) -> list[str]:
    """The document as text windows of at most about `size` characters, speakers named per
    turn. A speech or text longer than a window is cut between sentences, so every window fits
    the model's context; the sections are used when there are any (the text repeats them)."""
    if doc.sections:
        parts = [(f"{s.speaker.name}: " if s.speaker else "") + s.text for s in doc.sections]
    else:
        parts = [doc.text] if doc.text.strip() else []
    pieces: list[str] = []
    for part in parts:
        if len(part) <= size:
            pieces.append(part)
        else:  # cut between sentences; a sentence longer than a window is cut at `size`
            sentences = split_sentences(part)
            pieces += _pack(
                [s[i : i + size] for s in sentences for i in range(0, len(s), size)], size, " "
            )
    return _pack(pieces, size, "\n\n")


def _pack(items: list[str], size: int, separator: str) -> list[str]:
    """Consecutive items joined into chunks of at most `size` characters (an item longer than
    that stays a chunk of its own)."""
    chunks: list[str] = []
    current = ""
    for item in items:
        if current and len(current) + len(separator) + len(item) > size:
            chunks.append(current)
            current = ""
        current = f"{current}{separator}{item}" if current else item
    if current:
        chunks.append(current)
    return chunks


def candidate_lines(reply: str) -> list[str]:
    lines = []
    for line in reply.splitlines():
        text = re.sub(r"^\s*(?:[-*•]|\d+[.)])\s*", "", line).strip().strip('"“”')
        if text and text.lower().rstrip(".") != "geen":
            lines.append(text)
    return lines


def verbatim(line: str, texts: list[str]) -> str | None:
    """The line as it stands in the text, also when the model kept a "Spreker: " prefix."""
    candidates = [normalize(line)]
    if ": " in line:
        candidates.append(normalize(line.split(": ", 1)[1]))
    for candidate in candidates:
        if len(candidate) >= 20 and any(candidate in text for text in texts):
            return candidate
    return None


def second_opinion(llm: LLM, doc: Document, rule_sentences: list[str]) -> Opinion:
    texts = [normalize(t) for t in [doc.text, *(s.text for s in doc.sections)] if t.strip()]
    listed: list[str] = []
    opinion = Opinion()
    for window in windows(doc):
        prompt = f"{INSTRUCTION}\n\nDocument: {doc.title}\n\nTekst:\n{window}"
        reply = llm.complete(SYSTEM_PROMPT, prompt)
        for line in candidate_lines(reply):
            quote = verbatim(line, texts)
            if quote is None:
                opinion.unquoted.append(line)
            elif quote not in listed:
                listed.append(quote)
    rules = [normalize(s) for s in rule_sentences]

    def overlaps(a: str, b: str) -> bool:
        return a in b or b in a

    for sentence in rules:
        if any(overlaps(sentence, quote) for quote in listed):
            opinion.confirmed.append(sentence)
        else:
            opinion.doubted.append(sentence)
    opinion.proposed = [q for q in listed if not any(overlaps(q, s) for s in rules)]
    return opinion
