"""Toezeggingen: every commitment with its status, confidence and evidence; filters; CSV export."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from assistant.commitments import (
    FULFILLED,
    LAPSED,
    OPEN,
    PARTLY,
    UNKNOWN,
    CommitmentRow,
    collect,
    filter_rows,
    to_csv,
)
from assistant.ui.common import escape, get_services, highlight, link, today

STATUSES = ["", OPEN, FULFILLED, PARTLY, LAPSED, UNKNOWN]


def show_row(row: CommitmentRow) -> None:
    late = " · verlopen" if row.overdue else ""
    label = f"{row.made_on or 'datum onbekend'} · {row.who or '?'} · {row.status}{late}"
    # An expander's label is Markdown too (links, images): escaped like the rest.
    with st.expander(escape(f"{label}: {row.what[:100]}")):
        st.markdown(f"**Bron:** {link(row.doc_title, row.url)} ({escape(row.doc_id)})")
        if row.context:
            st.caption("Voorafgaand: " + escape(" ".join(row.context)))
        st.markdown(highlight(row.quote, row.quote))
        if row.details:
            st.markdown("**Nader uitgewerkt in dezelfde tekst:**")
            for detail in row.details:
                st.text(detail)
        if row.confirmed:
            st.markdown(f"**Bevestigd door de voorzitter:** {escape(row.confirmed)}")
        if row.deadline_end:
            st.markdown(f"**Termijn:** t/m {escape(row.deadline_end)}")
        if row.rule:
            st.markdown(f"**Regel:** {escape(row.rule)} ({escape(row.source)})")
        st.markdown(
            f"**Status:** {escape(row.status)} (zekerheid {row.confidence}): "
            f"{escape(row.status_text)}"
        )
        for evidence in row.evidence:
            st.markdown(f"**Bewijs:** {escape(evidence.title)} ({escape(evidence.id)})")
            st.text(evidence.quote)


def main() -> None:
    built = get_services()
    st.title("Toezeggingen")
    st.caption(
        "Uit het toezeggingenregister en uit teksten (brieven, debatten, Kamervragen). "
        "'nagekomen' alleen met een registerstatus of een geciteerde passage die het zegt."
    )
    with st.sidebar:
        st.header("Filters")
        use_period = st.checkbox("Alleen toezeggingen gedaan in een periode", key="tz_use_period")
        period: tuple[dt.date, ...] = ()
        if use_period:
            chosen = st.date_input(
                "Gedaan tussen",
                value=(dt.date(2018, 1, 1), today()),
                format="DD-MM-YYYY",
                key="tz_period",
            )
            period = tuple(chosen) if isinstance(chosen, tuple) else (chosen,)
        ministerie = st.text_input("Bewindspersoon of ministerie", key="tz_ministerie")
        status = st.selectbox(
            "Status", STATUSES, format_func=lambda s: s or "alle", key="tz_status"
        )
        dossier = st.text_input("Dossier", placeholder="32317", key="tz_dossier")
        overdue = st.checkbox("Alleen verlopen (termijn voorbij)", key="tz_overdue")
        peildatum = st.date_input("Peildatum voor 'verlopen'", value=today(), key="tz_peil")

    start = period[0] if period else None
    end = period[1] if len(period) > 1 else start
    with st.spinner("Toezeggingen verzamelen ..."):
        rows = collect(
            built.store,
            peildatum,
            date_from=start,
            date_to=end,
            dossier=dossier.strip() or None,
        )
    rows = filter_rows(
        rows,
        date_from=start,
        date_to=end,
        ministerie=ministerie.strip() or None,
        status=status or None,
        dossier=dossier.strip() or None,
        overdue=overdue,
    )
    if not rows:
        st.info("Geen toezeggingen gevonden die aan de filters voldoen.")
        return
    st.download_button(
        "Download als CSV",
        data=to_csv(rows).encode("utf-8"),
        file_name="toezeggingen.csv",
        mime="text/csv",
    )
    table = pd.DataFrame(
        [
            {
                "gedaan op": r.made_on,
                "door": r.who,
                "wat": r.what,
                "status": r.status,
                "zekerheid": r.confidence,
                "termijn": r.deadline_end,
                "verlopen": "ja" if r.overdue else "",
                "bron": r.doc_id,
            }
            for r in rows
        ]
    )
    st.dataframe(table, hide_index=True)
    st.subheader(f"{len(rows)} toezeggingen met bron en bewijs")
    for row in rows[:200]:
        show_row(row)
    if len(rows) > 200:
        st.caption(f"De eerste 200 van {len(rows)} getoond; verfijn de filters of download de CSV.")


main()
