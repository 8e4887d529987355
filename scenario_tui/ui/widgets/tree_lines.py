"""A decision tree line's parts: what it stands for, its marks and outcome, the first words
that name a situation, and the line in full (shown below the tree).

The marks, points and outcome of a line come from a handful of values, so each is made once
and shared by every line that shows it; the label and the joined words are the line's own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from textual.content import Content

from ...format.model import Choice, Scenario
from .inline_text import inline_line
from .numbers import signed
from .symbols import BEST, LINK, OUTCOME, YOURS, outcome_style
from .tree_fit import Piece

FIRST_WORDS = 48
"""How much of a situation names it where a line has no room for all of it (cells)."""


def first_words(text: str, width: int = FIRST_WORDS) -> Content:
    """A situation's opening, on one line, cut at a word with an ellipsis."""
    line = inline_line(text)
    if line.cell_length <= width:
        return line
    cut = line.plain.rfind(" ", 0, width)
    return line[: cut if cut > width // 2 else width - 1].rstrip() + "…"


CLOSING_QUOTE = Piece(Content.styled("”", "dim italic"))


@lru_cache(maxsize=512)
def head_piece(mine: bool, top: bool, number: int | None) -> Piece:
    """`●★ 2. `: the marks and the choice's number in the file, if it is shown (a handful of
    these serve every line)."""
    return Piece(Content.assemble((YOURS if mine else " ", "bold"),
                                  (BEST if top else " ", "bold"), " ",
                                  (f"{number}. " if number else "", "bold")))


@lru_cache(maxsize=512)
def tail_piece(points: int, end: str | None, link: bool) -> Piece:
    """`  +1  ⇒ ✓ success`, or `  +1  ↪ joins “` before a joined situation's first words."""
    tail: list[str | Content | tuple[str, str]] = [
        (f"  {signed(points)}", "bold" if points > 0 else "dim")]
    if end is not None:
        tail.append((f"  ⇒ {OUTCOME.get(end, '■')} {end}", outcome_style(end)))
    elif link:
        tail.append((f"  {LINK} joins “", "dim italic"))
    return Piece(Content.assemble(*tail))


@dataclass(frozen=True)
class TreeEntry:
    """What one tree line stands for: the situation `node`, reached by `choice`."""

    node: str
    choice: Choice | None = None
    link: bool = False

    @property
    def decision(self) -> str:
        """The decision this line is one option of (the start for the root)."""
        return self.choice.source if self.choice is not None else self.node


def line_detail(scenario: Scenario, entry: TreeEntry, numbered: bool = True) -> Content:
    """A tree line in full: the choice (`numbered` as in the file) and where it leads."""
    situation = scenario.node(entry.node)
    parts: list[str | Content | tuple[str, str]] = []
    if entry.choice is not None:
        if numbered:
            parts.append((f"{entry.choice.number}. ", "bold"))
        parts += [inline_line(entry.choice.label).stylize("bold"),
                  (f"  {signed(entry.choice.points)}", "bold"), "\n"]
    parts += [("Leads to: " if entry.choice is not None else "Start: ", "bold"),
              inline_line(situation.text)]
    return Content.assemble(*parts)
