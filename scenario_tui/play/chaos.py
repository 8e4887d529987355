"""The consequence engine for a play: the system the learner has built so far, what the last
choice did to it, and the chaos round that breaks it on purpose.

This is the API the diagram panel, the debrief and the author preview draw from; each function
is pure over (scenario, play), so a screen recomputes rather than keeps state. A play that
starts at a node (a what-if, a review, the author's "test from here") is prefixed with the
highest-scoring way to that node (`resilience.path_to`); those choices were not the play's, so
nothing here speaks of them as its own: the last change is the play's own last choice, and the
chaos round compares with the best run from the same node and judges a fault only where the
play's own choices test it (`resilience.compare`).
"""

from __future__ import annotations

from ..analysis.resilience import FaultResult, build, compare, full_path, last_change
from ..format.architecture import Architecture, Diff
from ..format.model import Scenario
from .engine import Play

__all__ = ["FaultResult", "architecture", "chaos", "has_architecture", "has_faults",
           "latest_change"]


def has_architecture(scenario: Scenario) -> bool:
    """Whether to show a diagram at all."""
    return scenario.design.declared


def has_faults(scenario: Scenario) -> bool:
    """Whether the debrief has a chaos round."""
    return bool(scenario.design.faults)


def architecture(scenario: Scenario, play: Play) -> Architecture:
    """The system the play's choices have built so far."""
    return build(scenario, full_path(scenario, play.choices, play.origin))


def latest_change(scenario: Scenario, play: Play) -> Diff:
    """What the play's last choice added, removed and changed (empty before any choice: a
    play started at a node has made none, whatever the way there built)."""
    if not play.choices:
        return Diff()
    return last_change(scenario, full_path(scenario, play.choices, play.origin))


def chaos(scenario: Scenario, play: Play) -> list[FaultResult]:
    """Each fault applied to the play's system and to the best one a play from the same
    place builds, in authored order; a side its path never tested is not `reached`."""
    return compare(scenario, play.choices, play.origin)
