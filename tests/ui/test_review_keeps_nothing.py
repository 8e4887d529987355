"""A review answers one decision of a scenario: it is never a run to resume, and it never
touches the run the learner really left part-way in that scenario."""

from __future__ import annotations

from collections.abc import Callable

from scenario_tui.play.engine import start
from scenario_tui.play.session import Session
from scenario_tui.play.unfinished import SETTING
from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.screens.catalog import CatalogScreen
from scenario_tui.ui.screens.review import ReviewScreen
from scenario_tui.ui.screens.review_summary import ReviewSummaryScreen

from .history import seed_history
from .pilot_steps import open_review, settle

CACHE = "cache-the-catalogue"


async def test_a_finished_review_leaves_no_run_to_resume(
        make_session: Callable[..., Session], make_app: Callable[..., ScenarioApp]) -> None:
    """Both due decisions answered, Enter through to the summary, Esc: nothing is kept."""
    session = make_session()
    seed_history(session)
    app = make_app(session=session)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_review(pilot)
        for _ in range(2):
            assert isinstance(app.screen, ReviewScreen)
            await pilot.press("1")
            await pilot.pause()
            await pilot.press("enter")
            await settle(pilot)
        assert isinstance(app.screen, ReviewSummaryScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CatalogScreen)
        assert app.session.unfinished_ids() == frozenset()
        assert not app.session.store.setting(SETTING)
        assert len(app.session.store.plays()) == 4  # the seeded history, nothing more


async def test_leaving_a_review_keeps_the_run_left_part_way(
        make_session: Callable[..., Session], make_app: Callable[..., ScenarioApp]) -> None:
    """A run the learner left part-way in a scenario is still the one offered after a review
    of that scenario's decision (the review neither replaces it nor drops it)."""
    session = make_session()
    seed_history(session)
    scenario = session.scenario(CACHE)
    left = start(scenario).choose(scenario, 1)
    assert session.unfinished.keep(scenario, left, feedback=False)
    app = make_app(session=session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        await pilot.press("1", "enter")                    # markup-and-escapes
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.scenario.id == CACHE
        await pilot.press("2", "escape")                   # its review, left on the answer
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CatalogScreen)
        assert app.session.unfinished_ids() == {CACHE}
    offer = session.unfinished.resumable(scenario)
    assert offer.play == left and offer.decision == 2
