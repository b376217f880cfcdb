"""Browser tests: the real app under `streamlit run`, driven by Playwright in headless Chromium.

The browser is Debian's chromium (`make browser` installs it); Playwright only drives it, so
nothing is downloaded at test time. The server runs against a small store built from the
fixtures with the hash embedder, so no model is needed either.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import TIMEOUT_MS
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from assistant.embed import HashEmbedder
from assistant.settings import Settings
from assistant.store import Store
from ingest.pipeline import Ingestor

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
FIXTURES = ROOT / "tests" / "fixtures"
CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps trying to reach Google (closed network).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_TIMEOUT_S = 90.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200 and response.read().strip() == b"ok")
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture(scope="session")
def e2e_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built from the fixtures with the hash embedder (as in tests/test_app.py)."""
    settings = Settings(store=tmp_path_factory.mktemp("e2e") / "store")
    Ingestor(Store.open(settings), HashEmbedder(), settings).run(
        [
            FIXTURES / "xml",
            FIXTURES / "odata" / "zaken",
            FIXTURES / "odata" / "stemmingen",
            FIXTURES / "nota",
            FIXTURES / "hostile",  # titles with Markdown images and links (issue #12)
        ]
    )
    return settings.store


@pytest.fixture(scope="session")
def app_url(e2e_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`streamlit run app.py` on a free local port; yields its base URL, stops it at the end."""
    logs = tmp_path_factory.mktemp("streamlit")
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith("KAMER_")}
    env.update(
        KAMER_STORE=str(e2e_store),
        KAMER_EMBED_MODEL="hash",
        KAMER_RELEVANCE="0.7",
        KAMER_CONFIG=str(logs / "no-kamer.toml"),  # ignore a developer's ./kamer.toml
        ANONYMIZED_TELEMETRY="False",
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
    )
    command = [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.headless", "true",
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    log_path = logs / "server.log"
    # Output goes to a file, not a PIPE: nothing to drain, nothing left open.
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log
        )
    try:
        health = f"http://127.0.0.1:{port}/_stcore/health"
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while not healthy(health):
            if server.poll() is not None or time.monotonic() > deadline:
                why = (
                    f"exited with code {server.returncode}"
                    if server.returncode is not None
                    else f"not healthy after {SERVER_START_TIMEOUT_S:.0f} s"
                )
                output = log_path.read_text(encoding="utf-8", errors="replace")
                pytest.fail(f"Streamlit server {why} ({health}). Its output:\n{output}")
            time.sleep(0.25)  # polling the health endpoint, not waiting on the UI
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} not found: the browser tests need Debian's chromium. "
            "Run `make browser` (as root or with sudo), or `make test`, which does it for you."
        )
    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser context and page per test, with generous Streamlit-sized timeouts."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()
