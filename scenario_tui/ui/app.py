"""The Textual app: screens, navigation between them, theme memory, and `run(args)`."""

from __future__ import annotations

import argparse
import gc
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import Input

from ..play.modes import EXAM, PRACTICE
from ..play.session import ReviewStatus, Session, UnknownScenario
from .commands import ScenarioCommands
from .screens.catalog import CatalogScreen

if TYPE_CHECKING:
    from ..analysis.scoring import Analysis
    from ..format.model import Choice, Scenario
    from ..play.engine import Play
    from .screens.review import ReviewRun

THEME_SETTING = "theme"
EXIT_WHEN_READY = "SCENARIO_TUI_EXIT_WHEN_READY"
"""Benchmarks set this: the app exits as soon as the catalogue is interactive."""


class ScenarioApp(App[int]):
    """Catalogue → play → debrief, stats and review, with help, a command palette and a
    remembered theme."""

    CSS_PATH = "app.tcss"
    TITLE = "scenario-tui"
    COMMANDS = App.COMMANDS | {ScenarioCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", id="app.help"),
        Binding("question_mark", "help", "Help", show=False, priority=True),
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit"),
    ]

    def __init__(self, session: Session, *, start_id: str | None = None,
                 mode: str = PRACTICE, exit_when_ready: bool = False,
                 cursor_blink: bool = True) -> None:
        super().__init__()
        self.session = session
        self.start_id = start_id
        self.mode = mode
        """The mode new play-throughs start in (the catalogue switches it)."""
        self.exit_when_ready = exit_when_ready
        self.cursor_blink = cursor_blink
        """Tests turn blinking off so screenshots are stable."""
        # The store opens now, before any worker thread asks for it. The saved theme is set
        # before the stylesheet is first built: set on mount, it restyled every widget again.
        saved = session.store.setting(THEME_SETTING)
        if saved and saved in self.available_themes:
            self.theme = saved

    def get_default_screen(self) -> Screen:
        return CatalogScreen()

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.session.store.notice:
            self.notify(self.session.store.notice, title="Progress", severity="warning",
                        timeout=15)
        if self.start_id:
            self.open_scenario(self.start_id)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Every input blinks only if the app does: the filter, the command palette's too."""
        if not self.cursor_blink and isinstance(event.widget, Input):
            event.widget.cursor_blink = False

    def _remember_theme(self, theme: Theme) -> None:
        self.session.store.set_setting(THEME_SETTING, theme.name)

    def catalog_ready(self) -> None:
        """Called by the catalogue once it is filled in."""
        if self.exit_when_ready:
            self.call_after_refresh(self.exit, 0)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette's own commands, plus statistics and review."""
        yield from super().get_system_commands(screen)
        yield SystemCommand("Statistics", "Score history, mastery and your most frequent "
                            "mistakes", self.action_stats)
        yield SystemCommand("Review due decisions", "Replay the decisions you missed before "
                            "that are due again", self.action_review)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
        else:
            self.push_screen(HelpScreen())

    # Navigation -------------------------------------------------------------------------

    def _present(self, screen: Screen[None]) -> None:
        """Show `screen` above the catalogue, replacing any play or debrief screen."""
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if isinstance(self.screen, CatalogScreen):
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def show_catalog(self) -> None:
        """Back to the catalogue, with best scores brought up to date."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if isinstance(self.screen, CatalogScreen):
            self.screen.refresh_stats()

    @work(thread=True, exclusive=True, group="open")
    def open_scenario(self, scenario_id: str) -> None:
        """Load a scenario off the event loop and start playing it in the current mode."""
        try:
            scenario = self.session.scenario(scenario_id)
            _ = self.session.glossary
        except UnknownScenario:
            self.call_from_thread(self.notify, f"No playable scenario has the id {scenario_id}.",
                                  severity="error")
            return
        self.call_from_thread(self.start_play, scenario, self.mode)

    def open_next(self, scenario_id: str) -> None:
        next_id = self.session.next_id(scenario_id)
        if next_id is not None:
            self.open_scenario(next_id)

    def start_play(self, scenario: Scenario, mode: str) -> None:
        from ..play.engine import start

        self.show_play(scenario, start(scenario, mode))

    def show_play(self, scenario: Scenario, play: Play, feedback: Choice | None = None) -> None:
        from .screens.play import PlayScreen

        self._present(PlayScreen(scenario, play, feedback=feedback))

    def replay_from(self, scenario: Scenario, play: Play, keep: int) -> None:
        """Play again, keeping the first `keep` choices of `play`."""
        self.show_play(scenario, play.rewind(keep))

    def what_if(self, scenario: Scenario, play: Play, choice: Choice) -> None:
        """Replay as if `choice` had been taken where it is offered."""
        from ..play.engine import start

        earlier = [i for i, c in enumerate(play.choices) if c.source == choice.source]
        if earlier:
            base = play.rewind(earlier[0])
        else:
            base = start(scenario, play.mode, origin=choice.source)
        moved = base.choose(scenario, choice.index)
        if moved.mode == EXAM and moved.finished(scenario):
            self.finish(scenario, moved, None, 0.0)
        else:
            self.show_play(scenario, moved, choice if moved.mode == PRACTICE else None)

    # Statistics and review -------------------------------------------------------------

    def action_stats(self) -> None:
        """Show score history, mastery and mistakes."""
        from .screens.stats import StatsScreen

        self._present(StatsScreen())

    def action_review(self) -> None:
        """Replay the decisions due for review, one after another."""
        self.load_reviews()

    @work(thread=True, exclusive=True, group="open")
    def load_reviews(self) -> None:
        """Find the due decisions (loading their scenarios) off the event loop."""
        status = self.session.reviews()
        self.call_from_thread(self.start_review, status)

    def start_review(self, status: ReviewStatus) -> None:
        from .screens.review import ReviewRun, nothing_due

        if not status.due:
            self.notify(nothing_due(status), title="Review")
            return
        self.show_review(ReviewRun(status.due))

    def show_review(self, run: ReviewRun) -> None:
        """Replay the run's current decision (its scenario was loaded by `Session.reviews`)."""
        from .screens.review import ReviewScreen

        self._present(ReviewScreen(self.session.scenario(run.current.scenario_id), run))

    def review_answered(self, scenario: Scenario, choice: Choice) -> None:
        """Reschedule the reviewed decision's card with the learner's answer."""
        self.session.record_review(scenario, choice)

    def next_review(self, run: ReviewRun) -> None:
        """Go on to the run's next decision, or back to the catalogue after the last."""
        if not run.last:
            self.show_review(run.advance())
            return
        self.show_catalog()
        self.report_review(run)

    @work(thread=True, exclusive=True, group="review-report")
    def report_review(self, run: ReviewRun) -> None:
        from .screens.review import finished

        status = self.session.reviews()
        self.call_from_thread(self.notify, finished(run, status), title="Review finished")

    def finish(self, scenario: Scenario, play: Play, analysis: Analysis | None,
               duration: float) -> None:
        """Record a finished play-through and show its debrief."""
        from ..play.engine import debrief
        from .screens.debrief import DebriefScreen

        report = debrief(scenario, play, analysis)
        self.session.record(scenario, play, report.best, duration)
        self._present(DebriefScreen(report))


def run(args: argparse.Namespace, session: Session | None = None) -> int:
    """Start the TUI for the parsed command line; `play ID [--exam]` opens one scenario."""
    session = session or Session.create(args.scenarios, args.data_dir)
    app = ScenarioApp(session, start_id=getattr(args, "scenario_id", None),
                      mode=EXAM if getattr(args, "exam", False) else PRACTICE,
                      exit_when_ready=bool(os.environ.get(EXIT_WHEN_READY)))
    # What the imports made lives as long as the process: moved out of the collector's
    # reach, it is not scanned again by the full collections that start-up would trigger.
    gc.freeze()
    app.run()
    return app.return_code or 0
