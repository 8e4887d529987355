"""The choices at the current situation: numbered, picked by key, arrow, j/k, Enter or mouse."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...format.model import Choice
from .inline_text import inline_line
from .numbers import NBSP


class HangingLabel(Content):
    """A choice's number and label, the label's wrapped lines starting under its first word
    (a hanging indent) rather than under the number, so that the numbers stand out as keys.
    Still a `Content` whose text is the number and the label: what reads an option's
    prompt reads it as before; only the layout hangs. Textual keeps the option's strips and
    height per width, so the wrapping is done once a width, not on every frame."""

    def __init__(self, number: Content, label: Content) -> None:
        whole = number + label
        super().__init__(whole.plain, list(whole.spans), whole.cell_length)
        self._number, self._label = number, label

    def _hangs(self, width: int) -> bool:
        """Whether the label keeps a useful column beside the number at `width`."""
        return width - self._number.cell_length >= 8

    def get_height(self, rules: RulesMap, width: int) -> int:
        if not self._hangs(width):
            return super().get_height(rules, width)
        return self._label.get_height(rules, width - self._number.cell_length)

    def render_strips(self, width: int, height: int | None, style: Style,
                      options: RenderOptions) -> list[Strip]:
        if not self._hangs(width):
            return super().render_strips(width, height, style, options)
        indent = self._number.cell_length
        lines = self._label.render_strips(width - indent, height, style, options)
        number = self._number.render_strips(indent, 1, style, options)[0]
        gutter = [number.extend_cell_length(indent, style.rich_style),
                  Strip.blank(indent, style.rich_style)]
        return [Strip.join([gutter[bool(y)], line]) for y, line in enumerate(lines)]


class ChoiceList(OptionList):
    """One option per choice, in the order given (the play's shown order);
    `OptionSelected.option_index` is the choice's position there, so the digit pressed and
    the number shown agree. A label's Markdown shows as styles, and its wrapped lines hang
    under its first word (`HangingLabel`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def show(self, choices: Sequence[Choice]) -> None:
        """Offer `choices`, numbered from 1 in this order, as the learner presses them."""
        self.clear_options()
        self.add_options(
            Option(HangingLabel(Content.styled(f"{number}{NBSP}", "bold $accent"),
                                inline_line(c.label)))
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
