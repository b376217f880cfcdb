"""Build the clients once (store, embedder, LLM) and hand them to who needs them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from assistant.answer import EXTRACTIVE
from assistant.ask import Answerer
from assistant.embed import Embedder, build_embedder
from assistant.llm import llm_from_settings
from assistant.llm.base import LLM
from assistant.llm.reader import MotionReader
from assistant.retrieve import ChunkIndex, Retriever
from assistant.settings import Settings
from assistant.store import Store


@dataclass
class Services:
    settings: Settings
    store: Store
    embedder: Embedder
    retriever: Retriever
    answerer: Answerer
    llm: LLM | None

    @property
    def backend(self) -> str:
        """Who words the answers: the LLM when it rephrases them, else the rules."""
        return self.answerer.llm.name if self.answerer.llm else EXTRACTIVE

    def refresh(self) -> None:
        """After an ingest: a fresh view of the passages (their count feeds the term weights)."""
        self.retriever.index = ChunkIndex.build(self.store)


def build_services(
    settings: Settings,
    embedder: Embedder | None = None,
    store: Store | None = None,
    today: dt.date | None = None,
) -> Services:
    store = store or Store.open(settings)
    embedder = embedder or build_embedder(settings)
    # Without the vectors (a read-only store, a full disk) the lexical index answers alone.
    if unavailable := store.vectors_unavailable():
        store.notice(unavailable)
    mode = "bm25" if unavailable else "hybrid"
    retriever = Retriever(store, embedder, ChunkIndex.build(store), mode=mode)
    llm = llm_from_settings(settings)
    reader = MotionReader(llm) if llm is not None and settings.llm_reads_moties else None
    rephrasing = llm if settings.llm_rephrases else None
    answerer = Answerer(
        store, retriever, today=today, llm=rephrasing, relevance=settings.relevance, reader=reader
    )
    return Services(settings, store, embedder, retriever, answerer, llm)
