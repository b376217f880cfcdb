"""Documenten: find any document by number or words, read it with its metadata, and follow its
references both ways (what it cites, and what cites it)."""

from __future__ import annotations

import streamlit as st

from assistant.compose import Services
from assistant.documents import Document
from assistant.render import render_document
from assistant.retrieve import Filters
from assistant.ui.common import escape, find_documents, get_services, link

QUERY_KEY = "doc_query"


def open_document(identifier: str) -> None:
    """Button callback: show another document (runs before the page is drawn again)."""
    st.session_state[QUERY_KEY] = identifier


def show_references(built: Services, doc: Document) -> None:
    outgoing, incoming = st.columns(2)
    with outgoing:
        st.markdown(f"**Verwijst naar** ({len(doc.references)})")
        for n, ref in enumerate(doc.references):
            target = built.store.get_document(ref.target)
            title = target.title if target else "niet in de index"
            st.markdown(f"{escape(ref.target)}: {escape(title)}")
            if ref.context:
                st.caption(escape(ref.context))
            if target is not None:
                st.button("Openen", key=f"out-{n}", on_click=open_document, args=(target.id,))
    with incoming:
        links = built.store.links_to(doc.id)
        st.markdown(f"**Wordt genoemd in** ({len(links)})")
        for n, ref in enumerate(links):
            source = built.store.get_document(ref.target)
            title = source.title if source else ""
            st.markdown(f"{escape(ref.target)}: {escape(title)}")
            if ref.context:
                st.caption(escape(ref.context))
            st.button("Openen", key=f"in-{n}", on_click=open_document, args=(ref.target,))


def main() -> None:
    built = get_services()
    st.title("Documenten")
    text = st.text_input(
        "Document zoeken op nummer of woorden",
        placeholder="kst-32317-913, 2024D49163, h-tk-20172018-70-5, of: Careyn inspectie",
        key=QUERY_KEY,
    )
    if not text.strip():
        st.caption("Elk document in de index is hier te openen, met zijn verwijzingen.")
        return
    hits = find_documents(built, text, Filters(), keep=lambda doc: True, limit=20)
    if not hits:
        st.warning(f"Document '{escape(text)}' niet gevonden in de index.")
        return
    chosen = 0
    if len(hits) > 1:
        chosen = (
            st.selectbox(
                f"{len(hits)} gevonden",
                options=range(len(hits)),
                format_func=lambda i: f"{hits[i].id}: {hits[i].title[:120]}",
                key="doc_choice",
            )
            or 0
        )
    doc = hits[chosen]
    st.subheader(escape(doc.title))
    st.markdown(f"{link('Openen bij de bron', doc.url)}" if doc.url else escape(doc.id))
    show_references(built, doc)
    with st.expander("Document met metadata", expanded=True):
        # Source text is shown as plain text, never rendered as HTML or Markdown.
        st.text(render_document(doc, built.store.links_to(doc.id), built.store.get_chunks(doc.id)))


main()
