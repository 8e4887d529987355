"""Path statistics over a scenario by dynamic programming: the decision-graph equivalent of
ChoiceScript's quicktest/randomtest, without enumerating paths.

For every node we keep the distribution of scores-to-go as {score: number of paths}. A node's
distribution is its choices' distributions shifted by their points and added up, so the work is
proportional to edges times distinct scores, however many paths there are (10^12 is instant).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx

from ..format.model import Choice, Scenario
from ..format.text_safety import visible
from .scoring import PASS_PERCENT, analyse


@dataclass(frozen=True)
class PathReport:
    """How the paths from the start score."""

    paths: int
    best: int
    worst: int
    mean: float
    distribution: dict[int, int]
    pass_score: int
    passing_paths: int
    unused_by_passing: tuple[Choice, ...]


def score_distribution(scenario: Scenario) -> dict[str, Counter[int]]:
    """For every node, how many paths to an ending reach each score-to-go."""
    table: dict[str, Counter[int]] = {}
    for node in reversed(list(nx.topological_sort(scenario.graph))):
        choices = scenario.choices(node)
        if not choices:
            table[node] = Counter({0: 1})
            continue
        merged: Counter[int] = Counter()
        for choice in choices:
            for score, count in table[choice.target].items():
                merged[score + choice.points] += count
        table[node] = merged
    return table


def best_to_reach(scenario: Scenario) -> dict[str, int]:
    """The highest score with which some path from the start arrives at each reachable node."""
    reach: dict[str, int] = {scenario.start: 0}
    for node in nx.topological_sort(scenario.graph):
        if node not in reach:
            continue
        for choice in scenario.choices(node):
            value = reach[node] + choice.points
            if value > reach.get(choice.target, value - 1):
                reach[choice.target] = value
    return reach


def report(scenario: Scenario) -> PathReport:
    """Count, extremes, mean and distribution of path scores, and choices no passing path uses."""
    analysis = analyse(scenario)
    distribution = score_distribution(scenario)[scenario.start]
    paths = sum(distribution.values())
    total = sum(score * count for score, count in distribution.items())
    best = analysis.best_score
    pass_score = -(-best * PASS_PERCENT // 100) if best > 0 else best
    reach = best_to_reach(scenario)
    unused = tuple(
        choice for node in scenario.graph if node in reach
        for choice in scenario.choices(node)
        if reach[node] + choice.points + analysis.best[choice.target] < pass_score
    )
    return PathReport(
        paths=paths, best=best, worst=analysis.worst_score, mean=total / paths if paths else 0.0,
        distribution=dict(sorted(distribution.items())), pass_score=pass_score,
        passing_paths=sum(c for s, c in distribution.items() if s >= pass_score),
        unused_by_passing=unused,
    )


def render(scenario: Scenario, result: PathReport, width: int = 40) -> str:
    """A plain-text report with a histogram of the score distribution."""
    lines = [
        f"{visible(scenario.path or scenario.id)}: {result.paths:,} paths",
        f"  best {result.best}, worst {result.worst}, mean {result.mean:.2f}; "
        f"pass at {result.pass_score} ({PASS_PERCENT} %): {result.passing_paths:,} paths "
        f"({100 * result.passing_paths / max(result.paths, 1):.1f} %)",
        "  score distribution:",
    ]
    peak = max(result.distribution.values(), default=1)
    for score, count in result.distribution.items():
        bar = "#" * max(1, round(width * count / peak))
        mark = " <- pass" if score == result.pass_score else ""
        lines.append(f"  {score:>5} {bar} {count:,}{mark}")
    if result.unused_by_passing:
        lines.append("  choices no passing path uses:")
        lines.extend(f"    line {c.line}: {c.source} #{c.number} {c.label!r} ({c.points:+d})"
                     for c in result.unused_by_passing)
    else:
        lines.append("  every choice is on some passing path")
    return "\n".join(lines)
