"""The choices at the current situation: numbered, picked by key, arrow, j/k, Enter or mouse."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...format.model import Choice
from .inline_text import inline_line
from .numbers import NBSP


class ChoiceList(OptionList):
    """One option per choice, in the order given (the play's shown order);
    `OptionSelected.option_index` is the choice's position there, so the digit pressed and
    the number shown agree. A label's Markdown shows as styles, and its number never wraps
    away from its first word."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def show(self, choices: Sequence[Choice]) -> None:
        """Offer `choices`, numbered from 1 in this order, as the learner presses them."""
        self.clear_options()
        self.add_options(
            Option(Content.assemble((f"{number}{NBSP}", "bold $accent"), inline_line(c.label)))
            for number, c in enumerate(choices, start=1)
        )
        if choices:
            self.highlighted = 0
