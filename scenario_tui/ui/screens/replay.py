"""A dialog that asks which decision to replay from."""

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

from ...format.text_safety import one_line
from ...play.engine import Debrief
from ..widgets.symbols import VERDICT, verdict_style


class ReplayDialog(ModalScreen[int | None]):
    """Returns how many of the earlier choices to keep (0 replays from the start)."""

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
        #replay-steps {
            height: auto;
            max-height: 20;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Cancel", id="replay.cancel"),
    ]

    def __init__(self, report: Debrief) -> None:
        super().__init__()
        self.report = report

    def compose(self) -> ComposeResult:
        with Vertical(id="replay-dialog"):
            yield Static(Content.styled("Replay from which decision?", "bold"))
            yield Static(Content.styled("What if you had chosen differently there?", "dim"))
            options = []
            for step in self.report.steps:
                situation = self.report.scenario.node(step.node).text
                options.append(Option(Content.assemble(
                    (f"{step.number}. ", "bold $accent"),
                    (VERDICT[step.verdict] + " ", verdict_style(step.verdict)),
                    one_line(situation, 70), "\n   ", ("you chose: ", "dim"),
                    (one_line(step.chosen.label, 60), "dim italic"))))
            yield OptionList(*options, id="replay-steps")

    @on(OptionList.OptionSelected, "#replay-steps")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if self.is_active:  # Enters that reach the list together choose once, not once each
            self.dismiss(event.option_index)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
