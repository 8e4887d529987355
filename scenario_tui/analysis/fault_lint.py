"""Lint rules about faults: a fault teaches only if some endings survive it and some do not.

A fault every ending survives tells the learner nothing about their choices; a fault no
ending survives punishes every path alike. Both are judged over every distinct system an
ending can be reached with (`resilience.reachable`), so no path is left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..format.architecture import SURVIVES
from ..format.model import Scenario
from .resilience import ending_outcomes

EVERY_ENDING_SURVIVES = "L117"
NO_ENDING_SURVIVES = "L118"


@dataclass(frozen=True)
class Finding:
    code: str
    fault: str
    where: tuple[int, int]
    message: str
    hint: str


def findings(scenario: Scenario) -> list[Finding]:
    """L117 and L118 for each fault of `scenario` (none when it declares no faults, or when
    it can be reached with too many distinct systems to list)."""
    outcomes = ending_outcomes(scenario) if scenario.design.faults else None
    if outcomes is None:
        return []
    found: list[Finding] = []
    fallback = scenario.positions.get("faults", (1, 1))
    for fault in scenario.design.faults:
        results = outcomes.get(fault.id, set())
        where = scenario.design_positions.get(("fault", fault.id), fallback)
        if results == {SURVIVES}:
            found.append(Finding(EVERY_ENDING_SURVIVES, fault.id, where,
                                 f"every ending survives fault {fault.id!r}: it tells no path "
                                 "from another", "add a rule that a weak path's system fails "
                                 "or degrades, or drop the fault"))
        elif results and SURVIVES not in results:
            shown = " or ".join(sorted(results))
            found.append(Finding(NO_ENDING_SURVIVES, fault.id, where,
                                 f"no ending survives fault {fault.id!r} (each {shown})",
                                 "let the best path's system survive it: check the rules' "
                                 "conditions against what the best path builds"))
    return found
