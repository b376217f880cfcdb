"""`kamer sync`: keep a store up to date from the Tweede Kamer OData API.

Per entity (Zaak, Besluit, Document, Toezegging) the store keeps a position in its meta table,
`sync:<Entity>` = {"since": the newest ApiGewijzigdOp fully processed, "done_ids": the Ids
processed that carry exactly that timestamp}. Each request asks for the records changed at or
after `since`, oldest first (ties by Id), and leaves out the done_ids at that timestamp, so a
sync that was interrupted resumes where it stopped: nothing missed, nothing twice. The next page
is asked for from the new position (keyset paging), not by `$skip`: a record that changes during
a sync moves to the end of the order and would shift every later `$skip` by one.

A page's live records are written as one OData JSON page under <store>/sync/<Entity>/ and read
by the ordinary Ingestor (motie parts joined; passages whose text did not change keep their
vectors); the page file goes once it is read. Deleted records (Verwijderd: true) remove the
documents they made. Then the position moves, in one transaction with the queue of files to
fetch (table `sync_pending_files`): a Document's published file (Document(<Id>)/resource) is fetched
into <store>/sync/files/ and ingested the same way; one not yet published (404) stays queued
for a later sync. The whole sync holds the store's writer lock.

A vote is a Besluit (with its Stemmingen) with its own ApiGewijzigdOp; the Zaak's does not move.
So changed Besluit records are paged like the others, and the Zaken they name (a deleted one:
the Zaak it was last seen with, table `sync_besluiten`) are fetched again, `Zaak(<Id>)` with the
Zaak $expand, and written as records of a Zaak page; then the Besluit position moves.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.documents import Document
from assistant.embed import Embedder
from assistant.errors import SyncError
from assistant.settings import Settings
from assistant.store import SYNC_LAST_ERROR, SYNC_LAST_RUN, SYNC_NEWEST, Store
from ingest.kamer_api import KamerApi, Resource
from ingest.merge import odata_part_keys
from ingest.pipeline import (
    INGESTED,
    REJECTED,
    SKIPPED,
    Ingestor,
    Progress,
    SilentProgress,
    file_key,
)
from ingest.sources.odata import ODataReader
from ingest.sync_records import (
    ENTITIES,
    GUID_RE,
    REFERENCE_FIELDS,
    Position,
    Record,
    identity,
    label_of,
    problem_of,
    reference_row,
    relevant,
    since_of,
    staged,
    timestamp_key,
    zaak_ids_of,
)

__all__ = ["ENTITIES", "Position", "SyncReport", "Syncer", "since_of", "timestamp_key"]

# The identifier under which ingest/sources/odata.py keeps each entity's OData Id.
ID_KIND = {
    "Zaak": "zaak_id",
    "Document": "document_id",
    "Toezegging": "toezegging_id",
    "Activiteit": "activiteit_id",
}
# Lookup entities are read whole the first time, whatever --sinds says: a member or a dossier
# last changed years ago is still needed.
EARLIEST = "1900-01-01T00:00:00.0000000Z"
POSITION = "sync:{entity}"
FOLDER = "sync"
PAGE_FILE = "pagina.json"
# A file still not published after this long is no longer asked for.
PENDING_DAYS = 30
EXTENSIONS = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/json": ".json",
}


@dataclass
class EntityCounts:
    new: int = 0
    changed: int = 0
    deleted: int = 0
    ignored: int = 0  # not a motie, no DocumentNummer, or deleted before we had it
    requests: int = 0


@dataclass
class SyncReport:
    source: str
    entities: dict[str, EntityCounts] = field(default_factory=dict)
    records: int = 0  # records read that were not processed before
    files_fetched: int = 0
    files_pending: int = 0
    skipped: list[str] = field(default_factory=list)  # malformed records, by entity and Id
    warnings: list[str] = field(default_factory=list)
    newest_change: str | None = None
    stale_source: str | None = None
    seconds: float = 0.0


def advanced(position: Position, records: list[Any]) -> Position:
    """The position once these records (a page, in the API's order) are processed: the newest
    timestamp among them, the Ids at it, and the last real Id at it (records without a usable
    Id or timestamp do not move it)."""
    newest, at_newest, after = position.since, set(position.done), position.after
    for record in records:
        name = identity(record)
        key = timestamp_key(record.get("ApiGewijzigdOp")) if name else None
        if not (name and key and key >= newest):
            continue
        if key > newest:
            newest, at_newest, after = key, set(), None
        at_newest.add(name)
        if GUID_RE.match(name):
            after = name
    return Position(newest, frozenset(at_newest), after)


def besluit_links(zaken: list[Any]) -> dict[str, str]:
    """Besluit Id -> Zaak Id from the expanded Besluit lists of live Zaak records."""
    links: dict[str, str] = {}
    for zaak in zaken:
        if problem_of("Zaak", zaak) or zaak.get("Verwijderd") or not relevant("Zaak", zaak):
            continue
        for besluit in zaak.get("Besluit") or []:
            if isinstance(besluit, dict) and isinstance(besluit.get("Id"), str):
                links[besluit["Id"]] = zaak["Id"]
    return links


def safe_name(record_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9-]", "", record_id)[:80] or "document"


class SyncedPage:
    """A staged page, read by the OData reader; each document's source becomes the address of
    its record in the API (the page file is gone once read)."""

    name = "odata-sync"

    def __init__(self, api: KamerApi, entity: str) -> None:
        self.api = api
        self.entity = entity

    def sniff(self, path: Path, head: bytes) -> bool:
        return True

    def read(self, path: Path) -> Iterator[Document]:
        for doc in ODataReader().read(path):
            if record_id := doc.ids.get(ID_KIND[self.entity]):
                doc.source = self.api.record_url(self.entity, record_id)
            yield doc


class Syncer:
    """One sync of a store with the API: `run()` per call, under the store's writer lock."""

    def __init__(
        self,
        store: Store,
        embedder: Embedder,
        settings: Settings,
        progress: Progress | None = None,
        api: KamerApi | None = None,
        now: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.settings = settings
        # Told of each page's records after they are written and before the position moves.
        self.progress = progress or SilentProgress()
        self.api = api or KamerApi(settings)
        self.now = now or (lambda: dt.datetime.now(dt.UTC))
        self.folder = settings.store / FOLDER

    def run(
        self, entities: Sequence[str] = ENTITIES, since: str | None = None, restart: bool = False
    ) -> SyncReport:
        """Sync the entities. `since` (a timestamp_key) starts an entity that has no position;
        with `restart` it replaces the stored one."""
        started = time.monotonic()
        report = SyncReport(self.api.root)
        with self.store.writer_lock():
            self._clear_staging()
            positions = {entity: self._start(entity, since, restart) for entity in entities}
            try:
                for entity in entities:
                    self._sync(entity, positions[entity], report)
                self._fetch_files(report)
            except SyncError as error:
                failed = {"at": self.now().isoformat(), "message": str(error)}
                self.store.db.set_meta(SYNC_LAST_ERROR, json.dumps(failed, ensure_ascii=False))
                raise
            finished = self.now()
            with self.store.db.transaction():
                self.store.db.set_meta(SYNC_LAST_RUN, finished.isoformat())
                self.store.db.set_meta(SYNC_LAST_ERROR, "")
            report.newest_change = self.store.db.meta(SYNC_NEWEST)
            report.stale_source = self._stale_source(report, finished)
        report.seconds = time.monotonic() - started
        return report

    # -- positions -------------------------------------------------------------------------

    def position(self, entity: str) -> Position | None:
        raw = self.store.db.meta(POSITION.format(entity=entity))
        if not raw:
            return None
        try:
            data = json.loads(raw)
            since = timestamp_key(data["since"])
            done = data["done_ids"]
            after = data.get("after")
            if since is None or not all(isinstance(i, str) for i in done):
                raise ValueError(raw)
            if not (after is None or (isinstance(after, str) and GUID_RE.match(after))):
                raise ValueError(raw)
        except (ValueError, KeyError, TypeError):
            raise SyncError(
                f"De synchronisatiepositie van {entity} in {self.store.describe()} is onleesbaar. "
                "Begin opnieuw met `kamer sync --sinds DATUM --herstart`."
            ) from None
        return Position(since, frozenset(done), after)

    def _start(self, entity: str, since: str | None, restart: bool) -> Position:
        stored = self.position(entity)
        if stored is not None and not (restart and since):
            return stored
        if entity in REFERENCE_FIELDS:
            since = EARLIEST
        elif entity == "Activiteit" and since is None:
            # Toezeggingen carry their Activiteit as it was when they were read: only changes
            # from where the other entities stand matter.
            others = [p.since for e in ENTITIES if e != entity and (p := self.position(e))]
            since = min(others, default=None)
        if since is None:
            raise SyncError(
                f"Nog geen synchronisatiepositie voor {entity} in {self.store.describe()}: geef "
                "de eerste keer op vanaf wanneer, bijvoorbeeld `kamer sync --sinds 2024-12-01`."
            )
        start = Position(since)
        self.store.db.set_meta(POSITION.format(entity=entity), start.to_json())
        return start

    # -- records ---------------------------------------------------------------------------

    def _sync(self, entity: str, position: Position, report: SyncReport) -> None:
        counts = report.entities.setdefault(entity, EntityCounts())
        self.progress.stage(entity, 0)
        url = self.api.changed_since(entity, position)
        while True:
            page = self.api.page(url, entity)
            counts.requests += 1
            fresh = [r for r in page.records if not position.covers(r)]
            moved = advanced(position, page.records)
            if fresh:
                self._apply(entity, fresh, moved, report)
            elif moved != position:
                self.store.db.set_meta(POSITION.format(entity=entity), moved.to_json())
            if page.next_link is None:
                break
            # From the new position (keyset); the server's own next page only when nothing
            # moved it (a full page of records without a usable Id or timestamp).
            url = page.next_link if moved == position else self.api.changed_since(entity, moved)
            position = moved
        self.progress.done()

    def _apply(self, entity: str, records: list[Any], moved: Position, report: SyncReport) -> None:
        """Process a page's new records; then, in one transaction, move to `moved`."""
        counts = report.entities[entity]
        report.records += len(records)
        besluiten: dict[str, str | None] = {}  # what this page changes
        gone: list[str] = []
        files: dict[str, str] = {}
        if entity == "Besluit":
            # The Zaken named, fetched as they are now and written as records of a Zaak page.
            zaken = self._zaken_of_besluiten(records, besluiten, report)
            fetched = [z for zaak_id in zaken if (z := self._refetch("Zaak", zaak_id, counts))]
            gone, files = self._write("Zaak", fetched, counts, report)
            besluiten.update(besluit_links(fetched))
        elif entity == "Activiteit":
            # The Toezeggingen made in these debates, fetched as they are now.
            wanted = self._toezeggingen_of(records, counts, report)
            fetched = [t for t_id in wanted if (t := self._refetch("Toezegging", t_id, counts))]
            self._write("Toezegging", fetched, counts, report)
        elif entity in REFERENCE_FIELDS:
            self._write_reference(entity, records, counts, report)
        else:
            gone, files = self._write(entity, records, counts, report)
            if entity == "Zaak":
                besluiten.update(besluit_links(records))
        self.progress.advance(len(records))

        with self.store.db.transaction():
            self.store.db.set_meta(POSITION.format(entity=entity), moved.to_json())
            self.store.db.put_pending_files(files, self.now().isoformat())
            self.store.db.delete_pending_files(list(gone))
            self.store.db.put_besluit_zaken(besluiten)
            if moved.since > (self.store.db.meta(SYNC_NEWEST) or ""):
                self.store.db.set_meta(SYNC_NEWEST, moved.since)

    def _write_reference(
        self, entity: str, records: list[Any], counts: EntityCounts, report: SyncReport
    ) -> None:
        """Store live lookup records, forget deleted ones."""
        rows, gone = [], []
        for record in records:
            if problem := problem_of(entity, record):
                report.skipped.append(f"{entity} {label_of(record)}: {problem}")
            elif record.get("Verwijderd"):
                gone.append(record["Id"])
            else:
                rows.append(reference_row(entity, record))
        known = self.store.db.reference_ids(entity, [row[0] for row in rows])
        counts.changed += len(known)
        counts.new += len(rows) - len(known)
        self.store.db.put_reference(entity, rows)
        deleted = self.store.db.delete_reference(entity, gone)
        counts.deleted += deleted
        counts.ignored += len(gone) - deleted

    def _write(
        self, entity: str, records: list[Any], counts: EntityCounts, report: SyncReport
    ) -> tuple[list[str], dict[str, str]]:
        """Ingest the live records and remove what the deleted ones made: (deleted Ids,
        Document Id -> content type of files to fetch)."""
        live: list[Record] = []
        gone: list[str] = []
        files: dict[str, str] = {}
        for record in records:
            if problem := problem_of(entity, record):
                report.skipped.append(f"{entity} {label_of(record)}: {problem}")
            elif record.get("Verwijderd"):
                gone.append(record["Id"])
            elif not relevant(entity, record):
                counts.ignored += 1
            else:
                live.append(staged(entity, record))
                content_type = record.get("ContentType")
                if entity == "Document" and isinstance(content_type, str) and content_type:
                    files[record["Id"]] = content_type
        if live:
            self._ingest(entity, live, counts, report)
        for record_id in gone:
            if self._delete(entity, record_id):
                counts.deleted += 1
            else:
                counts.ignored += 1
        return gone, files

    # -- Besluit: a vote changes the Besluit, not the Zaak ---------------------------------

    def _zaken_of_besluiten(
        self, records: list[Any], besluiten: dict[str, str | None], report: SyncReport
    ) -> list[str]:
        """The Zaken whose outcome these Besluit records may change: those they name, and for
        a deleted Besluit (its link emptied) the Zaak it was last seen with. What changes in
        the Besluit -> Zaak links goes into `besluiten` (None: forget)."""
        ids = [r["Id"] for r in records if isinstance(r, dict) and isinstance(r.get("Id"), str)]
        known = self.store.db.besluit_zaken(ids)
        zaken: list[str] = []
        for record in records:
            if problem := problem_of("Besluit", record):
                report.skipped.append(f"Besluit {label_of(record)}: {problem}")
                continue
            named = zaak_ids_of(record)
            if not named and record["Id"] in known:
                named = [known[record["Id"]]]
            zaken += named
            if record.get("Verwijderd"):
                besluiten[record["Id"]] = None
            elif named:
                besluiten[record["Id"]] = named[0]
            else:
                report.entities["Besluit"].ignored += 1
        return list(dict.fromkeys(zaken))

    def _refetch(self, entity: str, record_id: str, counts: EntityCounts) -> Record | None:
        """The record as it is now, expanded as the sync of its entity asks for it."""
        counts.requests += 1
        record = self.api.record(entity, record_id)
        if record is None:
            counts.ignored += 1
        return record

    # -- Activiteit: a changed debate changes what its Toezeggingen say about it -----------

    def _toezeggingen_of(
        self, records: list[Any], counts: EntityCounts, report: SyncReport
    ) -> list[str]:
        """The Toezegging Ids of the commitments in the store made in these Activiteiten."""
        wanted: list[str] = []
        for record in records:
            if problem := problem_of("Activiteit", record):
                report.skipped.append(f"Activiteit {label_of(record)}: {problem}")
                continue
            docs = [
                doc
                for doc_id in self.store.ids_with("activiteit_id", record["Id"])
                if (doc := self.store.get_document(doc_id)) and doc.ids.get("toezegging_id")
            ]
            if not docs:
                counts.ignored += 1
            # Not again when the version read with it is this one (a first sync, a
            # re-emission), nor for a deleted debate once its Toezegging no longer shows it.
            read = [(doc, doc.extra.get("activiteit_gewijzigd")) for doc in docs]
            if record.get("Verwijderd"):
                wanted += [doc.ids["toezegging_id"] for doc, version in read if version]
            else:
                now = record.get("GewijzigdOp")
                wanted += [doc.ids["toezegging_id"] for doc, version in read if version != now]
        return list(dict.fromkeys(wanted))

    def _ingest(
        self, entity: str, records: list[Record], counts: EntityCounts, report: SyncReport
    ) -> None:
        for record in records:
            if self._known(entity, record):
                counts.changed += 1
            else:
                counts.new += 1
        zaken = [r["Id"] for r in records] if entity == "Zaak" else []
        # A Zaak record holds all its OData side: its earlier parts (either role) go.
        self.store.db.delete_parts([key for zaak in zaken for key in odata_part_keys(zaak)])
        path = self.folder / entity / PAGE_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"value": records}, ensure_ascii=False), encoding="utf-8")
        ingestor = Ingestor(
            self.store, self.embedder, self.settings, readers=[SyncedPage(self.api, entity)]
        )
        outcome = ingestor.run([path])
        self._unstage(path)
        produced: set[str] = set()
        for result in outcome.files:
            if result.status == INGESTED:
                produced.update(result.doc_ids)
            elif result.status in (REJECTED, SKIPPED):
                report.skipped += [f"{entity} {r['Id']}: {result.reason}" for r in records]
            if result.warning:
                report.skipped.append(f"{entity}: {result.warning}")
        report.warnings += outcome.warnings
        if not produced:
            return
        # What an earlier version of a Zaak made under another id (a Zaak nummer before its
        # Kamerstuk was known) is no longer made by it.
        for zaak in zaken:
            for doc_id in self.store.ids_with("zaak_id", zaak):
                if doc_id not in produced:
                    self.store.delete_document(doc_id)

    def _known(self, entity: str, record: Record) -> bool:
        """Whether the store has what an earlier version of this record made (a Document
        record may live on inside the full record of its motie, by DocumentNummer)."""
        if self.store.ids_with(ID_KIND[entity], record["Id"]):
            return True
        nummer = record.get("DocumentNummer") if entity == "Document" else None
        return bool(nummer and self.store.ids_with("documentnummer", nummer.strip()))

    def _delete(self, entity: str, record_id: str) -> bool:
        """Remove what a deleted record made; False when there was nothing."""
        doc_ids = self.store.ids_with(ID_KIND[entity], record_id)
        for doc_id in doc_ids:
            self.store.delete_document(doc_id)
        if entity == "Zaak":
            self.store.db.delete_parts(odata_part_keys(record_id))
        if entity == "Document":
            doc_ids += self._forget_file(record_id)
        return bool(doc_ids)

    # -- files -----------------------------------------------------------------------------

    def pending_files(self) -> dict[str, dict[str, str]]:
        """Document Id -> {"type": content type, "queued": when first asked for}."""
        return self.store.db.pending_files()

    def _fetch_files(self, report: SyncReport) -> None:
        pending = self.pending_files()
        self.progress.stage("Bestanden ophalen", len(pending))
        oldest = self.now() - dt.timedelta(days=PENDING_DAYS)
        left = len(pending)
        for document_id, wanted in sorted(pending.items()):
            try:
                resource = self.api.resource(document_id)
            except SyncError as error:
                report.warnings.append(f"Bestanden later opnieuw: {error}")
                break
            if resource is not None:
                self._ingest_file(document_id, resource, wanted.get("type", ""), report)
                self.store.db.delete_pending_files([document_id])
                left -= 1
                self.progress.advance()
            elif self._expired(wanted.get("queued", ""), oldest):
                report.warnings.append(
                    f"Document {document_id}: na {PENDING_DAYS} dagen nog geen bestand "
                    "gepubliceerd; niet meer gevraagd."
                )
                self.store.db.delete_pending_files([document_id])
                left -= 1
        self.progress.done()
        report.files_pending = left

    @staticmethod
    def _expired(queued: str, oldest: dt.datetime) -> bool:
        try:
            return dt.datetime.fromisoformat(queued) < oldest
        except ValueError:
            return True

    def _ingest_file(
        self, document_id: str, resource: Resource, announced: str, report: SyncReport
    ) -> None:
        if len(resource.body) > self.settings.max_file_mb * 1024 * 1024:
            report.warnings.append(
                f"Document {document_id}: bestand groter dan {self.settings.max_file_mb} MB, "
                "niet ingelezen (KAMER_MAX_FILE_MB)."
            )
            return
        extension = EXTENSIONS.get(resource.content_type) or EXTENSIONS.get(announced, ".bin")
        path = self.folder / "files" / f"{safe_name(document_id)}{extension}"
        self._forget_file(document_id, keep=path)  # one of another kind, before
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(resource.body)
        outcome = Ingestor(self.store, self.embedder, self.settings).run([path])
        report.files_fetched += 1
        for result in outcome.files:
            if result.status in (REJECTED, SKIPPED):
                report.warnings.append(f"Document {document_id}: bestand {result.reason}")
                path.unlink(missing_ok=True)

    def _forget_file(self, document_id: str, keep: Path | None = None) -> list[str]:
        """Remove the fetched files of a Document and what they made, except `keep` (the file
        about to be replaced: its new version replaces what it made, as with any ingest)."""
        removed: list[str] = []
        folder = self.folder / "files"
        for path in sorted(folder.glob(f"{safe_name(document_id)}.*")) if folder.is_dir() else []:
            if path == keep:
                continue
            if (entry := self.store.file_entry(file_key(path))) is not None:
                for doc_id in entry.doc_ids:
                    self.store.delete_document(doc_id)
                removed += entry.doc_ids
                self.store.db.delete_file_entries([file_key(path)])
            path.unlink(missing_ok=True)
        return removed

    # -- housekeeping ----------------------------------------------------------------------

    def _unstage(self, path: Path) -> None:
        """The page file and its line in the file log: a page is read once, and another page
        at the same place must not count as a changed version of it."""
        self.store.db.delete_file_entries([file_key(path)])
        path.unlink(missing_ok=True)

    def _clear_staging(self) -> None:
        """What a sync that was stopped left behind."""
        for entity in ENTITIES:
            self._unstage(self.folder / entity / PAGE_FILE)

    def _stale_source(self, report: SyncReport, now: dt.datetime) -> str | None:
        """A warning when nothing came in and the newest change known is old."""
        newest = report.newest_change
        if report.records or not newest:
            return None
        hours = self.settings.sync_max_age_hours
        if now - dt.datetime.fromisoformat(newest) <= dt.timedelta(hours=hours):
            return None
        return (
            f"Let op: de bron gaf niets nieuws, en de nieuwste wijziging die de index kent is van "
            f"{newest[:16].replace('T', ' ')} UTC, meer dan {hours} uur geleden. Mogelijk werkt "
            f"de bron ({self.api.root}) niet meer bij; zie https://opendata.tweedekamer.nl."
        )
