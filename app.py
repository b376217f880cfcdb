"""Streamlit entry point (`make run`): the pages live in assistant/ui/pages and call the same
functions as the CLI. The first start on a fresh clone builds the index from corpus/."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

PAGES = Path(__file__).parent / "assistant" / "ui" / "pages"

# An emoji favicon is drawn by the browser itself; without one, each page's Material icon would
# be fetched as favicon from fonts.gstatic.com (the app makes no request elsewhere).
st.set_page_config(page_title="Kamerstukken-assistent", page_icon="🏛️", layout="wide")
navigation = st.navigation(
    [
        st.Page(PAGES / "chat.py", title="Chat", icon=":material/chat:", default=True),
        st.Page(PAGES / "moties.py", title="Moties", icon=":material/how_to_vote:"),
        st.Page(PAGES / "toezeggingen.py", title="Toezeggingen", icon=":material/task_alt:"),
        st.Page(PAGES / "briefing.py", title="Briefing", icon=":material/description:"),
        st.Page(PAGES / "documenten.py", title="Documenten", icon=":material/folder_open:"),
        st.Page(PAGES / "toevoegen.py", title="Toevoegen", icon=":material/upload_file:"),
    ]
)
st.sidebar.caption("Kamerstukken-assistent · elk antwoord met bron")
navigation.run()
