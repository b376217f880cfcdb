"""The Tweede Kamer OData API (v4, data version 2.0) over HTTP: pages of records and files.

Standard library only (urllib). Proxies come from the environment (`https_proxy`,
`no_proxy`, ...), as urllib reads them. Timeouts, connection errors, 429 and 5xx are tried
again with exponential backoff, waiting at least what Retry-After asks; a page that is no JSON
or has no "value" list counts as a failed try too (a response cut short). After the last try
the caller gets a Dutch `SyncError`. Nothing is contacted until a method is called.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import http.client
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from assistant.errors import SyncError
from assistant.settings import Settings
from ingest.sync_records import GUID_RE, Position

API_PATH = "/OData/v4/2.0"
# What each synced entity needs joined in: the shapes ingest/sources/odata.py reads.
EXPAND = {
    "Zaak": "ZaakActor,Besluit($expand=Stemming),"
    "Document($expand=HuidigeDocumentVersie($expand=DocumentPublicatie))",
    "Toezegging": "Activiteit",
    # A Besluit names its Zaak through the navigation property (no Zaak_Id column).
    "Besluit": "Zaak($select=Id)",
}
# Server-side selections: only what the sync keeps (ingest/sync_records.relevant) crosses the
# network. A deleted record has every field but its Id and times emptied (seen in the saved
# pages in ../shared/data/tk-odata), so deletions are asked for apart.
KEPT = {"Zaak": "Soort eq 'Motie'"}
LONGEST_WAIT = 300.0  # seconds; a Retry-After beyond this is cut to it
LONGEST_BACKOFF = 60.0
T = TypeVar("T")


@dataclass(frozen=True)
class Page:
    records: list[Any]
    next_link: str | None


@dataclass(frozen=True)
class Resource:
    body: bytes
    content_type: str


class Malformed(Exception):
    """A response that is not an OData page."""


def retry_after(value: str | None, now: dt.datetime) -> float | None:
    """Retry-After in seconds: '120' or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - now).total_seconds())


def literal(text: str) -> str:
    """An OData string literal: quoted, a quote inside doubled."""
    return "'" + text.replace("'", "''") + "'"


def parse_page(body: bytes) -> Page:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise Malformed("geen geldige JSON") from error
    if not isinstance(data, dict) or not isinstance(data.get("value"), list):
        raise Malformed("geen OData-pagina (geen lijst 'value')")
    next_link = data.get("@odata.nextLink")
    if next_link is not None and not isinstance(next_link, str):
        raise Malformed("'@odata.nextLink' is geen adres")
    return Page(list(data["value"]), next_link or None)


class KamerApi:
    """Reads pages of one entity changed since a moment, and the files of documents."""

    def __init__(
        self,
        settings: Settings,
        sleep: Callable[[float], None] = time.sleep,
        opener: urllib.request.OpenerDirector | None = None,
    ) -> None:
        self.root = settings.sync_url.rstrip("/")
        self.base = self.root + API_PATH
        self.timeout = settings.sync_timeout
        self.retries = settings.sync_retries
        self.backoff = settings.sync_backoff
        self.page_size = settings.sync_page_size
        self.max_bytes = settings.max_file_mb * 1024 * 1024
        self.headers = {"User-Agent": settings.sync_user_agent}
        self.kept = dict(KEPT)
        if soorten := settings.document_soorten:
            self.kept["Document"] = " or ".join(f"Soort eq {literal(s)}" for s in soorten)
        self.sleep = sleep
        # build_opener() includes a ProxyHandler that reads the proxy environment variables.
        self.opener = opener or urllib.request.build_opener()

    def changed_since(self, entity: str, position: Position) -> str:
        """The address of the first page of `entity` records not yet processed at `position`,
        oldest first (ties by Id), deleted records included (they carry Verwijderd: true).
        With a known last Id the page starts right after it (keyset paging); otherwise at
        `since`, and the caller leaves out the Ids it has done there."""
        params = {
            "$filter": self.selection(entity, position),
            "$orderby": "ApiGewijzigdOp,Id",
            "$top": str(self.page_size),
        }
        if entity in EXPAND:
            params["$expand"] = EXPAND[entity]
        query = urllib.parse.urlencode(params, quote_via=urllib.parse.quote, safe="$,()=")
        return f"{self.base}/{entity}?{query}"

    def selection(self, entity: str, position: Position) -> str:
        """The $filter for `changed_since`."""
        since = position.since
        if position.after and GUID_RE.match(position.after):
            changed = (
                f"(ApiGewijzigdOp gt {since} or "
                f"(ApiGewijzigdOp eq {since} and Id gt {position.after}))"
            )
        else:
            changed = f"ApiGewijzigdOp ge {since}"
        kept = self.kept.get(entity)
        return f"{changed} and ({kept} or Verwijderd eq true)" if kept else changed

    def record_url(self, entity: str, record_id: str) -> str:
        return f"{self.base}/{entity}({record_id})"

    def record(self, entity: str, record_id: str) -> dict[str, Any] | None:
        """One record, `{entity}({Id})` with the entity's $expand; None when unknown (404)."""
        url = f"{self.base}/{entity}({urllib.parse.quote(record_id)})"
        if entity in EXPAND:
            query = urllib.parse.urlencode(
                {"$expand": EXPAND[entity]}, quote_via=urllib.parse.quote, safe="$,()="
            )
            url = f"{url}?{query}"
        return self._get(url, f"{entity} {record_id}", "application/json", _record, not_found=True)

    def page(self, url: str, what: str) -> Page:
        """One page; `what` names it in a message ('Zaak')."""
        if not self.ours(url):
            raise SyncError(
                f"De Tweede Kamer-API ({self.root}) verwijst voor de volgende pagina van {what} "
                "naar een ander adres; dat volgen we niet."
            )
        page = self._get(url, what, "application/json", self._page)
        if page is None:  # only a file may be missing; a page is not found: an error
            raise SyncError(f"De Tweede Kamer-API ({self.root}) kent {what} niet (HTTP 404).")
        return page

    def resource(self, document_id: str) -> Resource | None:
        """The published file of a Document, or None while it is not published (404). At
        most max_file_mb + 1 bytes are read: the caller refuses anything longer."""
        url = f"{self.base}/Document({urllib.parse.quote(document_id)})/resource"
        what = f"het bestand van Document {document_id}"
        return self._get(url, what, "*/*", Resource, not_found=True)

    def ours(self, url: str) -> bool:
        """Whether an address (a nextLink) is on the configured API."""
        mine, theirs = urllib.parse.urlsplit(self.base), urllib.parse.urlsplit(url)
        return (mine.scheme, mine.netloc) == (theirs.scheme, theirs.netloc)

    def _get(
        self,
        url: str,
        what: str,
        accept: str,
        parse: Callable[[bytes, str], T],
        not_found: bool = False,
    ) -> T | None:
        request = urllib.request.Request(url, headers={**self.headers, "Accept": accept})
        reason = ""
        for attempt in range(self.retries + 1):
            wait: float | None = None
            try:
                with self.opener.open(request, timeout=self.timeout) as response:
                    body = response.read(self.max_bytes + 1)
                    content_type = response.headers.get_content_type()
                return parse(body, content_type)
            except urllib.error.HTTPError as error:
                with error:
                    status = error.code
                    headers = error.headers
                    detail = error_message(error.read(4096)) if status == 400 else ""
                if status == 404 and not_found:
                    return None
                if status not in (408, 429) and status < 500:
                    said = f" ({detail})" if detail else ""
                    raise SyncError(
                        f"De Tweede Kamer-API ({self.root}) weigert de vraag naar {what}: "
                        f"HTTP {status} {error.reason}{said}. Controleer KAMER_SYNC_URL"
                        + (" en KAMER_SYNC_DOCUMENT_SOORTEN." if status == 400 else ".")
                    ) from None
                reason = f"HTTP {status}"
                wait = retry_after(headers.get("Retry-After") if headers else None, _now())
            except (TimeoutError, http.client.HTTPException, OSError) as error:
                reason = _network_reason(error, self.timeout)
            except Malformed as error:
                reason = str(error)
            if attempt < self.retries:
                backoff = min(LONGEST_BACKOFF, self.backoff * 2**attempt)
                self.sleep(min(LONGEST_WAIT, max(backoff, wait or 0.0)))
        tries = self.retries + 1
        raise SyncError(
            f"De Tweede Kamer-API ({self.root}) gaf geen bruikbaar antwoord op de vraag naar "
            f"{what}: {reason} (na {tries} {'poging' if tries == 1 else 'pogingen'}). Wat al "
            "binnen was, is bewaard; de volgende `kamer sync` gaat verder waar deze stopte."
        )

    def _page(self, body: bytes, content_type: str) -> Page:
        if len(body) > self.max_bytes:
            raise Malformed(f"pagina groter dan {self.max_bytes // 1048576} MB")
        return parse_page(body)


def error_message(body: bytes) -> str:
    """The message of an OData error body ({"error": {"message": ...}}), shortened."""
    try:
        data = json.loads(body.decode("utf-8", errors="replace"))
        message = data["error"]["message"]
    except (ValueError, KeyError, TypeError):
        return ""
    return " ".join(message.split())[:300] if isinstance(message, str) else ""


def _record(body: bytes, content_type: str) -> dict[str, Any]:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise Malformed("geen geldige JSON") from error
    if not isinstance(data, dict):
        raise Malformed("geen OData-record")
    return {k: v for k, v in data.items() if not k.startswith("@odata.")}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _network_reason(error: BaseException, timeout: float) -> str:
    """Why a request failed, in Dutch, without a traceback."""
    cause = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(cause, TimeoutError):
        return f"geen antwoord binnen {timeout:g} s"
    if isinstance(cause, ConnectionRefusedError):
        return "verbinding geweigerd"
    if isinstance(cause, OSError) and cause.strerror:
        return f"geen verbinding ({cause.strerror})"
    return f"geen verbinding ({type(cause).__name__})"
