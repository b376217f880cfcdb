"""What a new process loads before it answers: `kamer --help` nothing heavy, a question about a
motie by number no embedding model."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.embed import HashEmbedder
from assistant.settings import PROJECT_ROOT, Settings
from assistant.store import Store
from ingest.pipeline import Ingestor

HEAVY = ("torch", "sentence_transformers", "chromadb", "llama_index", "bm25s")


def loaded_after(code: str, *args: str) -> dict[str, bool]:
    probe = f"""
import sys, json
{code}
print(json.dumps({{name: name in sys.modules for name in {HEAVY!r}}}))
"""
    done = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def test_kamer_help_imports_nothing_heavy() -> None:
    code = """
from click.testing import CliRunner
from assistant.cli import main
assert CliRunner().invoke(main, ["--help"]).exit_code == 0
"""
    assert loaded_after(code) == dict.fromkeys(HEAVY, False)


def test_a_question_about_a_motie_by_number_loads_no_embedding_model(
    tmp_path: Path, fixtures: Path
) -> None:
    model = PROJECT_ROOT / "models" / "embeddinggemma-300m"
    if not model.exists():
        pytest.skip("het echte model ontbreekt (make model)")
    settings = Settings(store=tmp_path / "store")
    assert Ingestor(Store.open(settings), HashEmbedder(), settings).run([fixtures / "xml"]).ok
    code = """
from pathlib import Path
from assistant.compose import build_services
from assistant.settings import Settings
built = build_services(Settings(store=Path(sys.argv[1]), embed_model=sys.argv[2]))
answer = built.answerer.ask("Wat is de status van de motie kst-32317-913?")
assert not answer.refused and "Podt" in answer.answer, answer.answer
assert not built.embedder.loaded
"""
    loaded = loaded_after(code, str(settings.store), str(model))
    assert not loaded["torch"] and not loaded["sentence_transformers"]


def test_a_new_process_reads_no_passage_and_opens_no_chroma_for_a_motie_question(
    tmp_path: Path, fixtures: Path
) -> None:
    from assistant.compose import build_services

    settings = Settings(store=tmp_path / "store", embed_model="hash")
    assert Ingestor(Store.open(settings), HashEmbedder(), settings).run([fixtures / "xml"]).ok
    statements: list[str] = []
    store = Store.open(settings)
    store.db.db.set_trace_callback(statements.append)
    built = build_services(settings, store=store)
    answer = built.answerer.ask("Wat is de status van de motie kst-32317-913?")
    assert not answer.refused
    assert store._chunks is None and store._client is None  # Chroma never opened
    reads = [s for s in statements if "FROM chunks" in s or "FROM chunk_terms" in s]
    # Counting is fine; reading passages without a bound is not.
    assert all("count(" in s or "WHERE" in s for s in reads), reads
    assert not any(
        s.lstrip().upper().startswith("SELECT") and "FROM documents" in s and "WHERE" not in s
        for s in statements
    )


def test_the_bfloat16_copy_is_loaded_only_when_computing_in_bfloat16(tmp_path: Path) -> None:
    from assistant.embed import prepared_source

    source = tmp_path / "model"
    source.mkdir()
    assert prepared_source(str(source), "bfloat16") == str(source)  # no copy yet
    copy = tmp_path / "model-bf16"
    copy.mkdir()
    (copy / "model.safetensors").write_bytes(b"")
    assert prepared_source(str(source), "bfloat16") == str(copy)
    assert prepared_source(str(source), "float32") == str(source)


CPU_FLAGS = {
    "x86 with AVX-512 BF16": ("flags\t\t: fpu sse2 avx2 avx512f avx512_bf16\n", "bfloat16"),
    "x86 with AMX": ("flags\t\t: fpu avx2 amx_tile amx_bf16\n", "bfloat16"),
    "x86 with AVX2 only": ("flags\t\t: fpu sse2 fma avx2\n", "float32"),
    "Arm with BF16": ("Features\t: fp asimd sve bf16 i8mm\n", "bfloat16"),
    "Arm without": ("Features\t: fp asimd crc32\n", "float32"),
}


@pytest.mark.parametrize("cpu", CPU_FLAGS)
def test_auto_computes_in_bfloat16_only_where_the_cpu_does_so_natively(
    tmp_path: Path, cpu: str
) -> None:
    from assistant.embed import chosen_dtype

    cpuinfo, expected = CPU_FLAGS[cpu]
    path = tmp_path / "cpuinfo"
    path.write_text(f"processor\t: 0\n{cpuinfo}\nprocessor\t: 1\n{cpuinfo}")
    assert chosen_dtype("auto", path) == expected
    # a dtype set explicitly is kept
    assert chosen_dtype("bfloat16", path) == "bfloat16"
    assert chosen_dtype("float32", path) == "float32"


def test_auto_is_float32_where_the_cpu_flags_cannot_be_read(tmp_path: Path) -> None:
    from assistant.embed import SentenceTransformerEmbedder, chosen_dtype
    from assistant.settings import load_settings

    assert chosen_dtype("auto", tmp_path / "missing") == "float32"
    assert load_settings(env={}).embed_dtype == "auto"
    model = tmp_path / "model"
    model.mkdir()
    assert SentenceTransformerEmbedder(str(model), dtype="float16").dtype == "float16"
