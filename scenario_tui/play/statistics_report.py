"""What the stats screen shows, summed up by a `Session` off the event loop."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .progress_report import ReviewStatus

if TYPE_CHECKING:
    from ..format.model import Misconception
    from ..progress.stats import Mastery, ScenarioSummary


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
    reviews: ReviewStatus = field(default_factory=ReviewStatus)
