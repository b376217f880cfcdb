"""Moties: find a motie by number or words; its text, indieners, appreciatie, outcome, votes per
fractie as a chart, and the documents that carry it out."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assistant.ask import motion_name
from assistant.compose import Services
from assistant.documents import GEWIJZIGDE_MOTIE, MOTIE, Document
from assistant.fulfilment import motion_fulfilment
from assistant.render import OUTCOME_LABELS, SAFE_URL
from assistant.retrieve import Filters
from assistant.ui.common import escape, find_documents, get_services, link, today

MAX_HITS = 20


def find_motions(built: Services, text: str) -> list[Document]:
    """By number in any spelling first; otherwise by words, over motie passages only."""
    return find_documents(
        built,
        text,
        Filters(types=(MOTIE, GEWIJZIGDE_MOTIE)),
        keep=lambda doc: doc.motion is not None,
        limit=MAX_HITS,
    )


def votes_frame(doc: Document) -> pd.DataFrame | None:
    motion = doc.motion
    if motion is None or not motion.votes:
        return None
    seats: dict[str, dict[str, int]] = {}
    for vote in motion.votes:
        if vote.side in ("Voor", "Tegen"):
            row = seats.setdefault(vote.fractie, {"Voor": 0, "Tegen": 0})
            row[vote.side] += 1 if motion.hoofdelijk else vote.seats
    frame = pd.DataFrame(
        [{"fractie": name, **counts} for name, counts in seats.items()],
        columns=["fractie", "Voor", "Tegen"],
    )
    return frame.sort_values(["Voor", "Tegen"], ascending=False)


def show_motion(built: Services, doc: Document) -> None:
    motion = doc.motion
    st.subheader(escape(motion_name(doc)))
    st.markdown(f"{link(doc.title, doc.url)}  \n{escape(doc.id)} · {doc.date or 'datum onbekend'}")
    left, middle, right = st.columns(3)
    outcome = OUTCOME_LABELS.get(motion.outcome, motion.outcome) if motion else "onbekend"
    left.metric("Uitslag", escape(outcome))
    totals = motion.totals() if motion else {}
    middle.metric("Voor / tegen", f"{totals.get('Voor', 0)} / {totals.get('Tegen', 0)}")
    appreciatie = motion.kabinetsappreciatie if motion else None
    right.metric("Kabinetsappreciatie", escape(appreciatie or "—"))
    indieners = ", ".join(f"{p.name} ({p.fractie})" if p.fractie else p.name for p in doc.indieners)
    st.markdown(f"**Indieners:** {escape(indieners or 'onbekend')}")

    frame = votes_frame(doc)
    if frame is not None:
        st.markdown("**Stemmen per fractie** (zetels)")
        st.bar_chart(frame, x="fractie", y=["Voor", "Tegen"], color=["#2e7d32", "#c62828"])
        st.dataframe(frame, hide_index=True)
    else:
        st.info("De stemmingsuitslag per fractie staat niet in de geïndexeerde bronnen.")

    found = motion_fulfilment(built.store, doc, built.retriever.index)
    st.markdown(f"**Uitvoering:** {escape(found.status)} (zekerheid {found.confidence})")
    st.caption(escape(found.reason))
    for item in found.evidence:
        source = built.store.get_document(item.id)
        url = source.url if source else None
        via = f"; via de vervangende motie {escape(item.via)}" if item.via else ""
        st.markdown(f"- {link(item.title, url)} ({escape(item.id)}, {item.date or '?'}{via})")
        st.text(item.quote)
    for item in found.responses:
        source = built.store.get_document(item.id)
        url = source.url if source else None
        st.markdown(
            f"- Reactie van het kabinet: {link(item.title, url)} ({escape(item.id)}, "
            f"{item.date or '?'}); of de motie daarmee is uitgevoerd, zegt deze bron niet."
        )
    for newer in found.replaced_by:
        st.markdown(f"Vervangen door {link(newer.title, newer.url)} ({escape(newer.id)})")

    with st.expander("Tekst van de motie", expanded=True):
        st.text(doc.text or "De tekst van deze motie staat niet in de index.")


def dossier_overview(built: Services, dossier: str) -> None:
    from assistant.briefing import build_briefing

    briefing = build_briefing(built.store, dossier, today(), built.retriever.index)
    if not briefing.moties:
        st.warning(f"Geen moties gevonden in dossier {escape(dossier)}.")
        return
    rows = []
    for doc in briefing.moties:
        found = briefing.fulfilment.get(doc.id)
        rows.append(
            {
                "motie": doc.id,
                "datum": doc.date,
                "onderwerp": doc.title,
                "uitslag": doc.motion.outcome if doc.motion else "onbekend",
                "uitvoering": found.status if found else "",
                "zekerheid": found.confidence if found else "",
                "bron": doc.url if doc.url and SAFE_URL.match(doc.url) else None,
            }
        )
    st.dataframe(
        pd.DataFrame(rows),
        hide_index=True,
        column_config={"bron": st.column_config.LinkColumn("bron", display_text="openen")},
    )


def main() -> None:
    built = get_services()
    st.title("Moties")
    by_number, by_dossier = st.tabs(["Zoeken", "Per dossier"])
    with by_number:
        text = st.text_input(
            "Motie zoeken op nummer of woorden",
            placeholder="32317-913, 2024Z20830, of: migratiepact periodiek informeren",
            key="motie_query",
        )
        if text.strip():
            hits = find_motions(built, text)
            if not hits:
                st.warning(f"Geen motie gevonden voor '{escape(text)}'.")
            else:
                chosen = st.selectbox(
                    f"{len(hits)} gevonden",
                    options=range(len(hits)),
                    format_func=lambda i: f"{hits[i].id}: {hits[i].title[:120]}",
                    key="motie_choice",
                )
                show_motion(built, hits[chosen or 0])
    with by_dossier:
        dossier = st.text_input("Dossiernummer", placeholder="32317", key="motie_dossier")
        if dossier.strip():
            dossier_overview(built, dossier.strip())


main()
