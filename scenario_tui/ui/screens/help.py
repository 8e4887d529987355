"""The help screen: keys and concepts, read from `help.md` (help text is data), opened at the
part for the screen it was opened from."""

from __future__ import annotations

from importlib.resources import files
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
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
    HelpScreen MarkdownTableContent {
        /* the keys their room: shrunk to their longest word, "PgUp / PgDn, Space" took
           four lines beside a mostly empty second column */
        grid-columns: 20 1fr;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f1,question_mark", "close", "Close help", id="help.close"),
    ]

    def __init__(self, section: str = "") -> None:
        super().__init__()
        self.section = section
        """The heading (`Debrief`) of the part to open at: the screen's own keys first, not
        the catalogue's; "" opens at the top."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Markdown(help_text(), id="help-text")

    @on(Markdown.TableOfContentsUpdated)
    def _headings_known(self, event: Markdown.TableOfContentsUpdated) -> None:
        """The text is laid out in blocks once parsed: then its section can be found."""
        blocks = [block for _, label, block in event.table_of_contents
                  if self.section and label == self.section and block]
        if blocks:
            self.call_after_refresh(self._open_at, event.markdown.query_one(f"#{blocks[0]}"))

    def _open_at(self, heading: Widget) -> None:
        """Scroll `heading` to the top at once (as near as the text below it allows)."""
        self.query_one("#help-body", VerticalScroll).scroll_to_widget(
            heading, top=True, animate=False, immediate=True)

    def action_close(self) -> None:
        self.dismiss(None)
