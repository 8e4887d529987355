"""Scores over the decision graph by dynamic programming in topological order.

Each quantity is computed once per node from its successors, so the work is linear in the
graph's size however many paths it has. (`nx.dag_longest_path` would be wrong here: it ignores
negative weights' effect on where a path may start and does not begin at the start node.)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import networkx as nx

from ..format.model import PILLARS, Choice, Scenario

GRADES = ((90, "A"), (75, "B"), (60, "C"), (40, "D"))
PASS_PERCENT = 60


@dataclass(frozen=True)
class Analysis:
    """Best and worst score-to-go for every node, and the choice that achieves each."""

    scenario: Scenario
    best: dict[str, int]
    worst: dict[str, int]
    best_choice: dict[str, Choice]
    worst_choice: dict[str, Choice]

    @property
    def best_score(self) -> int:
        return self.best[self.scenario.start]

    @property
    def worst_score(self) -> int:
        return self.worst[self.scenario.start]

    def best_path(self, node: str | None = None) -> list[Choice]:
        """A path from `node` (default: the start) to an ending that scores the best."""
        return self._follow(self.best_choice, node)

    def worst_path(self, node: str | None = None) -> list[Choice]:
        return self._follow(self.worst_choice, node)

    def _follow(self, table: dict[str, Choice], node: str | None) -> list[Choice]:
        path: list[Choice] = []
        node = self.scenario.start if node is None else node
        while node in table:
            choice = table[node]
            path.append(choice)
            node = choice.target
        return path

    def value(self, choice: Choice) -> int:
        """Points of `choice` plus the best still reachable after it."""
        return choice.points + self.best[choice.target]

    def regret(self, choice: Choice) -> int:
        """How many points this choice gives up against the best choice at its node."""
        return self.best[choice.source] - self.value(choice)

    def verdict(self, choice: Choice) -> str:
        """`right` (no regret), `partly right` (scores, but loses points) or `wrong`."""
        if self.regret(choice) == 0:
            return "right"
        return "partly right" if choice.points > 0 else "wrong"

    @cached_property
    def decisions_on_best_path(self) -> int:
        return len(self.best_path())


def analyse(scenario: Scenario) -> Analysis:
    """Best/worst score-to-go per node. The scenario must be acyclic (validation ensures it)."""
    best: dict[str, int] = {}
    worst: dict[str, int] = {}
    best_choice: dict[str, Choice] = {}
    worst_choice: dict[str, Choice] = {}
    for node in reversed(list(nx.topological_sort(scenario.graph))):
        choices = scenario.choices(node)
        if not choices:
            best[node] = worst[node] = 0
            continue
        high = max(choices, key=lambda c: (c.points + best[c.target], -c.index))
        low = min(choices, key=lambda c: (c.points + worst[c.target], c.index))
        best[node], best_choice[node] = high.points + best[high.target], high
        worst[node], worst_choice[node] = low.points + worst[low.target], low
    return Analysis(scenario, best, worst, best_choice, worst_choice)


def path_score(path: Sequence[Choice]) -> int:
    return sum(choice.points for choice in path)


def share(score: int, best: int) -> int:
    """Score as a whole percentage of the best, as it is: a negative total is a negative
    share (`−12`), what the debrief shows. Capped at 100 (no path beats the best)."""
    if best <= 0:
        return 100 if score >= best else 0
    return min(100, round(100 * score / best))


def percent(score: int, best: int) -> int:
    """`share`, floored at 0: for bars and averages drawn on a 0..100 scale."""
    return max(0, share(score, best))


def grade(score: int, best: int) -> str:
    """A letter for the share of the best; any share below 40 % (negative ones too) is F."""
    value = share(score, best)
    for threshold, letter in GRADES:
        if value >= threshold:
            return letter
    return "F"


def pillar_totals(path: Sequence[Choice]) -> dict[str, int]:
    """The summed Well-Architected impact of the choices on a path, for every pillar."""
    totals: Counter[str] = Counter({pillar: 0 for pillar in PILLARS})
    for choice in path:
        totals.update(choice.pillars)
    return {pillar: totals[pillar] for pillar in PILLARS}


def pillar_most(scenario: Scenario, origin: str | None = None) -> dict[str, int]:
    """The most each pillar can total on any path from `origin` (default: the start) to an
    ending: 100 % on the debrief's pillar scale, the same for every play from there, so bars
    can be compared between plays (a scale from each play's own numbers could not)."""
    most: dict[str, dict[str, int]] = {}
    for node in reversed(list(nx.topological_sort(scenario.graph))):
        choices = scenario.choices(node)
        most[node] = {pillar: max((c.pillars.get(pillar, 0) + most[c.target][pillar]
                                   for c in choices), default=0) for pillar in PILLARS}
    return most[origin or scenario.start]
