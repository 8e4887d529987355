"""A dialog that asks which decision to replay from: two lines a decision, and the list
scrolls within the dialog where the terminal is too short for them all, its title and its
keys always in view."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...play.engine import Debrief
from ..widgets.decision_tree import first_words
from ..widgets.symbols import VERDICT, verdict_style

KEYS = "1-9 or Enter replays from there · Up/Down choose · Esc closes"
"""The dialog's keys, on its last line: nothing else said how to close it."""


class ReplayDialog(ModalScreen[int | None]):
    """Returns how many of the earlier choices to keep (0 replays from the start)."""

    HELP_SECTION: ClassVar[str] = "Debrief"
    """The part of the help (its heading) that F1 opens at here."""

    DEFAULT_CSS = """
    ReplayDialog {
        align: center middle;
        #replay-dialog {
            width: 90%;
            max-width: 90;
            height: auto;
            max-height: 90%;
            border: thick $primary;
            background: $surface;
            padding: 0 1;
        }
        /* Docked, so the list's 100 % is the room they leave it: with them in the flow,
           a long play pushed the keys (and its last decisions) out of the dialog. */
        #replay-title {
            dock: top;
            height: auto;
        }
        #replay-keys {
            dock: bottom;
            height: 1;
            color: $text-muted;
        }
        #replay-steps {
            height: auto;
            max-height: 100%;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Cancel", id="replay.cancel"),
        Binding("1", "choose(0)", "Choose", key_display="1-9", id="replay.choose"),
        *(Binding(str(n), f"choose({n - 1})", show=False) for n in range(2, 10)),
    ]

    def __init__(self, report: Debrief) -> None:
        super().__init__()
        self.report = report

    def compose(self) -> ComposeResult:
        # Each line's words as far as the dialog's width goes (less its border and padding,
        # the list's, and "1. ✗ " or "   you chose: "), cut at a word; a terminal made
        # narrower later cuts the line with an ellipsis.
        room = max(20, min(self.app.size.width * 9 // 10, 90) - 13)
        with Vertical(id="replay-dialog"):
            yield Static(Content.assemble(
                ("Replay from which decision?", "bold"), "\n",
                ("What if you had chosen differently there?", "dim")), id="replay-title")
            options = []
            for step in self.report.steps:
                situation = self.report.scenario.node(step.node).text
                options.append(Option(Content.assemble(
                    (f"{step.number}. ", "bold $accent"),
                    (VERDICT[step.verdict] + " ", verdict_style(step.verdict)),
                    first_words(situation, room), "\n   ", ("you chose: ", "dim"),
                    first_words(step.chosen.label, room - 9).stylize("dim italic"))))
            yield OptionList(*options, id="replay-steps")
            yield Static(KEYS, id="replay-keys")

    @on(OptionList.OptionSelected, "#replay-steps")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.action_choose(event.option_index)

    def action_choose(self, index: int) -> None:
        """Replay from decision `index + 1`; a number with no decision behind it rings."""
        if not self.is_active:  # Enters that reach the list together choose once, not once each
            return
        if 0 <= index < len(self.report.steps):
            self.dismiss(index)
        else:
            self.app.bell()

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
