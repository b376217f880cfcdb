"""Toevoegen: upload documents to the index; per file what happened; searchable at once."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assistant.errors import KamerError
from assistant.ui.common import StreamlitProgress, escape, get_services
from assistant.ui.uploads import ALLOWED, ingest_uploads


def main() -> None:
    built = get_services()
    st.title("Documenten toevoegen")
    st.caption(
        f"PDF, DOCX, TXT/Markdown, KOOP-XML of Tweede Kamer OData-JSON; maximaal "
        f"{built.settings.max_file_mb} MB per bestand. Na het inlezen zijn de documenten "
        "meteen doorzoekbaar."
    )
    with st.form("upload", clear_on_submit=True):
        files = st.file_uploader(
            "Bestanden", type=list(ALLOWED), accept_multiple_files=True, key="upload_files"
        )
        submitted = st.form_submit_button("Inlezen")
    if submitted and files:
        uploads = [(f.name, f.getvalue()) for f in files]
        try:
            results = pd.DataFrame(ingest_uploads(built, uploads, progress=StreamlitProgress()))
        except KamerError as error:
            st.error(
                f"Inlezen mislukt: {escape(str(error))}. De bestaande index is niet gewijzigd."
            )
            return
        refused = results[results["resultaat"] == "geweigerd"]
        if len(refused):
            for _, row in refused.iterrows():
                st.error(f"{escape(row['bestand'])}: {escape(row['reden'])}")
        done = len(results) - len(refused)
        summary = f"{done} van {len(results)} bestanden verwerkt."
        (st.success if done else st.warning)(summary)
        st.dataframe(results, hide_index=True)
    elif submitted:
        st.warning("Kies eerst een of meer bestanden.")


main()
