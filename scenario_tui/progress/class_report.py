"""The instructor's report on a class: who has done what, how scores spread, which mistaken
beliefs and decisions the class misses most, and what is due for review.

`fetch` reads the class from the class store over the instructor's connection (row-level
security lets it see their own classes' learners only); `build` scores it against today's
library, as a learner's own statistics are scored (`progress.stats`): only attempts count, and
a play whose path no longer fits its scenario is left out. Both return plain values, which the
CLI writes as CSV or JSON and the report screen draws.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..analysis.scoring import analyse, percent
from .kinds import ATTEMPT
from .stats import replay
from .store import PlayRecord, _play

if TYPE_CHECKING:
    import psycopg

    from ..format.model import Misconception, Scenario

BUCKETS = ((0, 19), (20, 39), (40, 59), (60, 79), (80, 100))
"""The score distribution's bands of best percentages."""
TOP = 10
"""How many beliefs and missed decisions the report lists."""


@dataclass(frozen=True)
class ClassData:
    """A class as its instructor reads it from the class store, not yet scored."""

    class_id: str
    name: str
    learners: tuple[tuple[str, str], ...]
    """(role, name) of each learner, by name."""
    plays: tuple[tuple[str, PlayRecord], ...]
    """(learner's role, play), oldest first."""
    reviews: tuple[tuple[str, str, str, str], ...]
    """(learner's role, scenario id, decision, due) of every review card."""


def fetch(connection: psycopg.Connection[tuple[Any, ...]], class_id: str) -> ClassData:
    """The class `class_id` (found with `classes.find_class`) in one snapshot."""
    with connection.transaction():
        connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        row = connection.execute("SELECT name FROM classes WHERE id = %s",
                                 (class_id,)).fetchone()
        learners = connection.execute(
            "SELECT role::text, display_name FROM learners WHERE class_id = %s "
            "ORDER BY display_name, role", (class_id,)).fetchall()
        plays = connection.execute(
            "SELECT p.learner::text, p.scenario_id, p.content_hash, p.mode, p.path, p.score, "
            "p.best, p.duration, p.finished_at, p.kind, p.play_id::text FROM plays p "
            "JOIN learners l ON l.role = p.learner WHERE l.class_id = %s "
            "ORDER BY p.finished_at, p.id", (class_id,)).fetchall()
        reviews = connection.execute(
            "SELECT r.learner::text, r.scenario_id, r.node, r.due FROM reviews r "
            "JOIN learners l ON l.role = r.learner WHERE l.class_id = %s "
            "ORDER BY r.due, r.scenario_id, r.node", (class_id,)).fetchall()
    return ClassData(class_id, str(row[0]) if row else "",
                     tuple((str(r[0]), str(r[1])) for r in learners),
                     tuple((str(r[0]), _play(r[1:])) for r in plays),
                     tuple((str(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in reviews))


@dataclass(frozen=True)
class LearnerRow:
    name: str
    attempts: int
    scenarios: int
    """Scenarios with a scored attempt."""
    mean_best: int | None
    """The mean of their best percentages over those scenarios."""
    last: str
    """When they last finished a play ("" never)."""
    due: int
    """Their review cards due now."""


@dataclass(frozen=True)
class ScenarioRow:
    scenario_id: str
    title: str
    learners: int
    """Learners with a scored attempt."""
    bands: tuple[int, ...]
    """How many learners' best percentage falls in each of `BUCKETS`."""
    median: int | None


@dataclass(frozen=True)
class BeliefRow:
    tag: str
    belief: str
    """The mistaken belief in words (the tag itself when the library does not define it)."""
    times: int
    learners: int


@dataclass(frozen=True)
class MissedRow:
    scenario_id: str
    node: str
    situation: str
    """The decision's situation, as written (untrusted: render it safely)."""
    misses: int
    """Attempts that took a choice worth less than the best there."""
    of: int
    """Attempts that reached the decision."""


@dataclass(frozen=True)
class HeatCell:
    """One learner's attempts at one scenario: decisions missed of decisions made."""

    missed: int
    made: int

    @property
    def percent(self) -> int:
        return round(100 * self.missed / self.made) if self.made else 0


@dataclass(frozen=True)
class DueRow:
    scenario_id: str
    node: str
    situation: str
    """The decision's situation (untrusted), or its id when today's scenario lacks it."""
    learners: int


@dataclass(frozen=True)
class ClassReport:
    class_id: str
    name: str
    at: str
    """The moment "due" is measured at (ISO, UTC)."""
    learners: tuple[LearnerRow, ...]
    scenarios: tuple[ScenarioRow, ...]
    beliefs: tuple[BeliefRow, ...]
    missed: tuple[MissedRow, ...]
    heat_columns: tuple[str, ...]
    """The scenario ids of the heat map's columns: those anyone attempted, by title."""
    heat: tuple[tuple[str, tuple[HeatCell | None, ...]], ...]
    """(learner's name, a cell per column; None: not attempted)."""
    due: tuple[DueRow, ...]
    titles: dict[str, str]
    """Each scenario's title by id, for the scenarios the report names."""


def build(data: ClassData, scenarios: Mapping[str, Scenario],
          beliefs: Mapping[str, Misconception], at: str) -> ClassReport:
    """Score the class against today's library (`scenarios` by id)."""
    names = dict(data.learners)
    best: dict[tuple[str, str], int] = {}
    attempts: Counter[str] = Counter()
    last: dict[str, str] = {}
    cells: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    tags: Counter[str] = Counter()
    tag_learners: dict[str, set[str]] = defaultdict(set)
    missed: Counter[tuple[str, str]] = Counter()
    reached: Counter[tuple[str, str]] = Counter()
    analyses = {sid: analyse(s) for sid, s in scenarios.items()}
    for role, play in data.plays:
        last[role] = max(last.get(role, ""), play.finished_at)
        scenario = scenarios.get(play.scenario_id)
        if play.kind != ATTEMPT or scenario is None or role not in names:
            continue
        choices = replay(play, scenario)
        if choices is None:
            continue
        attempts[role] += 1
        analysis = analyses[play.scenario_id]
        key = (role, play.scenario_id)
        score = percent(sum(c.points for c in choices), analysis.best[choices[0].source])
        best[key] = max(best.get(key, score), score)
        for step, choice in enumerate(choices):
            right = analysis.best_choice.get(choice.source)
            wrong = right is not None and choice.points < right.points
            cells[key][0] += wrong
            cells[key][1] += 1
            reached[(play.scenario_id, choice.source)] += 1
            missed[(play.scenario_id, choice.source)] += wrong
            # A time-out is a miss, not a belief: the learner chose nothing (`beliefs_shown`).
            if choice.misconception and step not in play.timed_out:
                tags[choice.misconception] += 1
                tag_learners[choice.misconception].add(role)
    due: Counter[str] = Counter()
    due_at: dict[tuple[str, str], set[str]] = defaultdict(set)
    for role, scenario_id, node, when in data.reviews:
        if when <= at and role in names and scenario_id in scenarios:
            due[role] += 1
            due_at[(scenario_id, node)].add(role)
    titles = {sid: s.title for sid, s in scenarios.items()}
    played = sorted({sid for _, sid in best}, key=lambda sid: (titles[sid].lower(), sid))
    learners = tuple(
        LearnerRow(name, attempts[role], len(mine := [v for (r, _), v in best.items()
                                                      if r == role]),
                   round(sum(mine) / len(mine)) if mine else None, last.get(role, ""),
                   due[role])
        for role, name in data.learners)
    rows = []
    for sid in played:
        scores = sorted(v for (_, s), v in best.items() if s == sid)
        bands = tuple(sum(low <= v <= high for v in scores) for low, high in BUCKETS)
        rows.append(ScenarioRow(sid, titles[sid], len(scores), bands, _median(scores)))
    belief_rows = tuple(
        BeliefRow(tag, beliefs[tag].belief if tag in beliefs else tag, count,
                  len(tag_learners[tag]))
        for tag, count in sorted(tags.items(), key=lambda item: (-item[1], item[0]))[:TOP])
    missed_rows = tuple(
        MissedRow(sid, node, scenarios[sid].node(node).text, count, reached[(sid, node)])
        for (sid, node), count in sorted(missed.items(),
                                         key=lambda item: (-item[1], item[0]))[:TOP]
        if count)
    heat = tuple((name, tuple(HeatCell(*cells[(role, sid)]) if (role, sid) in cells else None
                              for sid in played))
                 for role, name in data.learners)
    due_rows = tuple(DueRow(sid, node, scenarios[sid].node(node).text
                            if node in scenarios[sid].graph else node, len(roles))
                     for (sid, node), roles in sorted(due_at.items(),
                                                      key=lambda item: (-len(item[1]), item[0])))
    return ClassReport(data.class_id, data.name, at, learners, tuple(rows), belief_rows,
                       missed_rows, tuple(played), heat, due_rows, titles)


def _median(values: list[int]) -> int | None:
    if not values:
        return None
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else round((values[middle - 1] + values[middle])
                                                         / 2)
