"""What one scenario's plays add up to, for the catalogue and the stats screen.

Kept apart from `stats` (which scores, and so imports networkx) so that the catalogue's cached
summaries (`summary_cache`) are read without the scoring core.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .kinds import ATTEMPT, KINDS


@dataclass(frozen=True)
class ScenarioSummary:
    """What the learner's plays of one scenario add up to. Scores come from attempts only;
    replays, what-ifs and reviews are counted apart, in `exploring`."""

    best_percent: int | None
    """The best attempt that fits today's scenario; None if no attempt does (or none yet)."""
    attempts: int
    last_played: str
    """The latest play of any kind."""
    history: tuple[int, ...] = ()
    """Each fitting attempt's percentage, oldest first. Only the stats screen draws it: the
    catalogue's summaries (cached, see `progress.summary_cache`) leave it empty."""
    stale: int = 0
    """Attempts played on an earlier version that no longer fits the scenario."""
    exploring: tuple[tuple[str, int], ...] = ()
    """(kind, how many) for each kind of run that is not an attempt, in `KINDS` order."""


def summarise(runs: Iterable[tuple[str, int | None, str]]) -> ScenarioSummary:
    """The summary of (kind, percentage or None when stale, finished at) runs, oldest
    first."""
    history: list[int] = []
    attempts = stale = 0
    last = ""
    others: Counter[str] = Counter()
    for kind, value, finished_at in runs:
        last = max(last, finished_at)
        if kind != ATTEMPT:
            others[kind] += 1
            continue
        attempts += 1
        if value is None:
            stale += 1
        else:
            history.append(value)
    return ScenarioSummary(max(history, default=None), attempts, last, tuple(history), stale,
                           tuple((k, others[k]) for k in KINDS if others[k]))
