"""The fake Tweede Kamer OData API (tests/fake_kamer): the contract the sync client relies on."""

from __future__ import annotations

import datetime as dt
import json
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from assistant.documents import (
    AANGENOMEN,
    GEWIJZIGDE_MOTIE,
    MOTIE,
    TOEZEGGING,
    VERWORPEN,
    Document,
)
from ingest.sources.base import READ_WARNING
from ingest.sources.odata import ODataReader
from tests.fake_kamer.server import DATA, FakeKamer

SINCE = "ApiGewijzigdOp ge 2024-12-01T00:00:00Z"
ALIVE = f"{SINCE} and Verwijderd eq false"
# kst-32317-913 (Podt and Rajkowski), the motie that the nota in ../shared/data carries out.
NOTA_MOTIE_DOCUMENT = "dff29849-84e3-451f-86ff-5fd528cc9420"
NOTA_MOTIE_PUBLICATIE = "326ecaea-dcf2-47b4-b84b-6670a3caf34c"


@pytest.fixture
def kamer() -> Iterator[FakeKamer]:
    with FakeKamer(DATA, page_size=20) as fake:
        yield fake


def get(url: str, timeout: float = 5) -> tuple[int, Any, Any]:
    """Status, headers and body (JSON when the server says so) of one GET."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            status, headers, raw = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, raw = error.code, error.headers, error.read()
    is_json = headers.get("Content-Type", "").startswith("application/json")
    return status, headers, json.loads(raw) if is_json else raw


def collection(
    kamer: FakeKamer, entity: str, odata_filter: str | None = SINCE, **extra: str
) -> str:
    params = {"$orderby": "ApiGewijzigdOp,Id", **extra}
    if odata_filter is not None:
        params["$filter"] = odata_filter
    query = "&".join(f"{k}={quote(v)}" for k, v in params.items())
    return f"{kamer.odata_url}/{entity}?{query}"


def all_pages(url: str) -> list[dict[str, Any]]:
    pages: list[dict[str, Any]] = []
    next_url: str | None = url
    while next_url:
        status, _, body = get(next_url)
        assert status == 200, body
        pages.append(body)
        next_url = body.get("@odata.nextLink")
    return pages


def served(url: str) -> list[Any]:
    return [record for page in all_pages(url) for record in page["value"]]


def order_key(record: dict[str, Any]) -> tuple[dt.datetime, str]:
    return dt.datetime.fromisoformat(record["ApiGewijzigdOp"]), record["Id"]


def test_pages_follow_next_links_until_every_record_is_served(kamer: FakeKamer) -> None:
    pages = all_pages(
        collection(kamer, "Zaak", **{"$expand": "ZaakActor,Besluit($expand=Stemming)"})
    )
    assert [len(page["value"]) for page in pages] == [20, 20, 10]
    assert "@odata.nextLink" not in pages[-1]
    first_link = urlsplit(pages[0]["@odata.nextLink"])
    assert f"{first_link.scheme}://{first_link.netloc}" == kamer.url  # absolute
    params = parse_qs(first_link.query)
    assert params["$filter"] == [SINCE]
    assert params["$skip"] == ["20"]
    assert params["$expand"] == ["ZaakActor,Besluit($expand=Stemming)"]
    assert pages[0]["@odata.context"] == f"{kamer.odata_url}/$metadata#Zaak"
    ids = [record["Id"] for page in pages for record in page["value"]]
    assert len(ids) == len(set(ids)) == 50
    assert len(kamer.requests) == 3
    assert kamer.requests[1].endswith("&$skip=20")


def test_top_sets_the_page_size_up_to_the_maximum(kamer: FakeKamer) -> None:
    pages = all_pages(collection(kamer, "Document", **{"$top": "8"}))
    assert [len(page["value"]) for page in pages] == [8] * 6 + [2]
    assert parse_qs(urlsplit(pages[0]["@odata.nextLink"]).query)["$top"] == ["8"]
    _, _, body = get(collection(kamer, "Document", **{"$top": "1000"}))
    assert len(body["value"]) == 20  # capped at FakeKamer(page_size=20); 250 by default
    _, _, body = get(collection(kamer, "Document", **{"$skip": "45"}))
    assert len(body["value"]) == 5 and "@odata.nextLink" not in body


def test_default_page_is_250_records() -> None:
    with FakeKamer(None) as kamer:
        for number in range(260):
            kamer.changed("Persoon", {"Id": f"00000000-0000-0000-0000-{number:012d}"})
        pages = all_pages(collection(kamer, "Persoon"))
    assert [len(page["value"]) for page in pages] == [250, 10]


def test_the_whole_sample_is_changed_since_1_december_2024(kamer: FakeKamer) -> None:
    counts = {entity: len(served(collection(kamer, entity))) for entity in ("Zaak", "Document")}
    counts["Toezegging"] = len(served(collection(kamer, "Toezegging")))
    assert counts == {"Zaak": 50, "Document": 50, "Toezegging": 10}
    assert served(collection(kamer, "Zaak", "ApiGewijzigdOp ge 2024-12-21T00:00:00Z")) == []
    assert len(served(collection(kamer, "Zaak", None))) == 50


def test_ge_includes_the_boundary_and_gt_excludes_it(kamer: FakeKamer) -> None:
    records = kamer.records("Zaak")
    boundary = records[30]["ApiGewijzigdOp"]
    ge = served(collection(kamer, "Zaak", f"ApiGewijzigdOp ge {boundary}"))
    gt = served(collection(kamer, "Zaak", f"ApiGewijzigdOp gt {boundary}"))
    assert [r["Id"] for r in ge] == [r["Id"] for r in records[30:]]
    assert [r["Id"] for r in gt] == [r["Id"] for r in records[31:]]


@pytest.mark.parametrize(
    "odata_filter",
    [
        "Soort eq 'Motie'",
        "ApiGewijzigdOp ge 2024-12-01",  # no time
        "ApiGewijzigdOp ge 2024-12-01T00:00:00",  # no offset: OData needs one
        "ApiGewijzigdOp le 2024-12-01T00:00:00Z",
        "ApiGewijzigdOp ge 2024-12-01T00:00:00Z or Verwijderd eq false",
    ],
)
def test_an_unsupported_filter_is_refused_not_ignored(kamer: FakeKamer, odata_filter: str) -> None:
    status, _, body = get(collection(kamer, "Zaak", odata_filter))
    assert status == 400
    assert "ApiGewijzigdOp ge" in body["error"]["message"]


def test_deleted_records_are_served_unless_verwijderd_eq_false(kamer: FakeKamer) -> None:
    victim = kamer.records("Zaak")[0]
    kamer.delete("Zaak", victim["Id"])
    [dead] = [r for r in served(collection(kamer, "Zaak")) if r["Id"] == victim["Id"]]
    assert dead["Verwijderd"] is True
    assert dead["Nummer"] is None and dead["ZaakActor"] == []  # every field kept, emptied
    assert dead["ApiGewijzigdOp"] > victim["ApiGewijzigdOp"]
    assert list(dead) == list(victim)
    alive = served(collection(kamer, "Zaak", ALIVE))
    assert victim["Id"] not in {r["Id"] for r in alive} and len(alive) == 49
    # Three real deleted Document records (all fields null) come with the sample.
    documents = served(collection(kamer, "Document"))
    assert sum(r["Verwijderd"] for r in documents) == 3
    assert len(served(collection(kamer, "Document", ALIVE))) == 47
    assert len(served(collection(kamer, "Document", "Verwijderd eq false"))) == 47


@pytest.mark.parametrize("status", [503, 429])
def test_fail_next_answers_with_retry_after_then_recovers(kamer: FakeKamer, status: int) -> None:
    kamer.fail_next(2, status=status)
    url = collection(kamer, "Zaak")
    for _ in range(2):
        code, headers, body = get(url)
        assert code == status
        assert headers["Retry-After"] == "1"
        assert "error" in body
    code, _, body = get(url)
    assert code == 200 and len(body["value"]) == 20
    assert len(kamer.requests) == 3


def test_fail_next_500_has_no_retry_after(kamer: FakeKamer) -> None:
    kamer.fail_next(1, status=500)
    code, headers, _ = get(collection(kamer, "Zaak"))
    assert code == 500 and "Retry-After" not in headers


def test_hang_next_makes_one_request_outlast_a_client_timeout(kamer: FakeKamer) -> None:
    kamer.hang_next(1.0)
    with pytest.raises((TimeoutError, urllib.error.URLError, socket.timeout)):
        get(collection(kamer, "Zaak"), timeout=0.2)
    code, _, _ = get(collection(kamer, "Zaak"), timeout=0.9)
    assert code == 200


def test_resource_is_404_until_published(kamer: FakeKamer) -> None:
    letter = next(r for r in kamer.records("Document") if r["Soort"] == "Brief regering")
    url = f"{kamer.odata_url}/Document({letter['Id']})/resource"
    status, _, body = get(url)
    assert status == 404 and "error" in body
    kamer.publish_file(letter["Id"], b"%PDF-1.7 brief", "application/pdf")
    status, headers, content = get(url)
    assert status == 200
    assert headers["Content-Type"] == "application/pdf" and content == b"%PDF-1.7 brief"


def test_a_motie_document_serves_its_officiele_publicatie(kamer: FakeKamer) -> None:
    expected = (DATA / "publicaties" / f"{NOTA_MOTIE_PUBLICATIE}.xml").read_bytes()
    for path in (
        f"Document({NOTA_MOTIE_DOCUMENT})/resource",
        f"DocumentPublicatie({NOTA_MOTIE_PUBLICATIE})/resource",
    ):
        status, headers, content = get(f"{kamer.odata_url}/{path}")
        assert status == 200 and headers["Content-Type"] == "application/xml"
        assert content == expected and b"32317" in content


def test_order_is_by_api_gewijzigd_op_then_id_and_stable(kamer: FakeKamer) -> None:
    first = served(collection(kamer, "Zaak"))
    assert first == sorted(first, key=order_key)
    times = [r["ApiGewijzigdOp"] for r in first]
    assert len(set(times)) < len(times)  # the sample has a tie, broken by Id
    assert served(collection(kamer, "Zaak", None, **{"$orderby": "Id desc"})) == first
    assert served(collection(kamer, "Zaak")) == first


def test_a_reemission_changes_only_api_gewijzigd_op(kamer: FakeKamer) -> None:
    before = {r["Id"]: r for r in kamer.records("Zaak")}
    clock = kamer.now
    chosen = list(before)[:5]
    assert kamer.reemit("Zaak", chosen) == chosen
    after = {r["Id"]: r for r in kamer.records("Zaak")}
    for record_id, old in before.items():
        new = after[record_id]
        assert {k: v for k, v in new.items() if k != "ApiGewijzigdOp"} == {
            k: v for k, v in old.items() if k != "ApiGewijzigdOp"
        }
        assert (new["ApiGewijzigdOp"] != old["ApiGewijzigdOp"]) == (record_id in chosen)
    since_clock = served(collection(kamer, "Zaak", f"ApiGewijzigdOp gt {clock}"))
    assert [r["Id"] for r in since_clock] == chosen
    assert len(kamer.reemit("Zaak")) == 50  # all of them, as the real feed once did


def test_a_change_gets_a_new_time_and_comes_last(kamer: FakeKamer) -> None:
    old = kamer.records("Toezegging")[0]
    clock = kamer.now
    new = kamer.changed("Toezegging", {**old, "Status": "Afgedaan"})
    assert new["ApiGewijzigdOp"] > old["ApiGewijzigdOp"]
    assert new["GewijzigdOp"] != old["GewijzigdOp"]
    assert dt.datetime.fromisoformat(new["ApiGewijzigdOp"]) > dt.datetime.fromisoformat(clock)
    later = served(collection(kamer, "Toezegging", f"ApiGewijzigdOp gt {clock}"))
    assert [(r["Id"], r["Status"]) for r in later] == [(old["Id"], "Afgedaan")]
    second = kamer.changed("Toezegging", {**old, "Status": "Vervallen"})
    assert second["ApiGewijzigdOp"] > new["ApiGewijzigdOp"]  # strictly increasing


@pytest.mark.parametrize("how", ["missing-id", "wrong-type", "not-an-object"])
def test_a_malformed_record_breaks_only_itself(kamer: FakeKamer, how: str) -> None:
    victim = kamer.records("Document")[10]
    clock = kamer.now
    kamer.malformed("Document", victim["Id"], how)
    status, _, body = get(collection(kamer, "Document", f"ApiGewijzigdOp gt {clock}"))
    assert status == 200
    [broken] = body["value"]
    if how == "missing-id":
        assert "Id" not in broken and broken["DocumentNummer"] == victim["DocumentNummer"]
    elif how == "wrong-type":
        assert broken["Id"] == 12345 and broken["Verwijderd"] == "nee"
    else:
        assert not isinstance(broken, dict)
    everything = served(collection(kamer, "Document"))
    assert len(everything) == 50  # the page around it is intact
    assert not any(isinstance(r, dict) and r.get("Id") == victim["Id"] for r in everything)
    kamer.changed("Document", victim)  # a later change repairs it
    assert victim["Id"] in {r["Id"] for r in served(collection(kamer, "Document"))}


def test_every_served_record_has_the_sync_fields(kamer: FakeKamer) -> None:
    for entity in ("Zaak", "Document", "Toezegging"):
        for record in served(collection(kamer, entity)):
            assert set(record) >= {"Id", "ApiGewijzigdOp", "GewijzigdOp", "Verwijderd"}
            assert len(record["Id"]) == 36 and isinstance(record["Verwijderd"], bool)
            # The real API's style: UTC with seven fractional digits.
            assert record["ApiGewijzigdOp"].endswith("Z")
            assert len(record["ApiGewijzigdOp"]) == len("2024-12-01T07:00:00.7575040Z")
            changed = dt.datetime.fromisoformat(record["ApiGewijzigdOp"])
            assert dt.datetime(2024, 12, 1, tzinfo=dt.UTC) <= changed
            assert changed < dt.datetime(2024, 12, 21, tzinfo=dt.UTC)
            assert dt.datetime.fromisoformat(record["GewijzigdOp"]).utcoffset() is not None


def test_served_pages_are_readable_by_our_odata_reader(kamer: FakeKamer, tmp_path: Path) -> None:
    reader = ODataReader()
    docs: list[Document] = []
    for entity in ("Zaak", "Document", "Toezegging"):
        for number, page in enumerate(all_pages(collection(kamer, entity, ALIVE))):
            path = tmp_path / f"{entity}-{number}.json"
            path.write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
            docs.extend(reader.read(path))
    motions = [d for d in docs if d.type in (MOTIE, GEWIJZIGDE_MOTIE) and d.motion is not None]
    assert len(motions) == 50
    assert {d.motion.outcome for d in motions if d.motion} >= {AANGENOMEN, VERWORPEN}
    [nota_motie] = [d for d in motions if d.id == "kst-32317-913"]
    assert nota_motie.ids["publicatie"] == NOTA_MOTIE_PUBLICATIE
    commitments = [d for d in docs if d.type == TOEZEGGING]
    assert len(commitments) == 10
    assert {d.extra["status"] for d in commitments} == {
        "Openstaand",
        "Afgedaan",
        "Deels afgedaan",
        "Vervallen",
    }
    assert all(d.extra["activiteit"] for d in commitments)
    assert sum(bool(d.extra.get("metadata_only")) for d in docs) == 47
    assert not [d.extra[READ_WARNING] for d in docs if READ_WARNING in d.extra]


def test_other_entities_answer_empty_pages_and_unknown_ones_404(kamer: FakeKamer) -> None:
    for entity in ("Stemming", "ZaakActor", "Activiteit", "Persoon", "Fractie"):
        status, _, body = get(collection(kamer, entity))
        assert status == 200 and body["value"] == []
    status, _, _ = get(collection(kamer, "Kamerstukdossier"))
    assert status == 200
    status, _, body = get(collection(kamer, "Motie"))
    assert status == 404 and "error" in body


def test_one_record_by_id(kamer: FakeKamer) -> None:
    record = kamer.records("Zaak")[3]
    status, _, body = get(f"{kamer.odata_url}/Zaak({record['Id']})")
    assert status == 200
    assert body["@odata.context"].endswith("$metadata#Zaak/$entity")
    assert body["Nummer"] == record["Nummer"]
    status, _, _ = get(f"{kamer.odata_url}/Zaak(00000000-0000-0000-0000-000000000000)")
    assert status == 404


def test_the_sample_is_small_and_its_provenance_is_kept() -> None:
    size = sum(path.stat().st_size for path in DATA.rglob("*") if path.is_file())
    assert size < 1_500_000
    provenance = json.loads((DATA / "provenance.json").read_text(encoding="utf-8"))
    for entity in ("Zaak", "Document", "Toezegging"):
        page = json.loads((DATA / f"{entity}.json").read_text(encoding="utf-8"))
        noted = {entry["Id"]: entry for entry in provenance[entity]}
        assert {r["Id"] for r in page["value"]} == set(noted)
        if entity != "Toezegging":
            assert all(e["bron"].startswith("tk-odata/") for e in noted.values())
            assert all(e["ApiGewijzigdOp_origineel"] for e in noted.values())


def test_the_command_line_serves_in_the_foreground() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    root = Path(__file__).resolve().parents[1]
    command = [sys.executable, "-m", "tests.fake_kamer.server", "--poort", str(port)]
    with subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, text=True) as process:
        try:
            assert process.stdout is not None
            assert process.stdout.readline().strip() == f"http://127.0.0.1:{port}"
            status, _, body = get(f"http://127.0.0.1:{port}/OData/v4/2.0/Toezegging")
            assert status == 200 and len(body["value"]) == 10
        finally:
            process.terminate()


def test_besluit_records_come_from_the_zaken_with_their_own_timestamps(kamer: FakeKamer) -> None:
    zaken = {z["Id"]: z for z in kamer.records("Zaak")}
    nested = {b["Id"]: (z["Id"], b) for z in zaken.values() for b in z.get("Besluit") or []}
    besluiten = served(collection(kamer, "Besluit", None, **{"$expand": "Zaak($select=Id)"}))
    assert len(besluiten) == len(nested) == 30
    assert besluiten == sorted(besluiten, key=order_key)
    for besluit in besluiten:
        zaak_id, original = nested[besluit["Id"]]
        assert besluit["Zaak"] == [{"Id": zaak_id}]
        assert besluit["Verwijderd"] is False
        assert besluit["ApiGewijzigdOp"] == original["ApiGewijzigdOp"]  # its own, not the Zaak's
        assert besluit["Stemming"] == original["Stemming"]
        assert besluit["BesluitSoort"] == original["BesluitSoort"]
    # The sample's Besluiten date from 2022-2023: none changed since 1 December 2024.
    assert served(collection(kamer, "Besluit", SINCE)) == []


def test_vote_stamps_only_the_besluit_and_shows_it_in_the_zaak(kamer: FakeKamer) -> None:
    zaak = next(z for z in kamer.records("Zaak") if z.get("Besluit"))
    (besluit,) = zaak["Besluit"]
    kamer.changed("Zaak", {**zaak, "Besluit": []})
    before = next(z for z in kamer.records("Zaak") if z["Id"] == zaak["Id"])
    voted = kamer.vote(zaak["Id"], besluit)
    assert voted["ApiGewijzigdOp"] > before["ApiGewijzigdOp"]
    assert voted["Zaak"] == [{"Id": zaak["Id"]}] and voted["Stemming"] == besluit["Stemming"]

    since = f"ApiGewijzigdOp gt {before['ApiGewijzigdOp']}"
    assert [b["Id"] for b in served(collection(kamer, "Besluit", since))] == [besluit["Id"]]
    assert served(collection(kamer, "Zaak", since)) == []  # the Zaak did not move
    status, _, body = get(f"{kamer.odata_url}/Zaak({zaak['Id']})")
    assert status == 200
    assert body["ApiGewijzigdOp"] == before["ApiGewijzigdOp"]
    assert body["GewijzigdOp"] == before["GewijzigdOp"]
    assert [b["Id"] for b in body["Besluit"]] == [besluit["Id"]]
    assert body["Besluit"][0]["Stemming"] == besluit["Stemming"]
    status, _, single = get(f"{kamer.odata_url}/Besluit({besluit['Id']})")
    assert status == 200 and single["ApiGewijzigdOp"] == voted["ApiGewijzigdOp"]

    dead = kamer.delete("Besluit", besluit["Id"])
    assert dead["Verwijderd"] is True and dead["Zaak"] == []
    status, _, body = get(f"{kamer.odata_url}/Zaak({zaak['Id']})")
    assert body["Besluit"] == [] and body["ApiGewijzigdOp"] == before["ApiGewijzigdOp"]
