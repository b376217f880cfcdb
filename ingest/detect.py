"""Pick the reader for a file from its content (its first bytes), not from its extension."""

from __future__ import annotations

from pathlib import Path

from assistant.errors import RejectedFile
from ingest.sources.base import Reader
from ingest.sources.docx import DocxReader
from ingest.sources.koop_xml import KoopXmlReader
from ingest.sources.odata import ODataReader
from ingest.sources.pdf import PdfReader
from ingest.sources.table import TableReader
from ingest.sources.tei import TeiReader
from ingest.sources.text import TextReader

HEAD_BYTES = 4096


def default_readers() -> list[Reader]:
    # Most specific first: plain text accepts almost anything, so it comes last.
    return [
        PdfReader(),
        DocxReader(),
        TeiReader(),
        KoopXmlReader(),
        ODataReader(),
        TableReader(),
        TextReader(),
    ]


def choose_reader(path: Path, readers: list[Reader]) -> Reader:
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    if not head.strip():
        raise RejectedFile("leeg bestand")
    for reader in readers:
        if reader.sniff(path, head):
            return reader
    if head.lstrip().startswith(b"<"):
        raise RejectedFile("XML of HTML van een onbekende soort (geen officiële publicatie of TEI)")
    raise RejectedFile("onbekend bestandsformaat (verwacht PDF, DOCX, XML, JSON, CSV of tekst)")
