"""A dialog that offers to resume a run left part-way, or to start the scenario over."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..widgets.inline_text import inline_line

Answer = Literal["resume", "start-over"]
"""What the learner chose; the dialog returns None when they cancel (Esc)."""
RESUME: Answer = "resume"
START_OVER: Answer = "start-over"


class ResumeDialog(ModalScreen[Answer | None]):
    """`Resume (decision 3)` or `Start over`: Enter on the focused button, r or s, a click;
    Esc cancels and leaves the catalogue as it was."""

    HELP_SECTION: ClassVar[str] = "Catalogue"
    """The part of the help (its heading) that F1 opens at here."""

    DEFAULT_CSS = """
    ResumeDialog {
        align: center middle;
        #resume-dialog {
            width: 90%;
            max-width: 72;
            height: auto;
            border: thick $primary;
            background: $surface;
            padding: 1 2;
        }
        #resume-buttons {
            height: auto;
            margin-top: 1;
        }
        #resume-start-over {
            margin-left: 2;
        }
        #resume-keys {
            margin-top: 1;
            color: $text-muted;
        }
    }
    """

    AUTO_FOCUS = "#resume-resume"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "answer('resume')", "Resume", id="resume.resume"),
        Binding("s", "answer('start-over')", "Start over", id="resume.start_over"),
        Binding("escape", "cancel", "Cancel", id="resume.cancel"),
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
    ]

    def __init__(self, title: str, decision: int, mode: str, new_mode: str) -> None:
        super().__init__()
        self.scenario_title = title
        self.decision = decision
        self.mode = mode
        """The run's mode, which resuming keeps."""
        self.new_mode = new_mode
        """The mode starting over plays in (the catalogue's)."""

    def compose(self) -> ComposeResult:
        start_over = "Start over" if self.new_mode == self.mode else \
            f"Start over ({self.new_mode})"
        with Vertical(id="resume-dialog"):
            yield Static(inline_line(self.scenario_title).stylize("bold $accent"),
                         id="resume-title")
            yield Static(Content(f"You left this scenario part-way. Pick up at decision "
                                 f"{self.decision}, in {self.mode} mode, or start from the "
                                 "beginning?"), id="resume-text")
            with Horizontal(id="resume-buttons"):
                yield Button(f"Resume (decision {self.decision})", variant="primary",
                             id="resume-resume", compact=True)
                yield Button(start_over, id="resume-start-over", compact=True)
            yield Static("r resumes · s starts over · Esc cancels", id="resume-keys")

    def action_answer(self, answer: Answer) -> None:
        if self.is_active:  # keys that arrive together answer once
            self.dismiss(answer)

    def action_cancel(self) -> None:
        if self.is_active:
            self.dismiss(None)

    @on(Button.Pressed, "#resume-resume")
    def _resume(self) -> None:
        self.action_answer(RESUME)

    @on(Button.Pressed, "#resume-start-over")
    def _start_over(self) -> None:
        self.action_answer(START_OVER)
