"""What the catalogue's first frame waits for: no worker thread starts before it is drawn,
and the garbage collector (paused by `launch.run`) runs again once it is.

A thread started while the first screen is built shares the GIL (and, on a busy machine, the
CPU) with it, so start-up work that can wait runs after that frame: the class sync, like the
catalogue's progress. benchmarks/startup.py times the start; this holds the order."""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

import pytest
from textual.app import App

from scenario_tui.play.session import Session
from scenario_tui.ui.class_syncing import ClassSyncing

from .pilot_steps import settle
from .steady import SteadyApp


async def test_the_class_sync_starts_after_the_first_frame(
        make_session: Callable[..., Session], monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    display, start = App._display, ClassSyncing.start

    def drawn(self: App[Any], screen: Any, renderable: Any) -> None:
        if renderable is not None and "frame" not in events:
            events.append("frame")
        display(self, screen, renderable)

    def syncing(self: ClassSyncing, session: Session) -> None:
        events.append("sync")
        start(self, session)

    monkeypatch.setattr(App, "_display", drawn)
    monkeypatch.setattr(ClassSyncing, "start", syncing)
    app = SteadyApp(make_session())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
    assert events[:2] == ["frame", "sync"]


async def test_the_collector_runs_again_once_the_first_frame_is_drawn(
        make_session: Callable[..., Session]) -> None:
    gc.disable()  # as `launch.run` leaves it
    try:
        app = SteadyApp(make_session())
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert gc.isenabled()
    finally:
        gc.enable()
