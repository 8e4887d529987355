"""The debrief's step-by-step table: each choice against the best choice at that decision.

The table is a widget drawing `Content` lines, not a Rich `Table`: Rich laid out and wrapped
every cell twice each time the debrief was drawn (once to measure, once to draw), which was a
third of the debrief's opening time. Here a row's height comes from its words, a row is laid
out when one of its lines is first drawn, and a line is turned into a strip once per width
and theme: a long play's table is several screens tall, and the debrief opens with only its
first rows on screen. The theme's colours are looked up when drawing, so the table follows a
theme switch. The borders are Rich's and lines break at spaces as Rich breaks them, but
nothing is cut off: a word wider than its column breaks as `line_breaks` says, and the verdict
column widens to hold its verdicts on one line where the choices keep room enough.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from math import ceil

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual.content import Content
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from ...analysis.options import option_verdict
from ...analysis.scoring import Analysis
from ...format.model import Choice
from ...play.engine import Step
from .inline_text import inline, inline_line
from .line_breaks import WORD, break_offsets
from .numbers import NBSP, signed
from .option_verdicts import loss_text
from .symbols import VERDICT, verdict_style


def rich_text(content: Content) -> Text:
    """`content` as Rich `Text`, its theme variables resolved by the running app, for the
    places that take Rich renderables (a Tree's labels)."""
    return Text.assemble(*((text, style.rich_style) for text, style in content.render(end="")))


def choice_cell(choice: Choice) -> Content:
    """The label (Markdown shown as styles), its points, and why, wrapped at words; the
    points never start a line of their own (no-break spaces join them to the label)."""
    return Content.assemble(inline_line(choice.label).stylize("bold"),
                            (f"{NBSP * 2}{signed(choice.points)}", "bold"), "\n",
                            inline(choice.why).stylize("$text-muted"))


@dataclass(frozen=True)
class Column:
    """A column: its heading, least width (0 to share the room left), and alignment."""

    heading: str
    width: int = 0
    right: bool = False


COLUMNS = (Column("#", 2, right=True), Column("Verdict", 9), Column("Your choice"),
           Column("Best choice"))
PAD = 1
"""Cells have one space either side, as Rich's default table padding."""
ROOMY = 20
"""The least each choice column keeps when the verdict column widens to its longest verdict."""


def column_widths(width: int, fixed: Sequence[int] = ()) -> list[int]:
    """Each column's text width when the table is `width` cells wide: the fixed columns
    take `fixed` (their least by default), and the shared columns split the room left as
    Rich's `ratio=1` does (the first takes the odd cell)."""
    fixed = list(fixed) or [c.width for c in COLUMNS if c.width]
    flexible = [c for c in COLUMNS if not c.width]
    room = width - (len(COLUMNS) + 1) - sum(w + 2 * PAD for w in fixed)
    shares: list[int] = []
    for left in range(len(flexible), 0, -1):
        share = max(1 + 2 * PAD, ceil(room / left))
        shares.append(share)
        room -= share
    given, shared = iter(fixed), iter(shares)
    return [next(given) if c.width else next(shared) - 2 * PAD for c in COLUMNS]


def wrap_cell(content: Content, width: int, right: bool = False) -> list[Content]:
    """`content` wrapped at words into lines of exactly `width` cells (a word wider than
    the column broken by `break_offsets`); right-aligned cells are one token a line."""
    lines: list[Content] = []
    for line in content.split("\n", allow_blank=True):
        pieces = [line] if right else line.divide(break_offsets(line.plain, width))
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


def table_widths(rows: Sequence[StepRow], width: int) -> list[int]:
    """The columns' widths for `rows` in a table `width` cells wide: the step number as wide
    as the longest, and the verdict column as wide as its longest line (`◐ partly right`)
    where the choice columns keep `ROOMY` cells each; at its least otherwise, where a
    verdict wraps at its words."""
    least_number, least_verdict = (c.width for c in COLUMNS if c.width)
    number = max([least_number, *(cell_len(row.number) for row in rows)])
    verdict = max([least_verdict, *(cell_len(line) for row in rows
                                    for line in row.verdict.plain.split("\n"))])
    widths = column_widths(width, (number, verdict))
    if min(w for w, c in zip(widths, COLUMNS, strict=True) if not c.width) >= ROOMY:
        return widths
    return column_widths(width, (number, least_verdict))


def _rule(widths: Sequence[int], left: str, line: str, cross: str, right: str) -> Content:
    return Content(left + cross.join(line * (w + 2 * PAD) for w in widths) + right)


def cell_height(content: Content, width: int, right: bool = False) -> int:
    """How many lines `wrap_cell` makes of `content`, found from its words alone."""
    paragraphs = content.plain.split("\n")
    if right:
        return len(paragraphs)
    return sum(wrapped_lines(text, width) for text in paragraphs)


def wrapped_lines(text: str, width: int) -> int:
    """`len(break_offsets(text, width)) + 1`, counted in one pass over the words where every
    character is one cell and no word is wider than `width` (`break_offsets` otherwise)."""
    if not (text.isascii() and text.isprintable()):
        return len(break_offsets(text, width)) + 1
    if len(text) <= width:
        return 1
    lines, offset = 1, 0
    for word in WORD.findall(text):
        length = len(word.rstrip())
        if length > width:
            return len(break_offsets(text, width)) + 1
        if width - offset >= length:
            offset += len(word)
        else:  # (never the first word: it fits, as it is no wider than the line)
            lines += 1
            offset = len(word)
    return lines


def row_lines(cells: Sequence[Content], widths: Sequence[int], edge: str,
              style: str = "") -> list[Content]:
    """One row's lines; the heading row's cells sit at its bottom, as Rich puts them."""
    pad = " " * PAD
    wrapped = [wrap_cell(cell, w, column.right)
               for cell, w, column in zip(cells, widths, COLUMNS, strict=True)]
    height = max(len(cell) for cell in wrapped)
    lines = []
    for y in range(height):
        parts: list[Content | str] = [edge]
        for x, cell in enumerate(wrapped):
            at = y - (height - len(cell) if style else 0)
            text = cell[at] if 0 <= at < len(cell) else Content(" " * widths[x])
            parts.append(Content.assemble(pad, text, pad).stylize(style) if style
                         else Content.assemble(pad, text, pad))
            parts.append(edge)
        lines.append(Content.assemble(*parts))
    return lines


@dataclass
class Block:
    """Lines of the table: a rule, or a row whose lines are made when first asked for."""

    start: int
    height: int
    cells: Sequence[Content] = ()
    edge: str = ""
    style: str = ""
    lines: list[Content] | None = None


class TableLayout:
    """The table at one width. Each row's height comes from its cells' words; a row's
    lines are laid out when one of them is first drawn or read, so opening a debrief lays
    out only the rows on screen, however long the play."""

    def __init__(self, rows: Sequence[StepRow], width: int) -> None:
        self.width = width
        self.widths = table_widths(rows, width)
        widths = self.widths
        self._blocks: list[Block] = []
        self.height = 0
        self._rule(_rule(widths, "┏", "━", "┳", "┓"))
        self._row([Content(c.heading) for c in COLUMNS], "┃", "bold")
        self._rule(_rule(widths, "┡", "━", "╇", "┩"))
        for index, row in enumerate(rows):
            if index:
                self._rule(_rule(widths, "├", "─", "┼", "┤"))
            self._row([Content(row.number), row.verdict, row.yours, row.best], "│")
        self._rule(_rule(widths, "└", "─", "┴", "┘"))
        self._starts = [block.start for block in self._blocks]
        self._steps = [block for block in self._blocks if block.edge == "│"]

    def _rule(self, line: Content) -> None:
        self._blocks.append(Block(self.height, 1, lines=[line]))
        self.height += 1

    def _row(self, cells: Sequence[Content], edge: str, style: str = "") -> None:
        height = max(cell_height(cell, w, column.right)
                     for cell, w, column in zip(cells, self.widths, COLUMNS, strict=True))
        self._blocks.append(Block(self.height, height, cells, edge, style))
        self.height += height

    def line(self, y: int) -> Content:
        """The table's line `y` (theme variables not yet resolved)."""
        block = self._blocks[bisect_right(self._starts, y) - 1]
        if block.lines is None:
            block.lines = row_lines(block.cells, self.widths, block.edge, block.style)
        return block.lines[y - block.start]

    def step_at(self, y: int) -> int:
        """The step (0-based) whose row holds line `y` or comes first below it; the last
        step when `y` is below them all."""
        for index, block in enumerate(self._steps):
            if block.start + block.height > y:
                return index
        return max(0, len(self._steps) - 1)

    def lines(self) -> list[Content]:
        """Every line of the table."""
        return [self.line(y) for y in range(self.height)]


def table_lines(rows: Sequence[StepRow], width: int) -> list[Content]:
    """The table at `width` cells, one Content a line, theme variables not yet resolved."""
    return TableLayout(rows, width).lines()


class StepTable(Widget):
    """The step rows as a bordered table as wide as the widget. Only the lines on screen
    are laid out and turned into strips (the rest when scrolled to): a long play's table
    is several screens tall."""

    DEFAULT_CSS = """
    StepTable {
        height: auto;
    }
    """

    def __init__(self, rows: Sequence[StepRow], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = tuple(rows)
        self._layout: TableLayout | None = None
        self._strips: dict[int, Strip] = {}
        self._strips_key: object = None

    def layout_at(self, width: int) -> TableLayout:
        """The table laid out at `width` (kept for the last width asked)."""
        layout = self._layout
        if layout is None or layout.width != width:
            layout = self._layout = TableLayout(self.rows, width)
        return layout

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.layout_at(width).height

    def render_lines(self, crop: Region) -> list[Strip]:
        """Strips made before are kept until the width, the widget's style, its link style
        or the theme changes (the theme's colours are looked up as each line is drawn)."""
        key = (self.size.width, self.visual_style, self.link_style, self.app.theme,
               self.auto_links and not self.screen._selecting)
        if key != self._strips_key:
            self._strips_key, self._strips = key, {}
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """Line `y` in the current theme's colours, its links styled as a `Static`'s are."""
        strip = self._strips.get(y)
        if strip is None:
            width = self.size.width
            layout = self.layout_at(width)
            if not 0 <= y < layout.height:
                return Strip.blank(width, self.visual_style.rich_style)
            segments = [Segment(text, part.rich_style) for text, part in layout.line(y).render(
                self.visual_style, end="", parse_style=self._get_style)]
            strip = Strip(segments, width)
            if self.auto_links and not self.screen._selecting:
                strip = strip._apply_link_style(self.link_style)
            self._strips[y] = strip
        return strip


def steps_table(steps: Sequence[Step], analysis: Analysis, *, id: str | None = None) -> StepTable:
    """The table of the play's steps: both choices per step, their points and explanations;
    each row says what its choice lost against the best there and links to all its options."""
    return StepTable(step_rows(steps, analysis), id=id)
