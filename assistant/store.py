"""The Chroma store: chunks (embedded) plus structured records, motie parts, links and a file log.

Collections (prefix `kamer` by default):
- `<prefix>_chunks`: the searchable chunks, one embedding each, written through llama-index's
  ChromaVectorStore so llama-index retrievers can read them.
- `<prefix>_records`: one record per document (moties with votes, toezeggingen, letters, Document
  metadata), the full document as JSON. Records are fetched by id or metadata filter, never by
  similarity, so they carry a constant 1-dimensional vector instead of an embedding.
- `<prefix>_parts`: the raw motie parts (Zaak with votes, Zaak with documents, XML text) so that a
  part arriving in a later ingest is joined with the parts already stored.
- `<prefix>_links`: references between documents (source -> target), for lookups both ways.
- `<prefix>_files`: which file (path, sha256) produced which documents: makes ingest incremental.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

from assistant.documents import Document, Reference
from assistant.errors import StoreError
from assistant.settings import Settings

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import chromadb  # noqa: E402  (telemetry must be off before the import)
from chromadb.api import ClientAPI  # noqa: E402
from chromadb.api.models.Collection import Collection  # noqa: E402
from chromadb.config import Settings as ChromaSettings  # noqa: E402

PLACEHOLDER = [1.0]
Metadata = dict[str, Any]


def placeholders(count: int) -> Any:
    """Constant vectors for collections that are looked up by id and filter, never by vector."""
    return [PLACEHOLDER] * count


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


def clean_metadata(values: dict[str, Any]) -> Metadata:
    """Chroma metadata takes str/int/float/bool only: drop None, stringify the rest."""
    result: Metadata = {}
    for key, value in values.items():
        if value is None or value == "":
            continue
        result[key] = value if isinstance(value, str | int | float | bool) else str(value)
    return result


def record_metadata(doc: Document) -> Metadata:
    motion = doc.motion
    values: dict[str, Any] = {
        "type": doc.type,
        "title": doc.title[:500],
        "date": date_int(doc.date),
        "vergaderjaar": doc.vergaderjaar,
        "dossier": doc.dossier,
        "source": doc.source,
        "kind": doc.extra.get("kind"),
        "metadata_only": bool(doc.extra.get("metadata_only", False)),
        "outcome": motion.outcome if motion else None,
        "status": doc.extra.get("status"),
        "afzender": doc.afzender,
        "indieners": ", ".join(p.name for p in doc.indieners) or None,
        "commitments": len(doc.extra.get("commitments") or []) or None,
        "sitting": doc.extra.get("sitting"),
    }
    for key, value in doc.ids.items():
        values[f"id_{key}"] = value
    return clean_metadata(values)


@dataclass(frozen=True)
class FileEntry:
    path: str
    sha256: str
    doc_ids: list[str]
    version: int = 0


def build_client(settings: Settings) -> ClientAPI:
    """A PersistentClient in the store folder, or an HttpClient when a server is configured."""
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
    except (ValueError, OSError) as error:
        raise StoreError(
            f"Kan de index niet openen ({settings.describe_store()}): {error}"
        ) from None


class Store:
    def __init__(self, client: ClientAPI, settings: Settings) -> None:
        self.client = client
        self.settings = settings
        prefix = settings.collection_prefix

        def collection(name: str) -> Collection:
            return client.get_or_create_collection(
                f"{prefix}_{name}", embedding_function=None, metadata={"hnsw:space": "cosine"}
            )

        self.chunks = collection("chunks")
        self.records = collection("records")
        self.parts = collection("parts")
        self.links = collection("links")
        self.files = collection("files")
        self.batch = max(1, min(client.get_max_batch_size(), 5000))

    @classmethod
    def open(cls, settings: Settings) -> Store:
        return cls(build_client(settings), settings)

    def describe(self) -> str:
        return self.settings.describe_store()

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
        if not doc_ids:
            return []
        got = self.chunks.get(where=where({"doc_id": {"$in": list(doc_ids)}}), include=[])
        return list(got["ids"])

    def update_chunk_metadata(self, ids: Sequence[str], metadatas: Sequence[Metadata]) -> None:
        for start in range(0, len(ids), self.batch):
            self.chunks.update(
                ids=list(ids[start : start + self.batch]),
                metadatas=[clean_metadata(m) for m in metadatas[start : start + self.batch]],
            )

    def delete_chunks(self, ids: Sequence[str]) -> None:
        for start in range(0, len(ids), self.batch):
            self.chunks.delete(ids=list(ids[start : start + self.batch]))

    def get_chunks(self, doc_id: str) -> list[tuple[str, str, Metadata]]:
        got = self.chunks.get(where={"doc_id": doc_id}, include=["documents", "metadatas"])
        rows = [
            (cid, text or "", dict(meta or {}))
            for cid, text, meta in zip(
                got["ids"], got["documents"] or [], got["metadatas"] or [], strict=False
            )
        ]
        return sorted(rows, key=lambda row: int(row[2].get("chunk_index", 0)))

    # -- records ---------------------------------------------------------------------------

    def put_documents(self, docs: Sequence[Document]) -> None:
        for start in range(0, len(docs), self.batch):
            part = docs[start : start + self.batch]
            self.records.upsert(
                ids=[d.id for d in part],
                embeddings=placeholders(len(part)),
                documents=[json.dumps(d.to_dict(), ensure_ascii=False) for d in part],
                metadatas=[record_metadata(d) for d in part],
            )

    def get_document(self, identifier: str) -> Document | None:
        """By canonical id, or by any kept identifier (Zaak nummer, DocumentNummer, ...)."""
        got = self.records.get(ids=[identifier], include=["documents"])
        if not got["ids"]:
            for key in ("zaak", "documentnummer", "publicatie", "toezegging", "referentie"):
                got = self.records.get(
                    where={f"id_{key}": identifier}, include=["documents"], limit=1
                )
                if got["ids"]:
                    break
        documents = got["documents"] or []
        return Document.from_dict(json.loads(documents[0])) if documents else None

    def has_documents(self, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(ids), self.batch):
            found.update(
                self.records.get(ids=list(ids[start : start + self.batch]), include=[])["ids"]
            )
        return found

    def delete_document(self, doc_id: str) -> None:
        self.records.delete(ids=[doc_id])
        self.chunks.delete(where={"doc_id": doc_id})
        self.links.delete(where={"source": doc_id})

    def full_document_numbers(self, numbers: Sequence[str]) -> set[str]:
        """Which of these DocumentNummers belong to a full (not metadata-only) record."""
        found: set[str] = set()
        for start in range(0, len(numbers), 1000):
            got = self.records.get(
                where=where(
                    {
                        "$and": [
                            {"id_documentnummer": {"$in": list(numbers[start : start + 1000])}},
                            {"metadata_only": False},
                        ]
                    }
                ),
                include=["metadatas"],
            )
            found.update(str(m["id_documentnummer"]) for m in got["metadatas"] or [] if m)
        return found

    def delete_metadata_only(self, numbers: Sequence[str]) -> None:
        for start in range(0, len(numbers), 1000):
            self.records.delete(
                where=where(
                    {
                        "$and": [
                            {"metadata_only": True},
                            {"id_documentnummer": {"$in": list(numbers[start : start + 1000])}},
                        ]
                    }
                )
            )

    def sitting_date(self, sitting: str) -> dt.date | None:
        """The date of a Handelingen sitting, from any stored item of it that has one."""
        got = self.records.get(where=where({"sitting": sitting}), include=["metadatas"])
        dates = [int_date(meta.get("date")) for meta in got["metadatas"] or [] if meta]
        return next((date for date in dates if date), None)

    def iter_record_metadata(self) -> Iterator[tuple[str, Metadata]]:
        offset = 0
        while True:
            got = self.records.get(include=["metadatas"], limit=self.batch, offset=offset)
            if not got["ids"]:
                return
            for rid, meta in zip(got["ids"], got["metadatas"] or [], strict=False):
                yield rid, dict(meta or {})
            offset += len(got["ids"])

    # -- motie parts -----------------------------------------------------------------------

    def put_parts(self, parts: Sequence[tuple[str, Document]]) -> None:
        for start in range(0, len(parts), self.batch):
            chunk = parts[start : start + self.batch]
            self.parts.upsert(
                ids=[key for key, _ in chunk],
                embeddings=placeholders(len(chunk)),
                documents=[json.dumps(doc.to_dict(), ensure_ascii=False) for _, doc in chunk],
                metadatas=[
                    clean_metadata(
                        {
                            "zaak_id": doc.ids.get("zaak_id"),
                            "kst": doc.id if doc.id.startswith("kst-") else None,
                            "publicatie": doc.ids.get("publicatie"),
                            "source": doc.source,
                        }
                    )
                    for _, doc in chunk
                ],
            )

    def parts_matching(self, field: str, values: Iterable[str]) -> dict[str, Document]:
        wanted = sorted(set(values))
        found: dict[str, Document] = {}
        for start in range(0, len(wanted), self.batch):
            got = self.parts.get(
                where=where({field: {"$in": wanted[start : start + self.batch]}}),
                include=["documents"],
            )
            for key, payload in zip(got["ids"], got["documents"] or [], strict=False):
                found[key] = Document.from_dict(json.loads(payload))
        return found

    def delete_parts_from(self, source: str) -> None:
        self.parts.delete(where={"source": source})

    # -- links -----------------------------------------------------------------------------

    def put_links(self, docs: Sequence[Document]) -> None:
        """Replace the outgoing links of these documents by their current references."""
        for start in range(0, len(docs), self.batch):
            part = docs[start : start + self.batch]
            self.links.delete(where=where({"source": {"$in": [d.id for d in part]}}))
            unique: dict[str, tuple[str, Reference]] = {}
            for doc in part:
                for ref in doc.references:
                    if ref.target != doc.id:
                        unique.setdefault(f"{doc.id}>{ref.target}>{ref.anchor}", (doc.id, ref))
            if not unique:
                continue
            self.links.upsert(
                ids=list(unique),
                embeddings=placeholders(len(unique)),
                documents=[ref.context for _, ref in unique.values()],
                metadatas=[
                    clean_metadata(
                        {
                            "source": source,
                            "target": ref.target,
                            "anchor": ref.anchor,
                            "footnote": ref.footnote,
                        }
                    )
                    for source, ref in unique.values()
                ],
            )

    def links_to(self, doc_id: str) -> list[Reference]:
        """Documents that refer to doc_id, as references whose target is the referring document."""
        got = self.links.get(where={"target": doc_id}, include=["documents", "metadatas"])
        return [
            Reference(
                target=str(meta["source"]),
                anchor=str(meta.get("anchor", "")),
                context=text or "",
                footnote=str(meta["footnote"]) if "footnote" in meta else None,
            )
            for text, meta in zip(got["documents"] or [], got["metadatas"] or [], strict=False)
            if meta
        ]

    # -- file log --------------------------------------------------------------------------

    def file_entry(self, file_key: str) -> FileEntry | None:
        return self.file_entries([file_key]).get(file_key)

    def file_entries(self, keys: Sequence[str]) -> dict[str, FileEntry]:
        found: dict[str, FileEntry] = {}
        for start in range(0, len(keys), self.batch):
            got = self.files.get(ids=list(keys[start : start + self.batch]), include=["metadatas"])
            for key, meta in zip(got["ids"], got["metadatas"] or [], strict=False):
                if meta:
                    found[key] = FileEntry(
                        str(meta["path"]),
                        str(meta["sha256"]),
                        json.loads(str(meta.get("doc_ids", "[]"))),
                        int(str(meta.get("version", 0))),
                    )
        return found

    def put_file_entries(self, entries: dict[str, FileEntry]) -> None:
        keys = list(entries)
        for start in range(0, len(keys), self.batch):
            part = keys[start : start + self.batch]
            self.files.upsert(
                ids=part,
                embeddings=placeholders(len(part)),
                metadatas=[
                    {
                        "path": entries[k].path,
                        "sha256": entries[k].sha256,
                        "doc_ids": json.dumps(entries[k].doc_ids),
                        "version": entries[k].version,
                    }
                    for k in part
                ],
            )

    def known_file_hashes(self, version: int = 0) -> dict[str, str]:
        """file key -> sha256 of every file already ingested by this pipeline version."""
        result: dict[str, str] = {}
        offset = 0
        while True:
            got = self.files.get(include=["metadatas"], limit=self.batch, offset=offset)
            if not got["ids"]:
                return result
            for key, meta in zip(got["ids"], got["metadatas"] or [], strict=False):
                if meta and int(str(meta.get("version", 0))) >= version:
                    result[key] = str(meta["sha256"])
            offset += len(got["ids"])

    # -- overview --------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        by_type: Counter[str] = Counter()
        dates: list[int] = []
        for _, meta in self.iter_record_metadata():
            kind = str(meta.get("type", "?"))
            if meta.get("metadata_only"):
                kind = f"{kind} (alleen metadata)"
            by_type[kind] += 1
            if isinstance(meta.get("date"), int):
                dates.append(int(meta["date"]))
        first = str(min(dates)) if dates else None
        last = str(max(dates)) if dates else None
        return {
            "store": self.describe(),
            "documents": sum(by_type.values()),
            "chunks": self.chunks.count(),
            "links": self.links.count(),
            "files": self.files.count(),
            "by_type": dict(by_type.most_common()),
            "first_date": f"{first[:4]}-{first[4:6]}-{first[6:]}" if first else None,
            "last_date": f"{last[:4]}-{last[4:6]}-{last[6:]}" if last else None,
        }
