""""Who is playing?": the first screen of the served app, which asks the learner's name.

The name decides where the learner's progress is kept (`play.learners`); it is checked there,
and what is wrong with it is shown here, as plain text. Control characters never get into the
field, so nothing typed or pasted can send escapes to the terminal.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from ...format.text_safety import one_line
from ...play.learners import MAX_NAME, NameRefused, learner
from ..messages import LearnerChosen
from ..widgets.header_footer import ScreenFooter, ScreenHeader

NO_CONTROL_CHARACTERS = r"[^\x00-\x1f\x7f-\x9f]*"
"""What the name field accepts as typed or pasted: anything but C0 and C1 controls (the
rules a name must follow are checked when it is submitted, with a reason)."""


class LearnerScreen(Screen[None]):
    """A name field and a Start button: Enter or a click starts, Esc clears the field."""

    DEFAULT_CSS = """
    LearnerScreen {
        align: center middle;
        #learner-box {
            width: 90%;
            max-width: 64;
            height: auto;
            border: thick $primary;
            background: $surface;
            padding: 1 2;
        }
        #learner-title {
            text-style: bold;
            color: $text-accent;
        }
        #learner-text {
            margin-bottom: 1;
        }
        #learner-row {
            height: auto;
        }
        #learner-name {
            width: 1fr;
        }
        #learner-start {
            margin-left: 1;
        }
        #learner-error {
            color: $text-error;
            height: auto;
        }
        #learner-keys {
            margin-top: 1;
            color: $text-muted;
        }
    }
    """

    AUTO_FOCUS = "#learner-name"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear", "Clear", id="learner.clear"),
    ]

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        with Center(), Vertical(id="learner-box"):
            yield Static(Content("Who is playing?"), id="learner-title")
            yield Static(Content("Type your name, so your progress is kept apart from "
                                 "everyone else's on this server."), id="learner-text")
            with Horizontal(id="learner-row"):
                yield Input(placeholder="your name", max_length=MAX_NAME * 2,
                            restrict=NO_CONTROL_CHARACTERS, id="learner-name")
                yield Button("Start", variant="primary", id="learner-start")
            yield Static(id="learner-error")
            yield Static(Content(f"Letters, digits, spaces and - ' . (up to {MAX_NAME}). "
                                 "Enter starts, Esc clears."), id="learner-keys")
        yield ScreenFooter()

    @on(Input.Submitted, "#learner-name")
    @on(Button.Pressed, "#learner-start")
    def submit(self) -> None:
        """Check the name; post it on, or say what is wrong and let the learner fix it."""
        field = self.query_one("#learner-name", Input)
        try:
            who = learner(field.value)
        except NameRefused as refusal:
            self.query_one("#learner-error", Static).update(Content(one_line(str(refusal))))
            field.focus()
            return
        self.post_message(LearnerChosen(who))

    def action_clear(self) -> None:
        """Empty the field and forget the last complaint."""
        self.query_one("#learner-name", Input).clear()
        self.query_one("#learner-error", Static).update("")
        self.query_one("#learner-name", Input).focus()
