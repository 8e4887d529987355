"""What the learner's history says: best scores, score history, mastery and common mistakes.

Only attempts count (`progress.kinds`): replays, what-ifs and reviews are exploring, counted
apart, and never raise a best score or repeat a mistake. A decision that timed out in a timed
exam scores as its worst choice, but is no mistaken belief: the learner gave no answer.

Plays are stored as (node, choice index) paths. A play recorded against an older version of a
scenario still counts when its path exists in the current graph (a harmless edit such as a
reworded explanation): it is re-scored with today's points. A play whose path no longer exists
is stale and is left out, so edited scenarios never mix old and new scores silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..analysis.scoring import Analysis, analyse, percent
from ..format.model import Choice, Scenario
from ..format.syllabus import Syllabus
from .kinds import ATTEMPT
from .store import PlayRecord
from .summary import ScenarioSummary as ScenarioSummary
from .summary import summarise


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


def play_percent(record: PlayRecord, scenario: Scenario, analysis: Analysis | None = None
                 ) -> int | None:
    """The play's score as a percentage of the best from where it started, re-scored today
    (`analysis`: the scenario's, when the caller scores many plays of it)."""
    choices = replay(record, scenario)
    if choices is None:
        return None
    analysis = analysis or analyse(scenario)
    return percent(sum(c.points for c in choices), analysis.best[choices[0].source])


def summaries(records: Iterable[PlayRecord], scenarios: Mapping[str, Scenario]
              ) -> dict[str, ScenarioSummary]:
    """Per scenario: best percentage, attempts, last play and the percentage history of the
    attempts, and how many runs were exploring."""
    grouped: dict[str, list[PlayRecord]] = {}
    for record in records:
        grouped.setdefault(record.scenario_id, []).append(record)
    result: dict[str, ScenarioSummary] = {}
    for scenario_id, plays in grouped.items():
        scenario = scenarios.get(scenario_id)
        result[scenario_id] = summarise(
            (p.kind, None if scenario is None or p.kind != ATTEMPT else play_percent(p, scenario),
             p.finished_at) for p in plays)
    return result


@dataclass(frozen=True)
class Mastery:
    """One bar: a service's or exam domain's mean best score, over the scenarios counted."""

    name: str
    percent: int | None
    """None while nothing counts towards it: not started."""
    counted: int
    """What counts towards it: scenarios (for a service), study topics met (for a domain)."""
    of: int
    """The domain's study topics (for a domain), or `counted` (for a service)."""


def decision_services(scenario: Scenario, choices: Iterable[Choice],
                      names: Mapping[str, str]) -> set[str]:
    """The scenario's services that the decisions behind `choices` were about.

    A situation that lists its services (`services:` on the node) says so itself. Otherwise a
    service counts when the situation, the option taken or the best option there names it,
    or when no text of the scenario names it at all (the subject of the whole scenario, as
    "the database" is RDS). A service named only in options the learner passed over, or in
    situations they never reached, was not in a decision they made."""
    from ..analysis.scoring import analyse

    def named_in(text: str) -> set[str]:
        lowered = text.lower()
        return {s for s in scenario.services
                if any(_named(word, lowered) for word in _spellings(s, names.get(s, s)))}

    best = analyse(scenario).best_choice
    everywhere: set[str] = set()
    for node in scenario.graph:
        everywhere |= named_in(scenario.node(node).text)
        everywhere |= named_in(" ".join(c.label for c in scenario.choices(node)))
    found = set(scenario.services) - everywhere
    for choice in choices:
        situation = scenario.node(choice.source)
        if situation.services:
            found.update(situation.services)
            continue
        right = best.get(choice.source)
        found |= named_in(" ".join((situation.text, choice.label, right.label if right else "")))
    return found


def _spellings(service: str, name: str) -> set[str]:
    """How a text may name a service: `api-gateway` as "api gateway", "Amazon API Gateway"
    as itself or "API Gateway"."""
    words = {service.replace("-", " "), service, name.lower()}
    for prefix in ("amazon ", "aws "):
        if name.lower().startswith(prefix):
            words.add(name.lower()[len(prefix):])
    return {w for w in words if len(w) > 1}


def _named(word: str, text: str) -> bool:
    """`word` appears in `text` as a whole word (so "sqs" is not found in "sqsx")."""
    import re

    return re.search(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", text) is not None


def best_attempts(records: Iterable[PlayRecord], scenarios: Mapping[str, Scenario]
                  ) -> dict[str, tuple[int, tuple[Choice, ...]]]:
    """Per scenario: the best fitting attempt's percentage and choices (the latest of equals)."""
    found: dict[str, tuple[int, tuple[Choice, ...]]] = {}
    for record in records:
        scenario = scenarios.get(record.scenario_id)
        if scenario is None or record.kind != ATTEMPT:
            continue
        choices = replay(record, scenario)
        if choices is None:
            continue
        value = percent(sum(c.points for c in choices), analyse(scenario).best[choices[0].source])
        if record.scenario_id not in found or value >= found[record.scenario_id][0]:
            found[record.scenario_id] = (value, choices)
    return found


def mastery_by_service(best: Mapping[str, tuple[int, tuple[Choice, ...]]],
                       scenarios: Mapping[str, Scenario], names: Mapping[str, str]
                       ) -> list[Mastery]:
    """Per service (by id) in a decision of a best attempt: the mean of those attempts'
    percentages. Services the learner has made no decision about are not listed."""
    totals: dict[str, list[int]] = {}
    for scenario_id, (value, choices) in best.items():
        for service in decision_services(scenarios[scenario_id], choices, names):
            totals.setdefault(service, []).append(value)
    return [Mastery(key, round(sum(v) / len(v)), len(v), len(v))
            for key, v in sorted(totals.items())]


def mastery_by_domain(best: Mapping[str, tuple[int, tuple[Choice, ...]]],
                      scenarios: Mapping[str, Scenario], syllabus: Syllabus) -> list[Mastery]:
    """Per exam domain of the syllabus, from the study topics the learner has met: a topic is
    met when a scenario teaching it (its `covers:`) has a best attempt, and scores the mean
    of those attempts; a domain scores the mean of its topics met, out of all its topics. A
    domain none of whose topics was met is not started (not 0 %). Topics, not a scenario's
    own `domain:`, decide: a scenario credits every domain it teaches topics of."""
    met: dict[str, list[int]] = {}
    for scenario_id, (value, _choices) in best.items():
        scenario = scenarios.get(scenario_id)
        for topic_id in dict.fromkeys(scenario.covers if scenario else ()):
            if topic_id in syllabus.topics:
                met.setdefault(topic_id, []).append(value)
    rows: list[Mastery] = []
    for domain, name in syllabus.domains.items():
        topics = [t.id for t in syllabus.in_domain(domain)]
        scores = [sum(met[t]) / len(met[t]) for t in topics if t in met]
        rows.append(Mastery(name, round(sum(scores) / len(scores)) if scores else None,
                            len(scores), len(topics)))
    return rows


def beliefs_shown(record: PlayRecord, scenario: Scenario | None) -> tuple[Choice, ...]:
    """The choices of an attempt that show what the learner believes: those they made, not
    those a timed-out decision was scored as (no answer is no belief). Nothing for exploring,
    or for a play that no longer fits the scenario."""
    if scenario is None or record.kind != ATTEMPT:
        return ()
    choices = replay(record, scenario) or ()
    return tuple(c for i, c in enumerate(choices) if i not in record.timed_out)


def mistakes(records: Iterable[PlayRecord], scenarios: Mapping[str, Scenario],
             limit: int = 10) -> list[tuple[str, int]]:
    """The misconception tags behind the learner's answers in attempts (`beliefs_shown`),
    most frequent first (exploring does not repeat a mistake: a replay carries the earlier
    choices over)."""
    counts: Counter[str] = Counter()
    for record in records:
        for choice in beliefs_shown(record, scenarios.get(record.scenario_id)):
            if choice.misconception:
                counts[choice.misconception] += 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]


def mistake_scenarios(records: Iterable[PlayRecord], scenarios: Mapping[str, Scenario]
                      ) -> dict[str, tuple[str, ...]]:
    """For each misconception tag in `mistakes`, the ids of the scenarios where the learner
    showed it in an attempt, in the order they were first seen."""
    seen: dict[str, dict[str, None]] = {}
    for record in records:
        for choice in beliefs_shown(record, scenarios.get(record.scenario_id)):
            if choice.misconception:
                seen.setdefault(choice.misconception, {})[record.scenario_id] = None
    return {tag: tuple(ids) for tag, ids in seen.items()}
