"""Mastery as bars: one line per service or exam domain, a bar of the percentage and the number.

A line is laid out for the width it has: names are cut only when the terminal is too narrow
for the longest one, never at a fixed length.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widget import Widget

from ...format.text_safety import one_line
from .numbers import NBSP, percent
from .pillar_bars import bar

if TYPE_CHECKING:
    from textual.app import RenderResult

    from ...progress.stats import Mastery

BAR_WIDTH = 10
NOT_STARTED = "not started"


def _counts(rows: Sequence[Mastery], show_of: bool) -> list[str]:
    return [f"  {m.counted}{NBSP}of{NBSP}{m.of}" if show_of else "" for m in rows]


def _tail(counts: Sequence[str], bar_width: int) -> int:
    """What a line needs after its name: the gap, the bar (or `not started`), the percentage
    and the count."""
    return 2 + max(bar_width, len(NOT_STARTED)) + 6 + max((len(c) for c in counts), default=0)


def mastery_width(rows: Sequence[Mastery], bar_width: int = BAR_WIDTH,
                  show_of: bool = False) -> int:
    """The columns `mastery_content` needs to show every name whole."""
    names = [len(one_line(m.name)) for m in rows]
    return max(names, default=0) + _tail(_counts(rows, show_of), bar_width)


def mastery_content(rows: Sequence[Mastery], width: int = 80, bar_width: int = BAR_WIDTH,
                    show_of: bool = False) -> Content:
    """`Amazon S3   █████····· 50 %  2 of 5` per row (`show_of` adds the count of scenarios
    counted); the number is there, so no colour is needed."""
    if not rows:
        return Content.styled("Nothing to show yet.", "dim")
    counts = _counts(rows, show_of)
    room = max(8, width - _tail(counts, bar_width))
    names = [one_line(m.name, room) for m in rows]
    name_width = max(len(name) for name in names)
    parts: list[str | tuple[str, str] | Content] = []
    for name, row, count in zip(names, rows, counts, strict=True):
        if parts:
            parts.append("\n")
        parts.append(name.ljust(name_width) + "  ")
        if row.percent is None:
            parts.append((NOT_STARTED.ljust(bar_width + 6), "dim italic"))
        else:
            parts += [bar(row.percent, 100, bar_width),
                      (" " + percent(row.percent).rjust(5, NBSP), "bold")]
        if count:
            parts.append((count, "dim"))
    return Content.assemble(*parts)


class MasteryBars(Widget):
    """The mean best score of the scenarios counted for each service or domain."""

    DEFAULT_CSS = """
    MasteryBars {
        height: auto;
    }
    """

    def __init__(self, rows: Sequence[Mastery] = (), *, show_of: bool = False,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = tuple(rows)
        self.show_of = show_of

    def show(self, rows: Sequence[Mastery]) -> None:
        self.rows = tuple(rows)
        self.refresh(layout=True)

    def render(self) -> RenderResult:
        return mastery_content(self.rows, self.content_region.width or self.size.width,
                               show_of=self.show_of)
