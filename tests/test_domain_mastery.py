"""Mastery per exam domain comes from the study topics of the scenarios attempted, not from a
scenario's own `domain:` field or its services."""

from __future__ import annotations

from pathlib import Path

from scenario_tui.format import loader
from scenario_tui.format.model import Scenario
from scenario_tui.format.syllabus import Syllabus, Topic
from scenario_tui.progress import stats

SYLLABUS = Syllabus(
    {"development": "Development with AWS Services", "security": "Security",
     "deployment": "Deployment"},
    {"T001": Topic("T001", "Caching", "development"),
     "T002": Topic("T002", "Indexes", "development"),
     "T003": Topic("T003", "Queues", "development"),
     "T004": Topic("T004", "Keys", "security"),
     "T005": Topic("T005", "Roles", "security"),
     "T006": Topic("T006", "Pipelines", "deployment")})


def scenario(tiny_path: Path, scenario_id: str, domain: str, covers: str) -> Scenario:
    text = tiny_path.read_text(encoding="utf-8").replace("id: tiny", f"id: {scenario_id}") \
        .replace("domain: development", f"domain: {domain}") \
        .replace("verified: 2026-11-26", f"verified: 2026-11-26\ncovers: {covers}")
    loaded, problems = loader.load_text(text, f"{scenario_id}.yaml")
    assert loaded is not None, problems
    return loaded


def test_a_domain_averages_its_topics_met_each_scored_by_the_scenarios_teaching_it(
        tiny_path: Path) -> None:
    scenarios = {s.id: s for s in (
        scenario(tiny_path, "cache-and-keys", "development", "[T001, T004]"),
        scenario(tiny_path, "cache-again", "development", "[T001, T002]"),
        scenario(tiny_path, "never-played", "development", "[T003]"))}
    best = {"cache-and-keys": (100, ()), "cache-again": (50, ())}
    rows = stats.mastery_by_domain(best, scenarios, SYLLABUS)
    # T001: (100 + 50) / 2 = 75, T002: 50, so development is (75 + 50) / 2, 2 of 3 topics met
    assert [(m.name, m.percent, m.counted, m.of) for m in rows] == [
        ("Development with AWS Services", 62, 2, 3), ("Security", 100, 1, 2),
        ("Deployment", None, 0, 1)]


def test_the_topics_decide_not_the_scenarios_own_domain(tiny_path: Path) -> None:
    filed_under_security = scenario(tiny_path, "filed-elsewhere", "security", "[T006]")
    rows = stats.mastery_by_domain({"filed-elsewhere": (80, ())},
                                   {"filed-elsewhere": filed_under_security}, SYLLABUS)
    assert [(m.name, m.percent) for m in rows] == [
        ("Development with AWS Services", None), ("Security", None), ("Deployment", 80)]


def test_every_domain_is_not_started_before_a_scenario_with_topics_is_attempted(
        tiny_path: Path) -> None:
    no_topics = scenario(tiny_path, "no-topics", "development", "[]")
    rows = stats.mastery_by_domain({"no-topics": (100, ())}, {"no-topics": no_topics}, SYLLABUS)
    assert [m.percent for m in rows] == [None, None, None]
    assert [m.of for m in rows] == [3, 2, 1]
