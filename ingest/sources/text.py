"""Plain text and Markdown: notas and letters as users paste or save them.

The helpers at module level (labels, kind, slug, footnotes, headings) are shared with the DOCX
reader, which sees the same letter layout once its paragraphs are laid out as lines.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from assistant.documents import BRIEF, DOCUMENT, NOTA, Document, Section
from assistant.errors import RejectedFile
from ingest.extract import find_dates, parse_dutch_date
from ingest.sources.base import READ_WARNING, read_nonempty

# Labels of the letterhead column, with the key they get in Document.ids (None: not an id).
LABELS: dict[str, str | None] = {
    "datum": None,
    "betreft": None,
    "onderwerp": None,
    "onze referentie": "referentie",
    "ons kenmerk": "kenmerk",
    "kenmerk": "kenmerk",
    "uw referentie": "uw_referentie",
    "uw kenmerk": "uw_kenmerk",
    "uw brief": None,
    "bijlage": None,
    "bijlagen": None,
    "contactpersoon": None,
}
LABEL_RE = re.compile(
    r"^(?P<label>"
    + "|".join(sorted((re.escape(k) for k in LABELS), key=len, reverse=True))
    + r")\b\s*:?\s*(?P<value>.*)$",
    re.IGNORECASE,
)
# The line that says what kind of document this is, near the top of the letterhead.
KIND_WORDS: dict[str, str] = {
    "nota": NOTA,
    "notitie": NOTA,
    "kamerbrief": BRIEF,
    "brief": BRIEF,
}
BRIEF_MARKERS = re.compile(
    r"^(geachte (voorzitter|heer|mevrouw)|aan de voorzitter van de (tweede|eerste) kamer)",
    re.IGNORECASE,
)
AFZENDER_RE = re.compile(
    r"^(de\s+)?(minister-president|minister|staatssecretaris)\b", re.IGNORECASE
)
MARKDOWN_HEADING_RE = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<title>.+?)\s*#*\s*$")
NUMBERED_HEADING_RE = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2})*)\.?\s+(?P<title>\S.*)$")
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_DIGITS = str.maketrans(SUPERSCRIPTS, "0123456789")
FOOTNOTE_LINE_RE = re.compile(
    rf"^\s*(?:(?P<sup>[{SUPERSCRIPTS}]+)|\[\^(?P<md>[\w-]+)\]:)\s*(?P<text>\S.*)$"
)
CONTROL_CHARS_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def to_superscript(number: str) -> str:
    """'12' -> '¹²': the marker form a footnote reference takes in plain text."""
    return number.translate(str.maketrans("0123456789", SUPERSCRIPTS))


def slugify(text: str, max_length: int = 80) -> str:
    """'Voortgang implementatie Asiel- en Migratiepact' -> 'voortgang-implementatie-asiel-en-...'"""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug


def sha1_12(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()[:12]


def normalize_text(text: str) -> str:
    """Unix line ends, no trailing spaces, at most one blank line in a row, trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def plain(line: str) -> str:
    """A line without Markdown emphasis or heading marks, for matching labels and kinds."""
    return re.sub(r"^#+\s*|[*_`]+", "", line).strip()


@dataclass
class LetterMeta:
    """What the letterhead of a nota or letter says about it."""

    kind: str = DOCUMENT
    title: str | None = None
    date: dt.date | None = None
    afzender: str | None = None
    ids: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)


def read_labels(lines: list[str]) -> dict[str, str]:
    """'Datum' / '27 maart 2026' (value on the same line or the next non-empty one)."""
    values: dict[str, str] = {}
    stripped = [plain(line) for line in lines]
    for index, line in enumerate(stripped):
        match = LABEL_RE.match(line)
        if not match:
            continue
        label = match.group("label").lower()
        value = match.group("value").strip()
        if not value:
            following = [s for s in stripped[index + 1 : index + 4] if s]
            if following and not LABEL_RE.match(following[0]):
                value = following[0]
        if value and label not in values:
            values[label] = value
    return values


def first_markdown_title(lines: list[str]) -> str | None:
    """The text of the first '# ' heading, if any."""
    for raw in lines:
        heading = MARKDOWN_HEADING_RE.match(raw.strip())
        if heading and len(heading.group("hashes")) == 1:
            return plain(heading.group("title"))
    return None


def analyse_letterhead(lines: list[str], body: str, title_hint: str | None = None) -> LetterMeta:
    """Kind, title, date, sender and ids from the lines above the first heading."""
    meta = LetterMeta()
    meta.labels = read_labels(lines)
    stripped = [plain(line) for line in lines]
    nonempty = [s for s in stripped if s]
    after_kind: str | None = None
    for index, line in enumerate(nonempty[:40]):
        kind = KIND_WORDS.get(line.lower().rstrip(":"))
        if kind:
            meta.kind = kind
            following = nonempty[index + 1 : index + 2]
            if following and not LABEL_RE.match(following[0]):
                after_kind = following[0]
            break
    if meta.kind == DOCUMENT and any(BRIEF_MARKERS.match(s) for s in stripped):
        meta.kind = BRIEF
    # A nota names its subject on the line under the word "nota"; a letter under "Betreft".
    candidates = [title_hint, after_kind if meta.kind == NOTA else None]
    candidates += [meta.labels.get("betreft"), meta.labels.get("onderwerp"), after_kind]
    meta.title = next((c for c in candidates if c), None)
    for line in nonempty[:40]:
        if AFZENDER_RE.match(line) and len(line) <= 120:
            meta.afzender = line
            break
    if "datum" in meta.labels:
        meta.date = parse_dutch_date(meta.labels["datum"])
    if meta.date is None:
        found = find_dates("\n".join(lines)) or find_dates(body)
        meta.date = found[0][1] if found else None
    for label, key in LABELS.items():
        if key and label in meta.labels and key not in meta.ids:
            meta.ids[key] = meta.labels[label]
    return meta


def has_prose(lines: list[str]) -> bool:
    """True for running text; false for a letterhead of short label and address lines."""
    for line in lines:
        words = line.split()
        if len(line) >= 120 or (len(words) >= 8 and line.rstrip().endswith((".", "?", "!", ":"))):
            return True
    return False


def split_footnotes(lines: list[str]) -> tuple[list[str], dict[str, str], dict[str, str]]:
    """Take footnote lines ('¹ Tweede Kamer, ...', '[^1]: ...') out of the running text.

    Returns the other lines, footnote number -> text, and footnote number -> line as written.
    """
    body: list[str] = []
    notes: dict[str, str] = {}
    written: dict[str, str] = {}
    for line in lines:
        match = FOOTNOTE_LINE_RE.match(line)
        if match:
            number = (match.group("sup") or "").translate(SUPERSCRIPT_DIGITS) or match.group("md")
            notes[number] = match.group("text").strip()
            written[number] = line.strip()
        else:
            body.append(line)
    return body, notes, written


def footnote_markers(text: str, notes: dict[str, str]) -> list[str]:
    """The footnote numbers whose markers stand in text, in footnote order."""
    found: list[str] = []
    for number in notes:
        sup = re.escape(to_superscript(number)) if number.isdigit() else None
        pattern = rf"\[\^{re.escape(number)}\](?!:)"
        if sup:
            pattern += rf"|(?<=\S){sup}(?![{SUPERSCRIPTS}])"
        if re.search(pattern, text):
            found.append(number)
    return found


def with_footnotes(text: str, notes: dict[str, str], written: dict[str, str] | None = None) -> str:
    """Section text with the footnotes it refers to appended, as they stand in the document."""
    numbers = footnote_markers(text, notes)
    if not numbers:
        return text
    lines = [
        (written or {}).get(n)
        or (f"{to_superscript(n)} {notes[n]}" if n.isdigit() else f"[^{n}]: {notes[n]}")
        for n in numbers
    ]
    return text + "\n\n" + "\n".join(lines)


def heading_of(lines: list[str], index: int) -> str | None:
    """The heading that line `index` is, or None: '# Titel', '1. Aanleiding', '4.1. Context'."""
    line = lines[index].strip()
    markdown = MARKDOWN_HEADING_RE.match(line)
    if markdown:
        return line
    numbered = NUMBERED_HEADING_RE.match(line)
    if not numbered or len(line) > 100:
        return None
    title = numbered.group("title")
    if not title[0].isupper() or title.endswith((".", ",", ";", ":", "?", "!")):
        return None
    before = lines[index - 1].strip() if index > 0 else ""
    after = lines[index + 1].strip() if index + 1 < len(lines) else ""
    return line if not before and not after else None


@dataclass
class Block:
    headings: list[str]
    lines: list[str]

    def text(self) -> str:
        body = normalize_text("\n".join(self.lines))
        return "\n\n".join([*self.headings, body] if body else self.headings)


def sections_from_lines(
    lines: list[str], notes: dict[str, str], written: dict[str, str] | None = None
) -> tuple[list[str], list[Section]]:
    """Split at headings. Returns the lines above the first heading and the sections.

    A heading with nothing under it (a chapter directly followed by its first paragraph
    heading) is carried into the next section's text, so no section is empty.
    """
    preamble: list[str] = []
    blocks: list[Block] = []
    pending: list[str] = []
    for index, line in enumerate(lines):
        heading = heading_of(lines, index)
        if heading is not None:
            if blocks and not normalize_text("\n".join(blocks[-1].lines)):
                pending = [*blocks.pop().headings]
            blocks.append(Block(headings=[*pending, heading], lines=[]))
            pending = []
        elif blocks:
            blocks[-1].lines.append(line)
        else:
            preamble.append(line)
    # A Markdown title ('# ...') over letterhead lines only: those lines are letterhead.
    title_block = blocks[0] if len(blocks) > 1 else None
    if (
        title_block
        and title_block.headings[0].startswith("# ")
        and not has_prose(title_block.lines)
    ):
        preamble.extend(title_block.lines)
        blocks[1].headings = [*title_block.headings, *blocks[1].headings]
        blocks.pop(0)
    sections: list[Section] = []
    for block in blocks:
        title = plain(block.headings[-1])
        sections.append(Section(text=with_footnotes(block.text(), notes, written), title=title))
    return preamble, sections


def document_id(prefix: str, title: str | None, date: dt.date | None, data: bytes) -> str:
    """'nota-2026-03-27-voortgang-implementatie-asiel-en-migratiepact'; hash when untitled."""
    slug = slugify(title) if title else ""
    if not slug:
        return f"{prefix}-{sha1_12(data)}"
    return f"{prefix}-{date.isoformat()}-{slug}" if date else f"{prefix}-{slug}"


# Byte order marks and the codecs that read them, longest first: a UTF-32LE BOM starts with
# the UTF-16LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings read by a guess, as users know them: the file's outcome says which was used.
GUESSED = {
    "utf-16-le": "UTF-16LE (zonder BOM)",
    "utf-16-be": "UTF-16BE (zonder BOM)",
    "utf-32-le": "UTF-32LE (zonder BOM)",
    "utf-32-be": "UTF-32BE (zonder BOM)",
    "utf-8+cp1252": "UTF-8 gemengd met Windows-1252",
    "cp1252": "Windows-1252",
    "latin-1": "Latin-1",
}


def bom_encoding(data: bytes) -> str | None:
    """The codec for the byte order mark the data starts with, if any."""
    return next((encoding for bom, encoding in BOMS if data.startswith(bom)), None)


def nul_pattern(sample: bytes) -> list[str]:
    """UTF-16 or UTF-32 without a BOM, told by where the NUL bytes of mostly Latin text fall
    (for 'N' UTF-16BE has 00 4E, UTF-32LE 4E 00 00 00): the encodings worth a strict try."""

    def zeros(offset: int, step: int) -> float:
        units = sample[offset::step]
        return units.count(0) / max(len(units), 1)

    candidates = []
    if zeros(3, 4) == 1 and zeros(2, 4) > 0.9 and zeros(0, 4) < 0.5:
        candidates.append("utf-32-le")
    if zeros(0, 4) == 1 and zeros(1, 4) > 0.9 and zeros(3, 4) < 0.5:
        candidates.append("utf-32-be")
    if zeros(1, 2) > 0.5 and zeros(0, 2) < 0.1:
        candidates.append("utf-16-le")
    if zeros(0, 2) > 0.5 and zeros(1, 2) < 0.1:
        candidates.append("utf-16-be")
    return candidates


def single_byte(data: bytes) -> tuple[str, str]:
    """Windows-1252, or Latin-1 for the five bytes that Windows-1252 leaves undefined."""
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def mixed_lines(data: bytes) -> str | None:
    """Lines of UTF-8 among lines of Windows-1252 (texts pasted together from several editors),
    each line read on its own; None when no line holds UTF-8 beyond ASCII."""
    parts: list[str] = []
    utf8 = False
    for line in data.splitlines(keepends=True):
        try:
            parts.append(line.decode("utf-8"))
            utf8 = utf8 or not line.isascii()
        except UnicodeDecodeError:
            parts.append(single_byte(line)[0])
    return "".join(parts) if utf8 else None


def decode_text(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was read with: a BOM's, UTF-16/32 told from the NUL bytes,
    strict UTF-8, UTF-8 mixed with Windows-1252 line by line, Windows-1252, Latin-1."""
    if (encoding := bom_encoding(data)) is not None:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as error:
            if encoding != "utf-8-sig":  # UTF-8 with a BOM can still be mixed, see below
                raise RejectedFile(
                    f"ongeldige {encoding[:6].upper()}-tekst: {error.reason}"
                ) from error
    if b"\x00" in data:  # text has none, but ASCII in UTF-16 would even pass as UTF-8
        for encoding in nul_pattern(data[:4096]):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                continue
        raise RejectedFile("binair bestand, geen tekst (bevat NUL-bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if (text := mixed_lines(data)) is not None:
        return text, "utf-8+cp1252"
    return single_byte(data)


def encoding_warning(encoding: str) -> str | None:
    """What the ingest report says of a file read with a guessed encoding."""
    if encoding not in GUESSED:
        return None
    return f"gelezen als {GUESSED[encoding]}; controleer speciale tekens"


def looks_binary(text: str) -> bool:
    sample = text[:20000]
    return bool(sample) and len(CONTROL_CHARS_RE.findall(sample)) > max(2, len(sample) // 100)


class TextReader:
    """Plain text or Markdown: a nota, a letter, any text a user saved."""

    name = "text"

    def sniff(self, path: Path, head: bytes) -> bool:
        encoding = bom_encoding(head)
        if encoding is None and b"\x00" in head:
            encoding = next(iter(nul_pattern(head)), None)
            if encoding is None:
                return False
        if encoding is not None:
            text = head.decode(encoding, errors="ignore")
        else:
            try:
                text = codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
            except UnicodeDecodeError:
                text = single_byte(head)[0]
        start = text.lstrip("\ufeff \t\r\n")
        if not start or start.startswith(("<", "{", "[", "%PDF")):
            return False
        return not looks_binary(text)

    def read(self, path: Path) -> Iterator[Document]:
        data = read_nonempty(path)
        raw, encoding = decode_text(data)
        if looks_binary(raw):
            raise RejectedFile("binair bestand, geen tekst (te veel stuurtekens)")
        text = normalize_text(raw)
        if not text.strip():
            raise RejectedFile("leeg bestand")
        lines = text.split("\n")
        body_lines, notes, written = split_footnotes(lines)
        preamble, sections = sections_from_lines(body_lines, notes, written)
        meta = analyse_letterhead(
            preamble if sections else lines[:40], text, first_markdown_title(lines)
        )
        if has_prose(preamble) and sections:
            lead = normalize_text("\n".join(preamble))
            sections.insert(0, Section(text=with_footnotes(lead, notes, written), title=None))
        title = meta.title or self._first_line(lines) or path.stem
        prefix = {NOTA: "nota", BRIEF: "brief"}.get(meta.kind, "tekst")
        extra: dict[str, object] = {"encoding": encoding}
        if (warning := encoding_warning(encoding)) is not None:
            extra[READ_WARNING] = warning
        if notes:
            extra["footnotes"] = notes
        yield Document(
            id=document_id(prefix, meta.title, meta.date, data),
            type=meta.kind,
            title=title,
            text=text,
            date=meta.date,
            afzender=meta.afzender,
            ids=meta.ids,
            sections=sections,
            source=str(path),
            extra=extra,
        )

    @staticmethod
    def _first_line(lines: list[str]) -> str | None:
        for line in lines:
            cleaned = plain(line)
            if cleaned:
                return cleaned[:150]
        return None
