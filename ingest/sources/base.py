"""The seam every format reader implements."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from assistant.documents import Document
from assistant.errors import RejectedFile

MB = 1024 * 1024
# Against decompression bombs (issue #12). KAMER_MAX_FILE_MB bounds a file as stored, but a zip
# member (a DOCX is a zip) or a PDF stream can inflate a thousandfold. Real documents stay far
# below these, so they are safety bounds rather than settings.
MAX_UNPACKED_MB = 200  # all members of one archive together
MAX_COMPRESSION_RATIO = 100  # for members above RATIO_FROM_BYTES; small ones may pack better
RATIO_FROM_BYTES = MB
MAX_TEXT_MB = 100  # text extracted from one file (counted in characters)
# A reader's note on how it read a file (an encoding it guessed, records it left out), set in
# Document.extra: the pipeline takes it out before storing and shows it with the file's outcome.
READ_WARNING = "read_warning"


class Reader(Protocol):
    """Reads one file format. `sniff` looks at content, not only the file name."""

    name: str

    def sniff(self, path: Path, head: bytes) -> bool:
        """True when this reader recognises the file from its first bytes (and name)."""
        ...

    def read(self, path: Path) -> Iterator[Document]:
        """Yield the documents in the file; raise RejectedFile with a Dutch reason."""
        ...


def read_nonempty(path: Path) -> bytes:
    """The file's bytes; RejectedFile when it cannot be read or holds only whitespace."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise RejectedFile(f"bestand niet leesbaar: {error.strerror or error}") from error
    if not data.strip():
        raise RejectedFile("leeg bestand")
    return data


def check_archive(archive: zipfile.ZipFile) -> None:
    """RejectedFile when the archive's members would inflate beyond the limits: decided from
    the sizes in the zip's directory, before anything is unpacked."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if total > MAX_UNPACKED_MB * MB:
            raise RejectedFile(f"uitgepakt groter dan {MAX_UNPACKED_MB} MB (zip-bom?)")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FROM_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise RejectedFile(
                f"{info.filename[:80]} pakt {ratio:.0f} keer zo groot uit "
                f"(maximaal {MAX_COMPRESSION_RATIO}; zip-bom?)"
            )


def read_member(archive: zipfile.ZipFile, name: str, limit: int | None = None) -> bytes:
    """A member's bytes, read through a capped stream: refused once past the limit, whatever
    the zip's directory claims."""
    limit = MAX_UNPACKED_MB * MB if limit is None else limit
    with archive.open(name) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise RejectedFile(f"{name[:80]}: uitgepakt groter dan {limit // MB} MB (zip-bom?)")
    return data


def check_text_size(chars: int) -> None:
    """RejectedFile when the text extracted from one file has grown past MAX_TEXT_MB."""
    if chars > MAX_TEXT_MB * MB:
        raise RejectedFile(f"levert meer dan {MAX_TEXT_MB} MB tekst op, te groot om in te lezen")
