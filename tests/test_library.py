"""The shipped library: valid, well-formed stories, and the coverage map's topics all taught."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scenario_tui.analysis.scoring import analyse
from scenario_tui.cli import main
from scenario_tui.format.files import library_dir
from scenario_tui.play import library

LIB = library.load()
SCENARIOS = LIB.scenarios
COVERAGE_MAP = Path(__file__).parent.parent.parent / "shared" / "seed" / "coverage-map.md"
FLAGSHIPS = ("read-heavy-database", "real-time-log-processing",
             "cross-account-codecommit-access", "blue-green-swap")


def test_library_validates_with_no_problems(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(library_dir())]) == 0
    assert capsys.readouterr().out.strip().endswith("no problems")
    assert not LIB.broken


@pytest.mark.parametrize("scenario_id", FLAGSHIPS)
def test_flagship_scenarios_exist(scenario_id: str) -> None:
    assert scenario_id in SCENARIOS


@pytest.mark.parametrize("scenario_id", sorted(SCENARIOS))
def test_scenario_is_a_story_with_real_decisions(scenario_id: str) -> None:
    scenario = SCENARIOS[scenario_id]
    analysis = analyse(scenario)
    best = analysis.best_path()
    assert len(best) >= 3, "at least 3 decisions on the best path"
    for choice in best:
        assert 3 <= len(scenario.choices(choice.source)) <= 5, choice.source
    on_best = {c.source for c in best}
    consequences = {c.target for node in on_best for c in scenario.choices(node)
                    if c.target not in on_best and not scenario.is_ending(c.target)
                    and c is not analysis.best_choice[node]}
    assert consequences, "a wrong choice should lead to a consequence node that plays on"
    for node in scenario.nodes:
        for choice in scenario.choices(node):
            assert len(choice.why.split()) >= 6, f"{node}: explanation too thin"
            if choice.points <= 0:
                assert choice.misconception, f"{node}: wrong choice {choice.label!r} needs a tag"
    assert scenario.sources and scenario.verified
    assert all(s in LIB.glossary for s in scenario.services)


def _topics_by_scenario() -> dict[str, set[str]]:
    text = COVERAGE_MAP.read_text(encoding="utf-8")
    checklist = text[text.index("## 6. Coverage checklist"):]
    topics: dict[str, set[str]] = {}
    for row in re.finditer(r"^\| (T\d{3}) \|.*\|(.*)\|.*\|$", checklist, re.M):
        for slug in re.findall(r"`([a-z0-9-]+)`", row.group(2)):
            topics.setdefault(slug, set()).add(row.group(1))
    return topics


@pytest.mark.skipif(not COVERAGE_MAP.exists(), reason="coverage map not beside the repo")
def test_every_mapped_topic_is_claimed_by_its_scenario() -> None:
    topics = _topics_by_scenario()
    assert sum(len(t) for t in topics.values()) >= 181
    missing = {slug: sorted(wanted - set(SCENARIOS[slug].covers))
               for slug, wanted in topics.items() if slug in SCENARIOS}
    assert {slug: gaps for slug, gaps in missing.items() if gaps} == {}


def test_list_prints_every_scenario(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    for scenario_id in SCENARIOS:
        assert scenario_id in out
    assert f"{len(SCENARIOS)} playable, 0 broken" in out


def test_the_library_cannot_be_gamed_by_the_shape_of_its_labels() -> None:
    """Issue 13's figures: zero-point labels that argue for themselves at most 5 %, the best
    label the longest or second-longest in at most 45 % of decisions (chance is about 60 %)."""
    from scenario_tui.analysis import telegraph

    figures = telegraph.figures(SCENARIOS.values())
    assert figures.arguing_zero_point <= 0.05 * figures.zero_point_labels
    assert figures.best_long <= 0.45 * figures.decisions


def test_every_misconception_tag_is_defined_and_none_is_on_a_right_choice() -> None:
    for scenario in SCENARIOS.values():
        analysis = analyse(scenario)
        for node in scenario.nodes:
            for choice in scenario.choices(node):
                if choice.misconception:
                    assert choice.misconception in LIB.misconceptions, choice.misconception
                    assert analysis.regret(choice) > 0, f"{scenario.id}:{node} tags a right choice"
