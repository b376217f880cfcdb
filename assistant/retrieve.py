"""Hybrid retrieval over the chunks: BM25 (Dutch stemming, stop words) and dense vectors, fused.

The BM25 side is an in-memory mirror of the chunks collection (Chroma has no lexical index). With
Chroma as the vector store llama-index's docstore is empty, so the mirror is built from the
collection itself. Filters apply to both sides; fusion is reciprocal rank fusion.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cache
from typing import Any

import bm25s
import numpy as np
import Stemmer
from bm25s.stopwords import STOPWORDS_DUTCH

from assistant.documents import GEWIJZIGDE_MOTIE, MOTIE
from assistant.embed import Embedder
from assistant.records import RecordFilter
from assistant.store import Store, date_int, where

RRF_K = 60
# Stems this long also count inside longer words (compounds); shorter ones only as a whole word
# ("pet" is not in "competitie").
MIN_INSIDE = 5
MOTION_TYPES = (MOTIE, GEWIJZIGDE_MOTIE)
MODES = ("hybrid", "dense", "bm25")


@dataclass(frozen=True)
class Filters:
    types: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    dossier: str | None = None
    fractie: str | None = None
    indiener: str | None = None
    ministerie: str | None = None
    outcome: str | None = None
    doc_ids: tuple[str, ...] = ()

    def merged(self, other: Filters) -> Filters:
        """These filters with every field that `other` sets taking its value."""
        changes = {f.name: getattr(other, f.name) for f in fields(self) if getattr(other, f.name)}
        return replace(self, **changes)

    def matches(self, meta: dict[str, Any]) -> bool:
        if self.types and meta.get("type") not in self.types:
            return False
        if self.doc_ids and meta.get("doc_id") not in self.doc_ids:
            return False
        date = meta.get("date")
        if self.date_from and (not isinstance(date, int) or date < date_int(self.date_from)):
            return False
        if self.date_to and (not isinstance(date, int) or date > date_int(self.date_to)):
            return False
        if self.dossier and str(meta.get("dossier", "")).split("-")[0] != self.dossier:
            return False
        if self.outcome and meta.get("outcome") != self.outcome:
            return False
        for wanted, keys in (
            (self.fractie, ("fracties", "speaker_fractie")),
            (self.indiener, ("indieners", "speaker", "title")),
            (self.ministerie, ("afzender",)),
        ):
            if wanted and not any(wanted.lower() in str(meta.get(k, "")).lower() for k in keys):
                return False
        return True

    def chroma_where(self) -> dict[str, Any] | None:
        """The part of the filter Chroma can apply itself; the rest is checked afterwards."""
        clauses: list[dict[str, Any]] = []
        if self.types:
            clauses.append({"type": {"$in": list(self.types)}})
        if self.doc_ids:
            clauses.append({"doc_id": {"$in": list(self.doc_ids)}})
        if self.date_from:
            clauses.append({"date": {"$gte": date_int(self.date_from)}})
        if self.date_to:
            clauses.append({"date": {"$lte": date_int(self.date_to)}})
        if self.outcome:
            clauses.append({"outcome": self.outcome})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def records(self) -> RecordFilter | None:
        """The same narrowing as `chroma_where`, over the record table; None when nothing
        narrows."""
        found = RecordFilter(
            types=self.types,
            ids=self.doc_ids,
            date_from=date_int(self.date_from),
            date_to=date_int(self.date_to),
            outcome=self.outcome,
        )
        return None if found.empty else found

    @property
    def needs_post_filter(self) -> bool:
        return any((self.dossier, self.fractie, self.indiener, self.ministerie))

    @property
    def empty(self) -> bool:
        return self == Filters()


@dataclass(frozen=True)
class Passage:
    chunk_id: str
    doc_id: str
    text: str
    metadata: dict[str, Any]
    score: float
    dense: float | None = None  # cosine similarity
    bm25: float | None = None


class Tokenizer:
    """Lower-case words, Dutch stop words out, Snowball Dutch stems."""

    def __init__(self) -> None:
        self.stemmer = Stemmer.Stemmer("dutch")
        self.stopwords = frozenset(STOPWORDS_DUTCH)

    def __call__(self, text: str) -> list[str]:
        words = [w for w in re.findall(r"\w+", text.lower()) if w not in self.stopwords]
        return list(self.stemmer.stemWords(words))


@cache
def shared_tokenizer() -> Tokenizer:
    """One stemmer for the process (a Tokenizer holds no per-question state)."""
    return Tokenizer()


@dataclass
class ChunkIndex:
    """All chunks in memory: texts, metadata and a BM25 model over them."""

    ids: list[str]
    texts: list[str]
    metadatas: list[dict[str, Any]]
    tokenizer: Tokenizer = field(default_factory=Tokenizer)
    model: Any = None
    position: dict[str, int] = field(default_factory=dict)
    _df: Any = None
    _vocab: list[str] = field(default_factory=list)
    _df_cache: dict[str, int] = field(default_factory=dict)
    _signers: dict[str, set[str]] | None = None
    _dates: Any = None
    _types: Any = None
    _motion_titles: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, store: Store) -> ChunkIndex:
        ids: list[str] = []
        texts: list[str] = []
        metas: list[dict[str, Any]] = []
        offset = 0
        while True:
            got = store.chunks.get(
                include=["documents", "metadatas"], limit=store.batch, offset=offset
            )
            if not got["ids"]:
                break
            ids += got["ids"]
            texts += [t or "" for t in got["documents"] or []]
            metas += [dict(m or {}) for m in got["metadatas"] or []]
            offset += len(got["ids"])
        index = cls(ids=ids, texts=texts, metadatas=metas)
        index.position = {cid: i for i, cid in enumerate(ids)}
        if ids:
            corpus = [index.tokenizer(index.search_text(i)) for i in range(len(ids))]
            index.model = bm25s.BM25()
            index.model.index(corpus, show_progress=False)
            # Built here, once, so that no question pays for them.
            index._counts()
            index._motion_signers()
        return index

    @property
    def size(self) -> int:
        return len(self.ids)

    def document_frequency(self, stem: str) -> int:
        """Chunks holding the stem as a word, or as the start of a word when it is long enough
        to stand for itself in compounds ("asiel" in "asielinstroom"); an upper bound."""
        if self.model is None:
            return 0
        cached = self._df_cache.get(stem)
        if cached is not None:
            return cached
        counts, vocab = self._counts()
        ids: dict[str, int] = self.model.vocab_dict
        if len(stem) < MIN_INSIDE:
            found = int(counts[ids[stem]]) if stem in ids else 0
        else:
            start = bisect.bisect_left(vocab, stem)
            end = bisect.bisect_left(vocab, stem + "\uffff")
            found = int(sum(counts[ids[token]] for token in vocab[start:end]))
        found = min(found, self.size)
        self._df_cache[stem] = found
        return found

    def _counts(self) -> tuple[Any, list[str]]:
        """Chunks per vocabulary token (from the BM25 postings), and the sorted vocabulary."""
        if self._df is None:
            self._df = np.diff(np.asarray(self.model.scores["indptr"]))
            self._vocab = sorted(self.model.vocab_dict)
        return self._df, self._vocab

    def doc_ids_signed_by(self, names: Sequence[str]) -> tuple[str, ...]:
        """Every motie (any period) whose indieners include every word of all `names`
        ("Van der Plas": van, der and plas)."""
        signers = self._motion_signers()
        found: set[str] | None = None
        for name in names:
            for word in re.findall(r"[\w'-]+", name.lower()):
                ids = signers.get(word, set())
                found = set(ids) if found is None else found & ids
        return tuple(sorted(found or ()))

    def motion_title(self, doc_id: str) -> str:
        self._motion_signers()
        return self._motion_titles.get(doc_id, "")

    def _motion_signers(self) -> dict[str, set[str]]:
        """Word of an indiener's name -> the moties they signed; built once per index."""
        if self._signers is None:
            self._signers = {}
            for meta in self.metadatas:
                if meta.get("type") not in MOTION_TYPES:
                    continue
                doc_id = str(meta.get("doc_id", ""))
                self._motion_titles[doc_id] = str(meta.get("title", ""))
                for word in re.findall(r"[\w'-]+", str(meta.get("indieners") or "").lower()):
                    self._signers.setdefault(word, set()).add(doc_id)
        return self._signers

    def positions_with(self, words: str) -> list[int]:
        """Chunks that hold every (stemmed, stop-word-free) word of `words`, from the index's
        own postings: no scan over the texts."""
        if self.model is None:
            return []
        tokens = list(dict.fromkeys(self.tokenizer(words)))
        vocab: dict[str, int] = self.model.vocab_dict
        if not tokens or any(t not in vocab for t in tokens):
            return []
        indptr = self.model.scores["indptr"]
        indices = self.model.scores["indices"]
        # Rarest word first: the intersection shrinks fastest.
        postings = sorted(
            (indices[indptr[vocab[t]] : indptr[vocab[t] + 1]] for t in tokens), key=len
        )
        # A token's postings hold each chunk once, in ascending order (bm25s builds them so):
        # look the few of the rarest word up in the longer lists by binary search.
        found = postings[0]
        for more in postings[1:]:
            at = np.searchsorted(more, found)
            hit = at < len(more)
            found = found[hit][more[at[hit]] == found[hit]]
        return [int(i) for i in found]

    def since_except(self, positions: Sequence[int], since: int, types: Sequence[str]) -> list[int]:
        """The positions whose chunk is dated `since` (yyyymmdd) or later and is of none of
        `types`: a filter over arrays built once, not over each chunk's metadata."""
        if self._dates is None:
            self._dates = np.array(
                [m["date"] if isinstance(m.get("date"), int) else 0 for m in self.metadatas]
            )
            self._types = np.array([str(m.get("type", "")) for m in self.metadatas], dtype=object)
        at = np.asarray(positions, dtype=np.int64)
        if not len(at):
            return []
        keep = (self._dates[at] >= since) & ~np.isin(self._types[at], list(types))
        return [int(i) for i in at[keep]]

    def containing(self, literal: str, limit: int = 20) -> list[int]:
        """Positions of chunks whose text holds `literal` (case and spacing ignored): an
        identifier named in a text ("TZ202309-010", "2024D12345") finds it."""
        wanted = " ".join(literal.lower().split())
        found: list[int] = []
        for i in self.positions_with(literal):
            if wanted in " ".join(self.search_text(i).lower().split()):
                found.append(i)
                if len(found) == limit:
                    break
        return found

    def search_text(self, i: int) -> str:
        meta = self.metadatas[i]
        header = " ".join(str(meta.get(k, "")) for k in ("title", "section", "indieners"))
        return f"{header}\n{self.texts[i]}"

    def bm25(self, query: str, filters: Filters, k: int) -> list[tuple[int, float]]:
        if self.model is None:
            return []
        tokens = [t for t in self.tokenizer(query) if t in self.model.vocab_dict]
        if not tokens:
            return []
        scores = self.model.get_scores(tokens)
        if not filters.empty:
            mask = np.array([filters.matches(m) for m in self.metadatas], dtype=bool)
            scores = np.where(mask, scores, 0.0)
        top = np.argsort(-scores)[:k]
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]


class Retriever:
    def __init__(
        self, store: Store, embedder: Embedder, index: ChunkIndex, mode: str = "hybrid"
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}")
        self.store = store
        self.embedder = embedder
        self.index = index
        self.mode = mode

    def dense(self, query: str, filters: Filters, k: int) -> list[tuple[int, float]]:
        if not self.index.ids:
            return []
        vector = self.embedder.embed_query(query)
        # Fields Chroma cannot filter (substring matches) are checked afterwards: ask for more.
        wanted = k * 5 if filters.needs_post_filter else k
        clause = filters.chroma_where()
        got = self.store.chunks.query(
            query_embeddings=np.asarray([vector], dtype=np.float32),
            n_results=min(wanted, len(self.index.ids)),
            where=where(clause) if clause else None,
            include=["distances", "metadatas"],
        )
        hits: list[tuple[int, float]] = []
        for cid, distance, meta in zip(
            got["ids"][0],
            (got["distances"] or [[]])[0],
            (got["metadatas"] or [[]])[0],
            strict=False,
        ):
            position = self.index.position.get(cid)
            if position is not None and filters.matches(dict(meta or {})):
                hits.append((position, 1.0 - float(distance)))
        return hits[:k]

    def search(self, query: str, filters: Filters | None = None, k: int = 8) -> list[Passage]:
        filters = filters or Filters()
        pool = max(k * 4, 30)
        dense = self.dense(query, filters, pool) if self.mode != "bm25" else []
        lexical = self.index.bm25(query, filters, pool) if self.mode != "dense" else []
        fused: dict[int, float] = {}
        for ranking in (dense, lexical):
            for rank, (position, _) in enumerate(ranking):
                fused[position] = fused.get(position, 0.0) + 1.0 / (RRF_K + rank + 1)
        dense_score = dict(dense)
        bm25_score = dict(lexical)
        best = sorted(fused, key=lambda p: -fused[p])[:k]
        return [
            Passage(
                chunk_id=self.index.ids[p],
                doc_id=str(self.index.metadatas[p].get("doc_id", "")),
                text=self.index.texts[p],
                metadata=self.index.metadatas[p],
                score=fused[p],
                dense=dense_score.get(p),
                bm25=bm25_score.get(p),
            )
            for p in best
        ]

    def passages_of(self, doc_ids: Sequence[str]) -> list[Passage]:
        wanted = set(doc_ids)
        return [
            Passage(cid, str(meta.get("doc_id")), text, meta, 0.0)
            for cid, text, meta in zip(
                self.index.ids, self.index.texts, self.index.metadatas, strict=True
            )
            if meta.get("doc_id") in wanted
        ]
