"""Ingest: files -> readers -> documents (motie parts joined) -> chunks -> embeddings -> store.

Idempotent and incremental: a file whose sha256 is already logged is skipped; chunk ids derive
from content, so re-embedding happens only for text that is new; a changed file replaces what it
produced before. An ingest killed halfway leaves the file log unwritten for the unfinished files,
so the next run redoes them without creating duplicates.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
import os
import re
import stat
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from assistant.documents import DOCUMENT, Document
from assistant.embed import Embedder
from assistant.errors import RejectedFile
from assistant.lexical import ChunkRow
from assistant.records import FileEntry, pack_vector
from assistant.settings import Settings
from assistant.store import Store
from ingest.chunk import Chunk, chunk_document
from ingest.commitments import Commitment, extract_commitments
from ingest.detect import choose_reader, default_readers
from ingest.extract import (
    find_references,
    long_date,
    resolve_footnote_references,
    vergaderjaar_of,
)
from ingest.merge import group_parts, is_motion_part, merge_motion, part_key, superseded_ids
from ingest.sources.base import READ_WARNING, Reader, check_text_size
from ingest.sources.odata import SkippedFile

INGESTED, UNCHANGED, DUPLICATE, SKIPPED, REJECTED = (
    "ingelezen",
    "ongewijzigd",
    "dubbel",
    "overgeslagen",
    "geweigerd",
)
WRITE_BATCH = 256
# Raised when what is extracted from a file changes: files logged under an older version are read
# again (their unchanged chunks keep their vectors).
PIPELINE_VERSION = 21
EMBED_BATCH = 64
NOT_REGULAR = "geen gewoon bestand (apparaat, FIFO of socket)"
BROKEN_LINK = "koppeling (symlink) naar een bestand dat niet bestaat, of een kringverwijzing"
# What a reader's own error means for the user; a reader that raises anything else is reported
# by the error's type alone (its message may hold paths or internals).
UNREADABLE: tuple[tuple[type[Exception], str], ...] = (
    (RecursionError, "te diep geneste structuur, niet te lezen"),
    (MemoryError, "te groot om in het geheugen te lezen"),
    (UnicodeError, "ongeldige tekens (verkeerde tekencodering), niet te lezen"),
    (zipfile.BadZipFile, "beschadigd zip-bestand, niet te lezen"),
    (SyntaxError, "ongeldige XML, niet te lezen"),  # xml.etree's and lxml's ParseError
    (OSError, "bestand niet leesbaar"),
)

logger = logging.getLogger(__name__)


@dataclass
class Assembled:
    """What one ingest will write: joined documents, which file gave which, parts, and ids that
    a join replaced."""

    documents: dict[str, Document]
    file_docs: dict[str, list[str]]
    new_parts: list[tuple[str, Document]]
    superseded: set[str]


class Progress(Protocol):
    """Where long work reports to: a tqdm bar in the CLI, a progress bar in the app."""

    def stage(self, name: str, total: int) -> None: ...

    def advance(self, amount: int = 1) -> None: ...

    def done(self) -> None: ...


class SilentProgress:
    def stage(self, name: str, total: int) -> None:
        return None

    def advance(self, amount: int = 1) -> None:
        return None

    def done(self) -> None:
        return None


@dataclass
class FileOutcome:
    path: str
    status: str
    reason: str = ""
    doc_ids: list[str] = field(default_factory=list)
    warning: str = ""  # read, but with a caveat (a guessed encoding, records left out)


@dataclass
class IngestReport:
    files: list[FileOutcome] = field(default_factory=list)
    documents: int = 0
    records: int = 0
    chunks_added: int = 0
    chunks_kept: int = 0
    chunks_removed: int = 0
    documents_removed: int = 0
    warnings: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def rejected(self) -> list[FileOutcome]:
        return [f for f in self.files if f.status == REJECTED]

    @property
    def ok(self) -> bool:
        return not self.rejected


def sitting_of(doc_id: str) -> str | None:
    """'h-tk-20172018-70-5' -> 'h-tk-20172018-70' (the sitting); other ids: None."""
    match = re.match(r"^(h-tk-\d{8}-\d+)-\d+$", doc_id)
    return match.group(1) if match else None


SITTING_ID_RE = re.compile(r"^h-tk-(\d{4})(\d{4})-(\d+)-\d+$")


def sitting_label(doc_id: str, date: dt.date | None) -> str | None:
    """'h-tk-20172018-70-7' -> 'Tweede Kamer, vergaderjaar 2017-2018, 70e vergadering, 5 april
    2018': the sitting an item belongs to, from its official identifier."""
    match = SITTING_ID_RE.match(doc_id)
    if match is None:
        return None
    start, end, number = match.groups()
    label = f"Tweede Kamer, vergaderjaar {start}-{end}, {int(number)}e vergadering"
    if date is not None:
        label += f", {long_date(date)}"
    return label


def commitment_record(commitment: Commitment) -> dict[str, object]:
    """A commitment as JSON-ready data, stored with the document that states it."""
    data = dataclasses.asdict(commitment)
    for key in ("made_on", "deadline_start", "deadline_end"):
        data[key] = data[key].isoformat() if data[key] else None
    data["references"] = list(commitment.references)
    data["details"] = list(commitment.details)
    data["context"] = list(commitment.context)
    return data


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_key(path: Path) -> str:
    return hashlib.sha1(os.fsencode(path.resolve())).hexdigest()


def printable(text: str) -> str:
    """Text that can be printed and stored. A file name that is not UTF-8 keeps its odd bytes
    as lone surrogates (PEP 383); they are shown as escapes: b'bad\\xff' -> 'bad\\\\xff'."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def read_warning(docs: list[Document]) -> str:
    """The readers' notes on one file (see READ_WARNING), taken out of its documents."""
    notes = [str(note) for doc in docs if (note := doc.extra.pop(READ_WARNING, None))]
    return printable("; ".join(dict.fromkeys(notes)))


def is_special(path: Path) -> bool:
    """A FIFO, device or socket: reading one may never end."""
    return path.exists() and not path.is_dir() and not path.is_file()


def unreadable(error: Exception) -> str:
    """The Dutch reason for a reader that tripped over its input: no traceback, no paths."""
    for kind, reason in UNREADABLE:
        if isinstance(error, kind):
            return reason
    return f"onleesbaar ({type(error).__name__})"


def discover(paths: Iterable[Path], report: IngestReport) -> list[Path]:
    """Files under the given paths, recursively, in a stable order; hidden files left out."""
    found: dict[Path, None] = {}
    for path in paths:
        if not path.exists():
            reason = BROKEN_LINK if path.is_symlink() else "bestaat niet"
            report.files.append(FileOutcome(printable(str(path)), REJECTED, reason))
        elif path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if any(p.startswith(".") for p in relative):
                    continue
                if child.is_file():
                    found.setdefault(child, None)
                elif is_special(child):
                    report.files.append(FileOutcome(printable(str(child)), SKIPPED, NOT_REGULAR))
                elif child.is_symlink() and not child.exists():
                    report.files.append(FileOutcome(printable(str(child)), REJECTED, BROKEN_LINK))
        elif is_special(path):
            report.files.append(FileOutcome(printable(str(path)), SKIPPED, NOT_REGULAR))
        else:
            found.setdefault(path, None)
    files = list(found)
    for path in files:
        if path.name.lower() == "readme.md":
            reason = "README van de map, geen document"
            report.files.append(FileOutcome(printable(str(path)), SKIPPED, reason))
    return [p for p in files if p.name.lower() != "readme.md"]


def add_references(doc: Document) -> None:
    seen = {(r.target, r.anchor) for r in doc.references}
    found = resolve_footnote_references(doc.text) if doc.text else find_references(doc.title)
    for ref in found:
        if ref.target != doc.id and (ref.target, ref.anchor) not in seen:
            seen.add((ref.target, ref.anchor))
            doc.references.append(ref)


class Ingestor:
    """Runs one ingest over a set of paths against one store."""

    def __init__(
        self,
        store: Store,
        embedder: Embedder,
        settings: Settings,
        progress: Progress | None = None,
        readers: list[Reader] | None = None,
        embed_batch: int = EMBED_BATCH,
        on_searchable: Callable[[], None] | None = None,
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.settings = settings
        self.progress = progress or SilentProgress()
        self.readers = readers or default_readers()
        self.embed_batch = embed_batch
        # Called when records and the lexical index are written, before the embeddings.
        self.on_searchable = on_searchable

    # -- reading ---------------------------------------------------------------------------

    def run(self, paths: Sequence[Path]) -> IngestReport:
        """Ingest the paths, holding the store's writer lock: one writer at a time."""
        with self.store.writer_lock():
            return self._run(paths)

    def _run(self, paths: Sequence[Path]) -> IngestReport:
        report = IngestReport()
        files = discover(paths, report)
        # What the file log says of these files, looked up by their keys (not the whole log).
        known = {
            key: entry.sha256
            for key, entry in self.store.file_entries([file_key(p) for p in files]).items()
            if entry.version >= PIPELINE_VERSION
        }
        produced: dict[str, list[Document]] = {}
        keys: dict[str, tuple[str, str]] = {}
        warnings: dict[str, str] = {}
        seen_hashes: dict[str, str] = {}
        max_bytes = self.settings.max_file_mb * 1024 * 1024

        self.progress.stage("Bestanden lezen", len(files))
        for path in files:
            self.progress.advance()
            outcome = self._read_one(path, max_bytes, known, seen_hashes)
            if isinstance(outcome, FileOutcome):
                report.files.append(outcome)
                continue
            docs, key, sha = outcome
            produced[str(path)] = docs
            keys[str(path)] = (key, sha)
            warnings[str(path)] = read_warning(docs)
        self.progress.done()

        assembled = self._assemble(produced, report)
        documents, file_docs = assembled.documents, assembled.file_docs
        self._write(assembled, report)
        # Only files seen before can leave documents behind that they no longer produce: also
        # those logged under an older pipeline version, which may have read them otherwise.
        previous = self.store.file_entries([keys[p][0] for p in file_docs])
        entries: dict[str, FileEntry] = {}
        for path_str, doc_ids in file_docs.items():
            key, sha = keys[path_str]
            if key in previous:
                for stale in set(previous[key].doc_ids) - set(doc_ids) - set(documents):
                    self.store.delete_document(stale)
                    report.documents_removed += 1
            name = printable(path_str)
            entries[key] = FileEntry(name, sha, doc_ids, PIPELINE_VERSION)
            report.files.append(
                FileOutcome(name, INGESTED, doc_ids=doc_ids, warning=warnings[path_str])
            )
        self.store.put_file_entries(entries)
        self._embed_subjects()
        return report

    def _embed_subjects(self) -> None:
        """Each motie's subject as a vector for comparing it with a question's own words for
        it: those of moties new or retitled since the last run (a store made before these
        vectors existed gets them all once)."""
        todo = self.store.subjects_to_embed()
        if not todo:
            return
        self.progress.stage("Onderwerpen van moties", len(todo))
        for start in range(0, len(todo), self.embed_batch):
            batch = todo[start : start + self.embed_batch]
            vectors = self.embedder.embed_similar([subject for _, subject in batch])
            rows = zip(batch, vectors, strict=True)
            self.store.put_subject_vectors([(d, s, pack_vector(v)) for (d, s), v in rows])
            self.progress.advance(len(batch))
        self.progress.done()

    def _read_one(
        self,
        path: Path,
        max_bytes: int,
        known: dict[str, str],
        seen_hashes: dict[str, str],
    ) -> FileOutcome | tuple[list[Document], str, str]:
        name = printable(str(path))
        try:
            status = path.stat()
            if not stat.S_ISREG(status.st_mode):  # replaced since discover(): never block on it
                return FileOutcome(name, SKIPPED, NOT_REGULAR)
            size = status.st_size
            if size > max_bytes:
                return FileOutcome(
                    name,
                    REJECTED,
                    f"te groot ({size / 1048576:.0f} MB; maximum {self.settings.max_file_mb} MB)",
                )
            sha = sha256_file(path)
        except OSError as error:
            return FileOutcome(name, REJECTED, f"niet te lezen: {error.strerror or error}")
        key = file_key(path)
        if known.get(key) == sha:
            return FileOutcome(name, UNCHANGED, "al ingelezen, niet gewijzigd")
        if sha in seen_hashes:
            return FileOutcome(name, DUPLICATE, f"zelfde inhoud als {seen_hashes[sha]}")
        same = self.store.file_with_content(sha, PIPELINE_VERSION)
        if same is not None and same[0] != key:
            where = same[1].path
            return FileOutcome(name, DUPLICATE, f"zelfde inhoud als {where} (al in de index)")
        seen_hashes[sha] = name
        try:
            docs = self._documents(path, name)
        except SkippedFile as skipped:
            return FileOutcome(name, SKIPPED, str(skipped))
        except RejectedFile as rejected:
            return FileOutcome(name, REJECTED, str(rejected))
        except Exception as error:
            # Whatever a reader trips over in one file (nesting, memory, encoding, zip or XML
            # errors) refuses that file only; KeyboardInterrupt and SystemExit still stop all.
            logger.debug("reader failed on %s", name, exc_info=True)
            return FileOutcome(name, REJECTED, unreadable(error))
        if not docs:
            return FileOutcome(name, SKIPPED, "geen documenten in dit bestand")
        return docs, key, sha

    def _documents(self, path: Path, name: str) -> list[Document]:
        """The file's documents, refused once their text passes the limit."""
        reader = choose_reader(path, self.readers)
        docs: list[Document] = []
        chars = 0
        for doc in reader.read(path):
            chars += len(doc.text)
            check_text_size(chars)
            # Names from the file's path (source, title, id) must print and store.
            doc.source = printable(doc.source) if doc.source else name
            doc.title, doc.id = printable(doc.title), printable(doc.id)
            doc.ids = {key: printable(value) for key, value in doc.ids.items()}
            if doc.date and not doc.vergaderjaar:
                doc.vergaderjaar = vergaderjaar_of(doc.date)
            add_references(doc)
            docs.append(doc)
        return docs

    # -- joining ---------------------------------------------------------------------------

    def _assemble(self, produced: dict[str, list[Document]], report: IngestReport) -> Assembled:
        """Join motie parts (new and stored), drop metadata records that a full record covers."""
        documents: dict[str, Document] = {}
        file_docs: dict[str, list[str]] = {path: [] for path in produced}
        new_parts: dict[str, tuple[str, Document]] = {}
        for path, docs in produced.items():
            for doc in docs:
                if is_motion_part(doc):
                    new_parts[part_key(doc)] = (path, doc)
                    continue
                if doc.id in documents and documents[doc.id].source != doc.source:
                    report.warnings.append(
                        f"{doc.id} staat in {documents[doc.id].source} en in {doc.source}; "
                        f"de laatste versie is bewaard"
                    )
                documents[doc.id] = doc
                file_docs[path].append(doc.id)

        stored = self._stored_parts([doc for _, doc in new_parts.values()])
        all_parts = {**stored, **{key: doc for key, (_, doc) in new_parts.items()}}
        part_of_key = {id(doc): key for key, doc in all_parts.items()}
        superseded: set[str] = set()
        for group in group_parts(all_parts.values()):
            group_keys = {part_of_key[id(doc)] for doc in group}
            if not group_keys & set(new_parts):
                continue
            merged = merge_motion(group)
            merged.extra["part_keys"] = sorted(group_keys)
            documents[merged.id] = merged
            superseded |= superseded_ids(group, merged)
            for key in group_keys & set(new_parts):
                file_docs[new_parts[key][0]].append(merged.id)
        superseded -= set(documents)

        covered = self._covered_document_numbers(documents)
        for doc_id in [d for d, doc in documents.items() if doc.extra.get("metadata_only")]:
            if doc_id in covered:
                del documents[doc_id]
        self._date_sittings(documents)
        for doc in documents.values():
            if doc.text and not doc.extra.get("metadata_only"):
                doc.extra["commitments"] = [commitment_record(c) for c in extract_commitments(doc)]
        return Assembled(
            documents=documents,
            file_docs={p: sorted(set(ids)) for p, ids in file_docs.items()},
            new_parts=[(key, doc) for key, (_, doc) in new_parts.items()],
            superseded=superseded,
        )

    def _date_sittings(self, documents: dict[str, Document]) -> None:
        """Items of one sitting (h-tk-20172018-70-5) share the date that only its opening item
        (h-tk-20172018-70-1) states; take it from this ingest or from the store."""
        undated: dict[str, list[Document]] = {}
        dates: dict[str, dt.date] = {}
        for doc in documents.values():
            sitting = sitting_of(doc.id)
            if sitting is None:
                continue
            doc.extra["sitting"] = sitting
            if doc.date:
                dates[sitting] = doc.date
            else:
                undated.setdefault(sitting, []).append(doc)
        for sitting, docs in undated.items():
            date = dates.get(sitting) or self.store.sitting_date(sitting)
            for doc in docs:
                doc.date = date
                if date and not doc.vergaderjaar:
                    doc.vergaderjaar = vergaderjaar_of(date)
        for doc in documents.values():
            label = sitting_label(doc.id, doc.date)
            if label and "vergadering" not in doc.title:
                # "Mededelingen", "Sluiting": the item's own title says nothing of when.
                doc.title = f"{doc.title} ({label})"

    def _stored_parts(self, parts: list[Document]) -> dict[str, Document]:
        """Stored parts that share a join key with the new ones, followed transitively."""
        found: dict[str, Document] = {}
        frontier = parts
        for _ in range(3):
            wanted: dict[str, set[str]] = {"zaak_id": set(), "kst": set(), "publicatie": set()}
            for doc in frontier:
                if doc.ids.get("zaak_id"):
                    wanted["zaak_id"].add(doc.ids["zaak_id"])
                if doc.id.startswith("kst-"):
                    wanted["kst"].add(doc.id)
                if doc.ids.get("publicatie"):
                    wanted["publicatie"].add(doc.ids["publicatie"])
            fresh: dict[str, Document] = {}
            for field_name, values in wanted.items():
                if values:
                    for key, doc in self.store.parts_matching(field_name, values).items():
                        if key not in found:
                            fresh[key] = doc
            if not fresh:
                break
            found.update(fresh)
            frontier = list(fresh.values())
        return found

    def _covered_document_numbers(self, documents: dict[str, Document]) -> set[str]:
        """DocumentNummers whose document already has a full record (here or in the store)."""
        full = {
            doc.ids["documentnummer"]
            for doc in documents.values()
            if not doc.extra.get("metadata_only") and doc.ids.get("documentnummer")
        }
        numbers = [d for d, doc in documents.items() if doc.extra.get("metadata_only")]
        full.update(self.store.full_document_numbers(numbers))
        return full

    # -- writing ---------------------------------------------------------------------------

    def _write(self, assembled: Assembled, report: IngestReport) -> None:
        """Records, links and passages first (searchable by keyword and structure at once),
        then the vectors, which take long."""
        docs = list(assembled.documents.values())
        max_words = self.settings.max_chunk_words
        chunked = [
            (doc, [] if _metadata_only(doc) else chunk_document(doc, max_words)) for doc in docs
        ]
        all_chunks = [chunk for _, chunks in chunked for chunk in chunks]

        self.progress.stage("Index bijwerken", len(docs))
        for start in range(0, len(chunked), WRITE_BATCH):
            batch_docs = chunked[start : start + WRITE_BATCH]
            wanted = {chunk.id for _, chunks in batch_docs for chunk in chunks}
            current = self.store.chunk_ids_of_many([doc.id for doc, _ in batch_docs])
            stale = [cid for cid in current if cid not in wanted]
            self.store.put_batch(
                [doc for doc, _ in batch_docs],
                [
                    ChunkRow(c.id, c.doc_id, c.text, {**c.metadata, "doc_id": c.doc_id})
                    for _, chunks in batch_docs
                    for c in chunks
                ],
                stale,
            )
            report.chunks_removed += len(stale)
            self.progress.advance(len(batch_docs))
        self.progress.done()

        self.store.put_parts(assembled.new_parts)
        for old in sorted(assembled.superseded):
            self.store.delete_document(old)
        # A full record replaces a metadata-only record of the same DocumentNummer.
        self.store.delete_metadata_only(
            [
                d.ids["documentnummer"]
                for d in docs
                if d.ids.get("documentnummer") and not d.extra.get("metadata_only")
            ]
        )
        report.documents = len(docs)
        report.records = sum(
            1 for d in docs if d.motion or d.type == "toezegging" or d.extra.get("metadata_only")
        )
        if self.on_searchable is not None:
            self.on_searchable()

        existing = self.store.existing_chunk_ids([c.id for c in all_chunks])
        # Similar lengths in one batch waste less on padding.
        to_embed = sorted(
            (c for c in all_chunks if c.id not in existing), key=lambda c: len(c.embed_text)
        )
        self.progress.stage("Embeddings berekenen", len(to_embed))
        for start in range(0, len(to_embed), self.embed_batch):
            batch = to_embed[start : start + self.embed_batch]
            self._add_chunks(batch)
            self.progress.advance(len(batch))
            report.chunks_added += len(batch)
        self.progress.done()

        # Same text, same id: keep the vector, refresh what is known about its document.
        kept = [c for c in all_chunks if c.id in existing]
        self.store.update_chunk_metadata(
            [c.id for c in kept],
            [{**c.metadata, "doc_id": c.doc_id} for c in kept],
        )
        report.chunks_kept += len(kept)

    def _add_chunks(self, chunks: list[Chunk]) -> None:
        vectors = self.embedder.embed_documents([c.embed_text for c in chunks])
        self.store.put_vectors(
            [c.id for c in chunks],
            vectors,
            [{**c.metadata, "doc_id": c.doc_id} for c in chunks],
        )


def _metadata_only(doc: Document) -> bool:
    """OData Document records: a subject line, no text. A text of unknown kind (type
    "document", e.g. an uploaded file) is embedded like any other text."""
    return bool(doc.extra.get("metadata_only")) or (doc.type == DOCUMENT and not doc.text.strip())
