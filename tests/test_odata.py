from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assistant.documents import AANGENOMEN, DOCUMENT, MOTIE, ONBEKEND, TOEZEGGING, VERWORPEN
from assistant.errors import RejectedFile
from ingest.sources.odata import ODataReader, SkippedFile, newest_vote_besluit, vote_outcome

reader = ODataReader()


def test_zaak_with_votes(fixtures: Path) -> None:
    path = next((fixtures / "odata" / "stemmingen").glob("*025459cb*.json"))
    [doc] = reader.read(path)
    assert doc.id == "2022Z00782"
    assert doc.type == MOTIE
    assert doc.title.startswith("Motie van het lid Simons c.s.")
    assert doc.motion is not None
    assert doc.motion.outcome == VERWORPEN
    assert doc.motion.totals() == {"Voor": 32, "Tegen": 117}
    assert doc.motion.fracties("Voor")[:3] == ["BIJ1", "SP", "PvdA"]
    assert "GroenLinks" in doc.motion.fracties("Tegen")
    assert doc.motion.kabinetsappreciatie == "Ontraden"
    # The member named in the Onderwerp ("het lid Simons c.s.") signs first.
    assert doc.indieners[0].name == "S.H. Simons"
    assert doc.indieners[0].fractie == "BIJ1"
    assert len(doc.indieners) == 4
    assert doc.date == dt.date(2022, 1, 19)


def test_hoofdelijke_stemming_counts_members(fixtures: Path) -> None:
    path = next((fixtures / "odata" / "stemmingen").glob("*2d0f3044*.json"))
    [doc] = reader.read(path)
    assert doc.motion is not None and doc.motion.hoofdelijk
    totals = doc.motion.totals()
    assert sum(totals.values()) <= 150
    assert totals["Voor"] + totals["Tegen"] > 100


def test_plain_stemmen_besluit_leaves_outcome_unknown(fixtures: Path) -> None:
    path = next((fixtures / "odata" / "stemmingen").glob("*dd16bd1f*.json"))
    [doc] = reader.read(path)
    assert doc.motion is not None
    assert doc.motion.outcome == ONBEKEND
    assert doc.motion.votes  # the votes are still shown


def test_zaak_with_documents_gives_kamerstuk_number(fixtures: Path) -> None:
    [doc] = reader.read(fixtures / "odata" / "zaken" / "126e26e2-9937-4f52-bbf0-965d8155be95.json")
    assert doc.id == "kst-32317-913"
    assert doc.ids["zaak"] == "2024Z20830"
    assert doc.ids["documentnummer"] == "2024D49163"
    assert doc.ids["publicatie"] == "326ecaea-dcf2-47b4-b84b-6670a3caf34c"
    assert doc.motion is not None
    assert doc.motion.afgedaan is True
    assert doc.motion.kabinetsappreciatie == "Oordeel Kamer"
    assert doc.motion.outcome == ONBEKEND


def test_gewijzigde_motie_replaces(fixtures: Path) -> None:
    [doc] = reader.read(fixtures / "odata" / "zaken" / "edd003b5-0beb-40bf-bb5e-aac5c5da3b30.json")
    assert doc.id == "kst-29665-562"
    assert doc.motion is not None and doc.motion.replaces == "kst-29665-541"


def test_document_page(fixtures: Path) -> None:
    docs = list(reader.read(next((fixtures / "odata" / "documenten").glob("*.json"))))
    assert len(docs) == 196  # 54 of the 250 records carry no DocumentNummer
    verslag = next(d for d in docs if d.id == "2025D13163")
    assert verslag.type == DOCUMENT
    assert verslag.extra["soort"] == "Verslag van een schriftelijk overleg"
    assert verslag.extra["metadata_only"] is True
    assert verslag.url and "gegevensmagazijn.tweedekamer.nl" in verslag.url


def test_toezegging_records(fixtures: Path) -> None:
    docs = list(reader.read(fixtures / "odata" / "toezeggingen" / "toezeggingen_constructed.json"))
    assert [d.id for d in docs] == ["TZ202603-041", "TZ202603-042"]
    first = docs[0]
    assert first.type == TOEZEGGING
    assert first.date == dt.date(2026, 3, 20)
    assert first.extra["status"] == "Openstaand"
    assert first.extra["datum_nakoming"] == "2026-04-30"
    assert first.afzender == "Asiel en Migratie"
    assert docs[1].extra["status"] == "Deels afgedaan"  # free text, kept as written


def test_lookup_pages_are_skipped_not_rejected(fixtures: Path) -> None:
    with pytest.raises(SkippedFile, match="Fractie"):
        list(reader.read(next((fixtures / "odata" / "persoon").glob("*.json"))))


def test_bad_json_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "kapot.json"
    path.write_text('{"Nummer": ', encoding="utf-8")
    with pytest.raises(RejectedFile, match="ongeldige JSON"):
        list(reader.read(path))


@pytest.mark.parametrize(
    ("soort", "outcome"),
    [
        ("Stemmen - aangenomen", AANGENOMEN),
        ("Stemmen - verworpen", VERWORPEN),
        ("Stemmen", ONBEKEND),
        (None, ONBEKEND),
    ],
)
def test_vote_outcome(soort: str | None, outcome: str) -> None:
    assert vote_outcome(soort) == outcome


def test_newest_voting_besluit_wins() -> None:
    besluiten = [
        {"BesluitSoort": "Stemmen - verworpen", "GewijzigdOp": "2023-01-01T10:00:00"},
        {"BesluitSoort": "Stemmen - aangenomen", "GewijzigdOp": "2023-02-01T10:00:00"},
        {"BesluitSoort": "Behandelen", "GewijzigdOp": "2023-03-01T10:00:00"},
    ]
    chosen = newest_vote_besluit(besluiten)
    assert chosen is not None and chosen["BesluitSoort"] == "Stemmen - aangenomen"
