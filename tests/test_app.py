"""Every page of the Streamlit app (AppTest) against a store built from the fixtures."""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.compose import build_services
from assistant.embed import HashEmbedder
from assistant.settings import Settings
from assistant.store import Store
from ingest.pipeline import Ingestor

ROOT = Path(__file__).parent.parent
APP = str(ROOT / "app.py")
PAGES = ROOT / "assistant" / "ui" / "pages"


def use_app_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, store: Path) -> None:
    """The app's settings for tests: this store, the hash embedder, no kamer.toml."""
    monkeypatch.setenv("KAMER_STORE", str(store))
    monkeypatch.setenv("KAMER_EMBED_MODEL", "hash")
    monkeypatch.setenv("KAMER_RELEVANCE", "0.7")
    monkeypatch.setenv("KAMER_CONFIG", str(tmp_path / "none.toml"))


SOURCES = ("xml", "odata/zaken", "odata/stemmingen", "nota")


def build_store(
    tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch, folders: tuple[str, ...]
) -> Path:
    settings = Settings(store=tmp_path / "store")
    Ingestor(Store.open(settings), HashEmbedder(), settings).run([fixtures / f for f in folders])
    use_app_env(monkeypatch, tmp_path, settings.store)
    from assistant.ui.common import services

    services.clear()  # the app builds its clients once per process: start each test afresh
    return settings.store


@pytest.fixture
def built_store(tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return build_store(tmp_path, fixtures, monkeypatch, SOURCES)


@pytest.fixture
def hostile_store(tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Documents whose title, dossier, names and context carry Markdown (tests/fixtures/hostile):
    a motie kst-34104-999, a nota that cites it and a Toezegging record."""
    return build_store(tmp_path, fixtures, monkeypatch, ("hostile",))


def app_on(page: str | None = None) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=90)
    app.run()
    assert not app.exception
    if page:
        app.switch_page(str(PAGES / page)).run()
        assert not app.exception
    return app


def markdown_text(app: AppTest) -> str:
    return "\n".join(str(m.value) for m in app.markdown)


def test_chat_answers_with_a_citation(built_store: Path) -> None:
    app = app_on()
    assert "extractief" in app.caption[0].value
    app.chat_input[0].set_value("Wat is de status van motie 32317-913?").run()
    assert not app.exception
    shown = markdown_text(app)
    assert "Podt" in shown and "\\[1\\]" in shown  # answer with a citation marker
    assert "https://zoek.officielebekendmakingen.nl/kst-32317-913.html" in shown  # source link
    assert ":orange-background[" in shown  # the quote highlighted in its context
    # A follow-up in the same conversation keeps the motie in view.
    app.chat_input[0].set_value("Wie heeft hem ingediend?").run()
    assert "Rajkowski" in markdown_text(app)


def test_chat_says_when_nothing_was_found(built_store: Path) -> None:
    app = app_on()
    app.chat_input[0].set_value("Wat is het standpunt over de bouw van kerncentrales?").run()
    assert not app.exception
    assert "niets gevonden" in app.warning[0].value


def test_chat_asks_again_about_a_motie_the_refusal_suggests(built_store: Path) -> None:
    app = app_on()
    app.chat_input[0].set_value("Is de motie van Podt over zeewierteelt aangenomen?").run()
    assert not app.exception
    assert app.warning[0].value.startswith("Ik vond geen motie van Podt over zeewierteelt")
    assert any("Bedoelde u een van deze moties?" in c.value for c in app.caption)
    suggested = [b for b in app.button if b.key and b.key.startswith("chat_meant_0_")]
    assert suggested
    doc_id = suggested[0].key.removeprefix("chat_meant_0_")
    suggested[0].click().run()
    assert not app.exception
    turns = app.session_state["chat_turns"]
    assert len(turns) == 2
    question, answer = turns[1]
    assert question == f"Is de motie van Podt over zeewierteelt aangenomen? ({doc_id})"
    assert not answer.refused and answer.citations[0].id == doc_id


def test_chat_does_not_send_an_empty_question(
    tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_store(tmp_path, fixtures, monkeypatch, ("nota",))
    app = app_on()
    app.chat_input[0].set_value("   ").run()
    assert not app.exception
    assert app.info[0].value.startswith("Stel een vraag, bijvoorbeeld:")
    assert not app.chat_message and not app.warning  # no turn, no "niets gevonden"
    assert app.session_state["chat_turns"] == []


def test_chat_filters_change_the_result(built_store: Path) -> None:
    question = "Welke organisaties bereiden zich voor op de implementatie van het migratiepact?"
    app = app_on()
    app.chat_input[0].set_value(question).run()
    unfiltered = markdown_text(app)
    assert "nota" in unfiltered.lower()

    app = app_on()
    app.sidebar.multiselect(key="chat_types").select("motie").run()
    app.chat_input[0].set_value(question).run()
    filtered = markdown_text(app)
    assert filtered != unfiltered
    # The answer is now the motie (the nota only as the letter that carries it out).
    assert "De motie-Podt/Rajkowski (kst-32317-913" in filtered
    assert "De motie-Podt/Rajkowski (kst-32317-913" not in unfiltered


def motie_page(query: str) -> AppTest:
    app = app_on("moties.py")
    app.text_input(key="motie_query").input(query).run()
    assert not app.exception
    return app


def test_moties_page_shows_outcome_votes_and_fulfilment(built_store: Path) -> None:
    app = motie_page("32317-913")
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Kabinetsappreciatie"] == "Oordeel Kamer"
    shown = markdown_text(app)
    assert "uitgevoerd" in shown and "zekerheid hoog" in shown
    assert "Hiermee wordt uitvoering gegeven aan de motie" in " ".join(t.value for t in app.text)


def test_moties_page_charts_votes_per_fractie(built_store: Path) -> None:
    app = motie_page("kst-19637-3185")
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Uitslag"] == "aangenomen"
    assert app.get("vega_lite_chart")  # st.bar_chart of seats per fractie
    votes = app.dataframe[0].value
    assert set(votes.columns) == {"fractie", "Voor", "Tegen"}
    assert votes["Voor"].sum() > votes["Tegen"].sum()


def test_toezeggingen_page_lists_with_status_and_exports_csv(built_store: Path) -> None:
    app = app_on("toezeggingen.py")
    table = app.dataframe[0].value
    assert "nagekomen" in set(table["status"])
    assert any(str(day) == "2026-03-20" for day in table["gedaan op"])
    assert app.get("download_button")
    # Each commitment found in a text says which rule found it (the --explain of the CLI).
    assert "**Regel:** " in markdown_text(app)
    app.sidebar.selectbox(key="tz_status").select("open").run()
    assert not app.exception
    assert not app.dataframe or "nagekomen" not in set(app.dataframe[0].value["status"])


def test_toezeggingen_page_shows_the_chairs_confirmation(
    tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A debate promise the chair called a toezegging shows the chair's words, and the
    member's question it answers comes before it."""
    build_store(tmp_path, fixtures, monkeypatch, ("tei",))
    app = app_on("toezeggingen.py")
    shown = markdown_text(app)
    assert "**Bevestigd door de voorzitter:** Dat is een toezegging." in shown
    assert any("commissie-SCHEER" in str(c.value) for c in app.caption)


def test_briefing_page_builds_and_offers_downloads(built_store: Path) -> None:
    app = app_on("briefing.py")
    app.text_input(key="briefing_dossier").input("32317").run()
    assert not app.exception
    shown = markdown_text(app)
    assert "# Briefing dossier 32317" in shown
    assert "kst-32317-913" in shown
    assert len(app.get("download_button")) == 2
    # From a date after the motie: it is left out, and the heading says from when.
    app.date_input(key="briefing_since").set_value(dt.date(2026, 1, 1)).run()
    assert not app.exception
    shown = markdown_text(app)
    assert "sinds 2026-01-01" in shown
    moties = shown.split("## Moties")[1].split("## Aangenomen")[0]
    assert "kst-32317-913" not in moties


def test_documenten_page_follows_references_both_ways(built_store: Path) -> None:
    app = app_on("documenten.py")
    app.text_input(key="doc_query").input("kst-32317-913").run()
    assert not app.exception
    assert "Wordt genoemd in** (1)" in markdown_text(app)
    app.button(key="in-0").click().run()  # open the nota that mentions the motie
    assert not app.exception
    assert app.subheader[0].value == "Voortgang implementatie Asiel- en Migratiepact"
    assert "kst-32317-913" in markdown_text(app)  # and it refers back to the motie


def test_toevoegen_page_renders(built_store: Path) -> None:
    app = app_on("toevoegen.py")
    assert "maximaal 50 MB" in app.caption[0].value


def test_upload_of_bad_file_is_refused_and_index_intact(built_store: Path, fixtures: Path) -> None:
    from assistant.settings import load_settings
    from assistant.ui.uploads import ingest_uploads

    built = build_services(load_settings(), embedder=HashEmbedder())
    before = (built.store.document_count(), built.store.chunks.count())
    good = (fixtures / "nota").glob("*.txt").__next__()
    results = ingest_uploads(
        built,
        [
            ("../../etc/kapot.pdf", b"%PDF-1.4 dit is geen echte pdf"),
            ("leeg.txt", b""),
            ("script.exe", b"MZ"),
            (good.name, good.read_bytes()),  # already in the index: no duplicate
        ],
    )
    by_name = {row["bestand"]: row for row in results}
    assert by_name["../../etc/kapot.pdf"]["resultaat"] == "geweigerd"
    assert (
        "kapot" in by_name["../../etc/kapot.pdf"]["reden"]
        or by_name["../../etc/kapot.pdf"]["reden"]
    )
    assert by_name["leeg.txt"]["reden"] == "leeg bestand"
    assert "niet ondersteund" in by_name["script.exe"]["reden"]
    assert by_name[good.name]["resultaat"].startswith("dubbel")
    assert (built.store.document_count(), built.store.chunks.count()) == before
    uploads = built_store / "uploads"
    assert not any("kapot" in p.name for p in uploads.iterdir())  # refused file removed
    assert not any(p.suffix == ".txt" for p in uploads.iterdir())  # and the second copy
    assert all(p.parent == uploads for p in uploads.iterdir())  # nothing outside the folder


def test_uploaded_document_is_searchable_at_once(built_store: Path, tmp_path: Path) -> None:
    from assistant.settings import load_settings
    from assistant.ui.uploads import ingest_uploads

    built = build_services(load_settings(), embedder=HashEmbedder())
    text = (
        "Nota over de bruggen van Zeeland\n\nDe minister zal de Kamer voor de zomer van 2026 "
        "informeren over het onderhoud van de Zeelandbrug."
    )
    results = ingest_uploads(built, [("bruggen zeeland.txt", text.encode())])
    assert results[0]["resultaat"] == "ingelezen"
    # The BM25 mirror was rebuilt: the new passage is found without a restart.
    found = built.retriever.search("onderhoud van de Zeelandbrug", k=3)
    assert found and "Zeelandbrug" in found[0].text
    assert results[0]["documenten"] == found[0].doc_id


def test_safe_names() -> None:
    from assistant.ui.uploads import safe_name

    assert safe_name("../../etc/passwd", b"x").startswith("passwd-")
    assert safe_name("C:\\Users\\a\\brief 2026 (def).PDF", b"x").endswith(".pdf")
    assert "/" not in safe_name("a/b/c.txt", b"x")
    assert not safe_name(".bashrc", b"x").startswith(".")
    assert safe_name("x.txt", b"1") != safe_name("x.txt", b"2")


def test_first_start_ingests_the_corpus_once(
    tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.settings import load_settings
    from assistant.ui import common

    use_app_env(monkeypatch, tmp_path, tmp_path / "fresh")
    monkeypatch.setattr(common, "CORPUS", fixtures / "nota")
    embedder = HashEmbedder()
    built = build_services(load_settings(), embedder=embedder)
    # Two sessions opening the fresh app at once: one background ingest for both.
    first, second = common.first_start(built), common.first_start(built)
    assert first is not None and first is second and first.thread is not None
    first.thread.join(timeout=120)
    assert first.finished and first.error is None
    chunks = built.store.chunks.count()
    assert built.store.document_count() == 1 and chunks > 0
    assert embedder.calls == chunks  # every passage embedded once, not twice
    assert built.retriever.index.size == chunks  # the lexical index sees the new passages


class GatedEmbedder(HashEmbedder):
    """Computes passage vectors only once the test opens the gate (a slow first start)."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        assert self.gate.wait(timeout=120)
        return super().embed_documents(texts)


def test_structured_questions_are_answered_before_the_embeddings_finish(
    tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.settings import load_settings
    from assistant.ui import common

    use_app_env(monkeypatch, tmp_path, tmp_path / "fresh")
    monkeypatch.setattr(common, "CORPUS", fixtures / "xml")
    embedder = GatedEmbedder()
    built = build_services(load_settings(), embedder=embedder)
    state = common.first_start(built)
    assert state is not None and state.thread is not None
    deadline = time.monotonic() + 60
    # Searchable comes just before the embedding stage starts; on a busy machine the test may
    # look in between, so it waits for both (the gate keeps the embeddings from finishing).
    while (
        not state.searchable or state.stage != "Embeddings berekenen"
    ) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert state.searchable and not state.finished
    assert state.stage == "Embeddings berekenen" and state.count == 0
    answer = built.answerer.ask("Wat is de status van de motie kst-32317-913?")
    assert not answer.refused and "Podt" in answer.answer
    found = built.retriever.search("migratiepact", k=3)  # by keyword, no vector yet
    assert found and built.store.chunks.count() == 0
    embedder.gate.set()
    state.thread.join(timeout=120)
    assert state.finished and state.error is None and built.store.chunks.count() > 0


def test_first_start_in_the_app_shows_progress_and_then_answers(
    tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.ui import common

    use_app_env(monkeypatch, tmp_path, tmp_path / "fresh")
    monkeypatch.setattr(common, "CORPUS", fixtures / "nota")
    common.services.clear()
    app = AppTest.from_file(APP, default_timeout=90).run()
    assert not app.exception
    # The page is there at once, saying what is being read; the chat input works meanwhile.
    assert "Eerste start" in app.info[0].value and app.chat_input
    state = common.first_start(common.services())
    assert state is not None and state.thread is not None
    state.thread.join(timeout=120)
    app.run()
    assert not app.exception
    assert "voorbeeldcollectie is ingelezen" in app.success[0].value
    app.chat_input[0].set_value("Welke toezeggingen zijn er op 20 maart 2026 gedaan?").run()
    assert not app.exception
    assert "IND" in markdown_text(app) or "asielprocedure" in markdown_text(app)


def test_interrupted_first_start_is_resumed(
    tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.ui import common

    settings = Settings(store=tmp_path / "fresh")
    monkeypatch.setattr(common, "CORPUS", fixtures / "nota")
    built = build_services(settings, embedder=HashEmbedder())
    Ingestor(built.store, built.embedder, settings).run([fixtures / "xml"])  # got this far
    marker = settings.store / ".corpus-ingest-unfinished"
    marker.touch()  # ... when the app was stopped
    state = common.first_start(built)
    assert state is not None and state.thread is not None
    state.thread.join(timeout=120)
    assert built.store.get_document("nota-2026-03-27-voortgang-implementatie-asiel-en-migratiepact")
    assert not marker.exists()
    common._first_starts.clear()  # a new app process
    assert common.first_start(built) is None  # finished: nothing happens any more


# What Markdown or Streamlit would act on in the hostile fixtures, unless escaped: an image,
# a link under its own label, HTML, a colour, math.
ACTIVE_MARKDOWN = re.compile(r"(?<!\\)(?:!\[|\]\(http://127|<img|:red|\$x)")


def test_escape_covers_what_streamlit_adds_to_markdown() -> None:
    from assistant.render import md_escape, md_plain

    hostile = ":red[rood] :material/home: &#58;smile&#58; $x$"
    escaped = md_escape(hostile)
    # No directive, no character reference, no math; the icon name kept apart by a word joiner.
    assert escaped == "\\:red\\[rood\\] \\:\u2060material/home\\: \\&\\#58;smile\\&\\#58; \\$x\\$"
    assert md_plain(escaped) == hostile


def rendered_markdown(app: AppTest) -> str:
    """Every string the app hands to Markdown: text, captions, headings, alerts, expander
    labels and metrics."""
    kinds = ("markdown", "caption", "title", "header", "subheader")
    kinds += ("error", "warning", "info", "success")
    texts = [str(node.value) for kind in kinds for node in app.get(kind)]
    texts += [node.label for node in app.get("expander")]
    texts += [f"{metric.label} {metric.value}" for metric in app.metric]
    return "\n".join(texts)


def assert_inert(app: AppTest, *shown: str) -> None:
    """The hostile text is on the page, and nothing of it acts as Markdown."""
    assert not app.exception
    rendered = rendered_markdown(app)
    for part in shown:
        assert part in rendered
    assert not ACTIVE_MARKDOWN.findall(rendered), rendered


@pytest.mark.parametrize(
    ("page", "key", "query", "shown"),
    [
        ("documenten.py", "doc_query", "kst-34104-999", ("pixel.png", "context.png")),
        ("moties.py", "motie_query", "34104-999", ("pixel.png",)),
        ("briefing.py", "briefing_dossier", "34104", ("pixel.png",)),
        ("toezeggingen.py", None, None, ("pixel.png", "naam.png")),
    ],
)
def test_markdown_in_documents_stays_inert(
    hostile_store: Path, page: str, key: str | None, query: str | None, shown: tuple[str, ...]
) -> None:
    app = app_on(page)
    if key and query:
        app.text_input(key=key).input(query).run()
    assert_inert(app, *shown)


def test_markdown_in_cited_sources_stays_inert(hostile_store: Path) -> None:
    app = app_on()
    app.chat_input[0].set_value("Wat is de status van motie 34104-999?").run()
    assert_inert(app, "pixel.png", "\\[1\\]")


def test_markdown_in_an_uploaded_file_name_stays_inert(hostile_store: Path) -> None:
    app = app_on("toevoegen.py")
    name = "![u](http://127.0.0.1:9/upload.png) <img src=x> :red[rood] $x$.pdf"
    app.file_uploader(key="upload_files").set_value((name, b"%PDF-1.4 kapot", "application/pdf"))
    app.button[0].click().run()
    assert app.error, "the refused file is reported"
    assert_inert(app, "upload.png")


@pytest.mark.parametrize("page", [None, "moties.py", "toezeggingen.py", "briefing.py"])
def test_every_page_shows_how_fresh_the_records_are(built_store: Path, page: str | None) -> None:
    from assistant.store import SYNC_LAST_RUN, SYNC_NEWEST

    app = app_on(page)
    assert "niet gesynchroniseerd" in " ".join(c.value for c in app.sidebar.caption)
    store = Store.open(Settings(store=built_store))
    store.db.set_meta(SYNC_NEWEST, "2024-12-20T07:40:00.0000000Z")
    store.db.set_meta(SYNC_LAST_RUN, "2024-12-20T08:00:00+00:00")  # long ago: stale
    app = app_on(page)
    shown = " ".join(c.value for c in app.sidebar.caption)
    assert "Bijgewerkt tot 2024-12-20" in shown and "laatste synchronisatie 2024-12-20" in shown
    assert any("meer dan 24 uur" in w.value for w in app.sidebar.warning)


def test_the_app_syncs_in_the_background_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.ui import background_sync
    from assistant.ui.common import services
    from ingest.sync import Syncer, since_of
    from tests.fake_kamer.server import FakeKamer

    with FakeKamer() as kamer:
        settings = Settings(store=tmp_path / "store", sync_url=kamer.url)
        store = Store.open(settings)
        Syncer(store, HashEmbedder(), settings).run(since=since_of(dt.date(2024, 12, 1)))
        use_app_env(monkeypatch, tmp_path, settings.store)
        monkeypatch.setenv("KAMER_SYNC_URL", kamer.url)
        background_sync.stop_background_syncs()
        services.clear()
        kamer.requests.clear()
        app_on()
        assert kamer.requests == []  # the default: nothing contacted

        [open_tz] = [r for r in kamer.records("Toezegging") if r["Nummer"] == "TZ202402-103"]
        kamer.changed("Toezegging", {**open_tz, "Status": "Afgedaan"})
        monkeypatch.setenv("KAMER_SYNC_IN_APP", "true")
        services.clear()
        app = app_on()
        [state] = background_sync._syncs.values()
        deadline = time.monotonic() + 60
        while state.finished_at is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert state.error is None and state.summary and "records" in state.summary
        doc = Store.open(settings).get_document("TZ202402-103")
        assert doc is not None and doc.extra["status"] == "Afgedaan"
        app = app_on()
        background_sync.stop_background_syncs()
        shown = " ".join(c.value for c in app.sidebar.caption)
        assert "Synchronisatie in de app om" in shown and "elke 15 min" in shown
