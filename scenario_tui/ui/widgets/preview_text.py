"""The author preview's own lines around the shared player: its status and its endings."""

from __future__ import annotations

from textual.content import Content

from ...analysis.scoring import Analysis
from ...format.model import Choice, Scenario
from ...play.engine import Play, debrief
from .symbols import OUTCOME, outcome_style


def preview_status(play: Play, scenario: Scenario, analysis: Analysis,
                   feedback: Choice | None) -> Content:
    """`Decision 2 · score 3 · best from here 6`, or `Ending · score 3`."""
    origin = play.origin or scenario.start
    if feedback is None and play.finished(scenario):
        return Content.assemble(("Ending", "bold"), " · score ", (str(play.score), "bold"))
    step = len(play.choices) + (0 if feedback else 1)
    return Content.assemble(
        (f"Decision {step}", "bold"), " · score ", (str(play.score), "bold"),
        " · best from here ", (str(analysis.best[origin]), "bold"))


def preview_ending(play: Play, scenario: Scenario, analysis: Analysis) -> Content:
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
