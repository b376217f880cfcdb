"""What every kind of answer shares: the clients, refusals, record lookups, the text helpers,
and free questions answered extractively (quoted sentences from retrieved passages).

Nothing here invents: free answers are sentences quoted from retrieved passages, and when
nothing relevant is found the answer says so and cites nothing.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import replace
from functools import cache, lru_cache
from types import MappingProxyType

from assistant.answer import Answer, Citations, quote_is_valid
from assistant.documents import GEWIJZIGDE_MOTIE, Document
from assistant.fulfilment import FULFILMENT_RE
from assistant.llm.base import LLM, LLMError
from assistant.llm.grounding import rewrite_with_llm
from assistant.llm.grounding import split_sentences as sentences
from assistant.llm.reader import MotionReader
from assistant.question import Question
from assistant.relevance import Coverage, Relevance, contains, text_words
from assistant.retrieve import Filters, Passage, Retriever
from assistant.store import Store
from assistant.tokens import Tokenizer, joined_codes, shared_tokenizer, without_accents
from ingest.commitments import WHEN_RE
from ingest.extract import KST_ID_RE, identifier_pattern, long_date, sentences_naming

NOT_FOUND = "Ik heb hierover niets gevonden in de geïndexeerde bronnen."
# A passage is about the question when cosine similarity + half the share of the question's
# content words found in it reaches `relevance` (a setting). With EmbeddingGemma on the full data
# answerable questions scored 0.90-1.25, questions the data cannot answer at most 0.86.
# Lists are already narrowed by date or outcome; the topic then needs less support.
LIST_DENSE = 0.6
# "minister Helder", "staatssecretaris Van Huffelen", "de minister van LNV Schouten": the name.
BEWINDSPERSOON_RE = re.compile(
    r"\b((?:minister|staatssecretaris|bewindspersoon)\s+"
    r"(?:(?:van|voor)\s+[A-Z][\w-]*(?:\s+(?:en|van|voor)\s+[A-Z][\w-]*)*\s+)?)"
    r"(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er)\s+)*[A-Z][\w'-]+"
)
MENTIONS_SHOWN = 5  # documents quoted for a number that is no document itself
MENTIONS_SEARCHED = 20  # chunks read for one such number
MAX_YEARS_NAMED = 3  # a period this short may be what a text is about, not when it was written
WHEN_QUESTION_RE = re.compile(r"\bwanneer\b|\bop welke datum\b|\bper welke datum\b", re.I)
YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
# A question for an amount: "hoeveel", "welk bedrag", "welke afstandseis geldt".
HOW_MANY_RE = re.compile(
    r"\bhoeveel\b|\bhoe (?:veel|groot|hoog|lang|ver)\b"
    r"|\bwelk(?:e)? (?:bedrag|percentage|aantal|deel|aandeel)\b"
    r"|\bwelk(?:e)? \w*(?:afstand|hoogte|lengte|omvang|leeftijd|snelheid)\w*\b",
    re.IGNORECASE,
)
# A question for causes ("wat zijn oorzaken van", "waarom", "waardoor"), and a sentence that
# gives one ("hangt samen met", "als gevolg van", "doordat"; not a plain "door": the passive).
CAUSE_QUESTION_RE = re.compile(
    r"\boorza(?:ak|ken)\b|\bwaarom\b|\bwaardoor\b|\bhoe komt het\b", re.IGNORECASE
)
CAUSE_RE = re.compile(
    r"\b(?:hangt|hangen)\b[^.]*\bsamen met\b|\bals gevolg van\b|\bdoordat\b|\bvanwege\b"
    r"|\bomdat\b|\bveroorzaa?k\w*\b|\bte wijten aan\b|\bkomt door\b",
    re.IGNORECASE,
)
# An amount in a text: a number with its unit ("8 meter", "10.000 kg", "€ 5 miljoen", "40%").
AMOUNT_RE = re.compile(
    r"€\s?\d|\b\d+(?:[.,]\d+)*\s?(?:%|procent\b|(?:kilo)?meter\b|km\b|cm\b|kg\b|kilo\b"
    r"|ton\b|euro\b|miljoen\b|miljard\b|jaar\b|maanden\b|weken\b|dagen\b|uur\b|minuten\b"
    r"|decibel\b|db\b|graden\b)",
    re.IGNORECASE,
)
# A section heading the sentence splitter leaves in front of the first sentence.
LEADING_HEADING_RE = re.compile(r"^(?:Vraag|Antwoord)\s+\d+\s+(?=[A-Z\u00c0-\u00de])")
# A web address marks a footnote or source reference ("1 Hart van Nederland, 17 november 2023
# (https://...)"): where something was reported, never the answer itself.
REFERENCE_RE = re.compile(r"https?://|\bwww\.", re.I)
VOTE_TEXT_RE = re.compile(r"gestemd|is (?:aangenomen|verworpen)|stemmen voor|hebben voor", re.I)


class BaseAnswers:
    """State and helpers of the Answerer; the kinds of answers are mixins on top of this."""

    def __init__(
        self,
        store: Store,
        retriever: Retriever,
        today: dt.date | None = None,
        llm: LLM | None = None,
        relevance: float = 0.88,
        reader: MotionReader | None = None,
    ) -> None:
        self.relevance = relevance
        self.reader = reader
        self.store = store
        self.retriever = retriever
        self.today = today or dt.date.today()
        self.llm = llm
        self.tokenizer = shared_tokenizer()

    def _records_matching(self, filters: Filters) -> list[str]:
        clause = filters.records()
        return [] if clause is None else self.store.record_ids(clause, limit=500)

    def _refusal(self, question: Question, reason: str) -> Answer:
        return Answer(question.text, reason, True, question.intent)

    # -- identifiers named in texts -------------------------------------------------------------

    def _mentions(
        self, question: Question, missing: tuple[str, ...], what: str
    ) -> tuple[Answer, tuple[str, ...]] | None:
        """Numbers that are no document in the index ("TZ202309-010", a Zaak, a Kamerstuk)
        but that indexed texts name, in the body or in a footnote: quote what each text says
        where it names them, and say when that sentence reports it done."""
        sentences: dict[str, dict[str, None]] = {}
        for identifier in missing:
            for ref in self.store.links_to(identifier):
                if ref.context:
                    sentences.setdefault(ref.target, {}).setdefault(ref.context, None)
            for position in self._positions_naming(identifier):
                doc_id = str(self.retriever.index.meta(position).get("doc_id", ""))
                sentences.setdefault(doc_id, {})
        docs = [d for d in (self.store.get_document(i) for i in sentences) if d is not None]
        if not docs:
            return None
        docs.sort(key=lambda d: d.date or dt.date.min, reverse=True)
        cite = Citations()
        names = ", ".join(missing)
        lines = [
            f"{names} staat niet als {what} in de index, maar wordt genoemd in "
            f"{len(docs)} document(en):"
        ]
        for doc in docs[:MENTIONS_SHOWN]:
            quotes = list(sentences[doc.id])
            quotes += [s for i in missing for s in sentences_naming(doc.text, i)]
            quotes = [q for q in dict.fromkeys(quotes) if quote_is_valid(q, doc)]
            # Two quotes, and the chair's declared vote after a call among them.
            declared = [q for q in with_declared_votes(quotes, doc.text) if quote_is_valid(q, doc)]
            shown = declared[: 2 + len(declared) - len(quotes)]
            when = f", {dutch_date(doc.date)}" if doc.date else ""
            for quote in shown or [doc.title]:
                marker = (
                    cite.cite_field(doc, "Onderwerp:")
                    if quote == doc.title
                    else cite.cite(doc, quote)
                )
                done = (
                    " Volgens deze tekst is het uitgevoerd of afgedaan."
                    if FULFILMENT_RE.search(quote)
                    else ""
                )
                lines.append(f'- {doc.title} ({doc.id}{when}): "{quote}" {marker}{done}')
        answer = Answer(question.text, "\n".join(lines), False, question.intent, cite.items)
        return answer, tuple(d.id for d in docs[:MENTIONS_SHOWN])

    def _positions_naming(self, identifier: str) -> list[int]:
        """Chunks that name the identifier; a Kamerstuk in any of its spellings."""
        index = self.retriever.index
        kst = KST_ID_RE.match(identifier)
        if kst is None:
            return index.containing(identifier)
        dossier, _, number = kst.groups()
        pattern = identifier_pattern(identifier)
        spaced = f"{dossier[:-3]} {dossier[-3:]}" if len(dossier) > 3 else dossier
        found: dict[int, None] = {}
        for words in (f"{dossier} {number}", f"{spaced} {number}"):
            for i in index.positions_with(words):
                if pattern.search(index.search_text(i)):
                    found.setdefault(i, None)
        return list(found)[:MENTIONS_SEARCHED]

    # -- free questions ------------------------------------------------------------------------

    def _free(self, question: Question) -> tuple[Answer, tuple[str, ...]]:
        missing = tuple(i for i in question.ids if self.store.get_document(i) is None)
        if missing and len(missing) == len(question.ids) and not question.filters.doc_ids:
            # "Wat antwoordde de minister op Kamervraag ah-tk-20232024-9999?": that text.
            found = self._mentions(question, missing, "document")
            if found is not None:
                return found
            names = ", ".join(missing)
            return self._refusal(
                question, f"Ik heb {names} niet gevonden in de geïndexeerde bronnen."
            ), ()
        # "Welke standaard ..., en hoe heet het programma ...?": each part is searched and
        # answered; a later part is searched with the first as context ("het" refers to it).
        parts = question_parts(question.topic or question.text)
        answered: list[tuple[Question, list[Passage]]] = []
        for n, part in enumerate(parts):
            sub = replace(question, topic=part) if len(parts) > 1 else question
            query = part if n == 0 else f"{part} {parts[0]}"
            passages = self.retriever.search(query, question.filters, k=8)
            passages = [p for p in passages if self._relevant(sub, p)]
            if not passages and question.timeframe is not None:
                passages = self._written_later(sub, query)
            if passages:
                answered.append((sub, passages))
        if not answered:
            return self._refusal(question, NOT_FOUND), ()
        cite = Citations()
        lines = []
        # The best passage is a Kamervraag with its answer: the answer's opening sentences are
        # the reply to that question ("Nee, dat klopt niet. ..."), whatever words they share.
        chosen = answer_opening(answered[0][1][0])
        for sub, passages in answered:
            limit = 3 if len(answered) == 1 else 2
            chosen += [
                pick
                for pick in self._best_sentences(sub, passages, limit=limit)
                if all(pick[1] not in said and said not in pick[1] for _, said in chosen)
            ]
        for passage, sentence in chosen:
            doc = self.store.get_document(passage.doc_id)
            if doc is not None:
                lines.append(f"{sentence} {cite.cite(doc, sentence)}")
        if not lines:
            return self._refusal(question, NOT_FOUND), ()
        doc_ids = tuple(dict.fromkeys(c.id for c in cite.items))
        answer = Answer(question.text, "\n".join(lines), False, question.intent, cite.items)
        return self._rephrase(answer), doc_ids

    def _written_later(self, question: Question, query: str) -> list[Passage]:
        """ "Hoeveel geld is er in 2021 vrijgemaakt ...": the year may be when it happened, not
        when it was written. Search all dates; keep passages that name such a year."""
        timeframe = question.timeframe
        assert timeframe is not None
        years = range(timeframe.start.year, timeframe.end.year + 1)
        if len(years) > MAX_YEARS_NAMED:
            return []
        filters = replace(question.filters, date_from=None, date_to=None)
        passages = self.retriever.search(query, filters, k=8)
        return [
            p
            for p in passages
            if any(re.search(rf"\b{y}\b", p.text) for y in years) and self._relevant(question, p)
        ]

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
        """Sentences that together cover the question: each pick weighs the question terms
        that earlier picks did not hold yet, so "welke standaard ..., en hoe heet het
        programma?" gets a sentence for each part."""
        terms = set(self.tokenizer(question.topic or question.text))
        weight = {t: self.relevance_judge.weight(t) for t in terms}
        asks_when = WHEN_QUESTION_RE.search(question.text) is not None
        asks_amount = HOW_MANY_RE.search(question.text) is not None
        asks_cause = CAUSE_QUESTION_RE.search(question.text) is not None
        candidates: list[tuple[int, Passage, str, set[str], float]] = []
        for rank, passage in enumerate(passages[:5]):
            for sentence in (LEADING_HEADING_RE.sub("", s) for s in sentences(passage.text)):
                # A question (a member's Kamervraag, an interruption) is never the answer.
                if len(sentence) < 25 or sentence.rstrip().endswith("?"):
                    continue
                if REFERENCE_RE.search(sentence):
                    continue
                words = self.tokenizer(sentence)
                # Inside compounds too ("eetstoornis" in "eetstoornissenproblematiek").
                within = text_words(sentence)
                shared = {t for t in terms if contains(within, t)}
                # Damped for length so a long sentence does not win by size alone.
                damp = math.sqrt(max(len(words), 4))
                votes = question.aspects & {"votes", "outcome"} and VOTE_TEXT_RE.search(sentence)
                # "Wanneer ...?": a sentence that says when.
                when = asks_when and (WHEN_RE.search(sentence) or YEAR_RE.search(sentence))
                # "Hoeveel ...?", "Welke afstandseis ...?": a sentence that names an amount.
                amount = asks_amount and AMOUNT_RE.search(sentence)
                # "Wat zijn oorzaken van ...?": a sentence that gives a cause.
                cause = asks_cause and CAUSE_RE.search(sentence)
                bonus = 0.5 if votes or when or amount or cause else 0.0
                candidates.append((rank, passage, sentence, shared, damp - bonus))
        chosen: list[tuple[Passage, str]] = []
        covered: set[str] = set()

        def score(item: tuple[int, Passage, str, set[str], float]) -> tuple[float, int]:
            rank, _, _, shared, damp = item
            new = sum(weight[t] for t in shared - covered)
            old = sum(weight[t] for t in shared & covered)
            return (new + 0.25 * old) / max(damp, 1.0) - rank * 0.1, -rank

        while candidates and len(chosen) < limit:
            best = max(candidates, key=score)
            candidates.remove(best)
            _, passage, sentence, shared, _ = best
            if any(sentence in s or s in sentence for _, s in chosen):
                continue
            if chosen and not shared - covered and score(best)[0] <= 0:
                break
            chosen.append((passage, sentence))
            covered |= shared
        if asks_cause and not any(CAUSE_RE.search(s) for _, s in chosen):
            return _with_following_cause(chosen)
        return chosen

    @property
    def relevance_judge(self) -> Relevance:
        """Built on the current chunk index (an upload replaces it)."""
        return Relevance(self.retriever.index, self.relevance)

    def _coverage(
        self,
        question: Question,
        passage: Passage,
        drop: tuple[str, ...] = (),
        held: tuple[str, ...] = (),
    ) -> Coverage:
        """How much of the question's content the passage holds (its title, indieners and
        section name included). `drop`: words already satisfied otherwise (a member's name
        when the search was narrowed to their moties); `held`: words of the question the
        passage says in its own words."""
        meta = passage.metadata
        text = " ".join(
            str(meta.get(k, ""))
            for k in ("title", "dossier_title", "indieners", "section", "speaker", "afzender")
        )
        return self._coverage_of(question, f"{text} {passage.text}", drop, held)

    def _coverage_of(
        self, question: Question, text: str, drop: tuple[str, ...] = (), held: tuple[str, ...] = ()
    ) -> Coverage:
        """`_coverage` of a text."""
        topic = self._content_topic(question, drop)
        return self.relevance_judge.coverage(
            topic_words(topic, self.tokenizer),
            " ".join((text, *held, *(SPLIT_VERB_RE.sub(r"\1\2", h) for h in held))),
            written_forms(topic, self.tokenizer),
        )

    def _content_stems(self, question: Question, drop: tuple[str, ...] = ()) -> list[str]:
        """The question's subject as stems, without the words that say what kind of answer
        is wanted."""
        return topic_words(self._content_topic(question, drop), self.tokenizer)

    @staticmethod
    def _content_topic(question: Question, drop: tuple[str, ...] = ()) -> str:
        """The question's subject: without `drop`, and without the name of a bewindspersoon
        ("minister Helder"): who answered is no subject, and texts seldom repeat it."""
        topic = BEWINDSPERSOON_RE.sub(r"\1", question.topic or question.text)
        for word in drop:
            topic = re.sub(rf"\b{re.escape(word)}\b", " ", topic, flags=re.I)
        return topic

    def _relevant(self, question: Question, passage: Passage, drop: tuple[str, ...] = ()) -> bool:
        """The passage covers the question's distinctive content (see assistant.relevance)."""
        coverage = self._coverage(question, passage, drop)
        return self.relevance_judge.answers(coverage, passage.dense)

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


# In the Handelingen, a vote is called ("In stemming komt de gewijzigde motie-Wassenberg (21501-08,
# nr. 726).") and the chair declares its result in the next sentence ("Ik constateer dat de leden
# van de fracties van de SP, ... voor deze gewijzigde motie hebben gestemd en de leden van de
# overige fracties ertegen, zodat zij is verworpen.").
VOTE_CALL_RE = re.compile(r"^In stemming komt(?:en)?\b", re.IGNORECASE)
VOTE_DECLARED_RE = re.compile(r"\bIk constateer dat\b.*\b(?:aangenomen|verworpen)\b", re.IGNORECASE)
DECLARATION_CHARS = 1200  # how far after the call the declaration may stand


def with_declared_votes(quotes: list[str], text: str) -> list[str]:
    """`quotes` with, after each sentence that calls a vote, the sentence of the Handelingen
    that declares its result."""
    flat = " ".join(text.split())
    result: list[str] = []
    for quote in quotes:
        result.append(quote)
        at = flat.find(quote) if VOTE_CALL_RE.match(quote) else -1
        if at < 0:
            continue
        after = sentences(flat[at + len(quote) : at + len(quote) + DECLARATION_CHARS])
        if after and VOTE_DECLARED_RE.search(after[0]) and after[0] not in quotes:
            result.append(after[0])
    return result


# ", en hoe heet ...", "en aan hoeveel ...": where a question asks a second thing.
ASKING_WORD = r"(?:hoe|wat|welke?|wie|wanneer|waarom|hoeveel|waar)\b"
PART_RE = re.compile(
    rf",?\s+en\s+(?=(?:aan\s+|in\s+|voor\s+|met\s+|door\s+)?{ASKING_WORD})", re.IGNORECASE
)
ASKING_RE = re.compile(ASKING_WORD, re.IGNORECASE)
MIN_PART_WORDS = 3


# Words before the asking word that still start the question ("Op welk advies en welk ...").
LEADING_PREPOSITION_RE = re.compile(
    r"^(?:(?:op|aan|in|voor|met|door|over|van|bij|naar|tot|uit|sinds|vanaf)\s+)+", re.IGNORECASE
)


def _continues(before: str, after: str) -> bool:
    """Whether the asking word after "en" already opened a clause inside the question before
    it (its last sentence, past its first word and any preposition before that): the two are
    clauses of one question, not two questions."""
    word = ASKING_RE.search(after)
    if word is None:
        return False
    question = re.split(r"(?<=[.?!])\s+", before.strip())[-1]
    inside = LEADING_PREPOSITION_RE.sub("", question).split(maxsplit=1)[1:]
    return bool(inside) and re.search(rf"\b{word.group()}\b", inside[0], re.IGNORECASE) is not None


def question_parts(text: str) -> list[str]:
    """The questions a question asks: "A, en hoe heet B?" -> ["A", "hoe heet B?"]. Not
    where "en" joins two clauses of one question that start with the same word ("om mee te
    laten wegen hoe dichtbij die zorg is en hoe leefbaar een regio blijft")."""
    parts: list[str] = []
    start = 0
    for split in PART_RE.finditer(text):
        before, after = text[start : split.start()], text[split.end() :]
        if "," not in split.group() and _continues(before, after):
            continue
        parts.append(before.strip())
        start = split.end()
    parts = [p for p in (*parts, text[start:].strip()) if p]
    if len(parts) < 2 or any(len(p.split()) < MIN_PART_WORDS for p in parts):
        return [text]
    return parts


# The reply to a Kamervraag: its first sentences, as long as they stay short.
ANSWER_SENTENCES = 3
ANSWER_CHARS = 500
ANSWER_HEADING_RE = re.compile(r"(?m)^\s*Antwoord(?:\s+\d+)?\s*$")
QUESTION_HEADING_RE = re.compile(r"(?m)^\s*Vraag(?:\s+\d+)?\s*$")


def answer_opening(passage: Passage) -> list[tuple[Passage, str]]:
    """The first sentences after "Antwoord N" in a Vraag/Antwoord passage, up to the next
    question; [] otherwise."""
    if passage.metadata.get("kind") != "vraag-antwoord":
        return []
    heading = ANSWER_HEADING_RE.search(passage.text)
    if heading is None:
        return []
    reply = passage.text[heading.end() :]
    reply = reply[: m.start()] if (m := QUESTION_HEADING_RE.search(reply)) else reply
    chosen: list[tuple[Passage, str]] = []
    length = 0
    for sentence in (s for s in sentences(reply) if len(s) >= 10 and not REFERENCE_RE.search(s)):
        if chosen and (len(chosen) == ANSWER_SENTENCES or length + len(sentence) > ANSWER_CHARS):
            break
        chosen.append((passage, sentence))
        length += len(sentence)
    return chosen


# Words that say what kind of answer is wanted, not what it is about.
GENERIC_WORDS = (
    "welke wat wie wanneer waarom hoe hoeveel motie moties toezegging toezeggingen toegezegd "
    "kamer kabinet minister staatssecretaris status uitslag stemden stemming aangenomen verworpen "
    "partijen fracties gedaan door ingediend brief brieven zijn is er zetels kamerleden leden "
    "voor tegen zeg zegt zegde zegden toe beloofd belofte nagekomen uitgevoerd afgedaan open "
    "openstaand staan nog ze heeft hebben mede ondertekend ondertekende ingediende indiener "
    "indieners of en gebeurd gebeurde haalde haalt behaalde meerderheid uitkomst afgelopen "
    "afloop gesteund steunde kreeg krijgt ermee daarmee mee welk "
    # how a question is put, not what it is about: verbs of asking and telling
    "deed doet doen gaf geeft gaven kondigde kondigt aan zei zegt vroeg vraagt vroegen reageerde "
    "reageert praatte praat mag mocht houdt hield zat zit liep loopt beloofde belooft ontried "
    "ontraadt treedt trad noemde noemt antwoordde antwoordt wiens "
    # "wat vond het kabinet van de motie", "wat was de appreciatie / het oordeel"
    "vond vindt appreciatie kabinetsappreciatie oordeel "
    "baseert baseren beroept beroepen "
    # "hoe liep het af", "wat werd er besloten / gestemd over"
    "af besloten gestemd "
    # where it was said, not what: kinds of debate and document
    "debat debatten vao ao tweeminutendebat dertigledendebat commissiedebat notaoverleg nota "
    "mevrouw heer lid "
    # the kind of fact asked for, not the subject: "op welke wetsbepaling", "welk Kamerstuknummer"
    "wetsbepaling bepaling kamerstuknummer kamerstuk nummer zaaknummer documentnummer datum "
    "reden redenen "
    # wanting and seeing something done frame the question ("wilden ... uitgevoerd zien")
    "wil wilde wilden willen zien eerdere eerder "
    # agreeing to a motie is its outcome: "heeft de Kamer ingestemd met de motie"
    "ingestemd instemde instemden instemming "
    # the motie named as a proposal, and who filed it: "wie dienden samen met X de motie in",
    # "wat is er terechtgekomen van het verzoek van X om ..."
    "diende dienden indiende indienden samen terechtgekomen voorstel verzoek oproep"
).split()


# Function words the stop word list lacks: they join a sentence, not name its subject, yet are
# rare enough in the index to weigh like subject terms ("daarvan", "zolang", "alsnog").
PRONOMINAL_HEADS = ("daar", "waar", "hier", "er")
PRONOMINAL_TAILS = (
    "aan achter bij binnen boven buiten door heen in langs mee na naar naast om onder op over "
    "tegen toe tussen uit van vandaan voor zonder"
).split()
FUNCTION_WORDS = (
    "zolang zodat zoals zodra terwijl hoewel indien mits tenzij alsof "
    "doordat aangezien alsnog ongeveer circa bijna zeker laatst laatste daarnaast "
    "bovendien echter eveneens tevens namelijk daarom immers inmiddels alleen slechts helemaal "
    "verder weer even vaak vaker nooit soms meteen steeds hoeverre naarmate bedoeld zulke "
    "zo'n ieder iedere elke elk sommige enkele "
    # how strongly something is said, not what: "regels die ook echt te handhaven zijn"
    "echt gewoon eigenlijk heel erg enorm behoorlijk hartstikke zelfs vooral misschien wellicht "
    "überhaupt zomaar nou"
).split() + [head + tail for head in PRONOMINAL_HEADS for tail in PRONOMINAL_TAILS]


@cache
def _generic_stems() -> frozenset[str]:
    return frozenset(shared_tokenizer()(" ".join((*GENERIC_WORDS, *FUNCTION_WORDS))))


# Words shorter than this are matched by their stem only.
MIN_FORM = 7
# A separable verb split by "te": "terug te kopen" is the "terugkopen" of the texts, "wit te
# wassen" their "witwassen". Not "om": "om te bepleiten" is a purpose, far more often than "om
# te zetten" is "omzetten".
SPLIT_VERB_RE = re.compile(
    r"\b(aan|af|bij|door|in|mee|na|op|over|terug|toe|uit|voor|weg|vast|samen|tegen"
    r"|wit|stil|schoon|bekend|vrij|los|dicht|open|kwijt|teniet|plaats|deel)"
    r"\s+te\s+(\w{3,})",
    re.IGNORECASE,
)


def topic_words(text: str, tokenizer: Tokenizer) -> list[str]:
    """Content stems of a question, without words that only say what kind of answer is wanted.
    A compound with motie keeps its subject: "asielmoties" is about "asiel"."""
    text = joined_codes(SPLIT_VERB_RE.sub(r"\1\2", text))
    stems = [_strip_kind(t) for t in tokenizer(text)]
    # A single letter ("s" of "auto's") says nothing of the subject.
    return [t for t in stems if t not in _generic_stems() and not t.isdigit() and len(t) > 1]


def function_word(word: str, tokenizer: Tokenizer) -> bool:
    """A stop, generic or function word, also when written with an accent for stress ("vóór",
    "álle", "één"). Spelled so, it stands in no index text and would weigh like the rarest
    subject word; `topic_words` keeps it, since leaving it out changed answers (README,
    sixteenth round), so only the words a motie lacks are checked with this."""
    plain = without_accents(word.lower())
    stems = tokenizer(plain)
    generic = _generic_stems()
    return all(s in generic or s in tokenizer.stopwords for s in stems)


def _with_following_cause(chosen: list[tuple[Passage, str]]) -> list[tuple[Passage, str]]:
    """A question for causes whose quoted sentences give none: the sentence right after one
    of them that does ("Uit dit onderzoek komt naar voren dat de winstmarge ... een dalende
    tendens kent" is followed by "Vermoedelijk hangt de dalende winstmarge samen met stijgende
    personeelslasten ...") is quoted after it. It shares no word with the question, only with
    the sentence before."""
    for at, (passage, sentence) in enumerate(chosen):
        following = sentences(passage.text)
        for before, after in zip(following, following[1:], strict=False):
            if (
                sentence in LEADING_HEADING_RE.sub("", before)
                and CAUSE_RE.search(after)
                and not after.rstrip().endswith("?")  # the next Kamervraag, not a cause
            ):
                return [*chosen[: at + 1], (passage, after), *chosen[at + 1 :]]
    return chosen


@lru_cache(maxsize=256)
def written_forms(text: str, tokenizer: Tokenizer) -> Mapping[str, tuple[str, ...]]:
    """Each content stem with the words it was written as, in the singular: the stemmer makes
    "nereer" of "generaties", while a text's compound keeps "generatie" ("generatietoets").
    Read for every passage weighed against one question, hence cached (and read-only)."""
    forms: dict[str, list[str]] = {}
    for word in re.findall(r"\w+", joined_codes(SPLIT_VERB_RE.sub(r"\1\2", text)).lower()):
        stems = tokenizer(word)
        if not stems or len(word) < MIN_FORM:
            continue
        forms.setdefault(_strip_kind(stems[0]), []).append(singular(word))
    return MappingProxyType({stem: tuple(dict.fromkeys(words)) for stem, words in forms.items()})


def singular(word: str) -> str:
    """The word without a plural ending: "generaties" -> "generatie", "kastjes" -> "kastje"."""
    return word[:-2] if word.endswith("en") else word[:-1] if word.endswith("s") else word


def surface_words(text: str, stems: tuple[str, ...], tokenizer: Tokenizer) -> str:
    """The words of `text` whose stems are `stems`, as the user wrote them: "zeewierteelt"."""
    return listed(surface_list(text, stems, tokenizer))


def surface_list(text: str, stems: tuple[str, ...], tokenizer: Tokenizer) -> list[str]:
    """`surface_words`, one by one."""
    wanted = set(stems)
    text = SPLIT_VERB_RE.sub(r"\1\2", text)  # "af te schaffen": "afschaffen"
    words = [w for w in re.findall(r"[\w-]+", text) if wanted & set(tokenizer(joined_codes(w)))]
    return list(dict.fromkeys(words))


def listed(words: list[str]) -> str:
    """ "a, b en c"."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} en {words[-1]}"


def _strip_kind(stem: str) -> str:
    for kind in ("motie", "toezegging", "toezeg"):
        if stem.endswith(kind) and len(stem) >= len(kind) + 3:
            return stem[: -len(kind)]
    return stem


def dutch_date(date: dt.date | None) -> str:
    if date is None:
        return "onbekende datum"
    return long_date(date)


def motion_name(doc: Document) -> str:
    """'De motie-Podt/Rajkowski', 'De gewijzigde motie-Postma c.s.'."""
    surnames = [surname(p.name) for p in doc.indieners]
    kind = "De gewijzigde motie" if doc.type == GEWIJZIGDE_MOTIE else "De motie"
    if not surnames:
        return kind
    if len(surnames) <= 2:
        return f"{kind}-{'/'.join(surnames)}"
    return f"{kind}-{surnames[0]} c.s."


PARTICLES = frozenset({"van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "in", "op"})


def surname(name: str) -> str:
    """'C.A.M. van der Plas' -> 'Van der Plas', 'H.M. de Hoop' -> 'De Hoop', 'Podt' -> 'Podt'."""
    words = [w for w in name.split() if not w.endswith(".")]
    if not words:
        return name.split()[-1] if name.split() else ""
    last = len(words) - 1
    start = next((i for i, w in enumerate(words[:last]) if w.lower() in PARTICLES), last)
    found = " ".join(words[start:])
    return found[0].upper() + found[1:]


def identifiers(doc: Document) -> str:
    extra = [
        doc.ids[k] for k in ("zaak", "documentnummer") if doc.ids.get(k) and doc.ids[k] != doc.id
    ]
    return ", ".join([doc.id, *extra])
