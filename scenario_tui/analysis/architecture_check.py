"""Checks of the architecture that need the graph: each choice's change must make sense on
every path that reaches it, and every link must point at a component that is there.

The check follows every distinct system each situation can be reached with
(`resilience.reachable`), so it is exact: it reports a change that fails on some path, and
nothing that holds on all of them. A playable scenario therefore builds a consistent system
(no dangling link, no change to a missing component) along any path.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from ..format.architecture import Architecture, Change
from ..format.architecture_read import START
from ..format.model import Scenario
from ..format.problems import ERROR, Problem
from .resilience import reachable


class _Report:
    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.problems: dict[tuple[str, tuple[int, int], str], Problem] = {}

    def at(self, kind: str, node: str, index: int, *rest: str) -> tuple[int, int]:
        """Where a part of a change is; else the choice's `architecture:`; else the top."""
        positions = self.scenario.design_positions
        return positions.get((kind, node, index, *rest)) or positions.get(
            ("choice", node, index)) or self.scenario.positions.get("architecture", (1, 1))

    def error(self, pos: tuple[int, int], code: str, message: str, hint: str) -> None:
        """Once per place and code: a change that fails on many paths is one mistake."""
        key = (code, pos, message)
        if key not in self.problems:
            self.problems[key] = Problem(self.scenario.path, pos[0], pos[1], ERROR, code,
                                         message, hint)


def _dangling(report: _Report, after: Architecture, origin: tuple[str, int],
              change: Change, where: str) -> None:
    node, index = origin
    changed = {c.id for c in change.add} | {p.id for p in change.change if p.links is not None}
    for source, target in after.dangling():
        if source in changed or origin == START:
            pos = report.at("link", node, index, source, target)
            report.error(pos, "E041", f"{where} links {source!r} to {target!r}, which "
                         "does not exist there", _near(target, after.ids))
        elif target in change.remove:
            pos = report.at("remove", node, index, target)
            report.error(pos, "E041", f"{where} removes {target!r}, but {source!r} still links "
                         "to it", f"change {source!r}'s links in the same choice, or keep "
                         f"{target!r}")


def _near(target: str, ids: Iterable[str]) -> str:
    close = difflib.get_close_matches(target, sorted(ids), n=1)
    return (f"did you mean {close[0]!r}? " if close else "") + \
        "link only to components that exist at this point on every path"


def _change(report: _Report, before: Architecture, node: str, index: int,
            change: Change) -> None:
    where = f"choice {index + 1} of {node!r}"
    present = set(before.ids)
    for cid in change.remove:
        if cid not in present:
            report.error(report.at("remove", node, index, cid), "E040", f"{where} removes "
                         f"{cid!r}, which does not exist on a path to here",
                         _near(cid, present).replace("link only to", "remove only"))
    left = present - set(change.remove)
    for patch in change.change:
        if patch.id not in left:
            report.error(report.at("change", node, index, patch.id), "E040", f"{where} "
                         f"changes {patch.id!r}, which does not exist on a path to here",
                         _near(patch.id, left).replace("link only to", "change only"))
    for component in change.add:
        if component.id in left:
            report.error(report.at("component", node, index, component.id), "E044",
                         f"{where} adds {component.id!r}, which already exists on a path to "
                         "here", "use `change:` to alter it, or `remove:` it first in the same "
                         "choice")
    _dangling(report, before.apply(change), (node, index), change, where)


def check_architecture(scenario: Scenario) -> list[Problem]:
    """Problems with the changes along every path; nothing when the scenario declares no
    architecture. The scenario must be acyclic (run after the cycle check)."""
    design = scenario.design
    if not design.declared:
        return []
    report = _Report(scenario)
    _dangling(report, design.start, START, Change(), "the starting architecture")
    states = reachable(scenario)
    if states is None:
        return []
    for node, found in states.items():
        for choice in scenario.choices(node):
            change = design.change_of(node, choice.index)
            if change.empty:
                continue
            for before in found:
                _change(report, before, node, choice.index, change)
    return list(report.problems.values())


def check_component_services(scenario: Scenario, known: Iterable[str], glossary_path: str
                             ) -> list[Problem]:
    """Every component's service must be a glossary id, as `services:` must."""
    known = sorted(set(known))
    problems: list[Problem] = []
    for key, pos in scenario.design_positions.items():
        if key[0] != "service":
            continue
        _kind, node, index, cid = key
        origin = scenario.design.start.get(cid) if (node, index) == START else None
        change = scenario.design.change_of(node, index)
        services = {c.service for c in change.add if c.id == cid} | \
            {p.service for p in change.change if p.id == cid and p.service}
        if origin is not None:
            services.add(origin.service)
        for service in sorted(services - set(known)):
            close = difflib.get_close_matches(service, known, n=1)
            problems.append(Problem(scenario.path, pos[0], pos[1], ERROR, "E026",
                                    f"unknown service id {service!r} for component {cid!r}",
                                    (f"did you mean {close[0]!r}? " if close else "") +
                                    f"or add a card for it to {glossary_path}"))
    return problems
