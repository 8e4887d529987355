"""The author preview's own lines around the shared player: its status and its endings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from textual.content import Content

from ...analysis.scoring import Analysis
from ...format.model import Choice, Misconception, Scenario, Situation
from ...format.text_safety import one_line
from ...play.engine import Play, debrief
from .inline_text import inline_line
from .numbers import number
from .player import PlayerView
from .symbols import BEST, LINK, OUTCOME, outcome_style

JOINS = "joins a situation drawn elsewhere"
"""What `↪` means, in the legend and in the help (a joined situation may be drawn below)."""
LEGEND = Content.assemble(
    (f"{BEST}\u00a0", "bold"), "best  ", (f"{LINK}\u00a0", "bold"), JOINS, "  ",
    ("t", "bold $accent"), "\u00a0test\u00a0from\u00a0here")
"""The key to the preview graph's marks; it wraps between its entries on a narrow panel."""


@dataclass(frozen=True)
class Trial:
    """The preview's play-through and, after a choice, that choice's feedback."""

    play: Play
    feedback: Choice | None = None


def node_line(node: Situation) -> Content:
    """The node under the graph's cursor, with its line: authors edit by id."""
    kind = f"ending {OUTCOME.get(node.end, '■')} {node.end}" if node.end else "situation"
    return Content.assemble(
        (f"‹{one_line(node.id, 40)}›", "bold $accent"), f" {kind}, line {node.line} · ",
        inline_line(node.text))


def preview_status(play: Play, scenario: Scenario, analysis: Analysis,
                   feedback: Choice | None) -> Content:
    """`Decision 2 · score 3 · best from here 6`, or `Ending · score 3`. Each part is held
    together by no-break spaces, so a narrow preview wraps between them and the best score
    stays beside its words."""
    origin = play.origin or scenario.start
    if feedback is None and play.finished(scenario):
        return Content.assemble(("Ending", "bold"), " · score\u00a0",
                                (number(play.score), "bold"))
    step = len(play.choices) + (0 if feedback else 1)
    return Content.assemble(
        (f"Decision\u00a0{step}", "bold"), " · score\u00a0", (number(play.score), "bold"),
        " · best\u00a0from\u00a0here\u00a0", (number(analysis.best[origin]), "bold"))


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


FILE_ORDER = "in file order"
"""Over the preview's choices: a learner's play shuffles them, and an author comparing a
learner's "3" with the file would otherwise wonder."""


def preview_view(scenario: Scenario, analysis: Analysis, trial: Trial,
                 misconceptions: Mapping[str, Misconception] | None = None) -> PlayerView:
    """What the shared player shows for the preview's play: its status, its ending once there
    is no feedback left to show, and a wrong choice's misconception as the learner reads it
    (`misconceptions`: the folder's and the bundled entries, as `FileCheck` carries them)."""
    play = trial.play
    at_ending = trial.feedback is None and play.finished(scenario)
    return PlayerView(
        scenario, analysis, play, trial.feedback,
        status=preview_status(play, scenario, analysis, trial.feedback),
        ending=preview_ending(play, scenario, analysis) if at_ending else None,
        choices_title=FILE_ORDER, misconceptions=misconceptions or {})
