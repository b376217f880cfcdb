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
from urllib.parse import parse_qs, quote, quote_plus, urlencode, urlsplit

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
from tests.fake_kamer.feed import order_key as served_order
from tests.fake_kamer.odata_filter import QueryError, parse_filter
from tests.fake_kamer.server import DATA, FakeKamer

SINCE = "ApiGewijzigdOp ge 2024-12-01T00:00:00Z"
ALIVE = f"{SINCE} and Verwijderd eq false"
REFERENCE_SETS = ("Activiteit", "Persoon", "Fractie", "Kamerstukdossier")
SAMPLE_COUNTS = {
    "Zaak": 50,
    "Document": 50,
    "Toezegging": 10,
    "Activiteit": 22,
    "Persoon": 35,
    "Fractie": 11,
    "Kamerstukdossier": 20,
}
CONSTRUCTED = ("Toezegging", "Kamerstukdossier")
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
    counts = {entity: len(served(collection(kamer, entity))) for entity in SAMPLE_COUNTS}
    assert counts == SAMPLE_COUNTS
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
    ("odata_filter", "reason"),
    [
        ("ApiGewijzigdOp ge 2024-12-01", "datum zonder tijd"),
        ("ApiGewijzigdOp ge 2024-12-01T00:00:00", "tijd zonder tijdzone"),  # OData needs one
        # An unencoded '+' arrives as a space (form decoding, as ASP.NET does).
        ("ApiGewijzigdOp ge 2024-12-01T08:00:00 01:00", "tijd zonder tijdzone"),
        ("Activiteit/Id eq ec3e01d3-e9ac-4f8d-ae4f-41d619562866", "navigatiepad"),
        ("ZaakActor/any(a:a/ActorNaam eq 'J.F. Klaver')", "navigatiepad"),
        ("contains(Onderwerp,'stikstof')", "functie contains()"),
        ("(Soort eq 'Motie' or Verwijderd eq true", "zonder bijbehorend ')'"),
        ("Soort eq 'Motie')", "onverwacht ')'"),
        ("Soort eq 'Motie' en meer", "onverwacht 'en'"),
        ("Soort eq Motie", "geen waarde"),
        ("Soort eq 'Motie", "zonder afsluitend aanhalingsteken"),
        ("Verwijderd gt false", "alleen eq en ne"),
        ("Volgnummer eq 1.5", "verwacht een waarde"),
        ("Soort Motie", "verwacht eq, ne, gt, ge, lt of le"),
        ("Soort eq 'Motie' and", "onverwacht einde"),
        ("Id gt 982ebf88-58d5-5d66-b602", "verwacht een waarde na 'Id gt'"),  # not a Guid
        ("Soortt eq 'Motie'", "Soortt: geen veld van Zaak"),
    ],
)
def test_an_unsupported_filter_is_refused_not_ignored(
    kamer: FakeKamer, odata_filter: str, reason: str
) -> None:
    status, _, body = get(collection(kamer, "Zaak", odata_filter))
    assert status == 400
    message = body["error"]["message"]
    assert reason in message and odata_filter.split()[0] in message  # what was not understood
    assert "ondersteund:" in message or "wel:" in message  # and what is supported


@pytest.mark.parametrize(
    "odata_filter",
    [
        SINCE,
        ALIVE,
        "Verwijderd eq false and ApiGewijzigdOp ge 2024-12-01T00:00:00Z",
        "Verwijderd eq false",
        "ApiGewijzigdOp gt 2024-12-01T00:00:00Z and Verwijderd eq false",
        "ApiGewijzigdOp ge 2024-12-01T01:00:00+01:00 and Verwijderd eq false",  # sent as %2B
    ],
)
def test_the_first_filter_forms_keep_working(kamer: FakeKamer, odata_filter: str) -> None:
    kamer.delete("Zaak", kamer.records("Zaak")[0]["Id"])
    records = served(collection(kamer, "Zaak", odata_filter))
    if "Verwijderd eq false" in odata_filter:
        assert len(records) == 49 and not any(r["Verwijderd"] for r in records)
    else:
        assert len(records) == 50


# Records for the $filter semantics, each construct on its own: wrong types in "e".
FILTER_SAMPLE: list[dict[str, Any]] = [
    {
        "Id": "10000000-0000-0000-0000-000000000001",
        "Naam": "a",
        "ApiGewijzigdOp": "2024-12-01T07:00:00.0000000Z",
        "Soort": "Motie",
        "Verwijderd": False,
        "Volgnummer": 3,
        "Titel": "Overig (openbaar)",
    },
    {
        "Id": "20000000-0000-0000-0000-000000000002",
        "Naam": "b",
        "ApiGewijzigdOp": "2024-12-01T08:00:00.0000001Z",  # 100 ns after c
        "Soort": "Brief regering",
        "Verwijderd": False,
        "Volgnummer": 10,
        "Titel": "Brief lid / fractie",
    },
    {
        "Id": "A0000000-0000-0000-0000-000000000003",
        "Naam": "c",
        "ApiGewijzigdOp": "2024-12-01T08:00:00.0000000Z",
        "Soort": None,
        "Verwijderd": True,
        "Volgnummer": None,
        "Titel": None,
    },
    {
        "Id": "b0000000-0000-0000-0000-000000000004",
        "Naam": "d",
        "ApiGewijzigdOp": "2024-12-02T00:00:00+01:00",
        "Soort": "Motie (gewijzigd/nader)",
        "Verwijderd": False,
        "Titel": "Motie van het lid 't Hart",
    },
    {
        "Id": "geen-guid",
        "Naam": "e",
        "ApiGewijzigdOp": "2024-12-03",
        "Soort": 7,
        "Verwijderd": "nee",
        "Volgnummer": "12",
        "Titel": "x",
    },
]


@pytest.mark.parametrize(
    ("odata_filter", "expected"),
    [
        ("ApiGewijzigdOp ge 2024-12-01T08:00:00Z", "bcd"),
        ("ApiGewijzigdOp gt 2024-12-01T08:00:00Z", "bd"),  # to the 7th digit
        ("ApiGewijzigdOp eq 2024-12-01T09:00:00+01:00", "c"),
        ("ApiGewijzigdOp lt 2024-12-01T08:00:00.0000001Z", "ac"),
        ("ApiGewijzigdOp le 2024-12-01T07:00:00Z", "a"),
        ("ApiGewijzigdOp ne 2024-12-01T07:00:00Z", "bcd"),  # e: a date, no moment
        ("Id eq a0000000-0000-0000-0000-000000000003", "c"),  # Guid: case-insensitive
        ("Id gt A0000000-0000-0000-0000-000000000000", "cd"),
        ("Id lt a0000000-0000-0000-0000-000000000000", "ab"),
        ("Soort eq 'Motie'", "a"),
        ("Soort ne 'Motie'", "bcd"),  # null ne 'Motie'; 7 is no text
        ("Soort eq null", "c"),
        ("Soort ne null", "abde"),
        ("Volgnummer eq null", "cd"),  # absent is null
        ("Titel eq 'Overig (openbaar)'", "a"),
        ("Titel eq 'Brief lid / fractie'", "b"),
        ("Titel eq 'Motie van het lid ''t Hart'", "d"),
        ("startswith(Soort,'Motie')", "ad"),
        ("startswith(Titel, 'Motie van het lid ''t')", "d"),
        ("Verwijderd eq true", "c"),
        ("Verwijderd eq false", "abd"),
        ("Verwijderd ne false", "c"),
        ("Volgnummer gt 3", "b"),
        ("Volgnummer ge 3 and Volgnummer le 10", "ab"),
        ("Volgnummer lt -1", ""),
        ("Soort eq 'Motie' or Verwijderd eq true", "ac"),
        ("not (Soort eq 'Motie' or Verwijderd eq true)", "bde"),
        ("not Verwijderd eq true", "abde"),
        ("Soort eq 'Motie' or Soort eq 'Brief regering' and Verwijderd eq true", "a"),
        ("(Soort eq 'Motie' or Soort eq 'Brief regering') and Verwijderd eq false", "ab"),
        ("  Soort  eq  'Motie'  ", "a"),
    ],
)
def test_each_filter_construct_selects_exactly_its_records(
    odata_filter: str, expected: str
) -> None:
    where = parse_filter(odata_filter)
    assert "".join(r["Naam"] for r in FILTER_SAMPLE if where.selects(r)) == expected


def test_the_guid_order_of_the_filter_is_the_served_tie_order() -> None:
    ids = ["A0000000-0000-0000-0000-000000000003", "b0000000-0000-0000-0000-000000000004"]
    ids += ["90000000-0000-0000-0000-000000000005", "aF000000-0000-0000-0000-000000000006"]
    time = "2024-12-01T07:00:00.0000000Z"
    records = sorted(({"Id": i, "ApiGewijzigdOp": time} for i in ids), key=served_order)
    for index, record in enumerate(records):
        where = parse_filter(f"ApiGewijzigdOp eq {time} and Id gt {record['Id']}")
        assert [r["Id"] for r in records if where.selects(r)] == [
            r["Id"] for r in records[index + 1 :]
        ]


def test_parse_filter_raises_query_error() -> None:
    with pytest.raises(QueryError, match="navigatiepad"):
        parse_filter("Zaak/Id eq 982ebf88-58d5-5d66-b602-71ccb2a1faab")


def keyset(since: str, after: str | None, kept: str | None) -> str:
    """The sync client's selection: records after (since, after) in served order."""
    changed = (
        f"ApiGewijzigdOp ge {since}"
        if after is None
        else f"(ApiGewijzigdOp gt {since} or (ApiGewijzigdOp eq {since} and Id gt {after}))"
    )
    return f"{changed} and ({kept})" if kept else changed


def walk_by_keyset(kamer: FakeKamer, entity: str, kept: str | None) -> list[dict[str, Any]]:
    """Pages of two, each asked from the last record seen: no $skip, no nextLink."""
    since, after = "2024-12-01T00:00:00.0000000Z", None
    seen: list[dict[str, Any]] = []
    for _ in range(100):
        url = collection(kamer, entity, keyset(since, after, kept), **{"$top": "2"})
        status, _, body = get(url)
        assert status == 200, body
        if not body["value"]:
            return seen
        seen.extend(body["value"])
        since, after = body["value"][-1]["ApiGewijzigdOp"], body["value"][-1]["Id"]
    raise AssertionError("keyset paging does not end")


def tie_record(number: int, time: str, soort: str | None, *, upper: bool = False) -> dict[str, Any]:
    record_id = f"{number:x}{number:07x}-0000-4000-8000-{number:012x}"
    return {
        "Id": record_id.upper() if upper else record_id,
        "Nummer": None if soort is None else f"2024Z{number:05d}",
        "Soort": soort,
        "GewijzigdOp": "2024-12-10T11:00:00+01:00",
        "ApiGewijzigdOp": time,
        "Verwijderd": soort is None,
    }


def test_keyset_pages_over_records_sharing_one_time_serve_each_once(tmp_path: Path) -> None:
    tie = "2024-12-10T10:00:00.1234567Z"
    records = [tie_record(n, tie, "Motie" if n % 3 else "Brief regering") for n in range(1, 10)]
    records += [
        tie_record(10, tie, None),  # a deleted one (tombstone: Soort null)
        tie_record(11, tie, "Motie", upper=True),  # a Guid in capitals
        tie_record(12, "2024-12-10T10:00:00.1234568Z", "Motie"),  # 100 ns later
        tie_record(13, "2024-12-10T10:00:00.1234566Z", "Motie"),  # 100 ns earlier
        tie_record(14, "2024-12-02T10:00:00Z", "Motie"),
        tie_record(15, "2024-12-19T10:00:00Z", "Motie"),
    ]
    (tmp_path / "Zaak.json").write_text(json.dumps({"value": records}), encoding="utf-8")
    with FakeKamer(tmp_path, page_size=20) as kamer:
        stored = kamer.records("Zaak")
        for kept in (None, "Soort eq 'Motie' or Verwijderd eq true"):
            wanted = [
                r["Id"] for r in stored if kept is None or r["Soort"] == "Motie" or r["Verwijderd"]
            ]
            seen = [r["Id"] for r in walk_by_keyset(kamer, "Zaak", kept)]
            assert seen == wanted
        assert not any("$skip" in request for request in kamer.requests)
    assert len(wanted) == 12 and sum(r["ApiGewijzigdOp"] == tie for r in records) == 11


def test_keyset_pages_over_the_sample_serve_each_record_once(kamer: FakeKamer) -> None:
    victim = kamer.records("Zaak")[11]  # the sample's tie
    kamer.delete("Zaak", victim["Id"])
    seen = walk_by_keyset(kamer, "Zaak", "Soort eq 'Motie' or Verwijderd eq true")
    assert [r["Id"] for r in seen] == [r["Id"] for r in kamer.records("Zaak")]
    assert len(seen) == 50 and [r["Verwijderd"] for r in seen].count(True) == 1


def test_soort_eq_motie_or_verwijderd_keeps_a_deleted_zaak(kamer: FakeKamer) -> None:
    victim = kamer.records("Zaak")[0]
    clock = kamer.now
    dead = kamer.delete("Zaak", victim["Id"])
    assert dead["Soort"] is None  # a tombstone has no Soort
    only_moties = served(collection(kamer, "Zaak", "Soort eq 'Motie'"))
    assert victim["Id"] not in {r["Id"] for r in only_moties} and len(only_moties) == 49
    kept = "Soort eq 'Motie' or Verwijderd eq true"
    since = f"ApiGewijzigdOp gt {clock} and ({kept})"
    [record] = served(collection(kamer, "Zaak", since, **{"$top": "5"}))
    assert record["Id"] == victim["Id"] and record["Verwijderd"] is True


def test_every_zaak_is_a_motie_with_soort_where_the_api_puts_it(kamer: FakeKamer) -> None:
    for zaak in kamer.records("Zaak"):
        assert zaak["Soort"] == "Motie"
        keys = list(zaak)
        assert keys[keys.index("Nummer") + 1] == "Soort"


@pytest.mark.parametrize("form_encoded", [False, True])
def test_string_literals_survive_the_url_and_the_next_link(
    kamer: FakeKamer, form_encoded: bool
) -> None:
    base = kamer.records("Document")[5]
    titles = {"Brief lid / fractie": "Motie 'x' (openbaar) + 50%", "Overig (openbaar)": "Één"}
    for number, (soort, title) in enumerate(titles.items()):
        record_id = f"00000000-0000-4000-8000-00000000000{number}"
        kamer.changed("Document", {**base, "Id": record_id, "Soort": soort, "Titel": title})
    odata_filter = (
        "Soort eq 'Brief lid / fractie' and Titel eq 'Motie ''x'' (openbaar) + 50%' "
        "or Soort eq 'Overig (openbaar)' and startswith(Titel,'Één')"
    )
    params = {"$filter": odata_filter, "$orderby": "ApiGewijzigdOp,Id", "$top": "1"}
    query = urlencode(params, quote_via=quote_plus if form_encoded else quote, safe="$,()")
    pages = all_pages(f"{kamer.odata_url}/Document?{query}")
    assert [page["value"][0]["Soort"] for page in pages] == list(titles)
    link = pages[0]["@odata.nextLink"]
    assert parse_qs(urlsplit(link).query)["$filter"] == [odata_filter]
    assert " " not in link and "+" not in link


def test_a_filter_on_a_field_no_record_has_is_refused_unless_the_set_is_empty(
    kamer: FakeKamer,
) -> None:
    status, _, body = get(collection(kamer, "Toezegging", "Soort eq 'Motie'"))
    assert status == 400 and "Soort: geen veld van Toezegging" in body["error"]["message"]
    status, _, body = get(collection(kamer, "Stemming", "Soort eq 'Voor'"))
    assert status == 200 and body["value"] == []


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
    for entity in SAMPLE_COUNTS:
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
    for entity in ("Stemming", "ZaakActor"):
        status, _, body = get(collection(kamer, entity))
        assert status == 200 and body["value"] == []
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
    assert set(provenance) == set(SAMPLE_COUNTS)
    for entity in SAMPLE_COUNTS:
        page = json.loads((DATA / f"{entity}.json").read_text(encoding="utf-8"))
        noted = {entry["Id"]: entry for entry in provenance[entity]}
        assert {r["Id"] for r in page["value"]} == set(noted)
        assert all(r["ApiGewijzigdOp"] == noted[r["Id"]]["ApiGewijzigdOp"] for r in page["value"])
        if entity in CONSTRUCTED:
            assert all(e["bron"].startswith("geconstrueerd; ") for e in noted.values())
        else:
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


@pytest.mark.parametrize(
    ("entity", "odata_filter", "expected"),
    [
        ("Fractie", "AantalZetels ge 20", 3),
        ("Fractie", "Afkorting eq 'VVD' and DatumInactief eq null", 1),
        ("Persoon", "Verwijderd eq true", 1),
        ("Persoon", "Achternaam eq 'Klaver' and Initialen eq 'J.F.'", 1),
        ("Persoon", "Functie eq 'Oud Kamerlid'", 5),
        ("Activiteit", "Verwijderd eq true", 2),
        ("Activiteit", "Soort eq 'Commissiedebat' and Verwijderd eq false", 11),
        ("Activiteit", "startswith(Nummer,'2023A')", 15),
        ("Kamerstukdossier", "Nummer eq 32317", 1),
        ("Kamerstukdossier", "Nummer eq 36600 and Toevoeging ne null", 3),
        ("Kamerstukdossier", "HoogsteVolgnummer gt 1000 and Afgesloten eq false", 3),
    ],
)
def test_reference_sets_are_filterable(
    kamer: FakeKamer, entity: str, odata_filter: str, expected: int
) -> None:
    records = served(collection(kamer, entity, f"{SINCE} and ({odata_filter})"))
    assert len(records) == expected
    where = parse_filter(odata_filter)
    assert all(where.selects(r) for r in records)


@pytest.mark.parametrize("entity", REFERENCE_SETS)
def test_reference_sets_are_served_and_paged(kamer: FakeKamer, entity: str) -> None:
    pages = all_pages(collection(kamer, entity, **{"$top": "8"}))
    total = SAMPLE_COUNTS[entity]
    assert [len(page["value"]) for page in pages] == [8] * (total // 8) + [total % 8]
    records = [r for page in pages for r in page["value"]]
    assert records == kamer.records(entity) == sorted(records, key=order_key)
    assert pages[0]["@odata.context"] == f"{kamer.odata_url}/$metadata#{entity}"
    status, _, body = get(f"{kamer.odata_url}/{entity}({records[3]['Id']})")
    assert status == 200 and body["Id"] == records[3]["Id"]


def test_the_persons_include_the_indieners_of_the_moties(kamer: FakeKamer) -> None:
    people = kamer.records("Persoon")
    names = {
        " ".join(p[k] for k in ("Initialen", "Tussenvoegsel", "Achternaam") if p[k]) for p in people
    }
    indieners = {a["ActorNaam"] for z in kamer.records("Zaak") for a in z.get("ZaakActor") or []}
    found = {name for name in indieners if name in names}
    assert {"J.F. Klaver", "L.A.J.M. Dassen", "P.H. Omtzigt", "C.A.M. van der Plas"} <= found
    assert len([p for p in people if not p["Verwijderd"]]) == 34
    [dead] = [p for p in people if p["Verwijderd"]]
    assert dead["Achternaam"] is None and list(dead) == list(people[0])  # the real tombstone


def test_the_activiteiten_are_those_the_toezeggingen_expand_and_more(kamer: FakeKamer) -> None:
    activities = {a["Id"]: a for a in kamer.records("Activiteit")}
    commitments = kamer.records("Toezegging")
    for commitment in commitments:
        nested = commitment["Activiteit"]
        assert nested == activities[nested["Id"]]  # the same record, re-dated alike
        assert commitment["Activiteit_Id"] == nested["Id"]
    expanded = {c["Activiteit"]["Id"] for c in commitments}
    others = [a for i, a in activities.items() if i not in expanded]
    assert len(expanded) == 10 and len(others) == 12
    assert [a["Verwijderd"] for a in others].count(True) == 2


def test_the_kamerstukdossiers_are_those_of_the_motie_kamerstukken(kamer: FakeKamer) -> None:
    dossiers = {(d["Nummer"], d["Toevoeging"]): d for d in kamer.records("Kamerstukdossier")}
    fields = ["Id", "Titel", "Citeertitel", "Alias", "Nummer", "Toevoeging", "HoogsteVolgnummer"]
    fields += ["Afgesloten", "Kamer", "GewijzigdOp", "ApiGewijzigdOp", "Verwijderd"]
    assert all(list(d) == fields for d in dossiers.values())
    kamerstukken = [
        d["HuidigeDocumentVersie"]["ExterneIdentifier"]
        for z in kamer.records("Zaak")
        for d in z.get("Document") or []
    ]
    assert len(kamerstukken) == len(dossiers) == 20
    assert dossiers[(32317, None)]["HoogsteVolgnummer"] == 913
    assert dossiers[(32317, None)]["Titel"] == "JBZ-Raad"
    assert dossiers[(36600, "J")]["HoogsteVolgnummer"] == 23
    assert dossiers[(21501, "20")]["HoogsteVolgnummer"] == 2180
    for dossier in dossiers.values():
        number = f"{dossier['Nummer']}-{dossier['Toevoeging']}" if dossier["Toevoeging"] else ""
        prefix = f"kst-{number or dossier['Nummer']}-"
        assert f"{prefix}{dossier['HoogsteVolgnummer']}" in kamerstukken
        assert dossier["Kamer"] == "Tweede Kamer" and dossier["Afgesloten"] is False


def test_a_changed_activiteit_shows_in_its_toezegging_without_moving_it(
    kamer: FakeKamer,
) -> None:
    commitment = kamer.records("Toezegging")[2]
    activity = commitment["Activiteit"]
    clock = kamer.now
    changed = kamer.changed("Activiteit", {**activity, "Onderwerp": "Verplaatst debat"})
    assert changed["ApiGewijzigdOp"] > activity["ApiGewijzigdOp"]

    since = f"ApiGewijzigdOp gt {clock}"
    assert [a["Id"] for a in served(collection(kamer, "Activiteit", since))] == [activity["Id"]]
    assert served(collection(kamer, "Toezegging", since)) == []  # the Toezegging did not move
    status, _, body = get(f"{kamer.odata_url}/Toezegging({commitment['Id']})")
    assert status == 200
    assert body["ApiGewijzigdOp"] == commitment["ApiGewijzigdOp"]
    assert body["GewijzigdOp"] == commitment["GewijzigdOp"]
    assert body["Activiteit"] == changed  # the new values, its new ApiGewijzigdOp included
    [listed] = [t for t in served(collection(kamer, "Toezegging")) if t["Id"] == commitment["Id"]]
    assert listed["Activiteit"]["Onderwerp"] == "Verplaatst debat"
    others = [t for t in kamer.records("Toezegging") if t["Id"] != commitment["Id"]]
    assert all(t["Activiteit"]["Onderwerp"] != "Verplaatst debat" for t in others)


def test_a_deleted_activiteit_leaves_its_toezegging_activiteit_null(kamer: FakeKamer) -> None:
    commitment = kamer.records("Toezegging")[4]
    activity_id = commitment["Activiteit"]["Id"]
    dead = kamer.delete("Activiteit", activity_id)
    assert dead["Verwijderd"] is True and dead["Onderwerp"] is None
    status, _, body = get(f"{kamer.odata_url}/Toezegging({commitment['Id']})")
    assert status == 200
    assert body["Activiteit"] is None
    assert body["ApiGewijzigdOp"] == commitment["ApiGewijzigdOp"]
    assert body["Activiteit_Id"] == activity_id  # the Toezegging's own column is left alone
    alive = served(collection(kamer, "Activiteit", "Verwijderd eq false"))
    assert activity_id not in {a["Id"] for a in alive}
