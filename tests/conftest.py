from __future__ import annotations

from pathlib import Path

import pytest

from assistant.embed import HashEmbedder
from assistant.settings import Settings
from assistant.store import Store

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(store=tmp_path / "store")


@pytest.fixture
def store(settings: Settings) -> Store:
    return Store.open(settings)


@pytest.fixture
def embedder() -> HashEmbedder:
    return HashEmbedder()
