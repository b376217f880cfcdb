"""CSV and TSV tables: one document per row, each filled text cell a section named by its column.

A table saved as text (an export of Kamervragen with their answers, a list of toezeggingen) read
as one long text mixes rows into each other: a sentence would run from one answer into the
next row's number and question. Read as rows, every row is a document of its own, and its cells
stay apart. Commas are common in prose, so a file is taken as a table only when its name says
so (.csv, .tsv) and its first lines parse with one delimiter and the same number of columns.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from assistant.documents import DOCUMENT, Document, Section
from assistant.errors import RejectedFile
from ingest.sources.base import READ_WARNING, read_nonempty
from ingest.sources.text import decode_text, encoding_warning, looks_binary, normalize_text

SUFFIXES = (".csv", ".tsv")
DELIMITERS = ",;\t"
SNIFF_ROWS = 5
MAX_NAME = 40  # characters of a column name
SAMPLE_CHARS = 64 * 1024
TITLE_CHARS = 120
# A cell of digits and punctuation only ("21320", "3.5") is an index or a count, not text.
NOT_TEXT_RE = re.compile(r"^[\d\s.,:;/+-]*$")
# Column names that say nothing: an empty header, pandas' "Unnamed: 0".
ANONYMOUS_RE = re.compile(r"^(?:unnamed:?\s*\d+)?$", re.IGNORECASE)


class TableReader:
    """A CSV or TSV file with a header row: one document per row."""

    name = "table"

    def sniff(self, path: Path, head: bytes) -> bool:
        if path.suffix.lower() not in SUFFIXES:
            return False
        text = head.decode("utf-8", errors="ignore").lstrip("\ufeff")
        return table_dialect(text) is not None

    def read(self, path: Path) -> Iterator[Document]:
        data = read_nonempty(path)
        raw, encoding = decode_text(data)
        if looks_binary(raw):
            raise RejectedFile("binair bestand, geen tabel (te veel stuurtekens)")
        delimiter = table_dialect(raw.lstrip("\ufeff")[:SAMPLE_CHARS])
        if delimiter is None:
            raise RejectedFile("geen tabel: de eerste regels hebben geen vaste kolommen")
        # A cell may hold a whole answer; the file's size is already bounded by the pipeline.
        csv.field_size_limit(sys.maxsize)
        rows = csv.reader(io.StringIO(raw.lstrip("\ufeff")), delimiter=delimiter)
        try:
            header = [cell.strip() for cell in next(rows)]
        except (StopIteration, csv.Error) as error:
            raise RejectedFile(f"tabel zonder kopregel: {error}") from error
        seen: set[str] = set()
        duplicates = empty = 0
        documents: list[Document] = []
        try:
            for number, row in enumerate(rows, start=1):
                cells = text_cells(header, row)
                if not cells:
                    empty += 1
                    continue
                key = row_key(cells)
                if key in seen:
                    duplicates += 1
                    continue
                seen.add(key)
                documents.append(row_document(path, number, cells, key))
        except csv.Error as error:
            raise RejectedFile(f"tabel niet te lezen na rij {len(documents)}: {error}") from error
        if not documents:
            raise RejectedFile("tabel zonder rijen met tekst")
        warnings = [w for w in (encoding_warning(encoding),) if w]
        if duplicates:
            warnings.append(f"{duplicates} dubbele rij(en) overgeslagen")
        if empty:
            warnings.append(f"{empty} rij(en) zonder tekst overgeslagen")
        for doc in documents:
            doc.extra["encoding"] = encoding
        if warnings:
            documents[0].extra[READ_WARNING] = "; ".join(warnings)
        yield from documents


def table_dialect(text: str) -> str | None:
    """The delimiter that splits the sample's rows into the same number (at least two) of
    columns; None when no delimiter does. Quoted cells may span lines; the sample's last row may
    be cut off, so it is not counted. A header alone (the first row longer than the sample)
    counts when its names are short, as column names are."""
    for delimiter in DELIMITERS:
        try:
            rows = [r for r in csv.reader(io.StringIO(text), delimiter=delimiter) if r]
        except csv.Error:
            continue
        complete = rows[:SNIFF_ROWS] if len(rows) > SNIFF_ROWS else rows[:-1]
        widths = {len(row) for row in complete}
        if len(widths) != 1 or widths.pop() < 2:
            continue
        if len(complete) >= 2 or all(len(name) <= MAX_NAME for name in complete[0]):
            return delimiter
    return None


def text_cells(header: list[str], row: list[str]) -> list[tuple[str, str]]:
    """(column name, text) of the row's cells that hold text, in column order."""
    cells = []
    for index, value in enumerate(row):
        text = normalize_text(value)
        if not text or NOT_TEXT_RE.match(text):
            continue
        name = header[index] if index < len(header) else ""
        cells.append((name if not ANONYMOUS_RE.match(name) else f"kolom {index + 1}", text))
    return cells


def row_key(cells: list[tuple[str, str]]) -> str:
    """Content hash of a row: its id stays the same when rows are added or moved."""
    joined = "\x1f".join(f"{name}\x1e{text}" for name, text in cells)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:12]


def row_document(path: Path, number: int, cells: list[tuple[str, str]], key: str) -> Document:
    first = " ".join(cells[0][1].split())
    if len(first) > TITLE_CHARS:
        first = first[:TITLE_CHARS].rsplit(" ", 1)[0] + " …"
    return Document(
        id=f"tabel-{key}",
        type=DOCUMENT,
        title=f"{path.name}, rij {number}: {first}",
        text="\n\n".join(text for _, text in cells),
        sections=[Section(text=text, title=name) for name, text in cells],
        source=str(path),
        extra={"row": number},
    )
