"""The choices at the current situation: numbered, picked by key, arrow, j/k, Enter or mouse."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.actions import SkipAction
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

    def action_select(self) -> None:
        """Enter chooses the highlighted choice; while the feedback hides the choices (they
        keep the focus until its frame is drawn, `_on_hide`) Enter goes on to the screen's
        Continue: a choice and Enter typed together lost the Enter."""
        if not self.display:
            raise SkipAction()
        super().action_select()

    def _on_hide(self, event: events.Hide) -> None:
        """Keep the focus while the feedback covers the choices. Textual 8.2.8 blurs a hidden
        widget, which sent the focus to the situation and restyled both before the player
        moved it to Continue: two focus moves, each restyling widgets and rebuilding the key
        bar. The player moves it once, after the frame (`Player.focus_current`)."""
        for scrollbar, shown in ((self.horizontal_scrollbar, self.show_horizontal_scrollbar),
                                 (self.vertical_scrollbar, self.show_vertical_scrollbar)):
            if shown:
                scrollbar.post_message(event)
        event.prevent_default()  # Textual's own `_on_hide`, which blurs, does not run
