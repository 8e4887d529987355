""""Who is playing?": the first screen of the served app, which asks the learner's name,
and the class join code their instructor gave them, if any.

The name decides where the learner's progress is kept (`play.learners`); it and the code are
checked there, and what is wrong is shown here, as plain text. Control characters never get
into the fields, so nothing typed or pasted can send escapes to the terminal. The code holds
a password: its field shows dots.
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
from ...play.learners import MAX_NAME, CodeRefused, NameRefused, class_link, learner
from ..messages import LearnerChosen
from ..widgets.header_footer import ScreenFooter, ScreenHeader

MAX_CODE = 2000
"""Longest join code the field takes (a code is a few hundred characters)."""
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
                                 "everyone else's on this server. With your instructor's "
                                 "class join code, your plays go to the class too."),
                         id="learner-text")
            with Horizontal(id="learner-row"):
                yield Input(placeholder="your name", max_length=MAX_NAME * 2,
                            restrict=NO_CONTROL_CHARACTERS, id="learner-name")
                yield Button("Start", variant="primary", id="learner-start")
            yield Input(placeholder="class join code (optional)", password=True,
                        max_length=MAX_CODE, restrict=NO_CONTROL_CHARACTERS, id="learner-code")
            yield Static(id="learner-error")
            yield Static(Content(f"Letters, digits, spaces and - ' . (up to {MAX_NAME}). "
                                 "Enter starts, Esc clears."), id="learner-keys")
        yield ScreenFooter()

    @on(Input.Submitted, "#learner-name")
    @on(Input.Submitted, "#learner-code")
    @on(Button.Pressed, "#learner-start")
    def submit(self) -> None:
        """Check the name and the code; post them on, or say what is wrong and let the
        learner fix it."""
        name = self.query_one("#learner-name", Input)
        code = self.query_one("#learner-code", Input)
        try:
            who = learner(name.value)
        except NameRefused as refusal:
            self._refuse(str(refusal), name)
            return
        try:
            link = class_link(code.value)
        except CodeRefused as refusal:
            self._refuse(str(refusal), code)
            return
        self.post_message(LearnerChosen(who, link))

    def _refuse(self, reason: str, field: Input) -> None:
        self.query_one("#learner-error", Static).update(Content(one_line(reason, 200)))
        field.focus()

    def action_clear(self) -> None:
        """Empty the fields and forget the last complaint."""
        self.query_one("#learner-name", Input).clear()
        self.query_one("#learner-code", Input).clear()
        self.query_one("#learner-error", Static).update("")
        self.query_one("#learner-name", Input).focus()
