"""The catalogue's status line: the mode (a click or F2 switches it), what the filter shows,
broken files, due reviews and whether progress is off, all in one widget."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from ...play.modes import PRACTICE, TIMED_EXAM
from ...play.progress_report import ReviewStatus
from ..dates import local_day

if TYPE_CHECKING:
    from ...progress.class_sync import ClassState


@dataclass(frozen=True)
class CatalogCounts:
    """What the status line reports."""

    mode: str = PRACTICE
    shown: int = 0
    total: int = 0
    broken: int = 0
    reviews: ReviewStatus | None = None
    progress_off: bool = False
    """Progress is kept only until the app quits (the data dir cannot be used)."""
    class_state: ClassState | None = None
    """What the last sync to the class store found (None: no class, or not synced yet)."""


def review_content(reviews: ReviewStatus) -> Content:
    """` · 2 reviews due`, or when the next one is due, or nothing before the first mistake."""
    if reviews.due:
        count = len(reviews.due)
        return Content.assemble(" · ", (f"{count} review{'s' if count != 1 else ''} due",
                                        "bold $accent"))
    if reviews.next_due:
        return Content.styled(f" · next review {local_day(reviews.next_due)}", "dim")
    return Content("")


def catalog_status_line(counts: CatalogCounts, width: int) -> Content:
    """`Mode  Practice  feedback after every choice (F2) · 32 of 33 shown · 1 broken`; the
    mode's hint is left out when the line would not fit in `width` with it."""
    hint = {PRACTICE: "feedback after every choice",
            TIMED_EXAM: "a countdown on each decision"}.get(counts.mode,
                                                           "no feedback until the debrief")
    counts_parts: list[str | tuple[str, str] | Content] = [
        f" · {counts.shown} of {counts.total} shown"]
    if counts.broken:
        counts_parts.append((f" · {counts.broken} broken", "$error"))
    if counts.reviews:
        counts_parts.append(review_content(counts.reviews))
    if counts.progress_off:
        counts_parts.append((" · progress off", "$warning"))
    if counts.class_state is not None:
        counts_parts.append((f" · {counts.class_state.status}",
                             "$warning" if counts.class_state.waiting else "dim"))
    mode = Content.assemble("Mode ", (f" {counts.mode.capitalize()} ", "bold reverse"))
    full = Content.assemble(mode, (f" {hint} (F2)", "dim"), *counts_parts)
    return full if full.cell_length <= width else Content.assemble(mode, *counts_parts)


class CatalogStatus(Widget):
    """One line; the mode's hint makes way for the counts when the terminal is narrow."""

    counts: reactive[CatalogCounts] = reactive(CatalogCounts, layout=False)
    """What the line reports; setting an equal value draws nothing."""

    def render(self) -> Content:
        return catalog_status_line(self.counts, self.size.width)
