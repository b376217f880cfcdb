"""PDF with a text layer: Kamervragen (Aanhangsel van de Handelingen) and ministry letters.

Kamervragen become one Document with a Section per Vraag/Antwoord pair. Page furniture (the
Aanhangsel footer with ISSN and page number, lines repeated at the top or bottom of every page)
is removed; footnotes, recognised by their small font at the foot of a page, are moved to the end
of the Vraag or Antwoord block they belong to, so that running text is not cut in two.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import unicodedata
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf import PdfReader as PypdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from assistant.documents import DOCUMENT, KAMERVRAAG, Document, Person, Section, kst_url
from assistant.errors import RejectedFile
from ingest.extract import find_dates, parse_dutch_date
from ingest.sources.base import check_text_size, read_nonempty
from ingest.sources.text import analyse_letterhead, sha1_12

UUID_RE = re.compile(r"\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b")
ID_LINE_RE = re.compile(
    r"^(?P<id>ah-tk-\d{8}-\d+|kst-\d+(?:-[A-Za-z0-9]+)*-\d+|h-tk-\d{8}-\d+-\d+)$"
)
AANHANGSEL_ID_RE = re.compile(r"\bah-tk-(?P<jaar>\d{8})-(?P<nr>\d+)\b")
FOOTER_RES = [
    re.compile(r"^ISSN\s+\d{4}\s*-\s*\d{4}$"),
    re.compile(
        r"^(?:’s-Gravenhage\s+\d{4}\s*)?Tweede Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4},"
        r"\s*Aanhangsel(?:\s+\d+)?$"
    ),
    re.compile(r"^Pagina\s+\d+\s+van\s+\d+$", re.IGNORECASE),
]
GLUED_FOOTER_RE = re.compile(
    r"\s*(?:’s-Gravenhage\s+\d{4}\s*)?Tweede Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4},"
    r"\s*Aanhangsel(?:\s+\d+)?\s*$"
)
NUMBERS = r"\d+(?:\s*(?:,|\ben\b|t/m|tot en met|[-–])?\s*\d+)*"
VRAAG_RE = re.compile(
    rf"^Vra(?:ag|gen)\s+(?:nr\.?\s*)?(?P<nums>{NUMBERS})\s*(?:[:.]\s*(?P<rest>.*))?$"
)
ANTWOORD_RE = re.compile(
    rf"^Antwoord(?:\s+op)?(?:\s+(?:de\s+)?vra(?:ag|gen))?(?:\s+(?P<nums>{NUMBERS}))?"
    r"\s*(?:[:.]\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
MEDEDELING_RE = re.compile(r"^Mededeling\s*[:.]?$")
VERGADERJAAR_RE = re.compile(r"Vergaderjaar\s+(\d{4})\s*[–-]\s*(\d{4})", re.IGNORECASE)
VRAGEN_RE = re.compile(
    r"(?P<all>Vragen\s+van\s+(?:het\s+lid|de\s+leden|de\s+lid|lid|leden)\s+(?P<who>.+?)"
    r"\s+aan\s+(?:de|het)\s+(?P<to>.+?)\s+over\s+(?P<subject>.+?))"
    r"(?:\s*\(ingezonden\s+(?P<sent>[^)]*)\)|\.\s|\s+(?=Antwoord van|Mededeling van)|$)"
)
ANSWER_RE = re.compile(
    r"(?P<kind>Antwoord|Mededeling)\s+van\s+(?P<role>Minister-president|Minister|"
    r"Staatssecretaris)\s+(?P<name>[^(),]+?)\s*\((?P<portfolio>[^()]*)\)",
    re.IGNORECASE,
)
ONTVANGEN_RE = re.compile(r"\(ontvangen\s+(?:\(ontvangen\s+)?(?P<date>[^)]*)\)", re.IGNORECASE)
PERSON_GROUP_RE = re.compile(r"(?P<names>[^()]+?)\s*\((?:beiden\s+|allen\s+)?(?P<fractie>[^()]+)\)")
FOOTNOTE_START_RE = re.compile(r"^(?P<n>\d{1,3})(?:\s+\S|$)")
# Spacing accents that some PDFs set after the letter: 'Kostic´' is 'Kostić'.
SPACING_ACCENTS = {"´": "\u0301", "¸": "\u0327", "ˇ": "\u030c", "˘": "\u0306", "˛": "\u0328"}
ACCENT_RE = re.compile(r"([A-Za-z])([´¸ˇ˘˛])")
C1_RE = re.compile(r"[\x80-\x9f]")
URLISH_RE = re.compile(r"(https?://|www\.)\S*$")
URL_BREAK_CHARS = ("-", "/", "_", ".", "=", "?", "&", "%", "#", "~")
URL_TAIL_RE = re.compile(r"^[a-z0-9][\w%#?=&~-]*[/.][\w%./#?=&~-]*\)?[.,;]?$")
NAME_PREFIX_RE = re.compile(r"\b(van|de|der|den|ter|ten|te|het)(?=[A-Z])")


class _LogCollector(logging.Handler):
    """Collects what pypdf logs while one file is read (font fallbacks, repaired xrefs)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@dataclass
class RawPage:
    lines: list[str]
    footnotes: list[str]


@dataclass
class Block:
    """A stretch of text under one heading: the preamble, a Vraag, an Antwoord, a Mededeling."""

    kind: str  # preamble | vraag | antwoord | mededeling
    heading: str | None = None
    numbers: tuple[int, ...] = ()
    lines: list[tuple[int, str]] = field(default_factory=list)  # (page index, line)
    notes: list[str] = field(default_factory=list)

    def body(self) -> str:
        return "\n".join(dehyphenate([line for _, line in self.lines]))

    def text(self) -> str:
        parts = [self.heading] if self.heading else []
        body = self.body()
        if body:
            parts.append(body)
        if self.notes:
            parts.append("\n".join(self.notes))
        return "\n".join(parts)


def fix_glyphs(line: str) -> str:
    """Compose spacing accents with their letter; bullets set in a C1 control code become '•'."""
    line = C1_RE.sub("•", line[:1]) + C1_RE.sub("", line[1:]) if line else line

    def compose(match: re.Match[str]) -> str:
        letter, accent = match.group(1), match.group(2)
        if accent == "´" and letter.lower() not in "cnsz":
            return match.group(0)  # 'o´' is more likely an apostrophe than an ó
        composed = unicodedata.normalize("NFC", letter + SPACING_ACCENTS[accent])
        return composed if len(composed) == 1 else match.group(0)

    return ACCENT_RE.sub(compose, line)


def dehyphenate(lines: list[str]) -> list[str]:
    """Undo end-of-line hyphenation ('regen-' / 'boogprovincie'), not in URLs or before capitals."""
    out = list(lines)
    for index in range(len(out) - 1):
        line, following = out[index], out[index + 1]
        if not re.search(r"[a-zà-ÿ]-$", line) or URLISH_RE.search(line):
            continue
        match = re.match(r"([a-zà-ÿ]\S*)\s*(.*)$", following)
        if not match:
            continue
        out[index] = line[:-1] + match.group(1)
        out[index + 1] = match.group(2)
    return [line for line in out if line.strip()]


def join_footnote(lines: list[str]) -> str:
    """One footnote on one line; a URL broken over two lines is joined without a space."""
    text = ""
    for line in dehyphenate(lines):
        line = line.strip()
        if (
            text
            and URLISH_RE.search(text)
            and (
                text.endswith(URL_BREAK_CHARS)
                or line.startswith(URL_BREAK_CHARS)
                or URL_TAIL_RE.match(line.split()[0])
            )
        ):
            text += line
        else:
            text = f"{text} {line}" if text else line
    return text


def parse_numbers(text: str) -> tuple[int, ...]:
    """'3, 4 en 5' -> (3, 4, 5); '7, 8, 9 10 en 11' -> (7..11); '2 t/m 4' -> (2, 3, 4)."""
    numbers: list[int] = []
    for match in re.finditer(r"(\d+)(?:\s*(?:t/m|tot en met|[-–])\s*(\d+))?", text):
        start = int(match.group(1))
        end = int(match.group(2)) if match.group(2) else start
        if end < start or end - start > 50:
            end = start
        numbers.extend(range(start, end + 1))
    return tuple(dict.fromkeys(numbers))


def format_numbers(numbers: list[int]) -> str:
    """(3, 4, 5) -> '3, 4 en 5'."""
    words = [str(n) for n in numbers]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1]


def marker_patterns(number: str) -> list[re.Pattern[str]]:
    """Where a footnote marker for `number` may stand, surest first: '»?1', 'jl.2', '? 1 Zo';
    then a number after a word that no unit follows: 'gepubliceerd 13.', 'percentage 5 van'."""
    n = re.escape(number)
    strong = re.compile(
        rf"(?<=[A-Za-zà-ÿ»”’)?!.,;:])(?<!\d[.,]){n}(?!\d)"
        rf"|(?<=[?!»”.,]\s){n}(?=\s|$|[,;])"
        rf"|(?<=\w\s){n}(?=[?!»”]|\s*$)"
    )
    weak = re.compile(rf"(?<=[a-zà-ÿ»”’)]\s){n}(?=[.,;:](?:\s|$)|\s*\n|\s+[a-z])")
    return [strong, weak]


class PdfReader:
    """PDF files with a text layer. Scans without text and encrypted files are rejected."""

    name = "pdf"

    def sniff(self, path: Path, head: bytes) -> bool:
        return head.startswith(b"%PDF")

    def read(self, path: Path) -> Iterator[Document]:
        data = read_nonempty(path)
        if b"%PDF" not in data[:1024]:
            raise RejectedFile("geen PDF (de kop %PDF ontbreekt)")
        pages, info, notices = self._extract(data)
        if not any(line.strip() for page in pages for line in page.lines + page.footnotes):
            raise RejectedFile("geen tekst gevonden (gescande PDF zonder tekstlaag?)")
        doc = self._document(pages, info, data)
        doc.source = str(path)
        doc.extra["pages"] = len(pages)
        if notices:
            doc.extra["warnings"] = notices
        yield doc

    # -- extraction -----------------------------------------------------------------------

    def _extract(self, data: bytes) -> tuple[list[RawPage], dict[str, str], list[str]]:
        """Text of every page, the document info and what pypdf warned or logged about."""
        collector = _LogCollector()
        logger = logging.getLogger("pypdf")
        logger.addHandler(collector)
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                reader = self._open(data)
                try:
                    pages: list[RawPage] = []
                    chars = 0
                    # Counted page by page: a stream bomb stops early, not after all pages.
                    for page in reader.pages:
                        pages.append(self._page(page))
                        chars += sum(map(len, pages[-1].lines + pages[-1].footnotes))
                        check_text_size(chars)
                    info = {
                        str(k): str(v) for k, v in (reader.metadata or {}).items() if v is not None
                    }
                except RejectedFile:
                    raise
                except Exception as error:  # pypdf raises many types on malformed content
                    raise RejectedFile(f"beschadigde PDF: {error}") from error
        finally:
            logger.removeHandler(collector)
        notices: list[str] = []
        for message in [*collector.messages, *(str(w.message) for w in caught)]:
            short = message if len(message) <= 200 else message[:197] + "..."
            if short not in notices:
                notices.append(short)
        first = pages[0].lines if pages else []
        # The big '2' of the Tweede Kamer masthead is not text.
        if (
            len(first) > 1
            and first[0].strip() == "Tweede Kamer der Staten-Generaal"
            and (first[1].strip().isdigit())
        ):
            del first[1]
        return self._strip_repeated(pages), info, notices

    @staticmethod
    def _open(data: bytes) -> PypdfReader:
        try:
            reader = PypdfReader(io.BytesIO(data), strict=False)
        except Exception as error:
            raise RejectedFile(f"beschadigde PDF: {error}") from error
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (DependencyError, FileNotDecryptedError, NotImplementedError) as error:
                raise RejectedFile(f"versleutelde PDF, niet te openen: {error}") from error
            if not opened:
                raise RejectedFile("versleutelde PDF (wachtwoord nodig)")
        return reader

    @staticmethod
    def _page(page: Any) -> RawPage:
        chunks: list[tuple[float, float, str]] = []  # (font size on the page, y, text)

        def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
            if text.strip():
                scale = abs(float(size) * float(tm[3]) * float(cm[3]))
                y = float(cm[1]) * float(tm[4]) + float(cm[3]) * float(tm[5]) + float(cm[5])
                chunks.append((scale, y, text))

        text = page.extract_text(visitor_text=visit) or ""
        lines = [fix_glyphs(line.rstrip()) for line in text.split("\n")]
        kept: list[str] = []
        for line in lines:
            stripped = line.strip()
            if not stripped:
                continue
            if any(pattern.match(stripped) for pattern in FOOTER_RES):
                continue
            line = GLUED_FOOTER_RE.sub("", line)
            if line.strip():
                kept.append(line)
        # Footnotes start in a font well below the body size, at the foot of the page.
        weight: Counter[float] = Counter()
        for size, _, chunk in chunks:
            weight[round(size, 1)] += len(chunk)
        body_size = weight.most_common(1)[0][0] if weight else 0.0
        # Footnote numbers (and the markers that cite them) are set in the small font; the
        # numbers of the footnotes themselves stand below the lowest line of body text.
        small = [
            (y, int(match.group(1)))
            for size, y, chunk in chunks
            if 0 < size < 0.8 * body_size and (match := re.match(r"^\s*(\d{1,3})(?:\s|$)", chunk))
        ]
        body_ys = [y for size, y, _ in chunks if abs(size - body_size) < 0.05]
        lowest = min(body_ys) if body_ys else 0.0
        numbers = sorted({n for y, n in small if y < lowest - 1} or {n for _, n in small})
        split = len(kept)
        for number in numbers:
            starts = [
                index
                for index, line in enumerate(kept)
                if re.match(rf"^{number}(?:\s|$)", line.strip())
            ]
            # The footnote is the last line that starts with its number; no heading follows it.
            if starts and not any(
                PdfReader._heading(" ".join(line.split()), 0) for line in kept[starts[-1] :]
            ):
                split = starts[-1]
                break
        # The document id stands alone on a line between the footnotes and the footer.
        ids = [line for line in kept if ID_LINE_RE.match(line.strip())]
        body = [line for line in kept[:split] if line not in ids]
        notes = [line for line in kept[split:] if line not in ids]
        return RawPage(lines=body + ids, footnotes=notes)

    @staticmethod
    def _strip_repeated(pages: list[RawPage]) -> list[RawPage]:
        """Drop lines that recur at the top or bottom of most pages (running heads, page numbers).

        The first occurrence stays: in a letter the repeated date or reference is still content.
        """
        if len(pages) < 2:
            return pages

        def key(line: str) -> str:
            text = " ".join(line.split()).lower()
            return "#" if text.isdigit() else text  # a bare page number

        edge_counts: Counter[str] = Counter()
        for page in pages:
            edges = {key(line) for line in page.lines[:2] + page.lines[-2:]}
            edge_counts.update(edges)
        limit = max(2, (len(pages) + 1) // 2)
        repeated = {
            k
            for k, count in edge_counts.items()
            if count >= limit and len(k) < 120 and not PdfReader._heading(k.capitalize(), 0)
        }
        if not repeated:
            return pages
        seen: set[str] = set()
        result: list[RawPage] = []
        for page in pages:
            lines: list[str] = []
            last = len(page.lines) - 1
            for index, line in enumerate(page.lines):
                k = key(line)
                at_edge = index < 2 or index > last - 2
                if at_edge and k in repeated and k in seen:
                    continue
                seen.add(k)
                lines.append(line)
            result.append(RawPage(lines=lines, footnotes=page.footnotes))
        return result

    # -- structure ------------------------------------------------------------------------

    def _blocks(self, pages: list[RawPage]) -> tuple[list[Block], str | None]:
        """Split the running text at Vraag/Antwoord/Mededeling headings; place the footnotes."""
        blocks = [Block(kind="preamble")]
        doc_id: str | None = None
        for page_index, page in enumerate(pages):
            first_block = len(blocks) - 1
            for line in page.lines:
                stripped = " ".join(line.split())
                id_match = ID_LINE_RE.match(stripped)
                if id_match:
                    doc_id = doc_id or id_match.group("id")
                    continue
                block = self._heading(stripped, page_index)
                if block is None:
                    blocks[-1].lines.append((page_index, line))
                else:
                    blocks.append(block)
            self._place_notes(page.footnotes, blocks[first_block:], page_index)
        return blocks, doc_id

    @staticmethod
    def _heading(line: str, page_index: int) -> Block | None:
        if len(line) > 160:
            return None
        vraag = VRAAG_RE.match(line)
        if vraag:
            rest = vraag.group("rest") or ""
            heading = line[: len(line) - len(rest)].rstrip(" :.") if rest else line
            return Block(
                kind="vraag",
                heading=heading,
                numbers=parse_numbers(vraag.group("nums")),
                lines=[(page_index, rest)] if rest else [],
            )
        antwoord = ANTWOORD_RE.match(line)
        if antwoord and (antwoord.group("nums") or len(line) <= 12):
            rest = antwoord.group("rest") or ""
            heading = line[: len(line) - len(rest)].rstrip(" :.") if rest else line
            nums = antwoord.group("nums")
            return Block(
                kind="antwoord",
                heading=heading,
                numbers=parse_numbers(nums) if nums else (),
                lines=[(page_index, rest)] if rest else [],
            )
        if MEDEDELING_RE.match(line):
            return Block(kind="mededeling", heading="Mededeling")
        return None

    @staticmethod
    def _place_notes(notes: list[str], candidates: list[Block], page_index: int) -> None:
        """Group footnote lines into footnotes and add each to the block that cites it."""
        grouped: list[tuple[str, list[str]]] = []
        expected: int | None = None
        for line in notes:
            match = FOOTNOTE_START_RE.match(line.strip())
            value = int(match.group("n")) if match else None
            if value is not None and (expected is None or value == expected):
                grouped.append((str(value), [line]))
                expected = value + 1
            elif grouped:
                grouped[-1][1].append(line)
            else:
                grouped.append(("", [line]))
        texts = ["\n".join(t for p, t in block.lines if p == page_index) for block in candidates]
        first = 0  # footnotes are numbered in reading order: never look before the last one
        for number, lines in grouped:
            target = len(candidates) - 1
            for pattern in marker_patterns(number) if number else []:
                found = next(
                    (i for i in range(first, len(texts)) if pattern.search(texts[i])), None
                )
                if found is not None:
                    target = first = found
                    break
            candidates[target].notes.append(join_footnote(lines))

    @staticmethod
    def _sections(blocks: list[Block]) -> list[Section]:
        """One section per answered group of questions; unanswered questions stand alone."""
        sections: list[Section] = []
        pending: list[Block] = []

        def unanswered(question: Block) -> None:
            title = f"Vraag {format_numbers(list(question.numbers))}"
            sections.append(Section(text=question.text(), title=title, kind="vraag-antwoord"))

        for block in blocks:
            if block.kind == "preamble":
                text = block.text()
                if text.strip():
                    sections.append(Section(text=text, title=None, kind="tekst"))
            elif block.kind == "vraag":
                pending.append(block)
            elif block.kind == "mededeling":
                for question in pending:
                    unanswered(question)
                pending = []
                sections.append(Section(text=block.text(), title="Mededeling", kind="tekst"))
            else:
                wanted = set(block.numbers)
                if wanted:
                    matched = [q for q in pending if wanted & set(q.numbers)]
                else:
                    matched = list(pending)
                lowest = min(wanted) if wanted else 0
                skipped = [q for q in pending if q not in matched and min(q.numbers) < lowest]
                for question in skipped:
                    unanswered(question)
                pending = [q for q in pending if q not in matched and q not in skipped]
                numbers = sorted({n for q in matched for n in q.numbers} or wanted)
                if numbers:
                    title = f"Vraag {format_numbers(numbers)}"
                else:
                    title = block.heading or "Antwoord"
                text = "\n\n".join([*(q.text() for q in matched), block.text()])
                sections.append(Section(text=text, title=title, kind="vraag-antwoord"))
        for question in pending:
            unanswered(question)
        return sections

    # -- metadata -------------------------------------------------------------------------

    def _document(self, pages: list[RawPage], info: dict[str, str], data: bytes) -> Document:
        blocks, doc_id = self._blocks(pages)
        text = "\n\n".join(t for t in (block.text() for block in blocks) if t.strip())
        preamble = " ".join(
            " ".join(line.split()) for line in dehyphenate([line for _, line in blocks[0].lines])
        )
        preamble = NAME_PREFIX_RE.sub(r"\1 ", preamble)
        has_questions = any(b.kind == "vraag" for b in blocks) and any(
            b.kind in ("antwoord", "mededeling") for b in blocks
        )
        vragen = VRAGEN_RE.search(preamble)
        is_kamervraag = bool(
            vragen or has_questions or "Aanhangsel van de Handelingen" in preamble
        ) or bool(doc_id and doc_id.startswith("ah-tk-"))
        identifier = doc_id or f"pdf-{sha1_12(data)}"
        doc = Document(id=identifier, type=DOCUMENT, title="", text=text, url=kst_url(identifier))
        producer = info.get("/Producer", "")
        if "gegevensmagazijn.tweedekamer.nl" in producer and (uuid := UUID_RE.search(producer)):
            doc.ids["document_id"] = uuid.group(1)
        aanhangsel = AANHANGSEL_ID_RE.search(identifier)
        if aanhangsel:
            doc.ids["aanhangselnummer"] = aanhangsel.group("nr")
            jaar = aanhangsel.group("jaar")
            doc.vergaderjaar = f"{jaar[:4]}-{jaar[4:]}"
        if year := VERGADERJAAR_RE.search(preamble):
            doc.vergaderjaar = f"{year.group(1)}-{year.group(2)}"
        if zaak := re.search(r"\b(20\d{2}Z\d{5})\b", preamble):
            doc.ids["zaak"] = zaak.group(1)
        if is_kamervraag:
            self._kamervraag(doc, preamble, vragen, info)
        else:
            self._letter(doc, pages, info)
        doc.sections = self._sections(blocks) if is_kamervraag else []
        if is_kamervraag:
            questions = {n for b in blocks if b.kind == "vraag" for n in b.numbers}
            doc.extra["questions"] = len(questions)
        return doc

    def _kamervraag(
        self, doc: Document, preamble: str, vragen: re.Match[str] | None, info: dict[str, str]
    ) -> None:
        doc.type = KAMERVRAAG
        if vragen:
            doc.title = " ".join(vragen.group("all").split())
            doc.indieners = self._persons(vragen.group("who"))
            doc.extra["onderwerp"] = " ".join(vragen.group("subject").split())
            doc.extra["gericht_aan"] = " ".join(vragen.group("to").split())
            sent = parse_dutch_date(vragen.group("sent") or "")
            if sent:
                doc.extra["ingezonden"] = sent.isoformat()
        else:
            doc.title = self._info_title(info) or "Kamervragen"
        answer = ANSWER_RE.search(preamble)
        if answer:
            role = answer.group("role").lower()
            portfolio = re.split(r"\s+[–-]\s+", answer.group("portfolio").strip())[0]
            prep = "voor" if re.search(rf"\bvoor\s+{re.escape(portfolio)}", preamble) else "van"
            doc.afzender = f"{role} {prep} {portfolio}"
            doc.extra["bewindspersoon"] = f"{answer.group('role')} {answer.group('name')}"
            if answer.group("kind").lower() == "mededeling":
                doc.extra["mededeling"] = True
        received = ONTVANGEN_RE.search(preamble)
        date: dt.date | None = parse_dutch_date(received.group("date")) if received else None
        if date is None and doc.extra.get("ingezonden"):
            date = dt.date.fromisoformat(str(doc.extra["ingezonden"]))
        if date is None:
            found = find_dates(doc.text)
            date = found[0][1] if found else None
        doc.date = date

    def _letter(self, doc: Document, pages: list[RawPage], info: dict[str, str]) -> None:
        head = pages[0].lines[:60] if pages else []
        meta = analyse_letterhead(head, doc.text)
        doc.type = meta.kind
        doc.title = meta.title or self._info_title(info) or (head[0].strip() if head else doc.id)
        doc.date = meta.date
        doc.afzender = meta.afzender
        doc.ids.update(meta.ids)

    @staticmethod
    def _info_title(info: dict[str, str]) -> str | None:
        for key in ("/Title", "/Subject"):
            value = " ".join(info.get(key, "").split())
            if value and value.lower() not in ("none", "untitled"):
                return value
        return None

    @staticmethod
    def _persons(who: str) -> list[Person]:
        """'Mutluer (GroenLinks-PvdA) en Kostić (PvdD)' -> two members with their fractie."""
        persons: list[Person] = []
        position = 0
        for match in PERSON_GROUP_RE.finditer(who):
            position = match.end()
            for name in re.split(r"\s*,\s*|\s+en\s+", match.group("names")):
                name = name.strip(" ,")
                if name:
                    persons.append(Person(name=name, fractie=match.group("fractie").strip()))
        for name in re.split(r"\s*,\s*|\s+en\s+", who[position:]):
            name = name.strip(" ,")
            if name:
                persons.append(Person(name=name))
        return persons
