"""What a click on a link may do: one place decides, for every link the apps show.

Links come from scenario files (the situation's Markdown) and glossaries (the service cards'
docs links): data written by anyone. Only an absolute `http` or `https` link opens, and only
after the learner has seen its whole target and said yes. Any other scheme (`vscode://`, a
custom handler, `file:`) or a relative path is named in a notice and not opened.

Textual sends every link to `App.open_url` (a Markdown link click does, and so does the
cards' `DocsLink`), so `CheckedLinksApp.open_url` is that one place. Styles with `link=` are
not used for untrusted targets: the terminal itself opens those, past any check.
"""

from __future__ import annotations

from typing import ClassVar
from urllib.parse import urlsplit

from textual import on
from textual.app import App, ComposeResult, ReturnType
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..format.text_safety import one_line

OPENABLE_SCHEMES = frozenset({"http", "https"})
NOTICE_WIDTH = 300
"""How much of a link that is not opened the notice shows."""


def openable(url: str) -> bool:
    """True for an absolute http(s) URL with a host, written without spaces, control or
    invisible characters (so the prompt shows exactly what would open)."""
    if not url or one_line(url) != url or any(char.isspace() for char in url):
        return False
    try:
        parts = urlsplit(url)
        return parts.scheme.lower() in OPENABLE_SCHEMES and bool(parts.hostname)
    except ValueError:  # a malformed IPv6 host
        return False


class LinkPrompt(ModalScreen[bool]):
    """Shows a link's whole target before it opens: Enter or y opens it, Escape or n does not."""

    DEFAULT_CSS = """
    LinkPrompt {
        align: center middle;
        #link-dialog {
            width: 80%;
            max-width: 100;
            height: auto;
            border: thick $primary;
            background: $surface;
            padding: 1 2;
        }
        #link-target {
            margin: 1 0;
            text-style: bold;
        }
        #link-buttons {
            height: auto;
            align-horizontal: right;
        }
        #link-cancel {
            margin-left: 2;
        }
    }
    """

    AUTO_FOCUS = "#link-open"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,y", "answer(True)", "Open", id="link.open"),
        Binding("escape,n", "answer(False)", "Cancel", id="link.cancel"),
    ]

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url

    def compose(self) -> ComposeResult:
        with Vertical(id="link-dialog"):
            yield Static(Content.styled("Open this link in your web browser?", "bold $accent"))
            yield Static(Content(self.url), id="link-target")
            with Horizontal(id="link-buttons"):
                yield Button("Open (Enter, y)", variant="primary", id="link-open")
                yield Button("Cancel (Esc, n)", id="link-cancel")

    def action_answer(self, open_it: bool) -> None:
        self.dismiss(open_it)

    @on(Button.Pressed, "#link-open")
    def _open(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#link-cancel")
    def _cancel(self) -> None:
        self.dismiss(False)


class CheckedLinksApp(App[ReturnType]):
    """An app whose links open only as this module's docstring says (both apps are one)."""

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        """Ask before opening an http(s) `url`, open it on a yes; name any other in a notice."""
        if not openable(url):
            self.notify(f"not opened: {one_line(url, NOTICE_WIDTH)}", title="Link",
                        severity="warning", markup=False)
            return
        open_now = super().open_url

        def answered(open_it: bool | None) -> None:
            if open_it:
                open_now(url, new_tab=new_tab)

        self.push_screen(LinkPrompt(url), answered)

    def action_open_url(self, url: str) -> None:
        """A click on a link in styled text (`inline_text.link_style`: `app.open_url(...)`
        names this action); without it such a click did nothing."""
        self.open_url(url)
