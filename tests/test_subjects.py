"""Motie subjects compared in meaning: the vectors ingest keeps per motie, and the member's motie
whose subject stands out from their others answers a description in the user's own words."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.answer import naming
from assistant.ask import Answerer
from assistant.ask_motions import (
    PARAPHRASE_MEANING_GAP,
    SUBJECT_FLOOR,
    SUBJECT_LEAD,
    SUBJECT_SIMILAR,
    SUBJECT_TWIN,
    close_in_meaning,
    describes_motie,
    first_in_meaning,
    question_subject,
)
from assistant.compose import build_services
from assistant.doctor import diagnose
from assistant.documents import GEWIJZIGDE_MOTIE, MOTIE, Document, Motion, Person
from assistant.embed import HashEmbedder
from assistant.question import parse_question, with_known_members
from assistant.records import RecordFilter, motion_subject, pack_vector
from assistant.retrieve import Filters
from assistant.settings import Settings
from assistant.store import Store
from ingest.pipeline import Ingestor

TODAY = dt.date(2026, 12, 5)


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        (
            "Motie van het lid Boutkan c.s. over onderzoeken hoe vliegen kan worden beprijsd",
            "onderzoeken hoe vliegen kan worden beprijsd",
        ),
        (
            "Gewijzigde motie van de leden Podt en Rajkowski over het migratiepact "
            "(t.v.v. 36200-12)",
            "het migratiepact",
        ),
        ("Motie van het lid Van der Plas ter bevordering van boeren", "bevordering van boeren"),
        ("Kamerbrief over stikstof", "Kamerbrief over stikstof"),  # no motie header: kept
    ],
)
def test_a_motie_subject_is_its_title_without_the_header(title: str, subject: str) -> None:
    assert motion_subject(title) == subject


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        (
            "Wat werd er besloten over de motie die Arib mede ondertekende om uit te zoeken "
            "hoe het zit?",
            "om uit te zoeken hoe het zit",
        ),
        ("Is de motie van Knops aangenomen om zwart geld te weren?", "om zwart geld te weren"),
        ("Is de motie van Knops c.s. aangenomen om geld te weren?", "om geld te weren"),
        ("Hoe liep de motie van Akerboom uit mei 2023 af over provincies?", "over provincies"),
        (
            "Welke motie over de kottervisserij diende Jansen in?",
            "Welke motie over de kottervisserij diende in",
        ),
        # What became of the motie is framing, not what it asks ("ingetrokken" is no act).
        ("Is de motie van Knops over de mestfraude ingetrokken?", "over de mestfraude"),
        ("Is de motie van Knops over de pachtprijzen aangehouden?", "over de pachtprijzen"),
        # how it was filed is framing too
        ("Is de motie die door Knops werd ingediend over de pacht aangenomen?", "over de pacht"),
        ("Is de motie van Knops, ingediend in mei 2023, over de pacht verworpen?", "over de pacht"),
        ("Is de motie van Knops over de pacht aangenomen of verworpen?", "over de pacht"),
        ("Weet u of de motie van Knops over de pacht is aangenomen?", "over de pacht"),
    ],
)
def test_the_subject_of_a_question_about_a_members_motie(question: str, subject: str) -> None:
    # The member's name as the answerer finds it (also names only the store knows: "Arib").
    parsed = parse_question(question, TODAY)
    name = next(w for w in ("Arib", "Knops", "Akerboom", "Jansen") if w in question)
    assert question_subject(replace(parsed, names=(name,))) == subject


class CountingEmbedder(HashEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.subjects: list[str] = []

    def embed_similar(self, texts: list[str]) -> list[list[float]]:
        self.subjects += texts
        return super().embed_similar(texts)


def test_ingest_keeps_one_vector_per_motie_subject_and_makes_it_again_only_when_it_changes(
    fixtures: Path, tmp_path: Path
) -> None:
    settings = Settings(store=tmp_path / "store")
    store = Store.open(settings)
    embedder = CountingEmbedder()
    Ingestor(store, embedder, settings).run([fixtures / "odata", fixtures / "xml"])
    moties = store.record_ids(RecordFilter(types=(MOTIE, GEWIJZIGDE_MOTIE)))
    assert moties and set(store.subject_vectors(moties)) == set(moties)
    assert len(embedder.subjects) == len(moties)

    Ingestor(store, embedder, settings).run([fixtures / "odata", fixtures / "xml"])
    assert len(embedder.subjects) == len(moties)  # nothing new

    first = store.get_document(moties[0])
    assert first is not None
    store.put_documents([Document(**{**first.__dict__, "title": "Motie van het lid X over iets"})])
    store.delete_document(moties[1])
    found = {f.key: f for f in diagnose(settings, embedder=embedder).findings}
    assert found["subjects_without_vector"].count == 1  # `kamer doctor` tells
    assert store.subjects_to_embed() == [(moties[0], "iets")]
    assert moties[1] not in store.subject_vectors(moties)


def unit(*values: float) -> list[float]:
    norm = math.sqrt(sum(v * v for v in values))
    return [v / norm for v in values]


class FixedEmbedder(HashEmbedder):
    """Compares every question subject as the vector the test sets."""

    query = unit(1, 0, 0, 0)

    def embed_similar(self, texts: list[str]) -> list[list[float]]:
        return [self.query for _ in texts]


def jansens_moties(
    tmp_path: Path, parks: str = "recreatieparken"
) -> tuple[Answerer, FixedEmbedder]:
    """Four moties of Jansen, two of them on `parks` (a motie and its gewijzigde version), each
    subject with its own vector."""
    settings = Settings(store=tmp_path / "store")
    store = Store.open(settings)
    jansen = [Person("Jansen", "PVV")]
    subjects = {
        "kst-1-1": (f"Motie van het lid Jansen over {parks}", unit(1, 0, 0, 0), MOTIE),
        "kst-1-2": ("Motie van het lid Jansen over zonnepanelen", unit(0, 1, 0, 0), MOTIE),
        "kst-1-3": ("Motie van het lid Jansen over wolven", unit(0, 0, 1, 0), MOTIE),
        "kst-1-4": (
            f"Gewijzigde motie van het lid Jansen over {parks} (t.v.v. 1-1)",
            unit(1, 0, 0, 0),
            GEWIJZIGDE_MOTIE,
        ),
    }
    store.put_documents(
        [
            Document(id=i, type=kind, title=title, indieners=jansen, motion=Motion())
            for i, (title, _, kind) in subjects.items()
        ]
    )
    store.put_subject_vectors(
        [(i, motion_subject(t), pack_vector(v)) for i, (t, v, _) in subjects.items()]
    )
    embedder = FixedEmbedder()
    answerer = build_services(settings, embedder=embedder, today=TODAY).answerer
    return answerer, embedder


@pytest.fixture
def members_moties(tmp_path: Path) -> tuple[Answerer, FixedEmbedder]:
    return jansens_moties(tmp_path)


def chosen(answerer: Answerer, question: str) -> str | None:
    """The motie the question is taken to mean, when only its subject's meaning chose it."""
    found = answerer._motion_candidates(parse_question(question, TODAY))
    # These stores have no passages for the words to find.
    assert found.doc is None or found.by_meaning
    return found.doc.id if found.doc else None


def test_the_members_motie_whose_subject_stands_out_answers(
    members_moties: tuple[Answerer, FixedEmbedder],
) -> None:
    answerer, embedder = members_moties
    question = "Is de motie van Jansen over vakantieparken aangenomen?"
    # The motie and its gewijzigde version are one subject: the gewijzigde one was voted on.
    assert chosen(answerer, question) == "kst-1-4"
    # Close, but no lead over another subject of the member's.
    embedder.query = unit(1, 1, 0, 0)
    assert chosen(answerer, question) is None
    # A lead, but not close enough.
    embedder.query = unit(SUBJECT_SIMILAR - 0.02, 0, 0, 0.72)
    assert chosen(answerer, question) is None
    # Close enough and just the lead.
    closest = SUBJECT_SIMILAR + 0.01
    embedder.query = [closest, closest - SUBJECT_LEAD - 0.01, 0.0]
    embedder.query += [math.sqrt(1 - sum(v * v for v in embedder.query))]
    assert chosen(answerer, question) == "kst-1-4"


def test_a_motie_chosen_by_meaning_alone_asks_the_way_asked(tmp_path: Path) -> None:
    """Chosen by its meaning alone, the motie to keep the parks open is the one asked with
    other words for keeping them open, not the one asked to ban them (a direction it never
    asks, though not its opposite) or to close them. A motie that names no direction may
    say it in words of its own."""
    answerer, _ = jansens_moties(tmp_path, "recreatieparken openhouden")
    assert chosen(answerer, "Is de motie van Jansen om vakantieparken open te houden aangenomen?")
    assert chosen(answerer, "Is de motie van Jansen over vakantieparken aangenomen?")
    ban = "Is de motie van Jansen om vakantieparken te verbieden aangenomen?"
    assert not chosen(answerer, ban)
    assert not chosen(answerer, "Is de motie van Jansen om vakantieparken te sluiten aangenomen?")
    plain, _ = jansens_moties(tmp_path / "plain", "recreatieparken")
    assert chosen(plain, ban)


def test_a_motie_chosen_by_meaning_alone_says_so(
    members_moties: tuple[Answerer, FixedEmbedder],
) -> None:
    answerer, _ = members_moties
    answer = answerer.ask("Is de motie van Jansen over vakantieparken aangenomen?")
    assert not answer.refused
    assert answer.answer.startswith("Herkend aan de betekenis, niet aan de woorden")
    assert "kst-1-4" in {c.id for c in answer.citations}
    # ... and which of the user's words it lacks; one inside a word of its own ("parken" in
    # "recreatieparken") it does not lack.
    assert (
        "(controleer of het de bedoelde is). Deze motie noemt “vakantieparken” uit uw vraag "
        "niet. De gewijzigde motie-Jansen" in answer.answer
    )
    parks = answerer.ask("Is de motie van Jansen over parken aangenomen?")
    assert parks.answer.startswith("Herkend aan de betekenis") and "noemt" not in parks.answer


def test_a_refusal_names_the_members_motie_closest_in_meaning_first(
    members_moties: tuple[Answerer, FixedEmbedder],
) -> None:
    """Too little lead to answer: the refusal still names the motie closest in meaning first
    (the voted version), as a candidate to check, never with its outcome."""
    answerer, embedder = members_moties
    embedder.query = unit(1, 0.9, 0, 0)  # recreatieparken, but zonnepanelen comes close
    answer = answerer.ask("Is de motie van Jansen over vakantieparken aangenomen?")
    assert answer.refused
    assert answer.answer.startswith("Ik vond geen motie van Jansen")
    assert "Het dichtst in de buurt, maar niet zeker wat u bedoelt: Gewijzigde motie" in (
        answer.answer
    )
    assert [c.id for c in answer.citations][:1] == ["kst-1-4"]
    assert "aangenomen" not in answer.answer and "Stemmen" not in answer.answer
    # The user picks it: the question again, with its number, is answered about that motie.
    assert answer.suggestions == ["kst-1-4", "kst-1-2"]  # the two closest subjects
    picked = answerer.ask(naming(answer.question, "kst-1-4"))
    assert not picked.refused and picked.citations[0].id == "kst-1-4"


def test_a_paraphrase_the_words_accept_must_come_first_in_meaning(
    members_moties: tuple[Answerer, FixedEmbedder],
) -> None:
    """A motie that shares only some of the question's words is taken for the user's own wording
    of it only when none of the member's moties on another subject comes closer in meaning."""
    answerer, embedder = members_moties
    question = parse_question("Is de motie van Jansen over vakantieparken aangenomen?", TODAY)
    moties = Filters(types=(MOTIE, GEWIJZIGDE_MOTIE))

    def first(doc_id: str) -> bool:
        return first_in_meaning(answerer._closest(question, moties), doc_id)

    assert first("kst-1-1") and first("kst-1-4")  # the closest, and its gewijzigde version
    assert not first("kst-1-2")
    gap = 0.8 * PARAPHRASE_MEANING_GAP  # as close as the closest, give or take that gap
    embedder.query = unit(1, 1 - gap * math.sqrt(2), 0, 0)
    assert first("kst-1-1") and first("kst-1-2") and not first("kst-1-3")
    embedder.query = unit(1, 1 - 3 * gap * math.sqrt(2), 0, 0)
    assert not first("kst-1-2")


def test_a_motie_the_words_accept_while_it_lacks_distinctive_words_comes_close_in_meaning(
    members_moties: tuple[Answerer, FixedEmbedder],
) -> None:
    answerer, embedder = members_moties
    question = parse_question("Is de motie van Jansen over vakantieparken aangenomen?", TODAY)
    ranked = answerer._closest(question, Filters(types=(MOTIE, GEWIJZIGDE_MOTIE)))
    assert close_in_meaning(ranked, "kst-1-1")
    assert not close_in_meaning(ranked, "kst-1-2")  # zonnepanelen: far off
    assert close_in_meaning(ranked, "kst-9-9")  # no subject vector: nothing to compare
    assert close_in_meaning(None, "kst-1-2")
    # One motie signed by both members named is weighed alone.
    alone = answerer._closest(question, Filters(types=(MOTIE,), doc_ids=("kst-1-2",)))
    assert not close_in_meaning(alone, "kst-1-2")
    embedder.query = unit(SUBJECT_FLOOR, math.sqrt(1 - SUBJECT_FLOOR**2) - 0.001, 0, 0)
    ranked = answerer._closest(question, Filters(types=(MOTIE, GEWIJZIGDE_MOTIE)))
    assert close_in_meaning(ranked, "kst-1-1") and not close_in_meaning(ranked, "kst-1-3")


@pytest.mark.parametrize(
    ("question", "describes"),
    [
        ("Is de motie van Jansen aangenomen om de bouw van grote datacenters te verbieden?", True),
        ("Hoe liep de motie van Jansen en Pietersen af over de sluiting van de SEH?", True),
        ("Wat vond het kabinet van de motie van Jansen waarin de Kamer uitspreekt dat ...?", True),
        ("Is de motie van Jansen over wolven aangenomen?", True),  # a subject in one word
        ("Hoe zit het met de motie van Jansen over dat?", False),
        (
            "Wat moet de taskforce uit de motie-Jansen aanpakken, en wanneer moet het plan van "
            "aanpak er uiterlijk liggen?",
            False,
        ),
        ("Naar welke ondergrens wil de motie-Jansen dat brengen?", False),
        ("Is de motie van Jansen, die vraagt om een nieuwe SEH in Heerlen, aangenomen?", True),
        ("Is de motie van Jansen die de regering verzoekt de SEH open te houden verworpen?", True),
        ("Zijn de gevolgen al in kaart gebracht, zoals Jansen in zijn motie vroeg?", False),
    ],
)
def test_a_question_describes_a_motie_after_the_members_name(
    question: str, describes: bool
) -> None:
    assert describes_motie(parse_question(question, TODAY)) is describes


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        (
            "Jansen vroeg in een motie om de SEH in Heerlen open te houden. Is die aangenomen?",
            "om de SEH in Heerlen open te houden",
        ),
        (
            "Heeft Jansen een motie ingediend om de SEH in Heerlen open te houden, en is die "
            "aangenomen?",
            "om de SEH in Heerlen open te houden",
        ),
        (
            "Jansen diende een motie in over de SEH in Heerlen. Hoe is daarover gestemd?",
            "over de SEH in Heerlen",
        ),
        # a role before the name, and a co-signer's "diende mee ... in"
        (
            "De VVD'er Jansen diende mee een motie in om de SEH in Heerlen open te houden. Is "
            "die aangenomen?",
            "om de SEH in Heerlen open te houden",
        ),
        # a given name first, and the motie named by "haar"
        (
            "Anna Jansen wilde dat de SEH in Heerlen open bleef. Wat vond het kabinet van haar "
            "motie?",
            "dat de SEH in Heerlen open bleef",
        ),
    ],
)
def test_a_motie_described_before_the_question_about_it(question: str, subject: str) -> None:
    known = with_known_members(parse_question(question, TODAY), {"Jansen"}.__contains__)
    assert known.names == ("Jansen",)
    assert describes_motie(known)
    assert question_subject(known) == subject


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("Is de door Jansen ingediende motie over de sluiting van de SEH aangenomen?", ["Jansen"]),
        # lower case: "over" once read as the surname after a given name ("jansen over")
        ("Is de motie van jansen over de sluiting van de SEH aangenomen?", ["Jansen"]),
        ("Is motie Jansen over de sluiting van de SEH aangenomen?", ["Jansen"]),
        ("Is de motie van Jansen cs over de sluiting van de SEH aangenomen?", ["Jansen"]),
        ("Is de motie van Jansen e.a. over de sluiting van de SEH aangenomen?", ["Jansen"]),
        ("Is de motie van Jansen en anderen over de sluiting van de SEH aangenomen?", ["Jansen"]),
        (
            "Is de motie van Jansen (PVV) en Pietersen (BBB) over de sluiting van de SEH "
            "aangenomen?",
            ["Jansen", "Pietersen"],
        ),
        (
            "Is de Jansen/Pietersen-motie over de sluiting van de SEH aangenomen?",
            ["Jansen", "Pietersen"],
        ),
        # the description before the name
        ("Is de motie over de sluiting van de SEH van Jansen aangenomen?", ["Jansen"]),
        (
            "Wat is de status van de motie over de sluiting van de SEH die Jansen indiende?",
            ["Jansen"],
        ),
        (
            "Wat vond het kabinet van de motie over de sluiting van de SEH, ingediend door "
            "Jansen en Pietersen?",
            ["Jansen", "Pietersen"],
        ),
    ],
)
def test_the_subject_after_the_name_in_other_forms(question: str, names: list[str]) -> None:
    members = {"Jansen", "Pietersen"}.__contains__
    known = with_known_members(parse_question(question, TODAY), members)
    assert list(known.names) == names
    assert describes_motie(known)
    assert question_subject(known) == "over de sluiting van de SEH"


def test_the_members_fractie_in_brackets_is_no_part_of_the_subject() -> None:
    question = parse_question(
        "Is de motie van Jansen (CDA) over de sluiting van de SEH aangenomen?", TODAY
    )
    known = with_known_members(question, {"Jansen"}.__contains__)
    assert describes_motie(known)
    assert question_subject(known) == "over de sluiting van de SEH"


def dated_moties(tmp_path: Path, asked_again: list[float]) -> tuple[Answerer, FixedEmbedder]:
    """Jansen asked for a deadline in May 2023 and, in words `asked_again` stands for, in June;
    the month tells the two apart."""
    settings = Settings(store=tmp_path / "store")
    store = Store.open(settings)
    jansen = [Person("Jansen", "PVV")]
    moties = {
        "kst-2-1": (
            "een deadline voor indeplaatsstelling",
            dt.date(2023, 5, 10),
            unit(1, 0.2, 0, 0),
        ),
        "kst-2-2": ("een uiterste datum voor de provincies", dt.date(2023, 6, 20), asked_again),
        "kst-2-3": ("wolven", dt.date(2023, 5, 11), unit(0, 0, 1, 0)),
        "kst-2-4": ("zonnepanelen", dt.date(2023, 6, 1), unit(0, 0, 0, 1)),
    }
    store.put_documents(
        [
            Document(
                id=i,
                type=MOTIE,
                title=f"Motie van het lid Jansen over {subject}",
                date=day,
                indieners=jansen,
                motion=Motion(),
            )
            for i, (subject, day, _) in moties.items()
        ]
    )
    store.put_subject_vectors([(i, s, pack_vector(v)) for i, (s, _, v) in moties.items()])
    embedder = FixedEmbedder()
    answerer = build_services(settings, embedder=embedder, today=TODAY).answerer
    return answerer, embedder


def test_the_month_asked_tells_two_moties_on_one_subject_apart(tmp_path: Path) -> None:
    twin = unit(1, -0.2, 0, 0)
    assert sum(a * b for a, b in zip(twin, unit(1, 0.2, 0, 0), strict=True)) >= SUBJECT_TWIN
    answerer, embedder = dated_moties(tmp_path, twin)
    embedder.query = unit(1, -0.02, 0, 0.6)  # a little closer to June's, with no lead

    def asked(when: str) -> str | None:
        return chosen(answerer, f"Is de motie van Jansen {when}over een termijn aangenomen?")

    assert asked("") is None
    assert asked("uit mei 2023 ") == "kst-2-1"
    assert asked("uit juni 2023 ") == "kst-2-2"
    assert asked("uit maart 2023 ") is None  # no motie of his then


def test_a_month_does_not_pass_over_a_closer_motie_on_another_subject(tmp_path: Path) -> None:
    other = unit(1, -0.5, 0, 0)  # not a twin of May's motie, and closer to the question
    assert sum(a * b for a, b in zip(other, unit(1, 0.2, 0, 0), strict=True)) < SUBJECT_TWIN
    answerer, embedder = dated_moties(tmp_path, other)
    embedder.query = unit(1, -0.2, 0, 0.3)  # closer to June's, with no lead
    assert (
        chosen(answerer, "Is de motie van Jansen uit mei 2023 over een termijn aangenomen?") is None
    )
