"""Hybrid retrieval over the chunks: BM25 (Dutch stemming, stop words) and dense vectors, fused.

The BM25 side is the SQLite FTS5 index of `assistant.lexical` (Chroma has no lexical index in
local mode); the dense side is Chroma. Positions are the passages' rows in SQLite. Filters apply
to both sides (inside the lexical query, as a where clause and a check in Chroma); fusion is
reciprocal rank fusion.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

import numpy as np

from assistant.documents import GEWIJZIGDE_MOTIE, MOTIE
from assistant.embed import Embedder
from assistant.errors import StoreError
from assistant.lexical import Lexical, StoredChunk
from assistant.records import RecordFilter, signer_words
from assistant.store import Store, date_int, where
from assistant.tokens import Tokenizer, shared_tokenizer

RRF_K = 60
# A filtered dense search takes the nearest vectors unfiltered and keeps those the filter
# passes, first this many, then WIDE ones (45 ms at 1M passages), before Chroma's own filter
# (seconds at 1M with a long list of documents).
OVERFETCH = 1000
WIDE = 10_000
# A filter that keeps at most this many passages is searched by comparing each of them.
FEW = 3000
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

    def chunk_sql(self) -> tuple[str, list[Any]] | None:
        """All of `matches` as SQL over the chunks table (alias c), for the lexical index."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.types:
            clauses.append(f"c.type IN ({', '.join('?' * len(self.types))})")
            params += self.types
        if self.doc_ids:
            clauses.append(f"c.doc_id IN ({', '.join('?' * len(self.doc_ids))})")
            params += self.doc_ids
        if self.date_from:
            clauses.append("c.date >= ?")
            params.append(date_int(self.date_from))
        if self.date_to:
            clauses.append("c.date <= ?")
            params.append(date_int(self.date_to))
        if self.dossier:
            clauses.append("(c.dossier = ? OR substr(c.dossier, 1, ?) = ?)")
            params += [self.dossier, len(self.dossier) + 1, f"{self.dossier}-"]
        if self.outcome:
            clauses.append("c.outcome = ?")
            params.append(self.outcome)
        for wanted, columns in (
            (self.fractie, ("fracties", "speaker_fractie")),
            (self.indiener, ("indieners", "speaker", "title")),
            (self.ministerie, ("afzender",)),
        ):
            if wanted:
                clauses.append(
                    "(" + " OR ".join(f"instr(py_lower(c.{c}), ?) > 0" for c in columns) + ")"
                )
                params += [wanted.lower()] * len(columns)
        return (" AND ".join(clauses), params) if clauses else None

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


class ChunkIndex:
    """The passages of a store as answers use them, read from SQLite on demand (see
    `assistant.lexical`): building one reads nothing but a count."""

    def __init__(self, lexical: Lexical) -> None:
        self.lexical = lexical
        self.tokenizer: Tokenizer = shared_tokenizer()
        self.size = lexical.count()
        self._df: dict[tuple[str, bool], int] = {}

    @classmethod
    def build(cls, store: Store) -> ChunkIndex:
        return cls(store.lexical)

    def chunk(self, position: int) -> StoredChunk:
        return self.lexical.chunk(position)

    def meta(self, position: int) -> dict[str, Any]:
        return self.lexical.chunk(position).meta

    def text(self, position: int) -> str:
        return self.lexical.chunk(position).text

    def search_text(self, position: int) -> str:
        return self.lexical.chunk(position).search_text

    def document_frequency(self, stem: str) -> int:
        """Passages holding the stem as a word, or as the start of a word when it is long
        enough to stand for itself in compounds ("asiel" in "asielinstroom"); an upper bound."""
        key = (stem, len(stem) >= MIN_INSIDE)
        if key not in self._df:
            self._df[key] = min(self.lexical.document_frequency(*key), self.size)
        return self._df[key]

    def doc_ids_signed_by(self, names: Sequence[str]) -> tuple[str, ...]:
        """Every motie (any period) whose indieners include every word of all `names`
        ("Van der Plas": van, der and plas)."""
        words = [w for name in names for w in signer_words(name)]
        return tuple(self.lexical.records.signed_by(words))

    def signed_count(self, name: str) -> int:
        """How many moties (any period) hold every word of `name` among their indieners."""
        return len(self.doc_ids_signed_by([name]))

    def respelled(self, name: str) -> str | None:
        """The member a misspelled or shortened surname most likely means ("Koekoek" ->
        "Koekkoek", "Verkuylen" -> "Verkuijlen", "Eik" -> "Eijk", "Rikkers" ->
        "Rikkers-Oosterkamp", "Huijbregts" -> "Beukering-Huijbregts"): a signer one letter off
        (added, left out, changed or swapped; "ij" and "y" count as one letter; a name shorter
        than RESPELL_MIN_LETTERS only with "ij" written "i" or "y"), or whose double surname
        starts with it, or else ends with it, who signed at least RESPELL_RATIO times as many
        moties as the name as typed, which signed at most RESPELL_MAX. None when there is no
        such signer."""
        head, _, last = name.rpartition(" ")
        word = "".join(signer_words(last))
        short = len(word) < RESPELL_MIN_LETTERS
        if len(word) < 3:
            return None
        records = self.lexical.records
        own = records.signer_count(word)
        if own > RESPELL_MAX:
            return None  # a member as typed: the common case, one index read
        counts = records.signer_counts(word[:1])
        near = [
            (n, w)
            for w, n in counts.items()
            if n >= max(RESPELL_RATIO * own, 1)
            and (
                word in (w.replace("ij", "i"), w.replace("ij", "y"))  # "Eik", "Dyk"
                or not short
                and (spelled_alike(w, word) or w.startswith(f"{word}-"))
            )
        ]
        if not near and not short:
            # the second part of a double surname ("Huijbregts"): any first letter
            ending = records.double_surnames_ending(word)
            near = [(n, w) for w, n in ending.items() if n >= max(RESPELL_RATIO * own, 1)]
        if not near or (len(word) < RESPELL_UNIQUE_BELOW and len(near) > 1):
            return None  # a short name one letter off two members is anyone's guess
        best = "-".join(part.capitalize() for part in max(near)[1].split("-"))
        return f"{head} {best}".strip()

    def is_indiener(self, name: str) -> bool:
        """Whether some motie has `name` among its indieners (one row read)."""
        words = signer_words(name)
        return bool(words) and self.lexical.records.has_signer(words)

    def motion_title(self, doc_id: str) -> str:
        return self.lexical.records.title(doc_id)

    def positions_with(self, words: str) -> list[int]:
        """Passages that hold every (stemmed, stop-word-free) word of `words`."""
        return self.lexical.positions_with(self.tokenizer(words))

    def containing(self, literal: str, limit: int = 20) -> list[int]:
        """Positions of passages whose text holds `literal` (case and spacing ignored): an
        identifier named in a text ("TZ202309-010", "2024D12345") finds it."""
        wanted = " ".join(literal.lower().split())
        found: list[int] = []
        for i in self.positions_with(literal):
            if wanted in " ".join(self.search_text(i).lower().split()):
                found.append(i)
                if len(found) == limit:
                    break
        return found

    def bm25(self, query: str, filters: Filters, k: int) -> list[tuple[int, float]]:
        return self.lexical.bm25(self.tokenizer(query), filters.chunk_sql(), k)


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
        if not self.index.size:
            return []
        vector = self.embedder.embed_query(query)
        if filters.empty:
            return self._nearest(vector, None, min(k, self.index.size), filters)[:k]
        # Chroma filters before it searches, slowly (0.2-0.3 s at 100k passages): first the
        # nearest passages unfiltered, filtered here in SQL; Chroma's filter only when too few
        # of them pass.
        hits = self._nearest(vector, None, min(OVERFETCH, self.index.size), filters)
        if len(hits) >= k:
            return hits[:k]
        # A narrow filter (a day, a dossier): its few passages compared one by one.
        where_sql = filters.chunk_sql()
        few = self.index.lexical.ids_where(where_sql, FEW + 1) if where_sql else []
        if len(few) <= FEW:
            return self._compared(vector, few)[:k]
        if self.index.size > OVERFETCH:
            hits = self._nearest(vector, None, min(WIDE, self.index.size), filters)
            if len(hits) >= k:
                return hits[:k]
        clause = filters.chroma_where()
        wanted = k * 5 if filters.needs_post_filter else k
        return self._nearest(vector, clause, min(wanted, self.index.size), filters)[:k]

    def _compared(self, vector: list[float], ids: list[str]) -> list[tuple[int, float]]:
        """(position, cosine) of these passages, nearest first, from their stored vectors."""
        if not ids:
            return []
        got = self.store.chunks.get(ids=ids, include=["embeddings"])
        vectors: Any = got["embeddings"] if got["embeddings"] is not None else []
        found = [(cid, e) for cid, e in zip(got["ids"], vectors, strict=False)]
        if not found:
            return []
        matrix = np.asarray([e for _, e in found], dtype=np.float32)
        query = np.asarray(vector, dtype=np.float32)
        if matrix.shape[1] != query.shape[0]:
            raise StoreError(
                f"De vectoren in {self.store.describe()} hebben een andere lengte dan die van de "
                f"vraag ({len(vector)}): zet KAMER_EMBED_DIMS zoals bij het opbouwen van de index."
            )
        scores = matrix @ query  # both are normalised: the cosine
        positions = self.index.lexical.positions_of([cid for cid, _ in found])
        ranked = sorted(zip([cid for cid, _ in found], scores, strict=True), key=lambda x: -x[1])
        return [(positions[cid], float(score)) for cid, score in ranked if cid in positions]

    def _nearest(
        self, vector: list[float], clause: dict[str, Any] | None, n: int, filters: Filters
    ) -> list[tuple[int, float]]:
        """(position, cosine) of the n nearest vectors (Chroma's `clause` applied), of the
        passages the filters keep, nearest first."""
        try:
            got = self.store.chunks.query(
                query_embeddings=np.asarray([vector], dtype=np.float32),
                n_results=n,
                where=where(clause) if clause else None,
                include=["distances"],
            )
        except Exception as error:  # Chroma's own error types differ per version
            if "dimension" not in str(error).lower():
                raise
            raise StoreError(
                f"De vectoren in {self.store.describe()} hebben een andere lengte dan die van de "
                f"vraag ({len(vector)}): zet KAMER_EMBED_DIMS zoals bij het opbouwen van de "
                f"index ({error})."
            ) from None
        ids = list(got["ids"][0])
        positions = self.index.lexical.positions_of(ids, filters.chunk_sql())
        return [
            (positions[cid], 1.0 - float(distance))
            for cid, distance in zip(ids, (got["distances"] or [[]])[0], strict=False)
            if cid in positions
        ]

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
                chunk_id=chunk.id,
                doc_id=chunk.doc_id,
                text=chunk.text,
                metadata=chunk.meta,
                score=fused[chunk.pos],
                dense=dense_score.get(chunk.pos),
                bm25=bm25_score.get(chunk.pos),
            )
            for chunk in self.index.lexical.chunks(best)
        ]

    def passages_of(self, doc_ids: Sequence[str]) -> list[Passage]:
        return [
            Passage(c.id, c.doc_id, c.text, c.meta, 0.0)
            for c in self.index.lexical.of_documents(doc_ids)
        ]


# A surname typed one letter off: at least this long, signed by at most RESPELL_MAX moties as
# typed, and the member meant signed RESPELL_RATIO times as many; below RESPELL_UNIQUE_BELOW
# letters only when one member is that near.
RESPELL_MIN_LETTERS = 4
RESPELL_UNIQUE_BELOW = 5
RESPELL_MAX = 2
RESPELL_RATIO = 10


def spelled_alike(a: str, b: str) -> bool:
    """One edit apart, where "ij" and "y" are one letter written two ways ("verkuylen",
    "verkuijlen")."""
    if a == b:
        return False
    folded_a, folded_b = a.replace("ij", "y"), b.replace("ij", "y")
    return folded_a == folded_b or one_edit_apart(folded_a, folded_b)


def one_edit_apart(a: str, b: str) -> bool:
    """One letter added, left out, changed, or two neighbours swapped ("koekoek"/"koekkoek")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
    return a[i + 1 :] == b[i + 1 :] or (swapped and a[i + 2 :] == b[i + 2 :])
