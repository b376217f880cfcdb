from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import ConfigError
from assistant.settings import load_settings


def test_defaults() -> None:
    settings = load_settings(env={}, config_file=Path("/nonexistent.toml"))
    assert settings.store == Path(".kamer")
    assert not settings.uses_server


def test_environment_overrides_file(tmp_path: Path) -> None:
    config = tmp_path / "kamer.toml"
    config.write_text('[kamer]\nstore = "from-file"\nchroma_port = 9000\n', encoding="utf-8")
    settings = load_settings(
        env={"KAMER_STORE": "from-env", "KAMER_CHROMA_HOST": "localhost"}, config_file=config
    )
    assert settings.store == Path("from-env")
    assert settings.chroma_port == 9000
    assert settings.uses_server
    assert "localhost:9000" in settings.describe_store()


def test_wrong_type_names_the_key() -> None:
    with pytest.raises(ConfigError, match="chroma_port.*geheel getal"):
        load_settings(env={"KAMER_CHROMA_PORT": "acht"}, config_file=Path("/nonexistent"))


def test_unknown_key_in_file(tmp_path: Path) -> None:
    config = tmp_path / "kamer.toml"
    config.write_text('stor = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="Onbekende instelling 'stor'"):
        load_settings(env={}, config_file=config)


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("KAMER_MAX_FILE_MB", "-1", "'max_file_mb' heeft waarde -1, verwacht minstens 1"),
        ("KAMER_MAX_FILE_MB", "0", "'max_file_mb' heeft waarde 0, verwacht minstens 1"),
        ("KAMER_MAX_FILE_MB", "abc", "'max_file_mb' heeft waarde 'abc', verwacht een geheel"),
        ("KAMER_EMBED_BATCH_SIZE", "0", "'embed_batch_size' heeft waarde 0, verwacht minstens 1"),
        ("KAMER_EMBED_DIMS", "-256", "'embed_dims' moet 0 \\(alles\\), 128, 256, 512 of 768"),
        ("KAMER_MAX_CHUNK_WORDS", "0", "'max_chunk_words' heeft waarde 0, verwacht minstens 1"),
        ("KAMER_CHROMA_PORT", "70000", "'chroma_port' heeft waarde 70000, verwacht 1 t/m 65535"),
        ("KAMER_LLM_TIMEOUT", "-5", "'llm_timeout' heeft waarde -5, verwacht minstens 1"),
        ("KAMER_RELEVANCE", "nan", "'relevance' heeft waarde 'nan', verwacht een getal"),
        ("KAMER_SYNC_TIMEOUT", "0", "'sync_timeout' heeft waarde 0.0, verwacht minstens 0.1"),
        ("KAMER_SYNC_PAGE_SIZE", "500", "'sync_page_size' heeft waarde 500, verwacht 1 t/m 250"),
        ("KAMER_SYNC_URL", "ftp://x", "'sync_url' heeft waarde 'ftp://x', verwacht een adres"),
    ],
)
def test_impossible_values_are_refused_naming_the_setting(
    variable: str, value: str, message: str
) -> None:
    with pytest.raises(ConfigError, match=message) as caught:
        load_settings(env={variable: value}, config_file=Path("/nonexistent"))
    assert variable in str(caught.value)  # the hint says which variable to set


@pytest.mark.parametrize("line", ["max_file_mb = [50]", "max_file_mb = 1.5", "max_file_mb = true"])
def test_file_values_of_the_wrong_type_are_refused(tmp_path: Path, line: str) -> None:
    config = tmp_path / "kamer.toml"
    config.write_text(f"[kamer]\n{line}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="'max_file_mb'.*verwacht een geheel getal"):
        load_settings(env={}, config_file=config)


def test_document_kinds_for_the_sync_from_environment_or_file(tmp_path: Path) -> None:
    assert load_settings(env={}).document_soorten == ()
    from_env = load_settings(
        env={"KAMER_SYNC_DOCUMENT_SOORTEN": " Brief regering ,Motie,, Motie"},
        config_file=tmp_path / "none.toml",
    )
    assert from_env.document_soorten == ("Brief regering", "Motie")
    config = tmp_path / "kamer.toml"
    config.write_text('[kamer]\nsync_document_soorten = ["Brief regering", "Motie"]\n')
    assert load_settings(env={}, config_file=config).document_soorten == (
        "Brief regering",
        "Motie",
    )
