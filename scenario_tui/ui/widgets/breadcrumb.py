"""The decisions taken so far, newest last, laid out to fit two lines at the width it has."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar

from textual.content import Content
from textual.geometry import Size
from textual.visual import VisualType
from textual.widgets import Static

from ...format.model import Choice
from .inline_text import inline_line
from .line_breaks import break_offsets
from .numbers import NBSP
from .symbols import TIMED_OUT, VERDICT, verdict_style

SEPARATOR = "›"
LABEL_WIDTHS = (60, 40, 28, 18, 10)
"""The lengths a label is shortened to in turn, the older steps first, until the steps fit."""
LATEST_LEAST = 40
"""The latest step is shortened no further than this while older steps can give way."""


def shorten(label: Content, width: int) -> Content:
    """`label` cut to at most `width` cells after a whole word, with an ellipsis (inside its
    first word only when that alone is wider); 0 keeps it whole."""
    if not width or label.cell_length <= width:
        return label
    plain = label.plain
    cut = len(label.truncate(max(0, width - 1)).plain)
    space = plain.rfind(" ", 0, cut + 1)  # a space at `cut` ends a whole word there
    if space > 0:
        cut = space
    return label[:cut].rstrip(" ,;:–—") + "…"


def label_widths(count: int) -> Iterator[list[int]]:
    """The label widths to try for `count` steps, in order (0: whole): all whole; then the
    older steps shortened a rung at a time, the oldest first; then the latest, down to
    `LATEST_LEAST` (all the way when it is the only step). The list is changed in place."""
    widths = [0] * count
    yield widths
    for rung in LABEL_WIDTHS:
        for step in range(count - 1):
            widths[step] = rung
            yield widths
    for rung in LABEL_WIDTHS:
        if count == 1 or rung >= LATEST_LEAST:
            widths[-1] = rung
            yield widths


class Breadcrumb(Static):
    """`Start › ✓ Put an SQS queue in front › ✗ Use a FIFO queue`, verdict marks in practice
    mode only. No step numbers: beside choices numbered for their keys in shuffled order, a
    learner who pressed 2 read `✗ 1 …` as the wrong choice (the status line counts the
    decisions). The labels are as long as `max_lines` lines allow at the width the breadcrumb
    has (whole labels on a wide terminal): the older steps are shortened first, after a whole
    word (`label_widths`), the latest is kept readable, and the oldest steps give way to `…`
    when even short labels do not fit. A line breaks only between steps or between the words
    of a label (`break_offsets`: a step's separator and mark are joined to its label by
    no-break spaces, which Textual's own wrapping would break at). The layout is found from
    lengths and plain text, once a width per change of steps. `update` shows any other
    content as a `Static` does (the review screen's line)."""

    max_lines: ClassVar[int] = 2

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._steps: list[tuple[Content, Content]] | None = None
        """(separator and mark; label) per decision; None while `update` content shows."""
        self._lines_at: dict[int, list[Content]] = {}

    def show(self, choices: Sequence[Choice], verdicts: Sequence[str] | None = None,
             timed_out: Sequence[int] = ()) -> None:
        """Show `choices`; `verdicts` (practice mode only) adds a mark to each step, and the
        steps at `timed_out` (0-based) are marked as taken for the learner when time ran out."""
        steps = []
        for step, choice in enumerate(choices, start=1):
            head: list[str | tuple[str, str]] = [(SEPARATOR + NBSP, "dim")]
            if step - 1 in timed_out:
                head.append((TIMED_OUT + NBSP, "bold $warning"))
            if verdicts:
                verdict = verdicts[step - 1]
                head.append((VERDICT[verdict] + NBSP, verdict_style(verdict)))
            steps.append((Content.assemble(*head), inline_line(choice.label)))
        if steps == self._steps:
            return
        self._steps = steps
        self._lines_at.clear()
        self.refresh(layout=True)

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        self._steps = None
        super().update(content, layout=layout)

    def fitted(self, width: int) -> list[Content]:
        """The steps laid out for `width` columns: at most `max_lines` lines."""
        if width not in self._lines_at:
            self._lines_at[width] = self._fit(max(width, 1))
        return self._lines_at[width]

    def _fit(self, width: int) -> list[Content]:
        steps = self._steps or []
        if not steps:
            return Content.assemble(("Start", "bold"), ("  · no decisions yet", "dim")).wrap(
                width)
        shortened: dict[tuple[int, int], Content] = {}

        def label(step: int, label_width: int) -> Content:
            if (step, label_width) not in shortened:
                shortened[step, label_width] = shorten(steps[step][1], label_width)
            return shortened[step, label_width]

        def length(first: int, widths: list[int]) -> int:
            """The steps' cells from `first` at these label widths, `Start` or `…` too."""
            return 5 + sum(1 + steps[step][0].cell_length + label(step, w).cell_length
                           for step, w in enumerate(widths, start=first))

        room = self.max_lines * width
        lines: list[Content] = []
        for first in range(len(steps)):  # the oldest steps go last of all
            count = len(steps) - first
            shortest = [LABEL_WIDTHS[-1]] * (count - 1) + [LATEST_LEAST if count > 1 else 1]
            if length(first, shortest) > room:
                continue  # (too long even at its shortest: the next `first` then)
            for widths in label_widths(count):
                if length(first, widths) > room:
                    continue
                lines = self._lines(steps, first, [label(step, w) for step, w in
                                                   enumerate(widths, start=first)], width)
                if len(lines) <= self.max_lines:
                    return lines
        if not lines:  # nothing came close: the latest step alone, at its shortest
            lines = self._lines(steps, len(steps) - 1, [label(len(steps) - 1, LABEL_WIDTHS[-1])],
                                width)
        return lines[: self.max_lines]

    @staticmethod
    def _lines(steps: list[tuple[Content, Content]], first: int, labels: list[Content],
               width: int) -> list[Content]:
        """The steps from `first`, with these labels, broken into lines of `width` cells."""
        start = Content.styled("…" if first else "Start", "dim" if first else "bold")
        parts = [start]
        for (head, _), label in zip(steps[first:], labels, strict=True):
            parts += [Content(" "), head, label]
        content = Content.assemble(*parts)
        return [line.rstrip() for line in content.divide(break_offsets(content.plain, width))]

    def render(self) -> VisualType:
        if self._steps is None:
            return super().render()
        return Content("\n").join(self.fitted(self.content_size.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self._steps is None:
            return super().get_content_height(container, viewport, width)
        return len(self.fitted(width))
