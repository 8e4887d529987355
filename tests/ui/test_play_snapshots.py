"""Snapshots of the play screen's new states: the resume offer, the service cards folded away,
and the reading column on a wide terminal.

Update only after looking at the report: `pytest tests/ui --snapshot-update`.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from .pilot_steps import settle

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
SCENARIO = "cache-the-catalogue"


@pytest.mark.parametrize("size", SIZES)
class TestResume:
    def test_resume_offer(self, snap_compare, make_app, size) -> None:
        async def leave_and_open_again(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("2", "enter", "1", "escape")  # left on decision 2's feedback
            await settle(pilot)
            await pilot.press(*"cache the", "enter")
            await settle(pilot)
            pilot.app.clear_notifications()  # "Run kept": a toast that times out
            await settle(pilot)

        assert snap_compare(make_app(SCENARIO), terminal_size=size,
                            run_before=leave_and_open_again)


@pytest.mark.parametrize("size", SIZES)
class TestLayout:
    def test_service_cards_folded(self, snap_compare, make_app, size) -> None:
        """Folded by default below 100 columns; at 120, folded with `s`."""

        async def choose(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("2", "enter", *(["s"] if size[0] >= 100 else []))
            await settle(pilot)

        assert snap_compare(make_app(SCENARIO), terminal_size=size, run_before=choose)


def test_reading_column_on_a_wide_terminal(snap_compare, make_app) -> None:
    assert snap_compare(make_app(SCENARIO), terminal_size=(200, 50), run_before=settle)
