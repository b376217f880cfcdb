"""Briefing: a dossier's moties, toezeggingen, latest letters and timeline; Markdown and DOCX."""

from __future__ import annotations

import datetime as dt
import io

import streamlit as st

from assistant.briefing import build_briefing, to_docx, to_markdown
from assistant.ui.common import escape, get_services, today

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def main() -> None:
    built = get_services()
    st.title("Briefing per dossier")
    dossier = st.text_input("Dossiernummer", placeholder="32317", key="briefing_dossier").replace(
        " ", ""
    )
    if not dossier:
        st.caption(
            "Geef een dossiernummer (Kamerstuknummer zonder ondernummer), bijv. 32317 voor de "
            "JBZ-Raad. De briefing bevat de moties met uitslag en uitvoering, de toezeggingen "
            "met status en bewijs, de laatste brieven en een tijdlijn; elke regel met bron."
        )
        return
    since = st.date_input(
        "Vanaf (optioneel)",
        value=None,
        min_value=dt.date(1990, 1, 1),
        max_value=today(),
        format="DD-MM-YYYY",
        key="briefing_since",
        help="Zonder datum: de nieuwste 150 moties en toezeggingen van het dossier.",
    )
    with st.spinner(f"Briefing over dossier {escape(dossier)} opstellen ..."):
        result = build_briefing(built.store, dossier, today(), built.retriever.index, since)
    if not (result.moties or result.commitments or result.letters):
        st.warning(f"Niets gevonden over dossier {escape(dossier)} in de index.")
        return
    markdown = to_markdown(result, today())
    word = io.BytesIO()
    to_docx(markdown, word)
    left, right = st.columns(2)
    left.download_button(
        "Download als Markdown",
        data=markdown.encode("utf-8"),
        file_name=f"briefing-{dossier}.md",
        mime="text/markdown",
    )
    right.download_button(
        "Download als Word (DOCX)",
        data=word.getvalue(),
        file_name=f"briefing-{dossier}.docx",
        mime=DOCX_MIME,
    )
    # Source text inside the briefing is Markdown-escaped by to_markdown; no HTML is allowed.
    st.markdown(markdown)


main()
