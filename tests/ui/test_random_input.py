"""No key crashes anything: seeded random input on every screen and state, at two sizes.

For each size (80x24 and 120x40) the app is brought to each state in turn (catalogue, play in
practice and in exam, practice feedback, debrief, its decision tree, the replay picker, stats,
review, help, the command palette; the author preview in its own app), and random keys are
pressed there in batches of `BATCH`, with a click at a random cell after each batch and a wait
on the app (its workers and its screen, never a clock) between batches. Batches take turns
arriving two ways: typed, each key handled before the next (as `Pilot.press` does), and in a
burst, posted at once as a terminal delivers keys typed faster than the screen draws (a held
key, a fast typist). Every crash these tests found came in a burst; test_fast_keys.py
replays each. Afterwards the app must still run, must not have failed (in a handler or in a
worker), and must still answer: back at the catalogue a typed filter finds a scenario and
Enter opens it (in the author preview, a choice shows its feedback).

`KEYS` keys per state, 12 states: 1,008 keys at each size. The keys come from digits,
letters, Enter, Escape, Tab and Shift+Tab, arrows, PgUp/PgDn, Home/End, F1, F2, `?`, Space and
Ctrl+P/T/R, weighted so that most act on the state under test. Ctrl+Q is left out, and quitting
is by design rather than a crash: the test apps count a quit (the footer's, or the palette's
Quit command) instead of taking it, and count the palette's screenshot instead of writing a
file; no link reaches a web browser.

A last test walks random paths through every library scenario with the engine alone, in both
modes, and checks that each one reaches an ending.

The seeds are fixed for CI. Locally, other runs:

    SCENARIO_TUI_MONKEY_SEED=7 pytest tests/ui/test_random_input.py      # other seeds
    SCENARIO_TUI_MONKEY_KEYS=1000 pytest tests/ui/test_random_input.py   # more keys per state
    SCENARIO_TUI_MONKEY_BURSTS=all pytest tests/ui/test_random_input.py  # every batch a burst

A failure names the seed, state and size, and ends with the inputs that led to it ("burst:"
marks the keys that came at once). A burst that starts background work (opening a scenario,
reading statistics) meets its result at a key that can differ between runs: a crash that shows
once in a while is still a crash.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import webbrowser
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Input
from textual.worker import Worker, WorkerState

from scenario_tui.analysis.scoring import analyse
from scenario_tui.authoring.file_check import VALID
from scenario_tui.play import library
from scenario_tui.play.engine import PlayError, debrief, start
from scenario_tui.play.modes import EXAM, PRACTICE
from scenario_tui.play.session import Session
from scenario_tui.ui.screens.author import AuthorScreen
from scenario_tui.ui.screens.catalog import CatalogScreen
from scenario_tui.ui.screens.help import HelpScreen
from scenario_tui.ui.screens.play import PlayScreen
from scenario_tui.ui.screens.resume import ResumeDialog
from scenario_tui.ui.widgets.scenario_list import ScenarioList

from .history import seed_history
from .monkey import (
    BENEATH,
    CACHE,
    STATES,
    MonkeyApp,
    MonkeyAuthorApp,
    burst,
    quiet,
    to_catalogue,
)

SEED = os.environ.get("SCENARIO_TUI_MONKEY_SEED", "2026")
"""The base seed; each test's own is this, its state and its size."""
KEYS = int(os.environ.get("SCENARIO_TUI_MONKEY_KEYS", "84"))
"""Random keys per state and size: 12 states, 1,008 keys at each size. A key costs the app
about 45 ms of CPU (a focus change or opening help far more), so the whole file takes about
100 s of CPU; `SCENARIO_TUI_MONKEY_KEYS=1000` gives each state 1,000 keys (about 20 minutes)."""
BATCH = 20
"""Keys pressed before a click and a wait on the app."""
ALL_BURSTS = os.environ.get("SCENARIO_TUI_MONKEY_BURSTS") == "all"
"""Every batch in a burst (to explore), instead of typed and burst batches in turn."""
SIZES = [(80, 24), (120, 40)]
AUTHOR = Path(__file__).resolve().parent.parent / "fixtures" / "author"

DIGITS = [str(n) for n in range(10)]
LETTERS = [chr(c) for c in range(ord("a"), ord("z") + 1)] + ["A", "G", "J", "K", "N", "Q"]
MOVES = ["enter", "up", "down", "left", "right", "pageup", "pagedown",
         "home", "end", "space"]
FOCUS = ["tab", "shift+tab"]
GLOBAL = ["escape", "f1", "f2", "question_mark", "ctrl+p", "ctrl+t", "ctrl+r"]
"""Keys that open or leave a screen (Ctrl+Q is left out: it quits, by design)."""
ALPHABET = [(DIGITS, 6), (LETTERS, 4), (MOVES, 7), (FOCUS, 1), (GLOBAL, 1)]
"""Each group and its weight: most keys act on the state under test, a few move the focus
(which costs the app most: its footer is rebuilt) or leave the state."""


def random_key(rng: random.Random) -> str:
    keys = rng.choices([group for group, _ in ALPHABET], [w for _, w in ALPHABET])[0]
    return rng.choice(keys)


class Monkey:
    """Presses random keys and clicks at random cells, and keeps what it did for a failure's
    report.

    Help, opened by a stray F1 or `?` while another state is under test, is closed after the
    batch: it takes keys until Escape, q, F1 or `?` (about one key in forty) and scrolling its
    long text is dear, so it would take a third of every state's keys and time."""

    def __init__(self, pilot: Pilot, rng: random.Random, size: tuple[int, int], *,
                 leave_help: bool = True) -> None:
        self.pilot = pilot
        self.rng = rng
        self.size = size
        self.leave_help = leave_help
        self.inputs: list[str] = []
        self.keys = self.clicks = 0

    async def run(self, count: int) -> None:
        """`count` random keys, a batch at a time, each batch followed by a click. Batches
        take turns: one typed (each key handled before the next), one in a burst."""
        app = self.pilot.app
        for number, done in enumerate(range(0, count, BATCH)):
            batch = [random_key(self.rng) for _ in range(min(BATCH, count - done))]
            if number % 2 or ALL_BURSTS:
                self.inputs.append("burst:")
                self.inputs.extend(batch)
                burst(app, batch)
                await self.pilot.pause()
            else:
                self.inputs.extend(batch)
                await self.pilot.press(*batch)
            self.keys += len(batch)
            if not app.is_running:
                return
            x, y = self.rng.randrange(self.size[0]), self.rng.randrange(self.size[1])
            self.inputs.append(f"click({x},{y})")
            await self.pilot.click(offset=(x, y))
            self.clicks += 1
            await quiet(self.pilot)
            if not app.is_running:
                return
            if self.leave_help and isinstance(app.screen, HelpScreen):
                self.inputs.append("(escape)")
                await self.pilot.press("escape")
                await quiet(self.pilot)

    def report(self) -> str:
        return f"last inputs: {' '.join(self.inputs[-60:])}"


def failed_workers() -> tuple[list[str], Callable[[Message], None]]:
    """A list of the workers that failed, and the message hook that fills it: a failed
    worker is a notice on screen, but under random input it is still a bug."""
    failures: list[str] = []

    def hook(message: Message) -> None:
        if isinstance(message, Worker.StateChanged) and message.state == WorkerState.ERROR:
            failure = f"{message.worker.description}: {message.worker.error!r}"
            if failure not in failures:
                failures.append(failure)

    return failures, hook


@pytest.fixture(autouse=True)
def no_browser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Links the monkey says yes to are recorded, never opened."""
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    return opened



ROUNDS = {"help": len(BENEATH), "palette": len(BENEATH)}
"""How many times a state is brought back, its keys shared between the rounds (once if not
named): help and the palette open over each screen of `BENEATH` in turn."""


def shares(keys: int, rounds: int) -> list[int]:
    """`keys` split into `rounds` near-equal parts."""
    return [keys // rounds + (part < keys % rounds) for part in range(rounds)]


async def still_answers(pilot: Pilot) -> None:
    """Back at the catalogue, a typed filter finds the scenario and Enter opens it."""
    await to_catalogue(pilot, 0)
    screen = pilot.app.screen
    assert isinstance(screen, CatalogScreen)
    screen.query_one("#filter", Input).focus()
    await pilot.press(*"catalogue")
    await quiet(pilot)
    matching = screen.query_one(ScenarioList).matching
    assert [entry.id for entry in matching] == [CACHE]
    await pilot.press("enter")
    await quiet(pilot)
    if isinstance(pilot.app.screen, ResumeDialog):  # a run the random keys left part-way
        await pilot.press("s")
        await quiet(pilot)
    assert isinstance(pilot.app.screen, PlayScreen) and pilot.app.screen.scenario.id == CACHE


def seeded(state: str, size: tuple[int, int]) -> random.Random:
    return random.Random(f"{SEED}/{state}/{size[0]}x{size[1]}")


PARTS = [list(STATES)[:4], list(STATES)[4:8], list(STATES)[8:]]
"""The states in three runs of one app each, so that workers share them."""


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("states", PARTS, ids=lambda states: f"{states[0]}-to-{states[-1]}")
async def test_random_input_never_crashes(states: list[str], size: tuple[int, int],
                                          make_session: Callable[..., Session]) -> None:
    session = make_session()
    seed_history(session)  # so stats has rows and reviews are due
    app = MonkeyApp(session)
    failures, hook = failed_workers()
    monkey: Monkey | None = None
    state = "start-up"
    keys = 0
    try:
        async with app.run_test(size=size, message_hook=hook) as pilot:
            await quiet(pilot)
            for state in states:
                monkey = Monkey(pilot, seeded(state, size), size, leave_help=state != "help")
                for round_, share in enumerate(shares(KEYS, ROUNDS.get(state, 1))):
                    await STATES[state](pilot, round_)
                    await monkey.run(share)
                    if not app.is_running:
                        break
                assert app.is_running and app.return_code is None
                assert monkey.keys >= KEYS
                keys += monkey.keys
            state = "the end"
            await still_answers(pilot)
    except BaseException as error:
        error.add_note(f"seed {SEED!r}, state {state}, size {size}; "
                       f"{monkey.report() if monkey else 'before the first key'}")
        raise
    assert app.return_code is None
    assert not failures
    assert keys == KEYS * len(states)


# The author preview --------------------------------------------------------------------

async def to_author_preview(pilot: Pilot) -> AuthorScreen:
    app = pilot.app
    while len(app.screen_stack) > 1:
        app.pop_screen()
    await quiet(pilot)
    screen = app.screen
    assert isinstance(screen, AuthorScreen) and screen.shown is not None
    assert screen.shown.state == VALID and screen.shown.scenario is not None
    await pilot.press("escape")  # from the problems view, if the keys went there
    screen.test_from(screen.shown.scenario.start)
    await quiet(pilot)
    return screen


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_random_input_never_crashes_the_author_preview(
        size: tuple[int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("preview-valid.yaml", "glossary.yaml", "misconceptions.yaml"):
        shutil.copy(AUTHOR / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    # polled once an hour: nothing changes the file, and a timer that never fires keeps the
    # run the same every time (Ctrl+R still checks it again on demand)
    app = MonkeyAuthorApp("preview-valid.yaml", interval=3600.0, poll=True,
                          today=lambda: dt.date(2026, 11, 26))
    failures, hook = failed_workers()
    monkey: Monkey | None = None
    try:
        async with app.run_test(size=size, message_hook=hook) as pilot:
            monkey = Monkey(pilot, seeded("author", size), size)
            await quiet(pilot)
            await to_author_preview(pilot)
            await monkey.run(KEYS)
            assert app.is_running and app.return_code is None
            screen = await to_author_preview(pilot)
            await pilot.press("1")
            await quiet(pilot)
            assert screen.trial is not None and screen.trial.feedback is not None
    except BaseException as error:
        error.add_note(f"seed {SEED!r}, state author, size {size}; "
                       f"{monkey.report() if monkey else 'before the first key'}")
        raise
    assert app.return_code is None
    assert not failures
    assert monkey is not None and monkey.keys >= KEYS


# Random paths with the engine alone ------------------------------------------------------

WALKS = 40
"""Random walks per scenario and mode."""


@pytest.fixture(scope="module")
def scenarios() -> dict[str, Any]:
    found = library.load().scenarios
    assert found
    return found


@pytest.mark.parametrize("mode", [PRACTICE, EXAM])
def test_random_paths_through_every_library_scenario_reach_an_ending(
        mode: str, scenarios: dict[str, Any]) -> None:
    """Random choices (some out of range, and in practice random undos) from the start of
    each scenario always end, scoring between the worst and the best."""
    for scenario_id, scenario in sorted(scenarios.items()):
        rng = random.Random(f"{SEED}/walk/{mode}/{scenario_id}")
        analysis = analyse(scenario)
        endings: set[tuple[str, ...]] = set()
        for walk in range(WALKS):
            where = f"{scenario_id}, {mode}, walk {walk}, seed {SEED!r}"
            play = start(scenario, mode)
            for _ in range(100 * len(scenario.nodes)):
                if play.finished(scenario):
                    break
                options = scenario.choices(play.node(scenario))
                assert options, f"{where}: a dead end at {play.node(scenario)}"
                if mode == PRACTICE and play.choices and rng.random() < 0.2:
                    play = play.undo()
                    continue
                index = rng.randrange(len(options) + 1)  # one past the end: refused
                try:
                    play = play.choose(scenario, index)
                except PlayError:
                    assert index == len(options), where
            assert play.finished(scenario), f"{where}: no ending after many moves"
            report = debrief(scenario, play, analysis)
            assert report.worst <= report.score <= report.best, where
            assert scenario.is_ending(report.ending), where
            endings.add(tuple(c.target for c in play.choices))
        assert len(endings) > 1, f"{scenario_id}: every random walk took the same path"
