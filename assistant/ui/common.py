"""What every page of the app shares: the clients (built once per process), the first-start
ingest of corpus/, progress bars, and safe rendering of source text.

Source text is never rendered as HTML. Where it goes through Markdown (to highlight a quote or
make a link) its Markdown characters are escaped first, so a title cannot inject links, images
or formatting.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from assistant.compose import Services, build_services
from assistant.documents import Document
from assistant.errors import KamerError
from assistant.question import find_ids
from assistant.render import md_escape, md_link, render_freshness
from assistant.retrieve import Filters
from assistant.settings import PROJECT_ROOT, load_settings
from assistant.store import Store, local_folder
from assistant.ui.background_sync import BackgroundSync, describe, start_background_sync

escape = md_escape  # source text made inert for st.markdown, for the pages
CORPUS = PROJECT_ROOT / "corpus"


class StreamlitProgress:
    """The ingest pipeline's progress protocol as a Streamlit progress bar."""

    def __init__(self) -> None:
        self.bar = st.progress(0.0)
        self.total = 0
        self.count = 0
        self.name = ""

    def stage(self, name: str, total: int) -> None:
        self.name, self.total, self.count = name, total, 0
        self.bar.progress(0.0, text=f"{name} (0/{total})")

    def advance(self, amount: int = 1) -> None:
        self.count += amount
        if self.total:
            share = min(1.0, self.count / self.total)
            self.bar.progress(share, text=f"{self.name} ({self.count}/{self.total})")

    def done(self) -> None:
        self.bar.empty()


@st.cache_resource(show_spinner="De index wordt geopend ...")
def services() -> Services:
    """Store, embedder, answerer and LLM: built once for all sessions. The embedding model
    and the vector index load in the background meanwhile, so the first free question does not
    wait for them (a motie or keyword question never does)."""
    built = build_services(load_settings())
    threading.Thread(target=_warm_up, args=(built,), name="opwarmen", daemon=True).start()
    return built


def _warm_up(built: Services) -> None:
    try:
        built.retriever.dense("opwarmen", Filters(), 1)
    except Exception:  # a question raises the same error, with its message
        return


@dataclass
class FirstStart:
    """The first-start ingest of corpus/, running in the background of the app's process: its
    stage and counts, for every page to show."""

    stage: str = "Bestanden zoeken"
    count: int = 0
    total: int = 0
    searchable: bool = False  # records and lexical index written: structured questions work
    finished: bool = False
    documents: int = 0
    chunks_added: int = 0
    rejected: list[str] = field(default_factory=list)
    error: str | None = None
    thread: threading.Thread | None = None


class SharedProgress:
    """The pipeline's progress protocol, written into a FirstStart that pages read."""

    def __init__(self, state: FirstStart) -> None:
        self.state = state

    def stage(self, name: str, total: int) -> None:
        self.state.stage, self.state.total, self.state.count = name, total, 0

    def advance(self, amount: int = 1) -> None:
        self.state.count += amount

    def done(self) -> None:
        return None


_first_starts: dict[str, FirstStart] = {}
_first_starts_lock = threading.Lock()


def unfinished_marker(built: Services) -> Path:
    return local_folder(built.settings) / ".corpus-ingest-unfinished"


def first_start(built: Services) -> FirstStart | None:
    """On a fresh clone, start reading corpus/ in the background (once per process) and return
    its state; None when the index is ready. A marker file stays while that ingest runs, so an
    ingest that was interrupted (the app stopped) is resumed at the next start; finished files
    are not read again."""
    key = str(built.settings.store.resolve())
    with _first_starts_lock:
        if key in _first_starts:
            return _first_starts[key]
        if built.store.document_count() > 0 and not unfinished_marker(built).exists():
            return None
        state = FirstStart()
        state.thread = threading.Thread(
            target=_read_corpus, args=(built, state), name="eerste-start", daemon=True
        )
        _first_starts[key] = state
        state.thread.start()
        return state


def _read_corpus(built: Services, state: FirstStart) -> None:
    from ingest.pipeline import Ingestor

    def searchable() -> None:
        built.refresh()
        state.searchable = True

    try:
        # Its own connection: pages keep reading while this one writes.
        store = Store.open(built.settings)
        with store.writer_lock():
            marker = unfinished_marker(built)
            if store.document_count() > 0 and not marker.exists():
                state.searchable = True  # another process finished it while we waited
            else:
                marker.touch()
                report = Ingestor(
                    store,
                    built.embedder,
                    built.settings,
                    progress=SharedProgress(state),
                    on_searchable=searchable,
                ).run([CORPUS])
                marker.unlink()
                state.documents, state.chunks_added = report.documents, report.chunks_added
                state.rejected = [f"{r.path}: {r.reason}" for r in report.rejected]
        built.refresh()
        state.searchable = True
    except Exception as error:  # shown on every page; the app keeps running
        state.error = f"{type(error).__name__}: {error}"
    finally:
        state.finished = True


def show_first_start(state: FirstStart) -> None:
    """What the page says while the corpus is read, and once when it is done."""
    if state.error:
        st.error(
            "Het inlezen van de voorbeeldcollectie is mislukt: "
            f"{escape(state.error)}. Start de app opnieuw om het te hervatten."
        )
        return
    if state.finished:
        if not st.session_state.get("first_start_shown"):
            st.session_state["first_start_shown"] = True
            st.success(
                f"De voorbeeldcollectie is ingelezen: {state.documents} documenten, "
                f"{state.chunks_added} passages doorzoekbaar gemaakt."
            )
            for line in state.rejected:
                st.warning(escape(line))
        return
    ready = (
        "Vragen over moties, stemmingen en toezeggingen en zoeken op trefwoord werken al; "
        "zoeken op betekenis komt erbij zodra de embeddings klaar zijn."
        if state.searchable
        else "Zo dadelijk werken vragen over moties, stemmingen en toezeggingen al."
    )
    st.info(f"Eerste start: de voorbeeldcollectie in corpus/ wordt ingelezen. {ready}")
    share = state.count / state.total if state.total else 0.0
    st.progress(min(share, 1.0), text=f"{state.stage} ({state.count}/{state.total})")


@st.fragment(run_every=2)
def _first_start_status(state: FirstStart) -> None:
    if state.finished:
        st.rerun(scope="app")  # the whole page again, now with every kind of search
    show_first_start(state)


def get_services() -> Services:
    """The shared services, or a Dutch error on the page (and the page stops). On a first start
    the page shows how far the corpus is and works meanwhile."""
    try:
        built = services()
        state = first_start(built)
        if state is not None and state.finished:
            show_first_start(state)  # the outcome, once per session
        elif state is not None:
            _first_start_status(state)  # progress, refreshed every 2 s
        show_freshness(built, start_background_sync(built))
        return built
    except KamerError as error:
        st.error(escape(str(error)))
        st.stop()
        raise  # st.stop() does not return; this keeps type checkers informed


def show_freshness(built: Services, background: BackgroundSync | None = None) -> None:
    """In the sidebar of every page: how fresh the records are (`kamer sync`), with a warning
    when the last sync is older than the setting; for a store never synced, that it holds what
    was ingested by hand; and how the app's own sync goes when it runs one."""
    sync = built.store.sync_state()
    if sync is None:
        st.sidebar.caption(
            "Bron: ingelezen bestanden; niet gesynchroniseerd met de open data van de Tweede "
            "Kamer (`kamer sync`)."
        )
    else:
        first, *rest = render_freshness(sync)
        st.sidebar.caption(escape(first))
        for line in rest:
            st.sidebar.warning(escape(line))
    if background is not None:
        st.sidebar.caption(escape(describe(background)))
        recorded = ((sync or {}).get("last_error") or {}).get("message")
        if background.error and background.error != recorded:  # not twice
            st.sidebar.warning(escape(background.error))


link = md_link  # a Markdown link with an escaped label, for the pages


def highlight(context: str, quote: str, width: int = 400) -> str:
    """The quote highlighted inside its surrounding text, both escaped, trimmed around it."""
    context = " ".join(context.split())
    quote = " ".join(quote.split())
    start = context.find(quote) if quote else -1
    if start < 0:
        return f":orange-background[{escape(quote)}]"
    before = context[max(0, start - width) : start]
    after = context[start + len(quote) : start + len(quote) + width]
    lead = "… " if start > width else ""
    tail = " …" if start + len(quote) + width < len(context) else ""
    return f"{lead}{escape(before)}:orange-background[{escape(quote)}]{escape(after)}{tail}"


def backend_note(built: Services) -> str:
    reader = built.answerer.reader
    if built.answerer.llm is None:
        note = "Antwoorden zijn extractief: zinnen en velden letterlijk uit de bronnen" + (
            "." if reader else ", zonder taalmodel."
        )
    else:
        note = (
            f"Antwoorden worden geformuleerd door taalmodel {built.backend}; elke zin wordt "
            "gecontroleerd tegen de geciteerde passage en anders weggelaten."
        )
    if reader is not None:
        note += (
            f" Een motie die u omschrijft en waarover de regels twijfelen, leest taalmodel "
            f"{reader.name} na; het antwoord zegt wat het vond."
        )
    return note


def today() -> dt.date:
    return dt.date.today()


def find_documents(
    built: Services, text: str, filters: Filters, keep: Callable[[Document], bool], limit: int
) -> list[Document]:
    """Documents by number in any spelling first; otherwise by words, through the retriever."""
    found: dict[str, Document] = {}
    for identifier in find_ids(text) or [text.strip()]:
        doc = built.store.get_document(identifier)
        if doc is not None and keep(doc):
            found[doc.id] = doc
    if found:
        return list(found.values())
    for passage in built.retriever.search(text, filters, k=limit):
        if passage.doc_id not in found:
            doc = built.store.get_document(passage.doc_id)
            if doc is not None:
                found[doc.id] = doc
    return list(found.values())
