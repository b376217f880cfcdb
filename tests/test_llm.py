"""The optional LLM layer: served backends against a local fake server, grounding, rewriting."""

from __future__ import annotations

import json
import re
import socket
import sys
import threading
import types
from collections.abc import Callable, Iterator
from dataclasses import FrozenInstanceError, dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from assistant.errors import ConfigError, KamerError
from assistant.llm import LLM, LLMError, build_llm
from assistant.llm.grounding import (
    SYSTEM_PROMPT,
    GroundedAnswer,
    check_grounding,
    citation_markers,
    rewrite_with_llm,
    split_sentences,
)
from assistant.llm.llamacpp import LlamaCppLLM
from assistant.llm.ollama import OllamaLLM
from assistant.llm.openai_compat import OpenAICompatibleLLM

FIXTURES = Path(__file__).parent / "fixtures"
NOTA = (FIXTURES / "nota" / "nota-voortgang-implementatie-migratiepact-2026-03-27.txt").read_text(
    encoding="utf-8"
)


def nota_sentence(start: str) -> str:
    """One real sentence of the nota, found by its first words."""
    return next(s for s in split_sentences(NOTA) if s.startswith(start))


def motie_913() -> str:
    """The real text of motie 32 317, nr. 913 (Podt and Rajkowski), tags stripped."""
    xml = (FIXTURES / "xml" / "326ecaea-dcf2-47b4-b84b-6670a3caf34c.xml").read_text("utf-8")
    text = " ".join(re.sub(r"<[^>]+>", " ", xml).split())
    return text[text.index("De Kamer, gehoord") :]


# Real vote of motie Simons c.s. (tests/fixtures/odata/stemmingen), as the project renders it.
SIMONS = (
    "Motie van het lid Simons c.s. over de plannen voor strafrechtelijk detineren van "
    "uitgeprocedeerde asielzoekers niet tot uitvoering brengen\n"
    "Uitslag             verworpen\n"
    "Stemmen             32 voor, 117 tegen (zetels per fractie)"
)


# --- a fake LLM server on 127.0.0.1 --------------------------------------------------------


@dataclass
class Reply:
    status: int = 200
    body: bytes = b"{}"
    wait: bool = False  # hold the reply until the test ends (for timeouts)


class FakeServer:
    """Records each request and answers with the replies enqueued, in order."""

    def __init__(self) -> None:
        self.replies: list[Reply] = []
        self.requests: list[tuple[str, dict[str, str], Any]] = []
        self.release = threading.Event()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def enqueue(self, reply: Reply | dict[str, Any]) -> None:
        self.replies.append(
            reply if isinstance(reply, Reply) else Reply(200, json.dumps(reply).encode())
        )

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers["Content-Length"]))
                fake.requests.append((self.path, dict(self.headers), json.loads(raw)))
                reply = fake.replies.pop(0)
                if reply.wait:
                    fake.release.wait(5)
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test): nothing to answer

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep test output clean

        return Handler


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeServer]:
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    fake = FakeServer()
    thread = threading.Thread(target=fake.httpd.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield fake
    fake.release.set()
    fake.httpd.shutdown()
    fake.httpd.server_close()
    thread.join(5)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def openai_reply(text: str) -> dict[str, Any]:
    return {"choices": [{"index": 0, "message": {"role": "assistant", "content": text}}]}


def ollama_reply(text: str) -> dict[str, Any]:
    return {"model": "qwen2.5:3b", "message": {"role": "assistant", "content": text}, "done": True}


Backend = tuple[Callable[[str, float], LLM], Callable[[str], dict[str, Any]], str]
BACKENDS: dict[str, Backend] = {
    "openai": (
        lambda url, timeout: OpenAICompatibleLLM(f"{url}/v1/", "qwen2.5", "geheim", timeout),
        openai_reply,
        "/v1/chat/completions",
    ),
    "ollama": (
        lambda url, timeout: OllamaLLM(url, "qwen2.5:3b", timeout=timeout),
        ollama_reply,
        "/api/chat",
    ),
}


@pytest.fixture(params=sorted(BACKENDS))
def backend(request: pytest.FixtureRequest) -> Backend:
    return BACKENDS[request.param]


# --- served backends -----------------------------------------------------------------------


def test_served_backend_sends_system_and_user_and_returns_content(
    server: FakeServer, backend: Backend
) -> None:
    make, reply, path = backend
    server.enqueue(reply("De motie is verworpen [1]."))
    llm = make(server.url, 5.0)
    assert (
        llm.complete("Wees kort.", "Wat gebeurde er met de motie?") == "De motie is verworpen [1]."
    )
    sent_path, _, body = server.requests[0]
    assert sent_path == path
    assert body["messages"] == [
        {"role": "system", "content": "Wees kort."},
        {"role": "user", "content": "Wat gebeurde er met de motie?"},
    ]


def test_openai_body_header_and_name(server: FakeServer) -> None:
    server.enqueue(openai_reply("ok"))
    llm = OpenAICompatibleLLM(f"{server.url}/v1/", "qwen2.5", api_key="geheim")
    llm.complete("s", "p")
    _, headers, body = server.requests[0]
    assert body["model"] == "qwen2.5"
    assert body["temperature"] == 0
    assert headers["Authorization"] == "Bearer geheim"
    assert llm.name == f"OpenAI-compatibel: qwen2.5 @ {server.url}/v1"
    assert "geheim" not in llm.name + repr(llm)


def test_openai_without_key_sends_no_authorization(server: FakeServer) -> None:
    server.enqueue(openai_reply("ok"))
    OpenAICompatibleLLM(f"{server.url}/v1", "qwen2.5").complete("s", "p")
    assert "Authorization" not in server.requests[0][1]


def test_ollama_body_and_name(server: FakeServer) -> None:
    server.enqueue(ollama_reply("ok"))
    llm = OllamaLLM(server.url + "/", "qwen2.5:3b")
    llm.complete("s", "p")
    body = server.requests[0][2]
    assert body["stream"] is False
    assert body["model"] == "qwen2.5:3b"
    assert body["options"] == {"temperature": 0}
    assert llm.name == f"Ollama: qwen2.5:3b @ {server.url}"


def test_http_500_names_server_and_its_message(server: FakeServer, backend: Backend) -> None:
    make, _, path = backend
    server.enqueue(Reply(500, b'{"error": {"message": "model overloaded"}}'))
    with pytest.raises(LLMError, match=r"antwoordt met HTTP 500: model overloaded") as info:
        make(server.url, 5.0).complete("s", "p")
    assert f"LLM-server op {server.url}" in str(info.value)
    assert path in str(info.value)


def test_ollama_404_says_which_model(server: FakeServer) -> None:
    server.enqueue(Reply(404, b'{"error": "model \\"qwen9\\" not found, try pulling it first"}'))
    with pytest.raises(LLMError, match=r'HTTP 404: model "qwen9" not found'):
        OllamaLLM(server.url, "qwen9").complete("s", "p")


def test_garbage_json_is_an_llm_error(server: FakeServer, backend: Backend) -> None:
    make, _, _ = backend
    server.enqueue(Reply(200, b"<html>Bad Gateway</html>"))
    with pytest.raises(LLMError, match=r"geen geldige JSON|niet met geldige JSON.*Bad Gateway"):
        make(server.url, 5.0).complete("s", "p")


def test_json_of_the_wrong_shape_is_an_llm_error(server: FakeServer, backend: Backend) -> None:
    make, _, _ = backend
    server.enqueue({"choices": [], "message": None})
    with pytest.raises(LLMError, match=r"onverwacht antwoord.*llm_backend"):
        make(server.url, 5.0).complete("s", "p")


def test_connection_refused_says_check_the_server(backend: Backend) -> None:
    make, _, _ = backend
    url = f"http://127.0.0.1:{closed_port()}"
    with pytest.raises(LLMError, match=r"antwoordt niet: .*Draait de server") as info:
        make(url, 5.0).complete("s", "p")
    assert url in str(info.value)
    assert isinstance(info.value, KamerError)


def test_timeout_is_an_llm_error(server: FakeServer, backend: Backend) -> None:
    make, reply, _ = backend
    server.enqueue(Reply(200, json.dumps(reply("te laat")).encode(), wait=True))
    with pytest.raises(LLMError, match=r"geen antwoord binnen 0.2 s.*llm_timeout"):
        make(server.url, 0.2).complete("s", "p")


# --- llama.cpp (optional extra, faked here) ------------------------------------------------


def test_llamacpp_missing_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "llama_cpp", None)  # makes `import llama_cpp` fail
    with pytest.raises(
        LLMError, match=r"niet geïnstalleerd; installeer met `pip install -e \.\[llm\]`"
    ):
        LlamaCppLLM("model.gguf")


@pytest.fixture
def fake_llama_cpp(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []

    class Llama:
        def __init__(self, **kwargs: Any) -> None:
            calls.append(kwargs)

        def create_chat_completion(self, **kwargs: Any) -> dict[str, Any]:
            calls.append(kwargs)
            return openai_reply("Antwoord [1].")

    module = types.ModuleType("llama_cpp")
    module.Llama = Llama  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "llama_cpp", module)
    return calls


def test_llamacpp_loads_once_and_completes(tmp_path: Path, fake_llama_cpp: list[Any]) -> None:
    model = tmp_path / "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
    model.write_bytes(b"GGUF")
    llm = LlamaCppLLM(str(model), n_ctx=2048, n_threads=2)
    assert llm.complete("s", "p") == "Antwoord [1]."
    assert llm.name == "llama.cpp: qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
    load, chat = fake_llama_cpp
    assert load == {"model_path": str(model), "n_ctx": 2048, "n_threads": 2, "verbose": False}
    assert chat["temperature"] == 0
    assert [m["role"] for m in chat["messages"]] == ["system", "user"]


def test_llamacpp_missing_model_file(tmp_path: Path, fake_llama_cpp: list[Any]) -> None:
    with pytest.raises(LLMError, match=r"GGUF-model niet gevonden.*llm_path"):
        LlamaCppLLM(str(tmp_path / "nergens.gguf"))


# --- build_llm -----------------------------------------------------------------------------


def build(backend: str, **overrides: str | None) -> LLM | None:
    options: dict[str, Any] = {"url": None, "model": None, "api_key": None, "path": None}
    return build_llm(backend, **(options | overrides))


def test_build_llm_backends() -> None:
    assert build("none") is None
    openai = build("openai", url="http://localhost:8080/v1", model="qwen2.5")
    assert isinstance(openai, OpenAICompatibleLLM)
    assert openai.name == "OpenAI-compatibel: qwen2.5 @ http://localhost:8080/v1"
    ollama = build(" Ollama ")
    assert isinstance(ollama, OllamaLLM)
    assert ollama.name == "Ollama: qwen2.5:3b @ http://localhost:11434"


def test_build_llm_unknown_backend_names_key_and_values() -> None:
    with pytest.raises(ConfigError, match=r"'llm_backend'.*'gpt'.*'none', 'openai', 'ollama'"):
        build("gpt")


@pytest.mark.parametrize(
    ("backend", "key"), [("openai", "llm_url"), ("llamacpp", "llm_path")], ids=["url", "path"]
)
def test_build_llm_missing_setting_names_key(backend: str, key: str) -> None:
    with pytest.raises(ConfigError, match=f"'{key}' ontbreekt"):
        build(backend, model="qwen2.5")


# --- sentences and grounding -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "De motie-Podt c.s. vraagt om een brief. Het kabinet stuurt die voor 1 juni.",
            ["De motie-Podt c.s. vraagt om een brief.", "Het kabinet stuurt die voor 1 juni."],
        ),
        (
            "Zie Kamerstuk 32 317, nr. 913. De motie is aangenomen.",
            ["Zie Kamerstuk 32 317, nr. 913.", "De motie is aangenomen."],
        ),
        ("Dit geldt o.a. Defensie en d.d. 12 maart ook JenV.", None),
        ("De motie (t.v.v. 36708-19) van mr. J. de Vries is aangenomen.", None),
        (
            "De kosten stijgen 3.5 procent. Dat is 1,2 miljard [2].",
            ["De kosten stijgen 3.5 procent.", "Dat is 1,2 miljard [2]."],
        ),
        ("Eerste zin. [1] Tweede zin [2][3].", ["Eerste zin. [1]", "Tweede zin [2][3]."]),
        (
            "Kort:\n- punt een [1]\n- punt twee [2]\n\nSlot",
            ["Kort:", "punt een [1]", "punt twee [2]", "Slot"],
        ),
        ("Een zin die\nover twee regels loopt [1].", ["Een zin die over twee regels loopt [1]."]),
    ],
)
def test_split_sentences(text: str, expected: list[str] | None) -> None:
    assert split_sentences(text) == (expected or [text])


def test_split_sentences_on_the_nota() -> None:
    sentences = split_sentences(NOTA)
    assert "¹ Tweede Kamer, vergaderjaar 2025-2026, 32 317, nr. 913" in sentences
    assert "4.1. Politieke context" in sentences
    assert nota_sentence("Alvorens").endswith("op 20 maart² jl.")
    assert nota_sentence("Over twee").endswith("treden.")


def test_citation_markers() -> None:
    assert citation_markers("Zo is het [2][3], zie ook [3, 4] en [1].") == [2, 3, 4, 1]
    assert citation_markers("Geen bron.") == []


def test_supported_paraphrases_of_the_nota_are_kept() -> None:
    passages = {1: nota_sentence("Met deze brief wordt"), 2: nota_sentence("Over twee")}
    answer = (
        "Met deze brief wordt de motie-Podt/Rajkowski uitgevoerd [1]. "
        "Het migratiepact treedt over twee maanden in werking [2]."
    )
    grounded = check_grounding(answer, passages)
    assert grounded.dropped == []
    assert grounded.text == answer
    assert grounded.supported[1] == (
        "Het migratiepact treedt over twee maanden in werking [2].",
        [2],
    )
    assert grounded.citations == [1, 2]


def test_a_claim_the_motie_text_does_not_make_is_dropped() -> None:
    answer = (
        "De motie-Podt/Rajkowski is aangenomen [1]. "
        "De motie-Podt/Rajkowski verzoekt het kabinet de Kamer periodiek te informeren [1]."
    )
    grounded = check_grounding(answer, {1: motie_913()})
    assert grounded.dropped == ["De motie-Podt/Rajkowski is aangenomen [1]."]
    assert grounded.text == (
        "De motie-Podt/Rajkowski verzoekt het kabinet de Kamer periodiek te informeren [1]."
    )


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("De motie-Simons c.s. is verworpen met 32 stemmen voor en 117 tegen [1].", True),
        ("De motie-Simons c.s. kreeg 31 stemmen voor [1].", False),
        ("De motie-Simons c.s. kreeg 32 stemmen voor [1].", True),
        ("De motie-Simons c.s. is aangenomen [1].", False),
        ("De motie-Simons c.s. is niet verworpen [1].", False),
        ("De motie-Simons c.s. wil de plannen niet tot uitvoering brengen [1].", True),
        ("De motie-Simons c.s. is verworpen [2].", False),  # unknown marker
        ("De motie-Simons c.s. is verworpen.", False),  # no marker
        ("De motie-Simons c.s. is verworpen [1][3].", True),  # one more passage is fine
    ],
)
def test_numbers_outcomes_negations_and_markers(sentence: str, kept: bool) -> None:
    grounded = check_grounding(sentence, {1: SIMONS, 3: motie_913()})
    assert bool(grounded.supported) is kept
    assert grounded.dropped == ([] if kept else [sentence])


def test_dates_and_kamerstuk_numbers_must_match() -> None:
    passages = {
        1: nota_sentence("Met deze brief wordt"),
        2: "Tweede Kamer, Kamerstuk 32 317, nr. 913",
    }
    assert check_grounding("De toezegging is van 20 maart [1].", passages).supported
    assert not check_grounding("De toezegging is van 21 maart [1].", passages).supported
    assert check_grounding("Het gaat om Kamerstuk 32317-913 [2].", passages).supported
    assert not check_grounding("Het gaat om Kamerstuk 32 318, nr. 913 [2].", passages).supported


def test_a_sentence_needs_its_own_cited_passages() -> None:
    passages = {1: SIMONS, 2: motie_913()}
    sentence = "De motie-Podt/Rajkowski vraagt per bouwsteen te rapporteren over de kosten"
    assert not check_grounding(f"{sentence} [1].", passages).supported
    assert check_grounding(f"{sentence} [2].", passages).supported
    both = (
        "De motie-Simons c.s. is verworpen en Podt en Rajkowski verzoeken om voortgangsinformatie"
    )
    assert not check_grounding(f"{both} [1].", passages).supported
    assert check_grounding(f"{both} [1][2].", passages).supported


def test_threshold_and_sentences_without_content() -> None:
    passages = {1: nota_sentence("Over twee")}
    paraphrase = "Het migratiepact treedt over twee maanden in werking [1]."
    assert not check_grounding(paraphrase, passages, threshold=1.0).supported
    assert not check_grounding("Dat is zo [1].", passages).supported


def test_grounded_answer_is_frozen() -> None:
    grounded = check_grounding("", {})
    assert grounded == GroundedAnswer(text="", dropped=[], supported=[])
    with pytest.raises(FrozenInstanceError):
        grounded.text = "iets"  # type: ignore[misc]


# --- rewriting with a scripted LLM ---------------------------------------------------------


class ScriptedLLM:
    """Answers with the replies enqueued, in order, and records each prompt (llm's MockModel)."""

    name = "scripted"

    def __init__(self) -> None:
        self.replies: list[str] = []
        self.calls: list[tuple[str, str]] = []

    def enqueue(self, replies: list[str]) -> None:
        self.replies.extend(replies)

    def complete(self, system: str, prompt: str) -> str:
        self.calls.append((system, prompt))
        return self.replies.pop(0)


QUESTION = "Welke motie voert de nota over het migratiepact uit?"
DRAFT = "Met deze brief wordt de motie Podt en Rajkowski uitgevoerd [1]."


@pytest.fixture
def passages() -> dict[int, str]:
    return {1: nota_sentence("Met deze brief wordt"), 2: motie_913()}


def test_rewrite_sends_question_sources_and_draft(passages: dict[int, str]) -> None:
    llm = ScriptedLLM()
    llm.enqueue(["Deze brief voert de motie-Podt/Rajkowski uit [1]."])
    grounded = rewrite_with_llm(llm, QUESTION, DRAFT, passages)
    assert grounded.text == "Deze brief voert de motie-Podt/Rajkowski uit [1]."
    system, prompt = llm.calls[0]
    assert system == SYSTEM_PROMPT
    assert "uitsluitend op basis van de genummerde bronnen" in system
    assert "niet gevonden" in system
    assert QUESTION in prompt
    assert DRAFT in prompt
    assert f"[1] {passages[1]}" in prompt
    assert f"[2] {passages[2]}" in prompt


def test_rewrite_drops_an_invented_sentence(passages: dict[int, str]) -> None:
    llm = ScriptedLLM()
    invented = "De motie is op 12 december 2024 met 150 stemmen aangenomen [2]."
    llm.enqueue([f"Met deze brief wordt de motie-Podt/Rajkowski uitgevoerd [1]. {invented}"])
    grounded = rewrite_with_llm(llm, QUESTION, DRAFT, passages)
    assert grounded.text == "Met deze brief wordt de motie-Podt/Rajkowski uitgevoerd [1]."
    assert grounded.dropped == [invented]


@pytest.mark.parametrize(
    "reply",
    [
        "Niet gevonden.",
        "De minister heeft toegezegd voor 1 juli 2026 een wetsvoorstel te sturen [1].",
    ],
)
def test_rewrite_falls_back_to_the_grounded_draft(passages: dict[int, str], reply: str) -> None:
    llm = ScriptedLLM()
    llm.enqueue([reply])
    grounded = rewrite_with_llm(llm, QUESTION, DRAFT, passages)
    assert grounded.text == DRAFT
    assert grounded.supported == [(DRAFT, [1])]
    assert grounded.dropped == [reply]


def test_rewrite_lets_llm_errors_through(server: FakeServer, passages: dict[int, str]) -> None:
    server.enqueue(Reply(503, b"Service Unavailable"))
    llm = OpenAICompatibleLLM(f"{server.url}/v1", "qwen2.5")
    with pytest.raises(LLMError, match="HTTP 503: Service Unavailable"):
        rewrite_with_llm(llm, QUESTION, DRAFT, passages)


# --- second opinion on commitments -----------------------------------------------------------


NOTA_DIR = Path(__file__).parent / "fixtures" / "nota"


def nota_document() -> Any:
    from ingest.detect import choose_reader, default_readers

    path = next(NOTA_DIR.glob("*.txt"))
    return next(iter(choose_reader(path, default_readers()).read(path)))


class CannedLLM:
    name = "canned"

    def __init__(self, reply: str) -> None:
        self.reply = reply
        self.prompts: list[str] = []

    def complete(self, system: str, prompt: str) -> str:
        self.prompts.append(prompt)
        return self.reply


def test_second_opinion_keeps_only_verbatim_sentences() -> None:
    from assistant.llm.commitments import normalize, second_opinion
    from ingest.commitments import extract_commitments

    doc = nota_document()
    rules = [c.sentence for c in extract_commitments(doc)]
    assert len(rules) >= 2
    extra = next(
        s
        for s in re.split(r"(?<=\.)\s+", normalize(doc.text))
        if len(s) > 60 and not any(s in r or r in s for r in rules)
    )
    llm = CannedLLM(f"- {rules[0]}\n- {extra}\n- De minister zal de Kamer een taart sturen.\n")
    opinion = second_opinion(llm, doc, rules)
    assert opinion.confirmed == [normalize(rules[0])]
    assert opinion.doubted == [normalize(r) for r in rules[1:]]
    assert opinion.proposed == [extra]  # verbatim in the nota
    assert opinion.unquoted == ["De minister zal de Kamer een taart sturen."]  # invented: ignored
    assert "Tekst:" in llm.prompts[0] and "20 maart" in " ".join(llm.prompts)


def test_second_opinion_without_commitments_says_geen() -> None:
    from assistant.llm.commitments import second_opinion

    opinion = second_opinion(CannedLLM("geen"), nota_document(), [])
    assert opinion == type(opinion)()


def test_tweede_mening_command_against_a_local_server(
    server: FakeServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from assistant.cli import Context, main
    from assistant.embed import HashEmbedder
    from assistant.settings import Settings
    from assistant.store import Store
    from ingest.pipeline import Ingestor

    settings = Settings(store=tmp_path / "store")
    Ingestor(Store.open(settings), HashEmbedder(), settings).run([NOTA_DIR])
    stored = Store.open(settings).get_document(nota_document().id)
    assert stored is not None
    first = stored.extra["commitments"][0]["sentence"]
    server.enqueue(openai_reply(f"- {first}"))
    monkeypatch.setenv("KAMER_LLM_BACKEND", "openai")
    monkeypatch.setenv("KAMER_LLM_URL", f"{server.url}/v1/")
    monkeypatch.setenv("KAMER_LLM_MODEL", "qwen2.5")
    monkeypatch.setenv("KAMER_CONFIG", str(tmp_path / "none.toml"))
    result = CliRunner().invoke(
        main,
        ["tweede-mening", stored.id, "--store", str(settings.store)],
        obj=Context(embedder=HashEmbedder()),
    )
    assert result.exit_code == 0, result.output
    assert "Bevestigd (1)" in result.output
    assert server.requests and "Voortgang" in json.dumps(server.requests[0][2])


def test_tweede_mening_without_llm_says_what_to_set(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from assistant.cli import Context, main
    from assistant.embed import HashEmbedder

    result = CliRunner(env={"KAMER_LLM_BACKEND": "none"}).invoke(
        main,
        ["tweede-mening", "x", "--store", str(tmp_path / "store")],
        obj=Context(embedder=HashEmbedder()),
    )
    assert result.exit_code == 1
    assert "KAMER_LLM_BACKEND" in result.output


def test_second_opinion_windows_fit_the_model_context() -> None:
    """A long debate is cut between sentences into windows of at most WINDOW_CHARS, and no
    sentence of a speech is lost or read twice."""
    from assistant.llm.commitments import WINDOW_CHARS, normalize, windows
    from ingest.extract import split_sentences
    from ingest.sources.koop_xml import KoopXmlReader

    path = Path(__file__).parent / "fixtures" / "commitments" / "dev1" / "h-tk-20172018-70-5.xml"
    (doc,) = KoopXmlReader().read(path)
    assert max(len(s.text) for s in doc.sections) > WINDOW_CHARS  # one speech needs cutting
    cut = windows(doc)
    assert all(len(window) <= WINDOW_CHARS for window in cut)
    joined = normalize(" ".join(cut))
    for section in doc.sections:
        for sentence in split_sentences(section.text):
            assert joined.count(sentence) >= 1, sentence
    assert len(joined) < 1.1 * sum(len(normalize(s.text)) for s in doc.sections)
