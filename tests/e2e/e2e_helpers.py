"""Small Playwright helpers for driving the Streamlit app in a real browser (tests/e2e).

Streamlit renders asynchronously over a websocket: wait with Playwright's auto-waiting locators
and `expect`, never with sleeps. After an interaction (Enter in a text input, a chat question),
wait for the text the rerun should produce: right after the key press the app can still look
idle because the rerun has not started yet.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

TIMEOUT_MS = 60_000  # Streamlit plus Chroma on a busy 2-core machine; generous on purpose

# stApp carries the connection and script-run state as data attributes.
APP_IDLE = (
    '[data-testid="stApp"]'
    '[data-test-connection-state="CONNECTED"]'
    '[data-test-script-state="notRunning"]'
)

# Height of everything Streamlit shows, including what its scroll container hides.
CONTENT_HEIGHT_JS = """() => Math.max(
    document.documentElement.scrollHeight,
    ...[...document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"]')]
        .map((el) => el.scrollHeight))"""


def wait_for_app_ready(page: Page, timeout: float = TIMEOUT_MS) -> None:
    """Wait until the app is connected, its script run has finished and "Running..." is gone."""
    page.locator(APP_IDLE).wait_for(state="attached", timeout=timeout)
    running = page.get_by_test_id("stStatusWidget").filter(has_text="Running")
    expect(running).to_have_count(0, timeout=timeout)
    expect(page.get_by_test_id("stException")).to_have_count(0)


def wait_for_text(page: Page, text: str, timeout: float = TIMEOUT_MS) -> None:
    """Wait until `text` (substring match) is visible somewhere on the page."""
    expect(page.get_by_text(text).first).to_be_visible(timeout=timeout)


def open_app(page: Page, url: str, title: str = "Kamerstukken-assistent") -> None:
    """Load the app at `url` and wait for its title and for the first script run to finish."""
    page.goto(url)
    expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible(timeout=TIMEOUT_MS)
    wait_for_app_ready(page)


def fill_text_input(page: Page, label: str, value: str) -> None:
    """Type into the st.text_input labelled `label` and submit it with Enter."""
    field = page.get_by_label(label)
    field.fill(value)
    field.press("Enter")


def ask_in_chat(page: Page, question: str) -> None:
    """Type `question` into the st.chat_input and send it with Enter; wait for the answer after."""
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(question)
    box.press("Enter")


def screenshot(page: Page, path: Path) -> Path:
    """Save a screenshot of the whole app, including what lies below the fold.

    Streamlit scrolls inside its own container, so Playwright's full_page alone only captures
    the viewport: grow the viewport to the content height for the shot, then restore it.
    """
    viewport = page.viewport_size or {"width": 1280, "height": 800}
    height = page.evaluate(CONTENT_HEIGHT_JS)
    page.set_viewport_size(
        {"width": viewport["width"], "height": max(int(height), viewport["height"])}
    )
    try:
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(viewport)
    return path
