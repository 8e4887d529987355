"""What the learner's history says: best scores, score history, mastery and common mistakes.

Plays are stored as (node, choice index) paths. A play recorded against an older version of a
scenario still counts when its path exists in the current graph (a harmless edit such as a
reworded explanation): it is re-scored with today's points. A play whose path no longer exists
is stale and is left out, so edited scenarios never mix old and new scores silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..analysis.scoring import analyse, percent
from ..format.model import Choice, Scenario
from .store import PlayRecord


def replay(record: PlayRecord, scenario: Scenario) -> tuple[Choice, ...] | None:
    """The choices of a recorded path in the current scenario, or None if it no longer fits."""
    if record.scenario_id != scenario.id or not record.path:
        return None
    choices: list[Choice] = []
    expected = record.path[0][0]
    for node, index in record.path:
        if node != expected or node not in scenario.graph:
            return None
        options = scenario.choices(node)
        if not 0 <= index < len(options):
            return None
        choices.append(options[index])
        expected = options[index].target
    return tuple(choices) if scenario.is_ending(expected) else None


def play_percent(record: PlayRecord, scenario: Scenario) -> int | None:
    """The play's score as a percentage of the best from where it started, re-scored today."""
    choices = replay(record, scenario)
    if choices is None:
        return None
    analysis = analyse(scenario)
    return percent(sum(c.points for c in choices), analysis.best[choices[0].source])


@dataclass(frozen=True)
class ScenarioSummary:
    """The catalogue's line about one scenario."""

    best_percent: int | None
    attempts: int
    last_played: str
    history: tuple[int, ...]
    stale: int


def summaries(records: Iterable[PlayRecord], scenarios: Mapping[str, Scenario]
              ) -> dict[str, ScenarioSummary]:
    """Per scenario: best percentage, attempts, last play and the percentage history."""
    grouped: dict[str, list[PlayRecord]] = {}
    for record in records:
        grouped.setdefault(record.scenario_id, []).append(record)
    result: dict[str, ScenarioSummary] = {}
    for scenario_id, plays in grouped.items():
        scenario = scenarios.get(scenario_id)
        history = [] if scenario is None else [
            value for value in (play_percent(p, scenario) for p in plays) if value is not None]
        result[scenario_id] = ScenarioSummary(
            best_percent=max(history, default=None), attempts=len(plays),
            last_played=max(p.finished_at for p in plays), history=tuple(history),
            stale=len(plays) - len(history),
        )
    return result


def mastery(summary: Mapping[str, ScenarioSummary], scenarios: Mapping[str, Scenario],
            by: str) -> dict[str, int]:
    """Mean best percentage per service (`by="services"`) or per exam domain (`"domain"`),
    counting scenarios not yet played as 0 %."""
    totals: dict[str, list[int]] = {}
    for scenario_id, scenario in scenarios.items():
        keys = scenario.services if by == "services" else (scenario.domain or "other",)
        best = summary.get(scenario_id)
        value = best.best_percent if best and best.best_percent is not None else 0
        for key in keys:
            totals.setdefault(key, []).append(value)
    return {key: round(sum(v) / len(v)) for key, v in sorted(totals.items())}


def mistakes(records: Iterable[PlayRecord], scenarios: Mapping[str, Scenario],
             limit: int = 10) -> list[tuple[str, int]]:
    """The misconception tags behind the learner's choices, most frequent first."""
    counts: Counter[str] = Counter()
    for record in records:
        scenario = scenarios.get(record.scenario_id)
        choices = replay(record, scenario) if scenario else None
        for choice in choices or ():
            if choice.misconception:
                counts[choice.misconception] += 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]


def mistake_scenarios(records: Iterable[PlayRecord], scenarios: Mapping[str, Scenario]
                      ) -> dict[str, tuple[str, ...]]:
    """For each misconception tag in `mistakes`, the ids of the scenarios where the learner
    showed it, in the order they were first seen."""
    seen: dict[str, dict[str, None]] = {}
    for record in records:
        scenario = scenarios.get(record.scenario_id)
        choices = replay(record, scenario) if scenario else None
        for choice in choices or ():
            if choice.misconception:
                seen.setdefault(choice.misconception, {})[record.scenario_id] = None
    return {tag: tuple(ids) for tag, ids in seen.items()}
