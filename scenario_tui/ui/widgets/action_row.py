"""The feedback's actions (Continue, Undo, All options) as one row of labels that fits its width.

A row with room shows each label whole, its key in brackets ("Undo (u)"), on a face at least
`MIN_WIDTH` cells wide; a narrower row drops the keys ("Undo"), and the narrowest shows only
the keys ("u"). A word is never cut.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

MIN_WIDTH = 16
"""The narrowest face of a whole label (Textual's compact button's)."""
GAP = 2
"""Cells between two faces of whole labels; a narrow row keeps one."""
PADDING = 2
"""The cells a face adds around its label (one each side)."""
SHORT = {"all-options": "Options"}
"""A label shorter than `without_key` gives, for a narrow row."""


@dataclass(frozen=True)
class Action:
    """One of the feedback's actions: what it posts (`name`) and its whole label."""

    name: str
    label: str


@dataclass(frozen=True)
class Face:
    """An action as the row shows it: its label centred in `width` cells from `x`."""

    action: Action
    text: str
    x: int
    width: int

    def holds(self, x: int) -> bool:
        return self.x <= x < self.x + self.width


def without_key(label: str) -> str:
    """`Continue (Enter)` → `Continue`: a label without its key in brackets."""
    return re.sub(r"\s*\([^()]*\)$", "", label)


def key_only(label: str) -> str:
    """`Continue (Enter)` → `Enter`: the last resort of a row too narrow for any words."""
    found = re.search(r"\(([^()]*)\)$", label)
    return found.group(1) if found else without_key(label)


def fit(actions: Sequence[Action], width: int) -> list[Face]:
    """Where each action's face goes in a row `width` cells wide, and what it reads."""
    whole = [max(MIN_WIDTH, cell_len(action.label) + PADDING) for action in actions]
    if sum(whole) + GAP * (len(actions) - 1) <= width:
        return _laid_out(actions, [action.label for action in actions], whole, GAP)
    texts = [SHORT.get(action.name, without_key(action.label)) for action in actions]
    if sum(cell_len(text) + PADDING for text in texts) + len(actions) - 1 > width:
        texts = [key_only(action.label) for action in actions]
    return _laid_out(actions, texts, [cell_len(text) + PADDING for text in texts], 1)


def _laid_out(actions: Sequence[Action], texts: Sequence[str], widths: Sequence[int],
              gap: int) -> list[Face]:
    faces, x = [], 0
    for action, text, width in zip(actions, texts, widths, strict=True):
        faces.append(Face(action, text, x, width))
        x += width + gap
    return faces


def drawn_row(faces: Sequence[Face], looks: Sequence[Style], width: int, base: Style) -> Strip:
    """The row `width` cells wide: each face's label centred on its look, blank between."""
    segments, x = [], 0
    for face, look in zip(faces, looks, strict=True):
        segments += [Segment(" " * (face.x - x), base), Segment(face.text.center(face.width), look)]
        x = face.x + face.width
    return Strip(segments).extend_cell_length(width, base).crop(0, width)
