"""The catalogue's order: scenarios by title, optionally grouped by exam domain or progress.

Kept out of the screen so the order is one fact, tested without a terminal: the list, the
`next` scenario after a debrief and the palette read it from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..format.vocabulary import DOMAINS
from .catalog import CatalogEntry

if TYPE_CHECKING:
    from ..progress.stats import ScenarioSummary

NONE, DOMAIN, PROGRESS = "none", "domain", "progress"
GROUPINGS = (NONE, DOMAIN, PROGRESS)
"""What the catalogue can group by, in the order the group key cycles through them."""
GROUPING_SETTING = "catalog.group"
"""The store setting that remembers the learner's grouping."""
GROUPING_NAMES = {NONE: "no groups", DOMAIN: "exam domain", PROGRESS: "progress"}

NOT_STARTED = "Not started"
TO_IMPROVE = "Best under 100\u00a0%"
PERFECT = "Best 100\u00a0%"
BROKEN = "Broken files"
GENERAL = "General (no exam domain)"


def by_title(entries: Sequence[CatalogEntry]) -> list[CatalogEntry]:
    """Entries sorted by title as a reader sorts them (case folded), then by id."""
    return sorted(entries, key=lambda e: (e.title.casefold(), e.id, e.path))


def progress_group(summary: ScenarioSummary | None) -> str:
    """`Not started` until the first attempt, then by the best attempt so far."""
    if summary is None or not summary.attempts:
        return NOT_STARTED
    return PERFECT if summary.best_percent == 100 else TO_IMPROVE


def grouped(entries: Sequence[CatalogEntry], summaries: Mapping[str, ScenarioSummary],
            by: str = NONE) -> list[tuple[str, list[CatalogEntry]]]:
    """(group heading, entries by title) in a fixed order of groups, empty groups left out;
    one group with no heading when `by` is `none`. Broken files form their own group."""
    ordered = by_title(entries)
    if by not in (DOMAIN, PROGRESS):
        return [("", ordered)]
    if by == DOMAIN:
        names = [d.capitalize() for d in DOMAINS]
        order = [*names, GENERAL, BROKEN]

        def key(entry: CatalogEntry) -> str:
            if not entry.playable:
                return BROKEN
            return entry.domain.capitalize() if entry.domain in DOMAINS else GENERAL
    else:
        order = [TO_IMPROVE, NOT_STARTED, PERFECT, BROKEN]

        def key(entry: CatalogEntry) -> str:
            return progress_group(summaries.get(entry.id)) if entry.playable else BROKEN
    groups: dict[str, list[CatalogEntry]] = {name: [] for name in order}
    for entry in ordered:
        groups[key(entry)].append(entry)
    return [(name, members) for name, members in groups.items() if members]


def next_grouping(current: str) -> str:
    """The grouping after `current` in `GROUPINGS`, wrapping round."""
    index = GROUPINGS.index(current) if current in GROUPINGS else 0
    return GROUPINGS[(index + 1) % len(GROUPINGS)]
