"""Streamlit entry point: builds the store once, ingests corpus/ on first start, shows the index.

The full chat and the motion, commitment and briefing pages come with later issues; this page
already answers "what is in the index" and opens any document by its number.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from assistant.embed import Embedder, build_embedder
from assistant.errors import KamerError
from assistant.render import render_document
from assistant.settings import Settings, load_settings
from assistant.store import Store

CORPUS = Path(__file__).parent / "corpus"


class StreamlitProgress:
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
            self.bar.progress(
                min(1.0, self.count / self.total), text=f"{self.name} ({self.count}/{self.total})"
            )

    def done(self) -> None:
        return None


@st.cache_resource
def get_settings() -> Settings:
    return load_settings()


@st.cache_resource
def get_store(settings: Settings) -> Store:
    return Store.open(settings)


@st.cache_resource
def get_embedder(settings: Settings) -> Embedder:
    return build_embedder(settings)


def ensure_corpus(store: Store, settings: Settings) -> None:
    """First start on a fresh clone: build the index from corpus/ with visible progress."""
    if store.records.count() > 0:
        return
    from ingest.pipeline import Ingestor

    st.info(
        "Eerste start: de voorbeeldcollectie in corpus/ wordt ingelezen. Dit duurt een paar "
        "minuten; daarna staat de index klaar."
    )
    ingestor = Ingestor(store, get_embedder(settings), settings, progress=StreamlitProgress())
    report = ingestor.run([CORPUS])
    st.success(
        f"{report.documents} documenten ingelezen, {report.chunks_added} passages "
        "doorzoekbaar gemaakt."
    )
    for rejected in report.rejected:
        st.warning(f"{rejected.path}: {rejected.reason}")


def main() -> None:
    st.set_page_config(page_title="Kamerstukken-assistent", layout="wide")
    st.title("Kamerstukken-assistent")
    try:
        settings = get_settings()
        store = get_store(settings)
        ensure_corpus(store, settings)
        figures = store.stats()
    except KamerError as error:
        st.error(str(error))
        st.stop()

    left, middle, right = st.columns(3)
    left.metric("Documenten", figures["documents"])
    middle.metric("Doorzoekbare passages", figures["chunks"])
    right.metric("Verwijzingen", figures["links"])
    st.caption(
        f"Index: {figures['store']} · periode {figures['first_date']} t/m {figures['last_date']}"
    )
    st.dataframe(
        [{"soort": kind, "aantal": count} for kind, count in figures["by_type"].items()],
        hide_index=True,
    )

    identifier = st.text_input("Open een document", placeholder="kst-32317-913, 2022Z00782, ...")
    if identifier:
        doc = store.get_document(identifier.strip())
        if doc is None:
            st.warning(f"Document '{identifier}' niet gevonden in de index.")
        else:
            # Source text is shown as plain text, never rendered as HTML.
            st.text(render_document(doc, store.links_to(doc.id), store.get_chunks(doc.id)))


main()
