"""Fixtures for the UI tests: an isolated environment and apps built on fixture scenarios."""

from __future__ import annotations

import asyncio
import datetime as dt
import inspect
import itertools
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from scenario_tui.play.engine import PRACTICE
from scenario_tui.play.session import Session
from scenario_tui.ui.app import ScenarioApp

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ui_scenarios"
FIXED_TIME = "2026-01-02T03:04:05+00:00"


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests in a fresh event loop (no pytest-asyncio needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


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


@pytest.fixture(autouse=True)
def utc_time_zone() -> Iterator[None]:
    """Dates on screen are local days: fix the zone so they are the same on every machine."""
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if saved is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = saved
    time.tzset()


@pytest.fixture(autouse=True)
def isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No user theme, colour or animation settings; data and cache under tmp_path."""
    for name in ("TEXTUAL_THEME", "NO_COLOR", "TEXTUAL_ANIMATIONS", "UNICODE_VERSION",
                 "SCENARIO_TUI_EXIT_WHEN_READY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    data = tmp_path / "data"
    monkeypatch.setenv("SCENARIO_TUI_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    return data


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One catalogue cache for the whole run: the library is scanned once, not per test."""
    return tmp_path_factory.mktemp("catalog-cache") / "catalog.json"


@pytest.fixture
def make_session(tmp_path: Path, shared_cache: Path) -> Callable[..., Session]:
    """A session over the given folders (fixture scenarios by default) with fake clocks;
    `session.wall_clock` is a `WallClock` the test can move on."""

    def make(*folders: Path, bundled: bool = False) -> Session:
        session = Session.create(folders or (FIXTURES,), tmp_path / "data", clock=FakeClock(),
                                 wall_clock=WallClock(), with_bundled=bundled)
        if bundled:
            session.cache = shared_cache
        return session

    return make


@pytest.fixture
def make_app(make_session: Callable[..., Session]) -> Callable[..., ScenarioApp]:
    """A fresh app per test, on fixture scenarios unless a session is given."""

    def make(start_id: str | None = None, mode: str = PRACTICE,
             session: Session | None = None) -> ScenarioApp:
        return ScenarioApp(session or make_session(), start_id=start_id, mode=mode,
                           cursor_blink=False)

    return make
