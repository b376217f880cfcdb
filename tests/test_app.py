"""The Streamlit page runs (AppTest) against a store built from the fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.embed import HashEmbedder
from assistant.settings import Settings
from assistant.store import Store
from ingest.pipeline import Ingestor

APP = str(Path(__file__).parent.parent / "app.py")


@pytest.fixture
def built_store(tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    settings = Settings(store=tmp_path / "store")
    Ingestor(Store.open(settings), HashEmbedder(), settings).run(
        [fixtures / "xml", fixtures / "odata" / "zaken", fixtures / "nota"]
    )
    monkeypatch.setenv("KAMER_STORE", str(settings.store))
    return settings.store


def test_overview_and_open_document(built_store: Path) -> None:
    app = AppTest.from_file(APP, default_timeout=60).run()
    assert not app.exception
    assert [m.value for m in app.metric][:1] == ["5"]  # 4 moties (3 joined with a Zaak) + nota
    app.text_input[0].input("kst-32317-913").run()
    assert not app.exception
    shown = app.text[0].value
    assert "Motie van de leden Podt en Rajkowski" in shown
    assert "nota-2026-03-27-voortgang-implementatie-asiel-en-migratiepact" in shown


def test_unknown_document_gives_a_dutch_warning(built_store: Path) -> None:
    app = AppTest.from_file(APP, default_timeout=60).run()
    app.text_input[0].input("kst-1-1").run()
    assert "niet gevonden" in app.warning[0].value
