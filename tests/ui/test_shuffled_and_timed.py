"""Shuffled choices and the timed exam, in the app: digits follow the order shown, a play
keeps its seed through a retry, a time-out takes the worst branch and the debrief says so, and
the countdown stops while help covers the play. Clocks are fakes the test moves; the seeds are
fixed.

Snapshots: update only after reading the report (`pytest tests/ui --snapshot-update`).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Button

from scenario_tui.play.modes import TIMED_EXAM
from scenario_tui.play.session import Session
from scenario_tui.ui.screens.debrief import DebriefScreen
from scenario_tui.ui.screens.help import HelpScreen
from scenario_tui.ui.screens.play import PlayScreen
from scenario_tui.ui.widgets.breadcrumb import Breadcrumb
from scenario_tui.ui.widgets.decision_box import DecisionBox
from scenario_tui.ui.widgets.decision_tree import DecisionTree
from scenario_tui.ui.widgets.step_table import step_rows

from .pilot_steps import settle
from .steady import SteadyApp

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
SCENARIO = "cache-the-catalogue"
SEED = 1
"""Shows the first decision's choices as file 3, 2, 1."""


class Clock:
    """Monotonic seconds that stand still until the test moves them."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _app(make_session: Callable[..., Session], *, seed: int | None = SEED,
         mode: str = "practice", clock: Clock | None = None) -> SteadyApp:
    session = make_session(seed=seed)
    if clock is not None:
        session.clock = clock
    return SteadyApp(session, start_id=SCENARIO, mode=mode)


async def test_the_digits_follow_the_shown_order(make_session: Callable[..., Session]) -> None:
    app = _app(make_session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlayScreen) and screen.play.seed == SEED
        shown = screen.play.options(screen.scenario)
        assert [c.index for c in shown] == [2, 1, 0]
        first_line = str(screen.query_one(DecisionBox).options[0])
        assert first_line.startswith("1\N{NO-BREAK SPACE}Scale the database")
        await pilot.press("1")
        await settle(pilot)
        assert screen.play.choices[-1].index == 2  # recorded by its place in the file


async def test_a_retry_shows_the_same_order(make_session: Callable[..., Session]) -> None:
    app = _app(make_session, mode="exam")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("1", "1")
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
        app.screen.action_retry()
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlayScreen) and screen.play.seed == SEED
        assert not screen.play.choices


async def test_a_time_out_takes_the_worst_branch_and_the_debrief_says_so(
        make_session: Callable[..., Session]) -> None:
    clock = Clock()
    app = _app(make_session, mode=TIMED_EXAM, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlayScreen) and screen.play.time_limit == 120
        status = str(screen.query_one("#play-status").visual)  # type: ignore[attr-defined]
        assert "2:00 left" in status
        clock.now += 30
        screen.check_time()
        assert "1:30 left" in str(screen.query_one("#play-status").visual)  # type: ignore
        await pilot.press("f1")  # help covers the play: its clock stops
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        clock.now += 600
        screen.check_time()
        assert not screen.play.choices
        await pilot.press("escape")
        await settle(pilot)
        clock.now += 90
        screen.check_time()
        await settle(pilot)
        worst = screen.analysis.worst_choice[screen.scenario.start]
        assert screen.play.choices == (worst,) and screen.play.timed_out == (0,)
        assert "⏱" in str(screen.query_one(Breadcrumb).render())  # taken for the learner
        while isinstance(app.screen, PlayScreen):
            clock.now += 121
            app.screen.check_time()
            await settle(pilot)
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen)
        assert all(step.timed_out for step in debrief.report.steps)
        rows = step_rows(debrief.report.steps, debrief.report.analysis)
        assert "timed out" in rows[0].verdict.plain
        assert rows[0].yours.plain.startswith("No answer in time; counted as:")
        stored = app.session.store.plays()
        app.session.save_held()
        stored = app.session.store.plays()
        assert stored[-1].timed_out == tuple(range(len(stored[-1].path)))
        assert stored[-1].time_limit == 120 and stored[-1].seed == SEED


@pytest.mark.parametrize("size", SIZES)
class TestShuffledAndTimed:
    def test_shuffled_practice_first_decision(self, snap_compare, make_session,
                                              size) -> None:
        assert snap_compare(_app(make_session), terminal_size=size, run_before=settle)

    def test_timed_exam_decision(self, snap_compare, make_session, size) -> None:
        """The clock is frozen 42 s into the decision: `1:18 left` every time."""
        clock = Clock()

        async def wait(pilot: Pilot) -> None:
            await settle(pilot)
            clock.now += 42
            screen = pilot.app.screen
            assert isinstance(screen, PlayScreen)
            screen.check_time()
            await settle(pilot)

        assert snap_compare(_app(make_session, mode=TIMED_EXAM, clock=clock),
                            terminal_size=size, run_before=wait)


async def test_leaving_a_timed_decision_and_resuming_keeps_its_time(
        make_session: Callable[..., Session]) -> None:
    """Leaving with Esc and resuming gave the decision its whole time again: leave and come
    back for more. The time left goes with the kept run; a time-out says so as it happens."""
    clock = Clock()
    app = _app(make_session, mode=TIMED_EXAM, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        clock.now += 40
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        screen.check_time()
        assert "1:20 left" in str(screen.query_one("#play-status").visual)  # type: ignore
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, PlayScreen)
        clock.now += 300  # away: the clock of a decision not on screen does not run
        app.open_scenario(SCENARIO, TIMED_EXAM)
        await settle(pilot)
        offer = str(app.screen.query_one("#resume-text").visual)  # type: ignore[attr-defined]
        assert "in timed exam mode" in offer  # it said "exam", beside "Start over (timed exam)"
        assert str(app.screen.query_one("#resume-start-over", Button).label) == "Start over"
        await pilot.press("r")  # resume
        await settle(pilot)
        resumed = app.screen
        assert isinstance(resumed, PlayScreen) and len(resumed.play.choices) == 1
        assert "1:20 left" in str(resumed.query_one("#play-status").visual)  # type: ignore
        clock.now += 81
        resumed.check_time()
        await settle(pilot)
        assert resumed.play.timed_out == (1,)
        assert any(n.title == "Time's up" for n in app._notifications)


async def test_no_number_contradicts_the_key_pressed(make_session: Callable[..., Session]) -> None:
    """The learner pressed 1 for the file's third choice: neither the breadcrumb nor the
    debrief's tree may call that choice 1 of anything else (they showed `✗ 1 …` for the
    decision's number, and the tree numbered the file's order); the step table's `#` column
    stays the decision's number."""
    app = _app(make_session, mode="exam")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        await pilot.press("1")
        await settle(pilot)
        crumb = str(screen.query_one(Breadcrumb).render())
        assert crumb.startswith("Start") and "Scale the database" in crumb
        assert not any(ch.isdigit() for ch in crumb.replace("Scale the database", ""))
        await pilot.press("1")
        await settle(pilot)
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen)
        tree = debrief.query_one(DecisionTree)
        labels = [tree.label_of(c, link=False).plain
                  for c in debrief.report.scenario.choices(debrief.report.scenario.start)]
        assert labels and all(". " not in label[:6] for label in labels), labels
        assert [row.number for row in step_rows(debrief.report.steps,
                                                debrief.report.analysis)] == ["1", "2"]


def test_the_authors_tree_keeps_the_files_numbers(make_session: Callable[..., Session]) -> None:
    """Lint names choices by their place in the file, so the author's tree shows it."""
    scenario = make_session().scenario(SCENARIO)
    tree = DecisionTree()
    tree.scenario = scenario
    first = scenario.choices(scenario.start)[0]
    assert tree.label_of(first, link=False).plain.lstrip().startswith("1. ")
