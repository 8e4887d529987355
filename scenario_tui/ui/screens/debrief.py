"""The debrief: score and grade, pillar bars, the step table and the whole decision tree."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from ...format.text_safety import clean, reflow
from ...play.engine import Debrief, start, what_if
from ...play.modes import EXAM, PRACTICE
from ..messages import BackToCatalogue, OpenNext, PlayFinished, ShowPlay
from ..widgets.decision_tree import DecisionTree, TreeEntry
from ..widgets.header_footer import ScreenFooter, ScreenHeader
from ..widgets.pillar_bars import PillarBars
from ..widgets.step_table import steps_table
from ..widgets.symbols import BEST, LINK, OUTCOME, YOURS, outcome_style


def score_summary(report: Debrief) -> Content:
    """`Score 6 / 10 · 60 % · grade C`, the outcome and the ending's text."""
    outcome = report.outcome or "end"
    parts: list[str | tuple[str, str]] = [
        ("Score ", "bold"), (f"{report.score}", "bold $accent"),
        (f" of {report.best} possible", "bold"), f"  ·  {report.percent} %  ·  ",
        ("Grade ", "bold"), (f" {report.grade} ", "bold reverse"),
        (f"  ·  {report.play.mode} mode", "dim"), "\n",
        (f"{OUTCOME.get(outcome, '■')} {outcome.capitalize()}: ", outcome_style(outcome)),
        reflow(report.scenario.node(report.ending).text),
    ]
    if report.play.origin and report.play.origin != report.scenario.start:
        parts += ["\n", ("Scored from the decision you replayed from, not the start.", "dim")]
    return Content.assemble(*parts)


LEGEND = Content.assemble(
    (f"{YOURS} ", "bold"), "yours  ", (f"{BEST} ", "bold"), "best  ",
    (f"{LINK} ", "bold"), "joins a branch shown elsewhere (Enter jumps)  ",
    ("w", "bold $accent"), " what if I had chosen this?")


class DebriefScreen(Screen[None]):
    """What happened, what was best, and where to go next."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "retry", "Retry", id="debrief.retry"),
        Binding("p", "replay", "Replay from…", id="debrief.replay"),
        Binding("n", "next", "Next scenario", id="debrief.next"),
        Binding("t", "focus_tree", "Tree", id="debrief.tree"),
        Binding("escape", "leave", "Catalogue", id="debrief.leave"),
        *(Binding(str(n), f"replay_step({n - 1})", show=False) for n in range(1, 10)),
    ]

    def __init__(self, report: Debrief) -> None:
        super().__init__()
        self.report = report

    def compose(self) -> ComposeResult:
        report = self.report
        yield ScreenHeader()
        with VerticalScroll(id="debrief-body"):
            yield Static(score_summary(report), id="summary")
            yield Static(Content.styled("Well-Architected pillars", "bold"), classes="heading")
            yield PillarBars(id="pillars")
            yield Static(Content.styled("Step by step", "bold"), classes="heading")
            yield Static(steps_table(report.steps), id="steps")
            yield Static(Content.styled("The whole decision tree", "bold"), classes="heading")
            yield Static(LEGEND, id="legend")
            yield DecisionTree(id="tree")
            yield Static(id="tree-detail")
        with Horizontal(id="debrief-actions"):
            yield Button("Retry (r)", id="retry", variant="primary", compact=True)
            yield Button("Replay from… (p)", id="replay", compact=True)
            yield Button("Next (n)", id="next", compact=True)
            yield Button("Catalogue (Esc)", id="leave", compact=True)
        yield ScreenFooter()

    def on_mount(self) -> None:
        report = self.report
        self.sub_title = clean(report.scenario.title)
        self.query_one(PillarBars).show(report.pillars, report.best_pillars)
        self.query_one(DecisionTree).show(report.scenario, report.play.choices,
                                          report.analysis.best_path())
        self.query_one("#retry", Button).focus()

    @on(DecisionTree.NodeHighlighted, "#tree")
    def _highlighted(self, event: DecisionTree.NodeHighlighted[TreeEntry]) -> None:
        entry = event.node.data
        if entry is None:
            return
        situation = self.report.scenario.node(entry.node)
        self.query_one("#tree-detail", Static).update(Content.assemble(
            ("Leads to: ", "bold"), reflow(situation.text)))

    @on(DecisionTree.WhatIf, "#tree")
    def _what_if(self, event: DecisionTree.WhatIf) -> None:
        """Play on as if the highlighted choice had been taken; in exam mode a what-if that
        ends at once goes straight to its debrief."""
        scenario = self.report.scenario
        moved = what_if(scenario, self.report.play, event.choice)
        if moved.mode == EXAM and moved.finished(scenario):
            self.post_message(PlayFinished(scenario, moved, self.report.analysis, 0.0))
        else:
            self.post_message(ShowPlay(scenario, moved,
                                       event.choice if moved.mode == PRACTICE else None))

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        actions = {"retry": self.action_retry, "replay": self.action_replay,
                   "next": self.action_next, "leave": self.action_leave}
        if event.button.id in actions:
            actions[event.button.id]()

    def action_retry(self) -> None:
        scenario = self.report.scenario
        self.post_message(ShowPlay(scenario, start(scenario, self.report.play.mode)))

    def action_replay(self) -> None:
        from .replay import ReplayDialog

        def chosen(step: int | None) -> None:
            if step is not None:
                self.action_replay_step(step)

        self.app.push_screen(ReplayDialog(self.report), chosen)

    def action_replay_step(self, keep: int) -> None:
        """Replay from decision `keep + 1`, keeping the choices before it."""
        if keep < len(self.report.steps):
            self.post_message(ShowPlay(self.report.scenario, self.report.play.rewind(keep)))

    def action_next(self) -> None:
        self.post_message(OpenNext(self.report.scenario.id))

    def action_focus_tree(self) -> None:
        tree = self.query_one(DecisionTree)
        tree.focus()
        tree.scroll_visible()

    def action_leave(self) -> None:
        self.post_message(BackToCatalogue())
