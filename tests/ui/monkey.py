"""The random-input tests' tools: apps that count a quit instead of taking it, keys that
arrive in one burst, a wait on the app, and the way to each state from wherever keys left it.

Used by test_random_input.py (the monkey) and test_fast_keys.py (what it found).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input
from textual.worker import WorkerCancelled, WorkerError, WorkerFailed

from scenario_tui.analysis.scoring import analyse
from scenario_tui.play.engine import start
from scenario_tui.play.modes import EXAM, PRACTICE
from scenario_tui.play.session import Session
from scenario_tui.ui import author_app
from scenario_tui.ui.author_app import AuthorApp
from scenario_tui.ui.messages import BackToCatalogue, OpenScenario, PlayFinished
from scenario_tui.ui.screens.catalog import CatalogScreen
from scenario_tui.ui.screens.debrief import DebriefScreen
from scenario_tui.ui.screens.help import HelpScreen
from scenario_tui.ui.screens.play import PlayScreen
from scenario_tui.ui.screens.replay import ReplayDialog
from scenario_tui.ui.screens.resume import START_OVER, ResumeDialog
from scenario_tui.ui.screens.review import ReviewScreen
from scenario_tui.ui.screens.stats import StatsScreen
from scenario_tui.ui.widgets.decision_tree import DecisionTree

from .pilot_steps import UNENDING_GROUPS
from .steady import SteadyApp

CACHE = "cache-the-catalogue"


class Unquitting(App[Any]):
    """Counts the ways out it is asked for instead of taking them, so the run goes on."""

    quits = 0
    screenshots = 0

    async def action_quit(self) -> None:
        self.quits += 1

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        self.screenshots += 1
        return None


class MonkeyApp(Unquitting, SteadyApp):
    """The scenario app under random input."""


class MonkeyAuthorApp(Unquitting, AuthorApp):
    """The author preview under random input."""

    CSS_PATH = Path(author_app.__file__).with_name(AuthorApp.CSS_PATH)  # type: ignore[arg-type]


CHARACTERS = {"space": " ", "question_mark": "?"}


def burst(app: App[Any], keys: list[str]) -> None:
    """Post `keys` to the app at once, as a terminal delivers keys typed faster than the
    screen draws (a held key, a fast typist): each is handled before the screen catches up."""
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else CHARACTERS.get(key))
        event.set_sender(app)
        app.post_message(event)


async def quiet(pilot: Pilot) -> None:
    """Wait until background work is done and the screen has caught up, twice (a worker's
    result can start another). A failed worker is recorded by the message hook, not here."""
    for _ in range(2):
        for worker in [w for w in pilot.app.workers if w.group not in UNENDING_GROUPS]:
            with suppress(WorkerCancelled, WorkerFailed, WorkerError):
                await worker.wait()
        await pilot.pause()


async def to_catalogue(pilot: Pilot, round_: int) -> None:
    pilot.app.post_message(BackToCatalogue())
    await quiet(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CatalogScreen)
    screen.query_one("#filter", Input).value = ""
    await quiet(pilot)


async def to_play(pilot: Pilot, mode: str) -> PlayScreen:
    await to_catalogue(pilot, 0)
    pilot.app.post_message(OpenScenario(CACHE, mode))
    await quiet(pilot)
    if isinstance(pilot.app.screen, ResumeDialog):  # a run the random keys left part-way
        pilot.app.screen.dismiss(START_OVER)
        await quiet(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, PlayScreen) and screen.play.mode == mode
    return screen


async def to_practice(pilot: Pilot, round_: int) -> None:
    await to_play(pilot, PRACTICE)


async def to_exam(pilot: Pilot, round_: int) -> None:
    await to_play(pilot, EXAM)


async def to_feedback(pilot: Pilot, round_: int) -> None:
    screen = await to_play(pilot, PRACTICE)
    await pilot.press("1")
    await quiet(pilot)
    assert screen.feedback is not None


async def to_debrief(pilot: Pilot, round_: int) -> DebriefScreen:
    await to_catalogue(pilot, round_)
    scenario = pilot.app.session.scenario(CACHE)  # type: ignore[attr-defined]
    play = start(scenario, EXAM).choose(scenario, 0).choose(scenario, 0)  # cache, lazy loading
    pilot.app.post_message(PlayFinished(scenario, play, analyse(scenario), 60.0))
    await quiet(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, DebriefScreen)
    return screen


async def to_tree(pilot: Pilot, round_: int) -> None:
    screen = await to_debrief(pilot, round_)
    await pilot.press("t")
    await quiet(pilot)
    assert screen.focused is screen.query_one(DecisionTree)


async def to_replay(pilot: Pilot, round_: int) -> None:
    await to_debrief(pilot, round_)
    await pilot.press("p")
    await quiet(pilot)
    assert isinstance(pilot.app.screen, ReplayDialog)


async def to_stats(pilot: Pilot, round_: int) -> None:
    await to_catalogue(pilot, round_)
    await pilot.press("ctrl+t")
    await quiet(pilot)
    assert isinstance(pilot.app.screen, StatsScreen)


async def to_review(pilot: Pilot, round_: int) -> None:
    await to_catalogue(pilot, round_)
    session: Session = pilot.app.session  # type: ignore[attr-defined]
    for _ in range(20):  # answered cards come back later each time: move the clock on
        if session.reviews().due:
            break
        session.wall_clock.at += dt.timedelta(days=365)  # type: ignore[attr-defined]
    await pilot.press("ctrl+r")
    await quiet(pilot)
    assert isinstance(pilot.app.screen, ReviewScreen)


BENEATH: list[Callable[[Pilot, int], Awaitable[object]]] = [to_catalogue, to_practice,
                                                            to_debrief]
"""What help and the palette open over, a round each in turn."""


async def to_help(pilot: Pilot, round_: int) -> None:
    await BENEATH[round_ % len(BENEATH)](pilot, round_)
    await pilot.press("f1")
    await quiet(pilot)
    assert isinstance(pilot.app.screen, HelpScreen)


async def to_palette(pilot: Pilot, round_: int) -> None:
    await BENEATH[round_ % len(BENEATH)](pilot, round_)
    await pilot.press("ctrl+p")
    await quiet(pilot)
    assert isinstance(pilot.app.screen, CommandPalette)


STATES: dict[str, Callable[[Pilot, int], Awaitable[object]]] = {
    "catalogue": to_catalogue, "practice": to_practice, "exam": to_exam,
    "feedback": to_feedback, "debrief": to_debrief, "tree": to_tree, "replay": to_replay,
    "stats": to_stats, "review": to_review, "help": to_help, "palette": to_palette,
}
