"""One bar per Well-Architected pillar: the chosen design against the best design."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content

from ...format.model import PILLAR_TITLES, PILLARS
from .numbers import signed

BAR_WIDTH = 8
GAIN, LOSS, EMPTY = "█", "▒", "·"


def bar(value: int, scale: int, width: int = BAR_WIDTH) -> tuple[str, str]:
    """A bar of `width` cells for `value`; losses use a different glyph, not only a colour."""
    cells = 0 if scale == 0 else round(abs(value) * width / scale)
    cells = min(width, max(cells, 1 if value else 0))
    glyph, style = (GAIN, "$success") if value >= 0 else (LOSS, "$error")
    return glyph * cells + EMPTY * (width - cells), style


def bars_content(yours: Mapping[str, int], best: Mapping[str, int]) -> Content:
    """The table of bars as one Content, one pillar a line."""
    scale = max([abs(v) for v in (*yours.values(), *best.values())] + [1])
    title_width = max(len(t) for t in PILLAR_TITLES.values())
    parts: list[str | tuple[str, str]] = [
        ("Pillar".ljust(title_width) + "  yours" + " " * (BAR_WIDTH - 1) + "    best\n", "dim")]
    for pillar in PILLARS:
        mine, top = yours.get(pillar, 0), best.get(pillar, 0)
        parts.append(PILLAR_TITLES[pillar].ljust(title_width) + "  ")
        parts.append(bar(mine, scale))
        parts.append((f" {signed(mine):>3}", "bold"))
        parts.append("   ")
        parts.append(bar(top, scale))
        parts.append((f" {signed(top):>3}", "bold"))
        if pillar != PILLARS[-1]:
            parts.append("\n")
    return Content.assemble(*parts)

