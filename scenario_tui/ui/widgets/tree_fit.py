"""Fit a decision-graph line to the width its tree has: shorten the words, never the markers.

A line is pieces: the marks and number, the choice's label, its points and the ending's
outcome or the "joins" marker, and the first words of the situation it joins. On a narrow
panel the label gives way first (at a word, with an ellipsis), then the joined words; the
marks, points, outcome and "↪ joins" always stay, because they are what the author scans for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from textual.content import Content

ELLIPSIS = "…"
KEEP = 1 << 30
"""A floor that keeps a piece whole in that round."""
LABEL_FLOORS = (KEEP, 12, 12, 4)
"""A label keeps all of itself while joined words give way to 12 cells, then gives way to 12
itself, then to 4 once the joined words are down to an ellipsis (below that the line scrolls)."""
JOINED_FLOORS = (12, 12, 1, 1)
"""The first words of a joined situation: these give way first, and furthest."""


WORD_CUT_WASTE = 2
"""The most cells a cut at a word may leave unused in a line that fills its room (the
author's graph): beyond it, two labels cut to the same first words ("Use an…") could not be
told apart, so the cut falls inside the word instead."""


def _word_end(plain: str, waste: int | None) -> int | None:
    """Where a cut of `plain` (the text kept) ends at a word: the last space, where that
    keeps at least half and, given `waste`, leaves at most that many characters unused."""
    space = plain.rfind(" ")
    if space > len(plain) // 2 and (waste is None or len(plain) - space <= waste):
        return space
    return None


def shorten(content: Content, width: int, waste: int | None = None) -> Content:
    """`content` in at most `width` cells, cut at a word where that keeps at least half of
    it (and, given `waste`, leaves at most that many cells unused), with an ellipsis."""
    if content.cell_length <= width:
        return content
    if width <= 1:
        return Content(ELLIPSIS[:width])
    cut = content.truncate(width - 1)
    plain, rest = cut.plain, content.plain[len(cut.plain):]
    if not rest.startswith(" "):
        space = _word_end(plain, waste)
        if space is not None:
            cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def shortened_width(content: Content, width: int, waste: int | None = None) -> int:
    """`shorten(content, width, waste).cell_length`, worked out on the text alone."""
    if content.cell_length <= width:
        return content.cell_length
    if width <= 1:
        return len(ELLIPSIS[:width])
    plain = content.plain
    cut = set_cell_size(plain, width - 1)  # as `Content.truncate` cuts
    if not plain[len(cut):].startswith(" "):
        space = _word_end(cut, waste)
        if space is not None:
            cut = cut[:space]
    return cell_len(cut.rstrip()) + len(ELLIPSIS)


@dataclass(frozen=True)
class Piece:
    """One part of a line: with no `floors`, a marker (never shortened); else the cells it
    may shrink to in each round of `fit`."""

    content: Content
    floors: tuple[int, ...] = ()


def fit(pieces: Sequence[Piece], width: int, waste: int | None = None) -> Content:
    """The pieces joined, shortened round by round (in each round, piece by piece down to its
    floor) until the line fits `width` cells or can give no more (`waste`: see `shorten`)."""
    widths = _widths(pieces, width)
    return Content.assemble(*(shorten(p.content, w, waste) if w < p.content.cell_length
                              else p.content for p, w in zip(pieces, widths, strict=True)))


def fit_width(pieces: Sequence[Piece], width: int, waste: int | None = None) -> int:
    """`fit(pieces, width, waste).cell_length`, without making the line: the tree asks every
    line its width, and draws only the lines on screen."""
    return sum(shortened_width(p.content, w, waste) if w < p.content.cell_length
               else p.content.cell_length for p, w in zip(pieces, _widths(pieces, width),
                                                          strict=True))


def _widths(pieces: Sequence[Piece], width: int) -> list[int]:
    """The cells each piece is given: all it has where the line fits, each its last floor
    where even those do not (a line deep in a tall tree), else what the rounds leave it."""
    widths = [p.content.cell_length for p in pieces]
    if sum(widths) <= width:
        return widths
    least = [min((cells, *p.floors)) for cells, p in zip(widths, pieces, strict=True)]
    if sum(least) >= width:
        return least
    return given(pieces, width)


def given(pieces: Sequence[Piece], width: int) -> list[int]:
    """The cells each piece keeps after the rounds of `fit`."""
    widths = [p.content.cell_length for p in pieces]
    over = sum(widths) - width
    rounds = max((len(p.floors) for p in pieces), default=0)
    for round_ in range(rounds):
        for index, piece in enumerate(pieces):
            if over <= 0:
                break
            if round_ < len(piece.floors):
                give = max(0, min(over, widths[index] - piece.floors[round_]))
                widths[index] -= give
                over -= give
    return widths

