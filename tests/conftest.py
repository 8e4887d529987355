"""Shared fixtures: paths to fixture scenarios, and isolation from the user's real data."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
                   ) -> None:
    """Never touch the user's progress or cache."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("SCENARIO_TUI_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CACHE_HOME", str(data / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(data / "share"))


@pytest.fixture
def tiny_path() -> Path:
    return FIXTURES / "valid" / "tiny.yaml"
