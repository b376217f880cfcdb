"""The strict judge of `kamer eval` and the dev/test split, on synthetic answers and labels."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant.answer import Answer, Citation
from assistant.ask import Conversation
from assistant.documents import KAMERVRAAG, Document
from assistant.evaluate import (
    evaluate_test,
    kamervraag_document,
    kamervraag_precision_recall,
    run_eval,
)
from assistant.judge import judge, same_surname
from assistant.render import render_eval
from ingest.commitments import extract_commitments

MOTIE = "2022Z00782"


def cite(n: int, doc_id: str, quote: str, **ids: str) -> Citation:
    return Citation(n, doc_id, dict(ids), "titel", "motie", None, None, quote)


def answer(text: str, *citations: Citation, refused: bool = False) -> Answer:
    return Answer("vraag", text, refused, "test", list(citations))


def item(kind: str = "motion_votes", **expected: Any) -> dict[str, Any]:
    return {"id": "x", "kind": kind, "question": "vraag", "history": [], "expected": expected}


def votes_answer(voor: str, tegen: str, counts: str = "32 voor, 117 tegen") -> Answer:
    return answer(
        f"De motie is verworpen [1]. Stemmen: {counts}. Voor stemden: {voor} [2]. "
        f"Tegen stemden: {tegen} [3].",
        cite(1, MOTIE, "BesluitSoort: Stemmen - verworpen"),
        cite(2, MOTIE, "Voor: ..."),
        cite(3, MOTIE, "Tegen: ..."),
    )


VOTES = {
    "ids": [MOTIE],
    "voor": 32,
    "tegen": 117,
    "fracties_voor": ["SP", "PvdA"],
    "fracties_tegen": ["VVD", "GroenLinks-PvdA"],
}


# -- vote counts --------------------------------------------------------------------------------


def test_vote_counts_pass_when_exact() -> None:
    assert judge(item(**VOTES), votes_answer("PvdA, SP", "GroenLinks-PvdA, VVD")) == (True, "")


@pytest.mark.parametrize(
    "counts", ["132 voor, 117 tegen", "32 voor, 1170 tegen", "32 voor, 117 tegen; 40 voor, 9 tegen"]
)
def test_vote_counts_fail_when_not_exact(counts: str) -> None:
    correct, detail = judge(item(**VOTES), votes_answer("SP, PvdA", "VVD, GroenLinks-PvdA", counts))
    assert not correct
    assert "32 voor, 117 tegen" in detail


# -- fracties per side ------------------------------------------------------------------------


def test_fractie_is_not_a_substring_of_another() -> None:
    """'PvdA' expected for; only 'GroenLinks-PvdA' (against) is named: that is not PvdA."""
    correct, detail = judge(item(**VOTES), votes_answer("SP", "VVD, GroenLinks-PvdA"))
    assert not correct
    assert "pvda" in detail.lower()


def test_fractie_on_the_wrong_side_fails() -> None:
    correct, detail = judge(item(**VOTES), votes_answer("SP, PvdA, VVD", "GroenLinks-PvdA"))
    assert not correct
    assert "Voor stemden" in detail


def test_fracties_missing_side_fails() -> None:
    text = "De motie is verworpen [1]. Stemmen: 32 voor, 117 tegen. Voor stemden: SP, PvdA [2]."
    got = answer(text, cite(1, MOTIE, "BesluitSoort"), cite(2, MOTIE, "Voor"))
    assert judge(item(**VOTES), got) == (False, "'Tegen stemden' ontbreekt")


# -- outcome ----------------------------------------------------------------------------------


def outcome_answer(text: str) -> Answer:
    return answer(text, cite(1, MOTIE, "BesluitSoort: Stemmen - aangenomen"))


def test_outcome_stated_passes() -> None:
    expected = item("motion_outcome", ids=[MOTIE], outcome="aangenomen")
    assert judge(expected, outcome_answer("De motie is aangenomen [1].")) == (True, "")


@pytest.mark.parametrize(
    ("outcome", "text"),
    [
        ("aangenomen", "De motie is aangenomen [1]. Nee, de motie is verworpen."),
        ("verworpen", "De motie is verworpen [1], of eigenlijk: zij is aangenomen."),
        (
            "onbekend",
            "De motie is aangenomen [1]. De uitslag staat niet in de geïndexeerde bronnen.",
        ),
    ],
)
def test_outcome_fails_when_the_opposite_is_also_claimed(outcome: str, text: str) -> None:
    correct, detail = judge(
        item("motion_outcome", ids=[MOTIE], outcome=outcome), outcome_answer(text)
    )
    assert not correct
    assert "zegt" in detail


def test_unknown_outcome_needs_the_outcome_to_be_called_unknown() -> None:
    expected = item("motion_outcome", ids=[MOTIE], outcome="onbekend")
    said = outcome_answer("Motie [1]. De stemmingsuitslag staat niet in de geïndexeerde bronnen.")
    assert judge(expected, said) == (True, "")
    other = outcome_answer(
        "Motie [1]. De kabinetsappreciatie staat niet in de geïndexeerde bronnen."
    )
    assert judge(expected, other) == (False, "onbekende uitslag niet als onbekend gemeld")


def test_a_quoted_outcome_is_no_claim() -> None:
    expected = item("motion_outcome", ids=[MOTIE], outcome="aangenomen")
    text = 'De motie is aangenomen [1]. Nader: "de vorige motie is verworpen" [1].'
    assert judge(expected, outcome_answer(text)) == (True, "")


# -- fulfilment status ------------------------------------------------------------------------

DEBATE = "h-tk-20172018-70-5"
PROMISE = "Ik zal de Kamer voor de zomer informeren over de brief."
OTHER = "Ik kom terug op de kosten."


def commitments_answer(first_status: str, second_status: str) -> Answer:
    return answer(
        f'- minister De Jonge (gedaan op 2018-04-05): "{PROMISE}" [1]{first_status}\n'
        f'- minister De Jonge (gedaan op 2018-04-05): "{OTHER}" [2]{second_status}',
        cite(1, DEBATE, PROMISE),
        cite(2, DEBATE, OTHER),
        cite(3, "2018D1", "Hierbij informeer ik u over de kosten."),
    )


OPEN = item("fulfilment", ids=[DEBATE], status="open", facts=["voor de zomer informeren"])
NOT_FOUND = " Status: geen uitvoering gevonden in de bronnen."
DONE = " Nagekomen volgens Brief kosten [3] (zekerheid: hoog)."


def test_open_passes_when_its_own_line_says_nothing_was_found() -> None:
    """Another commitment in the same answer may well be done."""
    assert judge(OPEN, commitments_answer(NOT_FOUND, DONE)) == (True, "")


def test_open_fails_when_the_same_item_is_also_called_done() -> None:
    correct, detail = judge(OPEN, commitments_answer(NOT_FOUND + DONE, NOT_FOUND))
    assert not correct
    assert "ook als nagekomen" in detail


def test_open_fails_when_only_another_item_is_called_open() -> None:
    correct, _ = judge(OPEN, commitments_answer("", NOT_FOUND))
    assert not correct


MOTION_DONE = item("fulfilment", ids=["2025D1"], status="nagekomen")
CARRIED_OUT = "Uitvoering (zekerheid hoog): brief 'Uitvoering motie' van 1 mei 2025 [2]."
NO_DOCUMENT = (
    "In de geïndexeerde bronnen staat geen document dat meldt dat deze motie is uitgevoerd."
)


def motion_answer(*lines: str) -> Answer:
    return answer(
        " ".join(["De motie-Ouwehand c.s. (kst-33835-242) [1].", *lines]),
        cite(1, "kst-33835-242", "Onderwerp: motie"),
        cite(
            2, "kst-33835-250", "Hiermee geef ik uitvoering aan de motie.", documentnummer="2025D1"
        ),
    )


def test_done_passes_when_carried_out() -> None:
    assert judge(MOTION_DONE, motion_answer(CARRIED_OUT)) == (True, "")


def test_done_fails_when_the_answer_also_says_nothing_was_found() -> None:
    correct, detail = judge(MOTION_DONE, motion_answer(CARRIED_OUT, NO_DOCUMENT))
    assert not correct
    assert "geen uitvoering" in detail


def test_no_document_that_says_it_is_carried_out_is_open_not_done() -> None:
    expected = item("fulfilment", ids=["kst-33835-242"], status="open")
    assert judge(expected, motion_answer(NO_DOCUMENT)) == (True, "")
    assert not judge(expected, motion_answer(NO_DOCUMENT, CARRIED_OUT))[0]


# -- facts from the expected document ---------------------------------------------------------


def test_a_fact_counts_only_from_an_expected_document() -> None:
    expected = item("free", ids=[DEBATE], facts=["voor de zomer informeren"])
    right = answer("De minister zegt het toe [1].", cite(1, DEBATE, PROMISE))
    wrong = answer(
        "De minister zegt het toe [1] [2].",
        cite(1, DEBATE, "Goedemorgen."),
        cite(2, "h-tk-20172018-70-6", PROMISE),
    )
    assert judge(expected, right) == (True, "")
    correct, detail = judge(expected, wrong)
    assert not correct
    assert "voor de zomer informeren" in detail


def test_a_fact_counts_from_an_expected_document_cited_by_another_number() -> None:
    expected = item("free", ids=["2023D100"], facts=["voor de zomer informeren"])
    got = answer("Zo staat het er [1].", cite(1, "kst-1-2", PROMISE, documentnummer="2023D100"))
    assert judge(expected, got) == (True, "")


def test_a_number_counts_with_its_thousands_apart_or_together_but_not_another() -> None:
    expected = item("free", ids=[MOTIE], facts=["32 824, nr. 425"])
    together = answer("De motie [1].", cite(1, MOTIE, "de motie-Becker (32824, nr. 425)"))
    other = answer("De motie [1].", cite(1, MOTIE, "de motie-Becker (32824, nr. 426)"))
    assert judge(expected, together) == (True, "")
    assert not judge(expected, other)[0]


# -- indieners --------------------------------------------------------------------------------

SIGNERS = item("motion_indieners", ids=[MOTIE], indieners=["Podt", "Van Dijk", "Dijk"])


def indieners_answer(who: str) -> Answer:
    return answer(
        f"De motie [1]. Ingediend door {who} [2].", cite(1, MOTIE, "a"), cite(2, MOTIE, "b")
    )


def test_indieners_in_order_pass() -> None:
    got = indieners_answer("Podt (D66), Diederik van Dijk (SGP), Jimmy Dijk (SP)")
    assert judge(SIGNERS, got) == (True, "")
    with_initials = indieners_answer("I. Podt (D66), D. van Dijk (SGP), J.P. Dijk (SP)")
    assert judge(SIGNERS, with_initials) == (True, "")


@pytest.mark.parametrize(
    "who",
    [
        "Van Dijk (SGP), Podt (D66), Jimmy Dijk (SP)",  # first indiener not first
        "Podt (D66), Van Dijk (SGP)",  # one missing
        "Podt (D66), Van Dijk (SGP), Van Dijk (SGP)",  # 'Van Dijk' is not Dijk
        "Podt (D66), Van Dijk (SGP), Jimmy Dijk (SP), Rajkowski (VVD)",  # one too many
    ],
)
def test_indieners_fail_out_of_order_or_incomplete(who: str) -> None:
    assert not judge(SIGNERS, indieners_answer(who))[0]


def test_indieners_in_free_wording_need_whole_names_in_order() -> None:
    got = answer("Podt diende haar in met Van Dijk en Jimmy Dijk [1].", cite(1, MOTIE, "a"))
    assert judge(SIGNERS, got) == (True, "")
    swapped = answer("Van Dijk diende haar in met Podt en Jimmy Dijk [1].", cite(1, MOTIE, "a"))
    assert not judge(SIGNERS, swapped)[0]
    no_dijk = answer("Podt diende haar in met Van Dijk [1].", cite(1, MOTIE, "a"))
    assert not judge(SIGNERS, no_dijk)[0]


@pytest.mark.parametrize(
    ("said", "surname", "same"),
    [
        ("Jimmy Dijk", "Dijk", True),
        ("Van Dijk", "Dijk", False),
        ("Diederik van Dijk", "Van Dijk", True),
        ("Yeşilgöz-Zegerius", "Yeşilgöz-Zegerius", True),
        ("Yeşilgöz-Zegerius", "Zegerius", False),
    ],
)
def test_same_surname(said: str, surname: str, same: bool) -> None:
    assert same_surname(said, surname) is same


# -- appreciatie and lists --------------------------------------------------------------------


def test_appreciatie_must_be_the_one_stated() -> None:
    expected = item("motion_appreciatie", ids=[MOTIE], kabinetsappreciatie="Oordeel Kamer")
    right = answer("Kabinetsappreciatie: Oordeel Kamer [1].", cite(1, MOTIE, "a"))
    wrong = answer(
        "Kabinetsappreciatie: Ontraden [1]. Eerder heette het Oordeel Kamer.", cite(1, MOTIE, "a")
    )
    assert judge(expected, right) == (True, "")
    assert not judge(expected, wrong)[0]


def test_list_with_a_crisp_condition_names_exactly_count_moties() -> None:
    expected = item("date", ids_any=["2023Z1"], count=2)
    two = answer("- a [1]\n- b [2]", cite(1, "2023Z1", "a"), cite(2, "2023Z2", "b"))
    three = answer(
        "- a [1]\n- b [2]\n- c [3]",
        cite(1, "2023Z1", "a"),
        cite(2, "2023Z2", "b"),
        cite(3, "2023Z3", "c"),
    )
    assert judge(expected, two) == (True, "")
    assert judge(expected, three) == (False, "3 moties genoemd, verwacht 2")


# -- refusals ---------------------------------------------------------------------------------

REFUSE = item("refuse", refuse=True, not_ids=["kst-32317-913"])


def test_a_refusal_that_names_an_alternative_is_still_a_refusal() -> None:
    got = answer(
        "Ik vond geen motie over kernfusie; wel over het migratiepact [1].",
        cite(1, "kst-32317-913", "Onderwerp: migratiepact"),
        refused=True,
    )
    assert judge(REFUSE, got) == (True, "")


def test_presenting_a_neighbouring_document_as_the_answer_fails() -> None:
    got = answer("De motie is aangenomen [1].", cite(1, "kst-32317-913", "Onderwerp: x"))
    correct, detail = judge(REFUSE, got)
    assert not correct
    assert "kst-32317-913" in detail


def test_an_answer_to_a_refuse_item_fails_and_a_refusal_elsewhere_fails() -> None:
    assert not judge(REFUSE, answer("Het is zo [1].", cite(1, "kst-1-1", "x")))[0]
    refusal = answer("Ik heb dat niet gevonden.", refused=True)
    assert judge(item("motion_votes", **VOTES), refusal) == (False, "weigerde onterecht")


class FakeAnswerer:
    """Gives the same answer to every question (and cites nothing it cannot back)."""

    def __init__(self, refuse: bool) -> None:
        self.refuse = refuse

    def ask(self, question: str, conversation: Conversation | None = None) -> Answer:
        if self.refuse:
            return answer("Ik heb dat niet gevonden in de geïndexeerde bronnen.", refused=True)
        return votes_answer("PvdA, SP", "GroenLinks-PvdA, VVD")


class FakeStore:
    def get_document(self, doc_id: str) -> Document:
        return Document(
            id=doc_id, type="motie", title="t", text="BesluitSoort Voor: ... Tegen: ..."
        )


def questions_file(tmp_path: Path) -> Path:
    rows = [
        item("motion_votes", **VOTES),
        item("motion_outcome", ids=[MOTIE], outcome="verworpen"),
        item("free", ids=[DEBATE], facts=["voor de zomer"]),
        item("refuse", refuse=True),
    ]
    path = tmp_path / "questions.jsonl"
    path.write_text("\n".join(json.dumps({**r, "id": str(i)}) for i, r in enumerate(rows)))
    return path


def test_an_always_refusing_system_scores_nothing_on_the_rest(tmp_path: Path) -> None:
    report = run_eval(
        [questions_file(tmp_path)],
        FakeAnswerer(refuse=True),
        FakeStore(),
        compare_modes=False,
    )
    accuracy = report.accuracy_by_kind()
    assert accuracy == {"free": 0.0, "motion_outcome": 0.0, "motion_votes": 0.0, "refuse": 1.0}
    summary = report.summary()
    assert summary["refusal_recall"] == 1.0
    assert summary["refusal_precision"] == 0.25  # one right refusal out of four


def test_a_never_refusing_system_has_no_refusal_recall(tmp_path: Path) -> None:
    report = run_eval(
        [questions_file(tmp_path)],
        FakeAnswerer(refuse=False),
        FakeStore(),
        compare_modes=False,
    )
    summary = report.summary()
    assert report.accuracy_by_kind()["refuse"] == 0.0
    assert summary["refusal_recall"] == 0.0
    assert summary["refusal_precision"] is None


# -- extraction on written Kamervraag answers (test part) ---------------------------------------

ANSWER_TEXT = (
    "Het kabinet neemt de zorgen serieus. Ik zal uw Kamer voor de zomer informeren over de "
    "uitkomsten van het onderzoek. Ik verwacht uw Kamer na afloop van de pilot een evaluatie "
    "te sturen. Er zijn op dit moment 12 locaties."
)


def test_an_answer_is_built_as_the_pdf_reader_builds_a_written_answer() -> None:
    doc = kamervraag_document({"row": "7", "question": "Bent u bereid?", "answer": ANSWER_TEXT})
    assert doc.type == KAMERVRAAG
    assert [s.kind for s in doc.sections] == ["vraag-antwoord"]
    assert doc.sections[0].text.startswith("Vraag 1\nBent u bereid?\n\nAntwoord 1\n")
    found = [c.sentence for c in extract_commitments(doc)]
    assert any("voor de zomer informeren" in s for s in found)
    assert not any("Bent u bereid" in s for s in found), "the question is no commitment"


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return path


def test_kamervraag_precision_recall_is_exhaustive_and_reports_without_borderline(
    tmp_path: Path,
) -> None:
    doc = kamervraag_document({"row": "1", "question": "Vraag?", "answer": ANSWER_TEXT})
    found = [s for c in extract_commitments(doc) for s in (c.sentence, *c.details)]
    promise = "Ik zal uw Kamer voor de zomer informeren over de uitkomsten van het onderzoek."
    evaluation = "Ik verwacht uw Kamer na afloop van de pilot een evaluatie te sturen."
    assert any(promise in f for f in found) and any(evaluation in f for f in found), found
    answers = write_jsonl(
        tmp_path / "answers.jsonl", [{"row": "1", "question": "Vraag?", "answer": ANSWER_TEXT}]
    )
    labels = write_jsonl(
        tmp_path / "labels.jsonl",
        [
            {
                "row": "1",
                "sentence": "Het kabinet neemt de zorgen serieus.",
                "commitment": False,
                "kind": None,
                "note": "",
            },
            {
                "row": "1",
                "sentence": promise,
                "commitment": True,
                "kind": "gedaan",
                "note": "explicit",
            },
            # Labelled no commitment, but only as a borderline case: a false positive overall,
            # left out without borderline rows.
            {
                "row": "1",
                "sentence": evaluation,
                "commitment": False,
                "kind": None,
                "note": "borderline: expectation",
            },
            {
                "row": "1",
                "sentence": "Er zijn op dit moment 12 locaties.",
                "commitment": False,
                "kind": None,
                "note": "",
            },
        ],
    )
    figures = kamervraag_precision_recall(answers, labels)
    assert figures["answers"] == 1 and figures["sentences"] == 4
    assert (figures["true_positives"], figures["false_positives"], figures["false_negatives"]) == (
        1,
        1,
        0,
    )
    assert figures["precision"] == 0.5 and figures["recall"] == 1.0
    clear = figures["without_borderline"]
    assert clear["sentences"] == 3
    assert (clear["precision"], clear["recall"]) == (1.0, 1.0)


class NamingAnswerer:
    """Refuses every question, naming the motie MOTIE as the closest."""

    def ask(self, question: str, conversation: Conversation | None = None) -> Answer:
        text = "Ik vond geen motie over dat onderwerp. Het dichtst in de buurt: de motie [1]."
        return answer(text, cite(1, MOTIE, "Onderwerp: ..."), refused=True)


def test_a_wrong_refusal_that_names_the_expected_source_is_counted_apart(
    tmp_path: Path,
) -> None:
    path = questions_file(tmp_path)  # two items expect MOTIE, one DEBATE, one is a refuse item
    named = run_eval([path], NamingAnswerer(), FakeStore(), compare_modes=False).summary()
    assert named["accuracy_by_kind"]["motion_outcome"] == 0.0  # still a wrong refusal
    assert named["named_when_refused"] == {"refused": 3, "named": 2, "named_first": 2}
    text = render_eval({"dev": named})
    assert "Onterecht geweigerd: 3; daarbij de bedoelde bron toch genoemd: 2 (als eerste: 2)" in (
        text
    )
    silent = run_eval([path], FakeAnswerer(refuse=True), FakeStore(), compare_modes=False)
    assert silent.summary()["named_when_refused"] == {"refused": 3, "named": 0, "named_first": 0}


def test_missing_test_files_are_said_in_dutch_and_skipped(tmp_path: Path) -> None:
    summary = evaluate_test(tmp_path / "test", FakeAnswerer(refuse=True), FakeStore(), tmp_path)
    assert "questions" not in summary and "commitment_extraction" not in summary
    text = render_eval({"test": summary})
    assert "== TEST" in text
    assert "test/questions.jsonl ontbreekt" in text
    assert "test/kamervragen_answers.jsonl en test/commitment_sentences.jsonl ontbreekt" in text


def test_render_eval_shows_both_parts_apart(tmp_path: Path) -> None:
    report = run_eval(
        [questions_file(tmp_path)],
        FakeAnswerer(refuse=False),
        FakeStore(),
        compare_modes=False,
    )
    text = render_eval({"dev": report.summary(), "test": {"missing": ["x ontbreekt."]}})
    dev, test = text.split("\n\n")
    assert dev.startswith("== DEV") and "Weigeringen: precisie -" in dev and "recall 0.000" in dev
    assert test.startswith("== TEST") and "x ontbreekt." in test


def test_eval_command_without_test_files_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    import assistant.cli as cli
    from assistant.embed import HashEmbedder

    monkeypatch.setattr(cli, "EVAL_DIR", tmp_path / "eval")
    store = tmp_path / "store"
    args = ["eval", "--deel", "test", "--store", str(store)]
    result = CliRunner().invoke(cli.main, args, obj=cli.Context(embedder=HashEmbedder()))
    assert result.exit_code == 0, result.output
    assert "== TEST" in result.output and "== DEV" not in result.output
    assert "Antwoorden: extractief (zonder taalmodel)\n" in result.output
    assert "de vragen van het testdeel zijn overgeslagen" in result.output
    as_json = CliRunner().invoke(
        cli.main, [*args, "--json"], obj=cli.Context(embedder=HashEmbedder())
    )
    assert json.loads(as_json.stdout)["test"]["missing"]


def test_each_test_question_set_is_also_scored_on_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("assistant.evaluate.retrieval_recall", lambda *args: {})
    folder = tmp_path / "test"
    folder.mkdir()
    questions_file(folder)  # questions.jsonl: ids 0-3, one refuse item
    later = folder / "questions_w.jsonl"
    later.write_text(json.dumps({**item("refuse", refuse=True), "id": "w01"}))
    answerer = FakeAnswerer(refuse=True)
    answerer.retriever = None  # type: ignore[attr-defined]  # retrieval_recall is replaced
    summary = evaluate_test(folder, answerer, FakeStore(), tmp_path)
    assert summary["questions"] == 5
    first, second = (
        summary["per_set"]["test/questions.jsonl"],
        summary["per_set"]["test/questions_w.jsonl"],
    )
    assert first["questions"] == 4 and first["refusal_precision"] == 0.25
    assert second == {
        "questions": 1,
        "accuracy_by_kind": {"refuse": 1.0},
        "refusal_precision": 1.0,
        "refusal_recall": 1.0,
    }
    assert "test/questions_w.jsonl (1 vragen): refuse 1.000" in render_eval({"test": summary})


def test_later_test_batches_are_scored_each_and_together(tmp_path: Path) -> None:
    """The first labelled batch lies in test/ itself, later ones in test/kamervragen*/; each is
    reported, and all together (counts summed, not figures averaged)."""
    folder = tmp_path / "test"
    promise = "Ik zal uw Kamer voor de zomer informeren over de uitkomsten van het onderzoek."
    for batch, positive in [(folder, True), (folder / "kamervragen5", False)]:
        batch.mkdir(parents=True)
        write_jsonl(
            batch / "kamervragen_answers.jsonl",
            [{"row": "1", "question": "Vraag?", "answer": ANSWER_TEXT}],
        )
        write_jsonl(
            batch / "commitment_sentences.jsonl",
            [
                {
                    "row": "1",
                    "sentence": promise,
                    "commitment": positive,
                    "kind": "gedaan" if positive else None,
                    "note": "",
                }
            ],
        )
    summary = evaluate_test(folder, FakeAnswerer(refuse=True), FakeStore(), tmp_path)
    extraction = summary["commitment_extraction"]
    assert list(extraction) == [
        "test/commitment_sentences.jsonl",
        "test/kamervragen5/commitment_sentences.jsonl",
        "alle testbatches samen",
    ]
    first, later, together = extraction.values()
    assert later["true_positives"] == 0 and later["false_positives"] >= 1
    assert together["true_positives"] == first["true_positives"] == 1
    assert together["false_positives"] == first["false_positives"] + later["false_positives"]
    assert together["sentences"] == 2
    assert "alle testbatches samen (2 gelabelde zinnen)" in render_eval({"test": summary})
