from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.documents import VERWORPEN
from assistant.embed import HashEmbedder
from assistant.records import RecordFilter
from assistant.settings import Settings
from assistant.store import Store
from ingest.pipeline import DUPLICATE, INGESTED, REJECTED, UNCHANGED, Ingestor, IngestReport


def ingest(
    store: Store, settings: Settings, *paths: Path, embedder: HashEmbedder | None = None
) -> IngestReport:
    return Ingestor(store, embedder or HashEmbedder(), settings).run(list(paths))


def statuses(report: IngestReport) -> dict[str, str]:
    return {Path(f.path).name: f.status for f in report.files}


def test_motie_parts_join_into_one_record(store: Store, settings: Settings, fixtures: Path) -> None:
    report = ingest(
        store,
        settings,
        fixtures / "xml",
        fixtures / "odata" / "zaken",
        fixtures / "odata" / "stemmingen",
    )
    assert report.ok
    doc = store.get_document("kst-19637-3185")
    assert doc is not None and doc.motion is not None
    assert doc.text.startswith("De Kamer,")  # from the XML
    assert doc.motion.votes and doc.motion.outcome in ("aangenomen", "verworpen")  # stemmingen
    assert doc.motion.afgedaan is not None  # from the Zaak with documents
    assert doc.ids["zaak"] and doc.ids["documentnummer"] and doc.ids["publicatie"]
    assert all(p.fractie for p in doc.indieners)  # fractie from ZaakActor, order from the text
    assert [p.name.split()[-1] for p in doc.indieners] == ["Koekkoek", "Ceder"]
    # Found again by its other numbers.
    assert store.get_document(doc.ids["zaak"]) is not None
    assert store.get_document(doc.ids["zaak"]).id == "kst-19637-3185"  # type: ignore[union-attr]
    # No second record for the same motie under its Zaak number.
    assert store.has_documents([doc.ids["zaak"]]) == set()


def test_chroma_keeps_only_vectors_and_their_filter_fields(
    store: Store, settings: Settings, fixtures: Path
) -> None:
    from assistant.store import VECTOR_FIELDS

    ingest(store, settings, fixtures / "xml", fixtures / "odata" / "zaken")
    got = store.chunks.get(include=["documents", "metadatas"])
    assert got["ids"] and store.lexical.count() == len(got["ids"])
    assert all(not text for text in got["documents"] or [])  # the text is in SQLite only
    assert {key for meta in got["metadatas"] or [] for key in meta} <= set(VECTOR_FIELDS)
    assert all(meta["doc_id"] and meta["type"] for meta in got["metadatas"] or [])


def test_podt_rajkowski(store: Store, settings: Settings, fixtures: Path) -> None:
    ingest(store, settings, fixtures / "xml", fixtures / "odata" / "zaken")
    doc = store.get_document("kst-32317-913")
    assert doc is not None and doc.motion is not None
    assert [p.name for p in doc.indieners] == ["Podt", "Rajkowski"]
    assert "Europese Migratiepact" in doc.title
    assert doc.motion.kabinetsappreciatie == "Oordeel Kamer"
    assert doc.motion.outcome == "onbekend"  # no Besluit in these sources: never guessed
    chunks = store.get_chunks("kst-32317-913")
    assert len(chunks) == 1 and chunks[0][1] == doc.text  # a motie is one chunk, verbatim


def test_reingest_adds_nothing(store: Store, settings: Settings, fixtures: Path) -> None:
    first = ingest(store, settings, fixtures / "xml", fixtures / "odata")
    before = (store.chunks.count(), store.document_count(), store.db.counts().links)
    embedder = HashEmbedder()
    second = ingest(store, settings, fixtures / "xml", fixtures / "odata", embedder=embedder)
    assert first.chunks_added > 0
    assert second.chunks_added == 0 and embedder.calls == 0
    assert set(statuses(second).values()) <= {UNCHANGED, "overgeslagen"}
    assert (store.chunks.count(), store.document_count(), store.db.counts().links) == before


def test_parts_arriving_later_join_the_stored_record(
    store: Store, settings: Settings, fixtures: Path, tmp_path: Path
) -> None:
    votes = next((fixtures / "odata" / "stemmingen").glob("*90c78ee2*.json"))
    ingest(store, settings, votes)
    early = store.get_document("kst-19637-3185")
    assert early is None  # without the Zaak with documents, only the Zaak number is known
    zaak_only = store.ids_with("zaak_id", "90c78ee2-1121-4b38-9024-aaa7edc3e120")
    assert len(zaak_only) == 1
    old_id = zaak_only[0]

    ingest(
        store,
        settings,
        fixtures / "odata" / "zaken" / "90c78ee2-1121-4b38-9024-aaa7edc3e120.json",
        fixtures / "xml" / "b7fb5872-2b5e-422c-8826-52b41c54f22a.xml",
    )
    doc = store.get_document("kst-19637-3185")
    assert doc is not None and doc.motion is not None and doc.motion.votes
    assert doc.text
    assert store.has_documents([old_id]) == set()  # moved, not duplicated
    assert store.chunk_ids_of(old_id) == []


def test_changed_file_replaces_its_chunks(
    store: Store, settings: Settings, fixtures: Path, tmp_path: Path
) -> None:
    nota = tmp_path / "docs" / "nota.txt"
    nota.parent.mkdir()
    shutil.copyfile(fixtures / "nota" / next(p.name for p in (fixtures / "nota").iterdir()), nota)
    ingest(store, settings, nota.parent)
    [doc_id] = store.file_entry(__import__("ingest.pipeline").pipeline.file_key(nota)).doc_ids  # type: ignore[union-attr]
    before = {c[1] for c in store.get_chunks(doc_id)}
    nota.write_text(
        nota.read_text(encoding="utf-8").replace(
            "De persoonsgegevens van de ambtenaren", "Namen van ambtenaren"
        ),
        encoding="utf-8",
    )
    report = ingest(store, settings, nota.parent)
    after = {c[1] for c in store.get_chunks(doc_id)}
    assert statuses(report)["nota.txt"] == INGESTED
    assert report.chunks_removed >= 1 and report.chunks_added >= 1
    assert any("Namen van ambtenaren" in text for text in after)
    assert not any("De persoonsgegevens van de ambtenaren" in text for text in after)
    assert len(after) == len(before)


def test_a_new_pipeline_version_removes_what_the_old_one_read_otherwise(
    store: Store,
    settings: Settings,
    fixtures: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A table read as one text by an older version becomes one document per row in the new
    one; the old text document and its passages go, nothing is left twice."""
    import ingest.pipeline as pipeline
    from ingest.sources.text import TextReader

    table = tmp_path / "tabel" / "vragen-antwoorden.csv"
    table.parent.mkdir()
    shutil.copyfile(fixtures / "table" / "vragen-antwoorden-rijen.csv", table)
    Ingestor(store, HashEmbedder(), settings, readers=[TextReader()]).run([table.parent])
    [old_id] = store.file_entry(pipeline.file_key(table)).doc_ids  # type: ignore[union-attr]
    assert store.get_chunks(old_id)

    monkeypatch.setattr(pipeline, "PIPELINE_VERSION", pipeline.PIPELINE_VERSION + 1)
    report = ingest(store, settings, table.parent)
    new_ids = store.file_entry(pipeline.file_key(table)).doc_ids  # type: ignore[union-attr]
    assert len(new_ids) == 3 and all(i.startswith("tabel-") for i in new_ids)
    assert report.documents_removed == 1
    assert store.get_document(old_id) is None and not store.get_chunks(old_id)
    assert ingest(store, settings, table.parent).documents_removed == 0


class FailingEmbedder(HashEmbedder):
    """Dies after some batches, like an ingest killed halfway."""

    def __init__(self, fail_after: int) -> None:
        super().__init__()
        self.fail_after = fail_after

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if self.calls >= self.fail_after:
            raise KeyboardInterrupt
        return super().embed_documents(texts)


def test_killed_ingest_completes_on_rerun_without_duplicates(
    settings: Settings, fixtures: Path, tmp_path: Path
) -> None:
    paths = [fixtures / "handelingen", fixtures / "xml", fixtures / "odata" / "stemmingen"]
    reference = Store.open(Settings(store=tmp_path / "reference"))
    ingest(reference, Settings(store=tmp_path / "reference"), *paths)

    store = Store.open(settings)
    with pytest.raises(KeyboardInterrupt):
        Ingestor(store, FailingEmbedder(fail_after=8), settings, embed_batch=4).run(paths)
    assert 0 < store.chunks.count() < reference.chunks.count()
    assert store.db.counts().files == 0  # nothing logged as done
    ingest(store, settings, *paths)
    assert store.chunks.count() == reference.chunks.count()
    assert sorted(store.chunks.get(include=[])["ids"]) == sorted(
        reference.chunks.get(include=[])["ids"]
    )
    assert store.document_count() == reference.document_count()


def test_bad_files_are_reported_and_the_rest_ingested(
    store: Store, fixtures: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "leeg.txt").write_bytes(b"")
    (folder / "kapot.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> garbage")
    (folder / "binair.dat").write_bytes(bytes(range(256)) * 4)
    (folder / "groot.txt").write_bytes(b"a " * (2 * 1024 * 1024))
    (folder / "kapot.json").write_text('{"Nummer": ', encoding="utf-8")
    shutil.copyfile(
        fixtures / "xml" / "326ecaea-dcf2-47b4-b84b-6670a3caf34c.xml", folder / "motie.xml"
    )
    settings = Settings(store=tmp_path / "store", max_file_mb=1)
    report = ingest(store, settings, folder, tmp_path / "bestaat-niet")
    result = {Path(f.path).name: (f.status, f.reason) for f in report.files}
    assert result["motie.xml"][0] == INGESTED
    assert result["leeg.txt"] == (REJECTED, "leeg bestand")
    assert result["kapot.pdf"][0] == REJECTED
    assert result["binair.dat"][0] == REJECTED
    assert result["groot.txt"][0] == REJECTED and "te groot" in result["groot.txt"][1]
    assert result["kapot.json"][0] == REJECTED and "JSON" in result["kapot.json"][1]
    assert result["bestaat-niet"] == (REJECTED, "bestaat niet")
    assert not report.ok
    assert store.get_document("kst-32317-913") is not None


def test_duplicate_file_is_named(
    store: Store, settings: Settings, fixtures: Path, tmp_path: Path
) -> None:
    source = fixtures / "xml" / "326ecaea-dcf2-47b4-b84b-6670a3caf34c.xml"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copyfile(source, tmp_path / "a" / "motie.xml")
    shutil.copyfile(source, tmp_path / "b" / "kopie.xml")
    report = ingest(store, settings, tmp_path / "a", tmp_path / "b")
    result = {Path(f.path).name: (f.status, f.reason) for f in report.files}
    assert result["kopie.xml"][0] == DUPLICATE and "motie.xml" in result["kopie.xml"][1]
    later = ingest(store, settings, source)
    assert statuses(later)[source.name] == DUPLICATE
    assert store.document_count() == 1


def test_nota_links_to_motie_and_toezegging(
    store: Store, settings: Settings, fixtures: Path
) -> None:
    ingest(store, settings, fixtures / "nota", fixtures / "xml", fixtures / "odata" / "zaken")
    nota = store.record_ids(RecordFilter(types=("nota",)))[0]
    doc = store.get_document(nota)
    assert doc is not None
    targets = {r.target: r for r in doc.references}
    assert {"kst-32317-913", "kst-19637-3522"} <= set(targets)
    assert targets["kst-32317-913"].footnote == "1"
    assert "uitvoering gegeven aan de motie" in targets["kst-32317-913"].context
    incoming = store.links_to("kst-32317-913")
    assert [r.target for r in incoming] == [nota]


def test_metadata_records_and_votes_are_stored(
    store: Store, settings: Settings, fixtures: Path
) -> None:
    ingest(store, settings, fixtures / "odata")
    simons = store.get_document("2022Z00782")
    assert simons is not None and simons.motion is not None
    assert simons.motion.outcome == VERWORPEN
    verslag = store.get_document("2025D13163")
    assert verslag is not None and verslag.extra["metadata_only"]
    assert any(r.target == "kst-32317-908" for r in verslag.references)
    assert store.chunk_ids_of("2025D13163") == []  # metadata only: not embedded
    toezegging = store.get_document("TZ202603-041")
    assert toezegging is not None and toezegging.extra["status"] == "Openstaand"


def test_items_of_a_sitting_get_the_sitting_date(
    store: Store, settings: Settings, fixtures: Path, tmp_path: Path
) -> None:
    ingest(store, settings, fixtures / "handelingen" / "h-tk-20172018-70-1.xml")
    ingest(store, settings, fixtures / "handelingen" / "h-tk-20172018-70-6.xml")  # a later ingest
    for doc_id in ("h-tk-20172018-70-1", "h-tk-20172018-70-6"):
        doc = store.get_document(doc_id)
        assert doc is not None and doc.date is not None
        assert doc.date.isoformat() == "2018-04-05"
    # An item's own title ("Stemmingen ...") says nothing of when: the sitting is added.
    item = store.get_document("h-tk-20172018-70-6")
    assert item is not None
    assert item.title.endswith(
        "(Tweede Kamer, vergaderjaar 2017-2018, 70e vergadering, 5 april 2018)"
    ), item.title
    opening = store.get_document("h-tk-20172018-70-1")
    assert opening is not None and opening.title.count("vergadering") == 1
