"""Word documents (.docx): notas and letters as ministries write them.

Paragraphs and tables are read in document order; text boxes are read once (their VML fallback
copy is skipped). Footnotes from word/footnotes.xml are numbered in the order they are cited and
kept in the text the way plain text writes them: a superscript marker ('motie¹') in the running
text and a line '¹ Tweede Kamer, ...' at the end.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from assistant.documents import Document, Section
from assistant.errors import RejectedFile
from ingest.sources.base import check_archive, read_member, read_nonempty
from ingest.sources.text import (
    analyse_letterhead,
    has_prose,
    normalize_text,
    sha1_12,
    slugify,
    to_superscript,
    with_footnotes,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
SKIPPED = {qn("w:delText"), qn("w:instrText"), MC_FALLBACK}


@dataclass
class Part:
    kind: str  # title | heading | text
    text: str


@dataclass
class Block:
    headings: list[str]
    lines: list[str] = field(default_factory=list)

    def text(self) -> str:
        body = normalize_text("\n\n".join(self.lines))
        return "\n\n".join([*self.headings, body] if body else self.headings)


def read_footnotes(archive: zipfile.ZipFile) -> dict[str, str]:
    """Footnote id -> text from word/footnotes.xml (separators left out)."""
    try:
        if "word/footnotes.xml" not in archive.namelist():
            return {}
        root = ET.fromstring(read_member(archive, "word/footnotes.xml"))
    except (zipfile.BadZipFile, ET.ParseError, KeyError, OSError):
        return {}
    notes: dict[str, str] = {}
    for note in root.iter(f"{W}footnote"):
        if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        paragraphs = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in note.iter(f"{W}p")]
        text = " ".join(" ".join(paragraphs).split())
        note_id = note.get(f"{W}id")
        if note_id is not None and text:
            notes[note_id] = text
    return notes


class DocxReader:
    """Word 2007+ documents (a zip with word/document.xml)."""

    name = "docx"

    def sniff(self, path: Path, head: bytes) -> bool:
        if not head.startswith(b"PK\x03\x04"):
            return False
        try:
            with zipfile.ZipFile(path) as archive:
                return "word/document.xml" in archive.namelist()
        except (zipfile.BadZipFile, OSError):
            return False

    def read(self, path: Path) -> Iterator[Document]:
        data = read_nonempty(path)
        try:
            with zipfile.ZipFile(path) as archive:
                check_archive(archive)  # python-docx below unpacks every part it needs
                raw_notes = read_footnotes(archive)
        except zipfile.BadZipFile as error:
            raise RejectedFile(f"beschadigd Word-bestand: {error}") from error
        numbering: dict[str, str] = {}  # footnote id -> number in order of citation
        try:
            document = docx.Document(str(path))
            parts = [
                part
                for item in document.iter_inner_content()
                if (part := self._part(item, raw_notes, numbering)) is not None
            ]
        except ValueError as error:  # python-docx: a package, but not a Word document
            raise RejectedFile(f"geen Word-document (.docx): {error}") from error
        except Exception as error:  # zip, package and XML errors all mean: not readable
            raise RejectedFile(f"beschadigd Word-bestand: {error}") from error
        notes = {number: raw_notes[note_id] for note_id, number in numbering.items()}
        if not any(part.text.strip() for part in parts):
            raise RejectedFile("geen tekst gevonden in het Word-bestand")
        note_lines = [f"{to_superscript(n)} {text}" for n, text in notes.items()]
        text = normalize_text("\n\n".join([*(part.text for part in parts), *note_lines]))

        preamble: list[str] = []
        blocks: list[Block] = []
        title_paragraph: str | None = None
        first_heading: str | None = None
        for part in parts:
            if part.kind == "title" and title_paragraph is None:
                title_paragraph = part.text
                continue
            if part.kind == "heading":
                first_heading = first_heading or part.text
                if blocks and not normalize_text("\n".join(blocks[-1].lines)):
                    blocks.append(Block(headings=[*blocks.pop().headings, part.text]))
                else:
                    blocks.append(Block(headings=[part.text]))
            elif blocks:
                blocks[-1].lines.append(part.text)
            else:
                preamble.append(part.text)
        head_lines = [line for chunk in preamble for line in chunk.split("\n")]
        meta = analyse_letterhead(head_lines, text)
        core_title = (document.core_properties.title or "").strip() or None
        title = title_paragraph or meta.title or first_heading or core_title
        sections = [
            Section(text=with_footnotes(block.text(), notes), title=block.headings[-1])
            for block in blocks
        ]
        if has_prose(head_lines):
            lead = normalize_text("\n\n".join(preamble))
            sections.insert(0, Section(text=with_footnotes(lead, notes), title=None))
        slug = slugify(title) if title else ""
        if slug:
            identifier = f"doc-{slug}-{meta.date.isoformat()}" if meta.date else f"doc-{slug}"
        else:
            identifier = f"doc-{sha1_12(data)}"
        extra: dict[str, Any] = {}
        if notes:
            extra["footnotes"] = notes
        yield Document(
            id=identifier,
            type=meta.kind,
            title=title or path.stem,
            text=text,
            date=meta.date,
            afzender=meta.afzender,
            ids=meta.ids,
            sections=sections,
            source=str(path),
            extra=extra,
        )

    def _part(
        self, item: Paragraph | Table, notes: dict[str, str], numbering: dict[str, str]
    ) -> Part | None:
        if isinstance(item, Table):
            rows: list[str] = []
            for row in item.rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = " ".join(
                        self._paragraph_text(p, notes, numbering) for p in cell.paragraphs
                    ).strip()
                    if value and (not cells or cells[-1] != value):  # merged cells repeat
                        cells.append(value)
                if cells:
                    rows.append(" | ".join(cells))
            return Part(kind="text", text="\n".join(rows)) if rows else None
        text = self._paragraph_text(item, notes, numbering).strip()
        if not text:
            return None
        return Part(kind=self._paragraph_kind(item), text=text)

    @staticmethod
    def _paragraph_kind(paragraph: Paragraph) -> str:
        style = paragraph.style
        names: list[str] = []
        while style is not None and len(names) < 5:
            names.append((style.name or "").lower())
            style = style.base_style
        if names and names[0] in ("title", "titel"):
            return "title"
        if any(name.startswith(("heading", "kop")) for name in names):
            return "heading"
        ppr = paragraph._p.pPr
        if ppr is not None and ppr.find(qn("w:outlineLvl")) is not None:
            return "heading"
        return "text"

    def _paragraph_text(
        self, paragraph: Paragraph, notes: dict[str, str], numbering: dict[str, str]
    ) -> str:
        pieces: list[str] = []
        self._walk(paragraph._p, pieces, notes, numbering)
        return "".join(pieces)

    def _walk(
        self, element: Any, pieces: list[str], notes: dict[str, str], numbering: dict[str, str]
    ) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIPPED:
                continue
            if tag == qn("w:t"):
                pieces.append(child.text or "")
            elif tag == qn("w:tab"):
                pieces.append("\t")
            elif tag in (qn("w:br"), qn("w:cr")):
                pieces.append("\n")
            elif tag == qn("w:p"):  # a paragraph inside a text box
                pieces.append("\n")
                self._walk(child, pieces, notes, numbering)
            elif tag == qn("w:footnoteReference"):
                note_id = child.get(qn("w:id"))
                if note_id in notes:
                    number = numbering.setdefault(note_id, str(len(numbering) + 1))
                    pieces.append(to_superscript(number))
            else:
                self._walk(child, pieces, notes, numbering)
