"""Pilot plays of every library scenario with faults, along its best path and its worst path,
checking that the debrief's chaos round shows what the engine computes.

The learner's keys are pressed as a learner would: the number each choice is *shown* under
(the test sessions keep the file's order, seed None, but the number is read from the play's
shown order all the same), Enter after each practice feedback. The best path is the analysis's
best choice at each node; the worst path its lowest-scoring choice at each node
(`Analysis.worst_path`). A scenario's architecture is only worth its faults if the best system
survives them all and the worst-scoring one does not; the few library scenarios that do not yet
tell those apart are marked below (strict, so fixing the content flips them to a failure that
asks for the mark to go).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Static

from scenario_tui.analysis.resilience import FaultResult
from scenario_tui.analysis.scoring import analyse
from scenario_tui.format.architecture import SURVIVES, Outcome
from scenario_tui.format.model import Choice, Scenario
from scenario_tui.play import library
from scenario_tui.play.chaos import chaos, has_faults
from scenario_tui.play.engine import Play
from scenario_tui.play.session import Session
from scenario_tui.ui.screens.debrief import DebriefScreen
from scenario_tui.ui.screens.play import PlayScreen
from scenario_tui.ui.widgets.chaos_round import (
    BEST_NOT_REACHED,
    YOURS_NOT_REACHED,
    ChaosRound,
    short_address,
)
from scenario_tui.ui.widgets.inline_text import inline, inline_line

from .pilot_steps import settle
from .steady import SteadyApp

NAMED = ("read-heavy-database", "real-time-log-processing", "cross-account-codecommit-access",
         "blue-green-swap")
"""The four scenarios the consequence-engine issue names; the others are found by `faults:`."""

IDS = sorted(sid for sid, s in library.load().scenarios.items() if has_faults(s))

BEST_NOT_RESILIENT = {
    "cicd-pipeline-build": "the best path's system only degrades under one fault (no ending "
                           "survives it)",
}
"""Library scenarios whose best path does not survive every fault (content to revisit)."""

WORST_SURVIVES = {
    "dynamodb-capacity-throttling": "the worst-scoring path's system survives every fault",
}
"""Library scenarios whose worst-scoring path survives every fault (content to revisit)."""


def test_the_named_scenarios_and_eight_more_have_faults() -> None:
    assert set(NAMED) <= set(IDS)
    assert len(IDS) >= 12


def plain(widget: Static) -> str:
    visual = widget.visual
    assert isinstance(visual, Content), visual
    return visual.plain


def expected_side(label: str, outcome: Outcome) -> tuple[str, str, str]:
    """What one side must say, from the engine's outcome: the verdict line, the deciding fact
    (its Markdown rendered to plain text) and the shortened source."""
    return (f"{label}  {outcome.symbol} {outcome.result}", inline(outcome.why).plain.strip(),
            f"source {short_address(outcome.source)}")


def check_side(shown: str, label: str, outcome: Outcome, reached: bool = True,
               not_reached: str = YOURS_NOT_REACHED) -> None:
    """A side shows the engine's outcome, or, where its path did not reach the decisions
    that decide the fault, only that."""
    if not reached:
        assert shown == f"{label}  – not reached\n{not_reached}", (shown, outcome)
        return
    verdict, why, source = expected_side(label, outcome)
    first, _, rest = shown.partition("\n")
    assert first == verdict, (shown, outcome)
    assert why in rest, (why, shown)
    assert rest.rstrip().endswith(source), (source, shown)


async def play_along(pilot: Pilot[int], scenario: Scenario, path: list[Choice]) -> Play:
    """Press the shown number of each choice on `path`, then Enter past its feedback; return
    the play the debrief reports."""
    for choice in path:
        screen = pilot.app.screen
        assert isinstance(screen, PlayScreen), screen
        number = screen.play.options(scenario).index(choice) + 1
        await pilot.press(str(number))
        assert screen.feedback == choice
        await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, DebriefScreen), screen
    return screen.report.play


def shown_sides(chaos_round: ChaosRound) -> list[tuple[str, str]]:
    rows = []
    for row in chaos_round.query(".chaos-sides"):
        yours, best = row.query(Static)
        rows.append((plain(yours), plain(best)))
    return rows


def path_cases() -> list[object]:
    cases: list[object] = []
    for scenario_id in IDS:
        for which, known in (("best", BEST_NOT_RESILIENT), ("worst", WORST_SURVIVES)):
            marks = ([pytest.mark.xfail(reason=known[scenario_id], strict=True)]
                     if scenario_id in known else [])
            cases.append(pytest.param(scenario_id, which, marks=marks,
                                      id=f"{scenario_id}-{which}"))
    return cases


@pytest.mark.parametrize(("scenario_id", "which"), path_cases())
async def test_chaos_round_after_a_path(make_session: Callable[..., Session], scenario_id: str,
                                        which: str) -> None:
    session = make_session(bundled=True)
    scenario = session.scenario(scenario_id)
    analysis = analyse(scenario)
    path = analysis.best_path() if which == "best" else analysis.worst_path()
    app = SteadyApp(session, start_id=scenario_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        play = await play_along(pilot, scenario, path)
        assert list(play.choices) == path
        screen = app.screen
        results: list[FaultResult] = chaos(scenario, play)
        chaos_round = screen.query_one(ChaosRound)
        rows = shown_sides(chaos_round)
        assert len(rows) == len(results) == len(scenario.design.faults)
        titles = [plain(s) for s in chaos_round.query(".chaos-fault").results(Static)]
        for title, result, (yours, best) in zip(titles, results, rows, strict=True):
            assert title.startswith(inline_line(result.fault.title).plain), title
            check_side(yours, "Yours", result.yours, result.reached)
            check_side(best, "Best ", result.best, result.best_reached, BEST_NOT_REACHED)
        assert all(r.best_reached for r in results)  # a run from the start: the best path
        yours_survive = sum(r.reached and r.yours.result == SURVIVES for r in results)
        best_survive = sum(r.best.result == SURVIVES for r in results)
        reached = sum(r.reached for r in results)
        total = len(results)
        if reached == total:
            summary = (f"Your system survives {yours_survive} of {total} faults; the best one "
                       f"survives {best_survive}.")
        else:
            mine = (f"Your path reached {reached} of {total} faults and your system survives "
                    f"{yours_survive} of them" if reached else
                    f"Your path reached none of the {total} faults")
            summary = f"{mine}; the best one survives {best_survive} of {total}."
        assert plain(screen.query_one("#chaos-summary", Static)) == summary
        if which == "best":
            assert all(r.yours.result == SURVIVES for r in results), [
                (r.fault.id, r.yours.result) for r in results]
        else:
            assert any(r.yours.result != SURVIVES for r in results), [
                (r.fault.id, r.yours.result) for r in results]
