"""The catalogue marks a scenario with a run left part-way (a symbol and words, not colour
alone): in its row, its preview and the status line, from the moment the learner leaves it,
after a restart, and no longer once the run is finished or started over."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from scenario_tui.play.modes import EXAM, PRACTICE
from scenario_tui.play.session import Session
from scenario_tui.ui.screens.catalog import CatalogScreen
from scenario_tui.ui.screens.play import PlayScreen
from scenario_tui.ui.screens.resume import ResumeDialog
from scenario_tui.ui.widgets.catalog_status import CatalogStatus
from scenario_tui.ui.widgets.scenario_list import PART_WAY_LABEL, ScenarioList

from .pilot_steps import settle
from .steady import SteadyApp
from .test_resume import SCENARIO, leave_part_way, open_from_catalogue
from .test_snapshots import SIZES


def marks(pilot: Pilot) -> tuple[list[str], str, str]:
    """The ids of the rows marked part-way, the preview and the status line."""
    screen = pilot.app.screen
    assert isinstance(screen, CatalogScreen)
    listing = screen.query_one("#scenarios", ScenarioList)
    prompts = [str(option.prompt) for option in listing.options if not option.disabled]
    rows = [entry.id for entry, prompt in zip(listing.matching, prompts, strict=True)
            if PART_WAY_LABEL in prompt]
    status = str(screen.query_one(CatalogStatus).render())
    return rows, str(screen.query_one("#preview", Static).render()), status


async def filter_to_it(pilot: Pilot) -> None:
    await pilot.press(*"cache the")
    await settle(pilot)


@pytest.mark.parametrize("mode", [PRACTICE, EXAM])
async def test_a_run_left_part_way_is_marked_until_it_is_finished(
        make_session: Callable[..., Session], mode: str) -> None:
    app = SteadyApp(make_session(), start_id=SCENARIO, mode=mode)
    async with app.run_test(size=(80, 24)) as pilot:
        await leave_part_way(pilot, mode)
        await filter_to_it(pilot)
        rows, preview, status = marks(pilot)
        assert rows == [SCENARIO]
        assert "◔ Left part-way at decision 2" in preview
        assert "◔\xa01\xa0part-way" in status
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("r")                   # resume, and play it to its ending
        await settle(pilot)
        while isinstance(app.screen, PlayScreen):
            await pilot.press("1", *(["enter"] if mode == PRACTICE else []))
            await settle(pilot)
        await pilot.press("escape")              # the debrief, back to the catalogue
        await settle(pilot)
        rows, preview, status = marks(pilot)
        assert rows == [] and "part-way" not in preview + status


async def test_the_mark_survives_a_restart_and_goes_when_started_over(
        make_session: Callable[..., Session]) -> None:
    app = SteadyApp(make_session(), start_id=SCENARIO, mode=EXAM)
    async with app.run_test(size=(80, 24)) as pilot:
        await leave_part_way(pilot, EXAM)
    app.session.close()

    again = SteadyApp(make_session())
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await filter_to_it(pilot)
        rows, preview, status = marks(pilot)
        assert rows == [SCENARIO] and "◔\xa01\xa0part-way" in status
        assert "◔ Left part-way at decision 2" in preview
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(again.screen, ResumeDialog)
        await pilot.press("s", "escape")         # start over, and leave before a choice
        await settle(pilot)
        rows, preview, status = marks(pilot)
        assert rows == [] and "part-way" not in preview + status


@pytest.mark.parametrize("size", SIZES)
def test_catalogue_with_a_run_left_part_way(snap_compare, make_session, size) -> None:
    async def leave(pilot: Pilot) -> None:
        await leave_part_way(pilot, EXAM)
        await open_from_catalogue(pilot)        # the resume dialog, then cancel it
        await pilot.press("escape")
        pilot.app.clear_notifications()          # "Run kept" would cover the status line
        await settle(pilot)

    app = SteadyApp(make_session(), start_id=SCENARIO, mode=EXAM)
    assert snap_compare(app, terminal_size=size, run_before=leave)
