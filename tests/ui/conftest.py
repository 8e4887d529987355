"""Fixtures for the UI tests: apps built on fixture scenarios, with fake clocks.

The environment and the data dir are isolated for every test by `tests/conftest.py`."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from scenario_tui.play.engine import PRACTICE
from scenario_tui.play.session import Session
from scenario_tui.ui.app import ScenarioApp

from .steady import SteadyApp

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ui_scenarios"
FIXED_TIME = "2026-01-02T03:04:05+00:00"


class FakeClock:
    """Monotonic seconds that advance by one on every reading."""

    def __init__(self) -> None:
        self._ticks: Iterator[int] = itertools.count()

    def __call__(self) -> float:
        return float(next(self._ticks))


class WallClock:
    """ISO timestamps from a fixed moment that a test can move on (`clock.at += ...`)."""

    def __init__(self, at: str = FIXED_TIME) -> None:
        self.at = dt.datetime.fromisoformat(at)

    def __call__(self) -> str:
        return self.at.isoformat()


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One catalogue cache for the whole run: the library is scanned once, not per test."""
    return tmp_path_factory.mktemp("catalog-cache") / "catalog.json"


@pytest.fixture
def make_session(data_dir: Path, shared_cache: Path) -> Callable[..., Session]:
    """A session over the given folders (fixture scenarios by default) with fake clocks;
    `session.wall_clock` is a `WallClock` the test can move on. Its plays show the choices in
    the file's order (a fixed seed: None), so a test's "1" is the first choice written; the
    shuffled order has tests of its own (`seed=` sets one fixed seed for every play)."""

    def make(*folders: Path, bundled: bool = False, seed: int | None = None) -> Session:
        session = Session.create(folders or (FIXTURES,), data_dir, clock=FakeClock(),
                                 wall_clock=WallClock(), with_bundled=bundled,
                                 seeds=lambda: seed)
        if bundled:
            session.cache = shared_cache
        return session

    return make


@pytest.fixture
def make_app(make_session: Callable[..., Session]) -> Callable[..., ScenarioApp]:
    """A fresh app per test, on fixture scenarios unless a session is given."""

    def make(start_id: str | None = None, mode: str = PRACTICE,
             session: Session | None = None) -> ScenarioApp:
        return SteadyApp(session or make_session(), start_id=start_id, mode=mode)

    return make
