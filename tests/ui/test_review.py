"""Pilot tests for progress in the catalogue, review cards after plays, the review screen and
the stats screen. The session's wall clock is a `WallClock` the tests move on."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.pilot import Pilot

from scenario_tui.play.engine import start
from scenario_tui.play.modes import EXAM
from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.screens.catalog import CatalogScreen
from scenario_tui.ui.screens.debrief import DebriefScreen
from scenario_tui.ui.screens.review import ReviewScreen
from scenario_tui.ui.screens.review_summary import ReviewSummaryScreen
from scenario_tui.ui.screens.stats import StatsScreen
from scenario_tui.ui.widgets.scenario_list import ScenarioList

from .history import REVIEW_DAY, seed_history
from .pilot_steps import exam_to_the_debrief, open_review, palette_search, settle
from .steady import SteadyApp

CACHE = "cache-the-catalogue"


class NotedApp(SteadyApp):
    """Keeps the message of every notification it shows, in order."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.notes: list[str] = []

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:
        self.notes.append(str(message))
        super().notify(message, *args, **kwargs)


def cards(app: ScenarioApp) -> dict[tuple[str, str], str]:
    """(scenario id, node) -> due, for every review card."""
    return {(s, n): due for s, n, _, due in app.session.store.review_cards()}


def status_text(app: ScenarioApp) -> str:
    return str(app.screen.query_one("#catalog-status").render())


async def play_with_a_mistake(pilot: Pilot) -> None:
    """Exam mode: Multi-AZ (wrong), add the cache, lazy loading; then back to the catalogue."""
    await exam_to_the_debrief(pilot)
    assert isinstance(pilot.app.screen, DebriefScreen)
    await pilot.press("escape")
    await settle(pilot)


async def test_a_mistake_creates_a_card_that_falls_due(make_app) -> None:
    app = make_app(CACHE, mode=EXAM)
    async with app.run_test(size=(100, 30)) as pilot:
        await play_with_a_mistake(pilot)
        assert list(cards(app)) == [(CACHE, "slow-pages")]
        assert app.session.reviews().due == ()
        assert "next review 2026-01-03" in status_text(app)

        app.session.wall_clock.at += dt.timedelta(days=1)
        app.screen.refresh_stats()
        await settle(pilot)
        assert [i.node for i in app.session.reviews().due] == ["slow-pages"]
        assert "1 review due" in status_text(app)


async def test_catalogue_shows_best_percent_attempts_and_last_played(make_app) -> None:
    app = make_app(CACHE, mode=EXAM)
    async with app.run_test(size=(100, 30)) as pilot:
        await play_with_a_mistake(pilot)
        screen = app.screen
        assert isinstance(screen, CatalogScreen)
        listing = screen.query_one(ScenarioList)
        row = listing.matching.index(next(e for e in listing.matching if e.id == CACHE))
        text = str(listing.get_option_at_index(row).prompt)
        assert "best\xa075\xa0% · 1\xa0attempt · last 2026-01-02" in text
        listing.highlighted = row
        await pilot.pause()
        preview = str(screen.query_one("#preview").render())
        assert "best\xa075\xa0% · 1\xa0attempt · last 2026-01-02" in preview


async def test_review_replays_each_due_decision_and_reschedules_it(make_session) -> None:
    session = make_session()
    seed_history(session)
    app = NotedApp(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        before = cards(app)
        assert "2 reviews due" in status_text(app)
        await pilot.press("ctrl+r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.play.origin == "start" and screen.scenario.id == "markup-and-escapes"
        await pilot.press("1")                                   # wrong again
        await pilot.pause()
        assert screen.feedback is not None and screen.feedback.index == 0
        after_wrong = cards(app)[("markup-and-escapes", "start")]
        assert after_wrong == (REVIEW_DAY + dt.timedelta(days=1)).isoformat()
        await pilot.press("enter")
        await settle(pilot)

        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.play.origin == "slow-pages" and screen.review_run.position == 1
        await pilot.press("1")                                   # right this time
        await pilot.pause()
        assert screen.review_run.right == 1 and screen.review_run.answered == 2
        right = cards(app)[(CACHE, "slow-pages")]
        assert right > before[(CACHE, "slow-pages")]
        assert right >= (REVIEW_DAY + dt.timedelta(days=2)).isoformat()
        assert len(app.session.store.plays()) == 4               # reviews are not plays
        await pilot.press("enter")
        await settle(pilot)

        assert isinstance(app.screen, ReviewSummaryScreen)
        assert "Reviewed 2 · ✓ 1 right · ✗ 1 wrong" in str(
            app.screen.query_one("#review-counts").render())
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CatalogScreen)
        assert "next review 2026-01-11" in status_text(app)


async def test_leaving_a_review_early_keeps_the_answer(make_session, make_app) -> None:
    session = make_session()
    seed_history(session)
    app = make_app(session=session)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(pilot)
        await pilot.press("u")                                   # no undo in a review
        await pilot.press("2", "u", "escape")
        await settle(pilot)
        assert isinstance(app.screen, ReviewSummaryScreen)     # what was answered, summed up
        assert app.screen.summary.reviewed == 1
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CatalogScreen)
        assert [i.node for i in app.session.reviews().due] == ["slow-pages"]
        assert "1 review due" in status_text(app)


async def test_nothing_due_says_when_the_next_review_is(make_session) -> None:
    session = make_session()
    seed_history(session)
    session.wall_clock.at = REVIEW_DAY - dt.timedelta(days=6)
    app = NotedApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert isinstance(app.screen, CatalogScreen)
        assert app.notes == [
            "Nothing is due for review. The next decision comes back on 2026-01-05."]


async def test_stats_from_the_palette_and_review_from_stats(make_session, make_app) -> None:
    session = make_session()
    seed_history(session)
    app = make_app(session=session)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await palette_search(pilot, "statistics")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)
        assert app.screen.query("#score-history")
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CatalogScreen) and len(app.screen_stack) == 1


def test_plays_from_a_later_decision_are_neither_recorded_nor_scheduled(make_session) -> None:
    """What-if plays start at a decision the learner picked from the tree, knowing its points:
    they must not count as an answer. Plays from the start do."""
    session = make_session()
    scenario = session.scenario(CACHE)
    what_if = start(scenario, EXAM, origin="fill-the-cache").choose(scenario, 1)
    session.record(scenario, what_if, 2, 1.0)
    assert session.store.plays() == [] and session.store.review_cards() == []
    full = start(scenario, EXAM).choose(scenario, 0).choose(scenario, 1)
    session.record(scenario, full, 4, 1.0)
    assert [n for _, n, _, _ in session.store.review_cards()] == ["fill-the-cache"]


async def review_both(pilot: Pilot) -> None:
    """The two decisions due on `REVIEW_DAY`: the markup one wrong again, the cache one right;
    then the summary, the catalogue and the stats."""
    await open_review(pilot)
    for key in ("1", "enter", "1", "enter", "escape", "ctrl+t"):
        await pilot.press(key)
        await settle(pilot)


async def test_the_stats_count_reviews_apart_from_attempts(make_session, make_app) -> None:
    """The stats said nothing of reviews but what was due: now how many were answered, right
    and wrong (as the review's summary counted them), and still no attempt more."""
    session = make_session()
    seed_history(session)
    app = make_app(session=session)
    async with app.run_test(size=(120, 40)) as pilot:
        await review_both(pilot)
        assert isinstance(app.screen, StatsScreen)
        summary = str(app.screen.query_one("#stats-summary").render())
        assert "4\xa0attempts at 2\xa0scenarios" in summary
        assert ("Reviews: 2\xa0answered · ✓ 1 right · ✗ 1 wrong · nothing due · the next "
                "decision comes back on 2026-01-11") in summary
