"""Answers about moties: one motie (outcome, votes, appreciatie, fulfilment) and lists of moties."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache, partial

import numpy as np

from assistant.amounts import number_phrases, numbers_lacking, numbers_named
from assistant.answer import Answer, Citations
from assistant.ask_base import (
    HOW_MANY_RE,
    BaseAnswers,
    dutch_date,
    function_word,
    identifiers,
    listed,
    motion_name,
    question_parts,
    singular,
    surface_list,
    surface_words,
    topic_words,
)
from assistant.directions import (
    STUDY_RE,
    Asked,
    acts_about,
    direction_context,
    direction_words,
    directions_named,
    directions_reversed,
    only_studied,
    same_way,
    shared_ways,
    studied_alike,
)
from assistant.documents import GEWIJZIGDE_MOTIE, MOTIE, ONBEKEND, TOEZEGGING, Document
from assistant.fulfilment import NAMED, confidence_of, motion_fulfilment
from assistant.llm.reader import Reading
from assistant.places import names_any, places_lacking, places_named
from assistant.question import DESCRIPTION_OPENERS, FRACTIES, NOT_NAMES, Question
from assistant.records import RecordFilter, motion_subject
from assistant.relevance import Coverage, contains, text_words
from assistant.retrieve import Filters, Passage
from assistant.timeframe import FULL_MONTHS, Timeframe

LIST_RECORDS = 500  # records of a period searched for a topic
FREE_AFTER_MOTION = 2  # quoted sentences of other sources after a motie that answers
NEARBY_MOTIONS = 3  # moties named when none answers: the closest, and two more
NEARBY_DENSE_GAP = 0.05  # ... at most this much further in meaning than the closest
MEANING_NAMED = 2  # of those, the member's moties closest in subject meaning, named first
ALIKE_NAMED = 2  # a member's other moties named that fit a description as well as the answer
# A named member's motie whose subject, compared in meaning with the question's own words for it,
# stands out from all their others answers even when it shares few words: it is this close, and
# this much closer than the member's next motie on another subject (calibrated on the dev
# description sets with EmbeddingGemma's sentence-similarity prompt: neighbouring subjects come
# as close, never with such a lead; another embedding model needs its own calibration).
SUBJECT_SIMILAR = 0.70
SUBJECT_LEAD = 0.085
# Two of the member's moties on (nearly) one subject, filed at different times, are this close
# to each other: when both stand out, the period the question names tells them apart ("de
# motie van Akerboom uit mei 2023 om een uiterste datum ...").
SUBJECT_TWIN = 0.85
# A member's motie that the words accept only as a paraphrase must come first in meaning among
# their moties, or this close to the first (DEV: three neighbours refused, no right one lost).
PARAPHRASE_MEANING_GAP = 0.005
# A member's motie the words accept although it lacks distinctive words of the question comes at
# least this close in meaning (DEV: of 178 such answers, 9 of the 21 neighbours fall below it,
# none of the 157 right moties).
SUBJECT_FLOOR = 0.68
# Framing around the subject in "de motie die Arib mede ondertekende om ..." ("c.s." is
# already out of the question's topic).
SUBJECT_FRAMING_RE = re.compile(
    r"^(?:(?:aangenomen|afgelopen|af|mede|ondertekende|ondertekend|ingediend"
    r"|ingediende|indiende|is|was|werd|heeft|uit|wilde|wil|wou|diende|mee"
    # "Bikker vroeg in een motie om ...", "Heeft Bikker een motie ingediend om ..."
    # "de door Bikker ingediende motie over ..."
    r"|(?:vroeg|vraagt|diende|dient)?\s*(?:in\s+)?(?:(?:een|de|haar|zijn)\s+)?motie(?:\s+in)?)"
    r"\b\s*)+",
    re.IGNORECASE,
)
# A question after what is said of the motie: "Bikker diende een motie in om ... . Is die
# aangenomen?", "..., en is die aangenomen?"
FOLLOWING_QUESTION_RE = re.compile(
    r"\s*(?:[.;]|,?\s+en)\s+(?:is|werd|was|wat|hoe|heeft|hebben)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:die|deze|dat|ze|hij|daarover|erover|(?:haar|zijn|hun)\s+(?:motie|voorstel))\b"
    r"[^.?;]*\??\s*$",
    re.IGNORECASE,
)
# How the description of a motie starts after the member's name, and its fewest words ("dat
# brengen" in "naar welke ondergrens wil de motie-Ceder dat brengen?" is none).
DESCRIPTION_WORDS = 3
DESCRIPTION_RE = re.compile(rf"(?:{DESCRIPTION_OPENERS})\b", re.IGNORECASE)
DESCRIBED_BEFORE_RE = re.compile(
    r"\bmotie\s+((?:over|om|voor|tegen|inzake)\b.+?),?\s+"
    r"(?:(?:(?:ingediend|ondertekend)\s+)?(?:van|door)|die)\s+"
    r"(?:de\s+leden\s+|het\s+lid\s+|(?:het\s+)?[\w-]*[Kk]amerlid\s+)?$",
    re.IGNORECASE,
)
ONE_WORD_SUBJECT_RE = re.compile(
    r"over\s+(?!(?:dat|die|deze|dit|het|hem|haar|wat|welke|wie)\b)\w", re.IGNORECASE
)
MOTION_ASPECTS = frozenset({"votes", "outcome", "indieners", "appreciatie", "fulfilment"})


class MotionAnswers(BaseAnswers):
    def _motion_candidates(self, question: Question) -> Candidates:
        """The motie the question names: by number, or by indiener and subject. A member named
        in the question narrows the search to every motie they signed (any period), ranked by
        subject."""
        for identifier in question.ids:
            doc = self.store.get_document(identifier)
            if doc is not None:
                return Candidates(doc)
        if question.ids:
            return Candidates(None)
        filters = Filters(types=(MOTIE, GEWIJZIGDE_MOTIE))
        signed = self._member_moties(question)
        if signed:
            filters = replace(filters, doc_ids=signed)
        searches = [filters]
        timeframe = question.timeframe
        if signed and timeframe is not None:
            # "de motie van Van Kent van april 2022": the member's moties of that period
            # first, then all of them (a month misremembered still finds the motie).
            searches.insert(0, replace(filters, date_from=timeframe.start, date_to=timeframe.end))
        closest: tuple[Passage, ...] = ()
        ranked: dict[Filters, Closest | None] = {}  # the member's moties by subject, once needed

        subject_vector = cache(partial(self._subject_vector, question))

        def ranking(among: Filters) -> Closest | None:
            if among not in ranked:
                ranked[among] = self._closest(question, among, subject_vector)
            return ranked[among]

        for search in searches:
            best, near, alike = self._best_motion(
                question, search, bool(signed), partial(ranking, search)
            )
            by_meaning = False
            if best is None and signed:
                # Compared among all the member's moties (as calibrated: in one month's few,
                # any motie leads); in the period the question names before other periods.
                period = timeframe if search is not searches[-1] else None
                best = self._standing_out(ranking(searches[-1]), period)
                if best is not None and (
                    self._differs(question, best) or not self._asks_as_asked(question, best)
                ):
                    best = None
                by_meaning = best is not None
            if best is not None:
                return Candidates(self.store.get_document(best), by_meaning=by_meaning, alike=alike)
            closest = closest or near
        meant = self._closest_in_meaning(ranking(searches[-1])) if signed else ()
        return Candidates(None, closest, meant=meant)

    def _member_moties(self, question: Question) -> tuple[str, ...]:
        """The ids of every motie the members the question names signed (any period)."""
        if not question.names:
            return ()
        index = self.retriever.index
        signed = index.doc_ids_signed_by(question.names)
        # "Koekoek" for "Koekkoek": a surname one letter off a member who signed many
        # moties also searches theirs (the answer names the indieners it found).
        respelled = [index.respelled(name) or name for name in question.names]
        if respelled != list(question.names):
            signed = tuple(dict.fromkeys((*signed, *index.doc_ids_signed_by(respelled))))
        if not signed:
            # "Vestering en Wasenberg": a name that signed no motie at all is misspelled or
            # wrong; the moties of the members that are known are searched.
            known = [n for n in question.names if index.is_indiener(n)]
            if known and len(known) < len(question.names):
                signed = index.doc_ids_signed_by(known)
        return signed

    def _differs(self, question: Question, doc_id: str) -> bool:
        """Does the motie name another place or number instead of the one the question asks
        for, or ask the other way, however many words they share (see `_lacking`)?"""
        return any(self._lacks(question, doc_id))

    def _lacks(
        self, question: Question, doc_id: str
    ) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """`_lacking` for the motie `doc_id`; not looked up when the question names no place,
        number or direction."""
        if (
            not places_named(question.text)
            and not numbers_named(question.topic or question.text)
            and not directions_named(question_subject(question))
        ):
            return frozenset(), frozenset(), frozenset()
        return self._lacking(question, self.store.get_document(doc_id))

    def _names_place(self, question: Question, doc_id: str) -> bool:
        """Does the motie (its title or text) name a place the question names?"""
        doc = self.store.get_document(doc_id)
        return doc is not None and names_any(places_named(question.text), motion_text(doc))

    def _ways(self, question: Question, doc_id: str) -> tuple[Asked, Asked]:
        """The directions the question asks and those the motie asks (its subject and dictum);
        the motie is not looked up when the question asks none."""
        asked = directions_named(question_subject(question))
        doc = self.store.get_document(doc_id) if asked else None
        return asked, directions_named(motion_asks(doc)) if doc is not None else Asked()

    def _asks_as_asked(self, question: Question, doc_id: str) -> bool:
        """A motie found by meaning alone that asks for a direction asks the way the question
        asks, if it asks any way: "de klimaatdoelen aanscherpen" is not the motie to reach
        them sooner. One that names no direction may say it in words of its own."""
        asked, named = self._ways(question, doc_id)
        return not asked or not named or same_way(asked, named)

    def _same_way(self, question: Question, doc_id: str) -> bool:
        """Does the motie ask for a direction the question asks for (or against one it asks
        against)?"""
        return same_way(*self._ways(question, doc_id))

    def _held(self, question: Question, doc_id: str) -> tuple[str, ...]:
        """The question's words the motie says in words of its own: an act asked alike
        (`_acts_alike`), a study asked alike ("laten uitzoeken" for "in kaart brengen").
        The motie is read once, and only when the question asks for either."""
        subject = question_subject(question)
        asked = directions_named(subject)
        studied = STUDY_RE.search(subject) is not None
        doc = self.store.get_document(doc_id) if asked or studied else None
        if doc is None:
            return ()
        acts = self._acts_alike(question, subject, asked, doc) if asked else ()
        return (*acts, *studied_alike(subject, motion_asks(doc))) if studied else acts

    def _acts_alike(
        self, question: Question, subject: str, asked: Asked, doc: Document
    ) -> tuple[str, ...]:
        """The words of the question's `subject` for a direction (`asked`) that the motie's
        subject asks for (or against) alike, on something the question names: "optrekken" for
        "de liberalisatiegrens niet verhogen", not "bezuinigen op de jeugdzorg" for "de
        noodzaak tot insluitingen verminderen"."""
        motie = motion_subject(doc.title)
        shared = shared_ways(asked, directions_named(motie))
        words = direction_words(subject, shared)
        about = self._about_object(question, words)
        return words if any(about(part) for part in direction_context(motie, shared)) else ()

    def _about_object(self, question: Question, acts: tuple[str, ...]) -> Callable[[str], bool]:
        """Whether a text names what the question asks to act on: a specific word of its
        subject other than the `acts` words (not "extra" or "regering")."""
        subject = replace(question, topic=question_subject(question))
        judge = self.relevance_judge
        stems = [s for s in self._content_stems(subject, acts) if judge.specific(s)]
        return lambda text: any(contains(text_words(text), stem) for stem in stems)

    def _lacking(
        self, question: Question, doc: Document | None
    ) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """The places, the numbers and the directions the question asks for that the motie
        lacks while it names others ("met Egypte" for the Tunesië motie, "een driejarige pabo"
        for the vierjarige one, "bevriezen" for a motie to raise): places read in its title
        and text, numbers in its subject (texts hold dates and Kamerstuk numbers), directions
        in its subject and dictum (its considerations describe what it wants to change), and
        when it asks both ways, in what it asks of the thing the question names ("de btw op
        boodschappen verhogen" for the motie to lower it and to raise the bankbelasting). All
        empty when it is about what was asked."""
        if doc is None:
            return frozenset(), frozenset(), frozenset()
        wanted = question_subject(question)
        asked = directions_named(wanted)
        asks = motion_asks(doc)
        reversed_ = directions_reversed(asked, asks)
        if asked and not reversed_:
            acts = direction_words(wanted, asked.toward | asked.against)
            about = self._about_object(question, acts)
            reversed_ = directions_reversed(asked, acts_about(asks, about))
        if asked and not reversed_:
            reversed_ = only_studied(asked, asks)
        return (
            places_lacking(places_named(question.text), motion_text(doc)),
            numbers_lacking(
                numbers_named(question.topic or question.text), motion_subject(doc.title)
            ),
            reversed_,
        )

    def _subject_vector(self, question: Question) -> np.ndarray:
        """The question's subject as the moties' subjects are embedded."""
        subject = question_subject(question)
        return np.asarray(self.retriever.embedder.embed_similar([subject])[0], dtype=np.float32)

    def _closest(
        self,
        question: Question,
        filters: Filters,
        subject_vector: Callable[[], np.ndarray] | None = None,
    ) -> Closest | None:
        """The member's moties (of those `filters` allow) ranked by how close their subject comes
        in meaning to the question's subject (`subject_vector`: that subject embedded, kept for
        the question); None when there is nothing to compare."""
        where = filters.records()
        if where is None or not question_subject(question):
            return None
        stored = self.store.subject_vectors(self.store.record_ids(where))
        if not stored:
            return None
        query = subject_vector() if subject_vector else self._subject_vector(question)
        ids = list(stored)
        vectors = b"".join(vector for _, vector in stored.values())
        matrix = np.frombuffer(vectors, dtype="<f4").reshape(len(ids), -1)
        if matrix.shape[1] != query.shape[0]:
            return None  # vectors of another model: the next ingest makes them again
        subjects = {i: text for i, (text, _) in stored.items()}
        return Closest(ids, subjects, matrix, matrix @ query)

    def _standing_out(self, closest: Closest | None, period: Timeframe | None) -> str | None:
        """The member's motie whose subject is closest in meaning to the question's subject,
        when it stands out from all their others (SUBJECT_SIMILAR, SUBJECT_LEAD), however few
        words the two share; with a `period`, the one of that period (`_in_period`)."""
        if closest is None:
            return None
        if period is not None:
            subject = self._in_period(period, closest)
        else:
            subject = closest.standing_out(range(len(closest.ids)))
        return None if subject is None else self._voted_version(subject, closest)

    def _closest_in_meaning(self, closest: Closest | None) -> tuple[str, ...]:
        """The member's moties whose subjects come closest in meaning to the question's, however
        little they lead (MEANING_NAMED subjects, each as voted): named first when none
        answers, for the user to check."""
        if closest is None:
            return ()
        subjects = list(dict.fromkeys(closest.subjects[closest.ids[n]] for n in closest.order))
        return tuple(self._voted_version(s, closest) for s in subjects[:MEANING_NAMED])

    def _voted_version(self, subject: str, closest: Closest) -> str:
        """The member's motie on `subject`: a motie and its gewijzigde version count as one
        subject, and the gewijzigde one is the one voted on."""
        same = [i for i in closest.ids if closest.subjects[i] == subject]
        kinds = self.store.record_column(RecordFilter(ids=tuple(same)), "type")
        return max(same, key=lambda i: kinds.get(i) == GEWIJZIGDE_MOTIE)

    def _in_period(self, timeframe: Timeframe, closest: Closest) -> str | None:
        """The subject of the member's motie from the period the question names that stands out
        from their others of that period, when no motie of theirs on another subject comes
        closer, except a twin of it (SUBJECT_TWIN: "de motie van Akerboom uit mei 2023" when she
        asked much the same in June)."""
        dates = self.store.record_column(RecordFilter(ids=tuple(closest.ids)), "date")
        start, end = (int(day.strftime("%Y%m%d")) for day in (timeframe.start, timeframe.end))
        inside = [n for n, i in enumerate(closest.ids) if start <= int(dates.get(i) or 0) <= end]
        best = closest.standing_out(inside)
        if best is None:
            return None
        mine = next(n for n in closest.order if closest.subjects[closest.ids[n]] == best)
        for n in closest.order:
            if n == mine:
                return best
            if closest.subjects[closest.ids[n]] != best and not closest.twins(n, mine):
                return None
        return None

    def _scored(
        self, question: Question, filters: Filters, by_member: bool
    ) -> list[tuple[Coverage, Passage]]:
        """The moties the search finds for the question's subject (up to 20), each with how
        much of the subject it covers; `by_member`: among the moties of the members named."""
        passages = self.retriever.search(question.topic or question.text, filters, k=20)
        if question.names and not by_member:
            # Not an indiener of any motie: the names must stand in the motie's header.
            wanted = [n.lower() for n in question.names]
            passages = [
                p
                for p in passages
                if all(
                    n in f"{p.metadata.get('indieners', '')} {p.metadata.get('title', '')}".lower()
                    for n in wanted
                )
            ]
        drop = question.names if by_member else ()
        # "de liberalisatiegrens niet optrekken" for the motie "de liberalisatiegrens niet
        # verhogen", "laten uitzoeken" for "in kaart brengen": the user's words for what the
        # motie asks alike.
        return [
            (self._coverage(question, p, drop, self._held(question, p.doc_id)), p) for p in passages
        ]

    def _best_motion(
        self,
        question: Question,
        filters: Filters,
        by_member: bool,
        ranking: Callable[[], Closest | None],
    ) -> tuple[str | None, tuple[Passage, ...], tuple[str, ...]]:
        """(the id of the motie that answers, (), the ids of the named member's other moties that
        cover as much of the subject), or (None, the closest ones, ()). `by_member`: the search is
        narrowed to the moties the named members signed; the question's words may then be the
        user's own for one of them ("notoire hardrijders"), not a subject the index lacks;
        `ranking`: those moties by how close their subject comes in meaning."""
        scored = self._scored(question, filters, by_member)
        judge = self.relevance_judge
        # Only the member's motie that the search ranks first may be a paraphrase: further
        # down, a neighbouring subject shares as many words ("Eurovignet" for "rekeningrijden").
        answering = [
            (coverage, p)
            for rank, (coverage, p) in enumerate(scored)
            if judge.answers(coverage, p.dense)
            or (
                by_member
                and rank == 0
                and judge.answers(coverage, p.dense, paraphrase=True)
                and first_in_meaning(ranking(), p.doc_id)
            )
        ]
        if by_member and describes_motie(question):
            # Words of the question the motie lacks ("nachtvluchten", "afschaffen") may be the
            # user's own for what it says, or the point where a neighbouring motie differs.
            answering = [
                (coverage, p)
                for coverage, p in answering
                if not coverage.missing_distinctive or close_in_meaning(ranking(), p.doc_id)
            ]
        # "de motie van Drost over een migratieovereenkomst met Egypte": a motie that never
        # names Egypte and names Tunesië asks the same of another country.
        lacks = {p.doc_id: self._lacks(question, p.doc_id) for _, p in answering}
        answering = [(c, p) for c, p in answering if not any(lacks[p.doc_id])]
        if any(places for places, _, _ in lacks.values()):
            # The member's motie on this subject is about another place: another of theirs
            # answers only when it names the place asked (the A12, not a motie on the same
            # material that names no road). A number differs: the member's motie that names
            # none may be the one ("elke zes maanden" for "periodiek").
            answering = [(c, p) for c, p in answering if self._names_place(question, p.doc_id)]
        if any(directions for _, _, directions in lacks.values()):
            # The member's motie on this subject asks the other way: another of theirs answers
            # only when it asks the way asked; one that asks nothing of the kind is a neighbour.
            answering = [(c, p) for c, p in answering if self._same_way(question, p.doc_id)]
        if answering:
            # Most of the subject first; the fused ranking breaks ties. A member's other moties
            # that cover as much are named with the answer: "de motie van X over warmtepompen"
            # may mean either of two.
            most = max(round(coverage.share, 2) for coverage, _ in answering)
            tied = list(dict.fromkeys(p.doc_id for c, p in answering if round(c.share, 2) == most))
            return tied[0], (), tuple(tied[1:]) if question.names else ()
        if not scored:
            return None, (), ()
        # Most of the subject first, then, in the search's order, others that share some of
        # it and come about as close in meaning.
        first = max(scored, key=lambda item: item[0].share)[1]
        others = [
            p
            for c, p in scored
            if p.doc_id != first.doc_id
            and c.share > 0
            and (p.dense or 0.0) >= (first.dense or 0.0) - NEARBY_DENSE_GAP
        ]
        return None, (first, *others[: NEARBY_MOTIONS - 1]), ()

    def _motion(self, question: Question) -> tuple[Answer, tuple[str, ...]]:
        found = self._motion_candidates(question)
        doc, closest, by_meaning = found.doc, found.closest, found.by_meaning
        if doc is None and question.ids:
            return self._mentioned_only(question)
        reading: Reading | None = None
        if doc is None and question.names and (closest or found.meant):
            # The member's moties hold none on this subject: another member's motie, or a
            # debate about it, is no answer to "de motie van <lid> over ...". A reader (a
            # served language model) may still recognise the closest one as the motie meant.
            first = next(iter(found.meant), None) or closest[0].doc_id
            nearest = self.store.get_document(first) if self.reader else None
            reading = self._reading(question, nearest)
            if reading is None or not reading.verdict:
                refusal = self._not_this_motion(question, closest, found.meant)
                refusal.answer += reading_line(reading, nearest)
                return refusal, ()
            doc = nearest
        if doc is None:
            # No motie record fits: the question may still be answered by a debate or letter.
            answer, doc_ids = self._free(
                replace(question, filters=replace(question.filters, types=()))
            )
            if answer.refused and closest:
                return self._not_this_motion(question, closest), ()
            return answer, doc_ids
        if doc.motion is None and question.aspects & MOTION_ASPECTS:
            # "Wie diende die motie in?" after an answer from a letter: the motie it refers to.
            doc = self._referenced_motion(doc) or doc
        cite = Citations()
        if doc.motion is None and doc.type != TOEZEGGING:
            return self._document_answer(question, doc, cite), (doc.id,)
        lines = self._motion_lines(doc, question.aspects, cite, question)
        unsaid = "" if question.ids or doc.motion is None else self._unsaid(question, doc)
        if reading is None and (by_meaning or unsaid) and question.names:
            # The rules are unsure of this motie: the reader may reject it as a neighbour.
            reading = self._reading(question, doc)
            if reading is not None and reading.verdict is False:
                refusal = self._not_this_motion(question, (), (doc.id, *found.meant))
                refusal.answer += reading_line(reading, doc)
                return refusal, ()
        if reading is not None:  # read after the rules' doubts, which go in front of it
            # The user is asked to check once: by the rules' line when there is one.
            lines.insert(0, reading_line(reading, doc, check=not (by_meaning or unsaid)).strip())
        if unsaid:
            # A paraphrase, or a neighbouring motie: the user sees which of their words it
            # lacks before its outcome ("kansspelbelasting" for a motie on bedenktijd).
            check = "" if by_meaning else "; controleer of het de bedoelde is"
            lines.insert(0, f"Deze motie noemt {unsaid} uit uw vraag niet{check}.")
        if by_meaning:
            # Chosen by meaning alone: the user checks that it is the motie they meant.
            who = " en ".join(question.names)
            lines.insert(
                0,
                f"Herkend aan de betekenis, niet aan de woorden: deze motie van {who} ligt het "
                "dichtst bij uw omschrijving (controleer of het de bedoelde is).",
            )
        alike = self._alike(doc, found.alike)
        lines += self._alike_lines(alike, question, cite)
        answer = Answer(
            question.text,
            " ".join(lines),
            False,
            question.intent,
            cite.items,
            [doc.to_dict()],
            suggestions=[o.id for o in alike],
        )
        return answer, (doc.id,)

    def _reading(self, question: Question, doc: Document | None) -> Reading | None:
        """The reader's verdict on a motie described by the question (None without a reader,
        or for a document that is no motie)."""
        if self.reader is None or doc is None or doc.motion is None:
            return None
        return self.reader.read(question.text, doc.title, motion_asks(doc))

    def _unsaid(self, question: Question, doc: Document) -> str:
        """The specific words of the question's subject that the motie nowhere uses (its
        title, dossier, indieners and text) and that weigh at least as much as any word it
        does use: what makes the question specific ("kansspelbelasting" where it holds
        "loterijen"), not a word of the user's own phrasing beside it. As the user wrote
        them, each in quotes; its act said in the user's words ("optrekken" for "verhogen")
        counts as used."""
        text = " ".join(
            (doc.title, doc.dossier_title or "", *(p.name for p in doc.indieners), doc.text)
        )
        held = self._held(question, doc.id)
        coverage = self._coverage_of(question, text, question.names, held)
        judge = self.relevance_judge
        held_weight = max((judge.weight(s) for s in coverage.covered), default=0.0)
        missing = tuple(s for s in coverage.missing_distinctive if judge.weight(s) >= held_weight)
        if not missing:
            return ""
        # Named only when not written inside a word of the motie ("kastje" in
        # "monitoringskastje"), so that what the line says is literally true, and not when it
        # only joins the sentence ("vóór", "álle").
        lowered = text.lower()
        words = [
            word
            for word in surface_list(question.topic or question.text, missing, self.tokenizer)
            if singular(word.lower()) not in lowered and not function_word(word, self.tokenizer)
        ]
        return listed([f"“{word}”" for word in words])

    def _alike(self, doc: Document, alike: tuple[str, ...]) -> list[Document]:
        """The member's other moties that fit the description as well as the one answered
        (ALIKE_NAMED at most; a motie and its gewijzigde version are one)."""
        subject = motion_subject(doc.title).lower()
        return [
            other
            for other_id in alike
            if (other := self.store.get_document(other_id)) is not None
            and motion_subject(other.title).lower() != subject
        ][:ALIKE_NAMED]

    def _alike_lines(
        self, others: list[Document], question: Question, cite: Citations
    ) -> list[str]:
        """The moties of `_alike`, by title, number and date only: their outcome is not what
        was asked, and the user picks."""
        if not others:
            return []
        listed = "; ".join(
            f"{o.title} ({o.id}"
            + (f", {dutch_date(o.date)}" if o.date else "")
            + f") {cite.cite_field(o, 'Onderwerp:')}"
            for o in others
        )
        who = " en ".join(question.names)
        what = "Ook deze motie van {} past" if len(others) == 1 else "Ook deze moties van {} passen"
        return [
            f"{what.format(who)} bij uw omschrijving: {listed}. Noem het nummer of de maand als "
            "u een andere bedoelt."
        ]

    def _free_or_motion(self, question: Question) -> tuple[Answer, tuple[str, ...]]:
        """A free question whose best source is a motie ("Welke Kamerleden wilden dat de
        verwarming lager ging?"): the motie's record says more than its title (who, when,
        the dictum, the outcome); the other quoted sources follow."""
        answer, doc_ids = self._free(question)
        if answer.refused or not answer.citations:
            return answer, doc_ids
        doc = self.store.get_document(answer.citations[0].id)
        if doc is None or doc.motion is None:
            return answer, doc_ids
        cite = Citations()
        lines = [" ".join(self._motion_lines(doc, question.aspects, cite, question))]
        # The sentences the search chose from the motie's own text hold what was asked as
        # often as the clause picked above: they stay, unless the record already quotes them.
        quoted = [c.quote for c in cite.items]
        own = [
            c.quote
            for c in answer.citations
            if c.id == doc.id and not any(c.quote in q or q in c.quote for q in quoted)
        ]
        lines += [f'Uit de tekst van de motie: "{q}" {cite.cite(doc, q)}.' for q in own[:2]]
        for other in answer.citations:
            source = self.store.get_document(other.id) if other.id != doc.id else None
            if source is not None and len(lines) <= FREE_AFTER_MOTION + len(own[:2]):
                lines.append(f"{other.quote} {cite.cite(source, other.quote)}")
        found = Answer(
            question.text, "\n".join(lines), False, question.intent, cite.items, [doc.to_dict()]
        )
        return found, tuple(dict.fromkeys(c.id for c in cite.items))

    def _not_this_motion(
        self, question: Question, nearby: tuple[Passage, ...], meant: tuple[str, ...] = ()
    ) -> Answer:
        """No motie covers what was asked: say so, and name the closest ones as not the
        answer (the user may recognise the motie they meant). `meant`: the member's moties
        closest in meaning, named first (a paraphrase shares few words with its subject)."""
        words = ""
        lacking: frozenset[str] = frozenset()
        numbers: frozenset[str] = frozenset()
        directions: frozenset[str] = frozenset()
        if nearby:
            coverage = self._coverage(question, nearby[0], question.names)
            missing = coverage.missing_distinctive or coverage.missing
            words = surface_words(question.topic or question.text, missing, self.tokenizer)
        # What the motie named first (closest in meaning) or found first lacks: "over N35" for
        # the member's N36 motie.
        for doc_id in dict.fromkeys([*meant[:1], *(p.doc_id for p in nearby[:1])]):
            lacking, numbers, directions = self._lacking(question, self.store.get_document(doc_id))
            if lacking or numbers or directions:
                break
        if lacking:
            # "over Palestina", not "over Palestijnse": the place the motie does not name
            words = " en ".join(sorted(lacking))
        elif numbers:
            # "over 15 euro", "over driejarige pabo": the number the motie does not name
            words = " en ".join(number_phrases(question.topic or question.text, numbers))
        elif directions:
            # "over bevriezing", "over geen verhoging": the closest motie asks the other way
            words = " en ".join(sorted(directions))
        about = f" over {words}" if words else " die aan de vraag voldoet"
        if question.names:
            about = f" van {' en '.join(question.names)}{about}"
        named = self._named_moties([*meant, *(p.doc_id for p in nearby)])
        if not named:
            return self._refusal(question, f"Ik vond geen motie{about}.")
        cite = Citations()
        first, *others = named
        text = (
            f"Ik vond geen motie{about} in de geïndexeerde bronnen. Het dichtst in de buurt, "
            f"maar niet zeker wat u bedoelt: {first.title} ({first.id}) "
            f"{cite.cite_field(first, 'Onderwerp:')}."
        )
        if question.names and others:
            listed = "; ".join(
                f"{d.title} ({d.id}) {cite.cite_field(d, 'Onderwerp:')}" for d in others
            )
            text += f" Andere moties van {' en '.join(question.names)} in de buurt: {listed}."
        return Answer(
            question.text,
            text,
            True,
            question.intent,
            cite.items,
            suggestions=[first.id, *(d.id for d in others if question.names)],
        )

    def _named_moties(self, doc_ids: list[str]) -> list[Document]:
        """The moties to name in a refusal, in order: one per subject (a motie and its
        gewijzigde version are one), NEARBY_MOTIONS at most."""
        named: list[Document] = []
        for doc_id in dict.fromkeys(doc_ids):
            doc = self.store.get_document(doc_id)
            if doc is None:
                continue
            subject = motion_subject(doc.title).lower()
            if all(motion_subject(d.title).lower() != subject for d in named):
                named.append(doc)
        return named[:NEARBY_MOTIONS]

    def _referenced_motion(self, doc: Document) -> Document | None:
        for ref in doc.references:
            target = self.store.get_document(ref.target)
            if target is not None and target.motion is not None:
                return target
        return None

    def _mentioned_only(self, question: Question) -> tuple[Answer, tuple[str, ...]]:
        """A number that is no document in the index, but that indexed texts mention."""
        found = self._mentions(question, question.ids, "document")
        if found is None:
            missing = ", ".join(question.ids)
            return self._refusal(
                question, f"Ik heb {missing} niet gevonden in de geïndexeerde bronnen."
            ), ()
        return found

    def _motion_lines(
        self,
        doc: Document,
        aspects: frozenset[str],
        cite: Citations,
        question: Question | None = None,
    ) -> list[str]:
        motion = doc.motion
        assert motion is not None
        # "Wat is de status van ...": everything that is known.
        everything = not aspects or aspects == {"status"} or "status" in aspects
        aspects = aspects - {"status"}
        name = motion_name(doc)
        about = doc.title[doc.title.find(" over ") :] if " over " in doc.title else ""
        lines = [f"{name} ({identifiers(doc)}){about} {cite.cite_field(doc, 'Onderwerp:')}."]
        lines += self._motion_text_lines(doc, cite, question)
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
        elif "fulfilment" in aspects or (question is not None and not question.ids):
            # Whether it was adopted says what carrying it out means, and it confirms which
            # motie a description found.
            lines.append(self._outcome_line(doc, cite))
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

    def _motion_text_lines(
        self, doc: Document, cite: Citations, question: Question | None
    ) -> list[str]:
        """What the motie asks, in its own words (the dictum), and the clause of its text that
        holds what the question asks when neither the title nor the dictum does."""
        clauses = motion_clauses(doc.text)
        if not clauses:
            return []
        dictum = next((c for c in clauses if DICTUM_RE.match(c)), None)
        lines = []
        if dictum is not None:
            lines.append(f"De motie {dictum.rstrip(',;')} {cite.cite(doc, dictum)}.")
        if question is None or (question.ids and question.aspects):
            # Asked by number for its outcome, votes or indieners: the dictum says what it is.
            return lines
        # Each part of the question on its own ("Op welk advies en welk wetsartikel ..."): a
        # clause for each thing asked. The whole part, not its topic: a date it names ("per 1
        # januari 2025") is taken out of the topic as a period to search in, but inside this
        # motie it points at the clause.
        others = [c for c in clauses if c != dictum]
        shown_text = f"{doc.title} {dictum or ''}"
        picked: list[str] = []
        for part in question_parts(question.text):
            for clause in self._clauses_for(question, part, shown_text, others):
                picked.append(clause)
                others.remove(clause)
        lines += [f'Uit de tekst van de motie: "{c}" {cite.cite(doc, c)}.' for c in picked]
        return lines

    def _clauses_for(
        self, question: Question, part: str, shown_text: str, clauses: list[str]
    ) -> list[str]:
        """The clauses (at most two) that hold what one question part asks and the title and
        dictum leave out: its subject words, a number or year it names ("per 1 januari 2025"),
        the kind of answer it wants (a number for "hoeveel", a moment for "wanneer")."""
        judge = self.relevance_judge
        names = question.names
        stems = self._content_stems(replace(question, topic=part), names)
        shown = judge.coverage(stems, shown_text)
        wanted = [s for s in shown.missing if s not in names]
        numbers = [n for n in QUESTION_NUMBER_RE.findall(part) if n not in shown_text]
        kind = asked_kind(part)
        lacking = kind is not None and not kind.search(shown_text)
        if not wanted and not lacking and not numbers:
            return []
        aim = wanted or stems

        def score(clause: str) -> float:
            share = judge.coverage(aim, clause).share if aim else 0.0
            share += 0.5 * sum(n in clause for n in numbers) / max(len(numbers), 1)
            if lacking and kind and kind.search(clause) and judge.coverage(stems, clause).share:
                share += 0.5  # holds what kind of answer is asked, on the question's subject
            return share

        others = list(clauses)
        picked: list[str] = []
        for _ in range(2):  # a second clause only for what the first left out
            best = max(others, key=score, default="")
            if not best or score(best) <= 0:
                break
            picked.append(best)
            others.remove(best)
            aim = list(judge.coverage(aim, best).missing)
            numbers = [n for n in numbers if n not in best]
            lacking = lacking and not (kind and kind.search(best))
            if not aim and not lacking and not numbers:
                break
            aim = aim or stems
        return picked

    def _outcome_line(self, doc: Document, cite: Citations) -> str:
        motion = doc.motion
        assert motion is not None
        if motion.outcome == ONBEKEND:
            return "De stemmingsuitslag staat niet in de geïndexeerde bronnen."
        return f"De motie is {motion.outcome} {cite.cite_field(doc, 'BesluitSoort:')}."

    def _outcome_lines(self, doc: Document, aspects: frozenset[str], cite: Citations) -> list[str]:
        motion = doc.motion
        assert motion is not None
        lines = [self._outcome_line(doc, cite)]
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
        found = motion_fulfilment(self.store, doc, self.retriever.index)
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
            how = " (noemt de motie bij indiener en onderwerp, niet bij nummer)"
            via = f", via de vervangende motie {item.via}" if item.via else ""
            lines.append(
                f"Uitvoering (zekerheid {confidence_of(item)}){via}: {kind} '{source.title}'"
                f"{when} {cite.cite(source, item.quote)}{how if item.kind == NAMED else ''}."
            )
        for item in found.responses:
            source = self.store.get_document(item.id)
            if source is None:
                continue
            when = f" van {dutch_date(source.date)}" if source.date else ""
            via = f" (op de vervangende motie {item.via})" if item.via else ""
            lines.append(
                f"Reactie van het kabinet{via}: '{source.title}'{when} "
                f"{cite.cite(source, item.quote)} (een reactie; of de motie daarmee is "
                "uitgevoerd, zegt deze bron niet)."
            )
        motion = doc.motion
        if not found.evidence and explicit and found.responses:
            # The reaction is the document that says what became of the motie: pointing to it
            # says more than "nothing found".
            lines.append(
                "Het kabinet heeft dus op de motie gereageerd; wat er is gedaan, staat in die "
                "brief (de index heeft er alleen het onderwerp van)."
            )
        elif not found.evidence and explicit:
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

    def _period_indieners(self, filters: Filters) -> dict[str, str]:
        """Record id -> indieners, for every record the filters' period holds (no cap)."""
        clause = filters.records()
        return {} if clause is None else self.store.record_column(clause, "indieners")

    def _motion_list(self, question: Question) -> tuple[Answer, tuple[str, ...]]:
        filters = question.filters
        # A period narrows enough to list its records; an outcome alone does not (thousands).
        candidates: list[str] = []
        if filters.date_from:
            # "Welke moties heeft Podt in december ingediend?": a capitalised word that is an
            # indiener of moties in the period is a member name, and the list is theirs.
            indieners = self._period_indieners(filters)
            candidates = list(indieners)[:LIST_RECORDS]
            names = question.names or tuple(
                w
                for w in dict.fromkeys(re.findall(r"(?<!^)\b[A-Z][\w'-]+", question.topic))
                if w not in NOT_NAMES
                and w not in FRACTIES
                and any(_names(w, who) for who in indieners.values())
            )
            if names:
                question = replace(question, names=names)
                candidates = [
                    i for i, who in indieners.items() if any(_names(n, who) for n in names)
                ]
        # Party and member names are filters, not the subject of the moties.
        topic_text = question.topic
        for name in (filters.fractie or "", *question.names):
            topic_text = (
                re.sub(rf"\b{re.escape(name)}\b", " ", topic_text, flags=re.I)
                if name
                else topic_text
            )
        topic = topic_words(topic_text, self.tokenizer)
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


# The operative part of a motie: what the Kamer asks or states.
DICTUM_RE = re.compile(
    r"(?:verzoekt|roept|spreekt\s+(?:uit|als\s+haar\s+mening\s+uit)|draagt|vraagt|keurt|betreurt|"
    r"veroordeelt|dringt|"
    r"besluit|stelt)\b",
    re.IGNORECASE,
)
CLAUSE_END_RE = re.compile(r";\s*\n|,\s*\n(?=en gaat over tot de orde van de dag)")


# What a question asks for when it asks how many or how much (HOW_MANY_RE), and when.
NUMBER_RE = re.compile(
    r"\d|\b(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twintig|honderd|duizend|"
    r"miljoen|miljard|procent|helft|kwart)\w*\b",
    re.IGNORECASE,
)
ASKS_WHEN_RE = re.compile(
    r"\b(?:sinds |vanaf |tot )?wanneer\b|\bwelk jaar\b|\bop welke datum\b|\bhoe laat\b",
    re.IGNORECASE,
)
MOMENT_RE = re.compile(
    rf"\b(?:19|20)\d\d\b|\b(?:{'|'.join(FULL_MONTHS)}|voorjaar|zomer|najaar|winter)\b"
    r"|\b\d{1,2}(?:[.:]\d{2})?\s*uur\b",  # "rond 17.00 uur"
    re.IGNORECASE,
)


# A number or year a question names ("per 1 januari 2025", "1.200 banen"): single digits
# ("1 januari") are too common in clauses to point at one.
QUESTION_NUMBER_RE = re.compile(r"\b\d{2,}(?:[.,]\d+)*\b")


@dataclass(frozen=True)
class Candidates:
    """What the search for a named motie found: the motie (None when none answers), the
    closest moties when none does (closest first), whether only its subject's meaning chose
    it, the member's other moties that fit the description as well, and, when none answers,
    the member's moties closest in meaning."""

    doc: Document | None
    closest: tuple[Passage, ...] = ()
    by_meaning: bool = False
    alike: tuple[str, ...] = ()
    meant: tuple[str, ...] = ()


class Closest:
    """A member's moties ranked by how close their subject comes to the question's."""

    def __init__(
        self,
        ids: list[str],
        subjects: dict[str, str],
        matrix: np.ndarray,
        similarity: np.ndarray,
    ) -> None:
        self.ids = ids
        self.subjects = subjects
        self.matrix = matrix
        self.similarity = similarity
        self.order = [int(n) for n in np.argsort(-similarity, kind="stable")]

    def standing_out(self, among: Iterable[int]) -> str | None:
        """The subject of the closest motie `among` (positions in `ids`), when it comes as close
        as SUBJECT_SIMILAR and SUBJECT_LEAD closer than the next one among them on another
        subject."""
        wanted = set(among)
        ranked = [n for n in self.order if n in wanted]
        if not ranked or self.similarity[ranked[0]] < SUBJECT_SIMILAR:
            return None
        best = self.subjects[self.ids[ranked[0]]]
        others = [n for n in ranked if self.subjects[self.ids[n]] != best]
        if not others:
            return None
        lead = float(self.similarity[ranked[0]] - self.similarity[others[0]])
        return best if lead >= SUBJECT_LEAD else None

    def twins(self, a: int, b: int) -> bool:
        """Whether two moties are on nearly one subject."""
        return float(self.matrix[a] @ self.matrix[b]) >= SUBJECT_TWIN

    def similarity_of(self, doc_id: str) -> float | None:
        """How close the motie's subject comes to the question's; None when it has no vector."""
        if doc_id not in self.subjects:
            return None
        return float(self.similarity[self.ids.index(doc_id)])


def reading_line(reading: Reading | None, doc: Document | None, check: bool = True) -> str:
    """What the reader said of the motie, as a sentence to add to the answer (with a space
    before it), or "" when nothing was read. `check`: a confirmation asks the user to check."""
    if reading is None or doc is None:
        return ""
    who = f"Het taalmodel ({reading.reader})"
    if reading.verdict is None:
        return f" {who} kon {doc.id} niet beoordelen ({reading.problem}); dit volgt de regels."
    if reading.verdict:
        ask = "; controleer of het de bedoelde is" if check else ""
        return f" {who} las {doc.id} en vindt dat deze motie vraagt wat u beschrijft{ask}."
    return f" {who} las {doc.id} en vindt dat deze motie iets anders vraagt dan u beschrijft."


def first_in_meaning(closest: Closest | None, doc_id: str) -> bool:
    """Whether no motie of the member on another subject comes closer in meaning to the
    question's subject than `doc_id` (PARAPHRASE_MEANING_GAP): a paraphrase shares few words,
    and a neighbouring motie shares as many."""
    mine = closest.similarity_of(doc_id) if closest else None
    if closest is None or mine is None:
        return True
    top = closest.order[0]
    if closest.subjects[closest.ids[top]] == closest.subjects[doc_id]:
        return True
    return float(closest.similarity[top]) - mine <= PARAPHRASE_MEANING_GAP


def close_in_meaning(closest: Closest | None, doc_id: str) -> bool:
    """Whether the motie's subject comes as close in meaning to the question's as
    SUBJECT_FLOOR (True when there is nothing to compare)."""
    similarity = closest.similarity_of(doc_id) if closest else None
    return similarity is None or similarity >= SUBJECT_FLOOR


def question_subject(question: Question) -> str:
    """The question's words for the motie's subject: what follows the member's name, without
    the framing ("mede ondertekende", "aangenomen"); the whole topic without the names when
    the name comes last."""
    after = _after_names(question)
    if len(after.split()) >= 2:
        return after
    rest = question.topic or question.text
    for name in question.names:
        rest = re.sub(rf"\b{re.escape(name)}\b", " ", rest, flags=re.IGNORECASE)
    return " ".join(rest.split()).rstrip(" ?")


def _after_names(question: Question) -> str:
    """What follows the last member name in the question, without the framing."""
    topic = question.topic or question.text
    after = ""
    first = len(topic)
    for name in question.names:
        found = list(re.finditer(rf"\b{re.escape(name)}\b", topic, re.IGNORECASE))
        if found:
            after = topic[found[-1].end() :]
            first = min(first, found[0].start())
    after = FOLLOWING_QUESTION_RE.sub("", after)
    # "de motie over windmolens van Kops": the description comes before the name
    before = DESCRIBED_BEFORE_RE.search(topic[:first])
    if before and len(SUBJECT_FRAMING_RE.sub("", after.strip(" ,")).split()) < 2:
        after = before.group(1)
    # ", ingediend in januari, over ...": the time words are already out of the topic
    after = SUBJECT_FRAMING_RE.sub("", after.strip(" ,")).strip(" ,").rstrip(" ?.")
    # "... ingetrokken?" asks what became of the motie, not to withdraw something; "... is
    # aangenomen of verworpen?" asks its outcome
    return re.sub(
        r"(?:\s+(?:aangenomen|afgelopen|af|ingetrokken|aangehouden|verworpen|uitgevoerd"
        r"|is|werd|of))+$",
        "",
        after,
        flags=re.IGNORECASE,
    )


def describes_motie(question: Question) -> bool:
    """Whether a question of one part describes the motie after the member's name ("de motie
    van X om ...", "... over ..."): its subject is then all it says of the motie, not a question
    about its content ("Wat moet de taskforce uit de motie-Dral aanpakken, en wanneer ...")."""
    after = _after_names(question)
    # "over mantelzorg" names a subject in one word; "over dat" or "dat brengen" does not
    fewest = DESCRIPTION_WORDS - 1 if ONE_WORD_SUBJECT_RE.match(after) else DESCRIPTION_WORDS
    return (
        bool(DESCRIPTION_RE.match(after))
        and len(after.split()) >= fewest
        and len(question_parts(question.text)) == 1
    )


def asked_kind(question: str) -> re.Pattern[str] | None:
    """What the answer must hold: a number ("hoeveel"), a moment ("wanneer"), or None."""
    if HOW_MANY_RE.search(question):
        return NUMBER_RE
    if ASKS_WHEN_RE.search(question):
        return MOMENT_RE
    return None


def motion_text(doc: Document) -> str:
    """Where a motie names places: its title and its whole text."""
    return f"{doc.title} {doc.text}"


def motion_asks(doc: Document) -> str:
    """What a motie asks: its subject and its dictum (its considerations describe what it
    wants to change)."""
    return " ".join([motion_subject(doc.title), *motion_dictum(doc.text)])


def motion_dictum(text: str) -> list[str]:
    """What a motie asks or states ("verzoekt de regering ..."), each part verbatim."""
    return [c for c in motion_clauses(text) if DICTUM_RE.match(c)]


def motion_clauses(text: str) -> list[str]:
    """The considerations and the dictum of a motie's text, each verbatim ("constaterende dat
    ...;", "verzoekt de regering ...,"), without the opening and the closing formula."""
    body = text.split("gehoord de beraadslaging,", 1)[-1]
    body = body.split("en gaat over tot de orde van de dag", 1)[0]
    clauses = [" ".join(c.split()).rstrip(",;") for c in CLAUSE_END_RE.split(body)]
    return [c for c in clauses if len(c) >= 20]


def _names(name: str, indieners: str) -> bool:
    """'Van Baarle' names 'F. van Baarle (DENK)'."""
    return re.search(rf"\b{re.escape(name)}\b", indieners, re.IGNORECASE) is not None
