"""Snapshots of practice feedback on a wrong choice that has a misconception and a source: the
mistaken belief, the fact that corrects it, and both sources as short links. Update only after
reading the report."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from .pilot_steps import settle

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.mark.parametrize("size", SIZES)
class TestMisconceptionFeedback:
    def test_feedback_with_a_misconception_and_a_source(self, snap_compare, make_app,
                                                         size) -> None:
        async def choose_multi_az(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("2")  # Enable Multi-AZ: wrong, tagged, with a source
            await settle(pilot)

        assert snap_compare(make_app("cache-the-catalogue"), terminal_size=size,
                            run_before=choose_multi_az)
