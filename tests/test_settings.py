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
