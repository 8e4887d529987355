"""The help screen: keys and concepts, read from `help.md` (help text is data)."""

from __future__ import annotations

from importlib.resources import files
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown


def help_text() -> str:
    return files("scenario_tui.ui").joinpath("help.md").read_text(encoding="utf-8")


class HelpScreen(ModalScreen[None]):
    """Keys for every screen, modes, scoring and symbols."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        #help-body {
            width: 90%;
            max-width: 100;
            height: 90%;
            border: thick $primary;
            background: $surface;
            padding: 0 1;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f1,question_mark", "close", "Close help", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Markdown(help_text(), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)
