"""JSON over HTTP for the served backends (stdlib only), with Dutch errors saying what to check."""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.request
from typing import Any

from assistant.llm.base import LLMError


def post_json(
    url: str, body: dict[str, Any], *, timeout: float, headers: dict[str, str] | None = None
) -> Any:
    """POST `body` as JSON and return the decoded JSON reply, or raise LLMError."""
    sent = {"Content-Type": "application/json", "Accept": "application/json"} | (headers or {})
    data = json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, method="POST", headers=sent)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw: bytes = response.read()
    except urllib.error.HTTPError as exc:
        try:
            detail = error_detail(exc.read())
        finally:
            exc.close()
        raise LLMError(f"LLM-server op {url} antwoordt met HTTP {exc.code}: {detail}") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise _timeout(url, timeout) from exc
        raise LLMError(
            f"LLM-server op {url} antwoordt niet: {exc.reason}. "
            "Draait de server en klopt de instelling 'llm_url'?"
        ) from exc
    except TimeoutError as exc:
        raise _timeout(url, timeout) from exc
    except (OSError, http.client.HTTPException) as exc:
        raise LLMError(f"LLM-server op {url} antwoordt niet: {exc!r}") from exc
    try:
        return json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise LLMError(
            f"LLM-server op {url} antwoordt niet met geldige JSON: {_snippet(raw)!r}"
        ) from exc


def error_detail(raw: bytes) -> str:
    """The server's own error message when it sends one as JSON, else the start of the body."""
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return _snippet(raw) or "(lege foutmelding)"
    error = data.get("error") if isinstance(data, dict) else None
    if isinstance(error, dict) and isinstance(error.get("message"), str):
        return str(error["message"])
    if isinstance(error, str):
        return error
    return _snippet(raw)


def unexpected(url: str, data: Any) -> LLMError:
    """The reply is JSON but not in the shape the backend promises."""
    return LLMError(
        f"LLM-server op {url} antwoordt niet: onverwacht antwoord {_snippet(json.dumps(data))!r}. "
        "Is dit wel het juiste type server (instelling 'llm_backend')?"
    )


def _timeout(url: str, timeout: float) -> LLMError:
    return LLMError(
        f"LLM-server op {url} antwoordt niet: geen antwoord binnen {timeout:g} s. "
        "Verhoog 'llm_timeout' of kies een kleiner model."
    )


def _snippet(raw: bytes | str, limit: int = 200) -> str:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"
