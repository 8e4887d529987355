"""Pilot tests: play every library scenario best-first, worst-first, and replay from the middle.

They are parametrised over the live library, so scenarios added later are covered too.
"""

from __future__ import annotations

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input

from scenario_tui.analysis.scoring import analyse
from scenario_tui.format.model import Choice
from scenario_tui.play import library
from scenario_tui.play.engine import Debrief, start
from scenario_tui.play.modes import EXAM, PRACTICE
from scenario_tui.progress.store import PlayRecord
from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.messages import ShowPlay
from scenario_tui.ui.screens.catalog import CatalogScreen
from scenario_tui.ui.screens.debrief import DebriefScreen
from scenario_tui.ui.screens.play import PlayScreen

from .pilot_steps import click_option, palette_search, settle
from .steady import SteadyApp

IDS = sorted(library.load().scenarios)


async def play_path(pilot: Pilot, path: list[Choice], mode: str) -> None:
    """Press each choice's number; in practice mode, check the feedback and continue."""
    for choice in path:
        screen = pilot.app.screen
        assert isinstance(screen, PlayScreen), screen
        await pilot.press(str(choice.number))
        if mode == PRACTICE:
            assert screen.feedback == choice
            await pilot.press("enter")
    await settle(pilot)


def plays_of(app: ScenarioApp, scenario_id: str) -> list[PlayRecord]:
    """The play-throughs of `scenario_id` in the app's progress store."""
    return [r for r in app.session.store.plays() if r.scenario_id == scenario_id]


def debrief_of(app: ScenarioApp) -> Debrief:
    screen = app.screen
    assert isinstance(screen, DebriefScreen), screen
    return screen.report


@pytest.mark.parametrize("scenario_id", IDS)
async def test_library_scenario_best_worst_and_replay(make_session, scenario_id: str) -> None:
    """Best path to 100 % (practice), worst path to the worst score (exam), then a replay
    from the worst path's middle decision along the best path from there."""
    session = make_session(bundled=True)
    scenario = session.scenario(scenario_id)  # the file as it is now: authors edit live
    analysis = analyse(scenario)
    best, worst = analysis.best_path(), analysis.worst_path()
    app = SteadyApp(session, start_id=scenario_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await play_path(pilot, best, PRACTICE)
        report = debrief_of(app)
        assert (report.score, report.percent, report.grade) == (report.best, 100, "A")
        assert [r.score for r in plays_of(app, scenario_id)] == [report.best]

        app.post_message(ShowPlay(scenario, start(scenario, EXAM)))
        await settle(pilot)
        await play_path(pilot, worst, EXAM)
        report = debrief_of(app)
        assert report.score == analysis.worst_score == report.worst

        keep = len(worst) // 2
        await pilot.press("p", *["down"] * keep, "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        assert screen.play.choices == tuple(worst[:keep])
        node = screen.play.node(scenario)
        await play_path(pilot, analysis.best_path(node), EXAM)
        report = debrief_of(app)
        assert report.score == sum(c.points for c in worst[:keep]) + analysis.best[node]
        assert [step.chosen for step in report.steps[:keep]] == worst[:keep]
        assert len(plays_of(app, scenario_id)) == 3


async def test_undo_in_practice_mode(make_app) -> None:
    app = make_app("cache-the-catalogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen) and screen.feedback is not None
        await pilot.press("u")
        await pilot.pause()
        assert screen.play.choices == () and screen.feedback is None
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.feedback is not None and screen.feedback.index == 1


async def test_exam_mode_gives_no_feedback(make_app) -> None:
    app = make_app("cache-the-catalogue", mode=EXAM)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        assert screen.feedback is None and len(screen.play.choices) == 1
        await pilot.press("u")
        assert len(screen.play.choices) == 1


async def test_catalog_filter_enter_and_mouse(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"hostile")
        await pilot.pause()
        assert [e.id for e in app.screen.query_one("#scenarios").matching] == ["markup-and-escapes"]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PlayScreen)
        await click_option(pilot, 0)
        await pilot.pause()
        assert app.screen.feedback is not None


async def test_broken_scenario_is_not_played(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"dangling", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CatalogScreen)


async def test_debrief_actions_retry_next_and_catalogue(make_app) -> None:
    app = make_app("markup-and-escapes", mode=EXAM)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, PlayScreen) and app.screen.play.choices == ()
        await pilot.press("1")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, PlayScreen)
        assert app.screen.scenario.id == "cache-the-catalogue"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CatalogScreen)
        assert len(app.screen_stack) == 1


async def test_what_if_from_the_tree(make_app) -> None:
    app = make_app("cache-the-catalogue")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "enter", "2", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("t", "down", "w")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        assert screen.feedback is not None and screen.feedback.index == 0
        assert screen.feedback.source == "slow-pages"


async def test_theme_is_remembered(make_app, make_session) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await pilot.pause()
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.theme == "nord"


async def test_no_input_blinks_when_the_app_does_not(make_app) -> None:
    """The filter and the command palette's own input alike (a blink made snapshots flaky)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#filter", Input).cursor_blink is False
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(Input).cursor_blink is False


async def test_palette_opens_a_scenario(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await palette_search(pilot, "cache the")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PlayScreen)
        assert app.screen.scenario.id == "cache-the-catalogue"


async def test_esc_from_a_what_if_goes_back_to_its_debrief_and_keeps_no_run(make_app) -> None:
    """Esc in a "what if" dropped the debrief for the catalogue, and kept the what-if as a run
    to resume. It now comes back to the debrief as it was, keeps nothing, and the status
    line says the run is not counted."""
    app = make_app("cache-the-catalogue")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "enter", "2", "enter")
        await settle(pilot)
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen)
        await pilot.press("t", "down", "w")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        assert "what-if, not counted" in str(screen.query_one("#play-status").visual)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is debrief
        assert app.session.unfinished_ids() == frozenset()
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CatalogScreen)
