"""Snapshots of every option explained (after a practice choice and in the debrief) and of the
debrief scrolled from the keyboard, at 80x24 and 120x40, on the debrief fixture."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from scenario_tui.play.modes import EXAM, PRACTICE
from scenario_tui.play.session import Session
from scenario_tui.ui.app import ScenarioApp

from .pilot_steps import settle

DEBRIEF = Path(__file__).resolve().parent.parent / "fixtures" / "ui_debrief"
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def keys(*pressed: str) -> Callable[[Pilot], object]:
    async def run(pilot: Pilot) -> None:
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)

    return run


@pytest.mark.parametrize("size", SIZES)
class TestEveryOption:
    def test_all_options_after_a_practice_choice(self, snap_compare,
                                                 make_app: Callable[..., ScenarioApp],
                                                 make_session: Callable[..., Session],
                                                 size) -> None:
        app = make_app("meeple-debrief", mode=PRACTICE, session=make_session(DEBRIEF))
        assert snap_compare(app, terminal_size=size, run_before=keys("1", "o"))

    def test_all_options_in_the_debrief(self, snap_compare,
                                        make_app: Callable[..., ScenarioApp],
                                        make_session: Callable[..., Session], size) -> None:
        app = make_app("meeple-debrief", mode=EXAM, session=make_session(DEBRIEF))
        assert snap_compare(app, terminal_size=size,
                            run_before=keys("2", "1", "1", "o", "right"))

    def test_debrief_scrolled_with_the_keys(self, snap_compare,
                                            make_app: Callable[..., ScenarioApp],
                                            make_session: Callable[..., Session],
                                            size) -> None:
        app = make_app("meeple-debrief", mode=EXAM, session=make_session(DEBRIEF))
        assert snap_compare(app, terminal_size=size,
                            run_before=keys("2", "1", "1", "pagedown", "j", "j"))
