"""What every page of the app shares: the clients (built once per process), the first-start
ingest of corpus/, progress bars, and safe rendering of source text.

Source text is never rendered as HTML. Where it goes through Markdown (to highlight a quote or
make a link) its Markdown characters are escaped first, so a title cannot inject links, images
or formatting.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import streamlit as st

from assistant.compose import Services, build_services
from assistant.documents import Document
from assistant.errors import KamerError
from assistant.question import find_ids
from assistant.render import md_escape
from assistant.retrieve import Filters
from assistant.settings import PROJECT_ROOT, load_settings
from assistant.store import local_folder

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


@st.cache_resource(show_spinner="De index en het taalmodel voor zoeken worden geladen ...")
def services() -> Services:
    """Store, embedder, BM25 mirror, answerer and LLM: built once for all sessions."""
    return build_services(load_settings())


def ensure_corpus(built: Services) -> None:
    """First start on a fresh clone: build the index from corpus/ with visible progress.

    A marker file stays while that first ingest runs, so an ingest that was interrupted (the
    app stopped) is resumed at the next start; finished files are not read again."""
    unfinished = local_folder(built.settings) / ".corpus-ingest-unfinished"

    def done() -> bool:
        return built.store.document_count() > 0 and not unfinished.exists()

    if done():
        return
    from ingest.pipeline import Ingestor

    notice = st.info(
        "Eerste start: de voorbeeldcollectie in corpus/ wordt ingelezen. Dit duurt ongeveer "
        "tien minuten; daarna staat de index klaar."
    )
    with built.store.writer_lock():
        if done():  # another session finished it while we waited
            notice.empty()
            return
        unfinished.touch()
        ingestor = Ingestor(
            built.store, built.embedder, built.settings, progress=StreamlitProgress()
        )
        report = ingestor.run([CORPUS])
        unfinished.unlink()
    built.refresh()
    notice.success(
        f"{report.documents} documenten ingelezen, {report.chunks_added} passages doorzoekbaar "
        "gemaakt."
    )
    for rejected in report.rejected:
        st.warning(f"{rejected.path}: {rejected.reason}")


def get_services() -> Services:
    """The shared services, or a Dutch error on the page (and the page stops)."""
    try:
        built = services()
        ensure_corpus(built)
        return built
    except KamerError as error:
        st.error(str(error))
        st.stop()
        raise  # st.stop() does not return; this keeps type checkers informed


def link(label: str, url: str | None) -> str:
    """A Markdown link with an escaped label; only http(s) addresses become links."""
    if url and re.match(r"^https?://[^\s()<>]+$", url):
        return f"[{escape(label)}]({url})"
    return escape(label)


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
    if built.llm is None:
        return (
            "Antwoorden zijn extractief: zinnen en velden letterlijk uit de bronnen, zonder "
            "taalmodel."
        )
    return (
        f"Antwoorden worden geformuleerd door taalmodel {built.backend}; elke zin wordt "
        "gecontroleerd tegen de geciteerde passage en anders weggelaten."
    )


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
