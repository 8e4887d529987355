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

from ...play.engine import Debrief
from ..widgets.decision_tree import first_words
from ..widgets.inline_text import inline_line
from ..widgets.symbols import VERDICT, verdict_style


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
        #replay-steps {
            height: auto;
            max-height: 20;
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
        with Vertical(id="replay-dialog"):
            yield Static(Content.styled("Replay from which decision?", "bold"))
            yield Static(Content.styled("What if you had chosen differently there?", "dim"))
            options = []
            for step in self.report.steps:
                situation = self.report.scenario.node(step.node).text
                options.append(Option(Content.assemble(
                    (f"{step.number}. ", "bold $accent"),
                    (VERDICT[step.verdict] + " ", verdict_style(step.verdict)),
                    first_words(situation, 70), "\n   ", ("you chose: ", "dim"),
                    inline_line(step.chosen.label).stylize("dim italic"))))
            yield OptionList(*options, id="replay-steps")

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
