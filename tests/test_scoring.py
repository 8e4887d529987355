"""Scoring by dynamic programming, checked against brute force on random DAG scenarios."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from scenario_tui.analysis.scoring import (
    analyse,
    grade,
    path_score,
    percent,
    pillar_most,
    pillar_totals,
)
from scenario_tui.format import loader
from scenario_tui.format.model import Choice, Scenario
from scenario_tui.play import engine
from scenario_tui.play.modes import EXAM
from scenario_tui.progress.kinds import WHAT_IF


@st.composite
def dag_scenarios(draw: st.DrawFn) -> dict[str, Any]:
    """Authoring data for a random acyclic scenario: node i only links to nodes after it."""
    size = draw(st.integers(min_value=2, max_value=9))
    nodes: dict[str, Any] = {}
    for i in range(size):
        later = list(range(i + 1, size))
        if not later or (i > 0 and draw(st.booleans()) and i >= size - 3):
            nodes[f"n{i}"] = {"end": "success", "text": f"Ending {i}."}
            continue
        targets = draw(st.lists(st.sampled_from(later), min_size=1, max_size=4))
        nodes[f"n{i}"] = {"text": f"Situation {i}.", "choices": [
            {"label": f"Go {t}", "to": f"n{t}", "points": draw(st.integers(-3, 3)),
             "why": "Because.", "pillars": {"cost": draw(st.integers(-3, 3))}}
            for t in targets]}
    return {"id": "random", "title": "Random", "situation": "Random DAG.",
            "difficulty": "beginner", "services": [], "verified": "2026-11-26",
            "sources": ["https://docs.aws.amazon.com/"], "nodes": nodes}


def _load(data: dict[str, Any]) -> Scenario:
    scenario, problems = loader.load_text(yaml.safe_dump(data, sort_keys=False), "random.yaml")
    assert scenario is not None, problems
    assert not [p for p in problems if p.is_error], problems
    return scenario


def _all_paths(scenario: Scenario, node: str) -> list[list[Choice]]:
    choices = scenario.choices(node)
    if not choices:
        return [[]]
    return [[c, *rest] for c in choices for rest in _all_paths(scenario, c.target)]


@settings(max_examples=150, deadline=None)
@given(dag_scenarios(), st.randoms(use_true_random=False))
def test_best_and_worst_bound_every_path(data: dict[str, Any], rnd: Any) -> None:
    scenario = _load(data)
    analysis = analyse(scenario)
    paths = _all_paths(scenario, scenario.start)
    scores = [path_score(p) for p in paths]
    assert analysis.best_score == max(scores)
    assert analysis.worst_score == min(scores)
    best = analysis.best_path()
    assert path_score(best) == analysis.best_score
    assert best[0].source == scenario.start and scenario.is_ending(best[-1].target)
    assert all(a.target == b.source for a, b in itertools.pairwise(best))
    # a random walk scores between worst and best, and regret is never negative
    node, walk = scenario.start, []
    while scenario.choices(node):
        choice = rnd.choice(scenario.choices(node))
        assert analysis.regret(choice) >= 0
        walk.append(choice)
        node = choice.target
    assert analysis.worst_score <= path_score(walk) <= analysis.best_score


def test_regret_grade_and_pillars_on_a_known_path(tiny_path: Path) -> None:
    scenario, _ = loader.load_file(tiny_path)
    assert scenario is not None
    analysis = analyse(scenario)
    assert analysis.best_score == 4 and analysis.worst_score == -1
    assert [c.label for c in analysis.best_path()] == ["Use Lambda", "An S3 bucket"]
    play = engine.start(scenario).choose(scenario, 1).choose(scenario, 0).choose(scenario, 0)
    report = engine.debrief(scenario, play)
    assert [s.regret for s in report.steps] == [1, 0, 0]
    assert [s.verdict for s in report.steps] == ["wrong", "right", "right"]
    assert (report.score, report.best, report.percent, report.grade) == (3, 4, 75, "B")
    assert report.pillars["cost"] == -2 and report.best_pillars["cost"] == 1
    assert report.outcome == "success"


def test_pillars_are_shares_of_the_most_each_can_gain(tiny_path: Path) -> None:
    """One scale per place a play starts from, not per play: 100 % is the most a pillar can
    gain on any path from there, so the same total draws the same bar in every debrief."""
    scenario, _ = loader.load_file(tiny_path)
    assert scenario is not None
    assert pillar_most(scenario) == {"operations": 2, "security": 0, "reliability": 0,
                                     "performance": 0, "cost": 1, "sustainability": 0}
    best = engine.debrief(scenario, engine.start(scenario).choose(scenario, 0)
                          .choose(scenario, 0))
    detour = engine.debrief(scenario, engine.start(scenario).choose(scenario, 1)
                            .choose(scenario, 0).choose(scenario, 0))
    assert best.pillar_most == detour.pillar_most
    assert best.pillar_shares()["operations"] == (100, 100)
    assert detour.pillar_shares()["operations"] == (0, 100)
    assert detour.pillar_shares()["cost"] == (-200, 100)  # lost twice what it could gain
    assert detour.pillar_shares()["security"] is None      # nothing to gain on any path
    assert detour.pillar_losses() == {}
    later = engine.start(scenario, origin="second", kind=WHAT_IF).choose(scenario, 1)
    assert set(engine.debrief(scenario, later).pillar_shares().values()) == {None}


def test_grades_and_percent_edges() -> None:
    assert [grade(s, 10) for s in (10, 9, 8, 6, 4, 3, -5)] == ["A", "A", "B", "C", "D", "F", "F"]
    assert percent(-5, 10) == 0 and percent(0, 0) == 100
    assert pillar_totals([])["security"] == 0


def test_play_undo_and_rewind(tiny_path: Path) -> None:
    scenario, _ = loader.load_file(tiny_path)
    assert scenario is not None
    play = engine.start(scenario, EXAM).choose(scenario, 1)
    assert play.node(scenario) == "idle-bill"
    assert play.undo().node(scenario) == "first"
    longer = play.choose(scenario, 0).choose(scenario, 1)
    assert longer.finished(scenario) and longer.rewind(1).choices == play.choices
    try:
        longer.choose(scenario, 0)
    except engine.PlayError as error:
        assert "no choice 1" in str(error)
    else:  # pragma: no cover
        raise AssertionError("choosing at an ending must fail")


def test_what_if_keeps_the_path_before_the_choice_or_starts_where_it_is_offered(
        tiny_path: Path) -> None:
    scenario, _ = loader.load_file(tiny_path)
    assert scenario is not None
    played = engine.start(scenario, EXAM).choose(scenario, 1).choose(scenario, 0) \
        .choose(scenario, 1)
    at_second = scenario.choices("second")[0]
    on_path = engine.what_if(scenario, played, at_second)
    assert [c.source for c in on_path.choices] == ["first", "idle-bill", "second"]
    assert on_path.choices[-1] == at_second and on_path.mode == EXAM
    assert on_path.origin == ""
    off_path = engine.what_if(scenario, engine.start(scenario).choose(scenario, 0),
                              scenario.choices("idle-bill")[1])
    assert off_path.origin == "idle-bill" and off_path.choices == (
        scenario.choices("idle-bill")[1],)
    assert off_path.node(scenario) == "poor"
