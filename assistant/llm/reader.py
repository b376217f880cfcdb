"""A language model reads one motie against the user's description of it: ja or nee.

The rules recognise "de motie van <lid> om ..." by the words of the description and by the
meaning of the motie's subject. Where they are unsure (a motie chosen by meaning alone, one
that lacks words of the description, or none close enough), a served model may read the motie
it would name and say whether it asks what the user describes. It never picks a motie of its
own: it confirms or rejects the one the rules name, and the answer says that it did.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.llm.base import LLM, LLMError

SYSTEM_PROMPT = (
    "Je bent een nauwkeurige medewerker van de Tweede Kamer. Je vergelijkt wat een gebruiker "
    "over een motie zegt met de tekst van één motie. Antwoord alleen met ja of nee."
)
INSTRUCTION = (
    "Vraagt deze motie wat de gebruiker beschrijft? Andere woorden voor hetzelfde tellen als "
    "ja. Vraagt de motie iets anders (een andere maatregel, een ander onderwerp, een andere "
    "plaats of groep, of juist het omgekeerde), antwoord dan nee. Antwoord met één woord: ja "
    "of nee."
)
MAX_TEXT_CHARS = 3000  # a dictum is a few sentences; a long one is cut, never the question
_FIRST_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Reading:
    """The model's verdict on one motie: True (it asks what was described), False (it asks
    something else), None (no clear reply, or the model could not be reached: `problem`)."""

    verdict: bool | None
    reader: str
    problem: str = ""


def verdict_of(reply: str) -> bool | None:
    """The first word decides ("Ja.", "Nee, want ...", "**ja**"); any other is unclear."""
    match = _FIRST_WORD.search(reply)
    word = match.group(0).lower() if match else ""
    return {"ja": True, "yes": True, "nee": False, "no": False}.get(word)


def reading_prompt(question: str, title: str, asks: str) -> str:
    text = asks if len(asks) <= MAX_TEXT_CHARS else asks[:MAX_TEXT_CHARS] + " ..."
    return (
        f"Vraag van de gebruiker: {question}\n\n"
        f"Motie: {title}\n"
        f"Wat de motie vraagt: {text}\n\n"
        f"{INSTRUCTION}"
    )


class MotionReader:
    """Asks `llm` about one motie at a time; each (question, motie) is read once."""

    def __init__(self, llm: LLM) -> None:
        self.llm = llm
        self._read: dict[tuple[str, str, str], Reading] = {}

    @property
    def name(self) -> str:
        return self.llm.name

    def read(self, question: str, title: str, asks: str) -> Reading:
        key = (question, title, asks)
        if key not in self._read:
            try:
                reply = self.llm.complete(SYSTEM_PROMPT, reading_prompt(question, title, asks))
            except LLMError as error:
                return Reading(None, self.name, str(error))  # not kept: it may come back
            verdict = verdict_of(reply)
            problem = "" if verdict is not None else f"onduidelijk antwoord: {reply[:80]!r}"
            self._read[key] = Reading(verdict, self.name, problem)
        return self._read[key]
