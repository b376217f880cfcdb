"""Hostile or odd input (issue #12): each bad file is refused or skipped on its own, in bounded
time, with a Dutch reason, and the rest of the batch is ingested."""

from __future__ import annotations

import io
import os
import shutil
import time
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from assistant.compose import build_services
from assistant.documents import Document
from assistant.embed import HashEmbedder
from assistant.errors import KamerError
from assistant.settings import Settings
from assistant.store import Store
from assistant.ui.uploads import ingest_uploads, upload_folder
from ingest.detect import default_readers
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
