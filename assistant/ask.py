"""Answer a question from the store: structured answers from records, extractive answers from text.

Nothing here invents: motion facts come from records, free answers are sentences quoted from
retrieved passages, and when nothing relevant is found the answer says so and cites nothing.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field, replace
from functools import cache

from assistant.answer import Answer, Citations
from assistant.commitments import OPEN, CommitmentRow, collect, filter_rows
from assistant.documents import GEWIJZIGDE_MOTIE, MOTIE, ONBEKEND, TOEZEGGING, Document
from assistant.fulfilment import confidence_of, later_letters, motion_fulfilment
from assistant.llm.base import LLM, LLMError
from assistant.llm.grounding import rewrite_with_llm
from assistant.llm.grounding import split_sentences as sentences
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
)
from assistant.retrieve import Filters, Passage, Retriever, Tokenizer, shared_tokenizer
from assistant.store import Store, int_date, where
from assistant.timeframe import Timeframe
from ingest.extract import MONTHS, find_dates

NOT_FOUND = "Ik heb hierover niets gevonden in de geïndexeerde bronnen."
# A passage is about the question when cosine similarity + half the share of the question's
# content words found in it reaches `relevance` (a setting). With EmbeddingGemma on the full data
# answerable questions scored 0.90-1.25, questions the data cannot answer at most 0.86.
# Lists are already narrowed by date or outcome; the topic then needs less support.
LIST_DENSE = 0.6
# "Is de brief er gekomen?", "Heeft de minister ... gestuurd?": is it done?
DONE_QUESTION_RE = re.compile(
    r"nagekomen|uitgevoerd|gestuurd|verstuurd|gekomen|teruggekomen|verschenen|ontvangen", re.I
)
LATER_LETTER_ROWS = 3  # each lead search costs a few tenths of a second
BRIEFING_ITEMS = 8  # per section of a briefing answer in the chat
VOTE_TEXT_RE = re.compile(r"gestemd|is (?:aangenomen|verworpen)|stemmen voor|hebben voor", re.I)
STRONG_COMMITMENT_RE = re.compile(
    r"toezegging|toegezegd|\bzeg(?:de)?\s+(?:ik\s+)?toe\b|doen\s+toekomen|"
    r"\bzal\b.{0,60}\bkamer\b|\bkamer\b.{0,60}\binformeren\b",
    re.IGNORECASE,
)
COMMITMENT_TEXT_RE = re.compile(
    r"toegezegd|toezegging|\bzeg(?:de)?\s+(?:ik\s+)?toe\b|\bik\s+zal\b|\bzal\s+ik\b|"
    r"\bzult\b.{0,60}\binformeren|(?:kom|komen)\s+(?:ik\s+)?(?:daar|hier)op\s+terug|"
    r"\bterugkomen\b|doen\s+toekomen|de\s+kamer\s+(?:\w+\s+){0,4}informeren",
    re.IGNORECASE,
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


MOTION_ASPECTS = frozenset({"votes", "outcome", "indieners", "appreciatie", "fulfilment"})
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
        return Question(
            text=question.text,
            intent=intent,
            ids=last.doc_ids,
            aspects=question.aspects,
            timeframe=question.timeframe,
            filters=question.filters,
            topic=question.topic,
        )
    return question


class Answerer:
    def __init__(
        self,
        store: Store,
        retriever: Retriever,
        today: dt.date | None = None,
        llm: LLM | None = None,
        relevance: float = 0.88,
    ) -> None:
        self.relevance = relevance
        self.store = store
        self.retriever = retriever
        self.today = today or dt.date.today()
        self.llm = llm
        self.tokenizer = shared_tokenizer()

    def ask(
        self, text: str, conversation: Conversation | None = None, filters: Filters | None = None
    ) -> Answer:
        """Answer one question; `filters` (set by the user, e.g. in the app) narrow the search
        on top of what the question itself says."""
        question = resolve_follow_up(parse_question(text, self.today), conversation)
        if filters is not None:
            question = replace(question, filters=question.filters.merged(filters))
        handler = {
            MOTION: self._motion,
            DOCUMENT: self._motion,
            MOTION_LIST: self._motion_list,
            COMMITMENT: self._commitments,
            BRIEFING: self._briefing,
        }.get(question.intent, self._free)
        answer, doc_ids = handler(question)
        if conversation is not None:
            conversation.turns.append(Turn(question, doc_ids))
        return answer

    def motion_report(self, identifier: str) -> Answer:
        """Everything known about one motie: outcome, votes, appreciatie, fulfilment evidence."""
        ids = tuple(find_ids(identifier)) or (identifier.strip(),)
        question = Question(
            text=f"motie {identifier}", intent=MOTION, ids=ids, aspects=frozenset({"status"})
        )
        answer, _ = self._motion(question)
        return answer

    # -- motions -------------------------------------------------------------------------------

    def _find_motion(self, question: Question) -> Document | None:
        for identifier in question.ids:
            doc = self.store.get_document(identifier)
            if doc is not None:
                return doc
        if question.ids:
            return None
        passages = self.retriever.search(
            question.topic or question.text, Filters(types=(MOTIE, GEWIJZIGDE_MOTIE)), k=20
        )
        if question.names:
            wanted = [n.lower() for n in question.names]
            passages = [
                p
                for p in passages
                if all(
                    n in f"{p.metadata.get('indieners', '')} {p.metadata.get('title', '')}".lower()
                    for n in wanted
                )
            ]
        passages = [p for p in passages if self._relevant(question, p)]
        return self.store.get_document(passages[0].doc_id) if passages else None

    def _motion(self, question: Question) -> tuple[Answer, tuple[str, ...]]:
        doc = self._find_motion(question)
        if doc is None and question.ids:
            return self._mentioned_only(question)
        if doc is None:
            # No motie record fits: the question may still be answered by a debate or letter.
            return self._free(replace(question, filters=replace(question.filters, types=())))
        if doc.motion is None and question.aspects & MOTION_ASPECTS:
            # "Wie diende die motie in?" after an answer from a letter: the motie it refers to.
            doc = self._referenced_motion(doc) or doc
        cite = Citations()
        if doc.motion is None and doc.type != TOEZEGGING:
            return self._document_answer(question, doc, cite), (doc.id,)
        lines = self._motion_lines(doc, question.aspects, cite)
        answer = Answer(
            question.text, " ".join(lines), False, question.intent, cite.items, [doc.to_dict()]
        )
        return answer, (doc.id,)

    def _referenced_motion(self, doc: Document) -> Document | None:
        for ref in doc.references:
            target = self.store.get_document(ref.target)
            if target is not None and target.motion is not None:
                return target
        return None

    def _mentioned_only(self, question: Question) -> tuple[Answer, tuple[str, ...]]:
        """A number that is no document in the index, but that indexed texts mention."""
        mentioned_in = {ref.target for i in question.ids for ref in self.store.links_to(i)}
        missing = ", ".join(question.ids)
        if not mentioned_in:
            return self._refusal(
                question, f"Ik heb {missing} niet gevonden in de geïndexeerde bronnen."
            ), ()
        narrowed = Question(
            text=question.text,
            intent=FREE,
            aspects=question.aspects,
            filters=Filters(doc_ids=tuple(sorted(mentioned_in))),
            topic=question.topic,
        )
        answer, doc_ids = self._free(narrowed, require_relevance=False)
        if not answer.refused:
            answer.answer = (
                f"{missing} staat niet als document in de index, maar wordt genoemd in "
                f"{len(mentioned_in)} document(en):\n{answer.answer}"
            )
        answer.intent = question.intent
        return answer, doc_ids

    def _motion_lines(self, doc: Document, aspects: frozenset[str], cite: Citations) -> list[str]:
        motion = doc.motion
        assert motion is not None
        # "Wat is de status van ...": everything that is known.
        everything = not aspects or aspects == {"status"} or "status" in aspects
        aspects = aspects - {"status"}
        name = motion_name(doc)
        about = doc.title[doc.title.find(" over ") :] if " over " in doc.title else ""
        lines = [f"{name} ({identifiers(doc)}){about} {cite.cite_field(doc, 'Onderwerp:')}."]
        if doc.date:
            lines.append(f"Ingediend op {dutch_date(doc.date)} {cite.cite_field(doc, 'Datum:')}.")
        if everything or "indieners" in aspects:
            if doc.indieners:
                who = ", ".join(
                    p.name + (f" ({p.fractie})" if p.fractie else "") for p in doc.indieners
                )
                lines.append(f"Ingediend door {who} {cite.cite_field(doc, 'Indieners:')}.")
            else:
                lines.append("De indieners staan niet in de geïndexeerde bronnen.")
        if everything or aspects & {"outcome", "votes"}:
            lines += self._outcome_lines(doc, aspects, cite)
        if everything or "appreciatie" in aspects:
            if motion.kabinetsappreciatie:
                lines.append(
                    f"Kabinetsappreciatie: {motion.kabinetsappreciatie} "
                    f"{cite.cite_field(doc, 'Kabinetsappreciatie:')}."
                )
            elif "appreciatie" in aspects:
                lines.append("De kabinetsappreciatie staat niet in de geïndexeerde bronnen.")
        if motion.replaces:
            lines.append(
                f"Deze gewijzigde motie vervangt {motion.replaces} "
                f"{cite.cite_field(doc, 'Ter vervanging van:')}."
            )
        if everything or "fulfilment" in aspects or "outcome" in aspects:
            lines += self._fulfilment_lines(doc, cite, explicit="fulfilment" in aspects)
        return lines

    def _outcome_lines(self, doc: Document, aspects: frozenset[str], cite: Citations) -> list[str]:
        motion = doc.motion
        assert motion is not None
        lines: list[str] = []
        if motion.outcome == ONBEKEND:
            lines.append("De stemmingsuitslag staat niet in de geïndexeerde bronnen.")
        else:
            lines.append(f"De motie is {motion.outcome} {cite.cite_field(doc, 'BesluitSoort:')}.")
        if motion.votes:
            totals = motion.totals()
            how = " (hoofdelijke stemming, per lid geteld)" if motion.hoofdelijk else ""
            lines.append(
                f"Stemmen: {totals.get('Voor', 0)} voor, {totals.get('Tegen', 0)} tegen{how}."
            )
            for side, label in (("Voor", "Voor stemden"), ("Tegen", "Tegen stemden")):
                fracties = motion.fracties(side)
                if fracties:
                    lines.append(
                        f"{label}: {', '.join(fracties)} {cite.cite_field(doc, side + ':')}."
                    )
        elif "votes" in aspects:
            lines.append("Per fractie uitgesplitste stemmen staan niet in de geïndexeerde bronnen.")
        return lines

    def _fulfilment_lines(self, doc: Document, cite: Citations, explicit: bool) -> list[str]:
        lines: list[str] = []
        found = motion_fulfilment(self.store, doc)
        for newer in found.replaced_by:
            lines.append(
                f"Deze motie is vervangen door {newer.id} {cite.cite_field(newer, 'Onderwerp:')}."
            )
        for item in found.evidence:
            source = self.store.get_document(item.id)
            if source is None:
                continue
            kind = source.extra.get("soort") or source.type
            when = f" van {dutch_date(source.date)}" if source.date else ""
            lines.append(
                f"Uitvoering (zekerheid {confidence_of(item)}): {kind} '{source.title}'{when} "
                f"{cite.cite(source, item.quote)}."
            )
        motion = doc.motion
        if not found.evidence and explicit:
            lines.append(
                "In de geïndexeerde bronnen staat geen document dat meldt dat deze motie "
                "is uitgevoerd."
            )
        if explicit and motion is not None and motion.afgedaan is not None:
            lines.append(
                f"In de registratie van de Kamer is de zaak "
                f"{'afgedaan' if motion.afgedaan else 'niet afgedaan'} "
                f"{cite.cite_field(doc, 'Afgedaan:')} (procedureel; dat zegt niets over de "
                "uitvoering)."
            )
        return lines

    def _document_answer(self, question: Question, doc: Document, cite: Citations) -> Answer:
        passages = self.retriever.passages_of([doc.id])
        best = self._best_sentences(question, passages, limit=2) if passages else []
        lines = [f"{doc.title} ({identifiers(doc)}) {cite.cite_field(doc, 'Onderwerp:')}."]
        for _, sentence in best:
            lines.append(f"{sentence} {cite.cite(doc, sentence)}")
        return Answer(question.text, " ".join(lines), False, question.intent, cite.items)

    def _motion_list(self, question: Question) -> tuple[Answer, tuple[str, ...]]:
        filters = question.filters
        # Party and member names are filters, not the subject of the moties.
        topic_text = question.topic
        for name in (filters.fractie or "", *question.names):
            topic_text = (
                re.sub(rf"\b{re.escape(name)}\b", " ", topic_text, flags=re.I)
                if name
                else topic_text
            )
        topic = topic_words(topic_text, self.tokenizer)
        # A period narrows enough to list its records; an outcome alone does not (thousands).
        candidates = self._records_matching(filters) if filters.date_from else []
        if topic:
            search_filters = (
                Filters(types=filters.types, doc_ids=tuple(candidates), outcome=filters.outcome)
                if candidates
                else filters
            )
            passages = self.retriever.search(topic_text, search_filters, k=30)
            passages = [p for p in passages if self._list_relevant(topic, p)]
            doc_ids = list(dict.fromkeys(p.doc_id for p in passages))
        else:
            doc_ids = candidates
        docs = [d for d in (self.store.get_document(i) for i in doc_ids[:200]) if d is not None]
        if filters.fractie:
            docs = [d for d in docs if any(p.fractie == filters.fractie for p in d.indieners)]
        docs = sorted(docs, key=lambda d: d.date or dt.date.min)[:15]
        if not docs:
            return self._refusal(
                question, "Ik heb geen moties gevonden die aan de vraag voldoen."
            ), ()
        cite = Citations()
        lines = [f"Gevonden moties ({len(docs)}):"]
        for doc in docs:
            outcome = doc.motion.outcome if doc.motion else ONBEKEND
            status = (
                f"{outcome} {cite.cite_field(doc, 'BesluitSoort:')}"
                if outcome != ONBEKEND
                else "uitslag niet in de bronnen"
            )
            lines.append(
                f"- {doc.title} ({identifiers(doc)}, {dutch_date(doc.date)}) "
                f"{cite.cite_field(doc, 'Onderwerp:')}: {status}."
            )
        return (
            Answer(
                question.text,
                "\n".join(lines),
                False,
                question.intent,
                cite.items,
                [d.to_dict() for d in docs],
            ),
            tuple(d.id for d in docs),
        )

    def _records_matching(self, filters: Filters) -> list[str]:
        clause = filters.chroma_where()
        if clause is None:
            return []
        got = self.store.records.get(where=where(clause), include=[], limit=500)
        return list(got["ids"])

    # -- commitments ---------------------------------------------------------------------------

    def _commitments(self, question: Question) -> tuple[Answer, tuple[str, ...]]:
        cite = Citations()
        lines: list[str] = []
        named = [i for i in question.ids if i.startswith("TZ")]
        if named:
            records = [self.store.get_document(i) for i in named]
            if not any(records):
                missing = ", ".join(named)
                return self._refusal(
                    question,
                    f"Ik heb toezegging {missing} niet gevonden in de geïndexeerde bronnen.",
                ), ()
        else:
            filters = question.filters
            ids = self._records_matching(
                Filters(types=(TOEZEGGING,), date_from=filters.date_from, date_to=filters.date_to)
            )
            records = [self.store.get_document(i) for i in ids[:30]]
        wants_open = bool(re.search(r"\bopen\b|openstaand|nog niet", question.text, re.I))
        for doc in records:
            if doc is None or not self._commitment_matches(question, doc, wants_open):
                continue
            status = str(doc.extra.get("status") or "onbekend")
            status_ref = cite.cite_field(doc, "Status:") if doc.extra.get("status") else ""
            when = f" ({dutch_date(doc.date)})" if doc.date else ""
            lines.append(
                f"- {doc.id}{when}: {doc.text} {cite.cite(doc, doc.text)} "
                f"Status: {status} {status_ref}".rstrip()
            )
        if not named:
            lines += self._stated_commitments(question, cite, wants_open)
        found = {c.id for c in cite.items}
        quoted = {" ".join(c.quote.split()) for c in cite.items}
        if not named and not wants_open:
            for passage, sentence in self._commitment_sentences(question):
                doc = self.store.get_document(passage.doc_id)
                plain = " ".join(sentence.split())
                if doc is None or any(q in plain or plain in q for q in quoted):
                    continue
                found.add(doc.id)
                when = f" ({dutch_date(doc.date)})" if doc.date else ""
                lines.append(f'- In {doc.title}{when}: "{sentence}" {cite.cite(doc, sentence)}')
        if not lines:
            return self._refusal(
                question,
                "Ik heb geen toezeggingen gevonden die aan de vraag voldoen in de geïndexeerde "
                "bronnen.",
            ), ()
        answer = Answer(
            question.text,
            "\n".join(["Gevonden toezeggingen:", *lines]),
            False,
            question.intent,
            cite.items,
        )
        return answer, tuple(sorted(found))

    def _stated_commitments(
        self, question: Question, cite: Citations, wants_open: bool
    ) -> list[str]:
        """Commitments found in texts at ingest, with their status and evidence."""
        filters = question.filters
        rows = filter_rows(
            [r for r in collect(self.store, self.today) if r.source != "register"],
            date_from=filters.date_from,
            date_to=filters.date_to,
            ministerie=filters.ministerie,
            status=OPEN if wants_open else None,
        )
        topic = set(topic_words(question.topic, self.tokenizer))
        if topic:
            # The sentence itself counts double; where it was said (debate or letter title)
            # and by whom ("minister De Jonge") also tell which commitment is meant.
            def score(row: CommitmentRow) -> int:
                said = set(self.tokenizer(f"{row.what} {row.quote}"))
                where = set(self.tokenizer(f"{row.doc_title} {row.who or ''}"))
                return 2 * len(topic & said) + len(topic & where)

            scored = sorted(((score(r), r) for r in rows), key=lambda x: -x[0])
            on_topic = [r for points, r in scored if points > 0]
            # A period already narrows the list: then the topic orders, it does not exclude.
            rows = on_topic or ([r for _, r in scored] if question.timeframe else [])
        lines: list[str] = []
        asks_done = bool(DONE_QUESTION_RE.search(question.text))
        shown = 0
        for row in rows[:8]:
            doc = self.store.get_document(row.doc_id)
            if doc is None:
                continue
            when = f"gedaan op {row.made_on}" if row.made_on else "datum niet vermeld"
            line = f'- {row.who or "Onbekend"} ({when}): "{row.quote}" {cite.cite(doc, row.quote)}'
            for evidence in row.evidence:
                carrier = self.store.get_document(evidence.id)
                if carrier is not None:
                    line += (
                        f" Nagekomen volgens {carrier.title} {cite.cite(carrier, evidence.quote)}"
                        f" (zekerheid: {row.confidence})."
                    )
            if not row.evidence:
                line += " Status: geen uitvoering gevonden in de bronnen."
                if asks_done and shown < LATER_LETTER_ROWS:
                    line += self._later_letters(question, row, cite)
            shown += 1
            lines.append(line)
        return lines

    def _later_letters(self, question: Question, row: CommitmentRow, cite: Citations) -> str:
        """Letters after the commitment whose subject shares the question's own words with it:
        shown as leads to open, not as proof."""
        said = f"{row.what} {row.quote} {row.doc_title}".lower()
        words = [
            w
            for w in dict.fromkeys(re.findall(r"\w[\w'-]{5,}", question.topic))
            if w.lower() in said and w.lower() not in GENERIC_WORDS
        ]
        if len(words) < 2:
            return ""
        made = dt.date.fromisoformat(row.made_on) if row.made_on else None
        leads = []
        for evidence in later_letters(self.store, sorted(words, key=len, reverse=True), made):
            doc = self.store.get_document(evidence.id)
            if doc is not None:
                when = f" van {dutch_date(doc.date)}" if doc.date else ""
                leads.append(f"'{doc.title}'{when} {cite.cite_field(doc, 'Onderwerp:')}")
        if not leads:
            return ""
        return (
            " Mogelijk relevant (gevonden op woorden in het onderwerp, niet op nummer; "
            f"zekerheid laag): {'; '.join(leads)}."
        )

    def _commitment_matches(self, question: Question, doc: Document, wants_open: bool) -> bool:
        status = str(doc.extra.get("status") or "").lower()
        if wants_open and status not in ("openstaand", "open"):
            return False
        ministerie = question.filters.ministerie
        if ministerie and ministerie.lower() not in f"{doc.afzender} {doc.text}".lower():
            return False
        topic = set(topic_words(question.topic, self.tokenizer))
        return not topic or bool(topic & set(self.tokenizer(doc.text)))

    def _commitment_sentences(self, question: Question) -> list[tuple[Passage, str]]:
        """Sentences in texts that state a commitment, on the topic and in the period asked."""
        topic = set(topic_words(question.topic, self.tokenizer))
        queries = [f"toezegging toegezegd {question.topic}"]
        if topic:
            queries.append(question.topic)
        # A commitment of 20 March is reported in documents of that day or later.
        filters = replace(question.filters, date_to=None)
        passages: dict[str, Passage] = {}
        for query in queries:
            for passage in self.retriever.search(query, filters, k=30):
                passages.setdefault(passage.chunk_id, passage)
        scored: list[tuple[float, Passage, str]] = []
        timeframe = question.timeframe
        for rank, passage in enumerate(passages.values()):
            for sentence in sentences(passage.text):
                if not COMMITMENT_TEXT_RE.search(sentence):
                    continue
                if timeframe is not None and not self._dated_within(passage, sentence, timeframe):
                    continue
                overlap = len(topic & set(self.tokenizer(sentence))) if topic else 0
                context = len(topic & set(self.tokenizer(passage.text))) if topic else 0
                if topic and not context:
                    continue
                strength = 2 if STRONG_COMMITMENT_RE.search(sentence) else 0
                speaker = str(passage.metadata.get("speaker", "")).lower()
                by_government = speaker.startswith(("minister", "staatssecretaris"))
                score = overlap * 2 + context + strength + by_government - rank * 0.05
                scored.append((score, passage, sentence))
        scored.sort(key=lambda item: -item[0])
        unique: dict[str, tuple[Passage, str]] = {}
        for _, passage, sentence in scored:
            unique.setdefault(" ".join(sentence.split()), (passage, sentence))
        return list(unique.values())[:6]

    @staticmethod
    def _dated_within(passage: Passage, sentence: str, timeframe: Timeframe) -> bool:
        """A date in the sentence (resolved against the document date) or, if none, the
        document date itself falls in the period."""
        reference = int_date(passage.metadata.get("date"))
        dates = [d for _, d, _ in find_dates(sentence, reference)] or (
            [reference] if reference else []
        )
        return any(timeframe.start <= d <= timeframe.end for d in dates)

    # -- dossier briefing ----------------------------------------------------------------------

    def _briefing(self, question: Question) -> tuple[Answer, tuple[str, ...]]:
        """The briefing of a dossier in short: open and carried-out moties, commitments and the
        latest letters, each line cited. The full document is `kamer briefing` / the app page."""
        from assistant.briefing import build_briefing

        dossier = question.filters.dossier or ""
        found = build_briefing(self.store, dossier, self.today)
        if not (found.moties or found.commitments or found.letters):
            return self._refusal(question, f"Ik heb niets gevonden over dossier {dossier}."), ()
        cite = Citations()
        lines = [f"Briefing dossier {dossier} ({found.title}), opgesteld uit de bronnen."]
        open_moties = found.open_moties()
        lines.append(f"Aangenomen moties zonder gevonden uitvoering ({len(open_moties)}):")
        lines += [
            f"- {motion_name(d)}: {d.title} {cite.cite_field(d, 'Onderwerp:')}"
            for d in open_moties[:BRIEFING_ITEMS]
        ]
        carried = [d for d in found.moties if found.fulfilment[d.id].evidence]
        lines.append(f"Moties met een document dat de uitvoering meldt ({len(carried)}):")
        for doc in carried[:BRIEFING_ITEMS]:
            evidence = found.fulfilment[doc.id].evidence[0]
            source = self.store.get_document(evidence.id)
            if source is not None:
                lines.append(
                    f"- {motion_name(doc)} ({doc.id}): uitgevoerd volgens '{source.title}' "
                    f"(zekerheid {confidence_of(evidence)}) {cite.cite(source, evidence.quote)}"
                )
        lines.append(f"Toezeggingen ({len(found.commitments)}):")
        for row in found.commitments[:BRIEFING_ITEMS]:
            stated_in = self.store.get_document(row.doc_id)
            if stated_in is not None:
                lines.append(
                    f"- {row.who or 'Onbekend'} ({row.made_on or 'datum onbekend'}): "
                    f'"{row.quote}" {cite.cite(stated_in, row.quote)} Status: {row.status}.'
                )
        lines.append(f"Laatste brieven en documenten ({len(found.letters)}):")
        for letter in found.letters[:BRIEFING_ITEMS]:
            when = f"{letter.date.isoformat()} " if letter.date else ""
            lines.append(f"- {when}{letter.title} {cite.cite_field(letter, 'Onderwerp:')}")
        lines.append(
            f"Het volledige overzicht met alle {len(found.moties)} moties en een tijdlijn: "
            f"pagina Briefing, of `kamer briefing --dossier {dossier}`."
        )
        ids = tuple(sorted({c.id for c in cite.items}))
        return Answer(question.text, "\n".join(lines), False, question.intent, cite.items), ids

    # -- free questions ------------------------------------------------------------------------

    def _free(
        self, question: Question, require_relevance: bool = True
    ) -> tuple[Answer, tuple[str, ...]]:
        passages = self.retriever.search(question.topic or question.text, question.filters, k=8)
        if require_relevance:
            passages = [p for p in passages if self._relevant(question, p)]
        if not passages:
            return self._refusal(question, NOT_FOUND), ()
        cite = Citations()
        lines = []
        for passage, sentence in self._best_sentences(question, passages, limit=3):
            doc = self.store.get_document(passage.doc_id)
            if doc is not None:
                lines.append(f"{sentence} {cite.cite(doc, sentence)}")
        if not lines:
            return self._refusal(question, NOT_FOUND), ()
        doc_ids = tuple(dict.fromkeys(c.id for c in cite.items))
        answer = Answer(question.text, "\n".join(lines), False, question.intent, cite.items)
        return self._rephrase(answer), doc_ids

    def _rephrase(self, answer: Answer) -> Answer:
        """With an LLM configured: nicer prose, but only sentences its cited quotes support."""
        if self.llm is None:
            return answer
        passages = {c.n: c.quote for c in answer.citations}
        try:
            grounded = rewrite_with_llm(self.llm, answer.question, answer.answer, passages)
        except LLMError as error:
            answer.answer += f"\n(Taalmodel niet bereikbaar, antwoord zonder taalmodel: {error})"
            return answer
        kept = set(grounded.citations)
        answer.citations = [c for c in answer.citations if c.n in kept]
        answer.answer = grounded.text
        answer.backend = self.llm.name
        return answer

    def _best_sentences(
        self, question: Question, passages: list[Passage], limit: int
    ) -> list[tuple[Passage, str]]:
        terms = set(self.tokenizer(question.topic or question.text))
        scored: list[tuple[float, int, Passage, str]] = []
        for rank, passage in enumerate(passages[:5]):
            for sentence in sentences(passage.text):
                # A question (a member's Kamervraag, an interruption) is never the answer.
                if len(sentence) < 25 or sentence.rstrip().endswith("?"):
                    continue
                words = self.tokenizer(sentence)
                # Shared terms, damped for length so a long sentence does not win by size alone.
                score = len(terms & set(words)) / math.sqrt(max(len(words), 4)) - rank * 0.1
                if question.aspects & {"votes", "outcome"} and VOTE_TEXT_RE.search(sentence):
                    score += 0.5
                scored.append((score, -rank, passage, sentence))
        scored.sort(key=lambda item: (-item[0], -item[1]))
        chosen: list[tuple[Passage, str]] = []
        for _, _, passage, sentence in scored:
            if all(sentence != s for _, s in chosen):
                chosen.append((passage, sentence))
            if len(chosen) == limit:
                break
        return chosen

    def _relevant(self, question: Question, passage: Passage) -> bool:
        """Semantic similarity and shared content words together must reach the threshold."""
        terms = set(topic_words(question.topic or question.text, self.tokenizer))
        text = f"{passage.metadata.get('title', '')} {passage.text}"
        share = len(terms & set(self.tokenizer(text))) / len(terms) if terms else 0.0
        return (passage.dense or 0.0) + 0.5 * share >= self.relevance

    @staticmethod
    def _list_relevant(topic: list[str], passage: Passage) -> bool:
        """For a list already narrowed by period or outcome: the topic stems stand in the title
        or text (also inside compounds: 'asiel' in 'asielinstroom'), or the meaning is close."""
        meta = passage.metadata
        text = f"{meta.get('title', '')} {meta.get('dossier_title', '')} {passage.text}".lower()
        words = set(re.findall(r"\w+", text))
        # Inside compounds only for stems long enough not to hide in other words ("pet").
        found = [t for t in topic if (t in text if len(t) >= 5 else t in words)]
        share = len(found) / len(topic)
        return share >= 0.5 or (share > 0 and (passage.dense or 0.0) >= LIST_DENSE)

    def _refusal(self, question: Question, reason: str) -> Answer:
        return Answer(question.text, reason, True, question.intent)


# Words that say what kind of answer is wanted, not what it is about.
GENERIC_WORDS = (
    "welke wat wie wanneer waarom hoe hoeveel motie moties toezegging toezeggingen toegezegd "
    "kamer kabinet minister staatssecretaris status uitslag stemden stemming aangenomen verworpen "
    "partijen fracties gedaan door ingediend brief brieven zijn is er zetels kamerleden leden "
    "voor tegen zeg zegt zegde zegden toe beloofd belofte nagekomen uitgevoerd afgedaan open "
    "openstaand staan nog ze"
).split()


@cache
def _generic_stems() -> frozenset[str]:
    return frozenset(shared_tokenizer()(" ".join(GENERIC_WORDS)))


def topic_words(text: str, tokenizer: Tokenizer) -> list[str]:
    """Content stems of a question, without words that only say what kind of answer is wanted."""
    return [t for t in tokenizer(text) if t not in _generic_stems() and not t.isdigit()]


# Full month names by number, from the parser's table (full names come before abbreviations).
MONTH_NAMES: dict[int, str] = {}
for _name, _number in MONTHS.items():
    MONTH_NAMES.setdefault(_number, _name)


def dutch_date(date: dt.date | None) -> str:
    if date is None:
        return "onbekende datum"
    return f"{date.day} {MONTH_NAMES[date.month]} {date.year}"


def motion_name(doc: Document) -> str:
    """'De motie-Podt/Rajkowski', 'De gewijzigde motie-Postma c.s.'."""
    surnames = [p.name.split()[-1] if p.name else "" for p in doc.indieners]
    kind = "De gewijzigde motie" if doc.type == GEWIJZIGDE_MOTIE else "De motie"
    if not surnames:
        return kind
    if len(surnames) <= 2:
        return f"{kind}-{'/'.join(surnames)}"
    return f"{kind}-{surnames[0]} c.s."


def identifiers(doc: Document) -> str:
    extra = [
        doc.ids[k] for k in ("zaak", "documentnummer") if doc.ids.get(k) and doc.ids[k] != doc.id
    ]
    return ", ".join([doc.id, *extra])
