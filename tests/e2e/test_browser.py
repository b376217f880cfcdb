"""End to end in headless Chromium: a question in the chat gets an answer with a source link;
every page opens without an error. Screenshots are saved under the test's tmp folder."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from e2e_helpers import ask_in_chat, open_app, screenshot, wait_for_app_ready, wait_for_text
from playwright.sync_api import Page, expect

SOURCE_URL = "https://zoek.officielebekendmakingen.nl/kst-32317-913.html"


def test_chat_answers_with_a_source_link(page: Page, app_url: str, tmp_path: Path) -> None:
    open_app(page, app_url, title="Vraag het de Kamerstukken")
    ask_in_chat(page, "Wat is de status van motie 32317-913?")
    wait_for_text(page, "De motie-Podt/Rajkowski")
    wait_for_app_ready(page)
    answer = page.get_by_test_id("stChatMessage").last
    expect(answer).to_contain_text("Oordeel Kamer")
    expect(answer).to_contain_text("[1]")
    link = answer.locator(f'a[href="{SOURCE_URL}"]').first
    expect(link).to_be_visible()
    expect(answer).to_contain_text("Hiermee wordt uitvoering gegeven aan de motie")

    shot = screenshot(page, tmp_path / "chat.png")
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank PNG


def test_a_refusal_offers_the_closest_moties_to_ask_about(
    page: Page, app_url: str, tmp_path: Path
) -> None:
    open_app(page, app_url, title="Vraag het de Kamerstukken")
    ask_in_chat(page, "Is de motie van Podt over zeewierteelt aangenomen?")
    wait_for_text(page, "Bedoelde u een van deze moties?")
    wait_for_app_ready(page)
    first = page.get_by_test_id("stChatMessage").last.get_by_role("button").first
    doc_id = first.inner_text().rsplit("(", 1)[1].rstrip(")")
    first.click()
    wait_for_text(page, f"Is de motie van Podt over zeewierteelt aangenomen? ({doc_id})")
    wait_for_app_ready(page)
    answer = page.get_by_test_id("stChatMessage").last
    expect(answer).to_contain_text(f"({doc_id}")
    expect(answer).not_to_contain_text("Ik vond geen motie")
    screenshot(page, tmp_path / "chat-suggestie.png")


@pytest.mark.parametrize(
    ("path", "title", "field", "value", "expected"),
    [
        ("moties", "Moties", "Motie zoeken op nummer of woorden", "19637-3185", "aangenomen"),
        ("toezeggingen", "Toezeggingen", None, None, "Download als CSV"),
        ("briefing", "Briefing per dossier", "Dossiernummer", "32317", "Briefing dossier 32317"),
        (
            "documenten",
            "Documenten",
            "Document zoeken op nummer of woorden",
            "kst-32317-913",
            "Wordt genoemd in",
        ),
        ("toevoegen", "Documenten toevoegen", None, None, "Inlezen"),
    ],
)
def test_each_page_opens(
    page: Page,
    app_url: str,
    tmp_path: Path,
    path: str,
    title: str,
    field: str | None,
    value: str | None,
    expected: str,
) -> None:
    open_app(page, f"{app_url}/{path}", title=title)
    if field and value:
        box = page.get_by_label(field)
        box.fill(value)
        box.press("Enter")
    wait_for_text(page, expected)
    wait_for_app_ready(page)
    if path == "moties":  # the vote chart draws after the script run has finished
        expect(page.locator('[data-testid="stVegaLiteChart"] svg.marks')).to_be_visible()
    shot = screenshot(page, tmp_path / f"{path}.png")
    assert shot.stat().st_size > 20_000


def test_upload_of_a_corrupt_pdf_names_the_file_and_reason(
    page: Page, app_url: str, tmp_path: Path
) -> None:
    bad = tmp_path / "kapot.pdf"
    bad.write_bytes(b"%PDF-1.4\n dit is geen pdf")
    open_app(page, f"{app_url}/toevoegen", title="Documenten toevoegen")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(bad))
    expect(page.get_by_text("kapot.pdf").first).to_be_visible()
    page.get_by_role("button", name="Inlezen").click()
    error = page.get_by_test_id("stAlertContentError").first
    expect(error).to_contain_text("kapot.pdf", timeout=60_000)
    wait_for_app_ready(page)
    expect(page.get_by_text("0 van 1 bestanden verwerkt")).to_be_visible()
    screenshot(page, tmp_path / "toevoegen-fout.png")


def test_a_title_with_markdown_makes_the_browser_fetch_nothing(page: Page, app_url: str) -> None:
    """A title like '![x](http://127.0.0.1:9/pixel.png)' (tests/fixtures/hostile) is shown as
    text: no image, no link under another label, no request to any host but the app's own."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_app(page, f"{app_url}/documenten", title="Documenten")
    box = page.get_by_label("Document zoeken op nummer of woorden")
    box.fill("kst-34104-999")
    box.press("Enter")
    wait_for_text(page, "![x](http://127.0.0.1:9/pixel.png)")  # the title, as plain text
    wait_for_app_ready(page)
    expect(page.get_by_text(":red[rood] $x$").first).to_be_visible()
    expect(page.locator('img[src*="127.0.0.1:9"]')).to_have_count(0)
    for link in page.locator('a[href*="127.0.0.1:9"]').all():
        assert link.inner_text() == link.get_attribute("href")  # a bare address, as it reads
    app_host = urlsplit(app_url).netloc
    elsewhere = [url for url in requests if urlsplit(url).scheme in ("http", "https")]
    assert [url for url in elsewhere if urlsplit(url).netloc != app_host] == []
