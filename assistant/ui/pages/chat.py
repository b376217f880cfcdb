"""Chat: questions in Dutch, answers with citation markers and their sources under them."""

from __future__ import annotations

import datetime as dt
import textwrap

import streamlit as st

from assistant.answer import (
    Answer,
    Citation,
    citable_text,
    naming,
    record_lines,
    suggestion_prompt,
)
from assistant.ask import ASK_FOR_A_QUESTION, Conversation
from assistant.compose import Services
from assistant.documents import (
    BRIEF,
    DOCUMENT,
    GEWIJZIGDE_MOTIE,
    HANDELINGEN,
    KAMERVRAAG,
    MOTIE,
    NOTA,
    TOEZEGGING,
)
from assistant.retrieve import Filters
from assistant.ui.common import backend_note, escape, get_services, highlight, link

BUTTON_TITLE = 110  # characters of a motie's title on a button (its number follows)

TYPES = {
    MOTIE: "motie",
    GEWIJZIGDE_MOTIE: "gewijzigde motie",
    KAMERVRAAG: "Kamervraag",
    HANDELINGEN: "Handelingen",
    NOTA: "nota",
    BRIEF: "brief",
    TOEZEGGING: "toezegging",
    DOCUMENT: "document (alleen metadata)",
}


def sidebar_filters() -> Filters:
    st.sidebar.header("Filters")
    period: tuple[dt.date, ...] = ()
    if st.sidebar.checkbox("Alleen een periode", key="chat_use_period"):
        chosen = st.sidebar.date_input(
            "Periode",
            value=(dt.date(2024, 1, 1), dt.date.today()),
            format="DD-MM-YYYY",
            key="chat_period",
        )
        period = tuple(chosen) if isinstance(chosen, tuple) else (chosen,)
    types = st.sidebar.multiselect(
        "Soort document",
        options=list(TYPES),
        format_func=TYPES.__getitem__,
        placeholder="alle soorten",
        key="chat_types",
    )
    dossier = st.sidebar.text_input("Dossier", placeholder="32317", key="chat_dossier")
    fractie = st.sidebar.text_input("Fractie", placeholder="VVD", key="chat_fractie")
    return Filters(
        types=tuple(types),
        date_from=period[0] if period else None,
        date_to=period[1] if len(period) > 1 else None,
        dossier=dossier.strip() or None,
        fractie=fractie.strip() or None,
    )


def show_sources(built: Services, citations: list[Citation]) -> None:
    """One block per document: its markers, title with link, and each quote. A quoted record
    field ("Indieners: ...") is listed as it is; a quoted passage is shown highlighted inside
    its surrounding text."""
    groups: dict[str, list[Citation]] = {}
    for citation in citations:
        groups.setdefault(citation.id, []).append(citation)
    for doc_id, group in groups.items():
        first = group[0]
        markers = " ".join(f"\\[{c.n}\\]" for c in group)
        meta = " · ".join(escape(part) for part in (first.type, first.date or "", doc_id) if part)
        st.markdown(f"**{markers}** {link(first.title, first.url)}  \n{meta}")
        doc = built.store.get_document(doc_id)
        fields = set(record_lines(doc)) if doc is not None else set()
        context = citable_text(doc) if doc is not None else ""
        for citation in group:
            if citation.quote in fields or not context:
                st.markdown(f"\\[{citation.n}\\] {escape(citation.quote)}")
            else:
                st.markdown(f"\\[{citation.n}\\] {highlight(context, citation.quote, 300)}")


def show_answer(built: Services, answer: Answer) -> None:
    if answer.refused:
        st.warning("  \n".join(escape(line) for line in answer.answer.splitlines()))
    else:
        # One line per line of the answer (lists of moties, toezeggingen, brieven).
        st.markdown("  \n".join(escape(line) for line in answer.answer.splitlines()))
    if answer.citations:
        with st.expander(f"Bronnen ({len(answer.citations)})", expanded=True):
            show_sources(built, answer.citations)


def picked_suggestion(answer: Answer, turn: int) -> str | None:
    """Under an answer that names other moties the user may have meant: a button per motie;
    the question asked again with the number of the one clicked (None when none is)."""
    if not answer.suggestions:
        return None
    titles = {c.id: c.title for c in answer.citations}
    st.caption(f"{suggestion_prompt(answer)} Klik erop om uw vraag daarover te stellen.")
    for doc_id in answer.suggestions:
        title = textwrap.shorten(titles.get(doc_id, doc_id), BUTTON_TITLE, placeholder=" ...")
        label = escape(f"{title} ({doc_id})")
        if st.button(label, key=f"chat_meant_{turn}_{doc_id}"):
            return naming(answer.question, doc_id)
    return None


def main() -> None:
    built = get_services()
    st.title("Vraag het de Kamerstukken")
    st.caption(backend_note(built))
    filters = sidebar_filters()
    if st.sidebar.button("Nieuw gesprek"):
        st.session_state.pop("chat_turns", None)
        st.session_state.pop("chat_conversation", None)
    turns: list[tuple[str, Answer]] = st.session_state.setdefault("chat_turns", [])
    conversation: Conversation = st.session_state.setdefault("chat_conversation", Conversation())

    picked = None
    for turn, (question, answer) in enumerate(turns):
        with st.chat_message("user"):
            st.text(question)
        with st.chat_message("assistant"):
            show_answer(built, answer)
            picked = picked_suggestion(answer, turn) or picked

    asked = st.chat_input("Stel een vraag, bijv. 'Wat is de status van motie 32317-913?'")
    asked = asked if asked is not None else picked
    if asked is not None and not asked.strip():
        st.info(ASK_FOR_A_QUESTION)  # nothing to search for: no turn, no search
    elif asked:
        with st.chat_message("user"):
            st.text(asked)
        with st.chat_message("assistant"), st.spinner("Zoeken in de bronnen ..."):
            answer = built.answerer.ask(asked, conversation, filters=filters)
            show_answer(built, answer)
            # Its buttons answer on the next run, when this turn is in `turns`.
            picked_suggestion(answer, len(turns))
        turns.append((asked, answer))


main()
