"""Answers about toezeggingen (made, reported, kept) and short dossier briefings."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from assistant.answer import Answer, Citations
from assistant.ask_base import GENERIC_WORDS, BaseAnswers, dutch_date, motion_name, topic_words
from assistant.commitments import OPEN, CommitmentRow, collect, filter_rows
from assistant.documents import TOEZEGGING, Document
from assistant.fulfilment import Evidence, confidence_of, later_letters
from assistant.llm.grounding import split_sentences as sentences
from assistant.question import DONE_QUESTION_RE, Question
from assistant.retrieve import MOTION_TYPES, Filters, Passage
from assistant.store import int_date
from assistant.timeframe import Timeframe
from ingest.commitments import WHEN_RE
from ingest.extract import find_dates

LATER_LETTER_ROWS = 3  # each lead search costs a few tenths of a second
BRIEFING_ITEMS = 8  # per section of a briefing answer in the chat
NEWEST = 500  # commitments read for a question with neither a topic nor a period
TOPIC_PASSAGES = 300  # lexical hits whose documents are searched for commitments on a topic
# What a question asks for beyond its topic, and how a promise shows it has that.
ASKED_FEATURES = (
    (
        re.compile(r"\bbrie(?:f|ven)\b|\bschriftelijk", re.I),
        re.compile(r"\bbrie(?:f|ven)\b|\btoekomen\b|\bop\s+papier\b|\bschriftelijk", re.I),
    ),
    (re.compile(r"\bwanneer\b|\btermijn\b|\bdeadline\b", re.I), WHEN_RE),
)
DETAILS_SHOWN = 2
# What a promise says will be sent, as a later document's subject names it.
PROMISED_KIND_RE = re.compile(
    r"\b(?:kabinetsreactie|beleidsreactie|voortgangsbrief|voortgangsrapportage|rapportage|"
    r"evaluatie|plan van aanpak|actieplan|kabinetsvisie|verkenning|beantwoording)\b",
    re.IGNORECASE,
)
# Subject words of the promise that the later document's title must share (besides the kind).
MIN_DELIVERED_SHARED = 3
# Share of the question's content weight a commitment (with the sentences around it, where and
# by whom it was said) must hold, besides at least one of the question's rare terms: a promise
# often refers back ("dan zal ik die de Kamer doen toekomen"), so less than for a passage.
# Calibrated on the dev commitment questions.
COMMITMENT_COVER = 0.3  # sentences after a commitment that spell it out, quoted with it
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


class CommitmentAnswers(BaseAnswers):
    def _commitments(self, question: Question) -> tuple[Answer, tuple[str, ...]]:
        cite = Citations()
        lines: list[str] = []
        named = [i for i in question.ids if i.startswith("TZ")]
        if named:
            records = [self.store.get_document(i) for i in named]
            if not any(records):
                missing = ", ".join(named)
                mentioned = self._mentions(question, tuple(named), "toezegging")
                if mentioned is not None:
                    return mentioned
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
        topic = set(topic_words(question.topic, self.tokenizer))
        # Without a period, the documents that hold the topic's words (a lexical search) bound
        # what is read: never every commitment in the store.
        doc_ids = None
        if topic and filters.date_from is None and filters.date_to is None:
            hits = self.retriever.index.bm25(question.topic, Filters(), TOPIC_PASSAGES)
            doc_ids = list(dict.fromkeys(self.retriever.index.chunk(p).doc_id for p, _ in hits))
        rows = filter_rows(
            collect(
                self.store,
                self.today,
                date_from=filters.date_from,
                date_to=filters.date_to,
                doc_ids=doc_ids,
                registers=False,
                # Neither a topic nor a period: the latest ones, not all of them.
                newest=None if topic or filters.date_from or filters.date_to else NEWEST,
            ),
            date_from=filters.date_from,
            date_to=filters.date_to,
            ministerie=filters.ministerie,
            status=OPEN if wants_open else None,
        )
        if topic:
            # The sentence itself counts double; the sentences around it (what "daar" is in
            # "Ik wil daar op terugkomen"), where it was said (debate or letter title) and by
            # whom ("minister De Jonge") also tell which commitment is meant.
            # A question about letters or about when prefers promises of a letter or a date:
            # such a feature of the promise counts like a topic word in it.
            wanted = [
                pattern
                for asked, pattern in ASKED_FEATURES
                if asked.search(question.text) is not None
            ]

            def score(row: CommitmentRow) -> int:
                said = set(self.tokenizer(f"{row.what} {row.quote}"))
                around = set(self.tokenizer(" ".join([*row.context, *row.details])))
                where = set(self.tokenizer(f"{row.doc_title} {row.who or ''}"))
                promised = " ".join([row.quote, *row.details])
                features = sum(bool(pattern.search(promised)) for pattern in wanted)
                return 2 * (len(topic & said) + features) + len(topic & (around | where))

            scored = sorted(((score(r), r) for r in rows), key=lambda x: -x[0])
            on_topic = [
                r
                for points, r in scored
                if points > 0
                and self._covers(
                    question,
                    " ".join([r.quote, r.what, *r.context, *r.details, r.doc_title, r.who or ""]),
                )
            ]
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
            for detail in row.details[:DETAILS_SHOWN]:
                line += f' Nader: "{detail}" {cite.cite(doc, detail)}'
            if row.confirmed:
                line += f' De voorzitter: "{row.confirmed}" {cite.cite(doc, row.confirmed)}'
            for evidence in row.evidence:
                carrier = self.store.get_document(evidence.id)
                if carrier is not None:
                    line += (
                        f" Nagekomen volgens {carrier.title} {cite.cite(carrier, evidence.quote)}"
                        f" (zekerheid: {row.confidence})."
                    )
            delivered = self._delivered(row) if not row.evidence and asks_done else None
            if delivered is not None:
                carrier = self.store.get_document(delivered.id)
                assert carrier is not None
                when = f" van {dutch_date(carrier.date)}" if carrier.date else ""
                line += (
                    f" Status: waarschijnlijk nagekomen (zekerheid middel): '{carrier.title}'"
                    f"{when} {cite.cite_field(carrier, 'Onderwerp:')} is het soort stuk dat hier "
                    "is toegezegd, over hetzelfde onderwerp (herkend aan het onderwerp van dat "
                    "stuk, niet aan een verwijzing naar de toezegging)."
                )
            elif not row.evidence:
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

    def _delivered(self, row: CommitmentRow) -> Evidence | None:
        """A later document whose subject is what the promise said would be sent: the kind
        of document promised ("de kabinetsreactie") and the promise's own subject words
        ("rapport", "Universiteit", "Twente") stand in its title."""
        # "wordt de kabinetsreactie gestuurd. Uw Kamer wordt hier voor de zomer over
        # geïnformeerd": the kind may stand in the sentences around the promise.
        promised = " ".join([*row.context, row.quote, *row.details])
        kinds = {m.group(0).lower() for m in PROMISED_KIND_RE.finditer(promised)}
        if not kinds:
            return None
        subject = " ".join([row.quote, *row.context, *row.details, row.doc_title])
        words = [
            w
            for w in dict.fromkeys(re.findall(r"\w[\w'-]{4,}", subject))
            if w.lower() not in GENERIC_WORDS and w.lower() not in kinds
        ]
        stems = {w: self.tokenizer(w) for w in words}
        words = [w for w in words if stems[w]]
        # The rarest words that some text holds find the letter; all of them count for the match.
        index = self.retriever.index

        def frequency(word: str) -> int:
            counts = [index.document_frequency(t) for t in stems[word]]
            return min(c for c in counts) if all(counts) else index.size + 1

        words.sort(key=frequency)
        made = dt.date.fromisoformat(row.made_on) if row.made_on else None
        matches = []
        for evidence in later_letters(self.store, words, made, limit=5):
            title = evidence.quote.lower()
            shared = sum(w.lower() in title for w in words)
            if any(kind in title for kind in kinds) and shared >= MIN_DELIVERED_SHARED:
                # The stuk itself before what goes with it ("Beslisnota bij Kabinetsreactie").
                leads = any(title.startswith(kind) for kind in kinds)
                matches.append((-shared, not leads, len(title), evidence))
        return min(matches, key=lambda m: m[:3])[3] if matches else None

    def _commitment_matches(self, question: Question, doc: Document, wants_open: bool) -> bool:
        status = str(doc.extra.get("status") or "").lower()
        if wants_open and status not in ("openstaand", "open"):
            return False
        ministerie = question.filters.ministerie
        if ministerie and ministerie.lower() not in f"{doc.afzender} {doc.text}".lower():
            return False
        topic = set(topic_words(question.topic, self.tokenizer))
        return not topic or bool(topic & set(self.tokenizer(doc.text)))

    def _covers(self, question: Question, text: str) -> bool:
        """The text holds the question's distinctive content (see assistant.relevance): a
        commitment on a neighbouring subject is not one on the subject asked."""
        judge = self.relevance_judge
        stems = self._content_stems(question)
        coverage = judge.coverage(stems, text)
        rare = [s for s in stems if judge.distinctive(s)]
        # A subject no indexed text names at all ("legionella") has no commitment either.
        unknown = [s for s in coverage.missing if judge.absent(s)]
        # A term far rarer than any the text holds is what the question is about: a promise on
        # "het tegengaan van overgewicht" is none on "het tegengaan van drugstoerisme".
        return (
            coverage.share >= COMMITMENT_COVER
            and not unknown
            and (not rare or any(s in coverage.covered for s in rare))
            and not judge.overlooked(coverage)
        )

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
            if passage.metadata.get("type") in MOTION_TYPES:
                continue  # a motie asks the government; it never states a commitment
            for sentence in sentences(passage.text):
                # A question (a member asking for a promise) is never the promise.
                if not COMMITMENT_TEXT_RE.search(sentence) or sentence.rstrip().endswith("?"):
                    continue
                if timeframe is not None and not self._dated_within(passage, sentence, timeframe):
                    continue
                overlap = len(topic & set(self.tokenizer(sentence))) if topic else 0
                context = len(topic & set(self.tokenizer(passage.text))) if topic else 0
                if topic and not (context and self._covers(question, passage.text)):
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
        found = build_briefing(self.store, dossier, self.today, self.retriever.index)
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
