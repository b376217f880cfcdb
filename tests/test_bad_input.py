"""Hostile or odd input (issue #12): each bad file is refused or skipped on its own, in bounded
time, with a Dutch reason, and the rest of the batch is ingested."""

from __future__ import annotations

import codecs
import io
import json
import os
import shutil
import time
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from assistant.ask import Conversation
from assistant.compose import build_services
from assistant.documents import Document
from assistant.embed import HashEmbedder
from assistant.errors import KamerError, RejectedFile
from assistant.render import render_report
from assistant.settings import Settings
from assistant.store import Store
from assistant.ui.uploads import ingest_uploads, upload_folder
from ingest.detect import choose_reader, default_readers
from ingest.pipeline import (
    INGESTED,
    REJECTED,
    SKIPPED,
    UNCHANGED,
    FileOutcome,
    Ingestor,
    IngestReport,
)
from ingest.sources import base
from ingest.sources.base import READ_WARNING
from ingest.sources.odata import ODataReader
from ingest.sources.text import TextReader

MOTIE = "326ecaea-dcf2-47b4-b84b-6670a3caf34c.xml"
WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def ingest(store: Store, settings: Settings, *paths: Path) -> IngestReport:
    return Ingestor(store, HashEmbedder(), settings).run(list(paths))


def outcomes(report: IngestReport) -> dict[str, FileOutcome]:
    return {Path(f.path).name: f for f in report.files}


def folder_with_motie(tmp_path: Path, fixtures: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copyfile(fixtures / "xml" / MOTIE, folder / "motie.xml")
    return folder


def write_bomb_docx(path: Path, megabytes: int = 120) -> None:
    """A real DOCX whose word/document.xml inflates to `megabytes` of tiny paragraphs (under
    1 MB on disk), written in blocks so that the test stays fast."""
    blank = io.BytesIO()
    docx.Document().save(blank)
    paragraph = b"<w:p><w:r><w:t>bom</w:t></w:r></w:p>"
    block = paragraph * ((1 << 20) // len(paragraph))
    with (
        zipfile.ZipFile(blank) as template,
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        for info in template.infolist():
            if info.filename != "word/document.xml":
                archive.writestr(info, template.read(info))
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(f'<w:document xmlns:w="{WORD_NS}"><w:body>'.encode())
            for _ in range(megabytes):
                member.write(block)
            member.write(b"</w:body></w:document>")


def test_zip_bomb_docx_is_refused_quickly(
    store: Store, settings: Settings, fixtures: Path, tmp_path: Path
) -> None:
    folder = folder_with_motie(tmp_path, fixtures)
    write_bomb_docx(folder / "bom.docx")
    assert (folder / "bom.docx").stat().st_size < 1024 * 1024
    started = time.monotonic()
    report = ingest(store, settings, folder)
    assert time.monotonic() - started < 20
    result = outcomes(report)
    assert result["bom.docx"].status == REJECTED
    assert "zip-bom" in result["bom.docx"].reason
    assert result["motie.xml"].status == INGESTED


def test_archive_larger_than_the_unpacked_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(base, "MAX_UNPACKED_MB", 1)
    path = tmp_path / "groot.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("word/document.xml", os.urandom(2 * 1024 * 1024))
    with (
        zipfile.ZipFile(path) as archive,
        pytest.raises(base.RejectedFile, match="^uitgepakt groter dan 1 MB"),
    ):
        base.check_archive(archive)


def test_member_read_is_capped(tmp_path: Path) -> None:
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/footnotes.xml", b" " * (2 * base.MB))
    with zipfile.ZipFile(path) as archive:
        with pytest.raises(base.RejectedFile, match="^word/footnotes.xml: uitgepakt groter"):
            base.read_member(archive, "word/footnotes.xml", limit=base.MB)
        assert len(base.read_member(archive, "word/footnotes.xml")) == 2 * base.MB


def test_text_beyond_the_limit_is_refused(
    store: Store,
    settings: Settings,
    fixtures: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(base, "MAX_TEXT_MB", 1)
    folder = folder_with_motie(tmp_path, fixtures)
    (folder / "lang.txt").write_text("Nota over de dijken\n\n" + "woord " * 300_000)
    result = outcomes(ingest(store, settings, folder))
    assert result["lang.txt"].status == REJECTED and "MB tekst" in result["lang.txt"].reason
    assert result["motie.xml"].status == INGESTED


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("diep.json", b"[" * 200_000),
        ("diep.xml", b"<officiele-publicatie>" + b"<a>" * 200_000),
        ("kapot.docx", b"PK\x03\x04" + b"\x00" * 200),
    ],
)
def test_any_reader_error_refuses_only_that_file(
    store: Store,
    settings: Settings,
    fixtures: Path,
    tmp_path: Path,
    name: str,
    content: bytes,
) -> None:
    folder = folder_with_motie(tmp_path, fixtures)
    (folder / name).write_bytes(content)
    result = outcomes(ingest(store, settings, folder))
    assert result[name].status == REJECTED
    assert "Traceback" not in result[name].reason and ".py" not in result[name].reason
    assert result["motie.xml"].status == INGESTED


class RaisingReader:
    """Reads *.boom files by raising the given error, as a reader tripping over its input."""

    name = "boom"

    def __init__(self, error: BaseException) -> None:
        self.error = error

    def sniff(self, path: Path, head: bytes) -> bool:
        return path.suffix == ".boom"

    def read(self, path: Path) -> Iterator[Document]:
        raise self.error


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (RecursionError(), "te diep geneste structuur, niet te lezen"),
        (MemoryError(), "te groot om in het geheugen te lezen"),
        (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "x"), "ongeldige tekens"),
        (zipfile.BadZipFile("Bad CRC-32"), "beschadigd zip-bestand"),
        (ET.ParseError("mismatched tag"), "ongeldige XML"),
        (RuntimeError("/usr/lib/python3/x.py line 3"), "onleesbaar (RuntimeError)"),
    ],
)
def test_every_reader_error_is_a_dutch_reason(
    store: Store,
    settings: Settings,
    fixtures: Path,
    tmp_path: Path,
    error: Exception,
    reason: str,
) -> None:
    folder = folder_with_motie(tmp_path, fixtures)
    (folder / "x.boom").write_text("boem")
    readers = [RaisingReader(error), *default_readers()]
    report = Ingestor(store, HashEmbedder(), settings, readers=readers).run([folder])
    result = outcomes(report)
    assert result["x.boom"].status == REJECTED and result["x.boom"].reason.startswith(reason)
    assert "/" not in result["x.boom"].reason
    assert result["motie.xml"].status == INGESTED


@pytest.mark.parametrize("error", [KeyboardInterrupt(), SystemExit(1)])
def test_interrupts_still_stop_the_ingest(
    store: Store, settings: Settings, fixtures: Path, tmp_path: Path, error: BaseException
) -> None:
    folder = folder_with_motie(tmp_path, fixtures)
    (folder / "x.boom").write_text("boem")
    readers = [RaisingReader(error), *default_readers()]
    with pytest.raises(type(error)):
        Ingestor(store, HashEmbedder(), settings, readers=readers).run([folder])


def test_name_that_is_not_utf8_does_not_stop_the_ingest(
    store: Store, settings: Settings, fixtures: Path, tmp_path: Path
) -> None:
    folder = folder_with_motie(tmp_path, fixtures)
    odd = folder / os.fsdecode(b"bad\xff\xfename.txt")  # the odd bytes kept as surrogates
    odd.write_bytes(b"Nota over de sluizen\n\nDe minister informeert de Kamer over de sluizen.")
    report = ingest(store, settings, folder)
    result = outcomes(report)
    assert result["motie.xml"].status == INGESTED
    assert result["bad\\xff\\xfename.txt"].status == INGESTED
    for outcome in report.files:
        outcome.path.encode("utf-8")  # printable as it is
    (doc_id,) = result["bad\\xff\\xfename.txt"].doc_ids
    doc = store.get_document(doc_id)
    assert doc is not None and doc.source.endswith("bad\\xff\\xfename.txt")
    again = outcomes(ingest(store, settings, folder))  # the file log knows it under that name
    assert again["bad\\xff\\xfename.txt"].status == UNCHANGED


def test_fifo_is_skipped_not_read(
    store: Store, settings: Settings, fixtures: Path, tmp_path: Path
) -> None:
    folder = folder_with_motie(tmp_path, fixtures)
    os.mkfifo(folder / "pijp.txt")
    os.mkfifo(tmp_path / "los.txt")
    report = ingest(store, settings, folder, tmp_path / "los.txt")
    result = outcomes(report)
    for name in ("pijp.txt", "los.txt"):
        assert result[name].status == SKIPPED and "geen gewoon bestand" in result[name].reason
    assert result["motie.xml"].status == INGESTED


def test_device_is_skipped_not_read(
    store: Store, settings: Settings, fixtures: Path, tmp_path: Path
) -> None:
    folder = folder_with_motie(tmp_path, fixtures)
    report = ingest(store, settings, Path("/dev/zero"), folder)
    assert outcomes(report)["zero"] == FileOutcome(
        "/dev/zero", SKIPPED, "geen gewoon bestand (apparaat, FIFO of socket)"
    )
    assert outcomes(report)["motie.xml"].status == INGESTED


def test_symlink_to_a_file_is_still_followed(
    store: Store, settings: Settings, fixtures: Path, tmp_path: Path
) -> None:
    (tmp_path / "link.xml").symlink_to(fixtures / "xml" / MOTIE)
    assert outcomes(ingest(store, settings, tmp_path / "link.xml"))["link.xml"].status == INGESTED


# -- uploads in the app -------------------------------------------------------------------------


def test_refused_uploads_leave_nothing_behind(settings: Settings, tmp_path: Path) -> None:
    built = build_services(settings, embedder=HashEmbedder())
    bomb = tmp_path / "bom.docx"
    write_bomb_docx(bomb)
    text = b"Nota over de dijken\n\nDe minister zal de Kamer informeren over de dijken."
    rows = ingest_uploads(
        built,
        [("diep.json", b"[" * 200_000), ("bom.docx", bomb.read_bytes()), ("dijken.txt", text)],
    )
    by_name = {row["bestand"]: row for row in rows}
    assert by_name["diep.json"]["resultaat"] == "geweigerd"
    assert by_name["diep.json"]["reden"] == "te diep geneste structuur, niet te lezen"
    assert "zip-bom" in by_name["bom.docx"]["reden"]
    assert by_name["dijken.txt"]["resultaat"] == "ingelezen"
    assert [p.name.split("-")[0] for p in upload_folder(built).iterdir()] == ["dijken"]


class BrokenEmbedder(HashEmbedder):
    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        raise RuntimeError("/usr/lib/python3/site-packages/model.py: CUDA out of memory")


def test_failed_upload_ingest_is_a_dutch_error_and_leaves_nothing(settings: Settings) -> None:
    built = build_services(settings, embedder=BrokenEmbedder())
    text = b"Nota over de dijken\n\nDe minister zal de Kamer informeren over de dijken."
    with pytest.raises(KamerError, match="^onverwachte fout bij het inlezen") as caught:
        ingest_uploads(built, [("dijken.txt", text)])
    assert ".py" not in str(caught.value)
    assert list(upload_folder(built).iterdir()) == []


# -- text encodings ------------------------------------------------------------------------------

NOTA_TEXT = "Nota over de financiële bijdrage\n\nDe minister trekt € 5 miljoen uit voor ideeën.\n"
# Lines saved by different editors into one file: UTF-8 first, then Windows-1252.
TITLE, BODY = NOTA_TEXT.split("\n\n")
MIXED = f"{TITLE}\n\n".encode() + BODY.encode("cp1252")


@pytest.mark.parametrize(
    ("data", "encoding", "fallback"),
    [
        pytest.param(NOTA_TEXT.encode(), "utf-8", None, id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + NOTA_TEXT.encode(), "utf-8-sig", None, id="utf-8-bom"),
        pytest.param(
            codecs.BOM_UTF16_LE + NOTA_TEXT.encode("utf-16-le"), "utf-16", None, id="16le-bom"
        ),
        pytest.param(
            codecs.BOM_UTF16_BE + NOTA_TEXT.encode("utf-16-be"), "utf-16", None, id="16be-bom"
        ),
        pytest.param(
            codecs.BOM_UTF32_LE + NOTA_TEXT.encode("utf-32-le"), "utf-32", None, id="32le-bom"
        ),
        pytest.param(
            codecs.BOM_UTF32_BE + NOTA_TEXT.encode("utf-32-be"), "utf-32", None, id="32be-bom"
        ),
        pytest.param(
            NOTA_TEXT.encode("utf-16-le"), "utf-16-le", "UTF-16LE (zonder BOM)", id="16le"
        ),
        pytest.param(
            NOTA_TEXT.encode("utf-16-be"), "utf-16-be", "UTF-16BE (zonder BOM)", id="16be"
        ),
        pytest.param(
            NOTA_TEXT.encode("utf-32-le"), "utf-32-le", "UTF-32LE (zonder BOM)", id="32le"
        ),
        pytest.param(
            NOTA_TEXT.encode("utf-32-be"), "utf-32-be", "UTF-32BE (zonder BOM)", id="32be"
        ),
        pytest.param(NOTA_TEXT.encode("cp1252"), "cp1252", "Windows-1252", id="cp1252"),
        pytest.param(MIXED, "utf-8+cp1252", "UTF-8 gemengd met Windows-1252", id="mixed"),
    ],
)
def test_text_encodings_are_detected_and_a_fallback_says_which(
    tmp_path: Path, data: bytes, encoding: str, fallback: str | None
) -> None:
    path = tmp_path / "nota.txt"
    path.write_bytes(data)
    assert isinstance(choose_reader(path, default_readers()), TextReader)
    [doc] = TextReader().read(path)
    assert doc.text == NOTA_TEXT.strip()
    assert doc.extra["encoding"] == encoding
    warning = f"gelezen als {fallback}; controleer speciale tekens" if fallback else None
    assert doc.extra.get(READ_WARNING) == warning


def test_ascii_in_utf_16_is_not_taken_for_utf_8(tmp_path: Path) -> None:
    path = tmp_path / "nota.txt"
    path.write_bytes(
        "Nota over de dijken\n\nDe minister informeert de Kamer.\n".encode("utf-16-be")
    )
    [doc] = TextReader().read(path)  # NUL bytes and all, this is valid UTF-8 as well
    assert doc.text == "Nota over de dijken\n\nDe minister informeert de Kamer."
    assert doc.extra["encoding"] == "utf-16-be"


def test_bytes_that_windows_1252_leaves_undefined_are_read_as_latin_1(tmp_path: Path) -> None:
    path = tmp_path / "oud.txt"
    path.write_bytes(b"Nota over het caf\xe9\n\nEen teken \x81 dat Windows-1252 niet kent.\n")
    [doc] = TextReader().read(path)
    assert doc.text.startswith("Nota over het café")
    assert doc.extra["encoding"] == "latin-1"
    assert doc.extra[READ_WARNING] == "gelezen als Latin-1; controleer speciale tekens"


def test_encoding_fallback_is_a_warning_in_the_ingest_report(
    store: Store, settings: Settings, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "oud.txt").write_bytes(NOTA_TEXT.encode("cp1252"))
    (folder / "goed.txt").write_text("Nota over de dijken\n\nDe minister informeert de Kamer.\n")
    report = ingest(store, settings, folder)
    result = outcomes(report)
    assert result["oud.txt"].status == INGESTED
    assert result["oud.txt"].warning == "gelezen als Windows-1252; controleer speciale tekens"
    assert result["goed.txt"].status == INGESTED and result["goed.txt"].warning == ""
    [doc_id] = result["oud.txt"].doc_ids
    doc = store.get_document(doc_id)
    assert doc is not None and "€ 5 miljoen uit voor ideeën" in doc.text
    assert READ_WARNING not in doc.extra  # a note for the report, not stored with the document
    rendered = render_report(report)
    assert rendered.endswith(
        f"Waarschuwingen:\n  {result['oud.txt'].path}: "
        "gelezen als Windows-1252; controleer speciale tekens"
    )


# -- OData fields of the wrong type --------------------------------------------------------------


def zaak(fixtures: Path, name: str) -> dict[str, object]:
    data = json.loads((fixtures / "odata" / "zaken" / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_odata_identifier_of_the_wrong_type_is_never_an_id_or_url(
    store: Store, settings: Settings, fixtures: Path, tmp_path: Path
) -> None:
    good = zaak(fixtures, "126e26e2-9937-4f52-bbf0-965d8155be95.json")
    # A Kamerstuk number of its own, but a Nummer that is an object: the motie stays, no zaak id.
    odd = {**zaak(fixtures, "90c78ee2-1121-4b38-9024-aaa7edc3e120.json"), "Nummer": {"x": 1}}
    # Nothing else to identify it: this record is left out, and the report says which one.
    lost = {"Id": "zaak-zonder-nummer", "Nummer": ["2024Z99999"], "Soort": "Motie"}
    page = tmp_path / "zaken.json"
    page.write_text(json.dumps({"value": [good, odd, lost]}), encoding="utf-8")

    report = ingest(store, settings, page)
    [outcome] = report.files
    assert outcome.status == INGESTED
    assert outcome.doc_ids == ["kst-19637-3185", "kst-32317-913"]
    assert outcome.warning == (
        "1 record overgeslagen: Zaak zonder Nummer (record 3, Id zaak-zonder-nummer)"
    )
    doc = store.get_document("kst-19637-3185")
    assert doc is not None and "zaak" not in doc.ids
    assert doc.url == "https://zoek.officielebekendmakingen.nl/kst-19637-3185.html"
    stored = [store.get_document(doc_id) for doc_id in outcome.doc_ids]
    assert "'x'" not in json.dumps([d.to_dict() for d in stored if d], ensure_ascii=False)
    assert store.get_document("2024Z99999") is None


def test_odata_text_fields_of_the_wrong_type_do_not_stop_the_ingest(
    store: Store, settings: Settings, fixtures: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    register = json.loads(
        (fixtures / "odata" / "toezeggingen" / "toezeggingen_constructed.json").read_text("utf-8")
    )
    register["value"][0].update({"Ministerie": {"x": 1}, "Functie": ["x"], "Status": 3})
    (folder / "toezeggingen.json").write_text(json.dumps(register), encoding="utf-8")
    odd = zaak(fixtures, "126e26e2-9937-4f52-bbf0-965d8155be95.json")
    odd.update({"Vergaderjaar": {"x": 1}, "Titel": ["x"], "Kabinetsappreciatie": {"x": 1}})
    (folder / "zaak.json").write_text(json.dumps(odd), encoding="utf-8")

    result = outcomes(ingest(store, settings, folder))
    assert result["toezeggingen.json"].status == INGESTED
    assert result["zaak.json"].status == INGESTED
    for doc_id in ("TZ202603-041", "kst-32317-913"):
        doc = store.get_document(doc_id)
        assert doc is not None and "'x'" not in json.dumps(doc.to_dict(), ensure_ascii=False)


def test_odata_document_and_toezegging_ids_must_be_text(fixtures: Path, tmp_path: Path) -> None:
    documents = tmp_path / "documenten.json"
    record = {"DocumentNummer": "2025D00001", "Id": ["lijst"], "Soort": "Brief regering"}
    wrong = {"DocumentNummer": {"x": 1}, "Id": "doc-2", "Soort": "Brief regering"}
    documents.write_text(json.dumps({"value": [record, wrong]}), encoding="utf-8")
    [doc] = ODataReader().read(documents)
    assert doc.id == "2025D00001" and doc.url is None and doc.ids == {"documentnummer": doc.id}
    assert doc.extra[READ_WARNING] == (
        "1 record overgeslagen: Document-record zonder DocumentNummer (record 2, Id doc-2)"
    )

    register = json.loads(
        (fixtures / "odata" / "toezeggingen" / "toezeggingen_constructed.json").read_text("utf-8")
    )
    register["value"][1]["Nummer"] = 42
    (tmp_path / "toezeggingen.json").write_text(json.dumps(register), encoding="utf-8")
    [doc] = ODataReader().read(tmp_path / "toezeggingen.json")
    assert doc.id == "TZ202603-041"
    assert doc.extra[READ_WARNING].startswith(
        "1 record overgeslagen: Toezegging zonder Nummer of Tekst (record 2"
    )

    register["value"] = register["value"][1:]
    (tmp_path / "een.json").write_text(json.dumps(register), encoding="utf-8")
    with pytest.raises(RejectedFile, match="^Toezegging zonder Nummer of Tekst"):
        list(ODataReader().read(tmp_path / "een.json"))


# -- empty questions -----------------------------------------------------------------------------


@pytest.mark.parametrize("question", ["", "   ", "\n\t"])
def test_empty_question_asks_for_one_without_searching(settings: Settings, question: str) -> None:
    built = build_services(settings, embedder=BrokenEmbedder())  # searching would raise
    conversation = Conversation()
    answer = built.answerer.ask(question, conversation)
    assert answer.answer.startswith("Stel een vraag, bijvoorbeeld:")
    assert answer.refused and not answer.citations
    assert conversation.turns == []
