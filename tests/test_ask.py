from __future__ import annotations

import datetime as dt
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.answer import Answer, naming, quote_is_valid, suggestion_prompt
from assistant.ask import Answerer, Conversation
from assistant.ask_base import with_declared_votes
from assistant.cli import Context, main
from assistant.compose import Services, build_services
from assistant.embed import HashEmbedder
from assistant.question import parse_question
from assistant.relevance import Relevance
from assistant.retrieve import Filters
from assistant.settings import Settings
from assistant.store import Store
from ingest.pipeline import Ingestor

TODAY = dt.date(2026, 11, 29)


def SETTINGS(store: Path, **extra: object) -> Settings:  # noqa: N802
    """The hash embedder's similarities run lower than EmbeddingGemma's: its own threshold."""
    return Settings(store=store, relevance=0.7, **extra)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    fixtures = Path(__file__).parent / "fixtures"
    settings = Settings(store=tmp_path_factory.mktemp("ask") / "store")
    Ingestor(Store.open(settings), HashEmbedder(), settings).run(
        [fixtures / "xml", fixtures / "odata", fixtures / "nota", fixtures / "handelingen"]
    )
    return settings.store


@pytest.fixture(scope="module")
def answerer(store_path: Path) -> Answerer:
    services = build_services(SETTINGS(store_path), embedder=HashEmbedder(), today=TODAY)
    return services.answerer


def assert_well_cited(answer: Answer, answerer: Answerer) -> None:
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)}
    assert markers == {c.n for c in answer.citations}, "every marker a citation and vice versa"
    for citation in answer.citations:
        doc = answerer.store.get_document(citation.id)
        assert doc is not None
        assert quote_is_valid(citation.quote, doc), citation.quote


def cited(answer: Answer) -> set[str]:
    return {c.id for c in answer.citations}


@pytest.mark.parametrize(
    "question",
    [
        "Wat is de status van motie 32317-913?",
        "Wat is de status van kst-32317-913?",
        "Is Kamerstuk 32 317, nr. 913 aangenomen?",
        "Hoe staat het met motie 2024Z20830?",
    ],
)
def test_motion_by_number_unknown_outcome(answerer: Answerer, question: str) -> None:
    answer = answerer.ask(question)
    assert not answer.refused
    assert "kst-32317-913" in cited(answer)
    assert "De stemmingsuitslag staat niet in de geïndexeerde bronnen." in answer.answer
    assert "aangenomen" not in answer.answer.replace("Is Kamerstuk", "")
    assert_well_cited(answer, answerer)


def test_motion_status_reports_fulfilment_by_the_nota(answerer: Answerer) -> None:
    answer = answerer.ask("Is de motie 32317-913 uitgevoerd?")
    assert "Uitvoering (zekerheid hoog):" in answer.answer
    assert "nota-2026-03-27-voortgang-implementatie-asiel-en-migratiepact" in cited(answer)
    assert "Oordeel Kamer" not in answer.answer  # only what was asked (and the outcome context)
    assert_well_cited(answer, answerer)


def test_motion_with_votes(answerer: Answerer) -> None:
    answer = answerer.ask("Is motie 2022Z00782 aangenomen?")
    assert "De motie is verworpen" in answer.answer
    assert "32 voor, 117 tegen" in answer.answer
    assert answer.records and answer.records[0]["id"] == "2022Z00782"
    assert_well_cited(answer, answerer)


def test_follow_ups_use_the_previous_motion(answerer: Answerer) -> None:
    conversation = Conversation()
    answerer.ask("Wat is de status van motie 2022Z00782?", conversation)
    votes = answerer.ask("En welke partijen stemden voor?", conversation)
    assert "Voor stemden: BIJ1, SP, PvdA" in votes.answer
    who = answerer.ask("Wie diende hem in?", conversation)
    assert "S.H. Simons (BIJ1)" in who.answer
    assert_well_cited(who, answerer)


def test_motion_by_description(answerer: Answerer) -> None:
    answer = answerer.ask(
        "Wat is de status van de motie van Podt en Rajkowski over het migratiepact?"
    )
    assert not answer.refused
    assert [c.id for c in answer.citations][0] == "kst-32317-913"


def test_motion_by_members_named_with_their_given_names(answerer: Answerer) -> None:
    """The moties' indieners hold no given names: "Anne-Marijke Podt" finds Podt's."""
    answer = answerer.ask(
        "Wat is de status van de motie van Anne-Marijke Podt en Ingrid Rajkowski over het "
        "migratiepact?"
    )
    assert not answer.refused
    assert [c.id for c in answer.citations][0] == "kst-32317-913"


def test_a_described_motie_states_its_outcome_whatever_else_is_asked(answerer: Answerer) -> None:
    """The outcome confirms which motie a description found, and says what carrying it out
    means; only the outcome, not the votes, when they were not asked for."""
    voted = answerer.ask(
        "Wie dienden samen met Simons de motie in om uitgeprocedeerde asielzoekers niet "
        "strafrechtelijk te detineren?"
    )
    assert "2022Z00782" in cited(voted)
    assert "De motie is aangenomen" in voted.answer or "De motie is verworpen" in voted.answer
    assert "Voor stemden" not in voted.answer
    assert_well_cited(voted, answerer)  # no citation left over from the votes not shown
    for asked in [
        "Wie dienden samen met Podt de motie over het migratiepact in?",
        "Is de motie van Podt en Rajkowski over het migratiepact uitgevoerd?",
    ]:
        answer = answerer.ask(asked)
        assert "kst-32317-913" in cited(answer)
        # In these fixtures the vote is not known, and the answer says so.
        assert "De stemmingsuitslag staat niet in de geïndexeerde bronnen." in answer.answer, asked
        assert "Voor stemden" not in answer.answer
        assert_well_cited(answer, answerer)
    by_number = answerer.ask("Wie diende motie kst-32317-913 in?")
    assert "stemmingsuitslag" not in by_number.answer


def assert_not_this_motie(answer: Answer, services: Services, refusal: str) -> None:
    """A refusal that says which motie was not found and names the closest ones as not the
    answer: no outcome or votes of theirs, every citation sound."""
    assert answer.refused
    assert refusal in answer.answer
    assert "De motie is" not in answer.answer and "stemmingsuitslag" not in answer.answer
    assert_well_cited(answer, services.answerer)


def assert_the_twin_answers(services: Services, question: str) -> None:
    """Asked in the twin's own terms, the twin (kst-32317-914) answers."""
    asked = services.answerer.ask(question)
    assert not asked.refused
    assert asked.citations[0].id == "kst-32317-914"


def _with_twin(tmp_path: Path, subject: tuple[str, str]) -> Services:
    """A store of the OData fixtures and a second motie of Podt and Rajkowski made from the
    migratiepact one (kst-32317-914, same day), with the words `subject` of its Onderwerp
    replaced."""
    original = Path(__file__).parent / "fixtures" / "odata" / "zaken"
    text = (original / "126e26e2-9937-4f52-bbf0-965d8155be95.json").read_text(encoding="utf-8")
    for old, new in [
        ("kst-32317-913", "kst-32317-914"),
        ("2024Z20830", "2024Z20831"),
        ("2024D49163", "2024D49164"),
        ('"Volgnummer": 913', '"Volgnummer": 914'),
        subject,
    ]:
        assert old in text, old
        text = text.replace(old, new)
    # Its own Zaak, Document and version: every UUID of the record turned around at the end.
    text = re.sub(
        r"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-)([0-9a-f]{12})",
        lambda m: m.group(1) + m.group(2)[::-1],
        text,
    )
    folder = tmp_path / "zaken"
    folder.mkdir()
    (folder / "twin.json").write_text(text, encoding="utf-8")
    settings = Settings(store=tmp_path / "store")
    Ingestor(Store.open(settings), HashEmbedder(), settings).run([original, folder])
    return build_services(SETTINGS(settings.store), embedder=HashEmbedder(), today=TODAY)


def test_a_members_other_motie_that_fits_as_well_is_named(tmp_path: Path) -> None:
    """Two moties of Podt on the migratiepact: the answer gives the one the search ranks first
    and names the other by title, number and date (not its outcome), so the user can pick."""
    services = _with_twin(
        tmp_path,
        (
            "periodiek informeren over de voortgang van de implementatie",
            "jaarlijks informeren over de kosten van de uitvoering",
        ),
    )
    answer = services.answerer.ask("Is de motie van Podt over het migratiepact aangenomen?")
    assert not answer.refused
    answered = answer.citations[0].id
    [other] = {"kst-32317-913", "kst-32317-914"} - {answered}
    assert "Ook deze motie van Podt past bij uw omschrijving: " in answer.answer
    assert f"({other}, 11 december 2024)" in answer.answer
    assert other in cited(answer) and answered in cited(answer)
    assert answer.answer.count("De motie is") + answer.answer.count("stemmingsuitslag") == 1
    assert_well_cited(answer, services.answerer)
    # The app and the CLI offer it to ask about: by its number, that motie answers.
    assert answer.suggestions == [other]
    assert suggestion_prompt(answer) == "Bedoelde u een andere motie?"
    picked = services.answerer.ask(naming(answer.question, other))
    assert not picked.refused and picked.citations[0].id == other and not picked.suggestions
    # Named by its own words, the motie is found alone.
    alone = services.answerer.ask(
        "Is de motie van Podt over de kosten van de uitvoering van het migratiepact aangenomen?"
    )
    assert alone.citations[0].id == "kst-32317-914"
    assert "past bij uw omschrijving" not in alone.answer


INFORMING = (
    "de Kamer periodiek informeren over de voortgang van de implementatie van het Europese "
    "Migratiepact"
)


@pytest.mark.parametrize(
    ("twin", "other", "refusal", "named", "own"),
    [
        # Migration agreements with Tunesië are not the ones asked for with Egypte, however
        # many words the two share; asked with Tunesië, in the adjective, it is the answer.
        (
            (
                "de voortgang van de implementatie van het Europese Migratiepact",
                "de voortgang van de migratieafspraken met Tunesië",
            ),
            "Is de motie van Podt over de voortgang van de migratieafspraken met Egypte "
            "aangenomen?",
            "Ik vond geen motie van Podt over Egypte in",
            "Tunesië (kst-32317-914)",
            "Is de motie van Podt over de voortgang van de Tunesische migratieafspraken "
            "aangenomen?",
        ),
        # Raising the budget is not the motie asked for with lowering it; asked with raising
        # it, in other words, it is the answer.
        (
            (
                INFORMING,
                "het budget voor de implementatie van het Europese Migratiepact verhogen",
            ),
            "Is de motie van Podt om het budget voor de implementatie van het Europese "
            "Migratiepact te verlagen aangenomen?",
            "Ik vond geen motie van Podt over verlaging in",
            "(kst-32317-914)",
            "Is de motie van Podt over een verhoging van het budget voor de implementatie van "
            "het Europese Migratiepact aangenomen?",
        ),
        # Pausing the implementation asks the other way; the motie to inform the Kamer about
        # that implementation shares the words but asks nothing of the kind asked: neither is
        # the motie to speed it up.
        (
            (INFORMING, "de implementatie van het Europese Migratiepact pauzeren"),
            "Is de motie van Podt om de implementatie van het Europese Migratiepact te "
            "versnellen aangenomen?",
            "Ik vond geen motie van Podt over versnellen in",
            "",
            "Is de motie van Podt om de implementatie van het Europese Migratiepact te pauzeren "
            "aangenomen?",
        ),
        # Lowering the budget and paying for it by raising the leges asks to raise something,
        # but not the budget.
        (
            (
                INFORMING,
                "het budget voor het Europese Migratiepact verlagen en dit dekken door het "
                "verhogen van de leges",
            ),
            "Is de motie van Podt om het budget voor het Europese Migratiepact te verhogen "
            "aangenomen?",
            "Ik vond geen motie van Podt over verhoging in",
            "(kst-32317-914)",
            "Is de motie van Podt om het budget voor het Europese Migratiepact te verlagen "
            "aangenomen?",
        ),
        # Only an impact analysis, where the question asks to withdraw: not the motie asked
        # for (nor the motie to inform the Kamer, which asks nothing of the kind).
        (
            (INFORMING, "een impactanalyse van de implementatie van het Europese Migratiepact"),
            "Is de motie van Podt om de implementatie van het Europese Migratiepact in te "
            "trekken aangenomen?",
            "Ik vond geen motie van Podt over afschaffing in",
            "(kst-32317-914)",
            "Is de motie van Podt over een impactanalyse van de implementatie van het Europese "
            "Migratiepact aangenomen?",
        ),
    ],
)
def test_a_motie_that_differs_in_the_point_asked_is_not_the_answer(
    tmp_path: Path, twin: tuple[str, str], other: str, refusal: str, named: str, own: str
) -> None:
    """A second motie of Podt (the twin, with the words `twin` of its Onderwerp replaced) on
    another place, asking the other way, or asking only for a study where the question asks
    for the act, is not the answer to `other`, however many words they share: the answer
    says nothing was found (`refusal`) and names it as the closest (`named`). Asked in its
    own terms (`own`), it is the answer."""
    services = _with_twin(tmp_path, twin)
    answer = services.answerer.ask(other)
    assert_not_this_motie(answer, services, refusal)
    assert named in answer.answer
    assert_the_twin_answers(services, own)


def test_when_the_members_motie_is_about_another_place_one_naming_none_is_not_the_answer(
    tmp_path: Path,
) -> None:
    """Podt's motie on the implementation in Griekenland is not the one asked for with
    Italië, and her motie on the implementation that names no place is not either: the
    member's motie on this subject is about elsewhere. Asked without a place, or with
    Griekenland, each is the answer."""
    services = _with_twin(tmp_path, (INFORMING, f"{INFORMING} in Griekenland"))
    asked = (
        "Is de motie van Podt om de Kamer periodiek te informeren over de voortgang van de "
        "implementatie van het Europese Migratiepact{} aangenomen?"
    )
    answer = services.answerer.ask(asked.format(" in Italië"))
    assert_not_this_motie(answer, services, "Ik vond geen motie van Podt over Italië in")
    assert "Griekenland (kst-32317-914)" in answer.answer
    assert_the_twin_answers(services, asked.format(" in Griekenland"))
    unplaced = services.answerer.ask(asked.format(""))
    assert not unplaced.refused and unplaced.citations[0].id in {"kst-32317-913", "kst-32317-914"}


def test_a_refusal_names_what_the_motie_named_first_lacks(tmp_path: Path) -> None:
    """The refusal says what the motie it names first (closest in meaning) lacks: "over zes
    maanden" for Podt's motie to inform the Kamer every three months, not the words that the
    search's first passage (another document) lacks."""
    services = _with_twin(
        tmp_path, ("de Kamer periodiek informeren", "de Kamer elke drie maanden informeren")
    )
    answerer = services.answerer
    question = answerer.read(
        "Is de motie van Podt om de Kamer elke zes maanden te informeren over de voortgang van "
        "de implementatie van het Europese Migratiepact aangenomen?"
    )
    passage = next(
        p
        for p in answerer.retriever.search("stemmingen over moties", Filters(), k=20)
        if not p.doc_id.startswith("kst-32317")
    )
    answer = answerer._not_this_motion(question, (passage,), meant=("kst-32317-914",))
    assert answer.refused
    assert answer.answer.startswith("Ik vond geen motie van Podt over zes maanden in")
    assert answer.suggestions[0] == "kst-32317-914"


def test_a_motie_with_another_number_is_not_the_answer(tmp_path: Path) -> None:
    """Podt's motie to inform the Kamer every three months is not the one asked for with six
    months (her motie to inform it periodically, which names no number, is); asked with three,
    it is the answer."""
    services = _with_twin(
        tmp_path,
        ("de Kamer periodiek informeren", "de Kamer elke drie maanden informeren"),
    )
    asked = (
        "Is de motie van Podt om de Kamer elke {} maanden te informeren over de voortgang van "
        "de implementatie van het Europese Migratiepact aangenomen?"
    )
    other = services.answerer.ask(asked.format("zes"))
    assert not other.refused
    assert other.citations[0].id == "kst-32317-913" and "kst-32317-914" not in cited(other)
    assert_well_cited(other, services.answerer)
    assert_the_twin_answers(services, asked.format("drie"))


def test_a_motie_is_found_by_the_users_word_for_its_act(tmp_path: Path) -> None:
    """ "Niet optrekken" is the user's word for the motie "niet verhogen": the act counts as
    covered when the motie asks it of the thing the question names."""
    services = _with_twin(tmp_path, (INFORMING, "de liberalisatiegrens niet verhogen"))
    assert_the_twin_answers(
        services, "Is de motie van Podt aangenomen om de liberalisatiegrens niet op te trekken?"
    )


def test_a_motie_answer_names_the_words_of_the_question_it_lacks(tmp_path: Path) -> None:
    """Answered although the motie lacks a specific word of the question: the user reads which
    one before its outcome, and checks. Its act in the user's words counts as said."""
    services = _with_twin(tmp_path, (INFORMING, "de liberalisatiegrens niet verhogen"))
    asked = services.answerer.ask(
        "Is de motie van Podt aangenomen om de liberalisatiegrens voor woonwagens niet te verhogen?"
    )
    assert not asked.refused
    assert asked.answer.startswith(
        "Deze motie noemt “woonwagens” uit uw vraag niet; controleer of het de bedoelde is. "
        "De motie (kst-32317-914"
    )
    said = services.answerer.ask(
        "Is de motie van Podt aangenomen om de liberalisatiegrens niet op te trekken?"
    )
    assert not said.refused and "noemt" not in said.answer


def test_only_the_words_that_make_the_question_specific_are_named_as_lacking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word the motie lacks that weighs less than a word it holds is the user's phrasing
    around its subject, not what makes the question specific: not named."""
    services = _with_twin(tmp_path, (INFORMING, "de liberalisatiegrens niet verhogen"))
    answerer = services.answerer
    question = parse_question(
        "Is de motie van Podt aangenomen om de liberalisatiegrens voor woonwagens niet te "
        "verhogen?",
        dt.date(2026, 12, 6),
    )
    motie = answerer.store.get_document("kst-32317-914")
    assert motie is not None
    assert answerer._unsaid(question, motie) == "“woonwagens”"
    weights = {"liberalisatiegren": 3.0, "woonwagen": 2.0}
    monkeypatch.setattr(Relevance, "weight", lambda _, stem: weights.get(stem, 1.0))
    monkeypatch.setattr(Relevance, "distinctive", lambda _, stem: True)
    assert answerer._unsaid(question, motie) == ""
    weights["woonwagen"] = 3.0
    assert answerer._unsaid(question, motie) == "“woonwagens”"


def test_unknown_motion_is_refused_without_citations(answerer: Answerer) -> None:
    answer = answerer.ask("Wat is de status van motie kst-99999-1?")
    assert answer.refused
    assert answer.citations == []
    assert "niet gevonden" in answer.answer


def test_irrelevant_free_question_is_refused(answerer: Answerer) -> None:
    answer = answerer.ask("Hoeveel pinguïns leven er op Antarctica volgens de stikstofraad?")
    assert answer.refused
    assert answer.citations == []


def test_commitments_on_a_date(answerer: Answerer) -> None:
    answer = answerer.ask("Welke toezeggingen zijn er op 20 maart 2026 gedaan?")
    assert not answer.refused
    ids = cited(answer)
    assert {"TZ202603-041", "TZ202603-042"} <= ids
    assert "nota-2026-03-27-voortgang-implementatie-asiel-en-migratiepact" in ids
    assert_well_cited(answer, answerer)


def test_commitments_on_a_date_and_whether_they_were_kept(answerer: Answerer) -> None:
    answer = answerer.ask(
        "Welke toezeggingen zijn er op 20 maart 2026 gedaan, en zijn ze nagekomen?"
    )
    assert not answer.refused
    assert "Nagekomen volgens Voortgang implementatie Asiel- en Migratiepact" in answer.answer
    assert any("doet u gestand aan de toezegging van 20 maart" in c.quote for c in answer.citations)
    assert_well_cited(answer, answerer)


def test_briefing_in_the_chat(answerer: Answerer) -> None:
    answer = answerer.ask(
        "Maak een briefing over dossier 32317: open moties, toezeggingen, brieven."
    )
    assert answer.intent == "briefing" and not answer.refused
    assert "De motie-Podt/Rajkowski (kst-32317-913): uitgevoerd volgens" in answer.answer
    assert "kamer briefing --dossier 32317" in answer.answer
    assert "nota-2026-03-27-voortgang-implementatie-asiel-en-migratiepact" in cited(answer)
    assert_well_cited(answer, answerer)
    unknown = answerer.ask("Maak een briefing over dossier 99999")
    assert unknown.refused and not unknown.citations


def test_list_of_motions_in_a_period(answerer: Answerer) -> None:
    answer = answerer.ask("Welke moties zijn in januari 2022 verworpen?")
    assert "2022Z00782" in cited(answer)
    assert_well_cited(answer, answerer)


def test_ask_json_contract(store_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["ask", "Is motie 2022Z00782 aangenomen?", "--json", "--store", str(store_path)],
        obj=Context(embedder=HashEmbedder()),
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"question", "answer", "refused", "intent", "citations", "records"} <= set(data)
    citation = data["citations"][0]
    assert set(citation) >= {"n", "id", "ids", "title", "type", "date", "url", "quote"}
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", citation["date"])


class EchoingOpenAIServer:
    """A local OpenAI-compatible endpoint that rephrases by echoing the draft and inventing one
    extra sentence, which the grounding check must drop."""

    def __init__(self) -> None:
        self.requests: list[dict[str, object]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                outer.requests.append(body)
                prompt = body["messages"][-1]["content"]
                draft = prompt.split("Concept-antwoord", 1)[-1]
                first = re.search(r"[^\n:]*\[1\]", draft)
                reply = (first.group(0).strip() if first else "") + " De motie is aangenomen [1]."
                payload = json.dumps({"choices": [{"message": {"content": reply}}]}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: object) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"


def test_llm_rephrasing_keeps_only_supported_sentences(store_path: Path) -> None:
    server = EchoingOpenAIServer()
    server.thread.start()
    try:
        settings = SETTINGS(store_path, llm_backend="openai", llm_url=server.url, llm_model="fake")
        services = build_services(settings, embedder=HashEmbedder(), today=TODAY)
        answer = services.answerer.ask(
            "Over twee maanden zal het migratiepact inwerking treden: wat zegt de nota?"
        )
    finally:
        server.server.shutdown()
        server.server.server_close()
    assert server.requests, "the LLM was asked"
    assert answer.backend.startswith("OpenAI-compatibel")
    assert "aangenomen" not in answer.answer  # invented, unsupported: dropped
    assert answer.answer.strip()
    assert_well_cited(answer, services.answerer)


def test_chat_follow_up_in_the_terminal(store_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["chat", "--store", str(store_path)],
        obj=Context(embedder=HashEmbedder()),
        input="Wat is de status van motie 2022Z00782?\nEn welke partijen stemden voor?\nstop\n",
    )
    assert result.exit_code == 0, result.output
    assert "De motie is verworpen" in result.output
    assert "Voor stemden: BIJ1, SP, PvdA" in result.output
    assert "Bronnen:" in result.output


def test_eval_command_scores_a_question_file(store_path: Path, tmp_path: Path) -> None:
    questions = tmp_path / "vragen.jsonl"
    rows = [
        {
            "id": "a",
            "kind": "motion_votes",
            "question": "Hoe is er gestemd over motie 2022Z00782?",
            "history": [],
            "expected": {"ids": ["2022Z00782"], "voor": 32, "tegen": 117},
        },
        {
            "id": "b",
            "kind": "refuse",
            "question": "Wat is de uitslag van motie kst-99999-1?",
            "history": [],
            "expected": {"refuse": True},
        },
        {
            "id": "c",
            "kind": "followup",
            "question": "Wie diende hem in?",
            "history": ["Wat is de status van motie 2022Z00782?"],
            "expected": {
                "ids": ["2022Z00782"],
                "indieners": ["Simons", "Klaver", "Dassen", "Ploumen"],
            },
        },
    ]
    questions.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["eval", "--deel", "dev", "--vragen", str(questions), "--store", str(store_path), "--json"],
        obj=Context(embedder=HashEmbedder(), settings_loader=lambda: SETTINGS(store_path)),
    )
    assert result.exit_code == 0, result.output
    parts = json.loads(result.stdout)
    assert set(parts) == {"dev"}
    summary = parts["dev"]
    assert summary["questions"] == 3
    # which models answered: the rules alone here
    assert summary["setup"] == {"llm": "extractief (zonder taalmodel)", "reader": None}
    assert summary["accuracy_by_kind"] == {"followup": 1.0, "motion_votes": 1.0, "refuse": 1.0}
    assert summary["citation_validity"] == 1.0
    assert summary["refusal_accuracy"] == 1.0
    assert (summary["refusal_precision"], summary["refusal_recall"]) == (1.0, 1.0)
    assert set(summary["retrieval_recall@5"]) == {"dense", "bm25", "hybrid"}
    assert "dev1/dev1.jsonl" in " ".join(summary["commitment_extraction"])


def test_motie_command_shows_everything_known(store_path: Path) -> None:
    runner = CliRunner()
    context = Context(embedder=HashEmbedder(), settings_loader=lambda: SETTINGS(store_path))
    result = runner.invoke(main, ["motie", "32317-913", "--store", str(store_path)], obj=context)
    assert result.exit_code == 0, result.output
    assert "De motie-Podt/Rajkowski (kst-32317-913" in result.output
    assert "Kabinetsappreciatie: Oordeel Kamer" in result.output
    assert "Uitvoering (zekerheid hoog): nota" in result.output
    missing = runner.invoke(main, ["motie", "kst-99999-1", "--store", str(store_path)], obj=context)
    assert missing.exit_code == 1
    assert "niet gevonden" in missing.output


def test_kamervraag_answer_opens_with_the_direct_reply() -> None:
    from assistant.ask_base import answer_opening
    from assistant.retrieve import Passage

    text = (
        "Vraag 2\nKlopt het dat er sancties van kracht zijn die het Europese "
        "luchtvaartmaatschappijen\nverbieden om het Russische luchtruim binnen te vliegen?\n"
        "Antwoord 2\nNee, dat klopt niet. De EU-sancties verbieden het Russische vliegtuigen.\n"
        "Vraag 3\nWat vindt u daarvan?\nAntwoord 3\nIk vind dat een goede zaak."
    )
    passage = Passage("c", "ah-tk-1", text, {"kind": "vraag-antwoord"}, 1.0)
    # The reply's first sentences, not the next question or its answer.
    assert [s for _, s in answer_opening(passage)] == [
        "Nee, dat klopt niet.",
        "De EU-sancties verbieden het Russische vliegtuigen.",
    ]
    other = Passage("c", "kst-1", text, {"kind": "tekst"}, 1.0)
    assert answer_opening(other) == []


def test_compound_with_motie_keeps_its_subject() -> None:
    from assistant.ask_base import topic_words
    from assistant.tokens import shared_tokenizer

    words = topic_words("Welke asielmoties en stikstoftoezeggingen zijn er?", shared_tokenizer())
    assert words == ["asiel", "stikstof"]


def test_the_kind_of_fact_asked_for_is_no_subject_word() -> None:
    """ "Op welke wetsbepaling ...", "Welke motie (Kamerstuknummer) ...": the text that answers
    names the article or the number, seldom the word for it; wanting something done frames the
    question. The subject stays."""
    from assistant.ask_base import topic_words
    from assistant.tokens import shared_tokenizer

    tokenizer = shared_tokenizer()
    words = topic_words(
        "Op welke wetsbepaling baseert de motie over de kostendelersnorm haar verzoek?", tokenizer
    )
    assert "kostendelersnorm" in words
    assert not {"wetsbepal", "wetsbepaling"} & set(words)
    words = topic_words(
        "Rajkowski en Becker willen een eerdere motie uitgevoerd zien. Welk Kamerstuknummer?",
        tokenizer,
    )
    assert words == ["rajkowski", "becker"]


def test_a_separable_verb_split_by_te_is_read_as_one_word() -> None:
    from assistant.ask_base import topic_words
    from assistant.tokens import shared_tokenizer

    words = topic_words("de motie om Plantage Bolivia terug te kopen", shared_tokenizer())
    assert "terugkoop" in words and "koop" not in words and "terug" not in words
    # "om te" states a purpose: nothing is joined.
    assert "bepleit" in topic_words("om te bepleiten dat het verdrag", shared_tokenizer())
    # An adjective or noun may be the first part too: "witwassen", "stilleggen".
    words = topic_words(
        "om zwart geld wit te wassen en de proef stil te leggen", shared_tokenizer()
    )
    assert "witwas" in words and "stilleg" in words and "wit" not in words


def test_a_misspelled_co_signer_does_not_hide_the_motie(answerer: Answerer) -> None:
    """ "Rajkowsky" signed nothing: the moties of Podt, the member that is known, are searched."""
    answer = answerer.ask(
        "Wat is de status van de motie van Podt en Rajkowsky over het migratiepact?"
    )
    assert not answer.refused
    assert "kst-32317-913" in cited(answer)


def test_list_of_a_members_moties_in_a_period(answerer: Answerer) -> None:
    answer = answerer.ask("Welke moties heeft Rajkowski in december 2024 ingediend?")
    assert not answer.refused
    assert cited(answer) == {"kst-32317-913"}  # only the moties Rajkowski signed
    assert_well_cited(answer, answerer)


def test_a_promise_is_found_by_what_was_said_before_it(tmp_path: Path) -> None:
    """ "Ik wil daar ook zeker op terugkomen bij de Kamer" names no subject; the question it
    answers, a sentence earlier, does. Other promises by the same speaker rank below it."""
    fixtures = Path(__file__).parent / "fixtures" / "commitments"
    settings = SETTINGS(tmp_path / "store")
    Ingestor(Store.open(settings), HashEmbedder(), settings).run(
        [fixtures / "h-tk-20172018-61-10.xml", fixtures / "dev1" / "h-tk-20172018-70-12.xml"]
    )
    answerer = build_services(settings, embedder=HashEmbedder(), today=TODAY).answerer
    answer = answerer.ask(
        "Wat heeft staatssecretaris Keijzer toegezegd over overheden die rekeningen betalen?"
    )
    assert not answer.refused
    first = answer.answer.splitlines()[1]
    assert "Ik wil daar ook zeker op terugkomen bij de Kamer." in first
    assert_well_cited(answer, answerer)


def test_a_debate_promise_is_found_by_the_members_question_and_shows_the_chairs_words(
    tmp_path: Path,
) -> None:
    """Jetten's promise names neither SCHEER nor JRC; Kröger's question just before it does.
    The answer quotes the promise and the chair's "Dat is een toezegging.", both cited."""
    debate = Path(__file__).parent / "fixtures" / "tei"
    settings = SETTINGS(tmp_path / "store")
    Ingestor(Store.open(settings), HashEmbedder(), settings).run([debate])
    answerer = build_services(settings, embedder=HashEmbedder(), today=TODAY).answerer
    answer = answerer.ask("Welke toezegging deed Jetten over het advies van de commissie-SCHEER?")
    assert not answer.refused
    first = answer.answer.splitlines()[1]
    assert "dan zal ik die de Kamer doen toekomen." in first
    assert 'De voorzitter: "Dat is een toezegging."' in first
    assert {c.quote for c in answer.citations} >= {"Dat is een toezegging."}
    assert_well_cited(answer, answerer)


def test_a_question_about_letters_and_when_prefers_dated_letters(tmp_path: Path) -> None:
    debate = Path(__file__).parent / "fixtures" / "commitments" / "dev1" / "h-tk-20172018-70-5.xml"
    settings = SETTINGS(tmp_path / "store")
    Ingestor(Store.open(settings), HashEmbedder(), settings).run([debate])
    answerer = build_services(settings, embedder=HashEmbedder(), today=TODAY).answerer
    answer = answerer.ask(
        "Wanneer krijgt de Kamer de brieven die minister De Jonge toezegde over Careyn?"
    )
    assert not answer.refused
    first = answer.answer.splitlines()[1]
    assert re.search(r"\b(?:brief|toekomen)\b", first), first
    assert re.search(r"\b(?:mei|juni)\b", first), first
    assert_well_cited(answer, answerer)


@pytest.mark.parametrize(
    ("question", "clause", "holds"),
    [
        (
            "Hoe laat gaat de balie meestal dicht?",
            "dat de balie doorgaans rond 17.00 uur sluit",
            True,
        ),
        ("Sinds wanneer geldt de regel?", "dat de regel sinds 1 januari 2024 geldt", True),
        ("Welk deel van de arbeidsmigranten werkt in de logistiek?", "dat 76% werkt", True),
        ("Hoe laat gaat de balie dicht?", "dat de balie vroeg sluit", False),
    ],
)
def test_what_kind_of_answer_a_question_asks_for(question: str, clause: str, holds: bool) -> None:
    """A number for "hoeveel" or "welk deel", a moment for "wanneer" or "hoe laat": the clause
    of a motie that holds one is the answer when its title and dictum do not."""
    from assistant.ask_motions import asked_kind

    kind = asked_kind(question)
    assert kind is not None
    assert bool(kind.search(clause)) is holds


def test_a_motie_known_only_from_the_handelingen_gets_the_declared_vote(
    answerer: Answerer,
) -> None:
    """The gewijzigde motie-Wassenberg (21501-08, nr. 726) is no document in the index; the
    Handelingen of 5 April 2018 call its vote and the chair declares the result in the next
    sentence: that sentence is quoted with the call."""
    answer = answerer.ask(
        "Welke fracties stemden voor de gewijzigde motie-Wassenberg (21501-08, nr. 726), en is "
        "die aangenomen?"
    )
    assert not answer.refused
    assert_well_cited(answer, answerer)
    quotes = " ".join(c.quote for c in answer.citations)
    assert "In stemming komt de gewijzigde motie-Wassenberg" in quotes
    assert "50PLUS voor deze gewijzigde motie hebben gestemd" in quotes
    assert "zodat zij is verworpen" in quotes


def test_only_the_declaration_right_after_a_call_is_added() -> None:
    text = (
        "In stemming komt de motie-Jansen (12345, nr. 6).\n\nDe voorzitter: Ik constateer dat "
        "de leden van de fracties van de SP en de PvdA voor deze motie hebben gestemd en de "
        "leden van de overige fracties ertegen, zodat zij is verworpen.\n\nIn stemming komt de "
        "motie-De Vries (12345, nr. 7).\n\nDe heer Graus: Ik wil een stemverklaring afleggen."
    )
    call = "In stemming komt de motie-Jansen (12345, nr. 6)."
    other = "In stemming komt de motie-De Vries (12345, nr. 7)."
    assert with_declared_votes([call], text)[1].endswith("zodat zij is verworpen.")
    assert with_declared_votes([other], text) == [other]
    assert with_declared_votes(["Zij krijgt nr. 6."], text) == ["Zij krijgt nr. 6."]
