"""Practice mode's feedback after a choice: the verdict, the points and why."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from ...format.model import Choice, Misconception
from .inline_text import inline, inline_line
from .mistake_text import choice_notes
from .numbers import points
from .symbols import VERDICT, verdict_style


def feedback_content(choice: Choice, verdict: str, best: Choice | None,
                     misconceptions: Mapping[str, Misconception] | None = None) -> Content:
    """`✓ Right · +2 points`, the explanation and its source, the mistaken belief and its fact
    when the choice was not right, and the best choice when this was not it."""
    parts: list[str | Content | tuple[str, str]] = [
        (f"{VERDICT[verdict]} {verdict.capitalize()}", verdict_style(verdict)),
        (f" · {points(choice.points, signed_value=True)}", "bold"), "\n",
        inline_line(choice.label).stylize("italic"), "\n\n", inline(choice.why),
        choice_notes(choice, verdict, misconceptions or {}),
    ]
    if best is not None and best != choice:
        parts += ["\n\n", ("Best here: ", "bold $success"), inline_line(best.label)]
    return Content.assemble(*parts)


class FeedbackPanel(Vertical):
    """Shown in place of the choices until the learner continues or undoes."""

    DEFAULT_CSS = """
    FeedbackPanel {
        display: none;
        height: auto;
        max-height: 75%;
        border: round $accent;
        padding: 0 1;
        #feedback-scroll {
            height: auto;
            /* the room the panel has (it is at most 75% of the player's height) above the
               buttons, so a long explanation scrolls instead of running out of sight */
            max-height: 100%;
        }
        #feedback-text {
            height: auto;
        }
        #feedback-buttons {
            /* at the panel's foot, however little room the explanation leaves above it
               (a short terminal with the diagram panel open) */
            dock: bottom;
            height: 1;
            margin-top: 1;
        }
        #feedback-buttons Button {
            margin-right: 2;
        }
    }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="feedback-scroll"):
            yield Static(id="feedback-text")
        with Horizontal(id="feedback-buttons"):
            yield Button("Continue (Enter)", id="continue", variant="primary", compact=True)
            yield Button("Undo (u)", id="undo", compact=True)
            yield Button("All options (o)", id="all-options", compact=True)

    def show(self, choice: Choice, verdict: str, best: Choice | None, *,
             continue_label: str = "Continue (Enter)", can_undo: bool = True,
             misconceptions: Mapping[str, Misconception] | None = None) -> None:
        """The verdict and explanation of `choice`; the buttons say what Enter and u do."""
        self.query_one("#feedback-text", Static).update(
            feedback_content(choice, verdict, best, misconceptions))
        self.query_one("#feedback-scroll").scroll_home(animate=False)
        self.query_one("#continue", Button).label = continue_label
        self.query_one("#undo", Button).display = can_undo
