"""One bar per Well-Architected pillar: the chosen design against the best design, both on one
fixed scale (a percentage of the most the pillar can gain from where the play started), so the
bars of two plays can be compared; a scale from each debrief's own numbers could not."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content

from ...format.model import PILLAR_TITLES, PILLARS
from .numbers import NBSP, number, percent

BAR_WIDTH = 8
GAIN, LOSS, EMPTY = "█", "▒", "·"


def bar(value: int, scale: int, width: int = BAR_WIDTH) -> tuple[str, str]:
    """A bar of `width` cells for `value`; losses use a different glyph, not only a colour."""
    cells = 0 if scale == 0 else round(abs(value) * width / scale)
    cells = min(width, max(cells, 1 if value else 0))
    glyph, style = (GAIN, "$success") if value >= 0 else (LOSS, "$error")
    return glyph * cells + EMPTY * (width - cells), style


SCALE = ("A full bar, 100\u00a0%, is the most a pillar can gain on any path from where you "
         "started: one scale for every play.")
"""The bars' one fixed scale, said under them."""
NO_GAIN = "nothing to gain on any path"


def bars_content(shares: Mapping[str, tuple[int, int] | None],
                 lost: Mapping[str, int] | None = None) -> Content:
    """One pillar a line: the play's and the best path's totals as percentages of the most
    the pillar can gain (`Debrief.pillar_shares`; None where no path gains anything, and
    `lost` then says what the play lost there that some path does not), and the scale."""
    title_width = max(len(t) for t in PILLAR_TITLES.values())
    column = BAR_WIDTH + 7
    parts: list[str | tuple[str, str]] = [
        ("Pillar".ljust(title_width) + "  " + "yours".ljust(column) + "   best\n", "dim")]
    for pillar in PILLARS:
        parts.append(PILLAR_TITLES[pillar].ljust(title_width) + "  ")
        pair = shares.get(pillar)
        if pair is None:
            parts.append((NO_GAIN, "dim"))
            loss = (lost or {}).get(pillar, 0)
            if loss:
                parts.append((f" · you lost {number(loss)}", "bold $error"))
        else:
            for side, value in enumerate(pair):
                if side:
                    parts.append("   ")
                parts.append(bar(value, 100))
                parts.append((" " + percent(value).rjust(6, NBSP), "bold"))
        parts.append("\n")
    parts.append((SCALE, "dim"))
    return Content.assemble(*parts)
