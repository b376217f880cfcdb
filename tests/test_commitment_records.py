"""Toezeggingen from the register and from texts, with status and evidence."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import Context, main
from assistant.embed import HashEmbedder
from assistant.settings import Settings
from assistant.store import Store
from ingest.pipeline import Ingestor

NOTA_ID = "nota-2026-03-27-voortgang-implementatie-asiel-en-migratiepact"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    fixtures = Path(__file__).parent / "fixtures"
    settings = Settings(store=tmp_path_factory.mktemp("tz") / "store")
    Ingestor(Store.open(settings), HashEmbedder(), settings).run(
        [fixtures / "nota", fixtures / "tei", fixtures / "odata" / "toezeggingen"]
    )
    return settings.store


def run(store_path: Path, *args: str) -> str:
    result = CliRunner().invoke(
        main,
        ["toezeggingen", *args, "--store", str(store_path)],
        obj=Context(embedder=HashEmbedder()),
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_commitment_of_20_march_is_carried_out_by_the_nota(store_path: Path) -> None:
    rows = json.loads(run(store_path, "--datum", "20 maart 2026", "--json"))
    from_text = [r for r in rows if r["doc_id"] == NOTA_ID]
    assert len(from_text) == 1
    row = from_text[0]
    assert row["made_on"] == "2026-03-20"
    assert "IND" in row["what"]
    assert row["status"] == "nagekomen"
    assert row["evidence"] and row["evidence"][0]["id"] == NOTA_ID
    assert "gestand aan de toezegging van 20 maart" in row["evidence"][0]["quote"]
    assert "kst-19637-3522" in row["references"]
    assert row["rule"] == "vermeld-heeft-toegezegd"  # "zoals u heeft toegezegd"
    register = {r["id"]: r for r in rows if r["source"] == "register"}
    assert register["TZ202603-041"]["status"] == "open"
    assert register["TZ202603-042"]["status"] == "deels"  # free text "Deels afgedaan"


def test_overdue_relative_to_a_chosen_date(store_path: Path) -> None:
    before = json.loads(run(store_path, "--verlopen", "--peildatum", "2026-04-01", "--json"))
    after = json.loads(run(store_path, "--verlopen", "--peildatum", "2026-05-01", "--json"))
    assert "TZ202603-041" not in {r["id"] for r in before}  # deadline 30 April 2026
    assert "TZ202603-041" in {r["id"] for r in after}
    assert all(r["status"] == "open" for r in after)


def test_debate_commitment_with_deadline_and_csv(store_path: Path) -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(run(store_path, "--van", "2022-01-01", "--tot", "2022-12-31", "--csv"))
        )
    )
    letter = [r for r in rows if "beleidsbrief in februari" in r["citaat"]]
    assert letter and letter[0]["door"] == "Minister Jetten"
    assert letter[0]["regel"] == "belofte-ik-zal-informeren"
    assert letter[0]["termijn"] == "2022-02-28"


def test_no_fulfilment_without_evidence(store_path: Path) -> None:
    rows = json.loads(run(store_path, "--json"))
    assert rows
    for row in rows:
        if row["status"] == "nagekomen":
            assert row["evidence"], row["id"]


def test_briefing_markdown_and_docx(tmp_path: Path) -> None:
    fixtures = Path(__file__).parent / "fixtures"
    settings = Settings(store=tmp_path / "store")
    Ingestor(Store.open(settings), HashEmbedder(), settings).run(
        [fixtures / "nota", fixtures / "xml", fixtures / "odata" / "zaken"]
    )
    runner = CliRunner()
    context = Context(embedder=HashEmbedder())
    result = runner.invoke(
        main, ["briefing", "--dossier", "32317", "--store", str(settings.store)], obj=context
    )
    assert result.exit_code == 0, result.output
    text = result.output
    assert "# Briefing dossier 32317: JBZ-Raad" in text
    assert "[kst-32317-913](https://zoek.officielebekendmakingen.nl/kst-32317-913.html)" in text
    assert "kabinetsappreciatie: Oordeel Kamer" in text
    assert f"nota: Voortgang implementatie Asiel- en Migratiepact ({NOTA_ID})" in text
    assert "## Tijdlijn" in text and "2024-12-11: motie kst-32317-913" in text

    target = tmp_path / "briefing.docx"
    result = runner.invoke(
        main,
        [
            "briefing",
            "--dossier",
            "19637",
            "--format",
            "docx",
            "--out",
            str(target),
            "--store",
            str(settings.store),
        ],
        obj=context,
    )
    assert result.exit_code == 0, result.output
    from docx import Document as WordDocument

    paragraphs = [p.text for p in WordDocument(str(target)).paragraphs]
    assert paragraphs[0] == "Briefing dossier 19637: Vreemdelingenbeleid"
    assert any("kst-19637-3185" in p for p in paragraphs)
    assert any("nagekomen" in p and "IND" in p for p in paragraphs)  # the 20 March commitment

    missing = runner.invoke(
        main, ["briefing", "--dossier", "99999", "--store", str(settings.store)], obj=context
    )
    assert missing.exit_code == 1 and "Niets gevonden" in missing.output


def test_details_of_a_debate_promise_in_json_csv_and_text(tmp_path: Path) -> None:
    debate = Path(__file__).parent / "fixtures" / "commitments" / "dev1" / "h-tk-20172018-70-5.xml"
    settings = Settings(store=tmp_path / "store")
    Ingestor(Store.open(settings), HashEmbedder(), settings).run([debate])
    rows = json.loads(run(settings.store, "--json"))
    spelled_out = [r for r in rows if "U hoort dat half mei." in r["details"]]
    assert len(spelled_out) == 1
    assert spelled_out[0]["doc_id"] == "h-tk-20172018-70-5"
    table = list(csv.DictReader(io.StringIO(run(settings.store, "--csv"))))
    assert any("U hoort dat half mei." in r["nader"] for r in table)
    assert 'nader: "U hoort dat half mei."' in run(settings.store)


def test_explain_names_the_rule_of_each_commitment(store_path: Path) -> None:
    shown = run(store_path, "--explain")
    assert "regel vermeld-heeft-toegezegd (vermeld)" in shown
    assert "regel voorzitter-dat-is-een-toezegging (gedaan)" in shown  # the chair confirmed it
    assert "register (geen regel" in shown


def test_explain_one_sentence(store_path: Path) -> None:
    fires = run(store_path, "--explain-zin", "Ik zal de Kamer voor de zomer informeren.")
    assert "Regel: belofte-ik-zal-informeren (soort: gedaan)" in fires
    blocked = run(store_path, "--explain-zin", "Ik zal de vragen in volgorde beantwoorden.")
    assert "Geen regel vuurt" in blocked
    assert "eerste-persoon-toekomst" in blocked and "gedateerd" in blocked
    letter = run(
        store_path, "--explain-zin", "Ik zal de vragen in volgorde beantwoorden.", "--schriftelijk"
    )
    assert "Regel: eerste-persoon-toekomst" in letter
