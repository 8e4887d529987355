"""Snapshot tests for the stats and review screens, on a fixed history of fixture plays.

The history is recorded through the core API with a fixed wall clock (`history.py`), so
every date and due count on screen is the same on every run.
Update only after looking at the report: `pytest tests/ui --snapshot-update`.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from .history import seed_history
from .test_review import review_both
from .test_snapshots import SIZES, settle


@pytest.fixture
def app_with_history(make_app, make_session):
    """An app on the fixture scenarios whose learner has played four times."""
    session = make_session()
    seed_history(session)
    return make_app(session=session)


@pytest.mark.parametrize("size", SIZES)
class TestStats:
    def test_stats_with_history(self, snap_compare, app_with_history, size) -> None:
        async def open_stats(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("ctrl+t")
            await settle(pilot)

        assert snap_compare(app_with_history, terminal_size=size, run_before=open_stats)

    def test_stats_after_a_review(self, snap_compare, app_with_history, size) -> None:
        """Reviews answered, right and wrong, beside what is due next."""
        assert snap_compare(app_with_history, terminal_size=size, run_before=review_both)

    def test_stats_before_any_play(self, snap_compare, make_app, size) -> None:
        async def open_stats(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("ctrl+t")
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=size, run_before=open_stats)


@pytest.mark.parametrize("size", SIZES)
class TestReview:
    def test_catalog_with_history(self, snap_compare, app_with_history, size) -> None:
        assert snap_compare(app_with_history, terminal_size=size, run_before=settle)

    def test_review_first_decision(self, snap_compare, app_with_history, size) -> None:
        async def review(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("ctrl+r")
            await settle(pilot)

        assert snap_compare(app_with_history, terminal_size=size, run_before=review)

    def test_review_feedback_on_the_second(self, snap_compare, app_with_history,
                                           size) -> None:
        async def review(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("ctrl+r")
            await settle(pilot)
            await pilot.press("2", "enter")
            await settle(pilot)
            await pilot.press("2")
            await settle(pilot)

        assert snap_compare(app_with_history, terminal_size=size, run_before=review)
