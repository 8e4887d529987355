"""The decisions taken so far, newest last, laid out to fit two lines at the width it has."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.content import Content
from textual.geometry import Size
from textual.visual import VisualType
from textual.widgets import Static

from ...format.model import Choice
from .inline_text import inline_line
from .numbers import NBSP
from .symbols import TIMED_OUT, VERDICT, verdict_style

SEPARATOR = "›"
LABEL_WIDTHS = (0, 60, 40, 28, 18, 10)
"""Label lengths tried in turn until the steps fit (0: whole labels)."""


def shorten(label: Content, width: int) -> Content:
    """`label` cut to `width` characters with an ellipsis (0 keeps it whole)."""
    if not width or len(label) <= width:
        return label
    return label[: max(0, width - 1)].rstrip() + "…"


class Breadcrumb(Static):
    """`Start › ✓ Put an SQS queue in front › ✗ Use a FIFO queue`, verdict marks in practice
    mode only. No step numbers: beside choices numbered for their keys in shuffled order, a
    learner who pressed 2 read `✗ 1 …` as the wrong choice (the status line counts the
    decisions). The labels are as long as `max_lines` lines allow at the width the breadcrumb
    has (whole labels on a wide terminal), the oldest steps give way to `…` when even short
    labels do not fit, and a line breaks only between steps or between the words of a label:
    a step's separator and mark are joined to its label by no-break spaces. `update` shows
    any other content as a `Static` does (the review screen's line)."""

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
        lines: list[Content] = []
        for first in range(len(steps)):  # the oldest steps go last of all
            for label_width in LABEL_WIDTHS:
                lines = self._assemble(steps, first, label_width).wrap(width)
                if len(lines) <= self.max_lines:
                    return lines
        return lines[: self.max_lines]

    @staticmethod
    def _assemble(steps: list[tuple[Content, Content]], first: int,
                  label_width: int) -> Content:
        start = Content.styled("…" if first else "Start", "dim" if first else "bold")
        parts = [start]
        for head, label in steps[first:]:
            parts += [Content(" "), head, shorten(label, label_width)]
        return Content.assemble(*parts)

    def render(self) -> VisualType:
        if self._steps is None:
            return super().render()
        return Content("\n").join(self.fitted(self.content_size.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self._steps is None:
            return super().get_content_height(container, viewport, width)
        return len(self.fitted(width))
