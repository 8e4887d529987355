"""`scenario-tui author FILE`: a live preview that re-checks the file on every save."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Markdown

from ..authoring.file_watch import FileWatcher, polling_forced
from .exit_signals import exit_on_signals
from .fast_keys import guard_fast_keys
from .links import CheckedLinksApp
from .no_break import keep_no_break_spaces
from .screens.author import AuthorScreen
from .screens.help import HelpScreen

guard_fast_keys()  # keys typed faster than the screen draws (see fast_keys)
keep_no_break_spaces()  # "50 %" never wraps at its no-break space (see no_break)

POLL_SECONDS = 0.5
"""How often the file is looked at when it is polled (`SCENARIO_TUI_POLL=1`, or watchfiles
cannot watch its folder): fast enough to feel live, cheap enough to run all day."""


class AuthorHelpScreen(HelpScreen):
    """The preview's keys and states, read from `author_help.md`."""

    DEFAULT_CSS = """
    AuthorHelpScreen MarkdownTableContent {
        /* the first column (keys, states, symbols) its room: shrunk to fit, "Up / Down,
           j / k" wrapped over five lines beside a mostly empty second column */
        grid-columns: 26 1fr;
    }
    """

    def compose(self) -> ComposeResult:
        text = files("scenario_tui.ui").joinpath("author_help.md").read_text(encoding="utf-8")
        with VerticalScroll(id="help-body"):
            yield Markdown(text, id="help-text")


class AuthorApp(CheckedLinksApp[int]):
    """One screen: the author preview of one file."""

    CSS_PATH = "author.tcss"
    TITLE = "scenario-tui author"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", id="app.help"),
        Binding("question_mark", "help", "Help", show=False),
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit"),
    ]

    def __init__(self, path: Path | str, *, interval: float = POLL_SECONDS,
                 poll: bool | None = None,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        """`poll` chooses the timer over watchfiles; unset, `SCENARIO_TUI_POLL` decides."""
        super().__init__()
        self.watcher = FileWatcher(path, today=today)
        self.interval = interval
        self.poll = polling_forced() if poll is None else poll

    def get_default_screen(self) -> Screen[None]:
        return AuthorScreen(self.watcher, self.interval, poll=self.poll)

    def action_help(self) -> None:
        if isinstance(self.screen, AuthorHelpScreen):
            self.screen.dismiss(None)
        else:
            self.push_screen(AuthorHelpScreen())


def run(path: Path | str) -> int:
    """Open the preview on `path` until the author quits."""
    app = AuthorApp(path)
    with exit_on_signals(app):
        app.run()
    return app.return_code or 0
