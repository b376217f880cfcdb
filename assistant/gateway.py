"""A gateway that checks a token before anything reaches a shared Chroma server (`kamer gateway`).

Chroma 1.x's own server checks no credentials. The gateway takes a request only with a
configured token (`Authorization: Bearer <token>`, or Chroma's `X-Chroma-Token` header), forwards
it without that token to the Chroma server and streams the answer back. Standard library only: a
thread per client connection (`ThreadingHTTPServer`), an upstream connection per request
(`http.client`). TLS: a reverse proxy in front, or `tls_context()`. See docs/team.md.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import logging
import os
import socket
import ssl
import stat
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import InitVar, dataclass, field
from email.message import Message
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO, cast
from urllib.parse import urlsplit

from assistant.errors import ConfigError

TOKENS_ENV = "KAMER_GATEWAY_TOKENS"
MIN_TOKEN_LENGTH = 16
MAX_BODY_MB = 64
CHROMA_PORT = 8000
PIECE = 64 * 1024
LINGER_BYTES = 1024 * 1024

log = logging.getLogger("kamer.gateway")

# Meant for one connection only (RFC 9110, 7.6.1): never forwarded, either way.
HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
    }
)
# Not forwarded upstream: the credentials (Chroma needs none, and they go no further than the
# gateway), Host (the upstream's own), Expect (answered here) and the length (set again here).
REQUEST_DROP = HOP_BY_HOP | {"authorization", "x-chroma-token", "host", "expect", "content-length"}

NEW_TOKEN = "python -c 'import secrets; print(secrets.token_urlsafe(32))'"
UNAUTHORISED = (
    "Geen geldige toegangssleutel voor de gedeelde Chroma-server. Zet KAMER_CHROMA_TOKEN op de "
    "sleutel die de beheerder u gaf."
)
UNREACHABLE = (
    "De Chroma-server achter de toegangspoort is niet bereikbaar. Vraag de beheerder om hem te "
    "starten (chroma run)."
)
TOO_SLOW = "De Chroma-server achter de toegangspoort antwoordde niet binnen {timeout:g} s."
TOO_LARGE = "Verzoek te groot: de toegangspoort neemt hoogstens {mb:g} MB aan."
BAD_REQUEST = "Ongeldig verzoek: {reason}."


def _digest(token: bytes) -> bytes:
    return hashlib.sha256(token).digest()


@dataclass(frozen=True)
class Upstream:
    """Where the Chroma server listens."""

    scheme: str
    host: str
    port: int

    @classmethod
    def parse(cls, url: str) -> Upstream:
        """http://127.0.0.1:8000, https://chroma.intern:8443 or 127.0.0.1 (port 8000)."""
        parts = urlsplit(url if "://" in url else f"http://{url}")
        try:
            port = parts.port
        except ValueError:
            port = -1
        if (
            parts.scheme not in ("http", "https")
            or not parts.hostname
            or port == -1
            or parts.path not in ("", "/")
            or parts.query
            or parts.username
        ):
            raise ConfigError(
                f"--chroma {url!r} is geen adres van een Chroma-server; verwacht bijvoorbeeld "
                "http://127.0.0.1:8000."
            )
        return cls(parts.scheme, parts.hostname, port or CHROMA_PORT)

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    def __str__(self) -> str:
        return f"{self.scheme}://{self.host_header}"

    def connect(self, timeout: float) -> http.client.HTTPConnection:
        if self.scheme == "https":
            return http.client.HTTPSConnection(self.host, self.port, timeout=timeout)
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout)


@dataclass(frozen=True)
class GatewayConfig:
    """What the gateway checks and where it forwards to. Of the tokens only their digests are
    kept, so no repr, log line or traceback can show one."""

    upstream: Upstream
    tokens: InitVar[Sequence[str]]
    max_body: int = MAX_BODY_MB * 1024 * 1024
    timeout: float = 60.0
    digests: tuple[bytes, ...] = field(init=False, repr=False)

    def __post_init__(self, tokens: Sequence[str]) -> None:
        if not tokens:
            raise ConfigError("De toegangspoort heeft minstens één toegangssleutel nodig.")
        object.__setattr__(self, "digests", tuple(_digest(t.encode()) for t in tokens))

    def accepts(self, presented: str | None) -> bool:
        """Compared in constant time with every token (as digests: of one length too)."""
        if presented is None:
            return False
        # http.client reads header bytes as latin-1: this gives back the bytes that were sent.
        given = _digest(presented.encode("latin-1", "replace"))
        found = False
        for known in self.digests:
            found |= hmac.compare_digest(given, known)
        return found


def presented_token(headers: Message) -> str | None:
    """The token of `Authorization: Bearer <token>`, else of `X-Chroma-Token: <token>`."""
    scheme, _, value = (headers.get("Authorization") or "").strip().partition(" ")
    if scheme.lower() == "bearer":
        return value.strip()
    token = headers.get("X-Chroma-Token")
    return token.strip() if token is not None else None


def read_tokens(env: Mapping[str, str], file: Path | None = None) -> tuple[str, ...]:
    """The tokens of KAMER_GATEWAY_TOKENS (comma-separated) and of a file (one per line, `#`
    for a comment), together. A message names a token by its place, never by its value."""
    found: list[tuple[str, str]] = []
    for number, token in enumerate(env.get(TOKENS_ENV, "").split(","), start=1):
        if token.strip():
            found.append((f"nr. {number} in {TOKENS_ENV}", token.strip()))
    if file is not None:
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) else "geen UTF-8"
            raise ConfigError(f"Kan het sleutelbestand {file} niet lezen: {reason}.") from None
        for number, line in enumerate(lines, start=1):
            if line.strip() and not line.lstrip().startswith("#"):
                found.append((f"op regel {number} van {file}", line.strip()))
    if not found:
        raise ConfigError(
            f"Geen toegangssleutels ingesteld. Zet {TOKENS_ENV} (kommagescheiden) of geef "
            f"--tokens-bestand BESTAND (één sleutel per regel). Een nieuwe sleutel: {NEW_TOKEN}"
        )
    for place, token in found:
        if len(token) < MIN_TOKEN_LENGTH:
            raise ConfigError(
                f"De toegangssleutel {place} is te kort: minstens {MIN_TOKEN_LENGTH} tekens. "
                f"Een nieuwe sleutel: {NEW_TOKEN}"
            )
        if not all("!" <= char <= "~" for char in token):
            raise ConfigError(
                f"De toegangssleutel {place} bevat een spatie of een teken buiten ASCII; "
                f"een sleutel moet in een HTTP-header passen. Een nieuwe sleutel: {NEW_TOKEN}"
            )
    return tuple(dict.fromkeys(token for _, token in found))


def token_file_warning(file: Path) -> str | None:
    """A warning when others than the owner may read the token file."""
    if file.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        return f"Let op: {file} is leesbaar voor anderen dan de eigenaar (chmod 600 {file})."
    return None


def tls_context(cert: Path, key: Path) -> ssl.SSLContext:
    """A server-side TLS context from a certificate (chain) and its key, both PEM files."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    try:
        context.load_cert_chain(cert, key)
    except (OSError, ssl.SSLError) as error:
        raise ConfigError(f"Kan certificaat {cert} met sleutel {key} niet laden: {error}") from None
    return context


class ClientGone(Exception):
    """The client stopped sending in the middle of its request."""


class GatewayHandler(BaseHTTPRequestHandler):
    """One client connection: each request checked, forwarded and answered in turn."""

    protocol_version = "HTTP/1.1"  # keep-alive: a Chroma client sends many small requests
    server_version = "kamer-gateway"
    timeout = 300  # seconds a client connection may be silent

    # http.server's own errors (a malformed request line) in Chroma's format too.
    error_content_type = "application/json; charset=utf-8"
    error_message_format = (
        '{"error": "InvalidArgumentError", "message": "Ongeldig verzoek (%(code)d)."}'
    )

    status: int | str = "-"
    started = 0.0
    body_unread = False

    @property
    def config(self) -> GatewayConfig:
        return cast(Gateway, self.server).config

    def do_GET(self) -> None:
        self.started = time.monotonic()
        self.status = "-"
        try:
            self.relay()
        finally:
            self.log_request(self.status)

    do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = do_GET

    def handle_expect_100(self) -> bool:
        """`Expect: 100-continue` without a valid token: no invitation to send the body."""
        if self.config.accepts(presented_token(self.headers)):
            return super().handle_expect_100()
        return True

    # -- one request ---------------------------------------------------------------------------

    def relay(self) -> None:
        self.body_unread = "Transfer-Encoding" in self.headers or self.headers.get(
            "Content-Length", "0"
        ).strip() not in ("", "0")
        if not self.path.startswith("/"):
            reason = BAD_REQUEST.format(reason="alleen een pad als /api/v2/... wordt doorgegeven")
            self.refuse(HTTPStatus.BAD_REQUEST, "InvalidArgumentError", reason)
            return
        if not self.config.accepts(presented_token(self.headers)):
            self.refuse(HTTPStatus.UNAUTHORIZED, "AuthorizationError", UNAUTHORISED)
            return
        try:
            length, buffered = self.request_body()
        except ValueError as error:
            self.refuse(HTTPStatus.BAD_REQUEST, "InvalidArgumentError", str(error))
            return
        except ClientGone:
            self.status, self.close_connection = 400, True
            return
        if length > self.config.max_body:
            message = TOO_LARGE.format(mb=self.config.max_body / 1024 / 1024)
            self.refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "InvalidArgumentError", message)
            return
        upstream = self.config.upstream.connect(self.config.timeout)
        try:
            try:
                response = self.forward(upstream, length, buffered)
            except ClientGone:
                self.status, self.close_connection = 400, True
                return
            except TimeoutError:
                log.warning("Chroma-server %s antwoordde niet op tijd", self.config.upstream)
                message = TOO_SLOW.format(timeout=self.config.timeout)
                self.refuse(HTTPStatus.GATEWAY_TIMEOUT, "InternalError", message)
                return
            except (OSError, http.client.HTTPException) as error:
                log.warning("Chroma-server %s niet bereikbaar: %s", self.config.upstream, error)
                self.refuse(HTTPStatus.BAD_GATEWAY, "InternalError", UNREACHABLE)
                return
            self.answer(response)
        finally:
            upstream.close()

    def request_body(self) -> tuple[int, bytes | None]:
        """The body's length, and the body itself when it came chunked (read here, within the
        limit, and forwarded with a length). A body with a length streams through later."""
        encoding = self.headers.get("Transfer-Encoding")
        if encoding is not None:
            if encoding.strip().lower() != "chunked":
                raise ValueError(BAD_REQUEST.format(reason=f"Transfer-Encoding {encoding!r}"))
            body = read_chunked(cast(BinaryIO, self.rfile), self.config.max_body)
            self.body_unread = body is None
            return (len(body), body) if body is not None else (self.config.max_body + 1, None)
        lengths = set(self.headers.get_all("Content-Length") or [])
        if not lengths:
            return 0, None
        if len(lengths) > 1 or not next(iter(lengths)).strip().isdigit():
            raise ValueError(BAD_REQUEST.format(reason="Content-Length"))
        return int(next(iter(lengths))), None

    def forward(
        self, upstream: http.client.HTTPConnection, length: int, buffered: bytes | None
    ) -> http.client.HTTPResponse:
        """The request as it came (method, path with query, headers, body), less the token."""
        upstream.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
        upstream.putheader("Host", self.config.upstream.host_header)
        for name, value in forwardable(self.headers.items(), REQUEST_DROP, self.headers):
            upstream.putheader(name, value)
        if length or self.command in ("POST", "PUT", "PATCH"):
            upstream.putheader("Content-Length", str(length))
        upstream.endheaders()
        if buffered is not None:
            upstream.send(buffered)
        else:
            left = length
            while left:
                try:
                    piece = self.rfile.read(min(PIECE, left))
                except OSError as error:
                    raise ClientGone from error
                if not piece:
                    raise ClientGone
                upstream.send(piece)
                left -= len(piece)
        self.body_unread = False
        return upstream.getresponse()

    def answer(self, response: http.client.HTTPResponse) -> None:
        """Status, headers and body back to the client, as the body arrives."""
        self.status = response.status
        no_body = self.command == "HEAD" or response.status in (204, 304) or response.status < 200
        dropped = HOP_BY_HOP if no_body else HOP_BY_HOP | {"content-length"}
        self.send_response_only(response.status, response.reason)
        for name, value in forwardable(response.getheaders(), dropped, response.headers):
            self.send_header(name, value)
        if no_body:
            self.end_headers()
            return
        chunked = False
        if response.length is not None:
            self.send_header("Content-Length", str(response.length))
        elif self.request_version != "HTTP/1.0":
            self.send_header("Transfer-Encoding", "chunked")
            chunked = True
        else:
            self.send_header("Connection", "close")  # the end of the body is the end of it all
        self.end_headers()
        try:
            while piece := response.read1(PIECE):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
        except (OSError, http.client.HTTPException) as error:
            # The status is sent: all that is left is to break off, so the client sees it.
            log.warning("Doorgeven van het antwoord afgebroken: %s", error)
            self.close_connection = True
            return
        if chunked:
            self.wfile.write(b"0\r\n\r\n")

    def refuse(self, status: HTTPStatus, kind: str, message: str) -> None:
        """A short JSON error in Chroma's own format (its client raises it with our message),
        and the connection closed: an unread body must not be read as the next request."""
        self.status = status.value
        body = json.dumps({"error": kind, "message": message}, ensure_ascii=False).encode()
        self.send_response_only(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if status is HTTPStatus.UNAUTHORIZED:
            self.send_header("WWW-Authenticate", 'Bearer realm="kamer"')
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        if self.body_unread:
            self.linger()

    def linger(self) -> None:
        """Read (and drop) what the client still sends, for a moment, before closing: a socket
        closed with unread data sends a reset, which can destroy the answer on its way."""
        connection = cast(socket.socket, self.connection)
        deadline = time.monotonic() + 1.0
        left = LINGER_BYTES
        try:
            connection.shutdown(socket.SHUT_WR)
            while left > 0 and time.monotonic() < deadline:
                connection.settimeout(max(0.01, deadline - time.monotonic()))
                piece = connection.recv(min(PIECE, left))
                if not piece:
                    break
                left -= len(piece)
        except OSError:
            return  # the client is gone or slow: it has had its answer either way

    # -- logging: one line per request, never a header -----------------------------------------

    def client_label(self) -> str:
        address = str(self.client_address[0]) if self.client_address else "-"
        forwarded = self.headers.get("X-Forwarded-For") if hasattr(self, "headers") else None
        return f"{address} (voor {printable(forwarded)})" if forwarded else address

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if isinstance(code, HTTPStatus):
            code = code.value
        took = f"{(time.monotonic() - self.started) * 1000:.0f} ms" if self.started else "-"
        path = printable(urlsplit(getattr(self, "path", "") or "").path or "-")
        log.info(
            "%s %s %s %s %s",
            self.client_label(),
            getattr(self, "command", None) or "-",
            path,
            code,
            took,
        )

    def log_message(self, format: str, *args: Any) -> None:
        log.warning("%s %s", self.client_label(), printable(format % args))


def printable(text: str, limit: int = 200) -> str:
    """Safe for one log line: no control characters (log injection), not too long."""
    return "".join(char if char.isprintable() else "?" for char in text[:limit])


def forwardable(
    headers: Iterable[tuple[str, str]], dropped: frozenset[str], message: Message
) -> list[tuple[str, str]]:
    """Headers less the dropped ones and those the Connection header names (hop-by-hop too)."""
    named = {
        name.strip().lower()
        for value in message.get_all("Connection") or []
        for name in value.split(",")
    }
    return [(n, v) for n, v in headers if n.lower() not in dropped and n.lower() not in named]


def read_chunked(stream: BinaryIO, limit: int) -> bytes | None:
    """A chunked body (RFC 9112, 7.1), or None once it grows past `limit`."""
    body = bytearray()
    while True:
        line = stream.readline(PIECE)
        if not line:
            raise ClientGone
        try:
            size = int(line.split(b";", 1)[0].strip(), 16)
        except ValueError:
            raise ValueError(BAD_REQUEST.format(reason="chunked body")) from None
        if size == 0:
            while stream.readline(PIECE).strip():  # trailers, dropped
                pass
            return bytes(body)
        if len(body) + size > limit:
            return None
        piece = stream.read(size)
        if len(piece) < size:
            raise ClientGone
        body += piece
        stream.readline(PIECE)  # the CRLF after the chunk


class Gateway(ThreadingHTTPServer):
    """The listening socket; each client connection gets a thread."""

    daemon_threads = True

    def __init__(
        self,
        config: GatewayConfig,
        address: tuple[str, int] = ("127.0.0.1", 8001),
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self.config = config
        self.tls = tls
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, GatewayHandler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"{'https' if self.tls else 'http'}://{host!s}:{port}"

    def finish_request(self, request: Any, client_address: Any) -> None:
        if self.tls is None:
            super().finish_request(request, client_address)
            return
        # In the connection's own thread, so a slow TLS handshake holds up no other client.
        request.settimeout(GatewayHandler.timeout)
        wrapped = self.tls.wrap_socket(request, server_side=True)
        try:
            super().finish_request(wrapped, client_address)
        finally:
            self.shutdown_request(wrapped)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A broken connection (or TLS handshake): one log line, no traceback."""
        error = sys.exc_info()[1]
        log.warning("%s verbinding afgebroken: %s", client_address[0], printable(repr(error)))


def build_gateway(
    chroma: str,
    address: tuple[str, int],
    tokens_file: Path | None = None,
    *,
    max_mb: float = MAX_BODY_MB,
    timeout: float = 60.0,
    tls_cert: Path | None = None,
    tls_key: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> Gateway:
    """The gateway of `kamer gateway`, listening but not yet serving."""
    if (tls_cert is None) != (tls_key is None):
        raise ConfigError("--tls-cert en --tls-key horen bij elkaar: geef ze allebei.")
    tokens = read_tokens(os.environ if env is None else env, tokens_file)
    config = GatewayConfig(Upstream.parse(chroma), tokens, int(max_mb * 1024 * 1024), timeout)
    tls = tls_context(tls_cert, tls_key) if tls_cert and tls_key else None
    try:
        return Gateway(config, address, tls)
    except OSError as error:
        where = f"{address[0]}:{address[1]}"
        raise ConfigError(f"Kan niet luisteren op {where}: {error.strerror or error}.") from None


def configure_logging() -> None:
    """One line per request on stderr, with the time."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
