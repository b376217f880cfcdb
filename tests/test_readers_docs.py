"""Readers for documents as users have them: Kamervragen PDF, Word, plain text, ParlaMint TEI.

The PDFs, the nota and the TEI debate in tests/fixtures are real files, copied unchanged from
shared/data; the facts checked here were read from those files by hand.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from pypdf import PdfWriter
from pypdf.generic import ContentStream, DictionaryObject, NameObject

from assistant.documents import BRIEF, DOCUMENT, HANDELINGEN, KAMERVRAAG, NOTA, Document
from assistant.errors import RejectedFile
from ingest.sources.docx import DocxReader
from ingest.sources.pdf import PdfReader, parse_numbers
from ingest.sources.tei import TeiReader
from ingest.sources.text import TextReader

NOTA_FILE = "nota-voortgang-implementatie-migratiepact-2026-03-27.txt"
TEI_FILE = "ParlaMint-NL_2022-01-20-tweedekamer-5.xml"
GROUPED = "00fe7edd-24c8-4857-98da-774ed3b06836.pdf"  # Vraag 3, 4 en 5 / Antwoord 3, 4 en 5
SPLIT = "1b650dd7-71d6-4b8f-8625-36c000046742.pdf"  # Vraag 5, Vraag 6, Antwoord 5 en 6
MEDEDELING = "01bf9f06-42d0-48a6-a85f-12c9c8e14c57.pdf"  # questions answered by a Mededeling
OLD = "0c6cbed0-0cdf-4512-b630-01b325f81007.pdf"  # 2014, other producer, Vraag 2 en 3


def read_one(reader: PdfReader | DocxReader | TextReader | TeiReader, path: Path) -> Document:
    docs = list(reader.read(path))
    assert len(docs) == 1
    doc = docs[0]
    assert doc.source == str(path)
    json.dumps(doc.to_dict())  # everything a reader yields must be storable
    assert Document.from_dict(doc.to_dict()) == doc
    return doc


def pairs(doc: Document) -> list[str | None]:
    return [s.title for s in doc.sections if s.kind == "vraag-antwoord"]


# -- PDF: Kamervragen ---------------------------------------------------------------------------


def test_kamervragen_grouped_questions(fixtures: Path) -> None:
    path = fixtures / "kamervragen" / GROUPED
    assert PdfReader().sniff(path, path.read_bytes()[:4096])
    doc = read_one(PdfReader(), path)
    assert doc.id == "ah-tk-20232024-1314"
    assert doc.type == KAMERVRAAG
    assert doc.url == "https://zoek.officielebekendmakingen.nl/ah-tk-20232024-1314.html"
    assert doc.title == (
        "Vragen van de leden Mutluer (GroenLinks-PvdA) en Kostić (PvdD) aan de Minister van "
        "Onderwijs, Cultuur en Wetenschap over het bericht «Kritiek op besluit provincie "
        "Friesland tegen actief regenboogbeleid»"
    )
    assert doc.date == dt.date(2024, 3, 25)  # "(ontvangen 25 maart 2024)"
    assert doc.extra["ingezonden"] == "2024-03-06"
    assert doc.vergaderjaar == "2023-2024"
    assert [(p.name, p.fractie) for p in doc.indieners] == [
        ("Mutluer", "GroenLinks-PvdA"),
        ("Kostić", "PvdD"),
    ]
    assert doc.afzender == "minister van Onderwijs, Cultuur en Wetenschap"
    assert doc.extra["bewindspersoon"] == "Minister Dijkgraaf"
    assert doc.ids == {
        "document_id": "00fe7edd-24c8-4857-98da-774ed3b06836",
        "aanhangselnummer": "1314",
    }
    assert pairs(doc) == ["Vraag 1", "Vraag 2", "Vraag 3, 4 en 5", "Vraag 6"]
    assert doc.extra["questions"] == 6
    first = doc.sections[1]
    assert first.text.startswith("Vraag 1\nHeeft u kennisgenomen van het artikel")
    assert first.text.endswith("\n\nAntwoord 1\nJa.")
    grouped = doc.sections[3]
    assert grouped.text.startswith("Vraag 3, 4 en 5\nDeelt u de mening")
    assert "\n\nAntwoord 3, 4 en 5\nHet is van groot belang" in grouped.text


def test_kamervragen_page_furniture_removed_and_footnotes_kept(fixtures: Path) -> None:
    doc = read_one(PdfReader(), fixtures / "kamervragen" / GROUPED)
    assert "ISSN" not in doc.text
    assert "Aanhangsel 1" not in doc.text and "’s-Gravenhage" not in doc.text
    assert "ah-tk-20232024-1314" not in doc.text  # the footer id is the doc id, not text
    assert "\n2\n" not in doc.text  # the big '2' of the masthead
    # Hyphenation at line ends is undone; real hyphens stay.
    assert "regenboogprovincie\nte mogen noemen" in doc.text
    assert "lhbti-gemeenschap" in doc.text
    # Footnote 1 sits at the foot of page 1, in the middle of question 3; it moves to the end
    # of the block that cites it, and the question reads on without interruption.
    vraag1 = doc.sections[1].text
    assert "1 NOS, d.d. 1 maart 2024, «Kritiek op besluit provincie Friesland" in vraag1
    assert "https://nos.nl/artikel/2510977-kritiek-op-besluit-provincie-friesland" in vraag1
    grouped = doc.sections[3].text
    assert "waarde van dat predicaat dan nog?\nDeelt u de mening dat regenboogprovincies" in grouped
    assert "2 Movisie, d.d. maart 2022" in grouped
    # A URL broken over two lines is joined again.
    assert "220315_%20Regenboogbeleid%20provincies%202022.pdf" in grouped
    # Everything of every section is in the text, once.
    for section in doc.sections:
        for block in section.text.split("\n\n"):
            assert doc.text.count(block) == 1


def test_kamervragen_answer_for_two_separate_questions(fixtures: Path) -> None:
    doc = read_one(PdfReader(), fixtures / "kamervragen" / SPLIT)
    assert doc.id == "ah-tk-20232024-1481"
    assert doc.date == dt.date(2024, 4, 11)
    assert [(p.name, p.fractie) for p in doc.indieners] == [("Koekkoek", "Volt")]
    assert doc.afzender == "staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties"
    assert pairs(doc) == ["Vraag 1", "Vraag 2", "Vraag 3", "Vraag 4", "Vraag 5 en 6"]
    last = doc.sections[-1].text
    assert last.startswith("Vraag 5\nIn hoeverre kan een structurele vorm")
    assert "\n\nVraag 6\nKunt u inzage geven" in last
    assert "\n\nAntwoord 5 en 6\nHet kabinet beseft" in last


def test_kamervragen_mededeling_leaves_questions_unanswered(fixtures: Path) -> None:
    doc = read_one(PdfReader(), fixtures / "kamervragen" / MEDEDELING)
    assert doc.id == "ah-tk-20232024-1999"
    assert doc.type == KAMERVRAAG
    assert doc.date == dt.date(2024, 6, 7)  # "(ontvangen (ontvangen 7 juni 2024)"
    assert [(p.name, p.fractie) for p in doc.indieners] == [
        ("Sneller", "D66"),
        ("Chakor", "GroenLinks-PvdA"),
        ("Van Nispen", "SP"),
    ]
    assert doc.afzender == "minister van Binnenlandse Zaken en Koninkrijksrelaties"
    assert doc.extra["mededeling"] is True
    assert pairs(doc) == ["Vraag 1", "Vraag 2", "Vraag 3"]
    assert all("Antwoord" not in s.text for s in doc.sections if s.kind == "vraag-antwoord")
    mededeling = doc.sections[-1]
    assert (mededeling.kind, mededeling.title) == ("tekst", "Mededeling")
    assert "beantwoord middels een brief over Ambtelijke analyses" in mededeling.text


def test_kamervragen_from_2014(fixtures: Path) -> None:
    doc = read_one(PdfReader(), fixtures / "kamervragen" / OLD)
    assert doc.id == "ah-tk-20142015-698"
    assert doc.title == (
        "Vragen van het lid Bouwmeester (PvdA) aan de Minister van Volksgezondheid, Welzijn "
        "en Sport over onterechte ziekenhuisrekeningen"
    )
    assert doc.date == dt.date(2014, 11, 26)
    assert doc.vergaderjaar == "2014-2015"
    assert [(p.name, p.fractie) for p in doc.indieners] == [("Bouwmeester", "PvdA")]
    assert doc.afzender == "minister van Volksgezondheid, Welzijn en Sport"
    assert doc.ids == {"aanhangselnummer": "698"}  # not downloaded from the gegevensmagazijn
    assert pairs(doc) == ["Vraag 1", "Vraag 2 en 3", "Vraag 4", "Vraag 5", "Vraag 6"]
    assert "3 Kamerstuk, 28 828, nr. 70" in doc.sections[2].text
    # The preamble (who asked, who answered, when) is a section of its own for the chunker.
    assert doc.sections[0].kind == "tekst"
    assert "Antwoord van Minister Schippers" in doc.sections[0].text


def test_pdf_reader_leaves_no_log_handler_behind(fixtures: Path) -> None:
    logger = logging.getLogger("pypdf")
    before = list(logger.handlers)
    doc = read_one(PdfReader(), fixtures / "kamervragen" / GROUPED)
    assert logger.handlers == before
    # pypdf's notices (a font it cannot fully decode) are kept with the document.
    assert all(isinstance(w, str) and len(w) <= 200 for w in doc.extra.get("warnings", []))


@pytest.mark.parametrize(
    ("written", "numbers"),
    [
        ("3", (3,)),
        ("3, 4 en 5", (3, 4, 5)),
        ("7, 8, 9 10 en 11", (7, 8, 9, 10, 11)),
        ("2 t/m 4", (2, 3, 4)),
    ],
)
def test_parse_question_numbers(written: str, numbers: tuple[int, ...]) -> None:
    assert parse_numbers(written) == numbers


def test_answer_headings_with_op_vraag(tmp_path: Path) -> None:
    """'Antwoord op vraag 1' and 'Antwoord op vragen 2 en 3' pair like 'Antwoord 1'."""
    reader = PdfReader()
    blocks = [
        reader._heading(line, 0)
        for line in (
            "Vraag 1",
            "Antwoord op vraag 1",
            "Vraag 2",
            "Vraag 3",
            "Antwoord op vragen 2 en 3",
        )
    ]
    assert all(block is not None for block in blocks)
    sections = reader._sections([b for b in blocks if b is not None])
    assert [s.title for s in sections] == ["Vraag 1", "Vraag 2 en 3"]


def text_pdf(path: Path, pages: list[list[str]]) -> bytes:
    """A small PDF with a real text layer (Helvetica), one line per string."""
    writer = PdfWriter()
    for lines in pages:
        page = writer.add_blank_page(width=595, height=842)
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        escaped = [
            line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines
        ]
        operators = " ".join(f"({line}) Tj T*" for line in escaped)
        stream = ContentStream(None, writer)
        stream.set_data(f"BT /F1 10 Tf 14 TL 50 800 Td {operators} ET".encode("cp1252"))
        page.replace_contents(stream)
    writer.write(path)
    return path.read_bytes()


def test_pdf_letter(tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    data = text_pdf(
        path,
        [
            [
                "Onze referentie 4455",
                "De Minister van Asiel en Migratie",
                "Aan de Voorzitter van de Tweede Kamer",
                "Datum 3 februari 2025",
                "Betreft Voortgang opvang (€ 5 mln)",
                "Geachte voorzitter,",
                "Hierbij informeer ik u over de opvang.",
                "Pagina 1 van 2",
            ],
            [
                "Onze referentie 4455",
                "Ik kom voor de zomer op dit onderwerp terug.",
                "Pagina 2 van 2",
            ],
        ],
    )
    doc = read_one(PdfReader(), path)
    assert doc.id == f"pdf-{hashlib.sha1(data).hexdigest()[:12]}"
    assert doc.url is None
    assert doc.type == BRIEF
    assert doc.title == "Voortgang opvang (€ 5 mln)"
    assert doc.date == dt.date(2025, 2, 3)
    assert doc.afzender == "De Minister van Asiel en Migratie"
    assert doc.ids == {"referentie": "4455"}
    assert doc.sections == []
    # The running head stays once; page numbers go.
    assert doc.text.count("Onze referentie 4455") == 1
    assert "Pagina" not in doc.text
    assert doc.text.endswith("Ik kom voor de zomer op dit onderwerp terug.")


def test_pdf_questions_without_aanhangsel_layout(tmp_path: Path) -> None:
    path = tmp_path / "beantwoording.pdf"
    text_pdf(
        path,
        [
            [
                "Vraag 1",
                "Bent u bekend met het bericht?",
                "Antwoord op vraag 1",
                "Ja.",
                "Vraag 2",
                "Wat gaat u doen?",
                "Vraag 3",
                "Wanneer?",
                "Antwoord op vragen 2 en 3",
                "Ik stuur de Kamer voor de zomer een brief.",
                "Vraag 4",
                "Bent u bereid deze vragen te beantwoorden?",
            ]
        ],
    )
    doc = read_one(PdfReader(), path)
    assert doc.type == KAMERVRAAG
    assert re.fullmatch(r"pdf-[0-9a-f]{12}", doc.id)
    assert pairs(doc) == ["Vraag 1", "Vraag 2 en 3", "Vraag 4"]
    assert doc.sections[1].text == (
        "Vraag 2\nWat gaat u doen?\n\nVraag 3\nWanneer?\n\n"
        "Antwoord op vragen 2 en 3\nIk stuur de Kamer voor de zomer een brief."
    )
    assert doc.sections[2].text == "Vraag 4\nBent u bereid deze vragen te beantwoorden?"


# -- PDF: bad input -----------------------------------------------------------------------------


def test_truncated_pdf_is_rejected(fixtures: Path, tmp_path: Path) -> None:
    path = tmp_path / "afgebroken.pdf"
    path.write_bytes((fixtures / "kamervragen" / GROUPED).read_bytes()[:5000])
    assert PdfReader().sniff(path, path.read_bytes()[:4096])
    with pytest.raises(RejectedFile, match="^beschadigde PDF"):
        list(PdfReader().read(path))


def test_pdf_without_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(path)
    with pytest.raises(RejectedFile, match=r"geen tekst gevonden \(gescande PDF"):
        list(PdfReader().read(path))


def test_encrypted_pdf_is_rejected(fixtures: Path, tmp_path: Path) -> None:
    path = tmp_path / "geheim.pdf"
    writer = PdfWriter(clone_from=fixtures / "kamervragen" / MEDEDELING)
    writer.encrypt(user_password="geheim", owner_password="eigenaar", algorithm="RC4-128")
    writer.write(path)
    with pytest.raises(RejectedFile, match="versleutelde PDF"):
        list(PdfReader().read(path))


def test_pdf_with_only_an_owner_password_is_read(fixtures: Path, tmp_path: Path) -> None:
    path = tmp_path / "beveiligd.pdf"
    writer = PdfWriter(clone_from=fixtures / "kamervragen" / MEDEDELING)
    writer.encrypt(user_password="", owner_password="eigenaar", algorithm="RC4-128")
    writer.write(path)
    assert read_one(PdfReader(), path).id == "ah-tk-20232024-1999"


def test_empty_pdf_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "leeg.pdf"
    path.write_bytes(b"")
    assert not PdfReader().sniff(path, b"")
    with pytest.raises(RejectedFile, match="^leeg bestand$"):
        list(PdfReader().read(path))


# -- Plain text ---------------------------------------------------------------------------------


def test_nota(fixtures: Path) -> None:
    path = fixtures / "nota" / NOTA_FILE
    assert TextReader().sniff(path, path.read_bytes()[:4096])
    doc = read_one(TextReader(), path)
    assert doc.id == "nota-2026-03-27-voortgang-implementatie-asiel-en-migratiepact"
    assert doc.type == NOTA
    assert doc.title == "Voortgang implementatie Asiel- en Migratiepact"
    assert doc.date == dt.date(2026, 3, 27)
    assert doc.afzender == "De Minister van Asiel en Migratie"
    assert doc.ids == {"referentie": "7014576"}
    assert doc.extra["encoding"] == "utf-8"
    assert [s.title for s in doc.sections] == [
        "1. Aanleiding",
        "2. Geadviseerd besluit",
        "3. Kernpunten",
        "4.1. Politieke context",
        "5. Informatie die niet openbaar gemaakt kan worden",
    ]
    assert all(s.kind == "tekst" for s in doc.sections)
    # The letterhead is no section; an empty chapter heading is carried into the next one.
    assert not any("Postbus" in s.text for s in doc.sections)
    assert doc.sections[3].text.startswith("4. Toelichting\n\n4.1. Politieke context\n\nMet deze")
    # Footnotes stay in the text, and travel with the section that cites them.
    assert "¹ Tweede Kamer, vergaderjaar 2025-2026, 32 317, nr. 913" in doc.text
    assert doc.extra["footnotes"] == {
        "1": "Tweede Kamer, vergaderjaar 2025-2026, 32 317, nr. 913",
        "2": "Tweede Kamer, vergaderjaar 2025-2026, 19 637 nr. 3522",
    }
    aanleiding = doc.sections[0].text
    assert "uitvoering gegeven aan de motie¹ van leden Podt (D66)" in aanleiding
    assert aanleiding.endswith(
        "¹ Tweede Kamer, vergaderjaar 2025-2026, 32 317, nr. 913\n"
        "² Tweede Kamer, vergaderjaar 2025-2026, 19 637 nr. 3522"
    )
    assert "nr. 913" not in doc.sections[-1].text


def test_markdown_letter(tmp_path: Path) -> None:
    path = tmp_path / "brief.md"
    path.write_text(
        "Kamerbrief\n\n# Stand van zaken opvang\n\nDatum: 3 februari 2025\nOns kenmerk: 123-45\n\n"
        "## Inleiding\n\nHierbij informeer ik uw Kamer over de opvang, zoals toegezegd[^1].\n\n"
        "## Vervolg\n\nIk kom voor de zomer terug op dit onderwerp.\n\n"
        "[^1]: Kamerstuk 19 637, nr. 3100\n",
        encoding="utf-8",
    )
    doc = read_one(TextReader(), path)
    assert doc.type == BRIEF
    assert doc.title == "Stand van zaken opvang"
    assert doc.date == dt.date(2025, 2, 3)
    assert doc.id == "brief-2025-02-03-stand-van-zaken-opvang"
    assert doc.ids == {"kenmerk": "123-45"}
    assert [s.title for s in doc.sections] == ["Inleiding", "Vervolg"]
    assert doc.sections[0].text.startswith("# Stand van zaken opvang\n\n## Inleiding\n\nHierbij")
    assert doc.sections[0].text.endswith("[^1]: Kamerstuk 19 637, nr. 3100")
    assert "[^1]:" not in doc.sections[1].text


def test_text_without_title_gets_a_hash_id(tmp_path: Path) -> None:
    path = tmp_path / "notitie.txt"
    path.write_text("Wat korte aantekeningen zonder kop.\n", encoding="utf-8")
    doc = read_one(TextReader(), path)
    assert re.fullmatch(r"tekst-[0-9a-f]{12}", doc.id)
    assert doc.type == DOCUMENT
    assert doc.title == "Wat korte aantekeningen zonder kop."
    assert doc.sections == []


def test_cp1252_text_is_decoded_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "oud.txt"
    path.write_bytes(
        "Brief over de financiële bijdrage van € 5 miljoen, ideeën.\n".encode("cp1252")
    )
    assert TextReader().sniff(path, path.read_bytes())
    doc = read_one(TextReader(), path)
    assert doc.extra["encoding"] == "cp1252"
    assert "financiële bijdrage van € 5 miljoen, ideeën" in doc.text


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfnota\n\nTitel met BOM\n")
    doc = read_one(TextReader(), path)
    assert doc.extra["encoding"] == "utf-8-sig"
    assert doc.text.startswith("nota")
    assert doc.title == "Titel met BOM"


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "])
def test_empty_text_is_rejected(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "leeg.txt"
    path.write_bytes(content)
    with pytest.raises(RejectedFile, match="^leeg bestand$"):
        list(TextReader().read(path))


def test_binary_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "plaatje.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert not TextReader().sniff(path, path.read_bytes())
    with pytest.raises(RejectedFile, match="^binair bestand"):
        list(TextReader().read(path))


@pytest.mark.parametrize(
    "head",
    [b'<?xml version="1.0"?><TEI/>', b"  <html>", b'{"value": []}', b"[1, 2]", b"%PDF-1.7\n"],
)
def test_text_reader_leaves_structured_formats_alone(tmp_path: Path, head: bytes) -> None:
    assert not TextReader().sniff(tmp_path / "x", head)


# -- DOCX ---------------------------------------------------------------------------------------

FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote>"
    '<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Tweede Kamer, vergaderjaar '
    "2025-2026, 32 317, nr. 913</w:t></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)


def add_footnotes_part(path: Path) -> None:
    """python-docx writes no footnotes: add word/footnotes.xml as Word does."""
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    files["word/footnotes.xml"] = FOOTNOTES_XML.encode()
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/word/footnotes.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
    )
    files["word/_rels/document.xml.rels"] = files["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)


@pytest.fixture
def nota_docx(fixtures: Path, tmp_path: Path) -> Path:
    """The nota as a ministry would write it in Word, built from the real nota text."""
    nota = (fixtures / "nota" / NOTA_FILE).read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in nota.split("\n\n") if p.strip()]
    document = docx.Document()
    document.core_properties.title = "Kern-titel uit eigenschappen"
    for line in ("De Minister van Asiel en Migratie", "Directoraat-Generaal Migratie", "nota"):
        document.add_paragraph(line)
    document.add_heading("Voortgang implementatie Asiel- en Migratiepact", level=0)
    document.add_paragraph("Datum 27 maart 2026")
    document.add_paragraph("Onze referentie 7014576")
    for text in paragraphs[paragraphs.index("1. Aanleiding") :]:
        if text.startswith(("¹", "²")):
            continue
        if re.match(r"^\d\.(\d\.)? [A-Z]", text):
            document.add_heading(text, level=2 if text.startswith("4.1") else 1)
        elif "motie¹" in text:
            before, after = text.split("¹", 1)
            paragraph = document.add_paragraph(before.replace("20 maart²", "20 maart"))
            reference = OxmlElement("w:footnoteReference")
            reference.set(qn("w:id"), "1")
            paragraph.add_run()._r.append(reference)
            paragraph.add_run(after.replace("20 maart²", "20 maart"))
        else:
            document.add_paragraph(text)
    table = document.add_table(rows=2, cols=2)
    for row, cells in enumerate([("Onderdeel", "Stand"), ("Screening", "Op schema")]):
        for column, value in enumerate(cells):
            table.cell(row, column).text = value
    path = tmp_path / "nota.docx"
    document.save(str(path))
    add_footnotes_part(path)
    return path


def test_docx_nota(nota_docx: Path) -> None:
    assert DocxReader().sniff(nota_docx, nota_docx.read_bytes()[:4096])
    assert not TextReader().sniff(nota_docx, nota_docx.read_bytes()[:4096])
    doc = read_one(DocxReader(), nota_docx)
    assert doc.id == "doc-voortgang-implementatie-asiel-en-migratiepact-2026-03-27"
    assert doc.type == NOTA
    assert doc.title == "Voortgang implementatie Asiel- en Migratiepact"
    assert doc.date == dt.date(2026, 3, 27)
    assert doc.afzender == "De Minister van Asiel en Migratie"
    assert doc.ids == {"referentie": "7014576"}
    assert [s.title for s in doc.sections] == [
        "1. Aanleiding",
        "2. Geadviseerd besluit",
        "3. Kernpunten",
        "4.1. Politieke context",
        "5. Informatie die niet openbaar gemaakt kan worden",
    ]
    assert doc.sections[3].text.startswith("4. Toelichting\n\n4.1. Politieke context\n\nMet")
    assert "Onderdeel | Stand\nScreening | Op schema" in doc.sections[-1].text
    # The Word footnote becomes a marker and a footnote line, as in the plain-text nota.
    assert "uitvoering gegeven aan de motie¹ van leden Podt" in doc.text
    assert doc.text.endswith("¹ Tweede Kamer, vergaderjaar 2025-2026, 32 317, nr. 913")
    assert doc.sections[0].text.endswith("¹ Tweede Kamer, vergaderjaar 2025-2026, 32 317, nr. 913")
    assert doc.extra["footnotes"] == {"1": "Tweede Kamer, vergaderjaar 2025-2026, 32 317, nr. 913"}


def test_docx_title_falls_back_to_core_properties_and_hash_id(tmp_path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = "Notitie over toezeggingen"
    document.add_paragraph("Een alinea zonder datum en zonder kop.")
    path = tmp_path / "notitie.docx"
    document.save(str(path))
    doc = read_one(DocxReader(), path)
    assert doc.title == "Notitie over toezeggingen"
    assert doc.id == "doc-notitie-over-toezeggingen"
    assert doc.date is None

    untitled = tmp_path / "zonder-titel.docx"
    bare = docx.Document()
    bare.add_paragraph("Alleen tekst.")
    bare.save(str(untitled))
    assert re.fullmatch(r"doc-[0-9a-f]{12}", read_one(DocxReader(), untitled).id)


def test_zip_without_word_document_is_no_docx(tmp_path: Path) -> None:
    path = tmp_path / "archief.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "geen Word")
    assert not DocxReader().sniff(path, path.read_bytes()[:4096])


def test_corrupt_docx_is_rejected(nota_docx: Path, tmp_path: Path) -> None:
    path = tmp_path / "kapot.docx"
    path.write_bytes(nota_docx.read_bytes()[:600])
    with pytest.raises(RejectedFile, match="^beschadigd Word-bestand"):
        list(DocxReader().read(path))


def test_empty_docx_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "leeg.docx"
    path.write_bytes(b"")
    with pytest.raises(RejectedFile, match="^leeg bestand$"):
        list(DocxReader().read(path))


# -- ParlaMint TEI ------------------------------------------------------------------------------


def test_parlamint_debate(fixtures: Path) -> None:
    path = fixtures / "tei" / TEI_FILE
    assert TeiReader().sniff(path, path.read_bytes()[:4096])
    doc = read_one(TeiReader(), path)
    assert doc.id == "parlamint-nl-2022-01-20-tweedekamer-5"
    assert doc.ids == {"parlamint": "ParlaMint-NL_2022-01-20-tweedekamer-5"}
    assert doc.type == HANDELINGEN
    assert doc.title == "Informele Energieraad d.d. 21 en 22 januari 2022"
    assert doc.date == dt.date(2022, 1, 20)
    assert doc.vergaderjaar == "2021-2022"
    turns = [s for s in doc.sections if s.kind == "spreekbeurt"]
    assert len(turns) == 122  # one per <u>
    assert all(s.title == doc.title for s in doc.sections)
    chair, leijten = turns[0], turns[1]
    assert chair.speaker is not None and leijten.speaker is not None
    assert (chair.speaker.name, chair.speaker.fractie, chair.speaker.role) == (
        "De voorzitter",
        None,
        "voorzitter",
    )
    assert (leijten.speaker.name, leijten.speaker.fractie) == ("Mevrouw Leijten", "SP")
    assert leijten.text.startswith("Voorzitter. Toen de heer Jetten zijn maidenspeech hield")
    names = {(s.speaker.name, s.speaker.fractie) for s in turns if s.speaker}
    assert ("De heer Erkens", "VVD") in names  # @who says #ArdaGerkens: the note is right
    assert ("Minister Jetten", None) in names
    # Procedural notes between the turns are kept, without a speaker.
    notes = [s.text for s in doc.sections if s.kind == "tekst"]
    assert "De beraadslaging wordt gesloten." in notes
    assert len(notes) == 7


def test_parlamint_moties_stay_in_the_speech(fixtures: Path) -> None:
    doc = read_one(TeiReader(), fixtures / "tei" / TEI_FILE)
    leijten = doc.sections[1]
    assert leijten.text.endswith(
        "Deze motie is voorgesteld door het lid Leijten.\nZij krijgt nr. kst-21501-33-905"
    )
    assert "\n\nMotie\nDe Kamer,\ngehoord de beraadslaging,\n" in leijten.text
    numbers = [
        (s.speaker.name if s.speaker else None, number)
        for s in doc.sections
        for number in re.findall(r"kst-21501-33-\d+", s.text)
    ]
    assert numbers == [
        ("Mevrouw Leijten", "kst-21501-33-905"),
        ("De heer Erkens", "kst-21501-33-906"),
        ("De heer Erkens", "kst-21501-33-907"),
        ("Mevrouw Kröger", "kst-21501-33-908"),
        ("Mevrouw Kröger", "kst-21501-33-909"),
        ("Mevrouw Van der Plas", "kst-21501-33-910"),
        ("De heer Boucke", "kst-21501-33-911"),
        ("De heer Boucke", "kst-21501-33-912"),
    ]
    assert "Mevrouw Leijten (SP):\nVoorzitter. Toen de heer Jetten" in doc.text
    assert doc.text.count("kst-21501-33-") == 8


def test_bad_tei_is_rejected(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.xml"
    broken.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text>', encoding="utf-8")
    with pytest.raises(RejectedFile, match="^ongeldige XML"):
        list(TeiReader().read(broken))
    empty = tmp_path / "leeg.xml"
    empty.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div/></body></text></TEI>',
        encoding="utf-8",
    )
    with pytest.raises(RejectedFile, match="zonder spreekbeurten"):
        list(TeiReader().read(empty))
