"""The SQLite half of a store: schema versions, conversion of an older store, one writer at a
time, and lookups that are indexed queries."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.documents import MOTIE, Document
from assistant.errors import StoreError
from assistant.records import FILE_NAME, SCHEMA_VERSION, RecordFilter, Records
from assistant.settings import Settings
from assistant.store import Store, build_client
from ingest.pipeline import Ingestor


def ingest(store: Store, settings: Settings, *paths: Path) -> None:
    from assistant.embed import HashEmbedder

    assert Ingestor(store, HashEmbedder(), settings).run(list(paths)).ok


def test_a_new_store_gets_the_current_schema(tmp_path: Path) -> None:
    Records(tmp_path / FILE_NAME).close()
    db = sqlite3.connect(tmp_path / FILE_NAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "identifiers", "votes", "links", "parts", "files"} <= tables
    db.close()


def test_a_store_from_a_newer_version_is_refused_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="Werk de assistent bij"):
        Records(path)


def test_a_file_that_is_no_database_gets_a_message(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    path.write_bytes(b"dit is geen database" * 100)
    with pytest.raises(StoreError, match="niet te openen"):
        Records(path)


def test_records_and_links_are_written_together_or_not_at_all(
    store: Store, fixtures: Path, settings: Settings
) -> None:
    ingest(store, settings, fixtures / "xml")
    doc = store.get_document("kst-32317-913")
    assert doc is not None
    broken = Document(id="kapot", type=MOTIE, title="x")
    broken.references = doc.references
    before = (store.document_count(), store.db.counts().links)
    with pytest.raises(RuntimeError), store.db.transaction():
        store.put_batch([broken], [])
        raise RuntimeError("schijf vol")
    assert (store.document_count(), store.db.counts().links) == before
    assert store.get_document("kapot") is None


def test_lookups_by_filter_identifier_and_link(
    store: Store, fixtures: Path, settings: Settings
) -> None:
    ingest(store, settings, fixtures / "xml", fixtures / "odata" / "zaken", fixtures / "nota")
    moties = store.record_ids(RecordFilter(types=(MOTIE,), dossier="32317"))
    assert "kst-32317-913" in moties
    doc = store.get_document("kst-32317-913")
    assert doc is not None and doc.ids.get("zaak")
    assert store.get_document(doc.ids["zaak"]).id == doc.id  # type: ignore[union-attr]
    assert store.record_column(RecordFilter(ids=(doc.id,)), "indieners") == {
        doc.id: "Podt, Rajkowski"
    }
    # The nota refers to the motie: found by a range scan on link targets.
    nota = store.record_ids(RecordFilter(types=("nota",)))[0]
    assert nota in store.sources_linking_under("kst-32317-")
    assert nota in {ref.target for ref in store.links_to("kst-32317-913")}


def test_votes_per_fractie_are_rows(store: Store, fixtures: Path, settings: Settings) -> None:
    ingest(store, settings, fixtures / "odata", fixtures / "xml")
    rows = store.db.db.execute(
        "SELECT d.id, v.fractie, v.side, v.seats FROM votes v JOIN documents d ON d.id = v.doc_id"
    ).fetchall()
    assert rows
    doc = store.get_document(rows[0]["id"])
    assert doc is not None and doc.motion is not None
    assert {(v.fractie, v.side, v.seats) for v in doc.motion.votes} == {
        (r["fractie"], r["side"], r["seats"]) for r in rows if r["id"] == doc.id
    }


def test_an_older_store_with_records_in_chroma_is_converted_once(
    settings: Settings, fixtures: Path
) -> None:
    # Build a store, then put its records back the way stores before SQLite kept them.
    store = Store.open(settings)
    ingest(store, settings, fixtures / "xml", fixtures / "odata" / "zaken", fixtures / "nota")
    expected = store.stats()
    docs = store.documents(RecordFilter(types=(MOTIE, "nota")))
    links = store.db.db.execute("SELECT source, target, anchor, context FROM links").fetchall()
    files = store.db.file_entries(list(store.known_file_hashes()))
    store.db.close()
    (settings.store / FILE_NAME).unlink()
    for suffix in ("-wal", "-shm"):
        (settings.store / f"{FILE_NAME}{suffix}").unlink(missing_ok=True)
    client = build_client(settings)
    records = client.get_or_create_collection("kamer_records")
    records.add(
        ids=[d.id for d in docs],
        embeddings=[[1.0]] * len(docs),
        documents=[json.dumps(d.to_dict(), ensure_ascii=False) for d in docs],
        metadatas=[{"type": d.type} for d in docs],
    )
    old_links = client.get_or_create_collection("kamer_links")
    old_links.add(
        ids=[f"{r['source']}>{r['target']}>{r['anchor']}" for r in links],
        embeddings=[[1.0]] * len(links),
        documents=[r["context"] or "-" for r in links],
        metadatas=[
            {"source": r["source"], "target": r["target"], "anchor": r["anchor"]} for r in links
        ],
    )
    old_files = client.get_or_create_collection("kamer_files")
    old_files.add(
        ids=list(files),
        embeddings=[[1.0]] * len(files),
        metadatas=[
            {
                "path": e.path,
                "sha256": e.sha256,
                "doc_ids": json.dumps(e.doc_ids),
                "version": e.version,
            }
            for e in files.values()
        ],
    )
    del client, records, old_links, old_files

    messages: list[str] = []
    converted = Store.open(settings, notice=messages.append)
    assert any("omgezet" in m for m in messages)
    assert converted.get_document("kst-32317-913") is not None
    assert converted.stats()["links"] == expected["links"]
    assert converted.known_file_hashes() == {k: e.sha256 for k, e in files.items()}
    names = {c if isinstance(c, str) else c.name for c in converted.client.list_collections()}
    assert names == {"kamer_chunks"}
    # Opened again: nothing left to convert, nothing said.
    messages.clear()
    Store.open(settings, notice=messages.append)
    assert messages == []


HOLD_LOCK = """
import sys, time
from pathlib import Path
from assistant.settings import Settings
from assistant.store import Store
store = Store.open(Settings(store=Path(sys.argv[1])))
with store.writer_lock():
    print("vast", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_a_second_writer_waits_for_the_first_and_says_so(settings: Settings) -> None:
    Store.open(settings)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(settings.store), "1.5"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "vast"
    messages: list[str] = []
    store = Store.open(settings, notice=messages.append)
    started = time.monotonic()
    with store.writer_lock(), store.writer_lock():  # re-entrant within one store
        waited = time.monotonic() - started
    holder.communicate(timeout=30)
    assert waited > 0.5
    assert len(messages) == 1 and "wachten" in messages[0]


def test_a_version_1_store_is_upgraded_and_its_commitments_become_rows(
    store: Store, fixtures: Path, settings: Settings
) -> None:
    from assistant.records import SCHEMA_V1

    ingest(store, settings, fixtures / "nota")
    expected = store.db.commitments()
    assert expected  # the nota states commitments
    # The same documents in a version-1 file: commitments only inside each document's JSON.
    path = settings.store / "versie1.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(SCHEMA_V1 + "PRAGMA user_version = 1;")
    for doc in store.documents(RecordFilter()):
        old.execute(
            "INSERT INTO documents (id, type, title, commitments, body) VALUES (?, ?, ?, ?, ?)",
            (
                doc.id,
                doc.type,
                doc.title,
                len(doc.extra.get("commitments") or []),
                json.dumps(doc.to_dict(), ensure_ascii=False),
            ),
        )
    old.commit()
    old.close()
    upgraded = Records(path)
    assert upgraded.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert upgraded.commitments() == expected
    kst = [t for _, _, body in expected for t in body["item"]["references"]]
    assert kst and upgraded.commitments(ref_prefix=kst[0]) != []


def test_commitments_of_a_period_or_dossier_are_read_from_their_rows(
    store: Store, fixtures: Path, settings: Settings
) -> None:
    import datetime as dt

    from assistant.commitments import collect, filter_rows

    ingest(store, settings, fixtures / "nota", fixtures / "xml", fixtures / "tei")
    today = dt.date(2026, 12, 1)
    everything = collect(store, today)
    day = dt.date(2026, 3, 20)
    in_period = collect(store, today, date_from=day, date_to=day)
    assert in_period
    assert [r.id for r in in_period] == [
        r.id for r in filter_rows(everything, date_from=day, date_to=day)
    ]
    assert len(in_period) < len(everything)
    dossier = collect(store, today, dossier="19637", registers=False)
    assert dossier and all(any(t.startswith("kst-19637-") for t in r.references) for r in dossier)
    assert not collect(store, today, dossier="32317", registers=False)


@pytest.mark.parametrize(
    "filters",
    [
        {"types": ("motie",)},
        {"date_from": "2024-01-01", "date_to": "2025-12-31"},
        {"dossier": "32317"},
        {"fractie": "vvd"},
        {"indiener": "podt"},
        {"ministerie": "asiel"},
        {"outcome": "onbekend", "types": ("motie", "gewijzigde motie")},
    ],
)
def test_the_lexical_index_applies_each_filter_as_the_filter_itself_does(
    store: Store, fixtures: Path, settings: Settings, filters: dict[str, object]
) -> None:
    import datetime as dt

    from assistant.retrieve import ChunkIndex, Filters

    ingest(
        store,
        settings,
        fixtures / "xml",
        fixtures / "odata" / "zaken",
        fixtures / "nota",
        fixtures / "tei",
    )
    values = {
        k: dt.date.fromisoformat(str(v)) if k.startswith("date") else v for k, v in filters.items()
    }
    chosen = Filters(**values)  # type: ignore[arg-type]
    index = ChunkIndex.build(store)
    everything = list(index.lexical.iter_all())
    expected = {c.pos for c in everything if chosen.matches(c.meta)}
    assert expected, "een filter dat niets overlaat test niets"
    assert len(expected) < len(everything)
    # A query word every passage holds: the filter alone decides what comes back.
    found = {p for p, _ in index.lexical.bm25(["motie", "kamer", "de"], chosen.chunk_sql(), 10_000)}
    holding = set(index.lexical.positions_with(["motie"])) | set(
        index.lexical.positions_with(["kamer"])
    )
    assert found == expected & holding


def test_letters_after_a_date_are_found_by_their_subject_words(tmp_path: Path) -> None:
    import datetime as dt

    from assistant.documents import DOCUMENT

    records = Records(tmp_path / FILE_NAME)

    def letter(number: int, title: str, day: str) -> Document:
        return Document(
            id=f"2026D{number:05d}", type=DOCUMENT, title=title, date=dt.date.fromisoformat(day)
        )

    records.put_documents(
        [
            letter(1, "Kabinetsreactie op het rapport over vuurwerkopslag", "2026-05-01"),
            letter(2, "Voortgangsbrief vuurwerkopslagen in woonwijken", "2026-02-01"),
            letter(3, "Brief over zorgkosten", "2026-06-01"),
            letter(4, "Vuurwerkopslag: tweede voortgangsbrief", "2026-03-01"),
        ]
    )
    after = 20260115
    found = records.titled("vuurwerkopslag", [DOCUMENT], after, limit=10)
    assert [doc_id for doc_id, _, _ in found] == ["2026D00002", "2026D00004", "2026D00001"]
    assert records.titled("vuurwerkopslag", ["motie"], None, limit=10) == []
    # A changed title is found by its new words only; a removed record not at all.
    records.put_documents(
        [letter(1, "Kabinetsreactie op het rapport over zorgkosten", "2026-05-01")]
    )
    records.delete_document("2026D00004")
    assert [d for d, _, _ in records.titled("vuurwerkopslag", [DOCUMENT], None, 10)] == [
        "2026D00002"
    ]
    assert [d for d, _, _ in records.titled("zorgkosten", [DOCUMENT], None, 10)] == [
        "2026D00001",
        "2026D00003",
    ]


def test_running_tallies_match_the_rows_after_writes_rewrites_and_deletes(
    store: Store, fixtures: Path, settings: Settings
) -> None:
    def actual() -> dict[str, int]:
        db = store.db.db
        found = {
            t: int(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
            for t in ("links", "chunks", "files", "parts")
        }
        for row in db.execute(
            "SELECT type, metadata_only, count(*) FROM documents GROUP BY type, metadata_only"
        ):
            label = f"{row[0]} (alleen metadata)" if row[1] else row[0]
            found[label] = int(row[2])
        return found

    def tallied() -> dict[str, int]:
        counts = store.db.counts()
        return {
            "links": counts.links,
            "chunks": counts.chunks,
            "files": counts.files,
            "parts": counts.parts,
            **counts.by_type,
        }

    ingest(store, settings, fixtures / "odata" / "stemmingen")  # parts first, joined later
    ingest(store, settings, fixtures / "xml", fixtures / "odata" / "zaken", fixtures / "nota")
    assert tallied() == actual()
    ingest(store, settings, fixtures / "xml")  # unchanged: nothing counted twice
    assert store.chunks.get(where={"doc_id": "kst-32317-913"}, include=[])["ids"]
    store.delete_document("kst-32317-913")
    assert tallied() == actual()
    # Its vectors went with it, found by their ids.
    assert not store.chunks.get(where={"doc_id": "kst-32317-913"}, include=[])["ids"]
    assert store.chunks.count() == store.lexical.count()
    assert store.document_count() == sum(
        v for k, v in actual().items() if k not in ("links", "chunks", "files", "parts")
    )


def test_a_question_vector_of_another_length_gets_a_message(
    store: Store, fixtures: Path, settings: Settings
) -> None:
    from assistant.embed import HashEmbedder
    from assistant.retrieve import ChunkIndex, Retriever

    ingest(store, settings, fixtures / "xml")  # 64 values per vector
    retriever = Retriever(store, HashEmbedder(dimensions=32), ChunkIndex.build(store))
    with pytest.raises(StoreError, match="KAMER_EMBED_DIMS"):
        retriever.search("migratiepact")


def test_the_newest_commitments_are_read_without_the_rest(
    store: Store, fixtures: Path, settings: Settings
) -> None:
    ingest(store, settings, fixtures / "nota", fixtures / "tei")
    everything = store.db.commitments()
    assert len(everything) > 3
    assert store.db.commitments(newest=3) == everything[-3:]
    assert (
        store.db.commitments(newest=3, doc_ids=[r[0] for r in everything] * 400)
        == (everything[-3:])
    )


def test_migration_scripts_split_into_whole_statements() -> None:
    from assistant.records import MIGRATIONS, statements

    parts = statements(MIGRATIONS[2])
    trigger = next(p for p in parts if p.startswith("CREATE TRIGGER documents_retitled"))
    assert trigger.endswith("END;") and trigger.count("INSERT INTO document_titles") == 2
    assert all(sqlite3.complete_statement(p) for p in parts)


OPEN_STORE = """
import sys
from pathlib import Path
from assistant.records import Records
Records(Path(sys.argv[1])).close()
"""


def test_processes_opening_a_new_file_at_once_upgrade_it_once(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    openers = [
        subprocess.Popen([sys.executable, "-c", OPEN_STORE, str(path)], stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    for opener in openers:
        _, err = opener.communicate(timeout=60)
        assert opener.returncode == 0, err.decode()
    assert Records(path).db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


@pytest.mark.parametrize("narrow", [True, False])
def test_a_filtered_dense_search_equals_chromas_own_filter(
    store: Store, fixtures: Path, settings: Settings, narrow: bool
) -> None:
    import datetime as dt

    from assistant.embed import HashEmbedder
    from assistant.retrieve import ChunkIndex, Filters, Retriever

    ingest(store, settings, fixtures / "xml", fixtures / "nota", fixtures / "tei")
    retriever = Retriever(store, HashEmbedder(), ChunkIndex.build(store))
    day = dt.date(2022, 1, 20)
    chosen = Filters(date_from=day, date_to=day) if narrow else Filters(types=("motie",))
    vector = HashEmbedder().embed_query("de minister zal de Kamer informeren")
    expected = retriever._nearest(vector, chosen.chroma_where(), 5, chosen)
    found = retriever.dense("de minister zal de Kamer informeren", chosen, 5)
    assert [p for p, _ in found] == [p for p, _ in expected]
    assert all(chosen.matches(retriever.index.meta(p)) for p, _ in found)


def test_what_another_writer_adds_is_seen_despite_what_was_kept_in_memory(
    store: Store, fixtures: Path, settings: Settings, tmp_path: Path
) -> None:
    ingest(store, settings, fixtures / "xml")
    before = store.lexical.near_since(["motie"], ["podt"], 6, 0, ("motie",))
    letter = tmp_path / "brief" / "brief.txt"
    letter.parent.mkdir()
    letter.write_text(
        "Kamerbrief over de uitvoering\n\nDatum 1 april 2026\n\nMet deze brief geef ik "
        "uitvoering aan de motie Podt over het migratiepact.\n",
        encoding="utf-8",
    )
    other = Store.open(settings)  # another connection, as an ingest beside the app
    ingest(other, settings, letter)
    after = store.lexical.near_since(["motie"], ["podt"], 6, 0, ("motie",))
    assert len(after) == len(before) + 1


def test_bm25_leaves_out_frequent_words_past_the_postings_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant import lexical as module
    from assistant.lexical import ChunkRow
    from assistant.tokens import shared_tokenizer

    store = Store.open(Settings(store=tmp_path / "store"))
    texts = [f"het weer op dag {n}" for n in range(40)]
    texts += [f"de begroting voor jaar {n}" for n in range(3)]
    texts += ["zeewierteelt in de Noordzee", "zeewierteelt en de begroting"]
    store.lexical.put(
        [ChunkRow(f"c{n}", f"d{n}", text, {"type": "brief"}) for n, text in enumerate(texts)]
    )
    tokens = shared_tokenizer()("begroting zeewierteelt")
    both = {p for p, _ in store.lexical.bm25(tokens, None, 100)}
    assert len(both) == 5  # every passage with either word

    monkeypatch.setattr(module, "MAX_POSTINGS", 3)
    rare = {p for p, _ in store.lexical.bm25(tokens, None, 100)}
    assert len(rare) == 2  # only the rare word is asked: its two passages
    assert rare < both


def test_a_signer_is_found_with_or_without_accents(tmp_path: Path) -> None:
    """Users type "Kroger" and "Kostic" for "Kröger" and "Kostić"."""
    from assistant.documents import Person

    records = Records(tmp_path / FILE_NAME)
    motie = Document(
        id="2022Z04943",
        type=MOTIE,
        title="Motie van de leden Van Raan en Kröger over een herziene Luchtvaartnota maken",
        indieners=[Person(name="L.D. van Raan"), Person(name="S.R. Kröger")],
    )
    records.put_documents([motie])
    assert records.signed_by(["kroger"]) == ["2022Z04943"]
    assert records.signed_by(["kröger"]) == ["2022Z04943"]
    assert records.has_signer(["kroger"]) and records.has_signer(["van", "raan"])
    assert records.signed_by(["kruger"]) == []
