"""A long session keeps no widgets alive per play: 200 play-throughs in one app, and the
number of live widgets after the last is the number after the twentieth, give or take a few.

Each play-through is a fresh play of the fixture scenario shown with `ShowPlay` (as a retry
does); every twentieth is played to its ending, the debrief and back to the catalogue, so the
debrief screen and the catalogue's returns are in the count too. Both counts are taken on the
catalogue."""

from __future__ import annotations

import gc

from textual.pilot import Pilot
from textual.widget import Widget

from scenario_tui.play.engine import start
from scenario_tui.play.modes import EXAM
from scenario_tui.ui.messages import ShowPlay
from scenario_tui.ui.screens.catalog import CatalogScreen
from scenario_tui.ui.screens.debrief import DebriefScreen
from scenario_tui.ui.screens.play import PlayScreen

from .pilot_steps import settle

PLAYS = 200
EARLY = 20
FINISH_EVERY = 20
SLACK = 10
"""How many more live widgets the last play may leave than the twentieth (a toast, say)."""


def live_widgets() -> int:
    """Widgets still reachable: a widget and its parent refer to each other, so only a full
    collection frees them."""
    gc.collect()
    return sum(isinstance(thing, Widget) for thing in gc.get_objects())


async def play_once(pilot: Pilot, number: int) -> None:
    app = pilot.app
    scenario = app.session.scenario("cache-the-catalogue")
    app.post_message(ShowPlay(scenario, start(scenario, EXAM)))
    await pilot.pause()
    assert isinstance(app.screen, PlayScreen)
    if number % FINISH_EVERY == 0:
        await pilot.press("1", "1")
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CatalogScreen)


async def test_live_widgets_stay_flat_over_200_plays(make_app) -> None:
    app = make_app(mode=EXAM)
    counts: dict[int, int] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for number in range(1, PLAYS + 1):
            await play_once(pilot, number)
            if number in (EARLY, PLAYS):
                counts[number] = live_widgets()
    assert counts[PLAYS] - counts[EARLY] <= SLACK, counts
