"""What a `Session` sums up for the catalogue: reviews due and the learner's progress (the
stats screen's figures are in `statistics_report`, which its first frame does not need)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ..progress.review_schedule import ReviewItem
    from ..progress.stats import ScenarioSummary


# A named tuple, not a frozen dataclass: defined on the way to the catalogue's first frame,
# where a dataclass takes ten times as long to make.
class ReviewStatus(NamedTuple):
    """The decisions due for review now, and when the next later one falls due."""

    due: tuple[ReviewItem, ...] = ()
    next_due: str | None = None
    """ISO time of the soonest card not yet due, if there is one."""


@dataclass(frozen=True)
class CatalogProgress:
    """What the catalogue shows about the learner: a summary per played scenario, reviews
    and the runs left part-way."""

    summaries: dict[str, ScenarioSummary] = field(default_factory=dict)
    reviews: ReviewStatus = field(default_factory=ReviewStatus)
    part_way: dict[str, int] = field(default_factory=dict)
    """Each scenario with a run left part-way, and the decision resuming comes back to."""
