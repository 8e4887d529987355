"""What a `Session` sums up for the screens: reviews due, the catalogue's progress and the
stats screen's figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..format.model import Misconception
    from ..progress.review_schedule import ReviewItem
    from ..progress.stats import Mastery, ScenarioSummary



@dataclass(frozen=True)
class ReviewStatus:
    """The decisions due for review now, and when the next later one falls due."""

    due: tuple[ReviewItem, ...] = ()
    next_due: str | None = None
    """ISO time of the soonest card not yet due, if there is one."""

@dataclass(frozen=True)
class CatalogProgress:
    """What the catalogue shows about the learner: a summary per played scenario and reviews."""

    summaries: dict[str, ScenarioSummary] = field(default_factory=dict)
    reviews: ReviewStatus = ReviewStatus()

@dataclass(frozen=True)
class Statistics:
    """Everything the stats screen shows, computed off the event loop."""

    history: tuple[tuple[str, ScenarioSummary], ...] = ()
    """(title, summary) per played scenario still in the library, in catalogue order."""
    services: tuple[Mastery, ...] = ()
    """Mastery of each service (by name) in a decision of a best attempt."""
    domains: tuple[Mastery, ...] = ()
    """Mastery of every exam domain in the library (not started: percent None)."""
    mistakes: tuple[tuple[str, int, tuple[str, ...]], ...] = ()
    """(misconception tag, how often, titles of the scenarios it showed in), most often first."""
    beliefs: dict[str, Misconception] = field(default_factory=dict)
    """What the tags in `mistakes` mean, for those a misconceptions file defines."""
    reviews: ReviewStatus = ReviewStatus()
