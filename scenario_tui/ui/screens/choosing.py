"""The base of every screen that plays decisions: clicks and buttons map to its actions."""

from __future__ import annotations

from textual import on
from textual.screen import Screen
from textual.widgets import Button, OptionList


class ChoosingScreen(Screen[None]):
    """A screen with a `ChoiceList` (`#choices`) and a `FeedbackPanel`'s `#continue`/`#undo`
    buttons. Subclasses say what choosing, continuing and undoing mean there."""

    def action_choose(self, index: int) -> None:
        raise NotImplementedError

    def action_continue(self) -> None:
        raise NotImplementedError

    def action_undo(self) -> None:
        raise NotImplementedError

    @on(OptionList.OptionSelected, "#choices")
    def _choice_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_choose(event.option_index)

    @on(Button.Pressed, "#continue")
    def _continue_pressed(self) -> None:
        self.action_continue()

    @on(Button.Pressed, "#undo")
    def _undo_pressed(self) -> None:
        self.action_undo()
