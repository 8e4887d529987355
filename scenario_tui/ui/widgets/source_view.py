"""The source around one problem: numbered lines, the offending line marked, a caret at its column.

The file is whatever an author (or an accident) saved, so every line goes through
`text_safety.clean` and is drawn as plain text: escape sequences and markup never reach the
terminal. The window follows the widget's height and, for long lines, scrolls sideways so the
column stays visible.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from ...format.problems import Problem
from ...format.text_safety import clean

MARK = "▶"
"""Marks the offending line beside its number (the highlight is not colour alone)."""
TAB = "→"
"""Tabs are drawn as one visible cell, so a column still counts one per character."""
CONTEXT = 4
"""Lines shown above the problem when the widget's height is not known yet."""


def _as_drawn(line: str) -> str:
    return clean(line).replace("\t", TAB)


def source_excerpt(lines: Sequence[str], problem: Problem, height: int, width: int) -> Content:
    """About `height` lines of `lines` centred on `problem.line`, fitted into `width` cells,
    the problem's message wrapped under its caret."""
    if not lines:
        return Content.styled("(the file has no text)", "dim")
    target = min(max(problem.line, 0), len(lines))
    first, last = _window(len(lines), target, max(height - (1 if target else 0), 1))
    number_width = len(str(last))
    gutter = number_width + 5
    text_width = max(width - gutter, 10)
    shift = 0
    if target and problem.column > text_width * 2 // 3:
        shift = problem.column - text_width // 3
    style = "$error" if problem.is_error else "$warning"
    caret = _caret(_as_drawn(lines[target - 1]), problem, shift, gutter, style,
                   width) if target else []
    if len(caret) > 1:  # the message's further lines take the window's room
        first, last = _window(len(lines), target, max(height - len(caret), 1))
    parts: list[Content] = []
    for number in range(first, last + 1):
        here = number == target
        text = _as_drawn(lines[number - 1])
        visible = ("…" + text[shift + 1:]) if shift and len(text) > shift else (
            "…" if shift and text else text)
        gutter_text = f"{MARK if here else ' '} {number:>{number_width}} │ "
        if here:
            filled = visible + " " * max(0, text_width - cell_len(visible))
            row = Content.assemble((gutter_text, f"bold {style}"), (filled, "bold on $boost"))
        else:
            row = Content.assemble((gutter_text, "dim"), visible)
        parts.append(row.truncate(width, ellipsis=True) if width > gutter else row)
        if here:
            parts += caret
    return Content("\n").join(parts)


def _window(count: int, target: int, rows: int) -> tuple[int, int]:
    """The first and last line numbers of `rows` lines centred on `target` (0: none)."""
    first = max(1, min(target - (rows - 1) // 2, count - rows + 1)) if target else 1
    return first, min(count, first + rows - 1)


MESSAGE_ROOM = 24
"""The fewest cells a problem's message takes beside its caret; with less, its continuation
lines start under the source's first column instead."""


def _caret(text: str, problem: Problem, shift: int, gutter: int, style: str,
           width: int) -> list[Content]:
    """`^ E021 message` under the offending column (at the start for whole-line problems),
    the message wrapped at words to `width` (a narrow terminal cut it mid-word)."""
    column = max(problem.column, 1)
    offset = 1 + cell_len(text[shift + 1:column - 1]) if shift else cell_len(text[:column - 1])
    head = f"^ {problem.code} "
    start = gutter + offset
    indent = start + len(head) if width - start - len(head) >= MESSAGE_ROOM else gutter
    first_room = max(width - start - len(head), 1)
    rest_room = max(width - indent, 1)
    lines: list[str] = []
    for word in problem.message.split():
        room = first_room if len(lines) <= 1 else rest_room  # the last line's room
        if lines and cell_len(lines[-1]) + 1 + cell_len(word) <= room:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    lines = lines or [""]
    caret = [Content.assemble(" " * start, (head, f"bold {style}"), (lines[0], style))]
    caret += [Content.assemble(" " * indent, (line, style)) for line in lines[1:]]
    return caret


@dataclass(frozen=True)
class SourceContents:
    """The source view's state: a file's lines and the problem in them, or a note."""

    lines: tuple[str, ...] = ()
    problem: Problem | None = None
    note: str = ""


class SourceView(Widget):
    """Shows the lines around the selected problem, or a note when there is none."""

    DEFAULT_CSS = """
    SourceView {
        height: 1fr;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    contents: reactive[SourceContents] = reactive(lambda: SourceContents())
    """What the view shows: the lines around a problem, or a note."""

    def show(self, lines: Sequence[str], problem: Problem) -> None:
        """Centre the view on `problem` within `lines` (the watched file's text)."""
        self.contents = SourceContents(tuple(lines), problem)

    def note(self, text: str) -> None:
        """Show `text` instead of source (a problem in another file, or no problem)."""
        self.contents = SourceContents(note=text)

    def watch_contents(self, contents: SourceContents) -> None:
        problem = contents.problem
        if problem is None:
            self.border_title = "source"
        else:
            self.border_title = f"line {problem.line}, column {problem.column}" if problem.line \
                else "the whole file"

    def render(self) -> Content:
        contents = self.contents
        if contents.problem is None:
            return Content(clean(contents.note))
        size = self.content_size
        return source_excerpt(contents.lines, contents.problem, size.height or CONTEXT * 2 + 2,
                              size.width or 80)
