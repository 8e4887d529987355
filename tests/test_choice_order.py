"""Shuffled choices: one order per play and node, the same on every look, recorded by file
index; digits follow the shown order; time-outs score as the worst answer."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scenario_tui.analysis.scoring import analyse
from scenario_tui.format.model import Choice, Scenario
from scenario_tui.play import library
from scenario_tui.play.choice_order import new_seed, shown
from scenario_tui.play.engine import PlayError, debrief, start, what_if
from scenario_tui.play.library import check_file
from scenario_tui.play.modes import EXAM
from scenario_tui.play.unfinished import UnfinishedRun
from scenario_tui.progress.kinds import WHAT_IF
from scenario_tui.progress.presentation import SEED_LIMIT

FIXTURES = Path(__file__).parent / "fixtures" / "ui_scenarios"


def _fixture() -> Scenario:
    scenario = check_file(FIXTURES / "cache-the-catalogue.yaml").scenario
    assert scenario is not None
    return scenario


SCENARIO = _fixture()
SEEDS = st.integers(min_value=0, max_value=SEED_LIMIT - 1)


def _choices(count: int) -> tuple[Choice, ...]:
    return tuple(Choice("a", f"t{i}", i, f"Choice {i}", i, "Why.") for i in range(count))


@given(st.integers(min_value=0, max_value=9), SEEDS, st.text(max_size=8), st.text(max_size=8))
def test_the_shown_order_is_a_permutation_drawn_the_same_every_time(
        count: int, seed: int, scenario_id: str, node: str) -> None:
    choices = _choices(count)
    order = shown(choices, seed, scenario_id, node)
    assert sorted(order, key=lambda c: c.index) == list(choices)
    assert shown(choices, seed, scenario_id, node) == order


@given(st.integers(min_value=0, max_value=9), st.text(max_size=8))
def test_no_seed_keeps_the_file_order(count: int, node: str) -> None:
    assert shown(_choices(count), None, "s", node) == _choices(count)


def test_new_seeds_fit_every_store() -> None:
    assert all(0 <= new_seed() < SEED_LIMIT for _ in range(100))


def test_two_seeds_show_two_orders_and_one_seed_the_same() -> None:
    """The issue's figure: one scenario played with two seeds shows two different orders."""
    first, second, again = (start(SCENARIO, seed=s) for s in (1, 3, 1))
    assert [c.index for c in first.options(SCENARIO)] != \
        [c.index for c in second.options(SCENARIO)]
    assert first.options(SCENARIO) == again.options(SCENARIO)


def test_choosing_by_shown_position_records_the_file_index() -> None:
    play = start(SCENARIO, seed=2)
    options = play.options(SCENARIO)
    assert [c.index for c in options] != list(range(len(options)))  # this seed shuffles
    for position, choice in enumerate(options):
        taken = play.choose_shown(SCENARIO, position).choices[-1]
        assert taken is choice and taken.index == choice.index
    with pytest.raises(PlayError):
        play.choose_shown(SCENARIO, len(options))


def test_runs_made_from_a_play_keep_its_seed_and_order() -> None:
    play = start(SCENARIO, EXAM, seed=7).choose_shown(SCENARIO, 0)
    second_node = play.options(SCENARIO)
    replayed = play.choose_shown(SCENARIO, 1).rewind(1)
    assert replayed.seed == 7 and replayed.options(SCENARIO) == second_node
    moved = what_if(SCENARIO, play, play.options(SCENARIO)[0])
    assert moved.kind == WHAT_IF and moved.seed == 7
    elsewhere = what_if(SCENARIO, start(SCENARIO, seed=7), second_node[0])  # from the node
    assert elsewhere.seed == 7 and elsewhere.origin == second_node[0].source
    assert play.undo().seed == 7


def test_a_seed_outside_the_stored_range_is_refused() -> None:
    for seed in (-1, SEED_LIMIT):
        with pytest.raises(PlayError):
            start(SCENARIO, seed=seed)


def test_the_best_choice_is_shown_anywhere_across_seeds() -> None:
    """Over many seeds the best choice of every library decision lands in each position about
    equally often: first in about 1/n of plays, never always first."""
    scenarios = library.load().scenarios
    first, expected, decisions = 0.0, 0.0, 0
    seeds = range(200)
    for scenario in scenarios.values():
        analysis = analyse(scenario)
        for node, best in analysis.best_choice.items():
            choices = scenario.choices(node)
            if len(choices) < 2:
                continue
            decisions += 1
            positions = Counter(shown(choices, seed, scenario.id, node).index(best)
                                for seed in seeds)
            assert len(positions) == len(choices), (scenario.id, node, positions)
            assert max(positions.values()) < (1 / len(choices) + 0.15) * len(seeds), \
                (scenario.id, node, positions)
            first += positions[0] / len(seeds)
            expected += 1 / len(choices)
    assert decisions > 100
    assert abs(first - expected) / decisions < 0.02  # first as often as chance, library-wide


def test_a_time_out_takes_the_worst_branch_and_is_marked() -> None:
    analysis = analyse(SCENARIO)
    play = start(SCENARIO, EXAM, seed=3, time_limit=120)
    timed = play.time_out(SCENARIO, analysis)
    worst = analysis.worst_choice[SCENARIO.start]
    assert timed.choices == (worst,) and timed.timed_out == (0,)
    assert all(timed.score <= play.choose(SCENARIO, c.index).score
               for c in SCENARIO.choices(SCENARIO.start))  # never better than an answer
    answered = timed.choose_shown(SCENARIO, 0)
    assert answered.timed_out == (0,) and not answered.was_timed_out(1)
    if not answered.finished(SCENARIO):
        answered = answered.time_out(SCENARIO, analysis)
    report = debrief(SCENARIO, answered, analysis)
    assert report.steps[0].timed_out and report.steps[0].chosen is worst
    assert timed.rewind(0).timed_out == () and timed.undo().timed_out == ()


def test_a_time_limit_must_be_positive() -> None:
    with pytest.raises(PlayError):
        start(SCENARIO, EXAM, time_limit=0)


def test_a_run_left_part_way_resumes_with_its_seed_limit_and_time_outs() -> None:
    play = start(SCENARIO, EXAM, seed=7, time_limit=90).time_out(SCENARIO)
    stored = json.loads(json.dumps(UnfinishedRun.of(play, "h", False).to_json()))
    run = UnfinishedRun.from_json(SCENARIO.id, stored)
    assert run is not None
    resumed = run.replay(SCENARIO)
    assert resumed == play and resumed.options(SCENARIO) == play.options(SCENARIO)
    unshuffled = start(SCENARIO, seed=None).choose(SCENARIO, 0)
    run = UnfinishedRun.from_json(SCENARIO.id, UnfinishedRun.of(unshuffled, "h", False)
                                  .to_json())
    assert run is not None and run.replay(SCENARIO) == unshuffled
