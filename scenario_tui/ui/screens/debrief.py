"""The debrief: score and grade, pillar bars, the step table and the whole decision tree."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widgets import Button, Static

from ...format.markdown_text import plain_line
from ...format.model import Misconception, Scenario
from ...play.chaos import has_faults
from ...play.engine import Debrief, start, what_if
from ...play.modes import EXAM, PRACTICE
from ...progress.kinds import EXPLORING
from ..messages import BackToCatalogue, OpenNext, PlayFinished, ShowPlay
from ..widgets.chaos_round import ChaosRound
from ..widgets.decision_tree import DecisionTree
from ..widgets.header_footer import ScreenFooter, ScreenHeader
from ..widgets.inline_text import inline
from ..widgets.mistake_text import mistakes_to_remember
from ..widgets.numbers import number, percent
from ..widgets.option_verdicts import Decision, OptionsDialog
from ..widgets.pillar_bars import bars_content
from ..widgets.step_table import StepTable, steps_table
from ..widgets.symbols import BEST, LINK, OUTCOME, YOURS, outcome_style
from ..widgets.tree_lines import TreeEntry, line_detail


def heading(title: str) -> Content:
    """A section's title (in a widget of the `section` class, which starts it after a blank
    line)."""
    return Content.styled(title, "bold $text-accent")


def run_label(report: Debrief) -> str:
    """`practice mode`, `timed exam mode`, or with `· what-if, not counted` for a run that
    explores (a replay said "practice mode" as an attempt does)."""
    play = report.play
    mode = "timed exam" if play.time_limit is not None else play.mode
    exploring = EXPLORING.get(play.kind)
    return f"{mode} mode" + (f"  ·  {exploring[0]}, not counted" if exploring else "")


def score_summary(report: Debrief) -> Content:
    """`Score −1 of 8 possible · −12 % · grade F`, the outcome and the ending's text."""
    outcome = report.outcome or "end"
    parts: list[str | Content | tuple[str, str]] = [
        ("Score ", "bold"), (number(report.score), "bold $accent"),
        (f" of {number(report.best)} possible", "bold"), f"  ·  {percent(report.percent)}  ·  ",
        ("Grade ", "bold"), (f" {report.grade} ", "bold reverse"),
        (f"  ·  {run_label(report)}", "dim"), "\n",
        (f"{OUTCOME.get(outcome, '■')} {outcome.capitalize()}: ", outcome_style(outcome)),
        inline(report.scenario.node(report.ending).text),
    ]
    if report.play.origin and report.play.origin != report.scenario.start:
        parts += ["\n", ("Scored from the decision you replayed from, not the start.", "dim")]
    return Content.assemble(*parts)


LEGEND = Content.assemble(
    (f"{YOURS} ", "bold"), "yours  ", (f"{BEST} ", "bold"), "best  ",
    (f"{LINK} ", "bold"), "joins a branch shown elsewhere (Enter jumps)  ",
    ("w", "bold $accent"), " what if I had chosen this?  ", ("o", "bold $accent"),
    " all options there")

ALL_OPTIONS_HERE = Content.styled("All options at this decision (o) ›",
                                  "underline $text-accent").stylize(
    Style.from_meta({"@click": "screen.tree_options"}))


class ActionButton(Button):
    """A compact button, styled once as it is added to the screen. (Textual's `Button` sets
    its compact and flat looks as it is made, and each restyles it in full, before it is
    added and styled anyway.)"""

    def __init__(self, label: str, id: str) -> None:
        super().__init__(label, id=id, compact=True)

    def update_node_styles(self, animate: bool = True) -> None:
        if self.is_attached:
            super().update_node_styles(animate)


class DebriefBody(VerticalScroll):
    """The debrief's scrolling body: focused when the debrief opens, so the arrows, j/k,
    PgUp/PgDn, Home/End and Space read it from the first key."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("space", "page_down", "Page down", show=False),
    ]

    def watch_has_focus(self, has_focus: bool) -> None:
        """Restyle the body alone as it takes or gives up the focus: only its own border
        shows the focus. Textual restyles everything in it too, the tree with each of its
        component styles: a tenth of the debrief's opening, which focuses the body."""
        self.app.stylesheet.update_nodes([self])


class DebriefScreen(Screen[None]):
    """What happened, what was best, and where to go next."""

    HELP_SECTION: ClassVar[str] = "Debrief"
    """The part of the help (its heading) that F1 opens at here."""

    DEFAULT_CSS = """
    DebriefScreen #debrief-body {
        height: 1fr;
        padding: 0 1;
        border: round $primary 40%;
        border-subtitle-color: $text-muted;
        /* The body's width never changes with its scrollbar: the step table is laid out at
           one width, not once without the scrollbar and again with it. */
        scrollbar-gutter: stable;
    }
    DebriefScreen .section {
        margin-top: 1;
    }
    DebriefScreen #debrief-body:focus {
        border: heavy $primary;
        border-subtitle-color: $text-primary;
    }

    DebriefScreen #summary {
        border: round $accent;
        padding: 0 1;
    }

    DebriefScreen #tree {
        height: 18;
        max-height: 70vh;
        border: round $primary 50%;
    }

    DebriefScreen #tree:focus {
        border: round $primary;
    }

    DebriefScreen #tree-detail {
        height: auto;
        padding: 0 1;
        margin-bottom: 1;
        color: $text-muted;
    }

    DebriefScreen #debrief-actions {
        height: auto;
        padding: 0 1;
        background: $panel;
    }

    DebriefScreen #debrief-actions Button {
        margin-right: 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "retry", "Retry", id="debrief.retry"),
        Binding("p", "replay", "Replay from…", id="debrief.replay"),
        Binding("n", "next", "Next scenario", id="debrief.next"),
        Binding("o", "options_in_view", "All options", id="debrief.options"),
        Binding("t", "focus_tree", "Tree", id="debrief.tree"),
        Binding("c", "chaos_round", "Chaos round", id="debrief.chaos"),
        Binding("escape", "leave", "Catalogue", id="debrief.leave"),
        # Digits choose only inside the replay picker (p, then 1-9): a learner still pressing
        # them as if playing would otherwise be thrown into a replay. Here they ring.
        Binding(",".join("123456789"), "app.bell", "Not here (p, then 1-9 replays)",
                show=False),
    ]

    KEYS_ON_BUTTONS: ClassVar[tuple[str, ...]] = ("retry", "replay", "next")
    """Keys the buttons below name too: a narrow key bar leaves them out first, for the
    tree's and the chaos round's, which have no button (`header_footer.keys_to_hide`)."""

    def __init__(self, report: Debrief,
                 misconceptions: Mapping[str, Misconception] | None = None) -> None:
        super().__init__()
        self.report = report
        self.misconceptions = misconceptions or {}
        """What each tag means: the play's mistakes show as beliefs and facts."""
        self._detailed: TreeEntry | None = None
        """The tree line whose detail is shown below the tree."""

    def compose(self) -> ComposeResult:
        """Each heading is drawn with the text below it (and the step table's above it), not
        as a widget of its own: every widget costs a debrief's opening its styling, layout
        and drawing, several times over as the screen mounts and takes the focus."""
        report = self.report
        yield ScreenHeader()
        with DebriefBody(id="debrief-body"):
            yield Static(score_summary(report), id="summary")
            yield Static(Content.assemble(
                heading("Well-Architected pillars"), "\n",
                bars_content(report.pillar_shares(), report.pillar_losses()), "\n\n",
                heading("Step by step")), id="pillars", classes="section")
            yield steps_table(report.steps, report.analysis, id="steps")
            remember = mistakes_to_remember(  # a timed-out step believed nothing
                (s.chosen for s in report.steps if s.verdict != "right" and not s.timed_out),
                self.misconceptions)
            if remember is not None:
                yield Static(Content.assemble(heading("Mistakes to remember"), "\n", remember),
                             id="mistakes-to-remember", classes="section")
            if has_faults(report.scenario):
                yield ChaosRound(report.scenario, report.play, id="chaos",
                                 offered=report.play.mode == EXAM)
            yield Static(Content.assemble(heading("The whole decision tree"), "\n", LEGEND),
                         id="legend", classes="section")
            tree = DecisionTree(id="tree", explains=True, numbered=False)
            if not self.tree_below_first_screen():
                self._show_tree(tree)  # before it is mounted: one layout for all its lines
            yield tree
            # Its first line's detail is there from the first frame, not a second layout
            # after the tree reports its cursor.
            start = self._detailed = TreeEntry(report.scenario.start)
            yield Static(self.detail(report.scenario, start), id="tree-detail")
        with Horizontal(id="debrief-actions"):
            yield ActionButton("Retry (r)", id="retry")
            yield ActionButton("Replay from… (p)", id="replay")
            yield ActionButton("Next (n)", id="next")
            yield ActionButton("Catalogue (Esc)", id="leave")
        yield ScreenFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`c` only where there is a chaos round."""
        if action == "chaos_round":
            return has_faults(self.report.scenario)
        return True

    def tree_below_first_screen(self) -> bool:
        """Whether what comes before the tree fills the first screen at least: the summary
        and the pillars take 15 lines or more, each step of the table 4 (its verdict, a
        blank line and its options link, and a rule), and the tree's heading 3."""
        return 15 + 4 * len(self.report.steps) + 4 + 3 >= self.app.size.height

    def _show_tree(self, tree: DecisionTree) -> None:
        """Fill the tree (once), expanded along both paths."""
        if tree.scenario is None:
            report = self.report
            tree.show(report.scenario, report.play.choices, report.analysis.best_path())

    def on_mount(self) -> None:
        self.sub_title = plain_line(self.report.scenario.title)
        body = self.query_one(DebriefBody)
        body.border_subtitle = "↑↓ j k PgUp PgDn Space scroll · o all options · t tree"
        body.focus()
        tree = self.query_one(DecisionTree)
        if tree.scenario is None:
            # Below the first screen, the tree is filled once that screen is drawn: the
            # debrief opens without waiting for a long play's hundreds of tree lines, and
            # they are there, as they would have been, before the tree can be scrolled to.
            self.call_after_refresh(self._show_tree, tree)

    @on(DecisionTree.NodeHighlighted, "#tree")
    def _highlighted(self, event: DecisionTree.NodeHighlighted[TreeEntry]) -> None:
        entry = event.node.data
        if entry is not None and entry != self._detailed:
            self._detailed = entry
            self.query_one("#tree-detail", Static).update(
                self.detail(self.report.scenario, entry))

    @staticmethod
    def detail(scenario: Scenario, entry: TreeEntry) -> Content:
        """What the tree's highlighted line shows below the tree."""
        return Content.assemble(line_detail(scenario, entry, numbered=False), "\n",
                                ALL_OPTIONS_HERE)

    def decisions(self) -> list[Decision]:
        """The play's decisions, in order, for the options dialog to page through."""
        seed = self.report.play.seed  # listed as the learner saw them
        return [Decision(step.node, step.chosen, step.number, seed, step.timed_out)
                for step in self.report.steps]

    def action_show_options(self, at: int) -> None:
        """Every option at the play's decision `at` (0-based); ←/→ reach the others."""
        decisions = self.decisions()
        if decisions:
            self.app.push_screen(OptionsDialog(self.report.analysis, decisions, at,
                                               self.misconceptions))

    def action_options_in_view(self) -> None:
        """Every option at the first decision of the step table on screen (the first
        decision while the table is below, the last once it is above): `o` opened at
        decision 1 wherever the learner had scrolled to."""
        body = self.query_one(DebriefBody)
        table = self.query_one("#steps", StepTable)
        top = round(body.scroll_offset.y) - table.virtual_region.y
        self.action_show_options(table.layout_at(table.size.width).step_at(max(0, top)))

    def action_tree_options(self) -> None:
        tree = self.query_one(DecisionTree)
        entry = tree.cursor_node.data if tree.cursor_node else None
        if entry is not None:
            self.options_at(entry.decision)

    @on(DecisionTree.OptionsWanted, "#tree")
    def _tree_options(self, event: DecisionTree.OptionsWanted) -> None:
        self.options_at(event.node)

    def options_at(self, node: str) -> None:
        """Every option at `node`: within the play's decisions when the play made it."""
        at = next((i for i, step in enumerate(self.report.steps) if step.node == node), None)
        if at is not None:
            self.action_show_options(at)
        elif self.report.scenario.choices(node):
            self.app.push_screen(OptionsDialog(self.report.analysis,
                                               [Decision(node, seed=self.report.play.seed)],
                                               misconceptions=self.misconceptions))

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
        played = self.report.play  # a retry shows the choices in the same order
        self.post_message(ShowPlay(scenario, start(scenario, played.mode, seed=played.seed,
                                                   time_limit=played.time_limit)))

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
        self._show_tree(tree)
        tree.focus()
        tree.scroll_visible()

    async def action_chaos_round(self) -> None:
        """Run the chaos round where it waits (exam mode), and bring it into view."""
        for chaos in self.query(ChaosRound):
            await chaos.run()
            chaos.scroll_visible(top=True)

    def action_leave(self) -> None:
        self.post_message(BackToCatalogue())
