"""A served language model reads the motie the rules are unsure of: it may confirm it, reject it
as a neighbour, or recognise the closest one as the motie meant; the answer says which."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest

from assistant.ask import Answerer
from assistant.ask_motions import reading_line
from assistant.compose import Services, build_services
from assistant.documents import MOTIE, Document, Motion
from assistant.errors import ConfigError
from assistant.llm.base import LLMError
from assistant.llm.openai_compat import OpenAICompatibleLLM
from assistant.llm.reader import (
    INSTRUCTION,
    MAX_TEXT_CHARS,
    SYSTEM_PROMPT,
    MotionReader,
    Reading,
    reading_prompt,
    verdict_of,
)
from assistant.render import render_eval
from assistant.settings import load_settings
from assistant.ui.common import backend_note
from tests.test_answerability import answerer  # noqa: F401 (a fixture: the sample store)
from tests.test_llm import (
    FakeServer,
    Reply,
    closed_port,
    openai_reply,
    server,  # noqa: F401 (a fixture: a fake LLM server on 127.0.0.1)
)
from tests.test_subjects import FixedEmbedder, jansens_moties, unit

PARKS = "Is de motie van Jansen over vakantieparken aangenomen?"


@dataclass
class ScriptedLLM:
    """Replies with `reply` (or raises `error`) and records each prompt."""

    reply: str = "Ja"
    error: LLMError | None = None
    name: str = "test-model"
    prompts: list[str] = field(default_factory=list)

    def complete(self, system: str, prompt: str) -> str:
        assert system == SYSTEM_PROMPT
        self.prompts.append(prompt)
        if self.error is not None:
            raise self.error
        return self.reply


def jansen_with(tmp_path: Path, llm: ScriptedLLM) -> tuple[Answerer, FixedEmbedder]:
    jansen, embedder = jansens_moties(tmp_path)
    jansen.reader = MotionReader(llm)
    return jansen, embedder


@pytest.mark.parametrize(
    ("reply", "verdict"),
    [
        ("Ja", True),
        ("ja.", True),
        ("**Ja**, de motie vraagt hetzelfde in andere woorden.", True),
        ("Yes", True),
        ("Nee", False),
        ("Nee, deze motie gaat over zonnepanelen.", False),
        ("  no", False),
        ("Misschien", None),
        ("Jazeker niet", None),  # only "ja" or "nee" decides
        ("", None),
        ("1. ja", True),  # a number before it is no word
    ],
)
def test_the_first_word_of_the_reply_is_the_verdict(reply: str, verdict: bool | None) -> None:
    assert verdict_of(reply) is verdict


def test_the_prompt_holds_the_question_and_what_the_motie_asks_cut_when_long() -> None:
    prompt = reading_prompt(PARKS, "Motie van het lid Jansen over recreatieparken", "parken open")
    assert PARKS in prompt and "Motie: Motie van het lid Jansen over recreatieparken" in prompt
    assert "Wat de motie vraagt: parken open" in prompt and prompt.endswith(INSTRUCTION)
    long = reading_prompt(PARKS, "Motie", "x" * (MAX_TEXT_CHARS + 500))
    assert "x" * MAX_TEXT_CHARS + " ..." in long and "x" * (MAX_TEXT_CHARS + 1) not in long


def test_each_motie_is_read_once_per_question_and_a_failure_is_tried_again() -> None:
    llm = ScriptedLLM("Nee")
    reader = MotionReader(llm)
    assert reader.read("vraag", "Motie A", "a").verdict is False
    assert reader.read("vraag", "Motie A", "a").verdict is False
    assert len(llm.prompts) == 1
    llm.reply = "Dat weet ik niet"
    unclear = reader.read("andere vraag", "Motie B", "b")
    assert unclear.verdict is None and unclear.problem == "onduidelijk antwoord: 'Dat weet ik niet'"
    llm.error = LLMError("Taalmodel niet bereikbaar")
    failed = reader.read("nog een vraag", "Motie C", "c")
    assert failed.verdict is None and failed.problem == "Taalmodel niet bereikbaar"
    llm.error = None
    llm.reply = "Ja"
    assert reader.read("nog een vraag", "Motie C", "c").verdict is True


def test_a_motie_chosen_by_meaning_alone_that_the_reader_rejects_is_refused(
    tmp_path: Path,
) -> None:
    llm = ScriptedLLM("Nee, deze motie gaat over iets anders.")
    jansen, _ = jansen_with(tmp_path, llm)
    answer = jansen.ask(PARKS)
    assert answer.refused
    assert answer.answer.startswith("Ik vond geen motie van Jansen")
    assert "Het dichtst in de buurt, maar niet zeker wat u bedoelt: Gewijzigde motie" in (
        answer.answer
    )
    assert answer.answer.endswith(
        "Het taalmodel (test-model) las kst-1-4 en vindt dat deze motie iets anders vraagt dan "
        "u beschrijft."
    )
    assert "aangenomen" not in answer.answer.replace(PARKS, "")
    # It read the motie the rules chose, with the user's question.
    assert len(llm.prompts) == 1
    assert PARKS in llm.prompts[0] and "Jansen over recreatieparken" in llm.prompts[0]


def test_a_motie_the_reader_confirms_keeps_the_rules_doubts_and_says_who_read_it(
    tmp_path: Path,
) -> None:
    jansen, _ = jansen_with(tmp_path, ScriptedLLM("Ja"))
    answer = jansen.ask(PARKS)
    assert not answer.refused
    assert answer.answer.startswith("Herkend aan de betekenis, niet aan de woorden")
    assert (
        "Deze motie noemt “vakantieparken” uit uw vraag niet. Het taalmodel (test-model) las "
        "kst-1-4 en vindt dat deze motie vraagt wat u beschrijft. De gewijzigde motie-Jansen"
        in answer.answer
    )
    assert answer.answer.count("controleer") == 1  # asked once, by the rules' line


def test_the_reader_may_recognise_the_closest_motie_the_rules_would_not_answer(
    tmp_path: Path,
) -> None:
    llm = ScriptedLLM("Nee")
    jansen, embedder = jansen_with(tmp_path, llm)
    embedder.query = unit(1, 0.9, 0, 0)  # recreatieparken, but zonnepanelen comes close
    refused = jansen.ask(PARKS)
    assert refused.refused and refused.answer.startswith("Ik vond geen motie van Jansen")
    assert refused.answer.endswith(
        "las kst-1-4 en vindt dat deze motie iets anders vraagt dan u beschrijft."
    )
    llm.reply = "Ja"
    answer = jansen.ask(PARKS.replace("aangenomen", "verworpen"))
    assert not answer.refused
    assert answer.answer.startswith(
        "Deze motie noemt “vakantieparken” uit uw vraag niet; controleer of het de bedoelde is. "
        "Het taalmodel (test-model) las kst-1-4 en vindt dat deze motie vraagt wat u beschrijft"
    )
    assert answer.citations[0].id == "kst-1-4" and answer.answer.count("controleer") == 1
    assert "Jansen over recreatieparken" in llm.prompts[-1] and "verworpen?" in llm.prompts[-1]


def test_a_confirmation_asks_the_user_to_check_unless_the_rules_already_did() -> None:
    doc = Document(id="kst-1-1", type=MOTIE, title="Motie van het lid Jansen", motion=Motion())
    yes, no = Reading(True, "m"), Reading(False, "m")
    assert reading_line(yes, doc) == (
        " Het taalmodel (m) las kst-1-1 en vindt dat deze motie vraagt wat u beschrijft; "
        "controleer of het de bedoelde is."
    )
    assert reading_line(yes, doc, check=False).endswith("vraagt wat u beschrijft.")
    assert reading_line(no, doc, check=False) == reading_line(no, doc)
    assert reading_line(None, doc) == "" and reading_line(yes, None) == ""


def test_an_unreachable_reader_leaves_the_rules_answer_and_says_so(tmp_path: Path) -> None:
    jansen, embedder = jansen_with(tmp_path, ScriptedLLM(error=LLMError("geen verbinding")))
    answer = jansen.ask(PARKS)
    assert not answer.refused and answer.answer.startswith("Herkend aan de betekenis")
    assert "Het taalmodel (test-model) kon kst-1-4 niet beoordelen (geen verbinding)" in (
        answer.answer
    )
    embedder.query = unit(1, 0.9, 0, 0)
    refused = jansen.ask(PARKS.replace("aangenomen", "verworpen"))
    assert refused.refused
    assert refused.answer.endswith(
        "kon kst-1-4 niet beoordelen (geen verbinding); dit volgt de regels."
    )


def test_a_motie_the_words_name_plainly_is_not_read(answerer: Answerer) -> None:  # noqa: F811
    llm = ScriptedLLM("Nee")
    answerer.reader = MotionReader(llm)
    try:
        answer = answerer.ask("Is de motie van Podt en Rajkowski over het migratiepact aangenomen?")
    finally:
        answerer.reader = None
    assert not answer.refused and "taalmodel" not in answer.answer
    assert llm.prompts == []


def test_the_served_reader_is_asked_over_http_and_its_verdict_holds(
    tmp_path: Path,
    server: FakeServer,  # noqa: F811
) -> None:
    jansen, _ = jansens_moties(tmp_path)
    jansen.reader = MotionReader(OpenAICompatibleLLM(f"{server.url}/v1", "qwen2.5-32b"))
    server.enqueue(openai_reply("Nee."))
    answer = jansen.ask(PARKS)
    assert answer.refused
    assert "Het taalmodel (OpenAI-compatibel: qwen2.5-32b @ " in answer.answer
    (path, _, body) = server.requests[0]
    assert path == "/v1/chat/completions" and body["temperature"] == 0
    assert body["messages"][0] == {"role": "system", "content": SYSTEM_PROMPT}
    assert PARKS in body["messages"][1]["content"]
    server.enqueue(Reply(500, json.dumps({"error": "overloaded"}).encode()))
    failed = jansen.ask(PARKS.replace("aangenomen", "verworpen"))
    assert not failed.refused and "niet beoordelen" in failed.answer


def test_the_setting_asks_for_a_model_and_builds_the_reader_once(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="llm_reads_moties"):
        load_settings({"KAMER_LLM_READS_MOTIES": "true"}, config_file=tmp_path / "none.toml")
    env = {
        "KAMER_STORE": str(tmp_path / "store"),
        "KAMER_LLM_BACKEND": "openai",
        "KAMER_LLM_URL": f"http://127.0.0.1:{closed_port()}/v1",
        "KAMER_LLM_MODEL": "m",
    }
    settings = load_settings(env, config_file=tmp_path / "none.toml")
    assert settings.llm_reads_moties is False
    assert build_services(settings, embedder=FixedEmbedder()).answerer.reader is None
    settings = load_settings({**env, "KAMER_LLM_READS_MOTIES": "ja"}, tmp_path / "none.toml")
    services = build_services(settings, embedder=FixedEmbedder())
    assert services.answerer.reader is not None and services.answerer.reader.llm is services.llm
    assert services.answerer.llm is services.llm and services.backend == services.llm.name
    # The model may read moties without rewording the answers (and be measured so).
    reads = {**env, "KAMER_LLM_READS_MOTIES": "1", "KAMER_LLM_REPHRASES": "0"}
    services = build_services(load_settings(reads, tmp_path / "none.toml"), FixedEmbedder())
    assert services.answerer.reader is not None and services.answerer.llm is None
    assert services.backend == "extractief (zonder taalmodel)"


def test_without_a_reader_nothing_changes(tmp_path: Path) -> None:
    """Without a reader, nothing changes: the rules' answer, no line about a model."""
    jansen, _ = jansens_moties(tmp_path)
    assert jansen.reader is None
    answer = jansen.ask(PARKS)
    assert "taalmodel" not in answer.answer.lower()


def test_eval_figures_say_which_model_read_the_moties() -> None:
    setup = {"llm": "extractief (zonder taalmodel)", "reader": "OpenAI-compatibel: m @ u"}
    text = render_eval({"dev": {"setup": setup}})
    assert "Antwoorden: extractief (zonder taalmodel); moties bij twijfel gelezen door: " in text
    assert text.endswith("OpenAI-compatibel: m @ u")


def test_the_app_says_when_the_model_reads_moties() -> None:
    llm = ScriptedLLM()
    rules = SimpleNamespace(reader=None, llm=llm)
    built = cast(Services, SimpleNamespace(llm=llm, backend=llm.name, answerer=rules))
    assert backend_note(built).startswith("Antwoorden worden geformuleerd door taalmodel test")
    assert "leest taalmodel" not in backend_note(built)
    rules.reader = MotionReader(llm)
    assert backend_note(built).endswith(
        "leest taalmodel test-model na; het antwoord zegt wat het vond."
    )
    rules.llm = None  # reading only: the answers stay extractive
    assert backend_note(built).startswith(
        "Antwoorden zijn extractief: zinnen en velden letterlijk uit de bronnen. Een motie"
    )
    rules.reader = None
    assert backend_note(built).endswith("letterlijk uit de bronnen, zonder taalmodel.")
