"""Storage faults (#12 item 6): a read-only store still answers, a damaged file is named with
what to do, and a full disk stops an ingest cleanly and leaves the store readable.

Root ignores file permissions, and the tests run as root here: the read-only store is read by a
child process without the capabilities that let root pass them (setpriv), so the kernel refuses
its writes as it would any user's. A full disk is a real one: a small tmpfs, filled up.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from assistant.cli import Context, main
from assistant.embed import HashEmbedder
from assistant.errors import DiskFull
from assistant.records import FILE_NAME
from assistant.settings import PROJECT_ROOT, Settings
from assistant.store import CHROMA_FILE, Store
from ingest.pipeline import Ingestor, SilentProgress

FIXTURES = Path(__file__).parent / "fixtures"
MOTION = "kst-32317-913"
QUESTION = "Wat vraagt de motie over periodiek rapporteren?"
MORE = ("odata", "handelingen", "nota")

# Runs `kamer` commands (a JSON list of argument lists) as the tests in test_cli do, and prints
# per command: exit code, stdout, stderr and any exception other than SystemExit.
CHILD = """
import json, sys
from click.testing import CliRunner
from assistant.cli import Context, main
from assistant.embed import HashEmbedder
results = []
for args in json.loads(sys.argv[1]):
    r = CliRunner().invoke(main, args, obj=Context(embedder=HashEmbedder()))
    error = None if r.exception is None or isinstance(r.exception, SystemExit) else r.exception
    results.append([r.exit_code, r.stdout, r.stderr, repr(error) if error else None])
print(json.dumps(results))
"""
# The same for an ingest that fills the disk at a stage (`ingest_until_the_disk_fills`).
FILLING = """
import json, sys
from tests.test_storage_faults import ingest_until_the_disk_fills
print(json.dumps(ingest_until_the_disk_fills(*json.loads(sys.argv[1]))))
"""
# What lets root read and write any file, whatever its mode.
OVERRIDES = "-dac_override,-dac_read_search,-fowner"


def kamer(*commands: Any, obeying_permissions: bool = False, child: str = CHILD) -> list[list[Any]]:
    """Commands in a fresh process: no connection or Chroma client of this one is reused."""
    prefix: list[str] = []
    if obeying_permissions and os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("root ignores file permissions, and setpriv (util-linux) is missing")
        prefix = [setpriv, "--bounding-set", OVERRIDES]
    done = subprocess.run(
        [*prefix, sys.executable, "-c", child, json.dumps(commands)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    results: list[list[Any]] = json.loads(done.stdout.splitlines()[-1])
    return results


def run(*args: str, store: Path) -> Any:
    result = CliRunner().invoke(
        main, [*args, "--store", str(store)], obj=Context(embedder=HashEmbedder())
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def without(stats: str) -> dict[str, Any]:
    figures: dict[str, Any] = json.loads(stats)
    figures.pop("store")
    return figures


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[list[Any]]]:
    """A store written by a process that has ended (no -wal or -shm file left), and what it
    answers: stats, a motie report and a free question."""
    store = tmp_path_factory.mktemp("built") / "store"
    where = ["--store", str(store)]
    results = kamer(
        ["ingest", "--stil", str(FIXTURES / "xml"), str(FIXTURES / "odata" / "zaken"), *where],
        ["stats", "--json", *where],
        ["motie", MOTION, "--json", *where],
        ["ask", QUESTION, "--json", *where],
    )
    assert [r[0] for r in results] == [0, 0, 0, 0], results
    assert not list(store.glob("*-wal")) and not list(store.glob("*-shm"))
    return store, results[1:]


def copy_of(built: tuple[Path, list[list[Any]]], tmp_path: Path) -> Path:
    return Path(shutil.copytree(built[0], tmp_path / "store"))


# -- a read-only store ------------------------------------------------------------------------


def read_only_files(store: Path) -> None:
    for path in [store, *store.rglob("*")]:
        if path.is_file():
            path.chmod(path.stat().st_mode & ~0o222)


def read_only_folders(store: Path) -> None:
    read_only_files(store)
    for path in [store, *store.rglob("*")]:
        if path.is_dir():
            path.chmod(path.stat().st_mode & ~0o222)


def writable_again(store: Path) -> None:
    for path in [store, *store.rglob("*")]:
        path.chmod(path.stat().st_mode | stat.S_IWUSR)


@pytest.mark.parametrize("make_read_only", [read_only_folders, read_only_files])
def test_a_read_only_store_answers_and_refuses_writes_with_a_message(
    built: tuple[Path, list[list[Any]]], tmp_path: Path, make_read_only: Any
) -> None:
    store = copy_of(built, tmp_path)
    stats, motion, _ = built[1]
    names = sorted(p.name for p in store.rglob("*"))
    make_read_only(store)
    where = ["--store", str(store)]
    try:
        results = kamer(
            ["stats", "--json", *where],
            ["show", MOTION, *where],
            ["motie", MOTION, "--json", *where],
            ["ask", QUESTION, "--json", *where],
            ["ingest", "--stil", str(FIXTURES / "nota"), *where],
            obeying_permissions=True,
        )
    finally:
        writable_again(store)
    (s_code, s_out, _, s_error), show, motie, ask, ingest = results
    assert (s_code, s_error) == (0, None), results[0]
    assert without(s_out) == without(stats[1])
    assert show[0] == 0 and "Motie van de leden Podt en Rajkowski" in show[1], show
    assert motie[0] == 0 and json.loads(motie[1]) == json.loads(motion[1]), motie
    # Chroma cannot open a read-only store: the question is answered from the lexical index.
    assert ask[0] == 0 and ask[3] is None, ask
    assert MOTION in {c["id"] for c in json.loads(ask[1])["citations"]}
    assert "alleen-lezen" in ask[2] and "BM25" in ask[2]
    assert ingest[0] == 1 and ingest[3] is None, ingest
    assert f"De index in {store} is alleen-lezen" in ingest[1] + ingest[2]
    # Nothing written, not even SQLite's -shm file (left read-only, it would stop the next writer).
    assert sorted(p.name for p in store.rglob("*")) == names


def test_a_read_only_store_reads_what_its_wal_file_holds(
    built: tuple[Path, list[list[Any]]], tmp_path: Path
) -> None:
    """Copied while a writer had it open: the newest write is in the -wal file, read through
    the -shm file beside it (an immutable open would miss it)."""
    store = copy_of(built, tmp_path)
    writer = sqlite3.connect(store / FILE_NAME)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute(
        "UPDATE documents SET body = json_set(body, '$.title', 'Nieuwste titel') WHERE id = ?",
        (MOTION,),
    )
    writer.commit()
    copy = Path(shutil.copytree(store, tmp_path / "copy"))
    writer.close()
    assert (copy / f"{FILE_NAME}-wal").stat().st_size > 0
    read_only_folders(copy)
    try:
        [show] = kamer(["show", MOTION, "--store", str(copy)], obeying_permissions=True)
    finally:
        writable_again(copy)
    assert show[0] == 0 and "Nieuwste titel" in show[1], show


def test_a_read_only_store_on_a_read_only_mount_answers(
    built: tuple[Path, list[list[Any]]], tmp_path: Path
) -> None:
    """A read-only mount stops root too (EROFS): no capabilities are dropped here."""
    store = copy_of(built, tmp_path)
    mounted = tmp_path / "mounted"
    mounted.mkdir()
    if not mount("--bind", str(store), str(mounted)):
        pytest.skip("mount is not permitted here (needs CAP_SYS_ADMIN)")
    try:
        assert mount("-o", "remount,bind,ro", str(mounted))
        where = ["--store", str(mounted)]
        stats, ask, ingest = kamer(
            ["stats", "--json", *where],
            ["ask", QUESTION, *where],
            ["ingest", "--stil", str(FIXTURES / "nota"), *where],
        )
    finally:
        subprocess.run(["umount", str(mounted)], check=True)
    assert stats[0] == 0 and without(stats[1]) == without(built[1][0][1]), stats
    assert ask[0] == 0 and "[1]" in ask[1] and "BM25" in ask[2], ask
    assert ingest[0] == 1 and ingest[3] is None and "alleen-lezen" in ingest[1] + ingest[2]


def test_an_older_read_only_store_says_it_needs_an_upgrade(
    built: tuple[Path, list[list[Any]]], tmp_path: Path
) -> None:
    store = copy_of(built, tmp_path)
    db = sqlite3.connect(store / FILE_NAME)
    db.execute("PRAGMA user_version = 4")
    db.close()
    read_only_folders(store)
    try:
        [(code, _, err, error)] = kamer(["stats", "--store", str(store)], obeying_permissions=True)
    finally:
        writable_again(store)
    assert (code, error) == (1, None)
    assert "schemaversie 4" in err and "alleen-lezen" in err and "schrijfrechten" in err


# -- a damaged store --------------------------------------------------------------------------


def overwritten(path: Path) -> None:
    path.write_bytes(os.urandom(path.stat().st_size))


def truncated(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


@pytest.mark.parametrize("damage", [overwritten, truncated])
@pytest.mark.parametrize("name", [FILE_NAME, CHROMA_FILE])
def test_a_damaged_file_is_named_with_what_to_do(
    built: tuple[Path, list[list[Any]]], tmp_path: Path, name: str, damage: Any
) -> None:
    store = copy_of(built, tmp_path)
    damage(store / name)
    for command in (["stats"], ["ask", QUESTION]):
        result = run(*command, store=store)
        assert result.exit_code == 1, result.output
        message = " ".join(result.output.split())
        assert f"{store / name} is niet te openen" in message
        assert "back-up" in message and "kamer ingest" in message


# -- a full disk ------------------------------------------------------------------------------


def mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 MB disk of its own (a tmpfs), to be filled."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or not mount("-t", "tmpfs", "-o", "size=64m", "tmpfs", str(disk)):
        pytest.skip("mounting a tmpfs is not permitted here (needs root with CAP_SYS_ADMIN)")
    yield disk
    # Lazily: this process may still hold a file there open (Chroma keeps its client).
    subprocess.run(["umount", "-l", str(disk)], check=True)


def fill(disk: Path, leave: int = 0) -> Path:
    """Take the free space of the disk but `leave` bytes; delete the file to free it again."""
    filler = disk / "filler"
    wanted = shutil.disk_usage(disk).free - leave
    handle = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while wanted > 0:
            wanted -= os.write(handle, b"x" * min(wanted, 1 << 20))
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(handle)
    return filler


class FillAt(SilentProgress):
    """Fills the disk when the ingest reaches a stage."""

    def __init__(self, disk: Path, stage: str, leave: int) -> None:
        self.disk, self.at, self.leave = disk, stage, leave

    def stage(self, name: str, total: int) -> None:
        if name == self.at:
            fill(self.disk, self.leave)


def more() -> list[Path]:
    return [FIXTURES / name for name in MORE]


def ingest_until_the_disk_fills(folder: str, disk: str, stage: str, leave: int) -> list[str]:
    """In a child process (`kamer ingest` stops, its process ends): the message and the type
    of the error under it."""
    settings = Settings(store=Path(folder))
    store = Store.open(settings)
    store.chunks.count()  # Chroma started while there is room, as in a running ingest
    try:
        Ingestor(store, HashEmbedder(), settings, progress=FillAt(Path(disk), stage, leave)).run(
            more()
        )
    except DiskFull as error:
        return [str(error), type(error.__cause__).__name__]
    return ["no error", ""]


def reference(tmp_path: Path) -> tuple[dict[str, Any], int]:
    """Stats and vector count of the same two ingests, on a disk with room."""
    settings = Settings(store=tmp_path / "reference")
    store = Store.open(settings)
    assert Ingestor(store, HashEmbedder(), settings).run([FIXTURES / "xml"]).ok
    Ingestor(store, HashEmbedder(), settings).run(more())
    stats = store.stats()
    stats.pop("store")
    return stats, store.chunks.count()


@pytest.mark.parametrize(
    ("stage", "leave", "failed_in"),
    [
        # Records and passages, in SQLite: room for the passages a document no longer has
        # to go, none for the new ones.
        ("Index bijwerken", 128 * 1024, "OperationalError"),
        ("Embeddings berekenen", 0, "InternalError"),  # the vectors, in Chroma
    ],
)
def test_a_full_disk_stops_the_ingest_and_leaves_the_store_readable(
    small_disk: Path, tmp_path: Path, stage: str, leave: int, failed_in: str
) -> None:
    """Each step in a process of its own, as from the command line: after a full disk
    Chroma's client in the failed process need not work again (chromadb 1.5.9)."""
    folder = small_disk / "store"
    where = ["--store", str(folder)]
    questions = (["stats", "--json", *where], ["motie", MOTION, "--json", *where])
    ask = ["ask", QUESTION, "--json", *where]
    ingest = ["ingest", "--stil", *map(str, more()), *where]
    [first, *before] = kamer(["ingest", "--stil", str(FIXTURES / "xml"), *where], *questions, ask)
    assert [r[0] for r in (first, *before)] == [0, 0, 0, 0], before

    [message, cause] = kamer(str(folder), str(small_disk), stage, leave, child=FILLING)
    assert "Schijf vol" in message and cause == failed_in

    # While the disk is full: stats and a motie as before, a question from the lexical index,
    # and an ingest that stops with the message instead of a traceback.
    (s_code, s_out, *_), motie, (a_code, a_out, a_err, _), again = kamer(
        *questions, ["ask", QUESTION, *where], ingest
    )
    assert (s_code, motie[0], a_code) == (0, 0, 0)
    if failed_in == "OperationalError":
        assert (without(s_out), motie[1]) == (without(before[0][1]), before[1][1])
    else:  # records and passages were written whole; their vectors come with the next run
        assert without(s_out)["documents"] > without(before[0][1])["documents"]
    assert "[1]" in a_out and "is vol" in a_err
    assert again[0] == 1 and again[3] is None and "Schijf vol" in again[1] + again[2]

    (small_disk / "filler").unlink()
    *answers, redo, stats = kamer(*questions, ask, ingest, questions[0])
    if failed_in == "OperationalError":
        assert [a[1] for a in answers] == [b[1] for b in before]
    assert redo[0] == 0, redo
    expected, vectors = reference(tmp_path)
    assert without(stats[1]) == expected
    store = Store.open(Settings(store=folder))
    assert store.chunks.count() == store.lexical.count() == vectors


def test_a_store_opened_on_a_full_disk_answers_and_refuses_an_ingest(
    small_disk: Path, built: tuple[Path, list[list[Any]]]
) -> None:
    """Opened by a new process after the disk filled: SQLite cannot make its -shm file then."""
    store = Path(shutil.copytree(built[0], small_disk / "store"))
    stats, motion, _ = built[1]
    filler = fill(small_disk)
    where = ["--store", str(store)]
    results = kamer(
        ["stats", "--json", *where],
        ["motie", MOTION, "--json", *where],
        ["ask", QUESTION, *where],
        ["ingest", "--stil", str(FIXTURES / "nota"), *where],
    )
    (s_code, s_out, _, _), motie, ask, ingest = results
    assert s_code == 0 and without(s_out) == without(stats[1]), results[0]
    assert motie[0] == 0 and json.loads(motie[1]) == json.loads(motion[1]), motie
    assert ask[0] == 0 and "[1]" in ask[1] and "is vol" in ask[2], ask
    assert ingest[0] == 1 and ingest[3] is None, ingest
    assert "Schijf vol" in ingest[1] + ingest[2]

    filler.unlink()
    [redo] = kamer(["ingest", "--stil", str(FIXTURES / "nota"), *where])
    assert redo[0] == 0, redo
