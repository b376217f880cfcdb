"""The same ingest against a real Chroma server on localhost (how a team shares one index)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.embed import HashEmbedder
from assistant.errors import StoreError
from assistant.settings import Settings
from assistant.store import Store
from ingest.pipeline import Ingestor
from tests.servers import chroma_server_at


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[int]:
    with chroma_server_at(tmp_path / "server") as port:
        yield port


def test_ingest_into_chroma_server(chroma_server: int, fixtures: Path, tmp_path: Path) -> None:
    # The vectors on the server; records, file log and lock in the (shared) store folder.
    settings = Settings(
        store=tmp_path / "gedeeld", chroma_host="127.0.0.1", chroma_port=chroma_server
    )
    store = Store.open(settings)
    assert "127.0.0.1" in store.describe()
    report = Ingestor(store, HashEmbedder(), settings).run([fixtures / "xml"])
    assert report.ok
    # A second client (a colleague) sees the same index.
    other = Store.open(settings)
    doc = other.get_document("kst-32317-913")
    assert doc is not None and [p.name for p in doc.indieners] == ["Podt", "Rajkowski"]
    assert other.chunks.count() == store.chunks.count() > 0


def test_records_of_another_server_are_not_mixed_with_its_vectors(
    chroma_server: int, fixtures: Path, tmp_path: Path
) -> None:
    local = Settings(store=tmp_path / "map")
    assert Ingestor(Store.open(local), HashEmbedder(), local).run([fixtures / "xml"]).ok
    # The same folder, now pointed at a server whose collection holds none of its vectors.
    remote = Settings(store=tmp_path / "map", chroma_host="127.0.0.1", chroma_port=chroma_server)
    opened = Store.open(remote)
    assert opened.get_document("kst-32317-913") is not None  # the records read as before
    with pytest.raises(StoreError, match="andere vectorcollectie"):
        opened.chunks.count()
