"""Shared fixtures: paths to fixture scenarios, and isolation from the user's data and settings."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_cluster import class_store, instructor_url, learner_url, postgres  # noqa: F401

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


@pytest.hookimpl(optionalhook=True, tryfirst=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """How many workers `-n auto` (pyproject's addopts) starts: one per core and one more, as
    a Pilot test idles for about a third of its time (the pilot waits for the app to go idle
    after every key) and the extra worker fills those gaps. No workers (one process) for a
    snapshot update, as syrupy deletes stale snapshots only then, nor when the command names
    single tests (`file.py::test`), which then start at once. $PYTEST_XDIST_AUTO_NUM_WORKERS
    overrides the count."""
    if config.getoption("update_snapshots", False):
        return 0
    if config.args and all("::" in arg for arg in config.args):
        return 0
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # xdist reads it
    return len(os.sched_getaffinity(0)) + 1 if hasattr(os, "sched_getaffinity") else None


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's data dir (progress and the catalogue cache), which the app finds through
    $SCENARIO_TUI_DATA_DIR; platform dirs point beside it. The user's are never touched.

    The one place a test's data dir is chosen: fixtures that need the path take this one."""
    home = tmp_path_factory.mktemp("home")
    data = home / "data"
    monkeypatch.setenv("SCENARIO_TUI_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "share"))
    return data


@pytest.fixture(autouse=True)
def steady_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No user theme, colour, animation or Unicode settings reach the app, and one locale, so
    output is the same on every machine."""
    for name in ("TEXTUAL_THEME", "NO_COLOR", "UNICODE_VERSION", "SCENARIO_TUI_EXIT_WHEN_READY",
                 "SCENARIO_TUI_CLASS_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")


@pytest.fixture(autouse=True)
def utc_time_zone() -> Iterator[None]:
    """Dates on screen are local days: fix the zone so they are the same on every machine.
    (Not by monkeypatch: the C library must re-read the zone after it is put back.)"""
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if saved is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = saved
    time.tzset()


@pytest.fixture
def tiny_path() -> Path:
    return FIXTURES / "valid" / "tiny.yaml"


SNAPSHOT_TO_CACHE = "        to: cache-tier\n        points: 0\n        why: A snapshot restores"
"""The shop fixture's nightly-snapshot choice, which goes on to the cache decision."""


@pytest.fixture
def shop_ending_early(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the shop fixture in which the nightly snapshot ends the play at once
    (at its failure ending): a path that never reaches the cache decision."""
    text = (FIXTURES / "architecture" / "shop-resilience.yaml").read_text(encoding="utf-8")
    assert SNAPSHOT_TO_CACHE in text
    folder = tmp_path_factory.mktemp("shop-ending-early")
    (folder / "shop-resilience.yaml").write_text(
        text.replace(SNAPSHOT_TO_CACHE, SNAPSHOT_TO_CACHE.replace("cache-tier", "no-lb")),
        encoding="utf-8")
    return folder
