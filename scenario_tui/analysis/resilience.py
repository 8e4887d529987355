"""The system a path builds, and what each fault does to it: the consequence engine's core.

A path's architecture is the scenario's starting architecture with each choice's change
applied in order; a fault's outcome is its first matching rule (or its default). Both are pure
and deterministic, so the debrief, the author preview, `lint` and `export --architecture` all
see the same system for the same path.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import networkx as nx

from ..format.architecture import GROUP_KINDS, Architecture, Condition, Diff, Fault, Outcome, diff
from ..format.model import Choice, Scenario
from .scoring import analyse

STATES_PER_NODE = 512
"""How many distinct systems `reachable` keeps per situation. Authored scenarios have a few;
the cap keeps a pathological generated graph from growing without bound."""


def build(scenario: Scenario, path: Iterable[Choice]) -> Architecture:
    """The architecture after `path`, a sequence of choices from the start."""
    return build_from(scenario, scenario.design.start, path)


def build_from(scenario: Scenario, start: Architecture, path: Iterable[Choice]) -> Architecture:
    """`start` with each choice of `path` applied in order."""
    design = scenario.design
    architecture = start
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
    does to the best system built from where the learner's run started.

    A side is not `reached` when the decisions that decide the fault are ones its run never
    made (`compare`): its outcome, and the authored why written about those choices, would
    judge a decision the run did not reach."""

    fault: Fault
    yours: Outcome
    best: Outcome
    reached: bool = True
    best_reached: bool = True

    @property
    def same(self) -> bool:
        return self.yours.result == self.best.result


def _leaves(condition: Condition) -> Iterator[Condition]:
    """The single tests (`exists`, `none`, `every`) that `condition` combines."""
    if condition.kind in GROUP_KINDS:
        for part in condition.parts:
            yield from _leaves(part)
    else:
        yield condition


def tested(scenario: Scenario, run: Sequence[Choice], start: Architecture) -> set[str]:
    """The faults some decision of `run` tests (from the system `start`): where, on the
    system the run had there, the options differ in whether one of the fault's tests holds.
    Single tests rather than whole rules, so a decision that provides one half of an `all`
    counts; the run's own system, so a decision counts for what it could change on this run."""
    design = scenario.design
    tests = {f.id: [leaf for rule in f.rules for leaf in _leaves(rule.when)]
             for f in design.faults}
    found: set[str] = set()
    system = start
    for choice in run:
        node = choice.source
        after = [system.apply(design.change_of(node, c.index)) for c in scenario.choices(node)]
        found.update(fault_id for fault_id, leaves in tests.items() if fault_id not in found
                     and len({tuple(leaf.holds(a) for leaf in leaves) for a in after}) > 1)
        system = system.apply(design.change_of(node, choice.index))
    return found


def compare(scenario: Scenario, choices: Sequence[Choice], origin: str = "") -> list[FaultResult]:
    """Each fault against the system a run built (`choices` made from `origin`, after
    `path_to(origin)`; default: from the start) and the best system a run from there builds:
    the same way there on both sides, so they differ only where the runs chose.

    A side is not `reached` when the fault is decided by a decision of the best path through
    `origin` (the way there, then the best run) that the side's own run did not make: a path
    that ended early or went another way, or a run that began after it. A fault only some
    other branch tests keeps both outcomes: they speak of what every such path has."""
    before = full_path(scenario, [], origin)
    start = build(scenario, before)
    best_run = analyse(scenario).best_path(origin or None)
    yours, best = build_from(scenario, start, choices), build_from(scenario, start, best_run)
    decided_before = tested(scenario, before, scenario.design.start)
    by_yours, by_best = tested(scenario, choices, start), tested(scenario, best_run, start)
    deciding = decided_before | by_best
    return [FaultResult(fault, fault.evaluate(yours), fault.evaluate(best),
                        fault.id in by_yours or fault.id not in deciding,
                        fault.id in by_best or fault.id not in decided_before)
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
