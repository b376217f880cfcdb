"""ParlaMint TEI: one sitting of the Tweede Kamer, one Section per utterance.

Id scheme: the TEI root's xml:id lowercased with '_' as '-', so
'ParlaMint-NL_2022-01-20-tweedekamer-5' becomes 'parlamint-nl-2022-01-20-tweedekamer-5';
the original stands in ids["parlamint"].

Speakers come from the `<note type="speaker">` before each `<u>` ("Mevrouw Leijten (SP)"),
not from `@who`: ParlaMint-NL resolves some names to the wrong person (Erkens as #ArdaGerkens).
Moties read out during a speech (`<note type="comment">` lines inside the `<u>`, ending in
"Zij krijgt nr. kst-21501-33-905") stay in that speech's text, in document order.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from assistant.documents import HANDELINGEN, Document, Person, Section
from assistant.errors import RejectedFile
from ingest.extract import vergaderjaar_of

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SPEAKER_RE = re.compile(r"^(?P<name>.+?)\s*\((?P<fractie>[^()]+)\)\s*:?\s*$")
ROLE_RE = re.compile(r"^(?:de\s+)?(?P<role>minister-president|minister|staatssecretaris)\b", re.I)


def text_of(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def speaker_of(label: str | None, ana: str) -> Person | None:
    """'Mevrouw Leijten (SP)' -> Person('Mevrouw Leijten', 'SP'); '#chair' -> role voorzitter."""
    if not label:
        return None
    match = SPEAKER_RE.match(label)
    name, fractie = (match.group("name"), match.group("fractie")) if match else (label, None)
    role: str | None = None
    if "#chair" in ana.split() or name.lower() in ("de voorzitter", "voorzitter"):
        role = "voorzitter"
    elif found := ROLE_RE.match(name):
        role = found.group("role").lower()
    return Person(name=name.strip(), fractie=fractie.strip() if fractie else None, role=role)


class TeiReader:
    """ParlaMint TEI transcripts (`<TEI>` with `<u>` utterances)."""

    name = "tei"

    def sniff(self, path: Path, head: bytes) -> bool:
        return b"<TEI" in head

    def read(self, path: Path) -> Iterator[Document]:
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as error:
            raise RejectedFile(f"ongeldige XML: {error}") from error
        except OSError as error:
            raise RejectedFile(f"bestand niet leesbaar: {error.strerror or error}") from error
        if root.tag != f"{TEI}TEI":
            raise RejectedFile("geen TEI-document (verwacht <TEI> in de TEI-namespace)")
        body = root.find(f"{TEI}text/{TEI}body")
        if body is None:
            raise RejectedFile("TEI-document zonder tekst (<body> ontbreekt)")
        xml_id = root.get(XML_ID) or path.stem
        date = self._date(root)
        heads: list[str] = []
        sections: list[Section] = []
        lines: list[str] = []
        for division in body.iter(f"{TEI}div"):
            head = division.find(f"{TEI}head")
            title = text_of(head) if head is not None else None
            if title:
                heads.append(title)
                lines.append(title)
            speaker_label: str | None = None
            previous_who: str | None = None
            for child in division:
                if child.tag == f"{TEI}note" and child.get("type") == "speaker":
                    speaker_label = text_of(child)
                    previous_who = None
                elif child.tag == f"{TEI}note":
                    comment = text_of(child)
                    if comment:
                        lines.append(comment)
                        sections.append(Section(text=comment, title=title, kind="tekst"))
                elif child.tag == f"{TEI}u":
                    who_ref = child.get("who")
                    if previous_who is not None and who_ref != previous_who:
                        speaker_label = None  # a new speaker without a speaker note
                    previous_who = who_ref
                    speaker = speaker_of(speaker_label, child.get("ana", ""))
                    speech = self._utterance(child)
                    if not speech:
                        continue
                    sections.append(
                        Section(text=speech, title=title, kind="spreekbeurt", speaker=speaker)
                    )
                    who = (
                        f"{speaker.name} ({speaker.fractie})"
                        if speaker and speaker.fractie
                        else (speaker.name if speaker else "Onbekende spreker")
                    )
                    lines.append(f"{who}:\n{speech}")
        if not any(s.kind == "spreekbeurt" for s in sections):
            raise RejectedFile("TEI-document zonder spreekbeurten (<u>)")
        subtitle = self._title(root, "sub")
        # One agenda item: its head is the title; several: the sitting's Dutch sub title.
        title = heads[0] if len(heads) == 1 else subtitle or self._title(root, "main") or xml_id
        extra: dict[str, object] = {"agendapunten": heads}
        if subtitle:
            extra["subtitle"] = subtitle
        yield Document(
            id=re.sub(r"[^a-z0-9]+", "-", xml_id.lower()).strip("-"),
            type=HANDELINGEN,
            title=title,
            text="\n\n".join(lines),
            date=date,
            vergaderjaar=vergaderjaar_of(date) if date else None,
            ids={"parlamint": xml_id},
            sections=sections,
            source=str(path),
            extra=extra,
        )

    @staticmethod
    def _utterance(u: ET.Element) -> str:
        """Segments as paragraphs; consecutive comment notes (a motie read out) as one block."""
        paragraphs: list[str] = []
        note_lines: list[str] = []
        for child in u:
            if child.tag == f"{TEI}note":
                line = text_of(child)
                if line:
                    note_lines.append(line)
                continue
            if note_lines:
                paragraphs.append("\n".join(note_lines))
                note_lines = []
            line = text_of(child)
            if line:
                paragraphs.append(line)
        if note_lines:
            paragraphs.append("\n".join(note_lines))
        return "\n\n".join(paragraphs)

    @staticmethod
    def _title(root: ET.Element, kind: str) -> str | None:
        titles = root.findall(f"{TEI}teiHeader/{TEI}fileDesc/{TEI}titleStmt/{TEI}title")
        for title in titles:
            if title.get("type") == kind and title.get(XML_LANG) == "nl":
                return text_of(title) or None
        for title in titles:
            if title.get("type") == kind:
                return text_of(title) or None
        return None

    @staticmethod
    def _date(root: ET.Element) -> dt.date | None:
        candidates: list[str] = []
        for meeting in root.iter(f"{TEI}meeting"):
            if "#parla.sitting" in (meeting.get("ana") or "").split():
                candidates.append(meeting.get("n") or "")
        for path in (
            f"{TEI}teiHeader/{TEI}fileDesc/{TEI}sourceDesc/{TEI}bibl/{TEI}date",
            f"{TEI}teiHeader/{TEI}profileDesc/{TEI}settingDesc/{TEI}setting/{TEI}date",
        ):
            element = root.find(path)
            if element is not None:
                candidates.append(element.get("when") or "")
        for value in candidates:
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                continue
        return None
