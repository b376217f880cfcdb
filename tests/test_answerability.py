"""Answerability: a passage answers only when it covers the question's distinctive content;
moties asked by indiener and subject; numbers named in texts; moties carried out by name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assistant.answer import Citations
from assistant.ask import Answerer
from assistant.ask_base import question_parts, surface_words, surname, topic_words
from assistant.ask_motions import DICTUM_RE, MOMENT_RE, NUMBER_RE, asked_kind, motion_clauses
from assistant.compose import build_services
from assistant.documents import Document
from assistant.embed import HashEmbedder
from assistant.question import (
    COMMITMENT,
    FREE,
    MOTION,
    as_signed,
    find_names,
    parse_question,
    with_known_members,
)
from assistant.relevance import Coverage, Relevance, contains, text_words
from assistant.retrieve import Filters, Passage, one_edit_apart, spelled_alike
from assistant.settings import Settings
from assistant.store import Store
from assistant.tokens import shared_tokenizer
from ingest.extract import identifier_pattern, sentences_naming
from ingest.pipeline import Ingestor

TODAY = dt.date(2026, 11, 29)

# A letter written for these tests (not a real document): it names a toezegging only in a
# footnote and the motie-Podt/Rajkowski only by its indieners, never by number.
LETTER = """De Minister van Asiel en Migratie

Kamerbrief

Betreft Stand van zaken informatievoorziening migratiepact

Datum

15 april 2026

Geachte voorzitter,

Met deze brief geef ik invulling aan de motie van de leden Podt en Rajkowski over het
periodiek informeren van de Kamer over de voortgang van de implementatie van het migratiepact.
De toezegging³ over de rapportage van de IND is hiermee afgedaan.

De Minister van Asiel en Migratie

³ TZ202603-017
"""


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    fixtures = Path(__file__).parent / "fixtures"
    root = tmp_path_factory.mktemp("answerability")
    letter = root / "brief" / "kamerbrief-2026-04-15.txt"
    letter.parent.mkdir()
    letter.write_text(LETTER, encoding="utf-8")
    settings = Settings(store=root / "store", relevance=0.7)
    Ingestor(Store.open(settings), HashEmbedder(), settings).run(
        [fixtures / "xml", fixtures / "odata", fixtures / "nota", letter.parent]
    )
    return build_services(settings, embedder=HashEmbedder(), today=TODAY).answerer


@pytest.mark.parametrize(
    ("stem", "found"),
    [
        ("asiel", True),  # inside a compound
        ("zeewierteelt", True),  # a compound of two words that are there
        ("kernfusie", False),
        ("zee", False),  # short stems only as whole words
        ("afstandseis", True),  # the linking s spelled the other way
        ("asielsinstroom", True),
        ("teeltsysteem", False),  # not an s that links two parts that are there
        ("zeewiersteelt", True),  # a linking s after the first part of a compound
        ("afkeurt", True),  # a verb's -t where the text has another form
        ("langstuder", True),  # a verb's stem with its vowel doubled inside a compound
        ("studer", True),
        ("boeter", False),
    ],
)
def test_a_stem_is_found_as_a_word_inside_a_word_or_as_a_compound(stem: str, found: bool) -> None:
    words = text_words(
        "Over de teelt van zeewier, de asielinstroom en een afstandeis afkeuren; de "
        "langstudeerboete"
    )
    assert contains(words, stem) is found


def test_a_specific_stem_is_rare_in_a_large_index_and_any_stem_in_a_small_one() -> None:
    frequency = {"liberalisatiegren": 12, "regering": 40_000}
    large = Relevance(_Counts(100_000, frequency), dense_threshold=0.88)  # type: ignore[arg-type]
    assert large.specific("liberalisatiegren") and not large.specific("regering")
    small = Relevance(_Counts(40, {"regering": 30}), dense_threshold=0.88)  # type: ignore[arg-type]
    assert small.specific("regering")


def test_a_missing_rare_term_weighs_more_than_a_missing_common_one(answerer: Answerer) -> None:
    judge = Relevance(answerer.retriever.index, dense_threshold=0.88)
    common = judge.weight("migratiepact")
    rare = judge.weight("zeewierteelt")
    assert rare > common
    coverage = judge.coverage(["migratiepact", "zeewierteelt"], "Het Europese Migratiepact")
    assert coverage.missing_distinctive == ("zeewierteelt",)
    assert coverage.share < 0.5
    assert not judge.answers(coverage, dense=0.3)


def test_a_passage_found_only_lexically_can_answer(answerer: Answerer) -> None:
    judge = Relevance(answerer.retriever.index, dense_threshold=0.88)
    assert judge.answers(Coverage(0.9, ("a", "b"), (), ()), dense=None)
    assert not judge.answers(Coverage(0.4, ("a",), ("b",), ("b",)), dense=None)


def test_a_motie_asked_by_indiener_and_subject(answerer: Answerer) -> None:
    answer = answerer.ask("Is de motie van Podt en Rajkowski over het migratiepact aangenomen?")
    assert not answer.refused
    assert "kst-32317-913" in {c.id for c in answer.citations}


def test_a_motie_of_an_indiener_on_another_subject_is_not_presented(answerer: Answerer) -> None:
    answer = answerer.ask("Is de motie van Podt over zeewierteelt aangenomen?")
    assert answer.refused
    assert answer.answer.startswith("Ik vond geen motie van Podt over zeewierteelt")
    assert "niet zeker wat u bedoelt" in answer.answer
    assert "is aangenomen" not in answer.answer and "Stemmen:" not in answer.answer


def test_a_toezegging_named_only_in_a_footnote_is_found_with_its_sentence(
    answerer: Answerer,
) -> None:
    answer = answerer.ask("Is toezegging TZ202603-017 nagekomen?")
    assert not answer.refused, answer.answer
    assert "De toezegging³ over de rapportage van de IND is hiermee afgedaan." in answer.answer
    assert "Volgens deze tekst is het uitgevoerd of afgedaan." in answer.answer
    assert {c.quote for c in answer.citations} >= {
        "De toezegging³ over de rapportage van de IND is hiermee afgedaan."
    }


def test_a_motie_carried_out_by_a_letter_that_names_only_its_indieners(
    answerer: Answerer,
) -> None:
    answer = answerer.ask("Is de motie 32317-913 uitgevoerd?")
    assert "kamerbrief-2026-04-15" in " ".join(c.id for c in answer.citations) or any(
        "Met deze brief geef ik invulling aan de motie" in c.quote for c in answer.citations
    )
    assert "Uitvoering (zekerheid middel)" in answer.answer


def test_sentences_naming_an_identifier_in_the_body_and_in_footnotes() -> None:
    text = "Dit gaat over 2024D12345. Hiermee is de toezegging¹ afgedaan.\n\n¹ TZ202309-010\n"
    assert sentences_naming(text, "TZ202309-010") == ["Hiermee is de toezegging¹ afgedaan."]
    assert sentences_naming(text, "2024d12345") == ["Dit gaat over 2024D12345."]
    assert sentences_naming(text, "TZ999") == []


# -- names, spellings and compound questions (found on the first blind question set) ----------


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("Wat is er gebeurd met de motie van Van der Plas over Gazprom?", ("Van der Plas",)),
        ("de motie-Podt/Rajkowski over het migratiepact", ("Podt", "Rajkowski")),
        ("de motie van de leden Van Haga en De Hoop over iets", ("Van Haga", "De Hoop")),
        ("de motie van het lid Kostić", ("Kostić",)),
        # A given name is read with the name; `with_known_members` decides whether it stays.
        ("de motie van Caroline van der Plas over boeren", ("Caroline van der Plas",)),
        ("de motie van Lilian Marijnissen en Jesse Klaver", ("Lilian Marijnissen", "Jesse Klaver")),
        ("de motie van Van Kent over de AOW", ("Van Kent",)),
        # A comma list, as the header of a motie lists its indieners.
        ("de motie van Kops, Mulder en Van Haga over windmolens", ("Kops", "Mulder", "Van Haga")),
        ("de motie van Kops,Vermeer over woningbouw", ("Kops", "Vermeer")),
        # ... but a role after the comma says who the first one is.
        ("de motie van Kops, Kamerlid voor de PVV, over windmolens", ("Kops",)),
        ("de motie van Kops, PVV-Kamerlid, over windmolens", ("Kops",)),
        ("de motie van Kops, de PVV'er, over windmolens", ("Kops",)),
        # "mevrouw", "de heer"
        ("de motie van mevrouw Van Beukering over kinderopvang", ("Van Beukering",)),
        ("de motie van de heer Kops over windmolens", ("Kops",)),
        ("het voorstel van mevr. Bikker over mantelzorg", ()),  # a proposal: see proposer_names
        # a tussenvoegsel in lower case in a sentence
        ("Is de motie van van der Woude over flexstuderen aangenomen?", ("Van der Woude",)),
        # Who is not asked about: "ik bedoel niet de eerdere motie van Leijten en Van Nispen".
        ("de motie van Dobbe c.s.? Ik bedoel niet de eerdere motie van Leijten", ("Dobbe",)),
    ],
)
def test_member_names_keep_their_tussenvoegsel(question: str, names: tuple[str, ...]) -> None:
    assert find_names(question) == names


def test_a_member_known_as_indiener_makes_a_proposal_question_a_motie_question() -> None:
    question = parse_question(
        "Wat is er terechtgekomen van het voorstel van Podt om het migratiepact uit te voeren?",
        TODAY,
    )
    assert question.intent == FREE and not question.names
    known = with_known_members(question, lambda name: name == "Podt")
    assert known.intent == MOTION and known.names == ("Podt",)
    # A name no motie was signed by, or a fractie, is no member.
    assert with_known_members(question, lambda name: False) == question
    asked = parse_question("Heeft de PVV daar iets over gezegd?", TODAY)
    assert with_known_members(asked, lambda name: name == "PVV").names == ()


def test_a_given_name_stays_only_where_the_indieners_hold_it() -> None:
    """Moties name "Van der Plas", seldom "Caroline van der Plas"; "Léon de Jong" is held
    whole, and tells him from Romke de Jong."""
    signers = {"Van der Plas", "Léon de Jong", "De Jong", "Omtzigt", "Marijnissen"}
    for asked, kept in [
        ("Is de motie van SP-leider Lilian Marijnissen over winst aangenomen?", ("Marijnissen",)),
        ("Is de motie van Caroline van der Plas over boeren aangenomen?", ("Van der Plas",)),
        ("Is de motie van Léon de Jong over de Wajong aangenomen?", ("Léon de Jong",)),
        ("Is de motie van Omtzigt CDA over de toeslagen aangenomen?", ("Omtzigt",)),
        ("Is de motie van Van der Plas over boeren aangenomen?", ("Van der Plas",)),
        ("Is de motie van Jan Onbekend over boeren aangenomen?", ("Jan Onbekend",)),
    ]:
        question = with_known_members(parse_question(asked, TODAY), signers.__contains__)
        assert question.names == kept, asked
        assert question.intent == MOTION
        assert not {"Caroline", "CDA", "Lilian", "SP-leider"} & set(question.topic.split())


def test_a_given_name_that_is_a_members_surname_is_dropped() -> None:
    """Found on the blind DEV set desc7: "Paul van Meenen" is no signer of the moties that hold
    both "Paul" and "Van Meenen" (those are Paul's, co-signed by Van Meenen); "Léon" signs
    nearly only as Léon de Jong."""
    moties = {"Van Meenen": 42, "Paul van Meenen": 12, "Paul": 46}
    moties |= {"De Jong": 165, "Léon de Jong": 85, "Léon": 86}
    members = moties.__contains__
    assert as_signed("Paul van Meenen", members, moties.__getitem__) == "Van Meenen"
    assert as_signed("Léon de Jong", members, moties.__getitem__) == "Léon de Jong"
    question = parse_question(
        "Is de motie van D66'er Paul van Meenen aangenomen om de drempels voor chauffeurs weg "
        "te nemen?",
        TODAY,
    )
    known = with_known_members(question, members, moties=moties.__getitem__)
    assert known.names == ("Van Meenen",)
    assert "Paul" not in known.topic.split()


def test_a_misspelled_member_is_found_where_only_a_name_can_stand() -> None:
    """ "het voorstel van Alkaja": the respelling is asked for the word after "voorstel van"
    only, never for any capitalised word of the question."""
    question = parse_question(
        "Wat is er gebeurd met het voorstel van Alkaja over een belasting voor Miljardairs?",
        TODAY,
    )
    asked: list[str] = []

    def respell(name: str) -> str | None:
        asked.append(name)
        return "Alkaya" if name == "Alkaja" else None

    known = with_known_members(question, lambda name: name == "Alkaya", respell)
    assert known.names == ("Alkaya",) and known.intent == MOTION
    assert asked == ["Alkaja"]
    assert with_known_members(question, lambda name: name == "Alkaya").names == ()


def test_proposals_named_by_their_proposers_in_the_users_own_words() -> None:
    """Found on the blind DEV set desc5: a request, a call, a co-signer, a name in lower case
    or one letter off, a first name the indieners seldom give."""
    moties = {"Omtzigt": 323, "Pieter Omtzigt": 2, "Pieter": 2, "Dassen": 60, "Van Raan": 200}
    moties |= {"Marijnissen": 57, "Van Campen": 40}
    members = moties.__contains__
    respell = {"Marijnisen": "Marijnissen"}.get

    def names(asked: str) -> tuple[str, ...]:
        question = parse_question(asked, TODAY)
        known = with_known_members(question, members, respell, moties.__getitem__)
        assert known.intent == MOTION, asked
        return known.names

    assert names(
        "Hoe liep het verzoek van Pieter Omtzigt en Dassen af om voor 7 november met een brief "
        "te komen?"
    ) == ("Omtzigt", "Dassen")
    assert names("Is de oproep van PvdD-Kamerlid van raan aangenomen?") == ("Van Raan",)
    assert names("Is de motie van van raan over vliegen aangenomen?") == ("Van Raan",)
    # A given name before it (in lower case too): the name as a whole is the member's.
    assert names("Is de motie van lammert van raan over vliegen aangenomen?") == ("Van Raan",)
    assert names("Is de motie van dassen over vliegen aangenomen?") == ("Dassen",)
    assert names(
        "Wat is er gebeurd met de motie die Lilian Marijnisen mede indiende om de bezuiniging "
        "op de jeugdzorg van tafel te halen?"
    ) == ("Marijnissen",)
    assert names(
        "Is de motie aangenomen die van raan mede ondertekende om vliegen te beperken?"
    ) == ("Van Raan",)
    # The motie asked about comes first; the one it is about is its subject.
    assert names(
        "Is de motie van Omtzigt aangenomen om de motie-De Groot/Van Campen niet uit te voeren?"
    ) == ("Omtzigt",)
    assert as_signed("Van Campen", members, moties.__getitem__) == "Van Campen"
    # A party is no proposer, and a free question about a motie written out stays free.
    party = parse_question("Welke moties van de PVV zijn in september 2022 verworpen?", TODAY)
    assert with_known_members(party, lambda name: name.lower() == "de").names == ()
    free = parse_question(
        "Met welke organisaties is gesproken ter uitvoering van de motie-Simons c.s.?", TODAY
    )
    assert with_known_members(free, members, respell, moties.get).intent == FREE


def test_a_partys_motie_is_searched_by_its_subject_not_by_the_party() -> None:
    question = parse_question(
        "Is de BBB-motie over het uitstellen van de warmtepompplicht aangenomen?", TODAY
    )
    assert question.intent == MOTION
    assert "BBB" not in question.topic and "motie over het uitstellen" in question.topic
    # A compound that is no party stays: "de stikstof-motie".
    assert "stikstof-motie" in parse_question("Is de stikstof-motie aangenomen?", TODAY).topic


def test_who_else_signed_and_a_type_code_are_weighed_as_the_user_means_them() -> None:
    """ "c.s." says who filed the motie, not what it is about; "F-16" is one term of the
    subject, not a letter and a number (nor is the "s" of "F-16's" a term)."""
    question = parse_question(
        "Is de motie van Veldkamp c.s. aangenomen om meer F-16's aan Oekraïne te leveren?", TODAY
    )
    assert "c.s" not in question.topic
    stems = topic_words(question.topic, shared_tokenizer())
    assert "f16" in stems and not {"c", "s", "f"} & set(stems)
    assert contains(text_words("Motie over de levering van F-16's aan Oekraïne"), "f16")
    assert not contains(text_words("Motie over meer Patriotsystemen en F-35's"), "f16")
    assert surface_words(question.text, ("f16",), shared_tokenizer()) == "F-16"


def test_a_promise_in_a_named_motions_subject_is_no_commitment_question() -> None:
    asked = (
        "Is de motie van Kops aangenomen om de belofte van 15 miljoen voor het fonds in te trekken?"
    )
    assert parse_question(asked, TODAY).intent == MOTION
    for promise in [
        "Welke toezeggingen deed de minister over de motie van Kops?",
        "Is de belofte over de motie-Kops nagekomen?",
    ]:
        assert parse_question(promise, TODAY).intent == COMMITMENT, promise


def test_a_member_typed_in_lower_case_is_found_after_motie() -> None:
    question = parse_question("Wat gebeurde er met de motie van podt over het pact?", TODAY)
    known = with_known_members(question, lambda name: name == "Podt")
    assert known.names == ("Podt",)
    assert "status" in known.aspects
    # Lower case elsewhere is no name: "de motie van vorige week".
    other = parse_question("Is de motie van vorige week aangenomen?", TODAY)
    assert with_known_members(other, lambda name: name == "Vorige").names == ("Vorige",)
    assert with_known_members(other, lambda name: False).names == ()


@pytest.mark.parametrize(
    "question",
    [
        "Hoe liep het af met de motie van Omtzigt om ISIS-kopstukken te vervolgen?",
        "Hoe is de motie van Van Dijck tegen nog meer Europese schulden afgelopen?",
    ],
)
def test_asking_how_a_motie_ended_asks_for_its_outcome(question: str) -> None:
    assert "outcome" in parse_question(question, TODAY).aspects
    assert "outcome" not in parse_question("Wat is er de afgelopen jaren gebeurd?", TODAY).aspects


@pytest.mark.parametrize(
    ("question", "asks_indieners"),
    [
        ("Wat werd er besloten over de motie die Arib mede ondertekende om X te doen?", False),
        ("Wat is er gebeurd met het voorstel dat Belhaj mede indiende om X te doen?", False),
        ("Hoe liep de motie met De Neef als medeondertekenaar over X af?", False),
        ("Wie heeft de motie over stikstof ingediend?", True),
        ("Door wie is de motie over X ondertekend?", True),
    ],
)
def test_a_motie_named_by_who_signed_it_does_not_ask_for_its_indieners(
    question: str, asks_indieners: bool
) -> None:
    assert ("indieners" in parse_question(question, TODAY).aspects) is asks_indieners


def test_a_paraphrase_of_a_named_members_motie_needs_less_shared_wording() -> None:
    """Narrowed to a named member's moties, the user's own words ("notoire hardrijders") may
    be absent from every text and share a quarter of the weight, if the meaning is as close;
    a subject with hardly a word in common ("zeewierteelt") stays no answer."""
    judge = Relevance(_Counts(5000, {"wegenverkeerswet": 40}), dense_threshold=0.88)  # type: ignore[arg-type]
    paraphrased = Coverage(0.47, ("wegenverkeerswet",), ("hardrijder",), ("hardrijder",))
    assert not judge.answers(paraphrased, dense=0.714)
    assert judge.answers(paraphrased, dense=0.714, paraphrase=True)
    unrelated = Coverage(0.1, ("motie",), ("zeewierteelt",), ("zeewierteelt",))
    assert not judge.answers(unrelated, dense=0.85, paraphrase=True)
    far = Coverage(0.3, ("wegenverkeerswet",), ("hardrijder",), ("hardrijder",))
    assert not judge.answers(far, dense=0.6, paraphrase=True)


def test_a_paraphrase_in_words_the_index_knows_passes_a_lower_bar_than_one_it_does_not() -> None:
    """0.67 + 0.5 x 0.38 = 0.86: below the bar of 0.88, above the eased bar of 0.82, when
    every missing word occurs in some text ("zwaarste gedetineerden"); a missing word that no
    text holds ("knobbelzwanen") keeps the full bar."""
    counts = {"wegenverkeerswet": 40, "detineer": 300}
    judge = Relevance(_Counts(5000, counts), dense_threshold=0.88)  # type: ignore[arg-type]
    known = Coverage(0.38, ("locatie",), ("detineer",), ("detineer",))
    assert judge.answers(known, dense=0.67, paraphrase=True)
    assert not judge.answers(known, dense=0.67)
    unknown = Coverage(0.38, ("locatie",), ("knobbelzwaan",), ("knobbelzwaan",))
    assert not judge.answers(unknown, dense=0.67, paraphrase=True)
    assert not judge.answers(known, dense=0.62, paraphrase=True)


def test_a_period_the_question_names_is_searched_first_among_a_members_moties(
    answerer: Answerer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "de motie van Podt van maart 2026": that month's moties first; nothing there, then
    all of them (a month misremembered still finds the motie)."""
    searched: list[Filters] = []
    search = answerer.retriever.search

    def recording(query: str, filters: Filters, k: int = 8) -> list[Passage]:
        searched.append(filters)
        return search(query, filters, k)

    monkeypatch.setattr(answerer.retriever, "search", recording)
    answer = answerer.ask(
        "Is de motie van Podt en Rajkowski van januari 2019 over het migratiepact aangenomen?"
    )
    assert searched[0].date_from == dt.date(2019, 1, 1) and searched[0].doc_ids
    assert searched[1].date_from is None and searched[1].doc_ids == searched[0].doc_ids
    assert "kst-32317-913" in {c.id for c in answer.citations}


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        ("koekoek", "koekkoek", True),  # one letter left out
        ("podt", "pdot", True),  # two neighbours swapped
        ("kroger", "kruger", True),  # one letter changed
        ("podt", "podt", False),
        ("koekoek", "koekkoeks", False),  # two letters
        ("rajkowski", "rakjowsik", False),
    ],
)
def test_one_edit_apart(a: str, b: str, apart: bool) -> None:
    assert one_edit_apart(a, b) is apart and one_edit_apart(b, a) is apart


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("verkuylen", "verkuijlen", True),  # "ij" written "y"
        ("rijkaart", "ryckaart", True),  # and one letter changed
        ("nipsen", "nispen", True),
        ("verkuylen", "verkuylen", False),  # the same name: nothing to respell
        ("verkuylen", "vorkuijlens", False),  # two letters besides
        ("mulder", "molders", False),
    ],
)
def test_spelled_alike(a: str, b: str, alike: bool) -> None:
    assert spelled_alike(a, b) is alike and spelled_alike(b, a) is alike


def test_a_member_named_with_a_typo_where_the_pattern_finds_a_name() -> None:
    """ "de motie van SP'er Van Nipsen": the pattern takes the name, which no motie holds as
    typed; the member one letter off is meant (found on DEV r25)."""
    question = parse_question(
        "Hoe liep de motie van SP'er Van Nipsen af om vaker tolken in te schakelen?", TODAY
    )
    members = {"Van Nispen", "Nispen"}.__contains__
    known = with_known_members(question, members, {"Nipsen": "Nispen"}.get)
    assert known.names == ("Van Nispen",)
    assert "Nipsen" not in known.topic
    assert with_known_members(question, members).names == ("SP'er Van Nipsen",)


@pytest.mark.parametrize(
    ("text", "names", "topic"),
    [
        ("Is Agema's motie over heupen aangenomen?", ("Agema",), "motie van Agema over"),
        ("Is Kops' motie over windmolens aangenomen?", ("Kops",), "motie van Kops over"),
        # Bikker's motie: "Bikkers" signed a few moties, Bikker hundreds
        ("Is Bikkers motie over mantelzorg aangenomen?", ("Bikker",), "motie van Bikker over"),
        ("Is Kops motie over windmolens aangenomen?", ("Kops",), "motie van Kops over"),
        (
            "Wat vond het kabinet van Omtzigts gewijzigde motie over box 3?",
            ("Omtzigt",),
            "van gewijzigde motie van Omtzigt over",
        ),
        # "van" is the preposition here, not a tussenvoegsel
        ("Wat werd de uitslag van Westervelds motie?", ("Westerveld",), "motie van Westerveld"),
        ("Is De motie over heupen aangenomen?", (), "De motie over"),
        ("Is de Bikker-motie over mantelzorg aangenomen?", ("Bikker",), "motie van Bikker over"),
        ("Is de CDA-motie over mantelzorg aangenomen?", (), "motie over"),  # a fractie
        ("Is Bikkers voorstel om mantelzorg te steunen aangenomen?", ("Bikker",), "voorstel van"),
    ],
)
def test_a_motie_named_by_the_genitive_of_its_indiener(
    text: str, names: tuple[str, ...], topic: str
) -> None:
    moties = {"Agema": 200, "Kops": 111, "Bikker": 398, "Bikkers": 7, "Omtzigt": 300}
    moties["Westerveld"] = 150
    known = with_known_members(
        parse_question(text, TODAY), moties.__contains__, moties=lambda n: moties.get(n, 0)
    )
    assert known.names == names
    assert topic in known.topic


@pytest.mark.parametrize(
    "text",
    [
        "Is de motie van het CDA-Kamerlid Bikker over mantelzorg aangenomen?",
        "Is de motie van de ChristenUnie-fractievoorzitter Bikker over mantelzorg aangenomen?",
        "Is het voorstel van het Kamerlid Bikker over mantelzorg aangenomen?",
    ],
)
def test_the_article_before_a_members_role_is_no_part_of_the_name(text: str) -> None:
    """ "van het CDA-Kamerlid Bikker" once read "van het CDA-Kamerlid" as a name with its
    tussenvoegsel."""
    known = with_known_members(parse_question(text, TODAY), {"Bikker"}.__contains__)
    assert known.names == ("Bikker",)


@pytest.mark.parametrize(
    "text",
    [
        "Is de motie van Kops, Kamerlid voor de PVV, over windmolens op zee aangenomen?",
        "Is de motie van Kops (PVV) over windmolens op zee aangenomen?",
        "Is de motie van Kops, de PVV'er, over windmolens op zee aangenomen?",
    ],
)
def test_who_the_member_is_after_the_name_is_no_subject(text: str) -> None:
    """ "Kops, Kamerlid voor de PVV," once made "Kamerlid" and "PVV" subject words that the
    motie lacks."""
    known = with_known_members(parse_question(text, TODAY), {"Kops"}.__contains__)
    assert known.names == ("Kops",)
    assert "PVV" not in known.topic and "Kamerlid" not in known.topic
    assert "windmolens op zee" in known.topic


def test_a_short_surname_with_ij_written_as_i_or_y() -> None:
    """ "Van Eik" for Van Eijk: three letters, too short to guess one edit off, but "ij"
    written as "i" or "y" is a spelling, not a guess."""
    from assistant.retrieve import ChunkIndex

    counts = {"eijk": 40, "eik": 0, "dijk": 30, "dik": 0}

    class Records:
        def signer_count(self, word: str) -> int:
            return counts.get(word, 0)

        def signer_counts(self, prefix: str) -> dict[str, int]:
            return {w: n for w, n in counts.items() if w.startswith(prefix) and n}

        def double_surnames_ending(self, part: str) -> dict[str, int]:
            return {}

    class Lexical:
        records = Records()

    index = ChunkIndex.__new__(ChunkIndex)
    index.lexical = Lexical()  # type: ignore[assignment]
    assert index.respelled("Van Eik") == "Van Eijk"
    assert index.respelled("Eyk") == "Eijk"
    assert index.respelled("Dik") == "Dijk"
    assert index.respelled("Eek") is None  # three letters one edit off: anyone's guess


def test_a_surname_one_letter_off_finds_the_member_who_signed(answerer: Answerer) -> None:
    index = answerer.retriever.index
    assert index.respelled("Rajkowksi") == "Rajkowski"
    assert index.respelled("Rajkowski") is None  # signed moties as typed: no other reading
    assert index.respelled("Podt") is None  # signed as typed
    assert index.respelled("Podd") == "Podt"  # four letters: one member that near
    assert index.respelled("Pod") is None  # three: too short to guess
    assert index.respelled("Xyzzyq") is None
    # the first part of a double surname
    assert index.respelled("Rikkers") == "Rikkers-Oosterkamp"
    assert index.respelled("Van Rikkers") == "Van Rikkers-Oosterkamp"
    # ... or its second part, whatever letter the double surname starts with
    assert index.respelled("Oosterkamp") == "Rikkers-Oosterkamp"
    answer = answerer.ask("Is de motie van Rikkers over een regionaal budget aangenomen?")
    assert not answer.refused and "Rikkers-Oosterkamp" in answer.answer
    answer = answerer.ask("Is de motie van Rajkowksi over het migratiepact aangenomen?")
    assert "kst-32317-913" in {c.id for c in answer.citations}


def test_the_evidence_for_a_members_moties_is_measured_against_the_best_candidate(
    answerer: Answerer,
) -> None:
    """What bench/fit_motion_model.py records per candidate (assistant.motion_fit): each of the
    member's moties the search found, in its order, measured against the best of them."""
    from assistant.documents import GEWIJZIGDE_MOTIE, MOTIE
    from assistant.motion_fit import evidence as measured
    from assistant.retrieve import Filters

    question = answerer.read(
        "Is de motie van Podt aangenomen om de Kamer te informeren over de voortgang van de "
        "implementatie van het migratiepact?"
    )
    moties = Filters(types=(MOTIE, GEWIJZIGDE_MOTIE), doc_ids=answerer._member_moties(question))
    scored = answerer._scored(question, moties, True)
    evidence = measured(answerer.relevance_judge, scored, answerer._closest(question, moties))
    assert len(evidence) == len(scored) > 0
    assert [e.rank for e in evidence] == list(range(len(scored)))
    assert max(e.share_gap for e in evidence) == 0 and max(e.dense_gap for e in evidence) == 0
    assert max(e.bm25_ratio for e in evidence) == pytest.approx(1.0)
    ids = [p.doc_id for _, p in scored]
    meant = evidence[ids.index("kst-32317-913")]
    assert meant.share > 0.5 and meant.first_in_meaning


def test_a_member_with_a_tussenvoegsel_finds_their_moties(answerer: Answerer) -> None:
    index = answerer.retriever.index
    assert index.doc_ids_signed_by(["Podt"])
    assert not index.doc_ids_signed_by(["Van Podt"])


@pytest.mark.parametrize(
    "text",
    [
        "beantwoord met een brief (36 471-64) op 7 juni",
        "zie Kamerstuk 36 471, nr. 64.",
        "Kamerstukken 36471, nrs. 64",
        "kst-36471-64",
    ],
)
def test_a_kamerstuk_is_named_in_every_spelling(text: str) -> None:
    assert identifier_pattern("kst-36471-64").search(text)


@pytest.mark.parametrize("text", ["136 471-64", "36 471-640", "36 471, nr. 6"])
def test_a_kamerstuk_pattern_does_not_match_other_numbers(text: str) -> None:
    assert not identifier_pattern("kst-36471-64").search(text)


def test_a_roman_numbered_kamerstuk_is_named_in_every_spelling() -> None:
    pattern = identifier_pattern("kst-36410-XIV-38")
    assert all(pattern.search(t) for t in ("36 410 XIV, nr. 38", "36410-XIV-38"))


def test_a_question_that_asks_two_things_is_split() -> None:
    assert question_parts(
        "Welke standaard geldt als veilig, en hoe heet het programma daarvoor?"
    ) == ["Welke standaard geldt als veilig", "hoe heet het programma daarvoor?"]
    assert question_parts("Welke brieven zijn verstuurd, en wanneer?") == [
        "Welke brieven zijn verstuurd, en wanneer?"
    ]


def test_two_clauses_of_one_description_are_one_question() -> None:
    """ "en hoe" after a clause that "hoe" opened inside the question continues that clause;
    "en hoeveel" after a question that opened with "Hoeveel" asks a second thing."""
    described = (
        "Is de motie aangenomen die Ellemeet mede ondertekende om bij de normen mee te laten "
        "wegen hoe dichtbij die zorg is en hoe leefbaar een regio blijft?"
    )
    assert question_parts(described) == [described]
    assert question_parts("Hoeveel Kamerleden stemden voor en hoeveel tegen de motie?") == [
        "Hoeveel Kamerleden stemden voor",
        "hoeveel tegen de motie?",
    ]
    assert question_parts("Wat vroeg de motie over hoe scholen werken, en hoe liep die af?") == [
        "Wat vroeg de motie over hoe scholen werken",
        "hoe liep die af?",
    ]
    # The question opens after an earlier sentence, or after a preposition.
    assert question_parts(
        "Er is hoofdelijk gestemd. Hoeveel stemden voor en hoeveel stemden tegen?"
    ) == [
        "Er is hoofdelijk gestemd. Hoeveel stemden voor",
        "hoeveel stemden tegen?",
    ]
    assert question_parts("Op welk advies en welk wetsartikel beroept de motie zich?") == [
        "Op welk advies",
        "welk wetsartikel beroept de motie zich?",
    ]


@pytest.mark.parametrize(
    ("name", "surname_"),
    [("C.A.M. van der Plas", "Van der Plas"), ("H.M. de Hoop", "De Hoop"), ("Podt", "Podt")],
)
def test_a_motie_is_named_after_the_whole_surname(name: str, surname_: str) -> None:
    assert surname(name) == surname_


def test_a_subject_no_text_names_is_no_motie_even_when_the_meaning_is_near(
    answerer: Answerer,
) -> None:
    answer = answerer.ask("Is er een motie aangenomen over zeewierteelt bij het migratiepact?")
    assert answer.refused, answer.answer
    assert "is aangenomen" not in answer.answer and "Stemmen:" not in answer.answer


def test_a_motie_text_splits_into_its_considerations_and_dictum() -> None:
    text = (
        "De Kamer,\ngehoord de beraadslaging,\nconstaterende dat er elk jaar 3.500 baby's "
        "met het RS-virus in het ziekenhuis belanden;\nverzoekt de regering het RSV-vaccin op te "
        "nemen in het Rijksvaccinatieprogramma,\nen gaat over tot de orde van de dag.\nPaulusma"
    )
    assert motion_clauses(text) == [
        "constaterende dat er elk jaar 3.500 baby's met het RS-virus in het ziekenhuis belanden",
        "verzoekt de regering het RSV-vaccin op te nemen in het Rijksvaccinatieprogramma",
    ]
    assert motion_clauses("") == []


def test_a_motie_answer_quotes_what_the_motie_asks(answerer: Answerer) -> None:
    answer = answerer.ask("Wat is de status van de motie kst-32317-913?")
    dictum = [c for c in answer.citations if c.quote.startswith("verzoekt")]
    assert dictum, answer.answer
    assert f"De motie {dictum[0].quote.rstrip(',;')} [{dictum[0].n}]" in answer.answer


def test_a_when_question_quotes_the_sentence_that_says_when(answerer: Answerer) -> None:
    passage = Passage(
        "x#1",
        "x",
        "Het migratiepact treedt in werking als de keten op de nieuwe regels is voorbereid. "
        "Het migratiepact treedt op 12 juni 2026 in werking in alle lidstaten van de Unie.",
        {},
        1.0,
    )
    asked = parse_question("Wanneer treedt het migratiepact in werking?", TODAY)
    best = answerer._best_sentences(asked, [passage], limit=1)
    assert "12 juni 2026" in best[0][1]
    plain = parse_question("Hoe treedt het migratiepact in werking?", TODAY)
    assert "voorbereid" in answerer._best_sentences(plain, [passage], limit=1)[0][1]


def test_a_question_for_causes_quotes_the_sentence_after_the_finding_that_gives_one(
    answerer: Answerer,
) -> None:
    """The cause shares no word with the question, only with the sentence before it."""
    passage = Passage(
        "x#1",
        "x",
        "Er kunnen verschillende oorzaken zijn voor de financiële problemen van "
        "jeugdzorgaanbieders. Uit dit onderzoek blijkt dat de winstmarge van "
        "jeugdzorgaanbieders daalt. Vermoedelijk hangt de dalende winstmarge samen met "
        "stijgende personeelslasten. De Jeugdautoriteit volgt de sector.",
        {},
        1.0,
    )
    asked = parse_question(
        "Wat zijn oorzaken van de financiële problemen bij jeugdzorgaanbieders?", TODAY
    )
    quoted = [s for _, s in answerer._best_sentences(asked, [passage], limit=2)]
    assert any("personeelslasten" in s for s in quoted)
    plain = parse_question("Hoe gaat het met de financiën van jeugdzorgaanbieders?", TODAY)
    assert not any(
        "personeelslasten" in s for _, s in answerer._best_sentences(plain, [passage], limit=2)
    )


def test_a_question_for_an_amount_quotes_the_sentence_that_names_one(answerer: Answerer) -> None:
    passage = Passage(
        "x#1",
        "x",
        "Voor de opslag van consumentenvuurwerk in een woonwijk geldt niet enkel een afstandseis "
        "tot woningen maar een totaalpakket. Voor de opslag van consumentenvuurwerk in een "
        "woonwijk geldt daarnaast een minimale afstandseis van 8 meter tot woningen.",
        {},
        1.0,
    )
    asked = parse_question("Welke afstandseis geldt voor de opslag van consumentenvuurwerk?", TODAY)
    assert "8 meter" in answerer._best_sentences(asked, [passage], limit=1)[0][1]
    plain = parse_question(
        "Geldt er een afstandseis voor de opslag van consumentenvuurwerk?", TODAY
    )
    assert "8 meter" not in answerer._best_sentences(plain, [passage], limit=1)[0][1]


def test_a_source_reference_is_never_quoted_and_headings_are_left_out(
    answerer: Answerer,
) -> None:
    passage = Passage(
        "x#1",
        "x",
        "Antwoord 2\nHet is aan het lokale gezag om demonstraties bij de intocht van Sinterklaas"
        " in goede banen te leiden.\n1 Hart van Nederland, intocht van Sinterklaas in Enter "
        "afgelast (https://www.hartvannederland.nl/regio/sinterklaas-enter).",
        {},
        1.0,
    )
    asked = parse_question("Wie gaat over de intocht van Sinterklaas in Enter?", TODAY)
    picked = [s for _, s in answerer._best_sentences(asked, [passage], limit=3)]
    assert picked == [
        "Het is aan het lokale gezag om demonstraties bij de intocht van Sinterklaas in goede "
        "banen te leiden."
    ]


def test_a_free_question_answered_by_a_motie_gives_its_record(answerer: Answerer) -> None:
    answer = answerer.ask(
        "Wie wilden de belangen van het kind meenemen als criterium in het plaatsingsbeleid?"
    )
    assert not answer.refused, answer.answer
    first = answer.answer.splitlines()[0]
    assert first.startswith("De motie-Koekkoek/Ceder (kst-19637-3185"), first
    assert "Ingediend door" in first and "De motie is aangenomen" in first


class _Counts:
    """Just what Relevance reads of a chunk index: its size and document frequencies."""

    def __init__(self, size: int, frequencies: dict[str, int]) -> None:
        self.size = size
        self.frequencies = frequencies

    def document_frequency(self, stem: str) -> int:
        return self.frequencies.get(stem, 0)


def test_a_term_no_chunk_holds_is_forgiven_only_by_a_very_close_meaning() -> None:
    near = Coverage(0.6, ("migratiepact",), ("bacterievuur",), ("bacterievuur",))
    large = Relevance(_Counts(5000, {"migratiepact": 50}), dense_threshold=0.88)  # type: ignore[arg-type]
    assert not large.answers(near, dense=0.7)  # 0.7 + 0.5 x 0.6 would pass without the rule
    assert large.answers(near, dense=0.85)  # a synonym or another spelling
    # In a handful of documents most words are absent: absence says nothing there.
    small = Relevance(_Counts(200, {"migratiepact": 5}), dense_threshold=0.88)  # type: ignore[arg-type]
    assert small.answers(near, dense=0.7)


def test_a_question_for_a_motie_is_no_commitment_question_for_a_promise_it_describes() -> None:
    asked = parse_question(
        "In welke motie wordt geconstateerd dat de beloofde granaten niet op tijd komen?", TODAY
    )
    assert asked.intent == MOTION
    promise = parse_question("Wat heeft de minister beloofd over de motie van Podt?", TODAY)
    assert promise.intent == COMMITMENT


@pytest.mark.parametrize(
    "clause",
    ["verzoekt de regering ...", "spreekt uit dat ...", "keurt de uitingen af", "roept op tot ..."],
)
def test_the_dictum_of_a_motie_is_recognised(clause: str) -> None:
    assert DICTUM_RE.match(clause)
    assert not DICTUM_RE.match("constaterende dat de regering verzoekt ...")


def test_passages_naming_a_motie_by_member_come_from_one_query(answerer: Answerer) -> None:
    lexical = answerer.retriever.index.lexical
    everything = list(lexical.iter_all())
    found = lexical.near_since(["motie"], ["podt"], 6, 0, ())
    assert found and all("podt" in c.search_text.lower() and c.meta.get("date") for c in found)
    assert [c.meta["date"] for c in found] == sorted(c.meta["date"] for c in found)
    holding = {
        c.pos
        for c in everything
        if "motie" in c.search_text.lower() and "podt" in c.search_text.lower()
    }
    assert {c.pos for c in found} <= holding
    assert lexical.near_since(["motie"], ["podt"], 6, 99991231, ()) == []
    kept = lexical.near_since(["motie"], ["podt"], 6, 0, ("motie",))
    assert kept and all(c.meta.get("type") != "motie" for c in kept) and len(kept) < len(found)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Hoeveel opvangplekken wil de motie?", NUMBER_RE),
        ("Hoe hoog wordt de vliegbelasting?", NUMBER_RE),
        ("Welk bedrag noemt de motie?", NUMBER_RE),
        ("Sinds wanneer geldt de regel?", MOMENT_RE),
        ("In welk jaar begon het?", MOMENT_RE),
        ("Wie dienden de motie in?", None),
    ],
)
def test_what_a_question_asks_for(question: str, kind: object) -> None:
    assert asked_kind(question) is kind


def test_a_motie_answer_quotes_the_clause_that_holds_the_asked_number(answerer: Answerer) -> None:
    """Title and dictum name the subject but no number; asked how long, the consideration
    with the figure on that subject is quoted, not the other one."""
    doc = Document(
        id="kst-99999-1",
        type="motie",
        title="Motie van het lid Jansen over de wachttijd bij de IND",
        text=(
            "De Kamer,\ngehoord de beraadslaging,\nconstaterende dat de wachttijd bij de IND "
            "gemiddeld 42 weken bedraagt;\noverwegende dat de IND een belangrijke organisatie "
            "is;\nverzoekt de regering de wachttijd bij de IND te verkorten,\nen gaat over tot "
            "de orde van de dag."
        ),
    )
    question = parse_question("Hoe lang is de wachttijd bij de IND volgens de motie?", TODAY)
    quoted = " ".join(answerer._motion_text_lines(doc, Citations(), question))
    assert "gemiddeld 42 weken" in quoted
    assert "belangrijke organisatie" not in quoted


_CAPACITEITSVERLOF = Document(
    id="kst-99999-2",
    type="motie",
    title="Motie van het lid Jansen over capaciteitsverlof niet opnemen in de regeling",
    text=(
        "De Kamer,\ngehoord de beraadslaging,\nconstaterende dat in het RSJ-advies van 18 april "
        "wordt aangegeven dat capaciteitsverlof de straf wijzigt;\nconstaterende dat de "
        "minister het capaciteitsverlof baseert op artikel 26 van de Penitentiaire "
        "beginselenwet;\nconstaterende dat het capaciteitsverlof per 1 januari 2024 drie dagen "
        "telde;\nconstaterende dat het capaciteitsverlof per 1 januari 2025 tien dagen telt;"
        "\nverzoekt de regering capaciteitsverlof "
        "niet op te nemen in de regeling,\nen gaat over tot de orde van de dag."
    ),
)


def test_a_two_part_question_gets_a_clause_for_each_part(answerer: Answerer) -> None:
    """ "Op welk advies en welk wetsartikel ...": the advice and the article stand in two
    clauses; each part of the question gets its own ("wetsartikel" is found as "artikel" in
    a clause that names a "wet")."""
    question = parse_question(
        "Op welk advies en welk wetsartikel beroept de motie van Jansen over capaciteitsverlof "
        "zich?",
        TODAY,
    )
    quoted = " ".join(answerer._motion_text_lines(_CAPACITEITSVERLOF, Citations(), question))
    assert "RSJ-advies van 18 april" in quoted
    assert "artikel 26 van de Penitentiaire beginselenwet" in quoted
    assert "tien dagen" not in quoted


def test_a_year_the_question_names_points_at_the_clause(answerer: Answerer) -> None:
    """ "per 1 januari 2025": the clause with that year, not the one with another year."""
    question = parse_question(
        "Hoeveel dagen capaciteitsverlof gelden er per 1 januari 2025 volgens de motie van Jansen?",
        TODAY,
    )
    lines = answerer._motion_text_lines(_CAPACITEITSVERLOF, Citations(), question)
    quoted = [line for line in lines if line.startswith("Uit de tekst")]
    assert quoted and "per 1 januari 2025 tien dagen" in quoted[0]
    assert "drie dagen" not in " ".join(quoted)


def test_a_compound_with_a_short_linked_head_is_found_in_its_parts() -> None:
    """ "wetsartikel" in a text that says "artikel 26 van de ... wet"; "wets" alone is no
    word of it."""
    words = text_words("artikel 26 van de Penitentiaire beginselenwet")
    assert contains(words, "wetsartikel")
    assert not contains(text_words("artikel 26 van het besluit"), "wetsartikel")


def test_a_word_typed_without_its_trema_is_found_and_weighed_as_written() -> None:
    """Users type "beeindigen" and "commerciele"; the texts write "beëindigen" and
    "commerciële". Both spellings are found, and the weight of the trema-less spelling is that
    of the spelling the index holds (not that of an absent word)."""
    from assistant.relevance import trema_spellings, without_accents

    words = text_words("De afvalwaterinjectie in Twente dit jaar beëindigen; commerciële taken")
    assert contains(words, "beeindig") and contains(words, "commerciel")
    assert contains(words, "beëindig")
    assert without_accents("coördinatie") == "coordinatie"
    assert "commerciël" in trema_spellings("commerciel")
    assert "coördinatie" in trema_spellings("coordinatie")
    assert trema_spellings("beëindig") == []


def test_a_compound_that_no_text_uses_is_a_paraphrase_when_a_part_is_there(
    answerer: Answerer,
) -> None:
    """ "fietsparkeren" for "het stallen van de fiets": no chunk holds the compound, but the
    passage holds "fiets", so it is not treated as a subject missing from the whole index;
    a compound none of whose parts the passage holds still is."""
    from assistant.relevance import part_inside

    words = text_words("Het de eerste 24 uur gratis stallen van de fiets in NS-stallingen")
    assert part_inside(words, "fietsparker")
    assert not part_inside(words, "bacterievur")
    judge = Relevance(answerer.retriever.index, dense_threshold=0.88)
    coverage = judge.coverage(["fietsparker", "stalling"], "gratis stallen van de fiets")
    assert coverage.partial == ("fietsparker",)


def test_a_plural_the_stemmer_changes_is_found_as_written_inside_a_compound() -> None:
    """Snowball makes "nereer" of "generaties", so the stem is not inside "generatietoets";
    the word as the question wrote it, singular, is."""
    from assistant.ask_base import topic_words, written_forms
    from assistant.tokens import shared_tokenizer

    question = "de gevolgen voor toekomstige generaties"
    tokenizer = shared_tokenizer()
    stems = topic_words(question, tokenizer)
    judge = Relevance(_Counts(5000, {}), dense_threshold=0.88)  # type: ignore[arg-type]
    title = "Motie over het toepassen van een generatietoets op het programma"
    without = judge.coverage(stems, title)
    with_forms = judge.coverage(stems, title, written_forms(question, tokenizer))
    assert len(with_forms.covered) == len(without.covered) + 1
    # A short word is matched by its stem only: "wet" is inside too many words.
    assert "wet" not in {f for forms in written_forms("de wet", tokenizer).values() for f in forms}


@pytest.mark.parametrize(
    "question",
    [
        "Hoe liep de motie over de generatietoets af?",
        "Wat werd er besloten over de generatietoets?",
        "Wat werd er gestemd over de generatietoets?",
    ],
)
def test_how_a_motie_ended_is_asked_without_adding_to_its_subject(question: str) -> None:
    from assistant.ask_base import topic_words
    from assistant.tokens import shared_tokenizer

    tokenizer = shared_tokenizer()
    assert topic_words(question, tokenizer) == topic_words("generatietoets", tokenizer)


def test_function_words_are_no_subject_of_a_question() -> None:
    """ "daarvan", "zolang", "alsnog" join a sentence; rare in the index, they would weigh
    like the subject. "sinds" stays: it points at the clause that says when."""
    from assistant.ask_base import topic_words
    from assistant.tokens import shared_tokenizer

    tokenizer = shared_tokenizer()
    question = "de 19.000 adressen die daarvan zolang alsnog geen internetverbinding krijgen"
    assert topic_words(question, tokenizer) == topic_words(
        "de 19.000 adressen die geen internetverbinding krijgen", tokenizer
    )
    assert topic_words("sinds wanneer", tokenizer) == tokenizer("sinds")


def test_how_strongly_something_is_said_is_no_subject_of_a_question() -> None:
    """ "regels die ook echt te handhaven zijn": "echt" says how strongly, not what; rare in
    the moties' formal texts, it would weigh like a subject word the motie lacks."""
    from assistant.ask_base import topic_words
    from assistant.tokens import shared_tokenizer

    tokenizer = shared_tokenizer()
    assert topic_words("regels tegen houtkachels die ook echt te handhaven zijn", tokenizer) == (
        topic_words("regels tegen houtkachels die te handhaven zijn", tokenizer)
    )
    assert topic_words("gewoon eigenlijk heel erg zelfs vooral misschien", tokenizer) == []


@pytest.mark.parametrize(
    ("word", "joins"),
    [("vóór", True), ("álle", True), ("één", True), ("daarvan", True), ("privéjets", False)],
)
def test_a_function_word_is_known_also_when_stressed_with_an_accent(word: str, joins: bool) -> None:
    """No index word is spelled "vóór": a motie's answer never names it as a word it lacks."""
    from assistant.ask_base import function_word
    from assistant.tokens import shared_tokenizer

    assert function_word(word, shared_tokenizer()) is joins


def test_no_answering_motie_names_the_closest_and_other_moties_of_the_member_nearby(
    answerer: Answerer,
) -> None:
    """The user may recognise the motie they meant among the member's closest ones; none is
    presented as the answer."""
    from assistant.documents import MOTIE

    question = with_known_members(
        parse_question("Is de motie van Podt over zeewierteelt aangenomen?", TODAY),
        answerer.retriever.index.is_indiener,
    )
    nearby = answerer.retriever.search("migratie asiel", Filters(types=(MOTIE,)), k=3)
    assert len(nearby) >= 2
    answer = answerer._not_this_motion(question, tuple(nearby[:2]))
    assert answer.refused
    assert "Het dichtst in de buurt, maar niet zeker wat u bedoelt" in answer.answer
    assert "Andere moties van Podt in de buurt:" in answer.answer
    assert [c.id for c in answer.citations] == [p.doc_id for p in nearby[:2]]
    alone = answerer._not_this_motion(question, tuple(nearby[:1]))
    assert "Andere moties" not in alone.answer


def test_a_term_far_rarer_than_any_the_text_holds_is_overlooked() -> None:
    """A promise on "het tegengaan van overgewicht" is none on "het tegengaan van
    drugstoerisme": the text holds only the common term."""
    counts = {"tengaan": 155, "drugstoer": 2, "overgewicht": 40}
    judge = Relevance(_Counts(22000, counts), dense_threshold=0.88)  # type: ignore[arg-type]
    coverage = judge.coverage(["tengaan", "drugstoer"], "het tegengaan van overgewicht")
    assert judge.overlooked(coverage) == ("drugstoer",)
    both = judge.coverage(["tengaan", "overgewicht"], "het tegengaan van overgewicht")
    assert judge.overlooked(both) == ()
    # Two rare terms of about the same weight: the one held does not overlook the other.
    near = judge.coverage(["overgewicht", "drugstoer"], "drugstoerisme in de grensstreek")
    assert judge.overlooked(near) == ()


def test_a_document_of_a_year_to_come_is_searched_in_that_year() -> None:
    """ "de stikstofmotie van 2031" can be in no source (the answer is that nothing was found);
    "na 2030" is what a text is about."""
    dated = parse_question("Wat vond het kabinet van de stikstofmotie van 2031?", TODAY)
    assert dated.timeframe is not None and dated.timeframe.start == dt.date(2031, 1, 1)
    assert "appreciatie" in dated.aspects
    about = parse_question("Welke moties gaan over de klimaatdoelen na 2030?", TODAY)
    assert about.timeframe is None


def test_the_words_a_refusal_names_are_the_users_own() -> None:
    """A separable verb split by "te" is named as one word: "afschaffen"."""
    tokenizer = shared_tokenizer()
    text = "om de kennismigrantenregeling helemaal af te schaffen"
    assert surface_words(text, tuple(tokenizer("afschaffen")), tokenizer) == "afschaffen"
