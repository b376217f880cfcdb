"""`kamer sync` against the fake Tweede Kamer API (tests/fake_kamer) on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from assistant.cli import Context, main
from assistant.cli_sync import parse_interval
from assistant.compose import build_services
from assistant.embed import HashEmbedder
from assistant.errors import SyncError
from assistant.render import render_stats
from assistant.settings import PROJECT_ROOT, Settings
from assistant.store import SYNC_LAST_RUN, Store
from ingest.kamer_api import KamerApi, retry_after
from ingest.pipeline import Ingestor, file_key
from ingest.sync import Syncer, SyncReport, since_of, timestamp_key
from tests.fake_kamer.server import FakeKamer

SINCE = since_of(dt.date(2024, 12, 1))
PAGE = 7  # records per page of the fake: several pages per entity
TODAY = dt.date(2025, 1, 15)
# Moments just after the fake's changes (its clock starts 21 December 2024): not stale.
SOON = dt.datetime(2024, 12, 21, 12, 0, tzinfo=dt.UTC)
VOTED = "0b498501"  # Zaak 2022Z04941, Koerhuis, Stemmen - aangenomen
VOTED_NUMMER = "2022Z04941"
PODT = "126e26e2-9937-4f52-bbf0-965d8155be95"  # 2024Z20830 -> kst-32317-913, no vote
OPEN_TZ = "dbe386bc-836c-5fde-9015-d48ad244768b"  # TZ202402-103, Openstaand
ANSWERED = "78b18792-3d06-45dd-8599-bb90ecccbe43"  # Antwoord schriftelijke vragen, no file yet
KAMERVRAGEN_PDF = (
    PROJECT_ROOT / "tests/fixtures/kamervragen/00fe7edd-24c8-4857-98da-774ed3b06836.pdf"
)


class PowerCut(Exception):
    """Stands in for a crash, a kill or Ctrl+C in the middle of a sync."""


class CutAfter:
    """Progress that cuts the power when told of page `n` (its records written, the position
    not yet moved)."""

    def __init__(self, n: int, then: Any = None) -> None:
        self.pages = 0
        self.n = n
        self.then = then

    def stage(self, name: str, total: int) -> None:
        return None

    def advance(self, amount: int = 1) -> None:
        self.pages += 1
        if self.pages == self.n:
            if self.then is None:
                raise PowerCut
            self.then()

    def done(self) -> None:
        return None


class CutEmbedder(HashEmbedder):
    """Fails in its `n`th batch: the records and passages of that page are written, their
    vectors not."""

    def __init__(self, n: int) -> None:
        super().__init__()
        self.batches = 0
        self.n = n

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.batches += 1
        if self.batches == self.n:
            raise PowerCut
        return super().embed_documents(texts)


@pytest.fixture
def kamer() -> Iterator[FakeKamer]:
    with FakeKamer(page_size=PAGE) as fake:
        yield fake


def settings_for(kamer: FakeKamer, folder: Path, **extra: Any) -> Settings:
    values: dict[str, Any] = {
        "store": folder,
        "sync_url": kamer.url,
        "sync_timeout": 2.0,
        "sync_retries": 2,
        "sync_backoff": 0.01,
        "relevance": 0.7,  # the hash embedder's own threshold (tests/test_ask.py)
        **extra,
    }
    return Settings(**values)


def syncer(
    settings: Settings,
    embedder: HashEmbedder | None = None,
    progress: Any = None,
    waits: list[float] | None = None,
    now: dt.datetime = SOON,
) -> Syncer:
    api = KamerApi(settings, sleep=waits.append) if waits is not None else None
    store = Store.open(settings)
    return Syncer(store, embedder or HashEmbedder(), settings, progress, api, now=lambda: now)


def snapshot(store: Store) -> dict[str, Any]:
    """Everything a sync writes, with the store's own folder taken out of the paths."""
    db = store.db.db
    found = {
        "documents": {r["id"]: r["body"] for r in db.execute("SELECT id, body FROM documents")},
        "chunks": sorted(tuple(r) for r in db.execute("SELECT id, doc_id, text FROM chunks")),
        "identifiers": sorted(tuple(r) for r in db.execute("SELECT * FROM identifiers")),
        "parts": {r["key"]: r["body"] for r in db.execute("SELECT key, body FROM parts")},
        "vectors": sorted(store.chunks.get(include=[])["ids"]),
        "files": sorted(r["path"] for r in db.execute("SELECT path FROM files")),
        "reference": sorted(tuple(r) for r in db.execute("SELECT * FROM reference")),
        "positions": {
            r["key"]: r["value"]
            for r in db.execute("SELECT key, value FROM meta WHERE key LIKE 'sync:%'")
            if r["key"] not in (SYNC_LAST_RUN, "sync:last_error")
        },
    }
    return json.loads(json.dumps(found).replace(str(store.settings.store), "<store>"))


def first_sync(kamer: FakeKamer, folder: Path, **extra: Any) -> tuple[Syncer, SyncReport]:
    sync = syncer(settings_for(kamer, folder, **extra))
    return sync, sync.run(since=SINCE)


def record(kamer: FakeKamer, entity: str, prefix: str) -> dict[str, Any]:
    found = [r for r in kamer.records(entity) if r["Id"].startswith(prefix)]
    assert len(found) == 1, prefix
    return found[0]


def ask(sync: Syncer, question: str) -> Any:
    settings = sync.settings
    services = build_services(settings, embedder=HashEmbedder(), store=sync.store, today=TODAY)
    return services.answerer.ask(question)


# -- a whole sync ------------------------------------------------------------------------------


def test_first_sync_from_an_empty_store_answers_motie_and_commitment_questions(
    kamer: FakeKamer, tmp_path: Path
) -> None:
    embedder = HashEmbedder()
    result = CliRunner().invoke(
        main,
        ["sync", "--sinds", "2024-12-01", "--stil", "--store", str(tmp_path / "store")],
        obj=Context(embedder=embedder),
        env={"KAMER_SYNC_URL": kamer.url, "KAMER_SYNC_RETRIES": "1"},
    )
    assert result.exit_code == 0, result.output
    assert "Zaak       : 50 nieuw, 0 gewijzigd, 0 verwijderd" in result.output
    assert "Toezegging : 10 nieuw" in result.output
    assert "bestanden  : 20 opgehaald, 27 nog niet gepubliceerd" in result.output
    assert embedder.calls > 0

    sync = syncer(settings_for(kamer, tmp_path / "store"))
    counts = sync.store.db.counts().by_type
    assert counts["motie"] + counts["gewijzigde motie"] == 50
    assert counts["toezegging"] == 10
    answer = ask(sync, f"Is motie {VOTED_NUMMER} aangenomen?")
    assert "De motie is aangenomen" in answer.answer
    assert {c.id for c in answer.citations} == {VOTED_NUMMER}
    answer = ask(sync, "Is toezegging TZ202402-103 nagekomen?")
    assert "Status: Openstaand" in answer.answer
    assert "TZ202402-103" in {c.id for c in answer.citations}
    # The motie of the nota: OData Zaak, Document and its published XML text joined in one.
    podt = sync.store.get_document("2024Z20830")
    assert podt is not None and podt.id == "kst-32317-913"
    assert "verzoekt het kabinet periodiek" in podt.text
    assert any(source.startswith(kamer.url) for source in podt.extra["sources"])


def test_a_second_sync_changes_nothing(kamer: FakeKamer, tmp_path: Path) -> None:
    sync, _ = first_sync(kamer, tmp_path / "store")
    before = snapshot(sync.store)
    embedder = HashEmbedder()
    again = syncer(sync.settings, embedder).run()
    assert all(
        (c.new, c.changed, c.deleted, c.ignored) == (0, 0, 0, 0) for c in again.entities.values()
    )
    assert again.records == 0 and again.files_fetched == 0 and not again.skipped
    assert embedder.calls == 0
    assert snapshot(sync.store) == before
    assert not list((tmp_path / "store" / "sync" / "Zaak").iterdir())  # no page left behind


@pytest.mark.parametrize("cut", ["after-a-page", "while-embedding"])
def test_an_interrupted_sync_resumes_to_the_same_store(
    kamer: FakeKamer, tmp_path: Path, cut: str
) -> None:
    whole, _ = first_sync(kamer, tmp_path / "whole")
    settings = settings_for(kamer, tmp_path / "cut")
    if cut == "after-a-page":
        interrupted = syncer(settings, progress=CutAfter(3))
    else:
        interrupted = syncer(settings, embedder=CutEmbedder(3))
    with pytest.raises(PowerCut):
        interrupted.run(since=SINCE)
    stopped = interrupted.position("Zaak")
    assert stopped is not None and stopped.since > SINCE  # pages before the cut are kept

    embedder = HashEmbedder()
    resumed = syncer(settings, embedder).run()
    assert snapshot(interrupted.store) == snapshot(whole.store)
    # Each passage embedded once over both runs, as in the whole run; the rest of the pages
    # before the cut were not read again.
    assert isinstance(whole.embedder, HashEmbedder)
    assert isinstance(interrupted.embedder, HashEmbedder)
    assert interrupted.embedder.calls + embedder.calls == whole.embedder.calls
    assert resumed.entities["Zaak"].new + resumed.entities["Zaak"].changed < 50


@pytest.mark.parametrize(("page_size", "cut"), [(1, 11), (11, 2)])
def test_records_sharing_a_moment_across_pages_are_each_read_once(
    tmp_path: Path, page_size: int, cut: int
) -> None:
    """Two Zaken of the fixtures share one ApiGewijzigdOp (the 11th and 12th): with 11 per
    page it falls between two pages; with 1 per page every request starts at a record done
    before, and the server's next page is followed."""
    with FakeKamer(page_size=250) as whole_kamer:
        whole = syncer(settings_for(whole_kamer, tmp_path / "whole"))
        whole.run(["Zaak"], since=SINCE)
    with FakeKamer(page_size=page_size, port=whole_kamer.port) as kamer:
        settings = settings_for(kamer, tmp_path / "paged")
        with pytest.raises(PowerCut):
            syncer(settings, progress=CutAfter(cut)).run(["Zaak"], since=SINCE)
        report = syncer(settings).run(["Zaak"])
        paged = Store.open(settings)
        assert snapshot(paged) == snapshot(whole.store)
        counts = report.entities["Zaak"]
        assert 0 < counts.changed <= page_size  # the page cut before its position moved
        assert counts.new + counts.changed < 50  # the pages before it were not read again


def test_a_killed_sync_process_resumes_without_duplicates(kamer: FakeKamer, tmp_path: Path) -> None:
    whole, _ = first_sync(kamer, tmp_path / "whole")
    store = tmp_path / "killed"
    for _ in range(30):
        kamer.hang_next(0.15)  # slow the fake down, so the kill lands mid-sync
    served = len(kamer.requests)
    env = {
        **os.environ,
        "KAMER_SYNC_URL": kamer.url,
        "KAMER_EMBED_MODEL": "hash",
        "KAMER_CONFIG": str(tmp_path / "none.toml"),
    }
    process = subprocess.Popen(
        [sys.executable, "-c", "from assistant.cli import main; main()", "sync", "--stil"]
        + ["--sinds", "2024-12-01", "--store", str(store)],
        env=env,
        cwd=PROJECT_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while len(kamer.requests) < served + 4 and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)

    settings = settings_for(kamer, store)
    killed = syncer(settings)
    assert killed.store.db.meta(SYNC_LAST_RUN) is None  # it did not get to the end
    killed.run()
    assert snapshot(killed.store) == snapshot(whole.store)


def test_sync_holds_the_writer_lock(kamer: FakeKamer, tmp_path: Path, fixtures: Path) -> None:
    settings = settings_for(kamer, tmp_path / "store")
    finished: dict[str, float] = {}

    def ingest_meanwhile() -> None:
        other = Store.open(settings, notice=lambda message: None)
        Ingestor(other, HashEmbedder(), settings).run([fixtures / "nota"])
        finished["ingest"] = time.monotonic()

    writer = threading.Thread(target=ingest_meanwhile)
    sync = syncer(settings, progress=CutAfter(1, then=writer.start))
    sync.run(since=SINCE)
    finished["sync"] = time.monotonic()
    writer.join(timeout=60)
    assert finished["ingest"] > finished["sync"]  # it waited for the whole sync


# -- changes at the source ---------------------------------------------------------------------


def test_a_record_changed_twice_is_stored_once_in_its_newest_version(
    kamer: FakeKamer, tmp_path: Path
) -> None:
    sync, _ = first_sync(kamer, tmp_path / "store")
    commitment = record(kamer, "Toezegging", OPEN_TZ)
    for text in ("De minister stuurt een eerste brief.", "De minister stuurt een tweede brief."):
        kamer.changed("Toezegging", {**commitment, "Tekst": text})
    report = syncer(sync.settings).run()
    assert report.entities["Toezegging"].changed == 1
    assert sync.store.ids_with("toezegging_id", OPEN_TZ) == ["TZ202402-103"]
    doc = sync.store.get_document("TZ202402-103")
    assert doc is not None and doc.text == "De minister stuurt een tweede brief."
    texts = [text for _, text, _ in sync.store.get_chunks("TZ202402-103")]
    assert texts == ["De minister stuurt een tweede brief."]


def test_a_deleted_zaak_leaves_the_answers_and_the_index(kamer: FakeKamer, tmp_path: Path) -> None:
    sync, _ = first_sync(kamer, tmp_path / "store")
    zaak = record(kamer, "Zaak", VOTED)
    chunks = [cid for cid, _, _ in sync.store.get_chunks(VOTED_NUMMER)]
    assert chunks
    kamer.delete("Zaak", zaak["Id"])
    report = syncer(sync.settings).run()
    assert report.entities["Zaak"].deleted == 1
    assert sync.store.get_document(VOTED_NUMMER) is None
    assert sync.store.get_chunks(VOTED_NUMMER) == []
    assert sync.store.chunks.get(ids=chunks, include=[])["ids"] == []
    assert sync.store.parts_matching("zaak_id", [zaak["Id"]]) == {}
    answer = ask(sync, f"Is motie {VOTED_NUMMER} aangenomen?")
    assert VOTED_NUMMER not in {c.id for c in answer.citations}
    assert "aangenomen" not in answer.answer.replace(f"Is motie {VOTED_NUMMER} aangenomen", "")


def test_reemitted_records_cost_no_embeddings(kamer: FakeKamer, tmp_path: Path) -> None:
    sync, _ = first_sync(kamer, tmp_path / "store")
    before = snapshot(sync.store)
    for entity in ("Zaak", "Document", "Toezegging"):
        kamer.reemit(entity)
    embedder = HashEmbedder()
    report = syncer(sync.settings, embedder).run()
    assert report.entities["Zaak"].changed == 50
    assert report.entities["Document"].changed == 47  # 20 of them live on in their motie
    assert report.entities["Toezegging"].changed == 10
    assert embedder.calls == 0
    after = snapshot(sync.store)
    assert after["chunks"] == before["chunks"] and after["vectors"] == before["vectors"]
    assert after["documents"] == before["documents"]


def test_a_motie_gets_its_outcome_when_the_vote_arrives_later(
    kamer: FakeKamer, tmp_path: Path
) -> None:
    zaak = record(kamer, "Zaak", VOTED)
    kamer.changed("Zaak", {**zaak, "Besluit": []})  # before the vote
    sync, _ = first_sync(kamer, tmp_path / "store")
    doc = sync.store.get_document(VOTED_NUMMER)
    assert doc is not None and doc.motion is not None and doc.motion.outcome == "onbekend"

    kamer.changed("Zaak", zaak)  # the Besluit with its Stemmingen comes in
    syncer(sync.settings).run()
    doc = sync.store.get_document(VOTED_NUMMER)
    assert doc is not None and doc.motion is not None
    assert doc.motion.outcome == "aangenomen" and doc.motion.votes
    assert "De motie is aangenomen" in ask(sync, f"Is motie {VOTED_NUMMER} aangenomen?").answer
    assert sync.store.ids_with("zaak_id", zaak["Id"]) == [VOTED_NUMMER]


def test_a_motie_gets_its_outcome_when_only_its_besluit_changes(
    kamer: FakeKamer, tmp_path: Path
) -> None:
    # As on the real API: the vote is a new Besluit (with its Stemmingen) with its own
    # ApiGewijzigdOp; the Zaak's ApiGewijzigdOp does not move.
    zaak = record(kamer, "Zaak", VOTED)
    (besluit,) = zaak["Besluit"]
    kamer.changed("Zaak", {**zaak, "Besluit": []})  # before the vote
    sync, _ = first_sync(kamer, tmp_path / "store")
    doc = sync.store.get_document(VOTED_NUMMER)
    assert doc is not None and doc.motion is not None and doc.motion.outcome == "onbekend"

    before = record(kamer, "Zaak", VOTED)
    served = kamer.vote(zaak["Id"], besluit)
    after = record(kamer, "Zaak", VOTED)
    assert after["ApiGewijzigdOp"] == before["ApiGewijzigdOp"]
    assert served["ApiGewijzigdOp"] > before["ApiGewijzigdOp"]
    report = syncer(sync.settings).run()
    assert "Zaak" not in {e for e, c in report.entities.items() if c.new or c.changed}
    assert report.entities["Besluit"].changed == 1
    assert any(r.startswith(f"/OData/v4/2.0/Zaak({zaak['Id']})") for r in kamer.requests)
    doc = sync.store.get_document(VOTED_NUMMER)
    assert doc is not None and doc.motion is not None
    assert doc.motion.outcome == "aangenomen" and doc.motion.votes
    assert "De motie is aangenomen" in ask(sync, f"Is motie {VOTED_NUMMER} aangenomen?").answer
    assert sync.store.ids_with("zaak_id", zaak["Id"]) == [VOTED_NUMMER]

    # A second sync changes nothing and costs no embeddings.
    state = snapshot(sync.store)
    embedder = HashEmbedder()
    again = syncer(sync.settings, embedder).run()
    assert again.records == 0 and embedder.calls == 0
    assert snapshot(sync.store) == state

    # The Besluit withdrawn (deleted): the Zaak is fetched again and loses its outcome.
    kamer.delete("Besluit", besluit["Id"])
    report = syncer(sync.settings).run()
    assert report.entities["Besluit"].changed == 1
    doc = sync.store.get_document(VOTED_NUMMER)
    assert doc is not None and doc.motion is not None and doc.motion.outcome == "onbekend"
    assert not doc.motion.votes


def test_a_toezegging_shows_its_new_status(kamer: FakeKamer, tmp_path: Path) -> None:
    sync, _ = first_sync(kamer, tmp_path / "store")
    kamer.changed("Toezegging", {**record(kamer, "Toezegging", OPEN_TZ), "Status": "Afgedaan"})
    syncer(sync.settings).run()
    doc = sync.store.get_document("TZ202402-103")
    assert doc is not None and doc.extra["status"] == "Afgedaan"
    assert "Status: Afgedaan" in ask(sync, "Is toezegging TZ202402-103 nagekomen?").answer


def test_records_sharing_one_moment_beyond_a_page_are_walked_by_id_without_skip(
    kamer: FakeKamer, tmp_path: Path
) -> None:
    """Ten Documents get one ApiGewijzigdOp (more than a page of 7); after the first page is
    written, one of its records changes again (it moves to the end of the order). Paging by
    $skip would then skip a record it never read; the keyset position (the last Id at that
    moment) reads each of them."""
    sync, _ = first_sync(kamer, tmp_path / "store")
    chosen = sorted(
        (r for r in kamer.records("Document") if sync.store.ids_with("document_id", r["Id"])),
        key=lambda r: r["Id"],
    )[:10]
    assert len(chosen) == 10
    with kamer.feed.lock:
        moment = kamer.feed.tick()
        for number, found in enumerate(chosen):
            stored = kamer.feed.sets["Document"][found["Id"]]
            stored["Onderwerp"] = f"Gewijzigd onderwerp {number}"
            stored["ApiGewijzigdOp"] = moment.strftime("%Y-%m-%dT%H:%M:%S.0000000Z")
    first = chosen[0]

    def change_the_first_again() -> None:
        kamer.changed("Document", {**record(kamer, "Document", first["Id"]), "Onderwerp": "Nu"})

    kamer.requests.clear()
    report = syncer(sync.settings, progress=CutAfter(1, then=change_the_first_again)).run(
        ["Document"]
    )
    for number, found in enumerate(chosen):
        [doc_id] = sync.store.ids_with("document_id", found["Id"])
        doc = sync.store.get_document(doc_id)
        assert doc is not None
        assert doc.title == ("Nu" if found is first else f"Gewijzigd onderwerp {number}")
    assert report.entities["Document"].changed == 11  # ten, and the first once more
    walked = [r for r in kamer.requests if "/Document?" in r]
    assert len(walked) == 2 and not any("$skip" in r for r in walked)
    assert f"Id gt {chosen[6]['Id']}" in walked[1]  # right after the first page


def test_the_server_selects_moties_and_the_document_kinds_asked_for(
    kamer: FakeKamer, tmp_path: Path
) -> None:
    """Zaken are asked for as moties only and Documents of the kinds in the setting only
    (deletions always): what is not kept does not cross the network."""
    other = {**record(kamer, "Zaak", VOTED), "Id": "11111111-2222-3333-4444-555555555555"}
    kamer.changed("Zaak", {**other, "Soort": "Wetgeving", "Nummer": "2024Z99999"})
    sync, report = first_sync(
        kamer, tmp_path / "store", sync_document_soorten="Brief regering, Motie"
    )
    assert report.entities["Zaak"].ignored == 0  # the Wetgeving Zaak never arrived
    zaak_requests = [r for r in kamer.requests if "/Zaak?" in r]
    assert zaak_requests and all("Soort eq 'Motie'" in r for r in zaak_requests)
    documents = [r for r in kamer.records("Document") if r.get("DocumentNummer")]
    for kind, kept in (
        ("Stenogram", False),
        ("Schriftelijke vragen", False),
        ("Brief regering", True),
    ):
        of_kind = [r for r in documents if r.get("Soort") == kind]
        assert of_kind, kind
        assert all(bool(sync.store.ids_with("document_id", r["Id"])) == kept for r in of_kind)
    # A deleted Document (its Soort emptied, as the real API serves it) still arrives.
    letter = next(r for r in kamer.records("Document") if r.get("Soort") == "Brief regering")
    assert sync.store.ids_with("document_id", letter["Id"])
    kamer.delete("Document", letter["Id"])
    again = syncer(sync.settings).run(["Document"])
    assert again.entities["Document"].deleted == 1
    assert not sync.store.ids_with("document_id", letter["Id"])


def test_an_odata_error_message_is_shown(kamer: FakeKamer, tmp_path: Path) -> None:
    api = KamerApi(settings_for(kamer, tmp_path / "store"))
    with pytest.raises(SyncError) as caught:
        api.page(f"{kamer.odata_url}/Zaak?$filter=ApiGewijzigdOp%20ge%202024-12-01", "Zaak")
    message = str(caught.value)
    assert "HTTP 400" in message and "KAMER_SYNC_DOCUMENT_SOORTEN" in message
    assert "(" in message and "2024-12-01" in message  # the fake's own explanation


# -- lookup records: Persoon, Fractie, Kamerstukdossier; Activiteit ---------------------------


def test_lookup_records_are_read_whole_and_kept_current(kamer: FakeKamer, tmp_path: Path) -> None:
    old = kamer.records("Fractie")[0]
    with kamer.feed.lock:  # last changed long before --sinds
        kamer.feed.sets["Fractie"][old["Id"]]["ApiGewijzigdOp"] = "2019-05-01T10:00:00.0000000Z"
    sync, report = first_sync(kamer, tmp_path / "store")
    assert sync.store.db.reference_ids("Fractie", [old["Id"]]) == {old["Id"]}
    live = {
        entity: [r for r in kamer.records(entity) if not r.get("Verwijderd")]
        for entity in ("Persoon", "Fractie", "Kamerstukdossier")
    }
    assert sync.store.db.reference_counts() == {e: len(r) for e, r in live.items() if r}
    for entity, records in live.items():
        assert report.entities[entity].new == len(records)
    fractie = live["Fractie"][0]
    kamer.changed("Fractie", {**fractie, "AantalZetels": 99})
    persoon = live["Persoon"][0]
    kamer.delete("Persoon", persoon["Id"])
    again = syncer(sync.settings).run()
    assert again.entities["Fractie"].changed == 1 and again.entities["Persoon"].deleted == 1
    key = " ".join(fractie["Afkorting"].lower().split())
    assert [r["AantalZetels"] for r in sync.store.db.reference("Fractie", key)] == [99]
    assert persoon["Id"] not in sync.store.db.reference_ids("Persoon", [persoon["Id"]])
    assert "Opzoekgegevens van de Kamer:" in render_stats(sync.store.stats())


def test_a_briefing_carries_the_dossiers_own_title(kamer: FakeKamer, tmp_path: Path) -> None:
    sync, _ = first_sync(kamer, tmp_path / "store")
    dossier = next(r for r in kamer.records("Kamerstukdossier") if r["Nummer"] == 32317)
    kamer.changed("Kamerstukdossier", {**dossier, "Titel": "Justitie en Binnenlandse Zaken (JBZ)"})
    syncer(sync.settings).run()
    assert sync.store.dossier_title("32317") == "Justitie en Binnenlandse Zaken (JBZ)"
    answer = ask(sync, "Maak een briefing over dossier 32317")
    assert "Justitie en Binnenlandse Zaken (JBZ)" in answer.answer


def test_a_changed_debate_updates_the_toezeggingen_made_in_it(
    kamer: FakeKamer, tmp_path: Path
) -> None:
    """An Activiteit changes (moved to another day) without its Toezeggingen changing: the
    sync fetches them again, and they show the debate as it is now."""
    sync, _ = first_sync(kamer, tmp_path / "store")
    toezegging = record(kamer, "Toezegging", OPEN_TZ)
    debate = record(kamer, "Activiteit", toezegging["Activiteit"]["Id"])
    kamer.reemit("Activiteit")  # unchanged debates: their Toezeggingen are not asked for
    syncer(sync.settings).run()
    assert not any("/Toezegging(" in r for r in kamer.requests)  # nor in the first sync
    moved = {**debate, "Onderwerp": "Verplaatst debat", "Datum": "2024-03-07T10:00:00+01:00"}
    kamer.changed("Activiteit", moved)
    assert record(kamer, "Toezegging", OPEN_TZ)["ApiGewijzigdOp"] == toezegging["ApiGewijzigdOp"]
    report = syncer(sync.settings).run()
    assert report.entities["Toezegging"].changed == 0  # the Toezegging itself did not move
    doc = sync.store.get_document(toezegging["Nummer"])
    assert doc is not None and doc.extra["activiteit"] == "Verplaatst debat"
    assert doc.extra["activiteit_datum"].startswith("2024-03-07")
    kamer.delete("Activiteit", debate["Id"])
    syncer(sync.settings).run()
    doc = sync.store.get_document(toezegging["Nummer"])
    assert doc is not None and doc.extra["activiteit"] is None


def test_a_store_synced_before_the_lookup_entities_continues_without_a_date(
    kamer: FakeKamer, tmp_path: Path
) -> None:
    """Positions for Zaak .. Toezegging only (a store synced by an earlier version): the next
    plain `kamer sync` reads the lookup records whole and follows debates from there."""
    settings = settings_for(kamer, tmp_path / "store")
    syncer(settings).run(["Zaak", "Besluit", "Document", "Toezegging"], since=SINCE)
    report = syncer(settings).run()
    assert report.entities["Persoon"].new > 0
    activiteit = syncer(settings).position("Activiteit")
    toezegging = syncer(settings).position("Toezegging")
    assert activiteit is not None and toezegging is not None


# -- an unreliable source ----------------------------------------------------------------------


def test_503_then_success_waits_as_retry_after_asks(kamer: FakeKamer, tmp_path: Path) -> None:
    settings = settings_for(kamer, tmp_path / "store")
    kamer.fail_next(1)
    started = time.monotonic()
    report = syncer(settings).run(["Toezegging"], since=SINCE)  # real waiting
    assert time.monotonic() - started >= 1.0  # Retry-After: 1, not the 0.01 s backoff
    assert report.entities["Toezegging"].new == 10

    waits: list[float] = []
    kamer.fail_next(2)
    kamer.changed("Toezegging", record(kamer, "Toezegging", OPEN_TZ))
    report = syncer(settings, waits=waits).run(["Toezegging"])
    assert waits == [1.0, 1.0]
    assert report.entities["Toezegging"].changed == 1


def test_backoff_doubles_without_retry_after(kamer: FakeKamer, tmp_path: Path) -> None:
    settings = settings_for(kamer, tmp_path / "store", sync_retries=3, sync_backoff=0.5)
    waits: list[float] = []
    kamer.fail_next(3, status=502)
    syncer(settings, waits=waits).run(["Toezegging"], since=SINCE)
    assert waits == [0.5, 1.0, 2.0]


def test_persistent_503_is_a_dutch_error_and_keeps_the_last_good_position(
    kamer: FakeKamer, tmp_path: Path
) -> None:
    whole, _ = first_sync(kamer, tmp_path / "whole")
    settings = settings_for(kamer, tmp_path / "store")
    waits: list[float] = []
    failing = syncer(settings, progress=CutAfter(2, then=lambda: kamer.fail_next(3)), waits=waits)
    with pytest.raises(
        SyncError, match=r"gaf geen bruikbaar antwoord .* HTTP 503 \(na 3 pogingen"
    ) as caught:
        failing.run(since=SINCE)
    assert "gaat verder waar deze stopte" in str(caught.value)
    assert waits == [1.0, 1.0]
    kept = failing.position("Zaak")
    assert kept is not None and kept.since > SINCE  # the two pages before the failure
    assert failing.store.db.meta(SYNC_LAST_RUN) is None
    stats = render_stats(failing.store.stats())
    assert "Laatste synchronisatie mislukt" in stats and "HTTP 503" in stats

    syncer(settings).run()
    assert snapshot(failing.store) == snapshot(whole.store)
    assert failing.store.stats()["sync"]["last_error"] is None


def test_a_hanging_server_is_retried_then_a_dutch_error(kamer: FakeKamer, tmp_path: Path) -> None:
    settings = settings_for(kamer, tmp_path / "store", sync_timeout=0.3, sync_retries=1)
    kamer.hang_next(3)
    report = syncer(settings, waits=[]).run(["Toezegging"], since=SINCE)
    assert report.entities["Toezegging"].new == 10  # the second try was answered

    kamer.hang_next(3)
    kamer.hang_next(3)
    kamer.changed("Toezegging", record(kamer, "Toezegging", OPEN_TZ))
    with pytest.raises(SyncError, match=r"geen antwoord binnen 0\.3 s \(na 2 pogingen\)"):
        syncer(settings, waits=[]).run(["Toezegging"])


def test_malformed_records_are_reported_by_id_and_the_rest_is_ingested(
    kamer: FakeKamer, tmp_path: Path
) -> None:
    sync, _ = first_sync(kamer, tmp_path / "store")
    typed = record(kamer, "Toezegging", OPEN_TZ)
    kamer.changed("Toezegging", {**typed, "Tekst": 42})
    nameless = record(kamer, "Toezegging", "982ebf88")
    kamer.malformed("Toezegging", nameless["Id"], "missing-id")
    kamer.malformed("Zaak", record(kamer, "Zaak", "a44c3304")["Id"], "wrong-type")
    changed = record(kamer, "Toezegging", "97fc1975")
    kamer.changed("Toezegging", {**changed, "Status": "Afgedaan"})

    report = syncer(sync.settings).run()
    assert f"Toezegging {OPEN_TZ}: Tekst heeft het verkeerde type (int)" in report.skipped
    assert "Toezegging (zonder Id) Nummer TZ202401-019: zonder Id" in report.skipped
    assert "Zaak (Id 12345) Nummer 2022Z02434: zonder Id" in report.skipped
    assert report.entities["Toezegging"].changed == 1
    doc = sync.store.get_document("TZ202405-077")
    assert doc is not None and doc.extra["status"] == "Afgedaan"
    kept = sync.store.get_document("TZ202402-103")  # the broken version did not replace it
    assert kept is not None and kept.text.startswith("De minister zal de Kamer")

    again = syncer(sync.settings).run()
    assert again.skipped == []  # reported once, not at every sync


def test_a_file_not_yet_published_is_fetched_on_a_later_sync(
    kamer: FakeKamer, tmp_path: Path
) -> None:
    sync, report = first_sync(kamer, tmp_path / "store")
    assert ANSWERED in sync.pending_files()
    assert report.files_pending == 27
    assert any(path.endswith(f"Document({ANSWERED})/resource") for path in kamer.requests)

    kamer.publish_file(ANSWERED, KAMERVRAGEN_PDF.read_bytes(), "application/pdf")
    report = syncer(sync.settings).run()
    assert report.files_fetched == 1 and report.files_pending == 26
    assert ANSWERED not in sync.pending_files()
    path = tmp_path / "store" / "sync" / "files" / f"{ANSWERED}.pdf"
    entry = sync.store.file_entry(file_key(path))
    assert entry is not None and entry.doc_ids
    assert all(sync.store.get_document(doc_id) for doc_id in entry.doc_ids)

    kamer.delete("Document", ANSWERED)  # withdrawn: its file and what it made go too
    syncer(sync.settings).run()
    assert not path.exists()
    assert not any(sync.store.get_document(doc_id) for doc_id in entry.doc_ids)
    assert sync.store.ids_with("document_id", ANSWERED) == []


# -- freshness ---------------------------------------------------------------------------------


def test_stats_show_freshness_and_warn_when_stale(kamer: FakeKamer, tmp_path: Path) -> None:
    settings = settings_for(kamer, tmp_path / "store")
    store = Store.open(settings)
    assert store.stats()["sync"] is None
    assert "Bijgewerkt" not in render_stats(store.stats())

    now = dt.datetime.now(dt.UTC)
    syncer(settings, now=now).run(["Toezegging"], since=SINCE)
    figures = store.stats()
    assert figures["sync"]["stale"] is False
    text = render_stats(figures)
    assert "Bijgewerkt tot 2024-12-" in text and "(laatste synchronisatie " in text
    assert "Let op" not in text

    store.db.set_meta(SYNC_LAST_RUN, (now - dt.timedelta(hours=25)).isoformat())
    text = render_stats(store.stats())
    assert "Let op: de laatste geslaagde synchronisatie is meer dan 24 uur geleden" in text


def test_a_source_that_stopped_advancing_is_named(kamer: FakeKamer, tmp_path: Path) -> None:
    settings = settings_for(kamer, tmp_path / "store")
    syncer(settings).run(["Toezegging"], since=SINCE)  # newest change: 18 December 2024
    fresh = dt.datetime(2024, 12, 19, 6, 0, tzinfo=dt.UTC)
    assert syncer(settings, now=fresh).run(["Toezegging"]).stale_source is None
    later = fresh + dt.timedelta(days=3)
    warning = syncer(settings, now=later).run(["Toezegging"]).stale_source
    assert warning is not None and "Mogelijk werkt de bron" in warning
    assert "meer dan 24 uur geleden" in warning
    kamer.changed("Toezegging", record(kamer, "Toezegging", OPEN_TZ))
    assert syncer(settings, now=later).run(["Toezegging"]).stale_source is None


# -- the command -------------------------------------------------------------------------------


def kamer_sync(kamer: FakeKamer, store: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        main,
        ["sync", "--stil", "--store", str(store), *args],
        obj=Context(embedder=HashEmbedder()),
        env={"KAMER_SYNC_URL": kamer.url, "KAMER_SYNC_BACKOFF": "0.01"},
    )
    return result.exit_code, result.output


def test_sync_needs_a_start_date_the_first_time(kamer: FakeKamer, tmp_path: Path) -> None:
    code, output = kamer_sync(kamer, tmp_path / "store")
    assert code == 1
    assert "Nog geen synchronisatiepositie voor Zaak" in output and "--sinds" in output
    assert kamer.requests == []  # nothing contacted


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--elke", "vaak"], "'vaak' is geen tijdsduur"),
        (["--categorieen", "Zaak,Motie"], "onbekende categorie Motie"),
        (["--herstart"], "--herstart heeft --sinds DATUM nodig"),
        (["--eenmalig", "--elke", "15m"], "Kies --eenmalig of --elke"),
        (["--sinds", "gisteren-ooit"], "geen datum"),
    ],
)
def test_sync_options_are_checked_before_anything_is_contacted(
    kamer: FakeKamer, tmp_path: Path, args: list[str], message: str
) -> None:
    code, output = kamer_sync(kamer, tmp_path / "store", *args)
    assert code == 2
    assert message in " ".join(output.split())
    assert kamer.requests == []


def test_intervals() -> None:
    assert [parse_interval(v) for v in ("30s", "15m", "1h", "2u", "10")] == [
        30,
        900,
        3600,
        7200,
        600,
    ]


def test_sinds_applies_only_without_a_position_unless_restarted(
    kamer: FakeKamer, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    code, output = kamer_sync(kamer, store, "--sinds", "2024-12-01", "--categorieen", "toezegging")
    assert code == 0 and "Toezegging : 10 nieuw" in output and "Zaak" not in output
    code, output = kamer_sync(kamer, store, "--sinds", "2024-12-01", "--categorieen", "Toezegging")
    assert "Toezegging : 0 nieuw, 0 gewijzigd" in output  # the stored position came first
    code, output = kamer_sync(
        kamer, store, "--sinds", "2024-12-01", "--herstart", "--categorieen", "Toezegging"
    )
    assert "Toezegging : 0 nieuw, 10 gewijzigd" in output  # read again; nothing doubled
    assert Store.open(Settings(store=store)).db.counts().by_type == {"toezegging": 10}


def test_sync_every_interval_stops_cleanly_on_ctrl_c(
    kamer: FakeKamer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rounds: list[float] = []

    def sleep(seconds: float) -> None:
        rounds.append(seconds)
        if len(rounds) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr("assistant.cli_sync.time.sleep", sleep)
    code, output = kamer_sync(
        kamer,
        tmp_path / "store",
        "--sinds",
        "2024-12-01",
        "--categorieen",
        "Toezegging",
        "--elke",
        "15m",
    )
    assert code == 0, output
    assert output.count("Synchronisatie met") == 2
    assert "Volgende synchronisatie om" in output and "Gestopt" in output
    assert 0 < rounds[0] <= 900
    assert "Traceback" not in output


def test_ctrl_c_during_a_sync_says_it_resumes(
    kamer: FakeKamer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Syncer, "run", interrupted)
    code, output = kamer_sync(kamer, tmp_path / "store", "--sinds", "2024-12-01")
    assert code == 130
    assert "Onderbroken; de volgende `kamer sync` gaat verder waar deze stopte." in output
    assert "Traceback" not in output


# -- small parts -------------------------------------------------------------------------------


def test_timestamp_keys_sort_as_moments() -> None:
    assert timestamp_key("2025-06-30T09:50:10.3474389Z") == "2025-06-30T09:50:10.3474389Z"
    assert timestamp_key("2025-06-30T09:50:10.34Z") == "2025-06-30T09:50:10.3400000Z"
    assert timestamp_key("2025-06-30T11:50:10+02:00") == "2025-06-30T09:50:10.0000000Z"
    earlier, later = (
        timestamp_key("2025-06-30T09:50:10.34Z"),
        timestamp_key("2025-06-30T09:50:10.3401Z"),
    )
    assert earlier is not None and later is not None and earlier < later
    for wrong in (None, 42, "", "gisteren", "2025-13-40T00:00:00Z"):
        assert timestamp_key(wrong) is None


def test_retry_after_reads_seconds_and_dates() -> None:
    now = dt.datetime(2025, 1, 1, 12, 0, tzinfo=dt.UTC)
    assert retry_after("7", now) == 7.0
    assert retry_after("Wed, 01 Jan 2025 12:00:30 GMT", now) == 30.0
    assert retry_after("binnenkort", now) is None and retry_after(None, now) is None


def test_a_next_link_to_another_host_is_not_followed(kamer: FakeKamer, tmp_path: Path) -> None:
    api = KamerApi(settings_for(kamer, tmp_path / "store"))
    with pytest.raises(SyncError, match="ander adres"):
        api.page("http://elders.example/OData/v4/2.0/Zaak", "Zaak")
    assert kamer.requests == []
