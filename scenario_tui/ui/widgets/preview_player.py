"""A compact practice-mode player for the author preview: it draws a play, the screen moves it.

It reuses the play screen's pieces (`ChoiceList`, `FeedbackPanel`, the situation as Markdown)
and their styles; choices and buttons bubble up as their own messages.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Markdown, Static

from ...analysis.scoring import Analysis
from ...format.model import Choice, Scenario
from ...format.text_safety import clean, one_line, reflow
from ...play.engine import Play, debrief
from .choice_list import ChoiceList
from .feedback import FeedbackPanel
from .symbols import OUTCOME, outcome_style


def status_content(play: Play, scenario: Scenario, analysis: Analysis,
                   feedback: Choice | None) -> Content:
    """`Decision 2 · score 3 · best from here 6`, or `Ending · score 3`."""
    origin = play.origin or scenario.start
    if feedback is None and play.finished(scenario):
        return Content.assemble(("Ending", "bold"), " · score ", (str(play.score), "bold"))
    step = len(play.choices) + (0 if feedback else 1)
    return Content.assemble(
        (f"Decision {step}", "bold"), " · score ", (str(play.score), "bold"),
        " · best from here ", (str(analysis.best[origin]), "bold"))


def ending_content(play: Play, scenario: Scenario, analysis: Analysis) -> Content:
    """The outcome, and the score against the best from where this play started."""
    report = debrief(scenario, play, analysis)
    outcome = report.outcome or "end"
    if not play.choices:
        return Content.assemble(
            (f"{OUTCOME.get(outcome, '■')} {outcome.capitalize()}", outcome_style(outcome)),
            " · an ending has no choices: highlight a situation in the graph and press ",
            ("t", "bold $accent"), ".")
    return Content.assemble(
        (f"{OUTCOME.get(outcome, '■')} {outcome.capitalize()}", outcome_style(outcome)),
        " · score ", (f"{report.score} of {report.best}", "bold"),
        f" · {report.percent} % · grade ", (f" {report.grade} ", "bold reverse"), "\n",
        ("r", "bold $accent"), " plays again, ", ("t", "bold $accent"),
        " tests from the node highlighted in the graph.")


class PreviewPlayer(Vertical):
    """The situation, its choices, practice feedback, and the ending with its score."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text_of = ""

    def compose(self) -> ComposeResult:
        yield Static(id="play-status")
        with VerticalScroll(id="situation-scroll"):
            yield Markdown(id="situation")
        yield ChoiceList(id="choices")
        yield FeedbackPanel(id="feedback")
        yield Static(id="preview-ending")

    def show(self, scenario: Scenario, analysis: Analysis, play: Play,
             feedback: Choice | None) -> None:
        """Draw `play` (with `feedback` for the choice just made, practice style)."""
        origin = play.origin or scenario.start
        self.border_title = f"Preview from ‹{one_line(origin, 40)}›"
        shown = feedback.source if feedback else play.node(scenario)
        node = scenario.node(shown)
        text_key = f"{shown}\n{node.text}"
        if text_key != self._text_of:
            self._text_of = text_key
            self.query_one("#situation", Markdown).update(clean(node.text))
            self.query_one("#situation-scroll").scroll_home(animate=False)
        self.query_one("#play-status", Static).update(
            status_content(play, scenario, analysis, feedback))
        choices = self.query_one(ChoiceList)
        panel = self.query_one(FeedbackPanel)
        ending = self.query_one("#preview-ending", Static)
        finished = feedback is None and play.finished(scenario)
        if feedback is not None:
            panel.show(feedback, analysis.verdict(feedback),
                       analysis.best_choice.get(feedback.source))
        elif finished:
            ending.update(ending_content(play, scenario, analysis))
        else:
            choices.show(scenario.choices(shown))
        choices.display = feedback is None and not finished
        panel.display = feedback is not None
        ending.display = finished

    def clear(self, message: str) -> None:
        """No scenario to play: say why."""
        self._text_of = ""
        self.border_title = "Preview"
        self.query_one("#play-status", Static).update(Content(reflow(message)))
        self.query_one("#situation", Markdown).update("")
        for widget in (self.query_one(ChoiceList), self.query_one(FeedbackPanel),
                       self.query_one("#preview-ending")):
            widget.display = False
