"""Every option at a decision explained, and negative totals shown as they are."""

from __future__ import annotations

from pathlib import Path

from scenario_tui.analysis.options import option_verdict, options_at
from scenario_tui.analysis.scoring import analyse, grade, percent, share
from scenario_tui.format import loader
from scenario_tui.play import engine


def test_every_option_at_a_decision_has_its_verdict_points_and_loss(tiny_path: Path) -> None:
    scenario, _ = loader.load_file(tiny_path)
    assert scenario is not None
    analysis = analyse(scenario)
    first = options_at(analysis, "first")
    assert [o.choice.label for o in first] == [
        "Use Lambda", "Run an EC2 instance all day", "Run it on a laptop under a desk"]
    assert [o.verdict for o in first] == ["right", "wrong", "wrong"]
    assert [o.best for o in first] == [True, False, False]
    # best from "first" is 4 (2 + 2); EC2 scores 0 now and at most 1 + 2 after it
    assert [(o.lost, o.lost_now, o.lost_after) for o in first] == [(0, 0, 0), (1, 2, -1),
                                                                   (2, 3, -1)]
    assert options_at(analysis, "good") == ()


def test_the_loss_adds_up_to_the_gap_between_the_score_and_the_best(tiny_path: Path) -> None:
    scenario, _ = loader.load_file(tiny_path)
    assert scenario is not None
    analysis = analyse(scenario)
    play = engine.start(scenario).choose(scenario, 2).choose(scenario, 1)
    report = engine.debrief(scenario, play, analysis)
    lost = [option_verdict(analysis, step.chosen).lost for step in report.steps]
    assert lost == [step.regret for step in report.steps]
    assert sum(lost) == report.best - report.score


def test_a_negative_total_is_a_negative_share_and_an_f(tiny_path: Path) -> None:
    scenario, _ = loader.load_file(tiny_path)
    assert scenario is not None
    play = engine.start(scenario).choose(scenario, 2).choose(scenario, 1)
    report = engine.debrief(scenario, play)
    assert (report.score, report.best) == (-1, 4)
    assert (report.percent, report.grade) == (-25, "F")
    assert share(-1, 8) == -12 and percent(-1, 8) == 0 and grade(-1, 8) == "F"
    assert share(9, 8) == 100
