"""The debrief's step-by-step table: each choice against the best choice at that decision.

The table is a `Visual` of `Content` lines, not a Rich `Table`: Rich laid out and wrapped every
cell twice each time the debrief was drawn (once to measure, once to draw), which was a third
of the debrief's opening time. Here the lines are laid out once per width and turned into
strips once per width and theme; the theme's colours are looked up when drawing, so the table
follows a theme switch. The layout is Rich's (same borders, column widths and wrapping), so
the table reads as it did.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from math import ceil

from rich._wrap import divide_line
from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.text import Text
from textual._context import active_app
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from ...analysis.options import option_verdict
from ...analysis.scoring import Analysis
from ...format.model import Choice
from ...play.engine import Step
from .inline_text import inline, inline_line
from .numbers import signed
from .option_verdicts import loss_text
from .symbols import VERDICT, verdict_style


def rich_text(content: Content) -> Text:
    """`content` as Rich `Text`, its theme variables resolved by the running app, for the
    places that take Rich renderables (a Tree's labels)."""
    return Text.assemble(*((text, style.rich_style) for text, style in content.render(end="")))


def choice_cell(choice: Choice) -> Content:
    """The label (Markdown shown as styles), its points, and why, wrapped at words."""
    return Content.assemble(inline_line(choice.label).stylize("bold"),
                            (f"  {signed(choice.points)}", "bold"), "\n",
                            inline(choice.why).stylize("$text-muted"))


@dataclass(frozen=True)
class Column:
    """A column: its heading, fixed width (0 to share the room left), and alignment."""

    heading: str
    width: int = 0
    right: bool = False


COLUMNS = (Column("#", 2, right=True), Column("Verdict", 9), Column("Your choice"),
           Column("Best choice"))
PAD = 1
"""Cells have one space either side, as Rich's default table padding."""


def column_widths(width: int) -> list[int]:
    """Each column's text width when the table is `width` cells wide; the shared columns
    split the room as Rich's `ratio=1` does (the first takes the odd cell)."""
    fixed = sum(c.width + 2 * PAD for c in COLUMNS if c.width)
    flexible = [c for c in COLUMNS if not c.width]
    room = width - (len(COLUMNS) + 1) - fixed
    shares: list[int] = []
    for left in range(len(flexible), 0, -1):
        share = max(1 + 2 * PAD, ceil(room / left))
        shares.append(share)
        room -= share
    it = iter(shares)
    return [c.width if c.width else next(it) - 2 * PAD for c in COLUMNS]


def wrap_cell(content: Content, width: int, right: bool = False) -> list[Content]:
    """`content` wrapped at words into lines of exactly `width` cells (a word too long for
    the column ends with an ellipsis), as Rich wraps a table cell."""
    lines: list[Content] = []
    for line in content.split("\n", allow_blank=True):
        pieces = [line] if right else line.divide(divide_line(line.plain, width, fold=False))
        for piece in pieces:
            piece = piece.rstrip_end(width)
            if right:
                piece = piece.rstrip().truncate(width, ellipsis=True)
                lines.append(piece.pad_left(width - piece.cell_length))
            else:
                lines.append(piece.truncate(width, ellipsis=True, pad=True))
    return lines


@dataclass(frozen=True)
class StepRow:
    """One step's four cells."""

    number: str
    verdict: Content
    yours: Content
    best: Content


def step_rows(steps: Sequence[Step], analysis: Analysis) -> list[StepRow]:
    """Each step's verdict (with a link to all its options), the learner's choice with what it
    lost against the best there, and the best choice."""
    rows = []
    for at, step in enumerate(steps):
        options = Content.styled("options ›", "underline dim").stylize(
            Style.from_meta({"@click": f"screen.show_options({at})"}))
        verdict = ((f"{VERDICT['wrong']} timed out", verdict_style("wrong")) if step.timed_out
                   else (f"{VERDICT[step.verdict]} {step.verdict}", verdict_style(step.verdict)))
        mark = Content.assemble(verdict, "\n\n", options)
        yours = choice_cell(step.chosen)
        if step.timed_out:  # no answer: the play went on as if the worst had been chosen
            yours = Content.assemble(("No answer in time; counted as:", "bold"), "\n", yours)
        loss = loss_text(option_verdict(analysis, step.chosen))
        if loss:
            yours = Content.assemble(yours, "\n", (loss.capitalize() + ".", "italic"))
        if step.chosen == step.best:
            best = Content.styled("same choice", "italic $text-muted")
        else:
            best = choice_cell(step.best)
        rows.append(StepRow(str(step.number), mark, yours, best))
    return rows


def _rule(widths: Sequence[int], left: str, line: str, cross: str, right: str) -> str:
    return left + cross.join(line * (w + 2 * PAD) for w in widths) + right


def table_lines(rows: Sequence[StepRow], width: int) -> list[Content]:
    """The table at `width` cells, one Content a line, theme variables not yet resolved."""
    widths = column_widths(width)
    pad = " " * PAD
    lines = [Content(_rule(widths, "┏", "━", "┳", "┓"))]

    def add(cells: Sequence[Content], edge: str, style: str = "") -> None:
        """One row; the heading row's cells sit at its bottom, as Rich puts them."""
        wrapped = [wrap_cell(cell, w, column.right)
                   for cell, w, column in zip(cells, widths, COLUMNS, strict=True)]
        height = max(len(cell) for cell in wrapped)
        for y in range(height):
            parts: list[Content | str] = [edge]
            for x, cell in enumerate(wrapped):
                at = y - (height - len(cell) if style else 0)
                text = cell[at] if 0 <= at < len(cell) else Content(" " * widths[x])
                parts.append(Content.assemble(pad, text, pad).stylize(style) if style
                             else Content.assemble(pad, text, pad))
                parts.append(edge)
            lines.append(Content.assemble(*parts))

    add([Content(c.heading) for c in COLUMNS], "┃", "bold")
    lines.append(Content(_rule(widths, "┡", "━", "╇", "┩")))
    for index, row in enumerate(rows):
        if index:
            lines.append(Content(_rule(widths, "├", "─", "┼", "┤")))
        add([Content(row.number), row.verdict, row.yours, row.best], "│")
    lines.append(Content(_rule(widths, "└", "─", "┴", "┘")))
    return lines


class StepTable(Visual):
    """The step rows as a bordered table as wide as its widget, laid out once per width."""

    def __init__(self, rows: Sequence[StepRow]) -> None:
        self.rows = tuple(rows)
        self._lines: tuple[int, list[Content]] = (-1, [])
        self._strips: tuple[object, list[Strip]] = (None, [])

    def lines(self, width: int) -> list[Content]:
        """The table's lines at `width` (cached for the last width asked)."""
        if self._lines[0] != width:
            self._lines = (width, table_lines(self.rows, width))
        return self._lines[1]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.lines(width))

    def render_strips(self, width: int, height: int | None, style: Style,
                      options: RenderOptions) -> list[Strip]:
        """The lines in the current theme's colours: converted again only when the width,
        the widget's style or the theme changes."""
        key = (width, style, active_app.get().theme)
        if self._strips[0] != key:
            get_style = options.get_style
            self._strips = (key, [
                Strip([Segment(text, part.rich_style)
                       for text, part in line.render(style, end="", parse_style=get_style)],
                      width)
                for line in self.lines(width)])
        strips = self._strips[1]
        return strips if height is None else strips[:height]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        """The table as plain Rich output, for printing and for tests that read its text."""
        for line in self.lines(options.max_width):
            yield from (Segment(text, part.rich_style) for text, part in line.render(end=""))
            yield Segment.line()


def steps_table(steps: Sequence[Step], analysis: Analysis) -> StepTable:
    """The table of the play's steps: both choices per step, their points and explanations;
    each row says what its choice lost against the best there and links to all its options."""
    return StepTable(step_rows(steps, analysis))
