"""`kamer doctor`: check a store, say in Dutch what is wrong and how to repair it.

Each check gives a count and a few example ids. With `repair`, what can be fixed safely is
fixed under the writer lock: passages without a document and vectors without a passage are
deleted, a full-text index out of step with its table is rebuilt. Nothing is embedded again:
the files that made passages without a vector are dropped from the file log, so the next
`kamer ingest` reads them again. Every scan pages through SQLite (by index) and Chroma (by
limit and offset): memory stays bounded at a million passages.
"""

from __future__ import annotations

import fcntl
import json
import sqlite3
import textwrap
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.embed import HASH_MODEL, Embedder, HashEmbedder, SentenceTransformerEmbedder
from assistant.errors import KamerError
from assistant.records import FILE_NAME, SCHEMA_VERSION, batches, marks
from assistant.render import terminal_safe
from assistant.settings import Settings
from assistant.store import Store, notify

if TYPE_CHECKING:
    from collections.abc import Sequence

# The file `Store.writer_lock` flocks; the lock is the flock, not the file's presence.
LOCK_FILE = ".ingest.lock"
EXAMPLES = 5
MODEL_DIMS = 768  # EmbeddingGemma's full vector
FULL_TEXT_INDEXES = ("chunk_terms", "document_titles")

OK, INFO, PROBLEM, REPAIRED = "ok", "info", "problem", "repaired"
LABELS = {OK: "in orde", INFO: "info", PROBLEM: "PROBLEEM", REPAIRED: "hersteld"}


@dataclass
class Finding:
    key: str
    title: str
    status: str
    count: int | None = None
    examples: list[str] = field(default_factory=list)
    detail: str = ""
    hint: str = ""
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class Diagnosis:
    store: str
    repair: bool
    findings: list[Finding] = field(default_factory=list)

    @property
    def problems(self) -> int:
        return sum(1 for f in self.findings if f.status == PROBLEM)

    def to_json(self) -> dict[str, Any]:
        return {
            "store": self.store,
            "repair": self.repair,
            "healthy": not self.problems,
            "problems": self.problems,
            "checks": [asdict(f) for f in self.findings],
        }


def diagnose(
    settings: Settings,
    repair: bool = False,
    embedder: Embedder | None = None,
    page: int | None = None,
    notice: Callable[[str], None] = notify,
) -> Diagnosis:
    """Every check on the store in `settings`; with `repair`, fix what is safe to fix."""
    folder = settings.store
    diagnosis = Diagnosis(settings.describe_store(), repair)
    found = diagnosis.findings
    found.append(lock_state(folder / LOCK_FILE))
    path = folder / FILE_NAME
    if not path.is_file():
        found.append(
            Finding(
                "store", "Index", PROBLEM, detail=f"Geen index gevonden in {folder}.",
                hint="Draai eerst `kamer ingest <map>` (of kies de map met --store).",
            )
        )  # fmt: skip
        return diagnosis
    try:
        version = stored_version(path)
        store = Store.open(settings, notice)
        size = page or store.batch
    except (sqlite3.DatabaseError, KamerError) as error:
        found.append(
            Finding(
                "store", "Index", PROBLEM, detail=f"De index is niet te openen: {error}",
                hint="Herstel een back-up of bouw de index opnieuw op (verwijder de map en "
                "draai `kamer ingest`).",
            )
        )  # fmt: skip
        return diagnosis
    found.append(schema_finding(version))
    checks: list[tuple[str, str, Callable[[], Finding]]] = [
        ("quick_check", "Databasecontrole", partial(quick_check, store)),
        # Before any passage is deleted: its trigger writes to the full-text index.
        *[
            (f"fts_{name}", f"Zoekindex {name}", partial(full_text, store, name, repair))
            for name in FULL_TEXT_INDEXES
        ],
        ("passages_without_document", "Passages zonder document",
         partial(passages_without_document, store, repair, size)),
        ("vectors_without_passage", "Vectoren zonder passage",
         partial(vectors_without_passage, store, repair, size)),
        ("passages_without_vector", "Passages zonder vector",
         partial(passages_without_vector, store, repair, size)),
        ("links_to_missing", "Verwijzingen naar documenten buiten de index",
         partial(links_to_missing, store)),
        ("subjects_without_vector", "Moties zonder onderwerpvector",
         partial(subjects_without_vector, store)),
        ("embedding", "Lengte van de vectoren",
         partial(embedding_length, store, settings, embedder)),
    ]  # fmt: skip
    with store.writer_lock() if repair else nullcontext():
        for key, title, check in checks:
            found.append(guarded(key, title, check))
        # Counted last, so that after a repair they say what the store holds now; shown first.
        title = "Aantallen na herstel" if repair else "Aantallen"
        found.insert(3, guarded("counts", title, partial(counts, store, title)))
    return diagnosis


def guarded(key: str, title: str, check: Callable[[], Finding]) -> Finding:
    """A check that cannot read what it checks is itself a finding."""
    from chromadb.errors import ChromaError

    try:
        return check()
    except (sqlite3.DatabaseError, KamerError, ChromaError) as error:
        return Finding(key, title, PROBLEM, detail=f"Niet te controleren: {error}")


def lock_state(path: Path) -> Finding:
    """Whether a writer holds the store now (a left-behind lock file is harmless: flock)."""
    title = "Schrijfslot"
    if not path.is_file():
        return Finding("lock", title, OK, detail="Geen lockbestand: er schrijft niemand.")
    with path.open("rb") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return Finding(
                "lock", title, INFO, data={"held": True},
                detail="Een ander proces schrijft nu in de index (het slot is bezet): passages "
                "en vectoren kunnen tijdelijk niet kloppen.",
                hint="Draai `kamer doctor` opnieuw als die klaar is; --repair wacht er vanzelf op.",
            )  # fmt: skip
        fcntl.flock(handle, fcntl.LOCK_UN)
    return Finding(
        "lock", title, OK, data={"held": False},
        detail="Het slot is vrij; het lockbestand mag blijven staan (onschadelijk).",
    )  # fmt: skip


def stored_version(path: Path) -> int:
    """The schema version on disk, read before `Store.open` upgrades an older one."""
    db = sqlite3.connect(path)
    try:
        return int(db.execute("PRAGMA user_version").fetchone()[0])
    finally:
        db.close()


def schema_finding(version: int) -> Finding:
    data = {"stored": version, "expected": SCHEMA_VERSION}
    if version < SCHEMA_VERSION:
        detail = f"Versie {version} is bij het openen bijgewerkt naar {SCHEMA_VERSION}."
        return Finding("schema", "Schemaversie", INFO, detail=detail, data=data)
    detail = f"Versie {version} (deze versie van de assistent verwacht {SCHEMA_VERSION})."
    return Finding("schema", "Schemaversie", OK, detail=detail, data=data)


def quick_check(store: Store) -> Finding:
    rows = [str(r[0]) for r in store.db.db.execute(f"PRAGMA quick_check({EXAMPLES})")]
    if rows == ["ok"]:
        return Finding("quick_check", "Databasecontrole", OK, detail="PRAGMA quick_check: ok.")
    return Finding(
        "quick_check", "Databasecontrole", PROBLEM, count=len(rows), examples=safe(rows),
        detail=f"PRAGMA quick_check vond fouten in {store.db.path}.",
        hint="Niet veilig te herstellen: zet een back-up terug of bouw de index opnieuw op "
        "(verwijder de map en draai `kamer ingest`).",
    )  # fmt: skip


def counts(store: Store, title: str = "Aantallen") -> Finding:
    """From the running tallies the store keeps; only the small tables are counted."""
    tallies = store.db.counts()
    db = store.db.db
    figures = {
        "documents": tallies.documents,
        "by_type": tallies.by_type,
        "passages": tallies.chunks,
        "vectors": store.chunks.count(),
        "links": tallies.links,
        "files": tallies.files,
        "parts": tallies.parts,
        "commitments": int(db.execute("SELECT count(*) FROM commitments").fetchone()[0]),
    }
    kinds = ", ".join(f"{kind} {n}" for kind, n in tallies.by_type.items())
    detail = (
        f"{figures['documents']} documenten ({kinds or 'geen'}), {figures['passages']} passages, "
        f"{figures['vectors']} vectoren, {figures['links']} verwijzingen, {figures['files']} "
        f"bestanden, {figures['parts']} motiedelen, {figures['commitments']} toezeggingen."
    )
    return Finding("counts", title, INFO, detail=detail, data=figures)


def full_text(store: Store, name: str, repair: bool) -> Finding:
    """The FTS5 index against its content table (rank 1: compare with the content too)."""
    key, title = f"fts_{name}", f"Zoekindex {name}"
    if fts_intact(store, name):
        return Finding(key, title, OK, detail="Klopt met de tabel.")
    if repair:
        with store.db.transaction():
            store.db.db.execute(f"INSERT INTO {name} ({name}) VALUES ('rebuild')")
        if fts_intact(store, name):
            return Finding(
                key, title, REPAIRED, detail="Klopte niet met de tabel; opnieuw opgebouwd."
            )
    return Finding(
        key, title, PROBLEM, detail="Klopt niet met de tabel (integrity-check faalt).",
        hint="`kamer doctor --repair` bouwt hem opnieuw op.",
    )  # fmt: skip


def fts_intact(store: Store, name: str) -> bool:
    try:
        store.db.db.execute(f"INSERT INTO {name} ({name}, rank) VALUES ('integrity-check', 1)")
    except sqlite3.OperationalError:
        raise  # busy or locked: not a verdict on the index
    except sqlite3.DatabaseError:
        return False
    return True


def passages_without_document(store: Store, repair: bool, size: int) -> Finding:
    """Passages whose document record is gone, by document (the chunks_doc index, no text)."""
    db = store.db.db
    key, title = "passages_without_document", "Passages zonder document"
    total = 0
    examples: list[str] = []
    # Paged by doc_id; the first page has no lower bound (a passage may have doc_id '').
    after: list[str] = []
    while rows := db.execute(
        f"SELECT doc_id, count(*) FROM chunks WHERE {'doc_id > ?' if after else '1'} AND "
        "NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = chunks.doc_id) "
        "GROUP BY doc_id ORDER BY doc_id LIMIT ?",
        (*after, size),
    ).fetchall():
        after = [rows[-1][0]]
        total += sum(int(r[1]) for r in rows)
        if len(examples) < EXAMPLES:
            ids = store.lexical.ids_of([r[0] for r in rows[:EXAMPLES]])
            examples += ids[: EXAMPLES - len(examples)]
        if repair:
            for doc_id, _ in rows:
                store.delete_chunks(store.lexical.ids_of([doc_id]))
    return orphans_found(
        key, title, total, examples, repair,
        repaired=f"{total} passage(s) zonder document verwijderd, met hun vectoren.",
        problem=f"{total} passage(s) horen bij een document dat niet in de index staat.",
        hint="`kamer doctor --repair` verwijdert ze (met hun vectoren).",
    )  # fmt: skip


def vectors_without_passage(store: Store, repair: bool, size: int) -> Finding:
    """Chroma's ids page by page, each page looked up in SQLite by the unique id index."""
    key, title = "vectors_without_passage", "Vectoren zonder passage"
    total = offset = 0
    examples: list[str] = []
    while ids := list(store.chunks.get(include=[], limit=size, offset=offset)["ids"]):
        known = store.lexical.positions_of(ids)
        orphans = [i for i in ids if i not in known]
        total += len(orphans)
        examples += orphans[: EXAMPLES - len(examples)]
        if repair and orphans:
            store.chunks.delete(ids=orphans)
            # The rest moved up by as many places as were deleted from this page.
            offset += len(ids) - len(orphans)
        else:
            offset += len(ids)
    return orphans_found(
        key, title, total, examples, repair,
        repaired=f"{total} vector(en) zonder passage verwijderd.",
        problem=f"{total} vector(en) in Chroma hebben geen passage in de index.",
        hint="`kamer doctor --repair` verwijdert ze.",
    )  # fmt: skip


def orphans_found(
    key: str, title: str, total: int, examples: list[str], repair: bool,
    *, repaired: str, problem: str, hint: str,
) -> Finding:  # fmt: skip
    """The finding of a check for orphans: none, removed (with --repair), or a problem."""
    if not total:
        return Finding(key, title, OK, count=0)
    if repair:
        return Finding(key, title, REPAIRED, count=total, examples=safe(examples), detail=repaired)
    return Finding(
        key, title, PROBLEM, count=total, examples=safe(examples), detail=problem, hint=hint
    )


def passage_ids(store: Store, size: int) -> Iterator[list[str]]:
    """Every passage id in pages, in id order (the unique index: no passage text is read)."""
    last = ""
    while rows := store.db.db.execute(
        "SELECT id FROM chunks WHERE id > ? ORDER BY id LIMIT ?", (last, size)
    ).fetchall():
        last = rows[-1][0]
        yield [row[0] for row in rows]


def passages_without_vector(store: Store, repair: bool, size: int) -> Finding:
    """Passages Chroma has no vector for (metadata-only documents have no passages at all)."""
    key, title = "passages_without_vector", "Passages zonder vector"
    total = 0
    examples: list[str] = []
    documents: set[str] = set()
    for ids in passage_ids(store, size):
        missing = sorted(set(ids) - set(store.chunks.get(ids=ids, include=[])["ids"]))
        total += len(missing)
        examples += missing[: EXAMPLES - len(examples)]
        if repair and missing:
            documents.update(documents_of(store, missing))
    if not total:
        return Finding(key, title, OK, count=0)
    detail = f"{total} passage(s) hebben geen vector: vragen vinden ze alleen op trefwoord."
    hint = (
        "Draai `kamer ingest` opnieuw voor passages zonder vector; is hun bestand al eens "
        "helemaal ingelezen, draai dan eerst `kamer doctor --repair` (dat haalt het uit het "
        "bestandslog, zodat ingest het opnieuw leest)."
    )
    data: dict[str, Any] = {}
    if repair:
        forgotten = forget_files_of(store, documents)
        data["files_forgotten"] = forgotten
        hint = (
            f"Draai `kamer ingest <map>` opnieuw voor passages zonder vector: de {forgotten} "
            "bestand(en) waaruit ze komen zijn uit het bestandslog gehaald en worden dan "
            "opnieuw gelezen (hier wordt niets opnieuw ge-embed)."
        )
    return Finding(
        key, title, PROBLEM, count=total, examples=safe(examples), detail=detail, hint=hint,
        data=data,
    )  # fmt: skip


def documents_of(store: Store, ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for part in batches(list(ids)):
        rows = store.db.db.execute(f"SELECT doc_id FROM chunks WHERE id IN ({marks(part)})", part)
        found.update(row[0] for row in rows)
    return found


def forget_files_of(store: Store, documents: set[str]) -> int:
    """Drop the file-log entries that produced these documents: `kamer ingest` then reads those
    files again instead of skipping them as unchanged, and embeds what has no vector."""
    db = store.db.db
    stale: list[str] = []
    last = ""
    while rows := db.execute(
        "SELECT key, doc_ids FROM files WHERE key > ? ORDER BY key LIMIT 1000", (last,)
    ).fetchall():
        last = rows[-1][0]
        stale += [row[0] for row in rows if documents.intersection(json.loads(row[1]))]
    with store.db.transaction():
        for part in batches(stale):
            db.execute(f"DELETE FROM files WHERE key IN ({marks(part)})", part)
    return len(stale)


def links_to_missing(store: Store) -> Finding:
    """References to documents outside the store: normal, counted for information."""
    missing = "FROM links l WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = l.target)"
    db = store.db.db
    total = int(db.execute(f"SELECT count(*) {missing}").fetchone()[0])
    targets = [r[0] for r in db.execute(f"SELECT DISTINCT l.target {missing} LIMIT {EXAMPLES}")]
    return Finding(
        "links_to_missing", "Verwijzingen naar documenten buiten de index", INFO, count=total,
        examples=safe(targets),
        detail=f"{total} verwijzing(en) naar documenten die (nog) niet in de index staan: "
        "normaal, geen fout.",
    )  # fmt: skip


def subjects_without_vector(store: Store) -> Finding:
    """Moties whose subject has no vector (yet): a store from before these vectors, or an
    ingest that stopped early. Answers still work; descriptions in the user's own words are
    recognised less often."""
    key, title = "subjects_without_vector", "Moties zonder onderwerpvector"
    missing = store.db.subjects_to_embed()
    if not missing:
        return Finding(key, title, OK, count=0)
    return Finding(
        key, title, INFO, count=len(missing), examples=safe([i for i, _ in missing[:EXAMPLES]]),
        detail=f"{len(missing)} motie(s) zonder (actuele) onderwerpvector: een motie die in eigen "
        "woorden wordt beschreven, wordt dan minder vaak herkend.",
        hint="Draai `kamer ingest <map>` opnieuw; alleen de ontbrekende vectoren worden gemaakt.",
    )  # fmt: skip


def expected_dims(settings: Settings, embedder: Embedder | None = None) -> tuple[int, str]:
    """The vector length the configured embedder produces, without loading a model."""
    if isinstance(embedder, HashEmbedder):
        return embedder.dimensions, embedder.name
    if isinstance(embedder, SentenceTransformerEmbedder):
        return embedder.dims or settings.embed_dims or MODEL_DIMS, embedder.name
    name = Path(settings.embed_model).name
    if settings.embed_dims:
        return settings.embed_dims, f"{name} (embed_dims)"
    if settings.embed_model == HASH_MODEL:
        return HashEmbedder().dimensions, HASH_MODEL
    return MODEL_DIMS, name


def embedding_length(store: Store, settings: Settings, embedder: Embedder | None) -> Finding:
    key, title = "embedding", "Lengte van de vectoren"
    want, model = expected_dims(settings, embedder)
    built = {
        str(row[0]): str(row[1])
        for row in store.db.db.execute("SELECT key, value FROM meta WHERE key LIKE 'embed%'")
    }
    recorded = ", ".join(f"{k} = {v}" for k, v in sorted(built.items()))
    built_with = f" De index is gebouwd met {recorded}." if recorded else ""
    data: dict[str, Any] = {"expected": want, "model": model, "recorded": built}
    got = store.chunks.get(limit=1, include=["embeddings"])
    embeddings = got["embeddings"]
    if not got["ids"] or embeddings is None:
        return Finding(key, title, OK, detail=f"Nog geen vectoren.{built_with}", data=data)
    have = len(embeddings[0])
    data["stored"] = have
    if have == want:
        detail = f"{have}, zoals {model} maakt.{built_with}"
        return Finding(key, title, OK, detail=detail, data=data)
    return Finding(
        key, title, PROBLEM, data=data,
        detail=f"De index heeft vectoren van lengte {have}, het ingestelde model {model} maakt "
        f"er van {want}: vragen kunnen de index niet doorzoeken.{built_with}",
        hint="Zet KAMER_EMBED_MODEL en KAMER_EMBED_DIMS op waarmee de index gebouwd is, of "
        "bouw de index opnieuw op met het huidige model (verwijder de map, `kamer ingest`).",
    )  # fmt: skip


def safe(values: Sequence[str]) -> list[str]:
    """Ids from the store, as they may be printed (no escape sequences)."""
    return [terminal_safe(v) for v in values]


def render_diagnosis(diagnosis: Diagnosis) -> str:
    mode = " (met herstel)" if diagnosis.repair else ""
    lines = [f"Controle van de index in {diagnosis.store}{mode}"]
    for f in diagnosis.findings:
        count = "" if f.count is None else f": {f.count}"
        lines.append(f"  {LABELS[f.status]:<9} {f.title}{count}")
        if f.detail:
            lines.append(indented(f.detail))
        if f.examples:
            lines.append(indented(f"bijv. {', '.join(f.examples)}"))
        if f.hint and f.status == PROBLEM:
            lines.append(indented(f"-> {f.hint}"))
    repaired = sum(1 for f in diagnosis.findings if f.status == REPAIRED)
    if diagnosis.problems:
        lines.append(f"{diagnosis.problems} probleem/problemen gevonden.")
    elif repaired:
        lines.append(f"Alles hersteld ({repaired} controle(s)).")
    else:
        lines.append("Geen problemen gevonden.")
    return terminal_safe("\n".join(lines))


def indented(text: str) -> str:
    return textwrap.fill(
        text, width=100, initial_indent=" " * 12, subsequent_indent=" " * 12,
        break_long_words=False, break_on_hyphens=False,
    )  # fmt: skip
