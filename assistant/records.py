"""Structured records in SQLite: documents, their identifiers and votes, links, motie parts and
the file log, each lookup a bounded, indexed query.

One file, `records.sqlite3`, in the store folder, in WAL mode (readers never wait for the one
writer). The schema has a version (`PRAGMA user_version`): an older file is upgraded step by
step in `MIGRATIONS`, a newer one is refused with a message, never read half-understood.
A store this process may not write (permissions, a read-only mount), or whose disk is too full
for SQLite's shared-memory file, is opened read-only: questions work, writes are refused.

Chroma keeps only what it is made for, the chunk vectors (see `assistant.store`).
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import sqlite3
import sys
import time
from array import array
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.documents import GEWIJZIGDE_MOTIE, MOTIE, Document
from assistant.errors import DiskFull, ReadOnlyStore, StoreError
from assistant.tokens import without_accents

FILE_NAME = "kamer.sqlite3"
SCHEMA_VERSION = 8
# SQLite takes at most 32,766 parameters in one statement; stay well below.
BATCH = 900
# Less room than this on the store's disk, and a write that failed is taken for a full disk.
FULL_DISK = 16 * 1024 * 1024

SCHEMA_V1 = """
CREATE TABLE documents (
    id            TEXT PRIMARY KEY,
    type          TEXT NOT NULL,
    title         TEXT NOT NULL DEFAULT '',
    date          INTEGER,              -- yyyymmdd
    dossier       TEXT,
    outcome       TEXT,
    status        TEXT,
    afzender      TEXT,
    indieners     TEXT,
    commitments   INTEGER NOT NULL DEFAULT 0,
    sitting       TEXT,
    metadata_only INTEGER NOT NULL DEFAULT 0,
    source        TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL         -- the whole Document as JSON
);
CREATE INDEX documents_type_date ON documents (type, date);
CREATE INDEX documents_date ON documents (date);
CREATE INDEX documents_dossier ON documents (dossier, type);
CREATE INDEX documents_sitting ON documents (sitting) WHERE sitting IS NOT NULL;
CREATE INDEX documents_commitments ON documents (id) WHERE commitments > 0;

CREATE TABLE identifiers (
    kind   TEXT NOT NULL,               -- zaak, documentnummer, zaak_id, toezegging, ...
    value  TEXT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (value, kind, doc_id)
);
CREATE INDEX identifiers_doc ON identifiers (doc_id);

CREATE TABLE votes (
    doc_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    fractie TEXT NOT NULL,
    side    TEXT NOT NULL,              -- Voor | Tegen | Niet deelgenomen
    seats   INTEGER NOT NULL
);
CREATE INDEX votes_doc ON votes (doc_id);
CREATE INDEX votes_fractie ON votes (fractie, side);

CREATE TABLE links (
    source   TEXT NOT NULL,
    target   TEXT NOT NULL,
    anchor   TEXT NOT NULL,
    footnote TEXT,
    context  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (source, target, anchor)
);
CREATE INDEX links_target ON links (target);

CREATE TABLE parts (
    key        TEXT PRIMARY KEY,
    zaak_id    TEXT,
    kst        TEXT,
    publicatie TEXT,
    source     TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL
);
CREATE INDEX parts_zaak_id ON parts (zaak_id);
CREATE INDEX parts_kst ON parts (kst);
CREATE INDEX parts_publicatie ON parts (publicatie);
CREATE INDEX parts_source ON parts (source);

CREATE TABLE files (
    key     TEXT PRIMARY KEY,
    path    TEXT NOT NULL,
    sha256  TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0,
    doc_ids TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX files_sha256 ON files (sha256);

-- Passages: their text and filter fields, the lexical index over their stems (FTS5, BM25),
-- kept in step by triggers. The vectors are in Chroma under the same chunk id.
CREATE TABLE chunks (
    pos             INTEGER PRIMARY KEY,  -- the position answers refer to
    id              TEXT NOT NULL UNIQUE,
    doc_id          TEXT NOT NULL,
    chunk_index     INTEGER NOT NULL DEFAULT 0,
    type            TEXT,
    date            INTEGER,
    dossier         TEXT,
    outcome         TEXT,
    title           TEXT NOT NULL DEFAULT '',
    indieners       TEXT NOT NULL DEFAULT '',
    fracties        TEXT NOT NULL DEFAULT '',
    speaker         TEXT NOT NULL DEFAULT '',
    speaker_fractie TEXT NOT NULL DEFAULT '',
    afzender        TEXT NOT NULL DEFAULT '',
    meta            TEXT NOT NULL,        -- every metadata field, as JSON
    text            TEXT NOT NULL,
    terms           TEXT NOT NULL         -- stems of title, section, indieners and text
);
CREATE INDEX chunks_doc ON chunks (doc_id, chunk_index);
CREATE INDEX chunks_type_date ON chunks (type, date);
CREATE VIRTUAL TABLE chunk_terms USING fts5 (
    terms, content = 'chunks', content_rowid = 'pos', tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE chunk_vocab USING fts5vocab (chunk_terms, 'row');
CREATE TRIGGER chunks_added AFTER INSERT ON chunks BEGIN
    INSERT INTO chunk_terms (rowid, terms) VALUES (new.pos, new.terms);
END;
CREATE TRIGGER chunks_removed AFTER DELETE ON chunks BEGIN
    INSERT INTO chunk_terms (chunk_terms, rowid, terms) VALUES ('delete', old.pos, old.terms);
END;
CREATE TRIGGER chunks_changed AFTER UPDATE OF terms ON chunks BEGIN
    INSERT INTO chunk_terms (chunk_terms, rowid, terms) VALUES ('delete', old.pos, old.terms);
    INSERT INTO chunk_terms (rowid, terms) VALUES (new.pos, new.terms);
END;

-- Every word of a motie's indieners ("van", "der", "plas"): a member's moties by name.
CREATE TABLE signers (
    word   TEXT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE
);
CREATE INDEX signers_word ON signers (word, doc_id);
CREATE INDEX signers_doc ON signers (doc_id);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,             -- vectors: the Chroma collection the chunks live in
    value TEXT NOT NULL
);
"""

# Version 2: commitments as rows, so a question about a period or a dossier reads only its own
# (version 1 kept them inside each document's JSON). Filled from that JSON when upgrading.
SCHEMA_V2 = """
CREATE TABLE commitments (
    doc_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    item    INTEGER NOT NULL,           -- place in the document's list: id "<doc_id>#t<item+1>"
    kind    TEXT NOT NULL,              -- gedaan | vermeld | nakoming
    made_on INTEGER,                    -- yyyymmdd
    body    TEXT NOT NULL,              -- {"item": ..., "title", "url", "date" of the document}
    PRIMARY KEY (doc_id, item)
);
CREATE INDEX commitments_made_on ON commitments (made_on, kind);
CREATE TABLE commitment_refs (
    target  TEXT NOT NULL,              -- a Kamerstuk it names: kst-32317-913
    doc_id  TEXT NOT NULL,
    item    INTEGER NOT NULL,
    FOREIGN KEY (doc_id, item) REFERENCES commitments (doc_id, item) ON DELETE CASCADE
);
CREATE INDEX commitment_refs_target ON commitment_refs (target);
CREATE INDEX commitment_refs_item ON commitment_refs (doc_id, item);
INSERT INTO commitments (doc_id, item, kind, made_on, body)
SELECT d.id, CAST(j.key AS INTEGER), json_extract(j.value, '$.kind'),
       CAST(replace(json_extract(j.value, '$.made_on'), '-', '') AS INTEGER),
       json_object('item', json(j.value), 'title', d.title,
                   'url', json_extract(d.body, '$.url'), 'date', json_extract(d.body, '$.date'))
FROM documents d, json_each(d.body, '$.extra.commitments') j
WHERE d.commitments > 0;
INSERT INTO commitment_refs (target, doc_id, item)
SELECT r.value, c.doc_id, c.item
FROM commitments c, json_each(c.body, '$.item.references') r;
"""

# Version 3: the words of every document's title in an FTS5 index, so letters that followed a
# promise are found by their subject without reading every record.
SCHEMA_V3 = """
CREATE VIRTUAL TABLE document_titles USING fts5 (
    title, content = 'documents', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER documents_added AFTER INSERT ON documents BEGIN
    INSERT INTO document_titles (rowid, title) VALUES (new.rowid, new.title);
END;
CREATE TRIGGER documents_removed AFTER DELETE ON documents BEGIN
    INSERT INTO document_titles (document_titles, rowid, title)
    VALUES ('delete', old.rowid, old.title);
END;
CREATE TRIGGER documents_retitled AFTER UPDATE OF title ON documents BEGIN
    INSERT INTO document_titles (document_titles, rowid, title)
    VALUES ('delete', old.rowid, old.title);
    INSERT INTO document_titles (rowid, title) VALUES (new.rowid, new.title);
END;
INSERT INTO document_titles (document_titles) VALUES ('rebuild');
"""

# Version 4: running counts per table (and per kind of document), kept by triggers, so
# `kamer stats` reads a handful of rows instead of counting a million.
TALLIED = ("links", "chunks", "files", "parts")
DOCUMENTS_TALLY = "documents:"
SCHEMA_V4 = """
CREATE TABLE tallies (
    name TEXT PRIMARY KEY,              -- a table, or "documents:<type>:<metadata_only>"
    n    INTEGER NOT NULL
);
CREATE TRIGGER tally_document_added AFTER INSERT ON documents BEGIN
    INSERT INTO tallies (name, n) VALUES ('documents:' || new.type || ':' || new.metadata_only, 1)
    ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER tally_document_removed AFTER DELETE ON documents BEGIN
    UPDATE tallies SET n = n - 1
    WHERE name = 'documents:' || old.type || ':' || old.metadata_only;
END;
INSERT INTO tallies (name, n)
SELECT 'documents:' || type || ':' || metadata_only, count(*) FROM documents
GROUP BY type, metadata_only;
""" + "".join(
    f"""
CREATE TRIGGER tally_{t}_added AFTER INSERT ON {t} BEGIN
    INSERT INTO tallies (name, n) VALUES ('{t}', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER tally_{t}_removed AFTER DELETE ON {t} BEGIN
    UPDATE tallies SET n = n - 1 WHERE name = '{t}';
END;
INSERT INTO tallies (name, n) SELECT '{t}', count(*) FROM {t};
"""
    for t in TALLIED
)

# Version 5: passages by date alone (a dense search narrowed to a day or a month finds its
# candidates by this index).
SCHEMA_V5 = """
CREATE INDEX chunks_date ON chunks (date);
"""

# `kamer sync`: which Zaak each Besluit (decision, with its votes) was last seen with. A vote
# changes the Besluit, not the Zaak, and a deleted Besluit no longer names its Zaak.
SCHEMA_V6 = """
CREATE TABLE sync_besluiten (
    besluit_id TEXT PRIMARY KEY,
    zaak_id    TEXT NOT NULL
) WITHOUT ROWID;
-- Documents whose file is not published yet: asked for again at every sync.
CREATE TABLE sync_pending_files (
    document_id TEXT PRIMARY KEY,
    type        TEXT NOT NULL DEFAULT '',
    queued      TEXT NOT NULL
) WITHOUT ROWID;
"""

# `kamer sync`: the Kamer's lookup records (Persoon, Fractie, Kamerstukdossier), by what they
# are looked up by: a surname, a fractie's abbreviation, a dossier number.
SCHEMA_V7 = """
CREATE TABLE reference (
    entity TEXT NOT NULL,
    id     TEXT NOT NULL,              -- the record's OData Id
    key    TEXT NOT NULL,              -- lower case: achternaam, afkorting, dossier number
    data   TEXT NOT NULL,              -- the fields kept, JSON
    PRIMARY KEY (entity, id)
) WITHOUT ROWID;
CREATE INDEX reference_key ON reference (entity, key);
"""

# A motie's subject (its title without "Motie van het lid X over") as a vector for comparing
# short texts: how a question's own words for a subject compare with each of a member's moties.
# Kept by doc_id without a foreign key: a document written again keeps its vector while the
# subject is the same (`subjects_to_embed` compares the text).
SCHEMA_V8 = """
CREATE TABLE subject_vectors (
    doc_id  TEXT PRIMARY KEY,
    subject TEXT NOT NULL,
    vector  BLOB NOT NULL                -- float32, little-endian
) WITHOUT ROWID;
"""

# Version n+1 is reached from version n by MIGRATIONS[n] (SQL run in one transaction).
MIGRATIONS: dict[int, str] = {
    0: SCHEMA_V1,
    1: SCHEMA_V2,
    2: SCHEMA_V3,
    3: SCHEMA_V4,
    4: SCHEMA_V5,
    5: SCHEMA_V6,
    6: SCHEMA_V7,
    7: SCHEMA_V8,
}

DOCUMENT_COLUMNS = (
    "id, type, title, date, dossier, outcome, status, afzender, indieners, commitments, "
    "sitting, metadata_only, source, body"
)
PART_FIELDS = ("zaak_id", "kst", "publicatie")
MOTION_TYPES = (MOTIE, GEWIJZIGDE_MOTIE)


@dataclass(frozen=True)
class RecordFilter:
    """What a question narrows records by; every field is an indexed column."""

    types: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    date_from: int | None = None  # yyyymmdd
    date_to: int | None = None
    outcome: str | None = None
    dossier: str | None = None

    @property
    def empty(self) -> bool:
        return self == RecordFilter()

    def sql(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.types:
            clauses.append(f"type IN ({marks(self.types)})")
            params += self.types
        if self.ids:
            clauses.append(f"id IN ({marks(self.ids)})")
            params += self.ids
        if self.date_from is not None:
            clauses.append("date >= ?")
            params.append(self.date_from)
        if self.date_to is not None:
            clauses.append("date <= ?")
            params.append(self.date_to)
        if self.outcome:
            clauses.append("outcome = ?")
            params.append(self.outcome)
        if self.dossier:
            clauses.append("dossier = ?")
            params.append(self.dossier)
        return " AND ".join(clauses) or "1", params


@dataclass(frozen=True)
class FileEntry:
    path: str
    sha256: str
    doc_ids: list[str]
    version: int = 0


@dataclass
class Link:
    source: str
    target: str
    anchor: str
    context: str = ""
    footnote: str | None = None


@dataclass
class Counts:
    documents: int = 0
    links: int = 0
    files: int = 0
    parts: int = 0
    chunks: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    first_date: int | None = None
    last_date: int | None = None


def statements(script: str) -> list[str]:
    """The SQL statements of a script, trigger bodies kept whole."""
    found: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            found.append(pending.strip())
            pending = ""
    return [*found, pending.strip()] if pending.strip() else found


def marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def batches(values: Sequence[Any], size: int = BATCH) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def writable(path: Path) -> bool:
    """Whether this process may write the file and make its -wal and -shm files beside it."""
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def disk_full(folder: Path) -> bool:
    return shutil.disk_usage(folder).free < FULL_DISK


def out_of_space(error: BaseException) -> bool:
    """A write that failed for want of disk space, by SQLite's or the system's own code."""
    if isinstance(error, sqlite3.Error):
        return primary(error) == sqlite3.SQLITE_FULL
    return isinstance(error, OSError) and error.errno == errno.ENOSPC


def primary(error: sqlite3.Error) -> int:
    """SQLite's primary result code (SQLITE_IOERR for SQLITE_IOERR_SHMSIZE)."""
    return error.sqlite_errorcode & 0xFF


def damage(path: Path) -> str | None:
    """What SQLite finds damaged when it reads this file's schema (overwritten, cut short);
    None when nothing is, or there is no file."""
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError as error:
        if primary(error) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            return str(error)
    return None


def connect(path: Path, read_only: bool) -> tuple[sqlite3.Connection, int]:
    """A connection and the schema version. Read-only it writes nothing: without a -wal file
    (no writer, nothing left to checkpoint) the file is opened immutable, since SQLite would
    otherwise make a -shm file, impossible in a read-only folder and, left behind read-only,
    in the way of the next writer."""
    target: str | Path = path
    if read_only:
        wal = path.with_name(f"{path.name}-wal")
        has_wal = wal.exists() and wal.stat().st_size > 0
        target = f"{path.resolve().as_uri()}?mode=ro{'' if has_wal else '&immutable=1'}"
    db = sqlite3.connect(
        target, uri=read_only, check_same_thread=False, timeout=60, isolation_level=None
    )
    try:
        if not read_only:
            wal_mode(db)
            db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        return db, int(db.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.Error:
        db.close()
        raise


def wal_mode(db: sqlite3.Connection, wait: float = 60.0) -> None:
    """Switch the file to WAL. Two processes opening a new store at once: the journal-mode
    change does not wait on SQLite's busy timeout, so "database is locked" is retried here."""
    deadline = time.monotonic() + wait
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


# "Motie van het lid Boutkan c.s. over", "Gewijzigde motie van de leden X en Y over".
MOTION_HEADER_RE = re.compile(
    r"^\s*(?:gewijzigde\s+)?motie\b.*?\b(?:het\s+lid|de\s+leden)\b.*?\s(?:over|inzake|ter)\s+",
    re.IGNORECASE,
)


def pack_vector(values: Sequence[float]) -> bytes:
    """A vector as the subject_vectors table keeps it (float32, little-endian)."""
    packed = array("f", values)
    if sys.byteorder != "little":
        packed.byteswap()
    return packed.tobytes()


# "(t.v.v. 36200-12)": a gewijzigde motie's title names the motie it replaces.
REPLACES_RE = re.compile(r"\s*\((?:t\.v\.v\.|ter\s+vervanging\s+van)[^)]*\)\s*$", re.IGNORECASE)


def motion_subject(title: str) -> str:
    """What a motie is about: its title without the header that names the indieners, and
    without the motie a gewijzigde motie replaces."""
    return " ".join(REPLACES_RE.sub("", MOTION_HEADER_RE.sub("", title, count=1)).split())


def signer_words(name: str) -> list[str]:
    """The words of a name as the signers table holds them, written and asked alike: lower
    case, without accents ("S.R. Kröger" -> s, r, kroger; "Van der Plas" -> van, der, plas)."""
    return [without_accents(w) for w in re.findall(r"[\w'-]+", name.lower())]


class Records:
    """The relational half of a store. Writes go through `transaction()`: a document's record,
    identifiers, votes and links land together or not at all."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.read_only = path.exists() and not writable(path)
        self.full = False  # read-only because the disk is full
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self.db, version = connect(path, self.read_only)
            except sqlite3.OperationalError:
                if self.read_only or not disk_full(path.parent):
                    raise
                # SQLite cannot make its shared-memory file on a full disk: read what is there.
                self.read_only = self.full = True
                self.db, version = connect(path, read_only=True)
        except sqlite3.DatabaseError as error:
            if self.full:
                raise DiskFull(path.parent) from None
            raise StoreError(
                f"De recordsdatabase {path} is niet te openen ({error}). Herstel een back-up van "
                "de map of bouw de index opnieuw op: verwijder de map en draai `kamer ingest` "
                "met de bronbestanden."
            ) from None
        self.db.row_factory = sqlite3.Row
        # SQLite's lower() knows ASCII only; names and fracties are not ("Özütok").
        self.db.create_function("py_lower", 1, lambda v: v.lower() if v else v, deterministic=True)
        self._depth = 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"De recordsdatabase {path} heeft schemaversie {version}; deze versie van de "
                f"assistent kent tot en met {SCHEMA_VERSION}. Werk de assistent bij."
            )
        if version < SCHEMA_VERSION and self.read_only and not self.full:
            raise StoreError(
                f"De recordsdatabase {path} heeft schemaversie {version} en moet worden bijgewerkt "
                f"naar {SCHEMA_VERSION}, maar is alleen-lezen. Laat iemand met schrijfrechten op "
                "de map de index één keer openen (bijvoorbeeld met `kamer stats`)."
            )
        if version < SCHEMA_VERSION:
            self._migrate(version)

    def check_writable(self) -> None:
        """Refuse a write to a store opened read-only, with what to do about it."""
        if self.full:
            raise DiskFull(self.path.parent)
        if self.read_only:
            raise ReadOnlyStore(self.path.parent)

    def _migrate(self, version: int) -> None:
        """Each step in its own transaction, the version read again inside it: a failure leaves
        the last good version, and two processes opening one old file upgrade it once."""
        while version < SCHEMA_VERSION:
            try:
                with self.transaction():
                    version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
                    if version >= SCHEMA_VERSION:
                        return
                    for statement in statements(MIGRATIONS[version]):
                        self.db.execute(statement)
                    self.db.execute(f"PRAGMA user_version = {version + 1}")
            except sqlite3.Error as error:
                raise StoreError(
                    f"De recordsdatabase {self.path} kon niet worden bijgewerkt van schemaversie "
                    f"{version} naar {version + 1}: {error}"
                ) from None
            version += 1

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (nested calls join the outer one)."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.check_writable()
        self.db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
            self.db.execute("COMMIT")
        except BaseException as error:
            # A failed COMMIT leaves the transaction open; a full disk may have ended it.
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            if out_of_space(error):
                raise DiskFull(self.path.parent) from error
            raise
        finally:
            self._depth = 0

    def close(self) -> None:
        self.db.close()

    # -- documents -------------------------------------------------------------------------

    def put_documents(self, docs: Sequence[Document]) -> None:
        with self.transaction():
            for doc in docs:
                self._delete_document_rows(doc.id)
                motion = doc.motion
                self.db.execute(
                    f"INSERT INTO documents ({DOCUMENT_COLUMNS}) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        doc.id,
                        doc.type,
                        doc.title,
                        date_number(doc),
                        doc.dossier,
                        motion.outcome if motion else None,
                        doc.extra.get("status"),
                        doc.afzender,
                        ", ".join(p.name for p in doc.indieners) or None,
                        len(doc.extra.get("commitments") or []),
                        doc.extra.get("sitting"),
                        int(bool(doc.extra.get("metadata_only"))),
                        doc.source,
                        json.dumps(doc.to_dict(), ensure_ascii=False),
                    ),
                )
                self.db.executemany(
                    "INSERT OR IGNORE INTO identifiers (kind, value, doc_id) VALUES (?, ?, ?)",
                    [(kind, str(value), doc.id) for kind, value in doc.ids.items() if value],
                )
                if motion is not None:
                    self.db.executemany(
                        "INSERT INTO votes (doc_id, fractie, side, seats) VALUES (?, ?, ?, ?)",
                        [(doc.id, v.fractie, v.side, v.seats) for v in motion.votes],
                    )
                self._put_commitments(doc)
                if doc.type in MOTION_TYPES:
                    words = {w for p in doc.indieners for w in signer_words(p.name)}
                    self.db.executemany(
                        "INSERT INTO signers (word, doc_id) VALUES (?, ?)",
                        [(word, doc.id) for word in sorted(words)],
                    )

    def _put_commitments(self, doc: Document) -> None:
        """The document's commitments as rows (its old rows went with the document's row)."""
        items = doc.extra.get("commitments") or []
        for index, item in enumerate(items):
            made_on = item.get("made_on")
            body = {
                "item": item,
                "title": doc.title,
                "url": doc.url,
                "date": doc.date.isoformat() if doc.date else None,
            }
            self.db.execute(
                "INSERT INTO commitments (doc_id, item, kind, made_on, body) "
                "VALUES (?, ?, ?, ?, ?)",
                (
                    doc.id,
                    index,
                    str(item.get("kind") or ""),
                    int(str(made_on).replace("-", "")) if made_on else None,
                    json.dumps(body, ensure_ascii=False),
                ),
            )
            self.db.executemany(
                "INSERT INTO commitment_refs (target, doc_id, item) VALUES (?, ?, ?)",
                [(str(target), doc.id, index) for target in item.get("references") or []],
            )

    def commitments(
        self,
        *,
        date_from: int | None = None,
        date_to: int | None = None,
        made_on: Sequence[int] = (),
        kinds: Sequence[str] = (),
        doc_ids: Sequence[str] | None = None,
        ref_prefix: str | None = None,
        newest: int | None = None,
    ) -> list[tuple[str, int, dict[str, Any]]]:
        """(doc_id, item, body) of the commitments that meet every given condition, in order
        of the day they were made; with `newest`, only that many of the latest."""
        if doc_ids is not None and len(doc_ids) > BATCH:
            found = [
                row
                for part in batches(list(doc_ids))
                for row in self.commitments(
                    date_from=date_from, date_to=date_to, made_on=made_on, kinds=kinds,
                    doc_ids=part, ref_prefix=ref_prefix, newest=newest,
                )
            ]  # fmt: skip
            found = list({(r[0], r[1]): r for r in found}.values())
            found.sort(key=lambda r: (r[2]["item"].get("made_on") or "", r[0], r[1]))
            return found[-newest:] if newest else found
        clauses: list[str] = []
        params: list[Any] = []
        for clause, value in (("c.made_on >= ?", date_from), ("c.made_on <= ?", date_to)):
            if value is not None:
                clauses.append(clause)
                params.append(value)
        for column, values in (("c.made_on", made_on), ("c.kind", kinds), ("c.doc_id", doc_ids)):
            if values is not None and (values or column == "c.doc_id"):
                clauses.append(f"{column} IN ({marks(values)})")
                params += values
        if ref_prefix:
            clauses.append(
                "EXISTS (SELECT 1 FROM commitment_refs r WHERE r.doc_id = c.doc_id "
                "AND r.item = c.item AND r.target >= ? AND r.target < ?)"
            )
            params += [ref_prefix, ref_prefix + "\uffff"]
        where = " AND ".join(clauses) or "1"
        if newest:
            rows = self.db.execute(
                f"SELECT * FROM (SELECT c.doc_id, c.item, c.body, c.made_on FROM commitments c "
                f"WHERE {where} ORDER BY c.made_on DESC, c.doc_id DESC, c.item DESC LIMIT ?) "
                "ORDER BY made_on, doc_id, item",
                [*params, newest],
            )
        else:
            rows = self.db.execute(
                f"SELECT c.doc_id, c.item, c.body FROM commitments c WHERE {where} "
                "ORDER BY c.made_on, c.doc_id, c.item",
                params,
            )
        return [(row["doc_id"], int(row["item"]), json.loads(row["body"])) for row in rows]

    def _delete_document_rows(self, doc_id: str) -> None:
        # identifiers and votes go with the document (ON DELETE CASCADE)
        self.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    def delete_document(self, doc_id: str) -> None:
        with self.transaction():
            self._delete_document_rows(doc_id)
            self.db.execute("DELETE FROM subject_vectors WHERE doc_id = ?", (doc_id,))
            self.db.execute("DELETE FROM links WHERE source = ?", (doc_id,))

    def get_document(self, identifier: str) -> Document | None:
        """By canonical id, or by any kept identifier (Zaak nummer, DocumentNummer, ...)."""
        row = self.db.execute("SELECT body FROM documents WHERE id = ?", (identifier,)).fetchone()
        if row is None:
            row = self.db.execute(
                "SELECT d.body FROM identifiers i JOIN documents d ON d.id = i.doc_id "
                "WHERE i.value = ? AND i.kind IN "
                "('zaak', 'documentnummer', 'publicatie', 'toezegging', 'referentie') "
                "ORDER BY i.kind LIMIT 1",
                (identifier,),
            ).fetchone()
        return Document.from_dict(json.loads(row["body"])) if row else None

    def latest(
        self, ids: Sequence[str], exclude_types: Sequence[str], limit: int
    ) -> list[Document]:
        """The `limit` newest of these records whose type is none of `exclude_types` (undated
        ones last), newest first."""
        best: list[tuple[int, str]] = []
        for part in batches(list(ids)):
            rows = self.db.execute(
                f"SELECT id, coalesce(date, 0) AS day FROM documents WHERE id IN ({marks(part)}) "
                f"AND type NOT IN ({marks(exclude_types)}) ORDER BY day DESC, id LIMIT ?",
                [*part, *exclude_types, limit],
            )
            best += [(int(row["day"]), row["id"]) for row in rows]
        chosen = sorted(best, key=lambda item: (-item[0], item[1]))[:limit]
        return [d for d in (self.get_document(i) for _, i in chosen) if d is not None]

    def ids_with(self, kind: str, value: str) -> list[str]:
        """Records that keep `value` as their identifier of this kind (zaak_id, ...)."""
        rows = self.db.execute(
            "SELECT doc_id FROM identifiers WHERE value = ? AND kind = ? ORDER BY doc_id",
            (value, kind),
        )
        return [row["doc_id"] for row in rows]

    def documents(
        self, where: RecordFilter, limit: int | None = None, newest: bool = False
    ) -> list[Document]:
        """Matching records, oldest first; with `newest`, the `limit` latest of them."""
        bodies = self._select("body", where, limit, newest)
        return [Document.from_dict(json.loads(b)) for b in bodies]

    def ids(self, where: RecordFilter, limit: int | None = None) -> list[str]:
        return self._select("id", where, limit)

    def count(self, where: RecordFilter) -> int:
        sql, params = where.sql()
        return int(
            self.db.execute(f"SELECT count(*) FROM documents WHERE {sql}", params).fetchone()[0]
        )

    def _select(
        self, column: str, where: RecordFilter, limit: int | None, newest: bool = False
    ) -> list[str]:
        sql, params = where.sql()
        order = "date DESC, id DESC" if newest else "date, id"
        rows = self.db.execute(
            f"SELECT {column} FROM documents WHERE {sql} ORDER BY {order}"
            + (" LIMIT ?" if limit else ""),
            [*params, limit] if limit else params,
        )
        found = [row[0] for row in rows]
        return found[::-1] if newest else found

    def column(self, where: RecordFilter, name: str) -> dict[str, str]:
        """id -> one column (indieners, title, ...) of every matching record."""
        if name not in DOCUMENT_COLUMNS.split(", ") or name == "body":
            raise ValueError(name)
        sql, params = where.sql()
        rows = self.db.execute(f"SELECT id, {name} FROM documents WHERE {sql}", params)
        return {row["id"]: str(row[name] or "") for row in rows}

    def signed_by(self, words: Sequence[str]) -> list[str]:
        """Moties (any period) whose indieners hold every one of `words`."""
        if not words:
            return []
        wanted = sorted({without_accents(w) for w in words})
        rows = self.db.execute(
            f"SELECT doc_id FROM signers WHERE word IN ({marks(wanted)}) "
            "GROUP BY doc_id HAVING count(DISTINCT word) = ? ORDER BY doc_id",
            [*wanted, len(wanted)],
        )
        return [row["doc_id"] for row in rows]

    def has_signer(self, words: Sequence[str]) -> bool:
        """Whether some motie's indieners hold every one of `words` (stops at the first)."""
        first, *rest = sorted({without_accents(w) for w in words}) or [""]
        others = "".join(
            " AND EXISTS (SELECT 1 FROM signers o WHERE o.doc_id = s.doc_id AND o.word = ?)"
            for _ in rest
        )
        sql = f"SELECT 1 FROM signers s WHERE s.word = ?{others} LIMIT 1"
        return self.db.execute(sql, [first, *rest]).fetchone() is not None

    def signer_count(self, word: str) -> int:
        """How many moties `word` signed (one index range read)."""
        row = self.db.execute(
            "SELECT count(DISTINCT doc_id) AS n FROM signers WHERE word = ?", (word,)
        ).fetchone()
        return int(row["n"]) if row else 0

    def signer_counts(self, prefix: str) -> dict[str, int]:
        """The signer words that start with `prefix`, each with the number of moties signed."""
        rows = self.db.execute(
            "SELECT word, count(DISTINCT doc_id) AS n FROM signers WHERE word >= ? AND word < ? "
            "GROUP BY word",
            (prefix, prefix + "\uffff"),
        )
        return {str(row["word"]): int(row["n"]) for row in rows}

    def double_surnames_ending(self, part: str) -> dict[str, int]:
        """The hyphened signer words that end in `-part` ("beukering-huijbregts" for
        "huijbregts"), each with the number of moties signed (one scan of the signers)."""
        rows = self.db.execute(
            "SELECT word, count(DISTINCT doc_id) AS n FROM signers WHERE word LIKE ? ESCAPE '\\' "
            "GROUP BY word",
            ("%-" + part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"),),
        )
        return {str(row["word"]): int(row["n"]) for row in rows}

    def drop_orphan_subject_vectors(self) -> None:
        """Subject vectors of documents no longer stored (`delete_document` takes its own)."""
        with self.transaction():
            self.db.execute(
                "DELETE FROM subject_vectors WHERE doc_id NOT IN (SELECT id FROM documents)"
            )

    def subjects_to_embed(self) -> list[tuple[str, str]]:
        """(doc_id, subject) of the moties whose subject vector is missing or was made from
        another subject (read only)."""
        rows = self.db.execute(
            "SELECT d.id, d.title, v.subject FROM documents d "
            "LEFT JOIN subject_vectors v ON v.doc_id = d.id "
            f"WHERE d.type IN ({marks(MOTION_TYPES)}) ORDER BY d.id",
            MOTION_TYPES,
        )
        wanted = ((row["id"], motion_subject(row["title"]), row["subject"]) for row in rows)
        return [(doc_id, subject) for doc_id, subject, old in wanted if subject and subject != old]

    def put_subject_vectors(self, rows: Sequence[tuple[str, str, bytes]]) -> None:
        with self.transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO subject_vectors (doc_id, subject, vector) VALUES (?, ?, ?)",
                rows,
            )

    def subject_vectors(self, doc_ids: Sequence[str]) -> dict[str, tuple[str, bytes]]:
        """doc_id -> (the subject, its vector) for those of `doc_ids` that have one."""
        found: dict[str, tuple[str, bytes]] = {}
        for batch in batches(doc_ids):
            rows = self.db.execute(
                "SELECT doc_id, subject, vector FROM subject_vectors "
                f"WHERE doc_id IN ({marks(batch)})",
                list(batch),
            )
            found.update((row["doc_id"], (row["subject"], bytes(row["vector"]))) for row in rows)
        return found

    def title(self, doc_id: str) -> str:
        row = self.db.execute("SELECT title FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return str(row["title"]) if row else ""

    def with_commitments(self) -> list[Document]:
        rows = self.db.execute("SELECT body FROM documents WHERE commitments > 0 ORDER BY date, id")
        return [Document.from_dict(json.loads(row["body"])) for row in rows]

    def titled(
        self, word: str, types: Sequence[str], after: int | None, limit: int
    ) -> list[tuple[str, str, int | None]]:
        """(id, title, date) of records of `types` with a title word starting with `word`,
        dated after `after`, earliest first: the letters that followed a promise, in the order
        they came (a title index, not a scan)."""
        words = re.findall(r"\w+", word.lower())
        if not words:
            return []
        query = " ".join('"' + w + '"*' for w in words)
        params: list[Any] = [query, *types]
        # CROSS JOIN keeps the title index first: left to itself, SQLite may walk every record
        # of the type and date range and ask the index row by row (0.7 s instead of 3 ms).
        sql = (
            "SELECT d.id, d.title, d.date FROM document_titles t CROSS JOIN documents d "
            f"ON d.rowid = t.rowid WHERE document_titles MATCH ? AND d.type IN ({marks(types)})"
        )
        if after is not None:
            sql += " AND d.date > ?"
            params.append(after)
        rows = self.db.execute(sql + " ORDER BY d.date, d.id LIMIT ?", [*params, limit])
        return [(row["id"], row["title"], row["date"]) for row in rows]

    def existing(self, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for part in batches(list(ids)):
            rows = self.db.execute(f"SELECT id FROM documents WHERE id IN ({marks(part)})", part)
            found.update(row["id"] for row in rows)
        return found

    def full_document_numbers(self, numbers: Sequence[str]) -> set[str]:
        """Which of these DocumentNummers belong to a full (not metadata-only) record."""
        return {number for number, _ in self._numbered(numbers, metadata_only=False)}

    def delete_metadata_only(self, numbers: Sequence[str]) -> list[str]:
        """Remove the metadata-only records of these DocumentNummers; their ids."""
        with self.transaction():
            removed = sorted({doc_id for _, doc_id in self._numbered(numbers, metadata_only=True)})
            for doc_id in removed:
                self.delete_document(doc_id)
        return removed

    def _numbered(self, numbers: Sequence[str], metadata_only: bool) -> list[tuple[str, str]]:
        """(DocumentNummer, record id) of the full or the metadata-only records of these."""
        found: list[tuple[str, str]] = []
        for part in batches(list(numbers)):
            rows = self.db.execute(
                "SELECT i.value, d.id FROM identifiers i JOIN documents d ON d.id = i.doc_id "
                f"WHERE i.kind = 'documentnummer' AND i.value IN ({marks(part)}) "
                "AND d.metadata_only = ?",
                [*part, int(metadata_only)],
            )
            found += [(row[0], row[1]) for row in rows]
        return found

    def sitting_date(self, sitting: str) -> int | None:
        row = self.db.execute(
            "SELECT date FROM documents WHERE sitting = ? AND date IS NOT NULL LIMIT 1",
            (sitting,),
        ).fetchone()
        return int(row["date"]) if row else None

    def document_count(self) -> int:
        row = self.db.execute(
            "SELECT sum(n) FROM tallies WHERE name >= ? AND name < ?",
            (DOCUMENTS_TALLY, DOCUMENTS_TALLY + "\uffff"),
        ).fetchone()
        return int(row[0] or 0)

    def counts(self) -> Counts:
        """Documents per kind, table sizes and the period covered: from the running tallies
        and the date index, never by counting rows."""
        counts = Counts()
        tallies = {row["name"]: int(row["n"]) for row in self.db.execute("SELECT * FROM tallies")}
        for name, n in sorted(tallies.items(), key=lambda item: -item[1]):
            if name.startswith(DOCUMENTS_TALLY) and n > 0:
                kind, _, metadata_only = name.removeprefix(DOCUMENTS_TALLY).rpartition(":")
                label = f"{kind} (alleen metadata)" if metadata_only == "1" else kind
                counts.by_type[label] = counts.by_type.get(label, 0) + n
        counts.documents = sum(counts.by_type.values())
        first = self.db.execute("SELECT min(date) FROM documents").fetchone()[0]
        last = self.db.execute("SELECT max(date) FROM documents").fetchone()[0]
        counts.first_date, counts.last_date = first, last
        counts.links = tallies.get("links", 0)
        counts.files = tallies.get("files", 0)
        counts.parts = tallies.get("parts", 0)
        counts.chunks = tallies.get("chunks", 0)
        return counts

    def besluit_zaken(self, besluit_ids: Sequence[str]) -> dict[str, str]:
        """Besluit Id -> the Zaak it was last seen with, for these Besluiten."""
        found: dict[str, str] = {}
        for part in batches(list(besluit_ids)):
            rows = self.db.execute(
                "SELECT besluit_id, zaak_id FROM sync_besluiten "
                f"WHERE besluit_id IN ({marks(part)})",
                part,
            )
            found.update((row[0], row[1]) for row in rows)
        return found

    def put_besluit_zaken(self, links: dict[str, str | None]) -> None:
        """Remember (or, for None, forget) the Zaak of each Besluit."""
        with self.transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO sync_besluiten (besluit_id, zaak_id) VALUES (?, ?)",
                [(b, z) for b, z in links.items() if z is not None],
            )
            self.db.executemany(
                "DELETE FROM sync_besluiten WHERE besluit_id = ?",
                [(b,) for b, z in links.items() if z is None],
            )

    def put_reference(self, entity: str, rows: Sequence[tuple[str, str, dict[str, Any]]]) -> None:
        """Store (Id, key, fields) records of a lookup entity, replacing earlier versions."""
        with self.transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO reference (entity, id, key, data) VALUES (?, ?, ?, ?)",
                [(entity, i, k, json.dumps(d, ensure_ascii=False)) for i, k, d in rows],
            )

    def delete_reference(self, entity: str, ids: Sequence[str]) -> int:
        """Forget these records; how many there were."""
        with self.transaction():
            before = self.db.total_changes
            self.db.executemany(
                "DELETE FROM reference WHERE entity = ? AND id = ?", [(entity, i) for i in ids]
            )
            return self.db.total_changes - before

    def reference(self, entity: str, key: str) -> list[dict[str, Any]]:
        """The fields of the records of `entity` looked up by `key` (lower case)."""
        rows = self.db.execute(
            "SELECT data FROM reference WHERE entity = ? AND key = ? ORDER BY id", (entity, key)
        )
        return [json.loads(row["data"]) for row in rows]

    def reference_ids(self, entity: str, ids: Sequence[str]) -> set[str]:
        """Which of these Ids the table holds."""
        found: set[str] = set()
        for part in batches(list(ids)):
            rows = self.db.execute(
                f"SELECT id FROM reference WHERE entity = ? AND id IN ({marks(part)})",
                [entity, *part],
            )
            found.update(row["id"] for row in rows)
        return found

    def reference_counts(self) -> dict[str, int]:
        rows = self.db.execute("SELECT entity, count(*) AS n FROM reference GROUP BY entity")
        return {row["entity"]: int(row["n"]) for row in rows}

    def pending_files(self) -> dict[str, dict[str, str]]:
        """Document Id -> {"type": content type, "queued": when asked for} of files that a
        sync still has to fetch."""
        rows = self.db.execute("SELECT document_id, type, queued FROM sync_pending_files")
        return {row[0]: {"type": row[1], "queued": row[2]} for row in rows}

    def put_pending_files(self, files: dict[str, str], queued: str) -> None:
        """Queue these files (Document Id -> content type) as asked for at `queued`."""
        with self.transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO sync_pending_files (document_id, type, queued) "
                "VALUES (?, ?, ?)",
                [(i, t, queued) for i, t in files.items()],
            )

    def delete_pending_files(self, document_ids: Sequence[str]) -> None:
        with self.transaction():
            self.db.executemany(
                "DELETE FROM sync_pending_files WHERE document_id = ?",
                [(i,) for i in document_ids],
            )

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row["value"]) if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # -- links -----------------------------------------------------------------------------

    def put_links(self, docs: Sequence[Document]) -> None:
        """Replace the outgoing links of these documents by their current references."""
        with self.transaction():
            for doc in docs:
                self.db.execute("DELETE FROM links WHERE source = ?", (doc.id,))
                self.db.executemany(
                    "INSERT OR IGNORE INTO links (source, target, anchor, footnote, context) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [
                        (doc.id, ref.target, ref.anchor, ref.footnote, ref.context)
                        for ref in doc.references
                        if ref.target != doc.id
                    ],
                )

    def put_link_rows(self, rows: Sequence[tuple[str, str, str, str | None, str]]) -> None:
        """(source, target, anchor, footnote, context) rows, as a store before SQLite kept them."""
        with self.transaction():
            self.db.executemany(
                "INSERT OR IGNORE INTO links (source, target, anchor, footnote, context) "
                "VALUES (?, ?, ?, ?, ?)",
                rows,
            )

    def links_to(self, target: str) -> list[Link]:
        rows = self.db.execute(
            "SELECT source, target, anchor, footnote, context FROM links WHERE target = ? "
            "ORDER BY source, anchor",
            (target,),
        )
        return [
            Link(r["source"], r["target"], r["anchor"], r["context"], r["footnote"]) for r in rows
        ]

    def sources_linking_under(self, prefix: str) -> list[str]:
        """Documents that link to any id starting with `prefix` ("kst-32317-"): a range scan
        on the target index."""
        rows = self.db.execute(
            "SELECT DISTINCT source FROM links WHERE target >= ? AND target < ? ORDER BY source",
            (prefix, prefix + "\uffff"),
        )
        return [row["source"] for row in rows]

    # -- motie parts -----------------------------------------------------------------------

    def put_parts(self, parts: Sequence[tuple[str, Document]]) -> None:
        with self.transaction():
            self.db.executemany(
                "INSERT INTO parts (key, zaak_id, kst, publicatie, source, body) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET "
                "zaak_id = excluded.zaak_id, kst = excluded.kst, "
                "publicatie = excluded.publicatie, source = excluded.source, body = excluded.body",
                [
                    (
                        key,
                        doc.ids.get("zaak_id"),
                        doc.id if doc.id.startswith("kst-") else None,
                        doc.ids.get("publicatie"),
                        doc.source,
                        json.dumps(doc.to_dict(), ensure_ascii=False),
                    )
                    for key, doc in parts
                ],
            )

    def parts_matching(self, field_name: str, values: Iterable[str]) -> dict[str, Document]:
        if field_name not in PART_FIELDS:
            raise ValueError(field_name)
        found: dict[str, Document] = {}
        for part in batches(sorted(set(values))):
            rows = self.db.execute(
                f"SELECT key, body FROM parts WHERE {field_name} IN ({marks(part)})", part
            )
            for row in rows:
                found[row["key"]] = Document.from_dict(json.loads(row["body"]))
        return found

    def delete_parts_from(self, source: str) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM parts WHERE source = ?", (source,))

    def delete_parts(self, keys: Sequence[str]) -> None:
        with self.transaction():
            for part in batches(list(keys)):
                self.db.execute(f"DELETE FROM parts WHERE key IN ({marks(part)})", part)

    # -- file log --------------------------------------------------------------------------

    def file_entries(self, keys: Sequence[str]) -> dict[str, FileEntry]:
        found: dict[str, FileEntry] = {}
        for part in batches(list(keys)):
            rows = self.db.execute(
                f"SELECT key, path, sha256, version, doc_ids FROM files WHERE key IN "
                f"({marks(part)})",
                part,
            )
            for row in rows:
                found[row["key"]] = FileEntry(
                    row["path"], row["sha256"], json.loads(row["doc_ids"]), int(row["version"])
                )
        return found

    def put_file_entries(self, entries: dict[str, FileEntry]) -> None:
        with self.transaction():
            self.db.executemany(
                "INSERT INTO files (key, path, sha256, version, doc_ids) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET path = excluded.path, sha256 = excluded.sha256, "
                "version = excluded.version, doc_ids = excluded.doc_ids",
                [
                    (key, e.path, e.sha256, e.version, json.dumps(e.doc_ids))
                    for key, e in entries.items()
                ],
            )

    def delete_file_entries(self, keys: Sequence[str]) -> None:
        with self.transaction():
            for part in batches(list(keys)):
                self.db.execute(f"DELETE FROM files WHERE key IN ({marks(part)})", part)

    def file_with_content(self, sha256: str, version: int) -> tuple[str, FileEntry] | None:
        """A file in the log with this content, read by at least this pipeline version."""
        row = self.db.execute(
            "SELECT key, path, sha256, version, doc_ids FROM files WHERE sha256 = ? "
            "AND version >= ? ORDER BY key LIMIT 1",
            (sha256, version),
        ).fetchone()
        if row is None:
            return None
        entry = FileEntry(row["path"], row["sha256"], json.loads(row["doc_ids"]), row["version"])
        return row["key"], entry

    def known_file_hashes(self, version: int = 0) -> dict[str, str]:
        rows = self.db.execute("SELECT key, sha256 FROM files WHERE version >= ?", (version,))
        return {row["key"]: row["sha256"] for row in rows}


def date_number(doc: Document) -> int | None:
    date = doc.date
    return date.year * 10000 + date.month * 100 + date.day if date else None
