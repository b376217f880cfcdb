"""Passages and the lexical index over them, in SQLite (tables in `assistant.records`).

A passage (chunk) is a row with its text, its filter fields and its stems; an FTS5 index over
the stems ranks by BM25 with the filters applied in the same query. Nothing is read into memory
when a process starts: each question costs a few indexed queries. Positions are the rows'
`pos`, stable while the passage exists.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from assistant.records import Records, batches, marks
from assistant.tokens import Tokenizer, shared_tokenizer

# Columns a filter may test; each is a column of the chunks table.
FILTER_COLUMNS = frozenset(
    {"type", "doc_id", "date", "dossier", "outcome", "title", "indieners", "fracties",
     "speaker", "speaker_fractie", "afzender"}
)  # fmt: skip
# A word in more than this share of all passages says little about any of them; when rarer
# words are asked for too, it is left out of the BM25 query (it would make every passage a
# candidate to score).
COMMON_SHARE = 0.1
# BM25 over the rarest words of a question only: the others add candidates, hardly rank.
MAX_QUERY_WORDS = 8
# FTS5 scores every passage that holds a query word before it can rank: the time of a query
# grows with the summed document frequency of its words. Past this many postings the more
# frequent words are left out (the rarest is always kept); in a store of some 20k passages it
# never applies, at 1M passages it keeps a free question's BM25 under 0.1 s.
MAX_POSTINGS = 20_000
CACHED_ROWS = 4096
CACHED_QUERIES = 1024


@dataclass(frozen=True)
class StoredChunk:
    pos: int
    id: str
    doc_id: str
    text: str
    meta: dict[str, Any]

    @property
    def search_text(self) -> str:
        """What the lexical index holds for it: titles and names carried along."""
        return search_text(self.text, self.meta)


def search_text(text: str, meta: dict[str, Any]) -> str:
    header = " ".join(str(meta.get(k, "") or "") for k in ("title", "section", "indieners"))
    return f"{header}\n{text}"


@dataclass(frozen=True)
class ChunkRow:
    """A passage to write: its id, document, text and flat metadata (as Chroma holds it)."""

    id: str
    doc_id: str
    text: str
    meta: dict[str, Any]


class Lexical:
    """Reads and writes passages and their lexical index through one Records connection."""

    def __init__(self, records: Records, tokenizer: Tokenizer | None = None) -> None:
        self.records = records
        self.db = records.db
        self.tokenizer = tokenizer or shared_tokenizer()
        self._row = lru_cache(maxsize=CACHED_ROWS)(self._read_row)
        self._near = lru_cache(maxsize=CACHED_QUERIES)(self._read_near)
        self._version = -1

    # -- writing -----------------------------------------------------------------------------

    def put(self, rows: Sequence[ChunkRow]) -> None:
        """Add or refresh passages (same id: text and metadata replaced, position kept)."""
        with self.records.transaction():
            self.db.executemany(
                "INSERT INTO chunks (id, doc_id, chunk_index, type, date, dossier, outcome, "
                "title, indieners, fracties, speaker, speaker_fractie, afzender, meta, text, "
                "terms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET doc_id = excluded.doc_id, "
                "chunk_index = excluded.chunk_index, type = excluded.type, "
                "date = excluded.date, dossier = excluded.dossier, outcome = excluded.outcome, "
                "title = excluded.title, indieners = excluded.indieners, "
                "fracties = excluded.fracties, speaker = excluded.speaker, "
                "speaker_fractie = excluded.speaker_fractie, afzender = excluded.afzender, "
                "meta = excluded.meta, text = excluded.text, terms = excluded.terms",
                [self._values(row) for row in rows],
            )
        self._forget()

    def _forget(self) -> None:
        """After a write: nothing read before it is answered from memory."""
        self._row.cache_clear()
        self._near.cache_clear()

    def _fresh(self) -> None:
        """Another process or connection (an ingest beside the app) may have written: SQLite's
        data_version changes then, and what is kept in memory goes."""
        version = int(self.db.execute("PRAGMA data_version").fetchone()[0])
        if version != self._version:
            self._version = version
            self._forget()

    def _values(self, row: ChunkRow) -> tuple[Any, ...]:
        meta = row.meta

        def text(key: str) -> str:
            return str(meta.get(key) or "")

        date = meta.get("date")
        return (
            row.id,
            row.doc_id,
            int(meta.get("chunk_index") or 0),
            meta.get("type"),
            date if isinstance(date, int) else None,
            meta.get("dossier"),
            meta.get("outcome"),
            text("title"),
            text("indieners"),
            text("fracties"),
            text("speaker"),
            text("speaker_fractie"),
            text("afzender"),
            json.dumps(meta, ensure_ascii=False),
            row.text,
            " ".join(self.tokenizer(search_text(row.text, meta))),
        )

    def delete(self, ids: Sequence[str]) -> None:
        with self.records.transaction():
            for part in batches(list(ids)):
                self.db.execute(f"DELETE FROM chunks WHERE id IN ({marks(part)})", part)
        self._forget()

    def delete_of(self, doc_id: str) -> None:
        with self.records.transaction():
            self.db.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))
        self._forget()

    # -- reading -----------------------------------------------------------------------------

    def count(self) -> int:
        row = self.db.execute("SELECT n FROM tallies WHERE name = 'chunks'").fetchone()
        return int(row[0]) if row else 0

    def _read_row(self, pos: int) -> StoredChunk | None:
        row = self.db.execute(
            "SELECT pos, id, doc_id, text, meta FROM chunks WHERE pos = ?", (pos,)
        ).fetchone()
        return _stored(row) if row else None

    def chunk(self, pos: int) -> StoredChunk:
        self._fresh()
        found = self._row(pos)
        if found is None:
            raise KeyError(pos)
        return found

    def chunks(self, positions: Sequence[int]) -> list[StoredChunk]:
        self._fresh()
        return [c for c in (self._row(p) for p in positions) if c is not None]

    def positions_of(
        self, ids: Sequence[str], where: tuple[str, list[Any]] | None = None
    ) -> dict[str, int]:
        """Chunk id -> position, of the passages `where` (SQL over alias c) keeps."""
        found: dict[str, int] = {}
        extra, params = (f"WHERE {where[0]}", where[1]) if where else ("", [])
        for part in batches(list(ids)):
            # The ids first (their unique index), then the filter on those rows only: left to
            # itself the planner may walk a filter's index (every passage of a long list of
            # documents) instead.
            rows = self.db.execute(
                f"WITH c AS MATERIALIZED (SELECT * FROM chunks WHERE id IN ({marks(part)})) "
                f"SELECT c.id, c.pos FROM c {extra}",
                [*part, *params],
            )
            found.update((row["id"], int(row["pos"])) for row in rows)
        return found

    def ids_where(self, where: tuple[str, list[Any]], limit: int) -> list[str]:
        """Ids of at most `limit` passages the filter (SQL over alias c) keeps."""
        rows = self.db.execute(
            f"SELECT c.id FROM chunks c WHERE {where[0]} LIMIT ?", [*where[1], limit]
        )
        return [row[0] for row in rows]

    def ids_of(self, doc_ids: Sequence[str]) -> list[str]:
        found: list[str] = []
        for part in batches(list(doc_ids)):
            rows = self.db.execute(f"SELECT id FROM chunks WHERE doc_id IN ({marks(part)})", part)
            found += [row["id"] for row in rows]
        return found

    def of_documents(self, doc_ids: Sequence[str]) -> list[StoredChunk]:
        found: list[StoredChunk] = []
        for part in batches(list(doc_ids)):
            rows = self.db.execute(
                f"SELECT pos, id, doc_id, text, meta FROM chunks WHERE doc_id IN ({marks(part)}) "
                "ORDER BY doc_id, chunk_index",
                part,
            )
            found += [_stored(row) for row in rows]
        return found

    def iter_all(self, batch: int = 2000) -> Iterator[StoredChunk]:
        """Every passage, in position order (a rebuild or a check, never an answer)."""
        last = 0
        while True:
            rows = self.db.execute(
                "SELECT pos, id, doc_id, text, meta FROM chunks WHERE pos > ? ORDER BY pos LIMIT ?",
                (last, batch),
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield _stored(row)
            last = int(rows[-1]["pos"])

    def document_frequency(self, stem: str, prefix: bool) -> int:
        """Passages holding the stem; with `prefix`, summed over every word starting with it
        (an upper bound: a passage holding two such words counts twice)."""
        if prefix:
            row = self.db.execute(
                "SELECT sum(doc) FROM chunk_vocab WHERE term >= ? AND term < ?",
                (stem, stem + "\uffff"),
            ).fetchone()
        else:
            row = self.db.execute("SELECT doc FROM chunk_vocab WHERE term = ?", (stem,)).fetchone()
        return int(row[0] or 0) if row else 0

    def positions_with(self, tokens: Sequence[str], limit: int | None = None) -> list[int]:
        """Passages holding every one of the (stemmed) tokens, in position order."""
        if not tokens:
            return []
        query = " AND ".join(quoted(t) for t in dict.fromkeys(tokens))
        sql = "SELECT rowid FROM chunk_terms WHERE chunk_terms MATCH ? ORDER BY rowid"
        rows = self.db.execute(
            sql + (" LIMIT ?" if limit else ""), (query, limit) if limit else (query,)
        )
        return [int(row[0]) for row in rows]

    def bm25(
        self, tokens: Sequence[str], where: tuple[str, list[Any]] | None, k: int
    ) -> list[tuple[int, float]]:
        """The k best passages for any of the tokens by BM25, filtered inside the query;
        (position, score), best first."""
        unique = list(dict.fromkeys(tokens))
        frequency = {t: self.document_frequency(t, prefix=False) for t in unique}
        present = [t for t in unique if frequency[t]]
        if not present:
            return []
        common = max(1, int(COMMON_SHARE * self.count()))
        rare = [t for t in present if frequency[t] <= common] or present
        rarest: list[str] = []
        postings = 0
        for term in sorted(rare, key=lambda t: frequency[t])[:MAX_QUERY_WORDS]:
            if rarest and postings + frequency[term] > MAX_POSTINGS:
                break
            rarest.append(term)
            postings += frequency[term]
        query = " OR ".join(quoted(t) for t in rarest)
        sql = (
            "SELECT c.pos, -bm25(chunk_terms) AS score FROM chunk_terms "
            "JOIN chunks c ON c.pos = chunk_terms.rowid WHERE chunk_terms MATCH ?"
        )
        params: list[Any] = [query]
        if where is not None:
            sql += f" AND {where[0]}"
            params += where[1]
        sql += " ORDER BY bm25(chunk_terms) LIMIT ?"
        params.append(k)
        return [(int(row[0]), float(row[1])) for row in self.db.execute(sql, params)]

    def near_since(
        self,
        first: Sequence[str],
        second: Sequence[str],
        distance: int,
        since: int,
        types: Sequence[str],
    ) -> list[StoredChunk]:
        """Passages where the tokens `first` stand within `distance` tokens of `second`, dated
        `since` (yyyymmdd) or later and of none of `types`, oldest first. One query per pair of
        words, kept until the next write: a briefing asks it for every motie of one member."""
        self._fresh()
        found = self._near(tuple(first), tuple(second), distance, tuple(types))
        return [c for c in found if isinstance(d := c.meta.get("date"), int) and d >= since]

    def _read_near(
        self, first: tuple[str, ...], second: tuple[str, ...], distance: int, types: tuple[str, ...]
    ) -> list[StoredChunk]:
        if not first or not second:
            return []
        left, right = " ".join(quoted(t) for t in first), " ".join(quoted(t) for t in second)
        rows = self.db.execute(
            "SELECT c.pos, c.id, c.doc_id, c.text, c.meta FROM chunk_terms "
            "JOIN chunks c ON c.pos = chunk_terms.rowid WHERE chunk_terms MATCH ? "
            f"AND c.date IS NOT NULL AND coalesce(c.type, '') NOT IN ({marks(types)}) "
            "ORDER BY c.date, c.pos",
            [f"NEAR({left} {right}, {distance})", *types],
        )
        return [_stored(row) for row in rows]


def quoted(token: str) -> str:
    """A token as an FTS5 string (a phrase of one word)."""
    return '"' + token.replace('"', '""') + '"'


def _stored(row: Any) -> StoredChunk:
    return StoredChunk(
        int(row["pos"]), row["id"], row["doc_id"], row["text"], dict(json.loads(row["meta"]))
    )
