"""Every option at a decision, explained: its verdict, its points and what it gives up.

Practice feedback and the debrief show one choice; a learner who wants to know why the other
options are right, partly right or wrong reads them here. The loss is `Analysis.regret`: the
points a choice gives up against the best score still possible from that decision. It is split
into what the choice itself scores less than the best choice, and what it closes off after it,
so "−1 against +1" next to "lost 8" explains itself (2 now, 6 fewer to gain after it).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..format.model import Choice
from .scoring import Analysis


@dataclass(frozen=True)
class OptionVerdict:
    """One option at a decision, judged against the best one there."""

    choice: Choice
    verdict: str
    """`right`, `partly right` or `wrong` (`Analysis.verdict`)."""
    best: bool
    """The choice the best path takes here (ties go to the first authored)."""
    lost: int
    """Points given up against the best still possible from this decision (`regret`)."""
    lost_now: int
    """The part of `lost` that is this choice's own points against the best choice's
    (negative when this choice scores more now but closes off more later)."""

    @property
    def lost_after(self) -> int:
        """The part of `lost` in what the choice leads to: fewer points left to gain after it."""
        return self.lost - self.lost_now


def option_verdict(analysis: Analysis, choice: Choice) -> OptionVerdict:
    """`choice` judged against the best choice at its decision."""
    best = analysis.best_choice[choice.source]
    return OptionVerdict(choice=choice, verdict=analysis.verdict(choice), best=choice == best,
                         lost=analysis.regret(choice), lost_now=best.points - choice.points)


def options_at(analysis: Analysis, node: str) -> tuple[OptionVerdict, ...]:
    """All the options at `node`, in authored order; none at an ending."""
    return tuple(option_verdict(analysis, choice) for choice in analysis.scenario.choices(node))
