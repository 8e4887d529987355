"""Snapshot tests for every screen and state, at 80x24 and 120x40, on fixture scenarios.

Update only after looking at the report: `pytest tests/ui --snapshot-update`.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from scenario_tui.play.modes import EXAM

from .pilot_steps import exam_to_the_debrief, palette_search, settle

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.mark.parametrize("size", SIZES)
class TestCatalog:
    def test_catalog_with_a_broken_scenario(self, snap_compare, make_app, size) -> None:
        assert snap_compare(make_app(), terminal_size=size, run_before=settle)

    def test_broken_scenario_selected(self, snap_compare, make_app, size) -> None:
        async def select_broken(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("down")  # by title: the broken file is second
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=size, run_before=select_broken)

    def test_filtered_to_markup_and_escapes(self, snap_compare, make_app, size) -> None:
        async def type_filter(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press(*"hostile")
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=size, run_before=type_filter)


@pytest.mark.parametrize("size", SIZES)
class TestPlay:
    def test_practice_first_decision(self, snap_compare, make_app, size) -> None:
        assert snap_compare(make_app("cache-the-catalogue"), terminal_size=size,
                            run_before=settle)

    def test_exam_after_one_choice(self, snap_compare, make_app, size) -> None:
        async def choose(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("2")
            await settle(pilot)

        assert snap_compare(make_app("cache-the-catalogue", mode=EXAM), terminal_size=size,
                            run_before=choose)

    def test_practice_feedback_after_a_choice(self, snap_compare, make_app, size) -> None:
        async def choose(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("3")
            await settle(pilot)

        assert snap_compare(make_app("cache-the-catalogue"), terminal_size=size,
                            run_before=choose)

    def test_markup_and_escapes_shown_literally(self, snap_compare, make_app, size) -> None:
        async def choose(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("1")
            await settle(pilot)

        assert snap_compare(make_app("markup-and-escapes"), terminal_size=size,
                            run_before=choose)


@pytest.mark.parametrize("size", SIZES)
class TestDebrief:
    def test_debrief_top(self, snap_compare, make_app, size) -> None:
        async def finish(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("3", "2")
            await settle(pilot)

        assert snap_compare(make_app("cache-the-catalogue", mode=EXAM), terminal_size=size,
                            run_before=finish)

    def test_debrief_tree(self, snap_compare, make_app, size) -> None:
        async def finish(pilot: Pilot) -> None:
            await exam_to_the_debrief(pilot, "t", "down", "down")

        assert snap_compare(make_app("cache-the-catalogue", mode=EXAM), terminal_size=size,
                            run_before=finish)

    def test_replay_dialog(self, snap_compare, make_app, size) -> None:
        async def finish(pilot: Pilot) -> None:
            await exam_to_the_debrief(pilot, "p")

        assert snap_compare(make_app("cache-the-catalogue", mode=EXAM), terminal_size=size,
                            run_before=finish)


@pytest.mark.parametrize("size", SIZES)
class TestHelpAndPalette:
    def test_help(self, snap_compare, make_app, size) -> None:
        async def open_help(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("f1")
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=size, run_before=open_help)

    def test_command_palette_with_a_query(self, snap_compare, make_app, size) -> None:
        async def search(pilot: Pilot) -> None:
            await settle(pilot)
            await palette_search(pilot, "hostile")  # one provider answers, so the order is fixed
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=size, run_before=search)
