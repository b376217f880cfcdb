from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assistant.documents import GEWIJZIGDE_MOTIE, HANDELINGEN, MOTIE
from assistant.errors import RejectedFile
from ingest.sources.koop_xml import KoopXmlReader

reader = KoopXmlReader()


def read_one(path: Path):  # type: ignore[no-untyped-def]
    docs = list(reader.read(path))
    assert len(docs) == 1
    return docs[0]


def test_motie_with_extern_metadata_only_takes_metadata_from_body(fixtures: Path) -> None:
    doc = read_one(fixtures / "xml" / "326ecaea-dcf2-47b4-b84b-6670a3caf34c.xml")
    assert doc.id == "kst-32317-913"
    assert doc.type == MOTIE
    assert doc.dossier == "32317"
    assert doc.ondernummer == "913"
    assert doc.dossier_title == "JBZ-Raad"
    assert doc.date == dt.date(2024, 12, 11)
    assert doc.vergaderjaar == "2024-2025"
    assert [p.name for p in doc.indieners] == ["Podt", "Rajkowski"]
    assert doc.title == "Motie van de leden Podt en Rajkowski"
    assert doc.text.startswith("De Kamer,")
    assert "verzoekt het kabinet periodiek" in doc.text
    assert doc.ids["publicatie"] == "326ecaea-dcf2-47b4-b84b-6670a3caf34c"
    assert doc.url == "https://zoek.officielebekendmakingen.nl/kst-32317-913.html"
    assert [s.kind for s in doc.sections] == ["motie"]


def test_motie_with_meta_tags(fixtures: Path) -> None:
    doc = read_one(fixtures / "xml" / "000997f1-f677-4f1a-9be2-7f0faf8479a7.xml")
    assert doc.id.startswith("kst-")
    assert doc.title.startswith("Motie van ")
    assert doc.dossier and doc.ondernummer
    assert doc.id == f"kst-{doc.dossier}-{doc.ondernummer}"
    assert doc.date is not None


def test_gewijzigde_motie_knows_what_it_replaces(fixtures: Path) -> None:
    doc = read_one(fixtures / "xml" / "015792b4-9cac-47c6-aa63-112e239ea8b4.xml")
    assert doc.id == "kst-29665-562"
    assert doc.type == GEWIJZIGDE_MOTIE
    assert doc.extra["replaces"] == "kst-29665-541"
    assert [p.name for p in doc.indieners] == ["Postma", "Grinwis"]


def test_handelingen_agendapunt_with_spreekbeurten(fixtures: Path) -> None:
    doc = read_one(fixtures / "handelingen" / "h-tk-20172018-70-6.xml")
    assert doc.id == "h-tk-20172018-70-6"
    assert doc.type == HANDELINGEN
    assert doc.vergaderjaar == "2017-2018"
    assert "Stemmingen moties Informele Milieuraad" in doc.title
    turns = [s for s in doc.sections if s.kind == "spreekbeurt"]
    assert turns and turns[0].speaker is not None
    assert turns[0].speaker.role == "voorzitter"
    assert (
        "kst" not in doc.text
    )  # extref targets are attributes, the text keeps "21501-08, nr. 719"
    assert "21501-08 , nr. 719" in doc.text or "21501-08, nr. 719" in doc.text


def test_handelingen_opening_has_sitting_date(fixtures: Path) -> None:
    doc = read_one(fixtures / "handelingen" / "h-tk-20172018-70-1.xml")
    assert doc.date == dt.date(2018, 4, 5)


def test_broken_xml_is_rejected_with_reason(tmp_path: Path) -> None:
    path = tmp_path / "kapot.xml"
    path.write_text("<officiele-publicatie><kamerstuk>", encoding="utf-8")
    with pytest.raises(RejectedFile, match="ongeldige XML"):
        list(reader.read(path))


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("32 317", "32317"),
        ("36 200 XII", "36200-XII"),
        ("21501-08", "21501-08"),
        ("21 501-02", "21501-02"),
        ("36 410A", "36410-A"),
        ("33835", "33835"),
    ],
)
def test_normalize_dossier(written: str, normal: str) -> None:
    from assistant.documents import kst_id, normalize_dossier

    assert normalize_dossier(written) == normal
    assert kst_id(written, 7) == f"kst-{normal}-7"


def test_ingekomen_stukken_are_read() -> None:
    source = Path(__file__).parent / "fixtures" / "handelingen" / "h-tk-20172018-70-14.xml"
    doc = read_one(source)
    assert doc.sections and doc.sections[0].title
    assert "Ingekomen stukken" in doc.title
