"""`kamer doctor`: a healthy store passes; each kind of damage is found with its count, and
`--repair` fixes what it safely can, after which a second run is clean."""

from __future__ import annotations

import fcntl
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from assistant.cli import Context, main
from assistant.doctor import LOCK_FILE, diagnose, expected_dims, lock_state
from assistant.embed import HashEmbedder
from assistant.render import terminal_safe
from assistant.settings import Settings
from assistant.store import Store
from ingest.pipeline import Ingestor

KNOWN = "kst-32317-913"


def ingest(store: Store, settings: Settings, fixtures: Path) -> None:
    paths = [fixtures / "xml", fixtures / "odata" / "zaken", fixtures / "odata" / "documenten"]
    assert Ingestor(store, HashEmbedder(), settings).run(paths).ok


@pytest.fixture
def built(store: Store, settings: Settings, fixtures: Path) -> Store:
    ingest(store, settings, fixtures)
    return store


def doctor(settings: Settings, *args: str, embedder: Any = None) -> tuple[int, str]:
    """`kamer doctor` on the store; settings as given (no environment), a hash embedder."""
    context = Context(embedder=embedder or HashEmbedder(), settings_loader=lambda: settings)
    result = CliRunner().invoke(
        main, ["doctor", "--store", str(settings.store), *args], obj=context
    )
    return result.exit_code, result.stdout


def checks(settings: Settings, *args: str) -> tuple[int, dict[str, dict[str, Any]]]:
    code, output = doctor(settings, "--json", *args)
    return code, {c["key"]: c for c in json.loads(output)["checks"]}


def test_a_healthy_store_has_no_problems(built: Store, settings: Settings) -> None:
    code, output = doctor(settings)
    assert code == 0, output
    assert "Geen problemen gevonden." in output
    assert "PROBLEEM" not in output
    code, found = checks(settings)
    assert code == 0
    assert {c["status"] for c in found.values()} <= {"ok", "info"}
    figures = found["counts"]["data"]
    assert figures["passages"] == figures["vectors"] > 0
    # Metadata-only records have no passages and are no passages without a vector.
    assert any("alleen metadata" in kind for kind in figures["by_type"])
    assert found["passages_without_vector"]["count"] == 0
    assert found["schema"]["data"]["stored"] == found["schema"]["data"]["expected"]
    assert found["embedding"]["data"] == {
        "expected": 64,
        "model": "hash-embedder",
        "recorded": {},
        "stored": 64,
    }
    # References to documents outside the store are information, not a problem.
    assert found["links_to_missing"]["status"] == "info"
    assert found["links_to_missing"]["count"] > 0


def test_orphans_are_found_counted_and_repaired(built: Store, settings: Settings) -> None:
    db = built.db.db
    lost = db.execute(
        "SELECT id FROM chunks WHERE doc_id = ? ORDER BY chunk_index DESC LIMIT 1", (KNOWN,)
    ).fetchone()[0]
    db.execute("DELETE FROM chunks WHERE id = ?", (lost,))
    hostile = "wees-\x1b]0;titel\x07\x1b[31mrood"
    built.chunks.add(ids=[hostile], embeddings=[[0.125] * 64])

    code, output = doctor(settings)
    assert code == 1
    assert "PROBLEEM  Vectoren zonder passage: 2" in output
    assert "kamer doctor --repair" in output
    assert "\x1b" not in output and "\x07" not in output
    code, found = checks(settings)
    assert code == 1
    orphans = found["vectors_without_passage"]
    assert (orphans["status"], orphans["count"]) == ("problem", 2)
    assert set(orphans["examples"]) == {lost, terminal_safe(hostile)} == {lost, "wees-rood"}
    for key in ("passages_without_document", "passages_without_vector"):
        assert (found[key]["status"], found[key]["count"]) == ("ok", 0)
    assert found["fts_chunk_terms"]["status"] == "ok"

    code, output = doctor(settings, "--repair")
    assert code == 0, output
    assert "hersteld  Vectoren zonder passage: 2" in output
    code, found = checks(settings)
    assert code == 0
    assert found["vectors_without_passage"]["count"] == 0
    assert found["counts"]["data"]["vectors"] == found["counts"]["data"]["passages"]
    doc = Store.open(settings).get_document(KNOWN)
    assert doc is not None and "Podt" in doc.title


def test_repair_pages_through_the_vectors(store: Store, settings: Settings, fixtures: Path) -> None:
    """Orphans spread over many small pages: deleting while paging skips none."""
    paths = [fixtures / "xml", fixtures / "nota", fixtures / "kamervragen"]
    assert Ingestor(store, HashEmbedder(), settings).run(paths).ok
    built, db = store, store.db.db
    ids = [row[0] for row in db.execute("SELECT id FROM chunks ORDER BY pos")][::3]
    for chunk_id in ids:
        db.execute("DELETE FROM chunks WHERE id = ?", (chunk_id,))
    assert len(ids) > 10
    found = diagnose(settings, repair=True, embedder=HashEmbedder(), page=2)
    repaired = next(f for f in found.findings if f.key == "vectors_without_passage")
    assert (repaired.status, repaired.count) == ("repaired", len(ids))
    again = diagnose(settings, embedder=HashEmbedder(), page=2)
    assert again.problems == 0
    assert built.chunks.count() == built.lexical.count()


def test_passages_without_a_document_are_removed_with_their_vectors(
    built: Store, settings: Settings
) -> None:
    passages = built.lexical.ids_of([KNOWN])
    built.db.db.execute("DELETE FROM documents WHERE id = ?", (KNOWN,))
    code, found = checks(settings)
    assert code == 1
    orphans = found["passages_without_document"]
    assert (orphans["status"], orphans["count"]) == ("problem", len(passages))
    assert set(orphans["examples"]) <= set(passages)
    code, found = checks(settings, "--repair")
    assert code == 0
    assert found["passages_without_document"]["status"] == "repaired"
    assert found["vectors_without_passage"]["count"] == 0
    assert not built.existing_chunk_ids(passages)
    assert checks(settings)[0] == 0


def test_passages_without_a_vector_are_left_to_ingest(
    built: Store, settings: Settings, fixtures: Path
) -> None:
    missing = built.lexical.ids_of([KNOWN])[0]
    built.chunks.delete(ids=[missing])
    code, found = checks(settings)
    assert code == 1
    assert found["passages_without_vector"]["count"] == 1
    assert found["passages_without_vector"]["examples"] == [missing]
    assert (
        "`kamer ingest` opnieuw voor passages zonder vector"
        in found["passages_without_vector"]["hint"]
    )

    code, output = doctor(settings, "--repair")
    assert code == 1  # nothing is embedded here
    output = " ".join(output.split())
    assert "draai `kamer ingest <map>` opnieuw voor passages zonder vector" in output.lower()
    # The file that made it is read again by the next ingest, which embeds what is missing.
    ingest(built, settings, fixtures)
    assert built.existing_chunk_ids([missing]) == {missing}
    assert doctor(settings)[0] == 0


def test_a_full_text_index_out_of_step_is_rebuilt(built: Store, settings: Settings) -> None:
    db = built.db.db
    pos, terms = db.execute("SELECT pos, terms FROM chunks ORDER BY pos LIMIT 1").fetchone()
    db.execute(
        "INSERT INTO chunk_terms (chunk_terms, rowid, terms) VALUES ('delete', ?, ?)", (pos, terms)
    )
    code, found = checks(settings)
    assert code == 1
    assert found["fts_chunk_terms"]["status"] == "problem"
    assert found["fts_document_titles"]["status"] == "ok"
    code, found = checks(settings, "--repair")
    assert code == 0
    assert found["fts_chunk_terms"]["status"] == "repaired"
    assert checks(settings)[0] == 0
    assert pos in built.lexical.positions_with(terms.split()[:1])


def test_vectors_of_another_length_than_the_settings_make(built: Store, settings: Settings) -> None:
    code, output = doctor(settings, embedder=object())  # no embedder of a known kind
    assert code == 1
    output = " ".join(output.split())
    assert "lengte 64" in output and "er van 768" in output
    assert "KAMER_EMBED_DIMS" in output


def test_expected_dims_come_from_settings_without_a_model() -> None:
    assert expected_dims(Settings(embed_model="hash")) == (64, "hash")
    assert expected_dims(Settings(embed_dims=256))[0] == 256
    assert expected_dims(Settings()) == (768, "embeddinggemma-300m")
    assert expected_dims(Settings(), HashEmbedder(32)) == (32, "hash-embedder")


def test_the_lock_is_reported_held_or_free(built: Store, settings: Settings) -> None:
    with built.writer_lock():
        pass  # leaves the lock file behind, as every writer does
    path = settings.store / LOCK_FILE
    assert path.is_file()
    assert (lock_state(path).status, lock_state(path).data) == ("ok", {"held": False})
    with path.open("rb") as other:  # another open file: flock sees another holder
        fcntl.flock(other, fcntl.LOCK_EX)
        held = lock_state(path)
        assert (held.status, held.data) == ("info", {"held": True})
        code, output = doctor(settings)
    assert code == 0, output
    assert "Een ander proces schrijft nu in de index" in " ".join(output.split())


def test_no_store_says_to_ingest_first(tmp_path: Path) -> None:
    settings = Settings(store=tmp_path / "leeg")
    code, output = doctor(settings)
    assert code == 1
    assert "Geen index gevonden" in output and "kamer ingest" in " ".join(output.split())
    assert not settings.store.exists()


def test_a_file_that_is_no_database_is_reported(tmp_path: Path) -> None:
    settings = Settings(store=tmp_path / "kapot")
    settings.store.mkdir()
    (settings.store / "kamer.sqlite3").write_bytes(b"dit is geen database" * 100)
    code, output = doctor(settings)
    assert code == 1
    assert "niet te openen" in output and "back-up" in " ".join(output.split())
