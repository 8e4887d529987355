"""The system a path builds, and what each fault does to it: the consequence engine's core.

A path's architecture is the scenario's starting architecture with each choice's change
applied in order; a fault's outcome is its first matching rule (or its default). Both are pure
and deterministic, so the debrief, the author preview, `lint` and `export --architecture` all
see the same system for the same path.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import networkx as nx

from ..format.architecture import Architecture, Diff, Fault, Outcome, diff
from ..format.model import Choice, Scenario
from .scoring import analyse

STATES_PER_NODE = 512
"""How many distinct systems `reachable` keeps per situation. Authored scenarios have a few;
the cap keeps a pathological generated graph from growing without bound."""


def build(scenario: Scenario, path: Iterable[Choice]) -> Architecture:
    """The architecture after `path`, a sequence of choices from the start."""
    design = scenario.design
    architecture = design.start
    for choice in path:
        architecture = architecture.apply(design.change_of(choice.source, choice.index))
    return architecture


def stages(scenario: Scenario, path: Sequence[Choice]) -> list[Architecture]:
    """The architecture before the first choice and after each one (len(path) + 1 values)."""
    design = scenario.design
    found = [design.start]
    for choice in path:
        found.append(found[-1].apply(design.change_of(choice.source, choice.index)))
    return found


def last_change(scenario: Scenario, path: Sequence[Choice]) -> Diff:
    """What the last choice of `path` added, removed and changed (empty before any choice)."""
    if not path:
        return Diff()
    before = build(scenario, path[:-1])
    return diff(before, before.apply(scenario.design.change_of(path[-1].source,
                                                               path[-1].index)))


def path_to(scenario: Scenario, node: str) -> list[Choice]:
    """A path from the start to `node`: the highest-scoring one (ties go to the first found,
    in a fixed order). A play that starts at a node (the author's "test from here", a what-if)
    takes the system this path builds as its starting point. Empty if `node` is the start or
    cannot be reached."""
    best: dict[str, tuple[int, list[Choice]]] = {scenario.start: (0, [])}
    for current in nx.topological_sort(scenario.graph):
        if current == node:
            break
        if current not in best:
            continue
        score, path = best[current]
        for choice in scenario.choices(current):
            candidate = (score + choice.points, [*path, choice])
            if choice.target not in best or candidate[0] > best[choice.target][0]:
                best[choice.target] = candidate
    return best.get(node, (0, []))[1]


def full_path(scenario: Scenario, choices: Sequence[Choice], origin: str = "") -> list[Choice]:
    """`choices` made from `origin` (default: the start), preceded by `path_to(origin)`."""
    if not origin or origin == scenario.start:
        return list(choices)
    return [*path_to(scenario, origin), *choices]


def path_from_numbers(scenario: Scenario, numbers: Sequence[int]) -> list[Choice]:
    """The path that takes choice `numbers[0]` (1-based, in file order) at the start, then
    `numbers[1]` where that leads, and so on; ValueError naming the first number that is not
    a choice there."""
    node, path = scenario.start, []
    for step, number in enumerate(numbers, 1):
        options = scenario.choices(node)
        if not options:
            raise ValueError(f"step {step}: {node!r} is an ending; the path has "
                             f"{step - 1} choice(s)")
        if not 1 <= number <= len(options):
            raise ValueError(f"step {step}: {node!r} has choices 1-{len(options)}, not {number}")
        path.append(options[number - 1])
        node = options[number - 1].target
    return path


def best_path(scenario: Scenario) -> list[Choice]:
    return analyse(scenario).best_path()


def evaluate(scenario: Scenario, architecture: Architecture) -> list[Outcome]:
    """Every fault of the scenario applied to `architecture`, in authored order."""
    return [fault.evaluate(architecture) for fault in scenario.design.faults]


@dataclass(frozen=True)
class FaultResult:
    """One row of the chaos round: a fault, what it does to the learner's system, and what it
    does to the system the best path builds."""

    fault: Fault
    yours: Outcome
    best: Outcome

    @property
    def same(self) -> bool:
        return self.yours.result == self.best.result


def compare(scenario: Scenario, path: Sequence[Choice]) -> list[FaultResult]:
    """Each fault against the system `path` (from the start) built and the best path's."""
    yours = build(scenario, path)
    best = build(scenario, best_path(scenario))
    return [FaultResult(fault, fault.evaluate(yours), fault.evaluate(best))
            for fault in scenario.design.faults]


def reachable(scenario: Scenario) -> dict[str, list[Architecture]] | None:
    """The distinct systems each situation can be reached with, in a stable order; None when
    some situation has more than `STATES_PER_NODE` (the caller then checks nothing rather
    than something partial). The scenario must be acyclic."""
    design = scenario.design
    found: dict[str, dict[Architecture, None]] = {scenario.start: {design.start: None}}
    for node in nx.topological_sort(scenario.graph):
        here = found.get(node)
        if here is None:
            continue
        if len(here) > STATES_PER_NODE:
            return None
        for choice in scenario.choices(node):
            change = design.change_of(node, choice.index)
            into = found.setdefault(choice.target, {})
            for architecture in here:
                into.setdefault(architecture.apply(change), None)
    return {node: list(states) for node, states in found.items()}


def ending_outcomes(scenario: Scenario) -> dict[str, set[str]] | None:
    """For each fault, the results it can have over every system an ending can be reached
    with (None when there are too many systems to list)."""
    states = reachable(scenario)
    if states is None:
        return None
    ends = {a for node, found in states.items() if scenario.is_ending(node) for a in found}
    return {fault.id: {fault.evaluate(a).result for a in ends} for fault in
            scenario.design.faults}
