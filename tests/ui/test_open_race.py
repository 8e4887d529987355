"""Opening scenario A and then B before A has loaded ends on B: A's worker, cancelled by
B's, does not show A when its load finally returns (review bug 14)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from scenario_tui.format.model import Scenario
from scenario_tui.play.session import Session
from scenario_tui.ui.screens.play import PlayScreen

from .pilot_steps import settle
from .steady import SteadyApp

A, B = "markup-and-escapes", "cache-the-catalogue"


async def test_opening_a_then_b_ends_on_b(make_session: Callable[..., Session]) -> None:
    session = make_session()
    load = session.scenario
    a_loading, b_shown, a_loaded = threading.Event(), threading.Event(), threading.Event()

    def slow_for_a(scenario_id: str) -> Scenario:
        if scenario_id != A:
            return load(scenario_id)
        a_loading.set()
        b_shown.wait(timeout=30)  # A returns only once B is on screen
        try:
            return load(scenario_id)
        finally:
            a_loaded.set()

    session.scenario = slow_for_a  # type: ignore[method-assign]
    app = SteadyApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_scenario(A, "practice")
        while not a_loading.is_set():  # A's worker is loading it
            await pilot.pause()
        app.open_scenario(B, "practice")
        while not (isinstance(app.screen, PlayScreen) and app.screen.scenario.id == B):
            await pilot.pause()
        b_shown.set()
        while not a_loaded.is_set():
            await pilot.pause()
        for _ in range(3):  # what A's worker sends the app after its load (nothing now) lands
            await settle(pilot)
        assert isinstance(app.screen, PlayScreen) and app.screen.scenario.id == B
        assert [type(s).__name__ for s in app.screen_stack] == ["CatalogScreen", "PlayScreen"]
