"""Leaving keeps the run: Esc mid-scenario keeps it, opening the scenario again offers to
resume it or start over, and it survives a restart; a finished play clears it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from scenario_tui.play.modes import EXAM, PRACTICE
from scenario_tui.play.session import Session
from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.screens.catalog import CatalogScreen
from scenario_tui.ui.screens.play import PlayScreen
from scenario_tui.ui.screens.resume import ResumeDialog

from .conftest import FIXTURES
from .pilot_steps import palette_search, settle
from .steady import SteadyApp

SCENARIO = "cache-the-catalogue"


class NotedApp(SteadyApp):
    """Keeps the message of every notification it shows."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.notes: list[str] = []

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:
        self.notes.append(str(message))
        super().notify(message, *args, **kwargs)


async def open_from_catalogue(pilot: Pilot) -> None:
    """Filter the catalogue to the scenario and press Enter."""
    await pilot.press(*"cache the", "enter")
    await settle(pilot)


async def leave_part_way(pilot: Pilot, mode: str) -> PlayScreen:
    """One choice (and Continue, in practice), then Esc; the screen that was left."""
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, PlayScreen)
    await pilot.press("2", *(["enter"] if mode == PRACTICE else []), "escape")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CatalogScreen)
    return screen


@pytest.mark.parametrize("mode", [PRACTICE, EXAM])
async def test_esc_keeps_the_run_and_the_catalogue_offers_it(
        make_session: Callable[..., Session], mode: str) -> None:
    app = NotedApp(make_session(), start_id=SCENARIO, mode=mode)
    async with app.run_test(size=(80, 24)) as pilot:
        left = await leave_part_way(pilot, mode)
        assert app.notes[-1] == "Run kept: resume it from the catalogue."
        assert app.session.unfinished_ids() == {SCENARIO}
        await open_from_catalogue(pilot)
        dialog = app.screen
        assert isinstance(dialog, ResumeDialog) and dialog.decision == 2
        await pilot.press("r")
        await settle(pilot)
        resumed = app.screen
        assert isinstance(resumed, PlayScreen) and resumed is not left
        assert resumed.play == left.play and resumed.play.mode == mode
        assert resumed.feedback is None


async def test_the_run_survives_a_restart(make_session: Callable[..., Session]) -> None:
    app = SteadyApp(make_session(), start_id=SCENARIO, mode=EXAM)
    async with app.run_test(size=(80, 24)) as pilot:
        left = (await leave_part_way(pilot, EXAM)).play
    app.session.close()

    again = SteadyApp(make_session())  # a new session on the same data dir, in practice mode
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_from_catalogue(pilot)
        assert isinstance(again.screen, ResumeDialog)
        await pilot.click("#resume-resume")
        await settle(pilot)
        assert isinstance(again.screen, PlayScreen)
        assert again.screen.play == left and again.screen.play.mode == EXAM


async def test_quitting_mid_run_keeps_it_too(make_session: Callable[..., Session]) -> None:
    app = SteadyApp(make_session(), start_id=SCENARIO)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1")  # feedback showing when the app quits
        await settle(pilot)
        await pilot.press("ctrl+q")
    app.session.close()

    again = SteadyApp(make_session(), start_id=SCENARIO)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, ResumeDialog) and again.screen.decision == 1
        await pilot.press("enter")  # Resume has the focus
        await settle(pilot)
        screen = again.screen
        assert isinstance(screen, PlayScreen) and screen.feedback is not None
        assert screen.feedback.index == 0


async def test_start_over_and_cancel(make_app: Callable[..., ScenarioApp]) -> None:
    app = make_app(SCENARIO)
    async with app.run_test(size=(120, 40)) as pilot:
        await leave_part_way(pilot, PRACTICE)
        await open_from_catalogue(pilot)
        await pilot.press("escape")  # cancel: nothing starts, the run stays
        await settle(pilot)
        assert isinstance(app.screen, CatalogScreen)
        assert app.session.unfinished_ids() == {SCENARIO}
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ResumeDialog)
        await pilot.click("#resume-start-over")
        await settle(pilot)
        assert isinstance(app.screen, PlayScreen) and app.screen.play.choices == ()
        assert app.session.unfinished_ids() == frozenset()


async def test_a_finished_play_clears_the_run(make_app: Callable[..., ScenarioApp]) -> None:
    app = make_app(SCENARIO, mode=EXAM)
    async with app.run_test(size=(80, 24)) as pilot:
        await leave_part_way(pilot, EXAM)
        await palette_search(pilot, "cache the")  # the palette offers it too
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("1")  # still-slow, then "Add the cache after all"
        await settle(pilot)
        assert app.session.unfinished_ids() == {SCENARIO}
        await pilot.press("1")  # lazy loading: an ending
        await settle(pilot)
        assert app.session.unfinished_ids() == frozenset()
        await pilot.press("escape")
        await settle(pilot)
        await open_from_catalogue(pilot)
        assert isinstance(app.screen, PlayScreen)


async def test_a_run_the_edited_scenario_no_longer_replays_is_dropped(
        tmp_path: Path, make_session: Callable[..., Session]) -> None:
    library = tmp_path / "library"
    shutil.copytree(FIXTURES, library)
    app = SteadyApp(make_session(library), start_id=SCENARIO, mode=EXAM)
    async with app.run_test(size=(80, 24)) as pilot:
        await leave_part_way(pilot, EXAM)
    app.session.close()
    path = library / f"{SCENARIO}.yaml"
    path.write_text(path.read_text().replace("slow-pages", "first"))

    again = NotedApp(make_session(library), start_id=SCENARIO)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, PlayScreen) and again.screen.play.choices == ()
        assert "dropped" in again.notes[-1]
        assert again.session.unfinished_ids() == frozenset()
