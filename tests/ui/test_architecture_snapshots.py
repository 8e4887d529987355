"""Snapshots of the consequence engine's screens: the diagram panel in play (boxes at 120
columns, a list at 80), the debrief's chaos round, and the author preview with its faults run.

Update only after looking at the report: `pytest tests/ui/test_architecture_snapshots.py
--snapshot-update`.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from scenario_tui.play.modes import EXAM
from scenario_tui.ui.author_app import AuthorApp

from .pilot_steps import settle
from .test_architecture_panel import ARCHITECTURE, SHOP, shop
from .test_chaos_round import ENDS_EARLY, WORST, wait_for

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.mark.parametrize("size", SIZES)
class TestArchitectureSnapshots:
    def test_play_with_diagram(self, snap_compare, make_app, make_session, size) -> None:
        async def two_choices(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("1", "enter", "2")  # a change, then an added replica
            await settle(pilot)

        assert snap_compare(shop(make_app, make_session), terminal_size=size,
                            run_before=two_choices)

    def test_debrief_chaos_round(self, snap_compare, make_app, make_session, size) -> None:
        async def to_the_round(pilot: Pilot) -> None:
            await settle(pilot)
            for key in WORST:
                await pilot.press(key)
                await settle(pilot)
            await pilot.press("c")
            await settle(pilot)

        assert snap_compare(shop(make_app, make_session), terminal_size=size,
                            run_before=to_the_round)

    def test_debrief_chaos_round_not_reached(self, snap_compare, make_app, make_session,
                                             shop_ending_early, size) -> None:
        """A path that ended before the cache decision: that fault's side is not reached."""
        async def to_the_cache_fault(pilot: Pilot) -> None:
            await settle(pilot)
            for key in ENDS_EARLY:
                await pilot.press(key)
                await settle(pilot)
            title = pilot.app.screen.query(".chaos-fault")[1]
            title.scroll_visible(top=True, animate=False)
            await settle(pilot)

        app = shop(make_app, make_session, session=make_session(shop_ending_early))
        assert snap_compare(app, terminal_size=size, run_before=to_the_cache_fault)

    def test_exam_debrief_offers_the_round(self, snap_compare, make_app, make_session,
                                           size) -> None:
        async def to_the_offer(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("2", "2", "2")
            await settle(pilot)
            pilot.app.screen.query_one("#chaos").scroll_visible(top=True, animate=False)
            await settle(pilot)

        assert snap_compare(shop(make_app, make_session, mode=EXAM), terminal_size=size,
                            run_before=to_the_offer)

    def test_author_preview_architecture(self, snap_compare, monkeypatch, size) -> None:
        monkeypatch.chdir(ARCHITECTURE)

        async def run_faults(pilot: Pilot) -> None:
            await wait_for(pilot, lambda: getattr(pilot.app.screen, "trial", None) is not None)
            await settle(pilot)
            await pilot.press("1", "f")
            await settle(pilot)

        app = AuthorApp(f"{SHOP}.yaml", interval=60.0)
        assert snap_compare(app, terminal_size=size, run_before=run_faults)
