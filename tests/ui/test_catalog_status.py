"""The catalogue's status line: the mode, counts and reviews on one line, the mode's hint only
where it fits, and a click on it switching the mode."""

from __future__ import annotations

from collections.abc import Callable

from scenario_tui.play.modes import EXAM, PRACTICE, TIMED_EXAM
from scenario_tui.play.progress_report import ReviewStatus
from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.widgets.catalog_status import CatalogCounts, CatalogStatus, catalog_status_line

COUNTS = CatalogCounts(mode=PRACTICE, shown=3, total=5, broken=1,
                       reviews=ReviewStatus(next_due="2026-12-01T09:00:00+00:00"))


def test_a_wide_line_has_the_hint_and_every_count() -> None:
    text = catalog_status_line(COUNTS, 200).plain
    assert text.startswith("Mode  Practice  feedback after every choice (F2) · 3 of 5 shown")
    assert " · 1 broken · next review " in text


def test_a_narrow_line_drops_the_hint_before_any_count() -> None:
    text = catalog_status_line(COUNTS, 60).plain
    assert "feedback" not in text
    assert text.startswith("Mode  Practice  · 3 of 5 shown · 1 broken · next review ")


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
