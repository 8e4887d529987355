"""The problems of the watched file, one option each: mark, place, code, message and hint."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...format.problems import Problem
from ...format.text_safety import one_line
from .symbols import BROKEN

WARNING_MARK = "▲"
"""Marks a warning (an error is marked with `symbols.BROKEN`)."""


def problem_content(problem: Problem, watched: str) -> Content:
    """`✗ 14:9  E021 message`, with the hint on a second line; other files are named."""
    mark, style = (BROKEN, "bold $error") if problem.is_error else (WARNING_MARK,
                                                                      "bold $warning")
    place = f"{problem.line}:{problem.column}"
    if Path(problem.path).resolve() != Path(watched).resolve():
        place = f"{one_line(Path(problem.path).name)}:{place}"
    parts: list[str | tuple[str, str]] = [
        (f"{mark} ", style), (f"{place:<7}", "bold"), " ", (problem.code, style), " ",
        one_line(problem.message)]
    if problem.hint:
        parts += ["\n", ("  hint: ", "dim italic"), (one_line(problem.hint), "dim")]
    return Content.assemble(*parts)


class ProblemList(OptionList):
    """Highlighting a problem shows its source (`OptionHighlighted.option_index`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def show(self, problems: Sequence[Problem], watched: str, keep: int = 0) -> None:
        """List `problems` of the file `watched`, highlighting the one at `keep` if it exists."""
        self.clear_options()
        self.add_options(Option(problem_content(p, watched)) for p in problems)
        if problems:
            self.highlighted = min(max(keep, 0), len(problems) - 1)
