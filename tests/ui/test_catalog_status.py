"""The catalogue's status line: the mode, counts and reviews on one line, the mode's hint whole
where it fits and short at 80 columns (with reviews due, a broken file or a filter), and a
click on it switching the mode."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from scenario_tui.play.modes import EXAM, PRACTICE, TIMED_EXAM
from scenario_tui.play.progress_report import ReviewStatus
from scenario_tui.play.session import Session
from scenario_tui.progress.review_schedule import ReviewItem
from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.widgets.catalog_status import CatalogCounts, CatalogStatus, catalog_status_line

from .history import seed_history
from .pilot_steps import settle
from .steady import SteadyApp

COUNTS = CatalogCounts(mode=PRACTICE, shown=3, total=5, broken=1,
                       reviews=ReviewStatus(next_due="2026-12-01T09:00:00+00:00"))


def test_a_wide_line_has_the_hint_and_every_count() -> None:
    text = catalog_status_line(COUNTS, 200).plain
    assert text.startswith("Mode  Practice  feedback after every choice (F2) · 3 of 5 shown")
    assert " · 1 broken · next review " in text


def test_a_narrow_line_drops_the_hint_before_any_count() -> None:
    text = catalog_status_line(COUNTS, 60).plain
    assert "feedback" not in text
    assert text.startswith("Mode  Practice  · 3/5 shown · 1 broken · review ")


DUE = ReviewStatus(due=(ReviewItem("s", "n", "2026-01-01T00:00:00+00:00"),) * 3)


@pytest.mark.parametrize(("mode", "short"), [(PRACTICE, "instant feedback"),
                                             (EXAM, "feedback at the end"),
                                             (TIMED_EXAM, "timed decisions")])
@pytest.mark.parametrize("shown", [3, 32])
def test_at_80_columns_a_due_review_leaves_the_mode_explained(mode: str, short: str,
                                                              shown: int) -> None:
    for broken in (0, 1):
        counts = CatalogCounts(mode=mode, shown=shown, total=32, broken=broken, reviews=DUE)
        text = catalog_status_line(counts, 78).plain
        assert len(text) <= 78
        assert f"  {short}" in text and " · 3 reviews due" in text, text
        assert (" · 1 broken" in text) == bool(broken)
        if not broken:  # the key too, where there is room
            assert f"{short} (F2) · " in text


def test_the_hint_stays_as_a_filter_changes_the_counts() -> None:
    for width in range(40, 130):
        hints = {catalog_status_line(CatalogCounts(shown=shown, total=32, broken=1,
                                                   reviews=DUE), width).plain.split(" · ")[0]
                 for shown in (0, 3, 32)}
        assert len(hints) == 1, (width, hints)


async def test_the_catalogue_explains_the_mode_with_reviews_due_at_80_and_120(
        make_session: Callable[..., Session]) -> None:
    for size, hint in (((80, 24), "instant feedback (F2)"),
                       ((120, 40), "feedback after every choice (F2)")):
        session = make_session()
        seed_history(session)
        app = SteadyApp(session)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            status = app.screen.query_one(CatalogStatus)
            text = str(status.render())
            assert f"Mode  Practice  {hint} · " in text, text
            assert " · 1 broken · 2 reviews due" in text, text
            assert len(text) <= status.size.width


def test_exam_mode_says_there_is_no_feedback() -> None:
    exam = CatalogCounts(mode=EXAM, shown=1, total=1)
    assert catalog_status_line(exam, 200).plain == (
        "Mode  Exam  no feedback until the debrief (F2) · 1 of 1 shown")


async def test_clicking_the_status_line_switches_the_mode(
        make_app: Callable[..., ScenarioApp]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        status = app.screen.query_one(CatalogStatus)
        assert "Practice" in str(status.render())
        await pilot.click("#catalog-status")
        await pilot.pause()
        assert app.mode == EXAM
        assert "Exam  no feedback until the debrief (F2)" in str(status.render())
        await pilot.press("f2")
        assert app.mode == TIMED_EXAM
        await pilot.pause()
        assert "Timed exam  a countdown on each decision (F2)" in str(status.render())
        await pilot.press("f2")
        assert app.mode == PRACTICE
