"""A store: chunk vectors in Chroma, everything structured in SQLite (`assistant.records`).

- Chroma collection `<prefix>_chunks` (prefix `kamer` by default): the searchable chunks, one
  embedding each, written through llama-index's ChromaVectorStore so llama-index retrievers can
  read them. A PersistentClient in the store folder, or a Chroma server (HttpClient).
- `records.sqlite3` in the store folder: one record per document (moties with votes,
  toezeggingen, letters, Document metadata), identifiers, votes per fractie, links between
  documents, motie parts and the file log.

Every writer (CLI ingest, upload, first-start ingest) holds `writer_lock()`: one at a time, and
none on a read-only store or a full disk (a Dutch message instead). A read-only store still
answers: Chroma's PersistentClient writes to chroma.sqlite3 whenever it starts (chromadb 1.5,
also with migrations="validate"), so there a search uses the lexical index only.
A store from before the SQLite records (records as JSON in Chroma collections) is converted on
first open.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from assistant.documents import Document, Reference
from assistant.errors import DiskFull, KamerError, ReadOnlyStore, StoreError
from assistant.lexical import ChunkRow, Lexical
from assistant.records import (
    FILE_NAME,
    FileEntry,
    RecordFilter,
    Records,
    damage,
    disk_full,
    out_of_space,
    writable,
)
from assistant.settings import Settings

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

Metadata = dict[str, Any]


def where(clause: dict[str, Any]) -> Any:
    """Chroma's Where type is a deep union of literals; our clauses are plain dicts."""
    return clause


@overload
def date_int(value: dt.date) -> int: ...
@overload
def date_int(value: None) -> None: ...
@overload
def date_int(value: dt.date | None) -> int | None: ...


def date_int(value: dt.date | None) -> int | None:
    """2024-12-11 -> 20241211, so Chroma can filter date ranges with $gte / $lte."""
    return value.year * 10000 + value.month * 100 + value.day if value else None


def int_date(value: object) -> dt.date | None:
    """20241211 -> 2024-12-11; anything else -> None."""
    if not isinstance(value, int):
        return None
    try:
        return dt.date(value // 10000, value // 100 % 100, value % 100)
    except ValueError:
        return None


# What Chroma keeps with a vector: the fields its own filter reads (`Filters.chroma_where`)
# and the document. A passage's text and other metadata are in the lexical index only; the
# text and llama-index's node JSON beside each vector were most of a 1M-passage store.
VECTOR_FIELDS = ("doc_id", "type", "date", "outcome")


def vector_metadata(values: dict[str, Any]) -> Metadata:
    return clean_metadata({key: values.get(key) for key in VECTOR_FIELDS})


def clean_metadata(values: dict[str, Any]) -> Metadata:
    """Chroma metadata takes str/int/float/bool only: drop None, stringify the rest."""
    result: Metadata = {}
    for key, value in values.items():
        if value is None or value == "":
            continue
        result[key] = value if isinstance(value, str | int | float | bool) else str(value)
    return result


def build_client(settings: Settings) -> ClientAPI:
    """A PersistentClient in the store folder, or an HttpClient when a server is configured."""
    # Imported here, not at the top: `kamer --help` and the records need no Chroma.
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from chromadb.errors import ChromaError

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    try:
        if settings.chroma_host:
            headers = (
                {"Authorization": f"Bearer {settings.chroma_token}"}
                if settings.chroma_token
                else None
            )
            return chromadb.HttpClient(
                host=settings.chroma_host,
                port=settings.chroma_port,
                ssl=settings.chroma_ssl,
                headers=headers,
                settings=chroma_settings,
            )
        settings.store.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.store), settings=chroma_settings)
    except (ValueError, OSError, ChromaError) as error:
        raise unopened(settings, error) from None


CHROMA_FILE = "chroma.sqlite3"


def unopened(settings: Settings, error: Exception) -> StoreError:
    """Why Chroma did not open the vectors. Its errors tell only in their text (an
    InternalError carrying SQLite's message), so the store folder is looked at instead."""
    folder = settings.store
    if not settings.chroma_host:
        if disk_full(folder):
            return DiskFull(folder)
        if not writable(folder / CHROMA_FILE):
            return ReadOnlyStore(folder)
        if damaged := damaged_vectors(folder):
            return damaged
    return StoreError(f"Kan de index niet openen ({settings.describe_store()}): {error}")


def damaged_vectors(folder: Path) -> StoreError | None:
    """A vector file SQLite cannot read (overwritten, cut short), with what to do."""
    path = folder / CHROMA_FILE
    found = damage(path)
    if found is None:
        return None
    return StoreError(
        f"De vectorindex {path} is niet te openen ({found}). Herstel een back-up van de map "
        "of bouw de index opnieuw op: verwijder de map en draai `kamer ingest` met de "
        "bronbestanden."
    )


# What `kamer sync` (ingest/sync.py) keeps in the meta table about the source's freshness.
SYNC_NEWEST = "sync:newest_change"  # newest ApiGewijzigdOp seen (UTC)
SYNC_LAST_RUN = "sync:last_run"  # when the last sync finished without error (UTC)
SYNC_LAST_ERROR = "sync:last_error"  # {"at", "message"} of the last failed sync, or ""

LEGACY_COLLECTIONS = ("records", "parts", "links", "files")
VECTORS_KEY = "vectors"
CHECKED_KEY = "legacy_checked"
WAITING = "Een andere schrijver werkt de index bij ({store}); wachten tot die klaar is ..."
NO_VECTORS = (
    "Let op: {why}, en Chroma opent de vectoren alleen met schrijfrechten en vrije ruimte. "
    "Vragen worden nu alleen op woorden gezocht (BM25), niet op betekenis."
)


def local_folder(settings: Settings) -> Path:
    """Where a store keeps its local files (records, lock, uploads): the store folder, also
    when the vectors live on a Chroma server."""
    try:
        settings.store.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"Kan de map {settings.store} niet maken: {error.strerror}.") from None
    return settings.store


def notify(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Store:
    """Records and the lexical index open at once (SQLite); Chroma only when vectors are
    needed, so a structured question or `kamer stats` never starts it."""

    def __init__(self, settings: Settings, notice: Callable[[str], None] = notify) -> None:
        self.settings = settings
        self.notice = notice
        self._client: ClientAPI | None = None
        self._chunks: Collection | None = None
        self.db = Records(local_folder(settings) / FILE_NAME)
        self.lexical = Lexical(self.db)
        self._lock_depth = 0
        self._thread_lock = threading.RLock()
        # Chroma's client is opened once per process: two threads opening it at the same moment
        # (the app's warm-up and a first question) break each other's client.
        self._open_lock = threading.RLock()
        if self.db.meta(CHECKED_KEY) is None and not self.db.read_only:
            # Once per store: what an older version left in Chroma comes over.
            with self.writer_lock():
                if self.db.meta(CHECKED_KEY) is None:  # not done while we waited
                    self._convert_legacy_records()
                    self._fill_lexical_index()
                    self.db.set_meta(CHECKED_KEY, "1")

    @classmethod
    def open(cls, settings: Settings, notice: Callable[[str], None] = notify) -> Store:
        return cls(settings, notice)

    @property
    def client(self) -> ClientAPI:
        with self._open_lock:
            if self._client is None:
                self._client = build_client(self.settings)
            return self._client

    @property
    def chunks(self) -> Collection:
        """The chunk vectors (opened on first use, and checked to belong to these records)."""
        with self._open_lock:
            return self._open_chunks()

    def _open_chunks(self) -> Collection:
        if self._chunks is None:
            from chromadb.errors import ChromaError

            try:
                collection = self.client.get_or_create_collection(
                    f"{self.settings.collection_prefix}_chunks",
                    embedding_function=None,
                    metadata={"hnsw:space": "cosine"},
                )
            except ChromaError as error:
                raise unopened(self.settings, error) from None
            self._check_vectors_belong(collection)
            self._chunks = collection
        return self._chunks

    @property
    def batch(self) -> int:
        return max(1, min(self.client.get_max_batch_size(), 5000))

    def _check_vectors_belong(self, collection: Collection) -> None:
        """The records and the chunk vectors are two halves of one store: records written
        next to one Chroma collection say nothing true about another (a new server, a deleted
        collection). Refuse that mix instead of answering from it."""
        # The collection's id, not its address: a store folder may move, a server be renamed.
        vectors = f"{collection.name} {collection.id}"
        known = self.db.meta(VECTORS_KEY)
        if known is None or (known != vectors and self.db.counts().documents == 0):
            if not self.db.read_only:
                self.db.set_meta(VECTORS_KEY, vectors)
        elif known != vectors:
            raise StoreError(
                f"De records in {local_folder(self.settings)} horen bij een andere "
                f"vectorcollectie ({known}) dan die in {self.describe()} ({vectors}). Gebruik per "
                "Chroma-server of collectie een eigen map (KAMER_STORE), of verwijder de map om "
                "de index opnieuw op te bouwen."
            )

    def describe(self) -> str:
        return self.settings.describe_store()

    def vectors_unavailable(self) -> str | None:
        """Why a search cannot read the chunk vectors now (a Dutch notice), or None. Asked
        before Chroma starts, so that a read-only store or a full disk still answers, from
        the lexical index; a Chroma server keeps its own files."""
        if self.settings.chroma_host:
            return None
        folder = local_folder(self.settings)
        if self.db.full or disk_full(folder):
            why = f"de schijf van de index in {folder} is vol"
        elif self.db.read_only or not writable(folder / CHROMA_FILE):
            why = f"de index in {folder} is alleen-lezen"
        else:
            return None
        return NO_VECTORS.format(why=why)

    # -- one writer at a time ----------------------------------------------------------------

    @contextmanager
    def writer_lock(self) -> Iterator[None]:
        """Held by every writer of this store: across processes (a lock file in the store
        folder) and across the threads of one process (the app's sessions share one Store).
        Re-entrant within a thread, so the app can hold it around an ingest. A writer that
        runs out of disk space stops with `DiskFull`."""
        self.db.check_writable()
        if not self._thread_lock.acquire(blocking=False):
            self.notice(WAITING.format(store=self.describe()))
            self._thread_lock.acquire()
        try:
            if self._lock_depth:
                self._lock_depth += 1
                try:
                    yield
                finally:
                    self._lock_depth -= 1
                return
            with (local_folder(self.settings) / ".ingest.lock").open("w") as handle:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    self.notice(WAITING.format(store=self.describe()))
                    fcntl.flock(handle, fcntl.LOCK_EX)
                self._lock_depth = 1
                try:
                    yield
                except Exception as error:
                    # Chroma tells of a full disk only in its error's text ("database or disk
                    # is full", "Error in compaction"): a writer that failed on a disk with no
                    # room left has run out of it.
                    folder = local_folder(self.settings)
                    if isinstance(error, KamerError) or not (
                        out_of_space(error) or disk_full(folder)
                    ):
                        raise
                    raise DiskFull(folder) from error
                finally:
                    self._lock_depth = 0
                    fcntl.flock(handle, fcntl.LOCK_UN)
        finally:
            self._thread_lock.release()

    # -- a store from before the SQLite records --------------------------------------------

    def _convert_legacy_records(self) -> None:
        """Records, parts, links and the file log used to be JSON in Chroma collections;
        copy them into SQLite once (one transaction) and drop the old collections."""
        prefix = self.settings.collection_prefix
        names = {c if isinstance(c, str) else c.name for c in self.client.list_collections()}
        legacy = [n for n in LEGACY_COLLECTIONS if f"{prefix}_{n}" in names]
        if not legacy:
            return
        old = {n: self.client.get_collection(f"{prefix}_{n}") for n in legacy}
        total = sum(c.count() for c in old.values())
        if total:
            self.notice(
                f"De index in {self.describe()} wordt omgezet naar het nieuwe formaat "
                f"(records in SQLite): {total} regels ..."
            )
        with self.writer_lock(), self.db.transaction():
            for name, collection in old.items():
                for ids, bodies, metas in _all_rows(collection, self.batch):
                    if name == "records":
                        self.db.put_documents([_document(b) for b in bodies])
                    elif name == "parts":
                        self.db.put_parts(
                            list(zip(ids, (_document(b) for b in bodies), strict=True))
                        )
                    elif name == "links":
                        self.db.put_link_rows(
                            [
                                (
                                    str(m["source"]),
                                    str(m["target"]),
                                    str(m.get("anchor", "")),
                                    str(m["footnote"]) if "footnote" in m else None,
                                    body,
                                )
                                for body, m in zip(bodies, metas, strict=True)
                            ]
                        )
                    else:
                        self.db.put_file_entries(
                            {
                                key: FileEntry(
                                    str(m["path"]),
                                    str(m["sha256"]),
                                    json.loads(str(m.get("doc_ids", "[]"))),
                                    int(str(m.get("version", 0))),
                                )
                                for key, m in zip(ids, metas, strict=True)
                            }
                        )
        for name in legacy:
            self.client.delete_collection(f"{prefix}_{name}")
        if total:
            self.notice("Omzetten klaar.")

    def _fill_lexical_index(self) -> None:
        """Passages that Chroma holds and the lexical index does not (a store from before the
        SQLite index): copied once, with their text and metadata."""
        if self.lexical.count() or not self.chunks.count():
            return
        total = self.chunks.count()
        self.notice(f"De zoekindex in {self.describe()} wordt opgebouwd: {total} passages ...")
        with self.writer_lock(), self.db.transaction():
            offset = 0
            while True:
                got = self.chunks.get(
                    include=["documents", "metadatas"], limit=self.batch, offset=offset
                )
                if not got["ids"]:
                    break
                self.lexical.put(
                    [
                        ChunkRow(cid, str((meta or {}).get("doc_id", "")), text, dict(meta or {}))
                        for cid, text, meta in zip(
                            got["ids"], got["documents"] or [], got["metadatas"] or [], strict=False
                        )
                        if text
                    ]
                )
                offset += len(got["ids"])
        self.notice("Zoekindex klaar.")

    # -- chunks ----------------------------------------------------------------------------

    def existing_chunk_ids(self, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(ids), self.batch):
            found.update(
                self.chunks.get(ids=list(ids[start : start + self.batch]), include=[])["ids"]
            )
        return found

    def chunk_ids_of(self, doc_id: str) -> list[str]:
        return list(self.chunks.get(where={"doc_id": doc_id}, include=[])["ids"])

    def chunk_ids_of_many(self, doc_ids: Sequence[str]) -> list[str]:
        """Passages of these documents, in the lexical index or with a vector (an ingest that
        stopped half-way leaves one without the other)."""
        if not doc_ids:
            return []
        got = self.chunks.get(where=where({"doc_id": {"$in": list(doc_ids)}}), include=[])
        return list(dict.fromkeys([*self.lexical.ids_of(doc_ids), *got["ids"]]))

    def put_vectors(
        self,
        ids: Sequence[str],
        vectors: Sequence[Sequence[float]],
        metadatas: Sequence[dict[str, Any]],
    ) -> None:
        """Passage vectors with the few fields Chroma filters on (`VECTOR_FIELDS`)."""
        import numpy as np

        for start in range(0, len(ids), self.batch):
            end = start + self.batch
            self.chunks.add(
                ids=list(ids[start:end]),
                embeddings=np.asarray(vectors[start:end], dtype=np.float32),
                metadatas=[vector_metadata(m) for m in metadatas[start:end]],
            )

    def update_chunk_metadata(
        self, ids: Sequence[str], metadatas: Sequence[dict[str, Any]]
    ) -> None:
        for start in range(0, len(ids), self.batch):
            self.chunks.update(
                ids=list(ids[start : start + self.batch]),
                metadatas=[vector_metadata(m) for m in metadatas[start : start + self.batch]],
            )

    def delete_chunks(self, ids: Sequence[str]) -> None:
        self.lexical.delete(ids)
        for start in range(0, len(ids), self.batch):
            self.chunks.delete(ids=list(ids[start : start + self.batch]))

    def get_chunks(self, doc_id: str) -> list[tuple[str, str, Metadata]]:
        return [(c.id, c.text, c.meta) for c in self.lexical.of_documents([doc_id])]

    def put_batch(
        self, docs: Sequence[Document], chunks: Sequence[ChunkRow], stale: Sequence[str] = ()
    ) -> None:
        """Documents with their identifiers, votes and links, their passages in the lexical
        index and the `stale` passages they no longer have removed: one transaction, so a
        failure (a full disk) leaves the store as it was. The stale vectors go after it."""
        with self.db.transaction():
            self.lexical.delete(stale)
            self.db.put_documents(docs)
            self.db.put_links(docs)
            self.lexical.put(chunks)
        if stale:
            for start in range(0, len(stale), self.batch):
                self.chunks.delete(ids=list(stale[start : start + self.batch]))

    # -- records ---------------------------------------------------------------------------

    def put_documents(self, docs: Sequence[Document]) -> None:
        self.db.put_documents(docs)

    def get_document(self, identifier: str) -> Document | None:
        """By canonical id, or by any kept identifier (Zaak nummer, DocumentNummer, ...)."""
        return self.db.get_document(identifier)

    def has_documents(self, ids: Sequence[str]) -> set[str]:
        return self.db.existing(ids)

    def document_count(self) -> int:
        return self.db.document_count()

    def record_ids(self, where: RecordFilter, limit: int | None = None) -> list[str]:
        return self.db.ids(where, limit)

    def record_column(self, where: RecordFilter, name: str) -> dict[str, str]:
        return self.db.column(where, name)

    def documents(
        self, where: RecordFilter, limit: int | None = None, newest: bool = False
    ) -> list[Document]:
        return self.db.documents(where, limit, newest)

    def count(self, where: RecordFilter) -> int:
        return self.db.count(where)

    def latest(
        self, ids: Sequence[str], exclude_types: Sequence[str], limit: int
    ) -> list[Document]:
        """The `limit` newest of these records whose type is none of `exclude_types`."""
        return self.db.latest(ids, exclude_types, limit)

    def ids_with(self, kind: str, value: str) -> list[str]:
        return self.db.ids_with(kind, value)

    def documents_with_commitments(self) -> list[Document]:
        return self.db.with_commitments()

    def titled(
        self, word: str, types: Sequence[str], after: dt.date | None, limit: int = 50
    ) -> list[tuple[str, str, dt.date | None]]:
        return [
            (doc_id, title, int_date(day))
            for doc_id, title, day in self.db.titled(word, types, date_int(after), limit)
        ]

    def delete_document(self, doc_id: str) -> None:
        # Its vectors by id, from the lexical index (which gets every passage before its
        # vector): Chroma's metadata filter costs 0.1 s per call at 1M passages, ids 5 ms.
        ids = self.lexical.ids_of([doc_id])
        with self.db.transaction():
            self.db.delete_document(doc_id)
            self.lexical.delete_of(doc_id)
        if ids:
            self.chunks.delete(ids=ids)

    def subjects_to_embed(self) -> list[tuple[str, str]]:
        """The moties whose subject vector is missing or stale; vectors of documents no longer
        stored are dropped on the way."""
        self.db.drop_orphan_subject_vectors()
        return self.db.subjects_to_embed()

    def put_subject_vectors(self, rows: Sequence[tuple[str, str, bytes]]) -> None:
        self.db.put_subject_vectors(rows)

    def subject_vectors(self, doc_ids: Sequence[str]) -> dict[str, tuple[str, bytes]]:
        """Each motie's subject and its vector (see `records.pack_vector`); moties without one
        are left out (a store from before they existed, until the next ingest)."""
        return self.db.subject_vectors(doc_ids)

    def full_document_numbers(self, numbers: Sequence[str]) -> set[str]:
        """Which of these DocumentNummers belong to a full (not metadata-only) record."""
        return self.db.full_document_numbers(numbers)

    def delete_metadata_only(self, numbers: Sequence[str]) -> None:
        self.db.delete_metadata_only(numbers)

    def sitting_date(self, sitting: str) -> dt.date | None:
        """The date of a Handelingen sitting, from any stored item of it that has one."""
        return int_date(self.db.sitting_date(sitting))

    # -- motie parts -----------------------------------------------------------------------

    def put_parts(self, parts: Sequence[tuple[str, Document]]) -> None:
        self.db.put_parts(parts)

    def parts_matching(self, field: str, values: Iterable[str]) -> dict[str, Document]:
        return self.db.parts_matching(field, values)

    def delete_parts_from(self, source: str) -> None:
        self.db.delete_parts_from(source)

    # -- links -----------------------------------------------------------------------------

    def put_links(self, docs: Sequence[Document]) -> None:
        """Replace the outgoing links of these documents by their current references."""
        self.db.put_links(docs)

    def links_to(self, doc_id: str) -> list[Reference]:
        """Documents that refer to doc_id, as references whose target is the referring document."""
        return [
            Reference(
                target=link.source, anchor=link.anchor, context=link.context, footnote=link.footnote
            )
            for link in self.db.links_to(doc_id)
        ]

    def sources_linking_under(self, prefix: str) -> list[str]:
        return self.db.sources_linking_under(prefix)

    # -- file log --------------------------------------------------------------------------

    def file_entry(self, file_key: str) -> FileEntry | None:
        return self.file_entries([file_key]).get(file_key)

    def file_entries(self, keys: Sequence[str]) -> dict[str, FileEntry]:
        return self.db.file_entries(keys)

    def put_file_entries(self, entries: dict[str, FileEntry]) -> None:
        self.db.put_file_entries(entries)

    def file_with_content(self, sha256: str, version: int) -> tuple[str, FileEntry] | None:
        return self.db.file_with_content(sha256, version)

    def known_file_hashes(self, version: int = 0) -> dict[str, str]:
        """file key -> sha256 of every file already ingested by this pipeline version."""
        return self.db.known_file_hashes(version)

    # -- overview --------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """What the records say, after a look at the vector file (its schema only): a store
        whose vectors cannot be read is reported, not counted."""
        if not self.settings.chroma_host and (damaged := damaged_vectors(self.settings.store)):
            raise damaged
        counts = self.db.counts()
        first, last = int_date(counts.first_date), int_date(counts.last_date)
        return {
            "store": self.describe(),
            "documents": counts.documents,
            "chunks": counts.chunks,
            "links": counts.links,
            "files": counts.files,
            "by_type": counts.by_type,
            "first_date": first.isoformat() if first else None,
            "last_date": last.isoformat() if last else None,
            "sync": self.sync_state(),
        }

    def dossier_title(self, dossier: str) -> str | None:
        """A dossier's title as the Kamer's Kamerstukdossier record has it (after a sync)."""
        key = "-".join(dossier.lower().split())
        titles = [r.get("Titel") for r in self.db.reference("Kamerstukdossier", key)]
        return next((str(t) for t in titles if isinstance(t, str) and t.strip()), None)

    def sync_state(self, now: dt.datetime | None = None) -> dict[str, Any] | None:
        """How fresh the synced records are (None for a store that was never synced)."""
        last_run, newest = self.db.meta(SYNC_LAST_RUN), self.db.meta(SYNC_NEWEST)
        try:
            error = json.loads(self.db.meta(SYNC_LAST_ERROR) or "null")
            finished = dt.datetime.fromisoformat(last_run) if last_run else None
        except ValueError:  # written by the sync itself; damaged, it says nothing
            error, finished = None, None
        if not (last_run or newest or error):
            return None
        now = now or dt.datetime.now(dt.UTC)
        max_age = dt.timedelta(hours=self.settings.sync_max_age_hours)
        return {
            "newest_change": newest,
            "last_run": last_run,
            "max_age_hours": self.settings.sync_max_age_hours,
            "stale": finished is None or now - finished > max_age,
            "last_error": error if isinstance(error, dict) else None,
            "reference": self.db.reference_counts(),
        }


def _document(body: str | None) -> Document:
    return Document.from_dict(json.loads(body or "{}"))


def _all_rows(
    collection: Collection, batch: int
) -> Iterator[tuple[list[str], list[str], list[dict[str, Any]]]]:
    offset = 0
    while True:
        got = collection.get(include=["documents", "metadatas"], limit=batch, offset=offset)
        if not got["ids"]:
            return
        bodies = [b or "" for b in got["documents"] or [""] * len(got["ids"])]
        metas = [dict(m or {}) for m in got["metadatas"] or [{}] * len(got["ids"])]
        yield list(got["ids"]), bodies, metas
        offset += len(got["ids"])
