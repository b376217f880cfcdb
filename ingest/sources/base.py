"""The seam every format reader implements."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from assistant.documents import Document
from assistant.errors import RejectedFile


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
