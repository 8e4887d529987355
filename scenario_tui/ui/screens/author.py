"""The author preview: watch one scenario file and show its problems, or its graph and a player.

Each save is noticed and the file looked at off the loop (`author_watch.WatchingScreen`); the
screen only draws each new `FileCheck`. The play-through is one immutable `Trial` in a reactive,
replaced whole on every move and carried over to the edited scenario on each save, so the
author keeps their place.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import ContentSwitcher, OptionList, Static
from textual.worker import Worker

from ...analysis.scoring import Analysis, analyse
from ...authoring.file_check import BROKEN, VALID, WRITING, FileCheck, carry_over, problem_in
from ...authoring.file_watch import FileWatcher
from ...authoring.path_change import path_change
from ...format.glossary import scopes as glossary_scopes
from ...format.text_safety import clean, one_line
from ...play.engine import PlayError, start, what_if
from ...play.modes import PRACTICE
from ..widgets.author_architecture import AuthorArchitecture
from ..widgets.decision_tree import DecisionTree, TreeEntry
from ..widgets.file_status import author_status_line, plural, state_content
from ..widgets.header_footer import ScreenFooter, ScreenHeader
from ..widgets.path_notice import PathNotice
from ..widgets.player import Player, PlayerActions
from ..widgets.preview_text import LEGEND, Trial, node_line, preview_view
from ..widgets.problem_list import ProblemList
from ..widgets.source_view import SourceView
from ..worker_errors import report_failure
from .author_commands import NodeCommands
from .author_watch import WATCHFILES, WatchingScreen

STATE_VIEW, PROBLEMS_VIEW, PREVIEW_VIEW = "state-view", "problems-view", "preview-view"

class AuthorScreen(PlayerActions, WatchingScreen):
    """Problems with their source while the file is broken; graph and player once it is valid."""

    COMMANDS = Screen.COMMANDS | {NodeCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        # First, so that a narrow footer keeps it while the notice shows (it drops from the right)
        Binding("escape", "dismiss_notice", "Dismiss notice", id="author.dismiss_notice"),
        Binding("t", "test_here", "Test from here", id="author.test_here"),
        Binding("1", "choose(0)", "Choose", key_display="1-9", id="author.choose"),
        *(Binding(str(n), f"choose({n - 1})", show=False) for n in range(2, 10)),
        Binding("enter", "continue", "Continue", id="author.continue"),
        Binding("enter", "choose_highlighted", "Choose", show=False),
        Binding("u", "undo", "Undo", id="author.undo"),
        Binding("r", "restart", "Restart", id="author.restart"),
        Binding("f", "run_faults", "Run faults", id="author.faults"),
        Binding("f", "no_faults", "Run faults", show=False),
        Binding("a", "toggle_architecture", "Architecture", id="author.architecture"),
        Binding("g", "focus_graph", "Graph", id="author.graph", show=False),
        Binding("p", "show_problems", "Problems", id="author.problems"),
        Binding("escape", "show_preview", "Preview", id="author.preview"),
        Binding("ctrl+r", "recheck", "Check again", id="author.recheck"),
    ]
    KEYS_ON_BUTTONS: ClassVar[tuple[str, ...]] = ("choose", "continue", "undo", "all_options")
    """Keys a narrow footer leaves out first after Quit: the choices show their numbers and
    the feedback's buttons name their actions, so the author's own keys keep their room."""

    trial: reactive[Trial | None] = reactive(None, init=False, always_update=True,
                                             bindings=True)
    shown: reactive[FileCheck | None] = reactive(None, init=False, bindings=True)
    """The check on screen (a passing state like "being written" keeps the last one)."""
    pane: reactive[str] = reactive(STATE_VIEW, init=False, bindings=True)
    """Which view shows: the file's state, its problems, or the graph and preview."""

    def __init__(self, watcher: FileWatcher, interval: float = 0.5, *,
                 poll: bool = False) -> None:
        super().__init__(watcher, interval, poll=poll)
        self.latest: FileCheck | None = None
        self.analysis: Analysis | None = None
        self._wants_problems = False

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        yield Static(id="author-status")
        yield PathNotice(id="path-notice")
        with ContentSwitcher(initial=STATE_VIEW, id="author-views"):
            yield Static("Reading the file…", id=STATE_VIEW)
            with Vertical(id=PROBLEMS_VIEW):
                yield ProblemList(id="problems")
                yield SourceView(id="source")
            with Horizontal(id=PREVIEW_VIEW):
                with Vertical(id="graph-panel"):
                    yield Static(LEGEND, id="graph-legend")
                    yield DecisionTree(id="graph", fills=True)
                    yield Static(id="graph-detail")
                    yield AuthorArchitecture(id="author-architecture")
                yield Player(id="preview")
        yield ScreenFooter()

    def on_mount(self) -> None:
        self.sub_title = clean(str(self.watcher.path))
        self.query_one("#graph").border_title = "Decision graph"
        self.watch_file()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failure(self, event)

    @on(WatchingScreen.FileChecked)
    def _checked(self, event: WatchingScreen.FileChecked) -> None:
        self.show_check(event.check)
        if event.check.state == WRITING and self.watched_by == WATCHFILES:
            self.set_timer(self.interval, self._poll)  # the write may end without another event

    def show_check(self, check: FileCheck) -> None:
        """Draw `check`; a write in progress or an editor's unsaved state only touch the status."""
        self.latest = check
        shown = self.shown
        same_content = shown is not None and replace(shown, unsaved="") == replace(
            check, unsaved="")
        passing = check.state == WRITING and shown is not None and shown.shows_content
        if not (same_content or passing):
            self.shown = check
            if check.state == VALID:
                self._show_valid(check)
            elif check.state == BROKEN:
                self._show_problems(check)
            else:
                self._show_state(check)
        self._show_status()

    def _show_status(self) -> None:
        if self.latest is not None and self.shown is not None:
            best = self.analysis.best_score if self.analysis else 0
            self.query_one("#author-status", Static).update(
                author_status_line(self.latest, self.shown, best))

    def _show_state(self, check: FileCheck) -> None:
        self.query_one(f"#{STATE_VIEW}", Static).update(state_content(check))
        self._switch(STATE_VIEW)

    def _show_problems(self, check: FileCheck) -> None:
        problems = self.query_one(ProblemList)
        problems.show(check.problems, check.path, problems.highlighted or 0)
        problems.border_title = "Problems"  # one name, as the `p` key and the help say
        problems.border_subtitle = f"{plural(len(check.errors), 'error')}, " \
            f"{plural(len(check.warnings), 'warning')}"
        problems.set_class(not check.errors, "-warnings-only")
        self._show_source(problems.highlighted)
        if check.state == BROKEN or self._wants_problems:
            self._switch(PROBLEMS_VIEW)

    def _show_source(self, index: int | None) -> None:
        check, source = self.shown, self.query_one(SourceView)
        if check is None or index is None or not 0 <= index < len(check.problems):
            source.note("No problems: the file is valid." if check and check.state == VALID
                        else "")
            return
        problem = check.problems[index]
        if problem_in(check, problem):
            source.show(check.lines, problem)
        else:
            source.note(f"This problem is in {problem.path}, not in the watched file.")

    def _show_valid(self, check: FileCheck) -> None:
        assert check.scenario is not None
        scenario = check.scenario
        self.analysis = analyse(scenario)
        tree = self.query_one(DecisionTree)
        kept = self._tree_entry()
        tree.show(scenario, (), self.analysis.best_path())
        if kept is not None and kept.node in scenario.graph:
            tree.reveal(kept.node)
        self._describe(kept.node if kept is not None and kept.node in scenario.graph
                       else scenario.start)
        self._show_problems(check)
        old = self.trial
        self.trial = Trial(carry_over(old.play, scenario) if old else start(scenario))
        if old is not None:
            self.query_one(PathNotice).show(path_change(old.play, self.trial.play, scenario))
        if not self._wants_problems:
            self._switch(PREVIEW_VIEW)

    def _switch(self, pane: str) -> None:
        self.pane = pane

    def watch_pane(self, pane: str) -> None:
        self.query_one(ContentSwitcher).current = pane
        target = {PROBLEMS_VIEW: "#problems", PREVIEW_VIEW: "#graph"}.get(pane)
        if target:
            self.query_one(target).focus()

    # The preview ------------------------------------------------------------------------

    def watch_trial(self, trial: Trial | None) -> None:
        check, player, analysis = self.shown, self.query_one(Player), self.analysis
        self.query_one(AuthorArchitecture).show(check.scenario if check else None,
                                                trial.play if trial else None,
                                                glossary_scopes(check.glossary) if check else None)
        if trial is None or check is None or check.scenario is None or analysis is None:
            player.border_title = "Preview"
            player.notice = "Nothing to play until the file is valid."
            player.view = None
            return
        scenario = check.scenario
        player.border_title = f"Preview from ‹{one_line(trial.play.origin or scenario.start, 40)}›"
        player.view = preview_view(scenario, analysis, trial, check.misconceptions)
        focused = self.focused
        lost = focused is None or any(not w.display for w in focused.ancestors_with_self)
        if (trial.feedback is not None or lost) and not player.focus_current():
            self.query_one(DecisionTree).focus()

    def _tree_entry(self) -> TreeEntry | None:
        cursor = self.query_one(DecisionTree).cursor_node
        return cursor.data if cursor is not None else None

    @property
    def _playable(self) -> bool:
        return self.shown is not None and self.shown.state == VALID

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show only the keys that apply to the view and the play on screen."""
        view = self.pane
        if action == "show_problems":
            return self._playable and view == PREVIEW_VIEW
        if action == "show_preview":
            return self._playable and view == PROBLEMS_VIEW
        if action == "dismiss_notice":
            return view == PREVIEW_VIEW and self.query_one(PathNotice).showing
        if action in ("run_faults", "no_faults"):
            runnable = self.query_one(AuthorArchitecture).runnable
            return view == PREVIEW_VIEW and runnable == (action == "run_faults")
        if action == "toggle_architecture":
            return view == PREVIEW_VIEW and self.query_one(AuthorArchitecture).available
        if action not in ("test_here", "restart", "focus_graph", "choose", "choose_highlighted",
                          "continue", "undo"):
            return True
        trial, check = self.trial, self.shown
        if not self._playable or view != PREVIEW_VIEW or trial is None or check is None \
                or check.scenario is None:
            return False
        choosing = trial.feedback is None and not trial.play.finished(check.scenario)
        available = {
            "choose": choosing,
            "choose_highlighted": choosing,
            "continue": trial.feedback is not None,
            "undo": bool(trial.play.choices),
            "restart": bool(trial.play.choices) or trial.feedback is not None,
        }
        return available.get(action, True)

    def action_test_here(self) -> None:
        """Play from the node highlighted in the graph."""
        entry = self._tree_entry()
        if entry is not None:
            self.test_from(entry.node)

    def test_from(self, node: str, *, reveal: bool = False) -> None:
        """Start the preview at `node`, practice style ("test from here")."""
        if self.shown is None or self.shown.scenario is None or \
                node not in self.shown.scenario.graph:
            return
        if reveal:
            self.query_one(DecisionTree).reveal(node)
            self._describe(node)
        self.trial = Trial(start(self.shown.scenario, PRACTICE, origin=node))
        self.query_one(Player).focus_current()

    def action_choose(self, index: int) -> None:
        trial, check = self.trial, self.shown
        if trial is None or trial.feedback is not None or check is None or \
                check.scenario is None:
            return
        try:
            play = trial.play.choose(check.scenario, index)
        except PlayError:
            self.app.bell()
            return
        self.trial = Trial(play, play.choices[-1])

    def action_continue(self) -> None:
        if self.trial is not None and self.trial.feedback is not None:
            self.trial = Trial(self.trial.play)

    def action_undo(self) -> None:
        if self.trial is not None and self.trial.play.choices:
            self.trial = Trial(self.trial.play.undo())

    def action_restart(self) -> None:
        if self.trial is not None:
            self.trial = Trial(self.trial.play.rewind(0))

    def action_run_faults(self) -> None:
        self.query_one(AuthorArchitecture).run_faults()

    def action_no_faults(self) -> None:
        """`f` on a scenario without faults: say why nothing runs."""
        self.notify("This scenario has no faults to run: add a `faults:` section (see "
                    "docs/authoring.md) and save.", title="No faults", markup=False)

    def action_toggle_architecture(self) -> None:
        """Hide the architecture panel for more graph, or show it again."""
        self.query_one(AuthorArchitecture).toggle()

    def action_focus_graph(self) -> None:
        """Back to the graph, its cursor on the situation the preview is at."""
        tree, trial, check = self.query_one(DecisionTree), self.trial, self.shown
        tree.focus()
        if trial is not None and check is not None and check.scenario is not None:
            node = trial.play.node(check.scenario)
            tree.reveal(node)
            self._describe(node)

    def action_show_problems(self) -> None:
        self._wants_problems = True
        self._switch(PROBLEMS_VIEW)

    def action_show_preview(self) -> None:
        self._wants_problems = False
        if self._playable:
            self._switch(PREVIEW_VIEW)

    def action_dismiss_notice(self) -> None:
        self.query_one(PathNotice).dismiss()

    def action_recheck(self) -> None:
        """Check the file again now, changed or not."""
        self._poll(force=True)

    @on(OptionList.OptionHighlighted, "#problems")
    def _problem_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_source(event.option_index)

    @on(DecisionTree.NodeHighlighted, "#graph")
    def _node_highlighted(self, event: DecisionTree.NodeHighlighted[TreeEntry]) -> None:
        if event.node.data is not None:
            self._describe(event.node.data.node)

    def _describe(self, node_id: str) -> None:
        """Name the node under the graph's cursor, with its line: authors edit by id."""
        check = self.shown
        if check is None or check.scenario is None:
            return
        self.query_one("#graph-detail", Static).update(node_line(check.scenario.node(node_id)))

    @on(DecisionTree.WhatIf, "#graph")
    def _what_if(self, event: DecisionTree.WhatIf) -> None:
        """Play on as if the highlighted choice had been taken: the preview's path up to
        where it is offered is kept, or the preview starts there."""
        scenario = self.shown.scenario if self.shown is not None else None
        if scenario is None:
            return
        current = self.trial.play if self.trial is not None else start(scenario)
        self.trial = Trial(what_if(scenario, current, event.choice), event.choice)

