"""`kamer gateway`: a token check in front of a real Chroma server, all on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import http.client
import json
import logging
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from assistant.cli import Context, main
from assistant.compose import build_services
from assistant.embed import HashEmbedder
from assistant.errors import ConfigError, StoreError
from assistant.gateway import (
    UNAUTHORISED,
    UNREACHABLE,
    Gateway,
    GatewayConfig,
    Upstream,
    read_tokens,
    tls_context,
    token_file_warning,
)
from assistant.settings import Settings, load_settings
from assistant.store import Store
from ingest.pipeline import Ingestor
from tests.servers import chroma_server_at, free_port

TOKEN = "sleutel-van-het-team-0123456789"
WRONG = "sleutel-van-iemand-anders-98765"
COLLECTIONS = "/api/v2/tenants/default_tenant/databases/default_database/collections"


@pytest.fixture(scope="module")
def chroma_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """A real Chroma server, once per module."""
    with chroma_server_at(tmp_path_factory.mktemp("chroma")) as port:
        yield port


@contextmanager
def running(gateway: Gateway) -> Iterator[Gateway]:
    thread = threading.Thread(target=gateway.serve_forever, daemon=True)
    thread.start()
    try:
        yield gateway
    finally:
        gateway.shutdown()
        gateway.server_close()
        thread.join(timeout=10)


def start(upstream: str, **config: Any) -> Gateway:
    return Gateway(GatewayConfig(Upstream.parse(upstream), [TOKEN], **config), ("127.0.0.1", 0))


@pytest.fixture
def gateway(chroma_port: int) -> Iterator[Gateway]:
    with running(start(f"http://127.0.0.1:{chroma_port}")) as gateway:
        yield gateway


@dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def json(self) -> dict[str, str]:
        return dict(json.loads(self.body))


def request(
    port: int,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    chunked: bool = False,
) -> Reply:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        if chunked:
            pieces = iter([body[:3], body[3:]] if body else [])
            connection.request(method, path, pieces, headers or {}, encode_chunked=True)
        else:
            connection.request(method, path, body, headers or {})
        response = connection.getresponse()
        return Reply(response.status, response.headers, response.read())
    finally:
        connection.close()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def collection_count(chroma_port: int) -> int:
    """Asked of Chroma itself, around the gateway."""
    reply = request(chroma_port, "GET", COLLECTIONS + "_count")
    assert reply.status == 200
    return int(json.loads(reply.body))


def server_settings(store: Path, port: int, token: str | None) -> Settings:
    return Settings(store=store, chroma_host="127.0.0.1", chroma_port=port, chroma_token=token)


def logged(caplog: pytest.LogCaptureFixture, *parts: str, count: int = 1) -> list[str]:
    """The gateway's log lines holding every part, once `count` of them are there: a line is
    written when its answer has gone out, so it may come just after the client has it."""
    deadline = time.monotonic() + 5
    while True:
        lines = [
            r.getMessage()
            for r in caplog.records
            if r.name == "kamer.gateway" and all(part in r.getMessage() for part in parts)
        ]
        if len(lines) >= count or time.monotonic() > deadline:
            return lines
        time.sleep(0.05)


# -- through the gateway to a real Chroma server --------------------------------------------


def test_a_store_behind_the_gateway_ingests_and_answers(
    gateway: Gateway, fixtures: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="kamer.gateway")
    env = {
        "KAMER_STORE": str(tmp_path / "gedeeld"),
        "KAMER_CHROMA_HOST": "127.0.0.1",
        "KAMER_CHROMA_PORT": str(gateway.server_address[1]),
        "KAMER_CHROMA_TOKEN": TOKEN,
        "KAMER_RELEVANCE": "0.7",  # the hash embedder's own threshold, as in test_ask.py
    }
    settings = load_settings(env, config_file=tmp_path / "geen.toml")
    report = Ingestor(Store.open(settings), HashEmbedder(), settings).run([fixtures / "xml"])
    assert report.ok

    services = build_services(settings, embedder=HashEmbedder(), today=dt.date(2026, 11, 29))
    answer = services.answerer.ask(
        "Is de motie van Podt en Rajkowski over het migratiepact aangenomen?"
    )
    assert not answer.refused
    assert "kst-32317-913" in {c.id for c in answer.citations}
    # The vectors went through the gateway: added on ingest, searched for the question.
    assert logged(caplog, "127.0.0.1 POST /api/v2/", "/add 201 ")
    assert logged(caplog, "127.0.0.1 POST /api/v2/", "/query 200 ")


@pytest.mark.parametrize("token", [None, WRONG], ids=["zonder", "verkeerd"])
def test_a_store_without_the_right_token_is_refused(
    gateway: Gateway, tmp_path: Path, token: str | None
) -> None:
    settings = server_settings(tmp_path / "map", gateway.server_address[1], token)
    # Chroma's client raises the gateway's (Dutch) message as an AuthorizationError; the store
    # turns that into a StoreError.
    with pytest.raises(StoreError, match="Geen geldige toegangssleutel") as caught:
        Store.open(settings).chunks.count()
    assert "KAMER_CHROMA_TOKEN" in str(caught.value)
    assert TOKEN not in str(caught.value) and WRONG not in str(caught.value)


def test_kamer_says_in_dutch_that_the_token_is_wrong(
    gateway: Gateway, fixtures: Path, tmp_path: Path
) -> None:
    settings = server_settings(tmp_path / "map", gateway.server_address[1], WRONG)
    result = CliRunner().invoke(
        main,
        ["ingest", "--stil", str(fixtures / "xml")],
        obj=Context(embedder=HashEmbedder(), settings_loader=lambda: settings),
    )
    assert result.exit_code == 1
    assert "Error: Kan de index niet openen (Chroma-server http://127.0.0.1:" in result.output
    assert UNAUTHORISED in " ".join(result.output.split())


def test_a_request_without_the_token_reaches_nothing(gateway: Gateway, chroma_port: int) -> None:
    port = gateway.server_address[1]
    create = json.dumps({"name": "binnengesmokkeld"}).encode()
    before = collection_count(chroma_port)
    for headers in (
        {},
        bearer(WRONG),
        {"X-Chroma-Token": WRONG},
        {"Authorization": f"Basic {TOKEN}"},  # the right token, but not as a bearer token
        bearer(""),
    ):
        reply = request(port, "POST", COLLECTIONS, create, headers)
        assert reply.status == 401, headers
        assert reply.json() == {"error": "AuthorizationError", "message": UNAUTHORISED}
        assert reply.headers["WWW-Authenticate"].startswith("Bearer")
    assert request(port, "GET", "/api/v2/heartbeat").status == 401
    assert collection_count(chroma_port) == before

    # Chroma's own header is accepted too; this one does get through.
    reply = request(port, "POST", COLLECTIONS, create, {"X-Chroma-Token": TOKEN})
    assert reply.status == 200, reply.body
    assert json.loads(reply.body)["name"] == "binnengesmokkeld"
    assert collection_count(chroma_port) == before + 1
    # Another scheme in Authorization (a proxy's own login) leaves Chroma's header to count.
    headers = {"Authorization": "Basic eDp5", "X-Chroma-Token": TOKEN}
    assert request(port, "GET", "/api/v2/heartbeat", headers=headers).status == 200


def test_a_malformed_request_is_answered_and_logged(
    gateway: Gateway, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="kamer.gateway")
    with socket.create_connection(gateway.server_address[:2], timeout=10) as sock:
        sock.sendall(b"GET /a\x1b[2J b HTTP/1.1\r\n\r\n")
        reply = b"".join(iter(lambda: sock.recv(1000), b""))  # until the gateway closes
    assert reply.startswith(b"HTTP/1.1 400 ")
    assert reply.endswith(
        b'{"error": "InvalidArgumentError", "message": "Ongeldig verzoek (400)."}'
    )
    assert logged(caplog, "127.0.0.1 - - 400 ")
    assert all("\x1b" not in m for m in caplog.messages)


def test_the_log_has_a_line_per_request_and_never_a_token(
    gateway: Gateway, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="kamer.gateway")
    port = gateway.server_address[1]
    assert request(port, "GET", "/api/v2/heartbeat", headers=bearer(TOKEN)).status == 200
    assert request(port, "GET", "/api/v2/heartbeat?x=1", headers=bearer(WRONG)).status == 401
    headers = {"X-Chroma-Token": TOKEN, "X-Forwarded-For": "10.1.2.3"}
    assert request(port, "GET", "/api/v2/version", headers=headers).status == 200
    lines = logged(caplog, " GET /api/v2/", count=3)
    assert sorted(line.rsplit(" ", 2)[0] for line in lines) == [
        "127.0.0.1 (voor 10.1.2.3) GET /api/v2/version 200",
        "127.0.0.1 GET /api/v2/heartbeat 200",
        "127.0.0.1 GET /api/v2/heartbeat 401",
    ]
    assert all(line.endswith(" ms") for line in lines)  # and the path without its query
    for text in (caplog.text, repr(gateway.config)):
        assert TOKEN not in text and WRONG not in text and "Bearer" not in text


def test_chroma_down_is_a_502(tmp_path: Path) -> None:
    with running(start(f"http://127.0.0.1:{free_port()}")) as down:
        port = down.server_address[1]
        reply = request(port, "GET", "/api/v2/heartbeat", headers=bearer(TOKEN))
        assert reply.status == 502
        assert reply.json() == {"error": "InternalError", "message": UNREACHABLE}
        # Nothing is forwarded without a token, so that is still a 401.
        assert request(port, "GET", "/api/v2/heartbeat").status == 401
        settings = server_settings(tmp_path / "map", port, TOKEN)
        with pytest.raises(StoreError, match="niet bereikbaar") as caught:
            Store.open(settings).chunks.count()
        assert TOKEN not in str(caught.value)


# -- forwarding, against a Chroma stand-in that records what it gets ------------------------


class Recorded(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        self.seen: list[tuple[str, str, dict[str, str], bytes]] = []
        super().__init__(("127.0.0.1", 0), Recorder)


class Recorder(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        assert isinstance(self.server, Recorded)
        self.server.seen.append((self.command, self.path, dict(self.headers.items()), body))
        if self.path == "/traag":
            time.sleep(1.5)
        self.send_response(201)
        self.send_header("X-Antwoord", "ja")
        self.send_header("Content-Type", "application/json")
        if self.path == "/stroom":
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for piece in (b'{"deel": ', b"1}"):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
            return
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_DELETE = do_POST

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def recorded() -> Iterator[Recorded]:
    server = Recorded()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def upstream_of(server: Recorded) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def test_a_request_is_forwarded_as_sent_less_the_token(recorded: Recorded) -> None:
    with running(start(upstream_of(recorded))) as gateway:
        headers = {
            **bearer(TOKEN),
            "X-Chroma-Token": TOKEN,
            "X-Eigen": "blijft",
            "Connection": "X-Alleen-Hier",
            "X-Alleen-Hier": "gaat niet mee",
            "Content-Type": "application/json",
        }
        reply = request(gateway.server_address[1], "POST", "/api/v2/iets?a=1&b=%20", b"{}", headers)
    assert reply.status == 201
    assert reply.body == b"{}" and reply.headers["X-Antwoord"] == "ja"
    method, path, sent, body = recorded.seen[0]
    assert (method, path, body) == ("POST", "/api/v2/iets?a=1&b=%20", b"{}")
    assert sent["X-Eigen"] == "blijft" and sent["Content-Type"] == "application/json"
    assert sent["Host"] == f"127.0.0.1:{recorded.server_address[1]}"
    assert not {"Authorization", "X-Chroma-Token", "X-Alleen-Hier"} & set(sent)


def test_chunked_bodies_both_ways(recorded: Recorded) -> None:
    with running(start(upstream_of(recorded))) as gateway:
        port = gateway.server_address[1]
        reply = request(port, "POST", "/stroom", b"abcdef", bearer(TOKEN), chunked=True)
        # Keep-alive: a second request on one connection, after a chunked answer.
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            for _ in range(2):
                connection.request("POST", "/stroom", b"x", bearer(TOKEN))
                again = connection.getresponse()
                assert again.read() == b'{"deel": 1}'
        finally:
            connection.close()
    assert reply.status == 201 and reply.body == b'{"deel": 1}'
    assert reply.headers["Transfer-Encoding"] == "chunked"
    _, _, sent, body = recorded.seen[0]
    assert body == b"abcdef" and sent["Content-Length"] == "6"
    assert "Transfer-Encoding" not in sent


def test_a_body_over_the_limit_is_refused_unread(recorded: Recorded) -> None:
    with running(start(upstream_of(recorded), max_body=1024 * 1024)) as gateway:
        port = gateway.server_address[1]
        big = b"x" * (1024 * 1024 + 1)
        reply = request(port, "POST", "/api/v2/groot", big, bearer(TOKEN))
        assert reply.status == 413
        assert (
            reply.json()["message"]
            == "Verzoek te groot: de toegangspoort neemt hoogstens 1 MB aan."
        )
        assert (
            request(port, "POST", "/api/v2/groot", big, bearer(TOKEN), chunked=True).status == 413
        )
        assert request(port, "POST", "/api/v2/klein", b"x" * 1024, bearer(TOKEN)).status == 201
    assert [path for _, path, _, _ in recorded.seen] == ["/api/v2/klein"]


def test_a_slow_chroma_is_a_504(recorded: Recorded) -> None:
    with running(start(upstream_of(recorded), timeout=0.3)) as gateway:
        reply = request(gateway.server_address[1], "POST", "/traag", b"{}", bearer(TOKEN))
    assert reply.status == 504
    assert reply.json() == {
        "error": "InternalError",
        "message": "De Chroma-server achter de toegangspoort antwoordde niet binnen 0.3 s.",
    }


def test_tls_when_given_a_certificate(recorded: Recorded, tmp_path: Path) -> None:
    import ssl

    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("geen openssl om een testcertificaat te maken")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext",
         "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    config = GatewayConfig(Upstream.parse(upstream_of(recorded)), [TOKEN])
    secure = Gateway(config, ("127.0.0.1", 0), tls=tls_context(cert, key))
    with running(secure) as gateway:
        client = ssl.create_default_context(cafile=str(cert))
        connection = http.client.HTTPSConnection(
            "127.0.0.1", gateway.server_address[1], context=client, timeout=10
        )
        try:
            connection.request("POST", "/api/v2/veilig", b"{}", bearer(TOKEN))
            assert connection.getresponse().status == 201
        finally:
            connection.close()
    assert gateway.url.startswith("https://127.0.0.1:")


# -- configuration and the command ----------------------------------------------------------


def test_tokens_from_the_environment_and_a_file(tmp_path: Path) -> None:
    file = tmp_path / "sleutels"
    file.write_text(f"# het team\n{TOKEN}\n\n  {WRONG}  \n", encoding="utf-8")
    file.chmod(0o600)
    env = {"KAMER_GATEWAY_TOKENS": f"{TOKEN}, andere-sleutel-0123456789"}
    assert read_tokens(env, file) == (TOKEN, "andere-sleutel-0123456789", WRONG)
    assert token_file_warning(file) is None
    file.chmod(0o644)
    assert "chmod 600" in (token_file_warning(file) or "")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Geen toegangssleutels ingesteld. Zet KAMER_GATEWAY_TOKENS"),
        (" , ", "Geen toegangssleutels ingesteld"),
        (f"{TOKEN},abc123", "De toegangssleutel nr. 2 in KAMER_GATEWAY_TOKENS is te kort"),
        ("twee woorden in een sleutel", "nr. 1 in KAMER_GATEWAY_TOKENS bevat een spatie"),
    ],
)
def test_a_bad_token_setting_is_named_not_shown(value: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as caught:
        read_tokens({"KAMER_GATEWAY_TOKENS": value})
    assert "abc123" not in str(caught.value) and "woorden" not in str(caught.value)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("127.0.0.1", "http://127.0.0.1:8000"),
        ("https://chroma.intern:8443/", "https://chroma.intern:8443"),
        ("http://[::1]:9000", "http://[::1]:9000"),
    ],
)
def test_the_chroma_address(url: str, expected: str) -> None:
    assert str(Upstream.parse(url)) == expected


@pytest.mark.parametrize(
    "url", ["ftp://host:1", "http://host:8000/pad", "http://host:99999", "http://"]
)
def test_a_bad_chroma_address(url: str) -> None:
    with pytest.raises(ConfigError, match="geen adres van een Chroma-server"):
        Upstream.parse(url)


def test_the_command_takes_tokens_only_from_the_environment_or_a_file() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["gateway", "--help"])
    assert result.exit_code == 0
    assert "KAMER_GATEWAY_TOKENS" in result.output and "--tokens-bestand" in result.output
    assert "--token " not in result.output and "--tokens " not in result.output

    result = runner.invoke(main, ["gateway", "--poort", "0"], env={"KAMER_GATEWAY_TOKENS": ""})
    assert result.exit_code == 1
    assert "Error: Geen toegangssleutels ingesteld." in result.output
