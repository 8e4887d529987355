"""Mastery as bars: one line per service or exam domain, a bar of the percentage and the number."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from ...format.text_safety import one_line
from .pillar_bars import bar

BAR_WIDTH = 10
NAME_WIDTH = 26
"""Longer names are shortened with an ellipsis."""


def mastery_content(rows: Sequence[tuple[str, int]], bar_width: int = BAR_WIDTH) -> Content:
    """`Amazon S3   █████····· 50 %` per row; the number is there, so no colour is needed."""
    if not rows:
        return Content.styled("Nothing to show yet.", "dim")
    names = [one_line(name, NAME_WIDTH) for name, _ in rows]
    width = max(len(name) for name in names)
    parts: list[str | tuple[str, str]] = []
    for name, (_, value) in zip(names, rows, strict=True):
        if parts:
            parts.append("\n")
        parts += [name.ljust(width) + "  ", bar(value, 100, bar_width), (f" {value:3d} %", "bold")]
    return Content.assemble(*parts)


class MasteryBars(Static):
    """The mean best score of the scenarios about each service or domain (unplayed count 0)."""

    def show(self, rows: Sequence[tuple[str, int]]) -> None:
        self.update(mastery_content(rows))
