"""The catalogue's status line: the mode (a click or F2 switches it), what the filter shows,
broken files, due reviews, runs left part-way and whether progress is off, all in one
widget."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from ...play.modes import EXAM, PRACTICE, TIMED_EXAM
from ...play.progress_report import ReviewStatus
from ..dates import local_day
from .numbers import NBSP
from .symbols import PART_WAY

if TYPE_CHECKING:
    from ...progress.class_sync import ClassState


# A named tuple, not a frozen dataclass: defined on the way to the catalogue's first frame,
# where a dataclass takes ten times as long to make.
class CatalogCounts(NamedTuple):
    """What the status line reports."""

    mode: str = PRACTICE
    shown: int = 0
    total: int = 0
    broken: int = 0
    reviews: ReviewStatus | None = None
    part_way: int = 0
    """How many scenarios have a run left part-way, to resume."""
    progress_off: bool = False
    """Progress is kept only until the app quits (the data dir cannot be used)."""
    class_state: ClassState | None = None
    """What the last sync to the class store found (None: no class, or not synced yet)."""


def review_content(reviews: ReviewStatus, compact: bool = False) -> Content:
    """` · 2 reviews due`, or when the next one is due (` · next review 2026-12-01`,
    `compact`: ` · review 2026-12-01`), or nothing before the first mistake."""
    if reviews.due:
        count = len(reviews.due)
        return Content.assemble(" · ", (f"{count} review{'s' if count != 1 else ''} due",
                                        "bold $accent"))
    if reviews.next_due:
        return Content.styled(f" · {'' if compact else 'next '}review "
                              f"{local_day(reviews.next_due)}", "dim")
    return Content("")


HINTS = {PRACTICE: ("feedback after every choice", "instant feedback"),
         EXAM: ("no feedback until the debrief", "feedback at the end"),
         TIMED_EXAM: ("a countdown on each decision", "timed decisions")}
"""What each mode means, whole and short: the short one still says it at 80 columns."""

FULL, UNFILTERED, COMPACT = range(3)
"""How tightly the counts are put: `32 of 32 shown`; `32 shown` when no filter hides any
(nothing is lost); `3/32 shown` and `review 2026-12-01`."""


def count_parts(counts: CatalogCounts, tight: int,
                filtered: bool = False) -> list[str | tuple[str, str] | Content]:
    """` · 32 of 32 shown · 1 broken · 2 reviews due · ◔ 1 part-way …`, put as `tight`
    says (as if a filter hid some if `filtered`)."""
    if tight >= UNFILTERED and counts.shown == counts.total and not filtered:
        shown = f"{counts.shown} shown"
    elif tight >= COMPACT:
        shown = f"{counts.shown}/{counts.total} shown"
    else:
        shown = f"{counts.shown} of {counts.total} shown"
    parts: list[str | tuple[str, str] | Content] = [f" · {shown}"]
    if counts.broken:
        parts.append((f" · {counts.broken} broken", "$error"))
    if counts.reviews:
        parts.append(review_content(counts.reviews, compact=tight >= COMPACT))
    if counts.part_way:
        parts.append((f" · {PART_WAY}{NBSP}{counts.part_way}{NBSP}part-way", "$warning"))
    if counts.progress_off:
        parts.append((" · progress off", "$warning"))
    if counts.class_state is not None:
        parts.append((f" · {counts.class_state.status}",
                      "$warning" if counts.class_state.waiting else "dim"))
    return parts


def catalog_status_line(counts: CatalogCounts, width: int) -> Content:
    """`Mode  Practice  feedback after every choice (F2) · 32 of 32 shown · 1 broken`, made
    to fit `width`: first the mode's short hint (`instant feedback`, which then stays as a
    filter changes the counts), then tighter counts, then the hint without its `(F2)` (the
    footer has the key), and only then no hint. No count is ever left out: a review due
    or a broken file is what a learner acts on."""
    whole, short = HINTS.get(counts.mode, HINTS[EXAM])
    mode = Content.assemble("Mode ", (f" {counts.mode.capitalize()} ", "bold reverse"))
    layouts = ((f"{whole} (F2)", FULL), (f"{short} (F2)", FULL),
               (f"{short} (F2)", UNFILTERED), (f"{short} (F2)", COMPACT), (short, COMPACT),
               ("", FULL), ("", COMPACT))
    widest = counts._replace(shown=counts.total)

    def fits(layout: tuple[str, int]) -> bool:
        """Whether the line fits with any filter's counts, so the hint stays as one is
        typed."""
        hint, tight = layout
        parts = count_parts(widest, tight, filtered=True)
        return Content.assemble(mode, f" {hint}" if hint else "", *parts).cell_length <= width

    hint, tight = next(filter(fits, layouts), layouts[-1])
    return Content.assemble(mode, (f" {hint}" if hint else "", "dim"),
                            *count_parts(counts, tight))


class CatalogStatus(Widget):
    """One line; the mode's hint shortens, then makes way, for the counts when the terminal
    is narrow."""

    counts: reactive[CatalogCounts] = reactive(CatalogCounts, layout=False)
    """What the line reports; setting an equal value draws nothing."""

    def render(self) -> Content:
        return catalog_status_line(self.counts, self.size.width)
