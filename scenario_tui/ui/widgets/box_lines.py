"""A rounded box drawn line by line: its sides around lines of text, and its top and bottom
edges, the top with a title, each saying how many lines of text are past it."""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

BORDER = 2
"""Cells on each side of the text: the box's side and a space."""


def framed(lines: Sequence[Strip], border: Style, base: Style) -> list[Strip]:
    """`lines` between the box's sides."""
    side, pad = Segment("│", border), Segment(" ", base)
    left, right = Strip([side, pad], BORDER), Strip([pad, side], BORDER)
    return [Strip.join([left, line, right]) for line in lines]


def edge(*, top: bool, width: int, border: Style, more: int, more_style: Style,
         title: str = "", title_style: Style | None = None) -> Strip:
    """The box's top (`╭─ title ──── ↑ 3 more ─╮`) or bottom (`╰──── ↓ 3 more ─╯`), `width`
    cells wide; `more` is how many lines of text are above or below what shows."""
    segments = [Segment("╭─" if top else "╰─", border)]
    if title:
        segments += [Segment(" ", border), Segment(title, title_style or border),
                     Segment(" ", border)]
    hint = f" {'↑' if top else '↓'} {more} more " if more > 0 else ""
    used = sum(len(segment.text) for segment in segments) + len(hint) + 2
    segments.append(Segment("─" * max(0, width - used), border))
    if hint:
        segments.append(Segment(hint, more_style))
    segments.append(Segment("─╮" if top else "─╯", border))
    return Strip(segments).crop(0, width)
