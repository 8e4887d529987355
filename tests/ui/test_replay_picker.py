"""The replay picker ("Replay from…" in the debrief) shows every decision of a five-decision
play whole at 80x24, scrolls a longer one within the dialog, and always says how to close it.
Its decisions used to wrap over three lines each: the fifth was cut off, with no hint of Esc."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from scenario_tui.play.modes import EXAM
from scenario_tui.play.session import Session
from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.screens.debrief import DebriefScreen
from scenario_tui.ui.screens.play import PlayScreen
from scenario_tui.ui.screens.replay import ReplayDialog

from .pilot_steps import settle
from .test_author_narrow import drawn
from .test_snapshots import SIZES

FIVE = Path(__file__).resolve().parent.parent / "fixtures" / "ui_replay"
"""A scenario of five decisions, each situation and choice long enough to wrap."""


async def open_picker(pilot: Pilot) -> ReplayDialog:
    """Play the five decisions (exam mode) and press p in the debrief."""
    await settle(pilot)
    await pilot.press(*"11111")
    await settle(pilot)
    assert isinstance(pilot.app.screen, DebriefScreen)
    await pilot.press("p")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, ReplayDialog)
    return dialog


def on_screen(dialog: ReplayDialog, selector: str) -> bool:
    """Whether the widget is drawn whole inside the dialog, itself inside the terminal."""
    box = dialog.query_one("#replay-dialog").region
    region = dialog.query_one(selector).region
    return bool(region) and box.contains_region(region) and (
        dialog.region.contains_region(box))


@pytest.mark.parametrize("size", SIZES)
async def test_five_decisions_show_whole_with_the_keys_to_close(
        make_session: Callable[..., Session], make_app: Callable[..., ScenarioApp],
        size: tuple[int, int]) -> None:
    app = make_app("five-decisions", mode=EXAM, session=make_session(FIVE))
    async with app.run_test(size=size) as pilot:
        dialog = await open_picker(pilot)
        steps = dialog.query_one("#replay-steps", OptionList)
        assert steps.max_scroll_y == 0 and on_screen(dialog, "#replay-steps")
        shown = drawn(steps)
        assert [f"{n}." in shown for n in range(1, 6)] == [True] * 5
        assert shown.count("you chose:") == 5                   # the fifth's too
        assert on_screen(dialog, "#replay-keys")
        assert "Esc closes" in str(dialog.query_one("#replay-keys", Static).render())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)


async def test_a_short_terminal_scrolls_the_list_and_keeps_the_keys(
        make_session: Callable[..., Session], make_app: Callable[..., ScenarioApp]) -> None:
    app = make_app("five-decisions", mode=EXAM, session=make_session(FIVE))
    async with app.run_test(size=(80, 14)) as pilot:
        dialog = await open_picker(pilot)
        steps = dialog.query_one("#replay-steps", OptionList)
        assert steps.max_scroll_y > 0
        assert on_screen(dialog, "#replay-steps") and on_screen(dialog, "#replay-keys")
        await pilot.press("end")
        await settle(pilot)
        shown = drawn(steps)
        assert "5." in shown and shown.rstrip().splitlines()[-1].strip(" ▎▊").startswith(
            "you chose:")                                       # the last line is the fifth's
        await pilot.press("enter")
        await settle(pilot)
        replay = app.screen
        assert isinstance(replay, PlayScreen) and len(replay.play.choices) == 4  # at the 5th


@pytest.mark.parametrize("size", SIZES)
def test_replay_picker_of_five_decisions(snap_compare, make_session, make_app, size) -> None:
    async def open_it(pilot: Pilot) -> None:
        await open_picker(pilot)

    app = make_app("five-decisions", mode=EXAM, session=make_session(FIVE))
    assert snap_compare(app, terminal_size=size, run_before=open_it)
