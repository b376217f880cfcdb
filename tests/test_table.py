"""Tables (CSV, TSV) are read row by row: every row a document, its cells kept apart.

`tests/fixtures/table/vragen-antwoorden-rijen.csv` is the header and first three records of
../shared/data/kamervragen-antwoorden/vragen-antwoorden.csv, bytes unchanged (CRLF between
records, LF inside quoted cells, a pandas index column without a name).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.documents import DOCUMENT
from assistant.errors import RejectedFile
from ingest.commitments import extract_commitments
from ingest.detect import choose_reader, default_readers
from ingest.sources.base import READ_WARNING
from ingest.sources.table import TableReader
from ingest.sources.text import TextReader

FIXTURE = Path(__file__).parent / "fixtures" / "table" / "vragen-antwoorden-rijen.csv"


def test_a_real_table_gives_one_document_per_row_with_its_columns_as_sections() -> None:
    reader = choose_reader(FIXTURE, default_readers())
    assert isinstance(reader, TableReader)
    docs = list(reader.read(FIXTURE))
    assert len(docs) == 3
    first = docs[0]
    assert first.type == DOCUMENT
    assert first.title.startswith("vragen-antwoorden-rijen.csv, rij 1: Deelt u onze grote zorgen")
    # The index columns (",Unnamed: 0" and the numbers under them) are no text.
    assert [s.title for s in first.sections] == ["anchor", "positive", "negative"]
    assert first.sections[1].text.startswith("Ja, ik deel uw zorgen.")
    assert "18868" not in first.text
    assert len({d.id for d in docs}) == 3


def test_a_sentence_never_runs_from_one_row_into_the_next() -> None:
    """Read as plain text, the last answer of a row and the next row's number and question
    became one 'commitment'. Row by row, every extracted sentence lies inside one cell."""
    docs = list(TableReader().read(FIXTURE))
    for doc in docs:
        cells = [" ".join(s.text.split()) for s in doc.sections]
        for commitment in extract_commitments(doc):
            sentence = " ".join(commitment.sentence.split())
            assert any(sentence in cell for cell in cells), sentence
    promised = [c.sentence for d in docs for c in extract_commitments(d)]
    assert any("op korte termijn te berichten" in s for s in promised)


def test_the_row_id_follows_the_content_not_the_position(tmp_path: Path) -> None:
    lines = FIXTURE.read_bytes().split(b"\r\n")
    header, records = lines[0], [r for r in lines[1:] if r]
    moved = tmp_path / "omgedraaid.csv"
    moved.write_bytes(b"\r\n".join([header, *reversed(records)]) + b"\r\n")
    original = {d.id for d in TableReader().read(FIXTURE)}
    assert {d.id for d in TableReader().read(moved)} == original


def test_duplicate_and_empty_rows_are_left_out_and_said(tmp_path: Path) -> None:
    table = tmp_path / "toezeggingen.csv"
    table.write_text(
        "nummer;tekst;status\n"
        "1;De minister stuurt voor de zomer een brief over de pilot.;Openstaand\n"
        "2;;\n"
        "1;De minister stuurt voor de zomer een brief over de pilot.;Openstaand\n",
        encoding="utf-8",
    )
    docs = list(choose_reader(table, default_readers()).read(table))
    assert len(docs) == 1
    assert [s.title for s in docs[0].sections] == ["tekst", "status"]
    assert docs[0].extra[READ_WARNING] == (
        "1 dubbele rij(en) overgeslagen; 1 rij(en) zonder tekst overgeslagen"
    )


def test_prose_with_commas_in_a_csv_file_is_read_as_text(tmp_path: Path) -> None:
    prose = tmp_path / "notities.csv"
    prose.write_text(
        "Geachte voorzitter, hierbij stuur ik u, zoals toegezegd, de brief.\n"
        "Met vriendelijke groet\n"
        "De minister, mede namens de staatssecretaris, van Justitie en Veiligheid\n",
        encoding="utf-8",
    )
    assert isinstance(choose_reader(prose, default_readers()), TextReader)


def test_a_table_without_text_is_refused_with_the_reason(tmp_path: Path) -> None:
    numbers = tmp_path / "cijfers.csv"
    numbers.write_text("jaar,aantal\n2024,12\n2025,15\n", encoding="utf-8")
    with pytest.raises(RejectedFile, match="tabel zonder rijen met tekst"):
        list(TableReader().read(numbers))
