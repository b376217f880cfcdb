"""A local fake of the Tweede Kamer OData API v4 (2.0), standard library only.

    with FakeKamer(DATA) as kamer:
        base = kamer.url  # http://127.0.0.1:PORT; entities at {base}/OData/v4/2.0/Zaak
        kamer.fail_next(2)  # the next two requests answer 503 with Retry-After: 1

    python -m tests.fake_kamer.server --poort 8800   # in the foreground, for the README demo

See tests/fake_kamer/README.md for the contract and for what is real and what is constructed.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import functools
import json
import re
import threading
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from tests.fake_kamer.feed import ENTITIES, PAGE_SIZE, Feed, Query, Record
from tests.fake_kamer.odata_filter import QueryError

DATA = Path(__file__).resolve().parent / "data"
ROOT = "/OData/v4/2.0"
ODATA_JSON = "application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8"
COLLECTION_RE = re.compile(rf"^{re.escape(ROOT)}/(?P<entity>\w+)/?$")
SINGLE_RE = re.compile(
    rf"^{re.escape(ROOT)}/(?P<entity>\w+)\((?P<id>[0-9A-Fa-f-]{{36}})\)(?P<resource>/resource)?$",
    re.IGNORECASE,
)
RETRY_STATUSES = (429, 503)
# Entities whose `({Id})/resource` serves a file: the real API names both in its documentation.
FILE_ENTITIES = ("Document", "DocumentPublicatie")


class FakeKamer:
    """The fake API on 127.0.0.1 plus the controls tests use to script the feed."""

    def __init__(
        self, fixtures_dir: Path | None = DATA, *, page_size: int = PAGE_SIZE, port: int = 0
    ) -> None:
        self.feed = Feed(fixtures_dir)
        self.page_size = page_size
        self.port = port
        self.requests: list[str] = []
        self._failures: deque[int] = deque()
        self._hangs: deque[float] = deque()
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle -------------------------------------------------------------------------

    def start(self) -> str:
        """Bind 127.0.0.1 (a free port unless one was given), serve in a thread; the base URL."""
        self._server = _Server(("127.0.0.1", self.port), _Handler)
        self._server.kamer = self
        self.port = int(self._server.server_address[1])
        self._stopping.clear()
        serve = functools.partial(self._server.serve_forever, poll_interval=0.05)
        self._thread = threading.Thread(target=serve, daemon=True)
        self._thread.start()
        return self.url

    def stop(self) -> None:
        self._stopping.set()  # cuts short a request that hang_next() keeps waiting
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> FakeKamer:
        self.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def odata_url(self) -> str:
        return f"{self.url}{ROOT}"

    # --- controls --------------------------------------------------------------------------

    def changed(self, entity: str, record: Record) -> Record:
        """Add or replace a record; it gets ApiGewijzigdOp (and GewijzigdOp) = the clock's now."""
        return self.feed.changed(entity, record)

    def delete(self, entity: str, record_id: str) -> Record:
        """Mark a record deleted as the real API does: Verwijderd true, other fields null."""
        return self.feed.delete(entity, record_id)

    def reemit(self, entity: str, ids: list[str] | None = None) -> list[str]:
        """New ApiGewijzigdOp values for unchanged records (all of the entity when ids is None)."""
        return self.feed.reemit(entity, ids)

    def vote(self, zaak_id: str, besluit: Record) -> Record:
        """Attach a Besluit (with its Stemmingen) to a Zaak as the real API shows a vote: only
        the Besluit gets a new ApiGewijzigdOp; the Zaak's stays, its expansion shows the
        Besluit. Returns the Besluit as the Besluit entity set serves it."""
        return self.feed.vote(zaak_id, besluit)

    def fail_next(self, n: int, status: int = 503) -> None:
        """The next n requests answer `status` (with Retry-After: 1 for 503 and 429)."""
        with self.feed.lock:
            self._failures.extend([status] * n)

    def hang_next(self, seconds: float) -> None:
        """The next request waits `seconds` before it is answered (stop() cuts the wait)."""
        with self.feed.lock:
            self._hangs.append(seconds)

    def malformed(self, entity: str, record_id: str, how: str = "missing-id") -> None:
        """Serve that record broken ('missing-id', 'wrong-type' or 'not-an-object'), with a
        new ApiGewijzigdOp so that the next sync gets it; changed() repairs it."""
        self.feed.malform(entity, record_id, how)

    def publish_file(self, document_id: str, content: bytes, content_type: str) -> None:
        """Document({document_id})/resource answers these bytes from now on."""
        with self.feed.lock:
            self.feed.files[document_id] = (content, content_type)

    def records(self, entity: str) -> list[Record]:
        """The entity's stored records in served order (copies; malformations not applied)."""
        return copy.deepcopy(self.feed.ordered(entity))

    @property
    def now(self) -> str:
        """The fake clock: the newest ApiGewijzigdOp it has handed out (or the fixtures')."""
        return self.feed.clock.isoformat()

    # --- serving ---------------------------------------------------------------------------

    def _scripted(self) -> tuple[float, int | None]:
        with self.feed.lock:
            hang = self._hangs.popleft() if self._hangs else 0.0
            failure = self._failures.popleft() if self._failures else None
            return hang, failure

    def answer(self, raw_path: str) -> tuple[int, dict[str, str], bytes]:
        with self.feed.lock:
            self.requests.append(unquote(raw_path))
        hang, failure = self._scripted()
        if hang:
            self._stopping.wait(hang)
        if failure is not None:
            headers = {"Retry-After": "1"} if failure in RETRY_STATUSES else {}
            return failure, headers, _error(f"nep-storing: status {failure}")
        parts = urlsplit(raw_path)
        params = dict(parse_qsl(parts.query, keep_blank_values=True))
        path = unquote(parts.path)
        if match := COLLECTION_RE.match(path):
            return self._collection(match["entity"], params, parts.query)
        if match := SINGLE_RE.match(path):
            return self._single(match["entity"], match["id"], bool(match["resource"]))
        return 404, {}, _error(f"onbekend pad {path}")

    def _collection(
        self, entity: str, params: dict[str, str], raw_query: str
    ) -> tuple[int, dict[str, str], bytes]:
        if entity not in ENTITIES:
            return 404, {}, _error(f"onbekende entiteit {entity}")
        try:
            query = Query.parse(params, self.page_size)
            records, total = self.feed.page(entity, query)
        except QueryError as error:
            return 400, {}, _error(str(error))
        body: dict[str, Any] = {"@odata.context": f"{self.odata_url}/$metadata#{entity}"}
        if query.count:
            body["@odata.count"] = total
        body["value"] = records
        following = query.skip + len(records)
        if records and following < total:
            body["@odata.nextLink"] = self._next_link(entity, raw_query, following)
        return 200, {}, _json(body)

    def _next_link(self, entity: str, raw_query: str, skip: int) -> str:
        pairs = [(k, v) for k, v in parse_qsl(raw_query, keep_blank_values=True) if k != "$skip"]
        pairs.append(("$skip", str(skip)))
        query = urlencode(pairs, quote_via=quote, safe="$,:()'")
        return f"{self.odata_url}/{entity}?{query}"

    def _single(
        self, entity: str, record_id: str, resource: bool
    ) -> tuple[int, dict[str, str], bytes]:
        if resource:
            if entity not in FILE_ENTITIES:
                return 404, {}, _error(f"{entity} heeft geen bestanden")
            with self.feed.lock:
                file = self.feed.files.get(record_id)
            if file is None:
                return 404, {}, _error(f"geen bestand (nog niet gepubliceerd) voor {record_id}")
            return 200, {"Content-Type": file[1]}, file[0]
        if entity not in ENTITIES:
            return 404, {}, _error(f"onbekende entiteit {entity}")
        record = self.feed.get(entity, record_id)
        if record is None:
            return 404, {}, _error(f"geen {entity} met Id {record_id}")
        context = {"@odata.context": f"{self.odata_url}/$metadata#{entity}/$entity"}
        return 200, {}, _json({**context, **record} if isinstance(record, dict) else record)


def _json(body: Any) -> bytes:
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


def _error(message: str) -> bytes:
    """The OData JSON error shape: {"error": {"code": ..., "message": ...}}."""
    return _json({"error": {"code": "", "message": message}})


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    kamer: FakeKamer


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    timeout = 30  # an idle keep-alive connection frees its thread

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        self._answer(with_body=True)

    def do_HEAD(self) -> None:  # noqa: N802 (the http.server API)
        self._answer(with_body=False)

    def _answer(self, *, with_body: bool) -> None:
        status, headers, body = self.server.kamer.answer(self.path)
        headers.setdefault("Content-Type", ODATA_JSON)
        headers["OData-Version"] = "4.0"
        headers["Content-Length"] = str(len(body))
        # A client that gave up (its timeout during hang_next) has nobody left to answer.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            if with_body:
                self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base signature)
        """Quiet: tests read `FakeKamer.requests` instead."""


def main() -> None:
    parser = argparse.ArgumentParser(description="Nep-API van de Tweede Kamer (OData v4 2.0).")
    parser.add_argument("--poort", type=int, default=8800, help="poort op 127.0.0.1 (8800)")
    parser.add_argument("--data", type=Path, default=DATA, help="map met fixtures")
    parser.add_argument("--pagina", type=int, default=PAGE_SIZE, help="records per pagina (250)")
    args = parser.parse_args()
    kamer = FakeKamer(args.data, page_size=args.pagina, port=args.poort)
    kamer.start()
    print(kamer.url, flush=True)
    print(f"Nep-Tweede Kamer draait: {kamer.odata_url}/Zaak - Ctrl-C stopt.", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        kamer.stop()


if __name__ == "__main__":
    main()
