"""A review session ends on a summary: how many decisions were reviewed, right and wrong, and
when each comes back; Esc, Enter or a click on its button go back to the catalogue. Snapshots
at 80x24 and 120x40."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from scenario_tui.play.progress_report import ReviewStatus
from scenario_tui.play.session import Session
from scenario_tui.play.statistics_report import ReviewAnswers
from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.screens.catalog import CatalogScreen
from scenario_tui.ui.screens.review_summary import ReviewSummaryScreen
from scenario_tui.ui.screens.stats import review_line
from scenario_tui.ui.widgets.decision_box import DecisionBox

from .history import seed_history
from .pilot_steps import settle
from .steady import SteadyApp

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def reviewed_app(make_session: Callable[..., Session]) -> ScenarioApp:
    session = make_session()
    seed_history(session)
    return SteadyApp(session)


async def review_both(pilot: Pilot) -> None:
    """Both due decisions: the hostile one wrong again, the cache one right this time."""
    await settle(pilot)
    await pilot.press("ctrl+r")
    await settle(pilot)
    await pilot.press("1", "enter")
    await settle(pilot)
    await pilot.press("1", "enter")
    await settle(pilot)


def text(app: Any) -> str:
    """The screen's texts, and the feedback in its decision box if there is one."""
    shown = [str(widget.render()) for widget in app.screen.query("Static")]
    shown += [str(box.feedback) for box in app.screen.query(DecisionBox) if box.feedback]
    return "\n".join(shown)


async def test_the_summary_counts_and_dates_each_card(reviewed_app: ScenarioApp) -> None:
    async with reviewed_app.run_test(size=(100, 30)) as pilot:
        await review_both(pilot)
        screen = reviewed_app.screen
        assert isinstance(screen, ReviewSummaryScreen)
        shown = text(reviewed_app)
        assert "Reviewed 2 · ✓ 1 right · ✗ 1 wrong" in shown
        assert "✗ Wrong · [bold red]Hostile[/] title" in shown          # shown, not parsed
        assert "Comes back on 2026-01-11, tomorrow" in shown
        assert "✓ Right · Cache the catalogue" in shown
        right = next(card for card in screen.summary.cards if card.right)
        assert right.days is not None and right.days > 1
        assert f"in {right.days}\u00a0days" in shown
        assert "Nothing else is due. The next review is on 2026-01-11." in shown
        assert "\x1b" not in shown


async def test_a_partly_right_answer_is_called_so(reviewed_app: ScenarioApp) -> None:
    """Scaling the database up scores 1 of 2: its feedback says `◐ Partly right`, and so do
    the summary's card and counts, not `✗ Wrong`."""
    async with reviewed_app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        await pilot.press("1", "enter")                  # the hostile one, wrong again
        await settle(pilot)
        await pilot.press("3")                           # scale up: partly right
        await settle(pilot)
        assert "◐ Partly right" in text(reviewed_app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(reviewed_app.screen, ReviewSummaryScreen)
        shown = text(reviewed_app)
        assert "Reviewed 2 · ✓ 0 right · ◐ 1 partly right · ✗ 1 wrong" in shown
        assert "◐ Partly right · Cache the catalogue" in shown
        assert "✗ Wrong · [bold red]Hostile[/] title" in shown


def test_the_stats_count_partly_right_answers_as_the_summary_does() -> None:
    line = review_line(ReviewStatus(), ReviewAnswers(answered=3, right=1, partly=1)).plain
    assert line.startswith("Reviews: 3\xa0answered · ✓ 1 right · ◐ 1 partly right · ✗ 1 wrong")


@pytest.mark.parametrize("key", ["escape", "enter"])
async def test_esc_or_enter_go_back_to_the_catalogue(reviewed_app: ScenarioApp,
                                                     key: str) -> None:
    async with reviewed_app.run_test(size=(80, 24)) as pilot:
        await review_both(pilot)
        assert isinstance(reviewed_app.screen, ReviewSummaryScreen)
        await pilot.press(key)
        await settle(pilot)
        assert isinstance(reviewed_app.screen, CatalogScreen)
        assert len(reviewed_app.screen_stack) == 1


async def test_a_click_on_the_button_goes_back(reviewed_app: ScenarioApp) -> None:
    async with reviewed_app.run_test(size=(120, 40)) as pilot:
        await review_both(pilot)
        assert await pilot.click("#review-summary-leave")
        await settle(pilot)
        assert isinstance(reviewed_app.screen, CatalogScreen)


async def test_leaving_before_any_answer_skips_the_summary(reviewed_app: ScenarioApp) -> None:
    async with reviewed_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(reviewed_app.screen, CatalogScreen)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_review_summary(snap_compare: Any, reviewed_app: ScenarioApp,
                        size: tuple[int, int]) -> None:
    assert snap_compare(reviewed_app, terminal_size=size, run_before=review_both)
