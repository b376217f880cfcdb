"""Answer a question from the store: structured answers from records, extractive answers from text.

Nothing here invents: motion facts come from records, free answers are sentences quoted from
retrieved passages, and when nothing relevant is found the answer says so and cites nothing.
The kinds of answers live in ask_motions, ask_commitments and ask_base (free questions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from assistant.answer import Answer
from assistant.ask_base import NOT_FOUND, dutch_date, motion_name, topic_words
from assistant.ask_commitments import CommitmentAnswers
from assistant.ask_motions import MOTION_ASPECTS, MotionAnswers
from assistant.question import (
    BRIEFING,
    COMMITMENT,
    DOCUMENT,
    FREE,
    MOTION,
    MOTION_LIST,
    Question,
    find_ids,
    parse_question,
    with_known_members,
)
from assistant.render import terminal_safe
from assistant.retrieve import Filters
from assistant.tokens import shared_tokenizer

__all__ = [
    "ASK_FOR_A_QUESTION",
    "NOT_FOUND",
    "Answerer",
    "Conversation",
    "dutch_date",
    "motion_name",
]

# The answer to an empty question: no search, an example instead of "niets gevonden".
ASK_FOR_A_QUESTION = (
    "Stel een vraag, bijvoorbeeld: 'Wat is de status van motie 32317-913?' of "
    "'Welke toezeggingen zijn er in maart 2026 gedaan?'"
)


@dataclass
class Turn:
    question: Question
    doc_ids: tuple[str, ...]


@dataclass
class Conversation:
    """Earlier turns, so that 'en welke partijen stemden voor?' knows which motie is meant."""

    turns: list[Turn] = field(default_factory=list)

    @property
    def last(self) -> Turn | None:
        return self.turns[-1] if self.turns else None


FOLLOW_UP_RE = re.compile(
    r"^(?:en|maar|ook)\b|\b(?:hij|hem|die|deze|dezelfde|ervan|daarvan|daarover|ze)\b", re.I
)


def resolve_follow_up(question: Question, conversation: Conversation | None) -> Question:
    """Carry the documents (and intent) of the previous turn into a question that leans on it."""
    last = conversation.last if conversation else None
    if last is None or question.ids or question.names:
        return question
    subjectless = bool(question.aspects) and not topic_words(question.topic, shared_tokenizer())
    leans = FOLLOW_UP_RE.search(question.text) or len(question.text.split()) <= 6 or subjectless
    if not leans:
        return question
    if question.timeframe and last.question.intent in (MOTION_LIST, COMMITMENT):
        # "en die van december?": same kind of question, another period.
        previous = last.question
        filters = Filters(
            types=previous.filters.types,
            date_from=question.timeframe.start,
            date_to=question.timeframe.end,
            dossier=previous.filters.dossier,
            fractie=previous.filters.fractie,
            ministerie=previous.filters.ministerie,
            outcome=previous.filters.outcome,
        )
        return Question(
            text=question.text,
            intent=previous.intent,
            aspects=previous.aspects,
            timeframe=question.timeframe,
            filters=filters,
            topic=previous.topic,
        )
    if not last.doc_ids:
        return question
    if last.question.intent in (FREE, COMMITMENT) and not question.aspects & MOTION_ASPECTS:
        # "welke daarvan ...": search again, but only in the documents of the previous answer.
        return Question(
            text=question.text,
            intent=FREE,
            aspects=question.aspects,
            filters=Filters(doc_ids=last.doc_ids),
            topic=f"{question.topic} {last.question.topic}",
        )
    if question.aspects or question.intent in (FREE, MOTION, DOCUMENT):
        intent = last.question.intent if last.question.intent in (MOTION, DOCUMENT) else MOTION
        return replace(question, intent=intent, ids=last.doc_ids)
    return question


class Answerer(MotionAnswers, CommitmentAnswers):
    """Reads the question, picks the kind of answer, keeps the conversation."""

    def ask(
        self, text: str, conversation: Conversation | None = None, filters: Filters | None = None
    ) -> Answer:
        """Answer one question; `filters` (set by the user, e.g. in the app) narrow the search
        on top of what the question itself says."""
        # Escape sequences and control characters (pasted from a terminal) are no question text.
        text = terminal_safe(text).replace("\t", " ")
        if not re.search(r"\w", text):  # empty, or only punctuation ("???")
            return Answer(question=text, answer=ASK_FOR_A_QUESTION, refused=True, intent=FREE)
        question = resolve_follow_up(self.read(text), conversation)
        if filters is not None:
            question = replace(question, filters=question.filters.merged(filters))
        handler = {
            MOTION: self._motion,
            DOCUMENT: self._motion,
            MOTION_LIST: self._motion_list,
            COMMITMENT: self._commitments,
            BRIEFING: self._briefing,
        }.get(question.intent, self._free_or_motion)
        answer, doc_ids = handler(question)
        if conversation is not None:
            conversation.turns.append(Turn(question, doc_ids))
        return answer

    def read(self, text: str) -> Question:
        """The question as parsed, names read as members only when some motie has them among
        its indieners (also one letter off a member who signed many)."""
        index = self.retriever.index
        return with_known_members(
            parse_question(text, self.today), index.is_indiener, index.respelled, index.signed_count
        )

    def motion_report(self, identifier: str) -> Answer:
        """Everything known about one motie: outcome, votes, appreciatie, fulfilment evidence."""
        ids = tuple(find_ids(identifier)) or (identifier.strip(),)
        question = Question(
            text=f"motie {identifier}", intent=MOTION, ids=ids, aspects=frozenset({"status"})
        )
        answer, _ = self._motion(question)
        return answer
