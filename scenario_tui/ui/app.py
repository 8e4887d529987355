"""The Textual app: a small navigator that turns the screens' messages into screens."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme
from textual.timer import Timer
from textual.worker import Worker, WorkerState, get_current_worker

from ..play.modes import EXAM, PRACTICE, TIME_LIMIT, TIMED_EXAM
from ..play.progress_report import ReviewStatus
from ..play.saving import Saving
from ..play.session import Session, UnknownScenario
from ..progress.kinds import REPLAY, WHAT_IF
from ..progress.store_errors import WriteFailed
from .class_syncing import ClassSyncing
from .commands import ScenarioCommands
from .fast_keys import guard_fast_keys
from .links import CheckedLinksApp
from .messages import (
    BackToCatalogue,
    BackToDebrief,
    ModeChosen,
    OpenNext,
    OpenScenario,
    PlayFinished,
    ReviewAnswered,
    ReviewContinue,
    ReviewEnded,
    ShowPlay,
)
from .no_break import keep_no_break_spaces
from .screens.catalog import CatalogScreen
from .worker_errors import report_failure

if TYPE_CHECKING:
    from ..format.model import Choice, Scenario
    from ..play.engine import Play
    from ..play.review_run import ReviewRun, ReviewSummary

THEME_SETTING = "theme"
RETRY_SECONDS = 60.0
"""How often saves the store refused are tried again while the app runs (and at each return
to the catalogue)."""
SAVE_GROUP = "save"

guard_fast_keys()  # keys typed faster than the screen draws (see fast_keys)
keep_no_break_spaces()  # "50 %" never wraps at its no-break space (see no_break)


class ScenarioApp(CheckedLinksApp[int]):
    """Catalogue → play → debrief, stats and review, with help, a command palette and a
    remembered theme."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    """Absolute, so a subclass defined elsewhere (the tests' steady app) finds it too."""
    TITLE = "scenario-tui"
    COMMANDS = App.COMMANDS | {ScenarioCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        # Both first (priority): a dialog (resume, replay, all options) takes every other
        # key of the app's before it, and help opens there too.
        Binding("f1", "help", "Help", id="app.help", priority=True),
        Binding("question_mark", "help", "Help", show=False, priority=True),
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit"),
    ]

    session: Session
    """The library and the learner's progress; the served app (`served_app`) sets it once
    the learner has said who they are, and passes None until then."""

    def __init__(self, session: Session | None, *, start_id: str | None = None,
                 mode: str = PRACTICE, time_limit: int = TIME_LIMIT) -> None:
        super().__init__()
        self.start_id = start_id
        self.mode = mode
        """The mode new play-throughs start in (the catalogue switches it)."""
        self.time_limit = time_limit
        """Seconds per decision of a timed exam (`--timed`)."""
        self._retry: Timer | None = None
        """Tries the saves the store refused again, while there are any."""
        self.class_syncing = ClassSyncing(self)
        """Sends what was saved to the class store, if one is set up."""
        if session is not None:
            self.use_session(session)

    def use_session(self, session: Session) -> None:
        """Play on `session` from now on."""
        self.session = session
        # The store opens now, before any worker thread asks for it. The saved theme is set
        # before the stylesheet is first built: set on mount, it restyled every widget again.
        saved = session.store.setting(THEME_SETTING)
        if saved and saved in self.available_themes:
            self.theme = saved
        session.defer_saves = True  # from now on saves are made by `save_progress`

    def get_default_screen(self) -> Screen[None]:
        return CatalogScreen(self.session, self.mode)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.session.store.notice:
            self.notify(self.session.store.notice, title="Progress", severity="warning",
                        timeout=15, markup=False)
        if self.session.progress_off:
            self.notify(f"Progress is off: {self.session.progress_off}. You can play, but "
                        "nothing is kept after you quit.", title="Progress",
                        severity="warning", timeout=15, markup=False)
        self._saved(self.session.saved_at_start)
        # After the first frame: a worker thread started now would share the GIL with it.
        self.call_after_refresh(self.class_syncing.start, self.session)
        if self.start_id:
            self.open_scenario(self.start_id, self.mode)

    def on_ready(self) -> None:
        """The first frame is on screen: the collector `launch.run` paused runs again."""
        gc.enable()

    def _remember_theme(self, theme: Theme) -> None:
        with suppress(WriteFailed):  # the theme applies all the same, just not remembered
            self.session.store.set_setting(THEME_SETTING, theme.name)

    @work(thread=True, group=SAVE_GROUP, exit_on_error=False,
          description="Saving your progress")
    def save_progress(self) -> Saving:
        """Make the saves held by the session (and those waiting in the journal) off the
        event loop: another writer holding the store keeps this thread waiting, not the
        screen. `_saved` tells what became of them."""
        return self.session.save_held()

    def _saved(self, saving: Saving) -> None:
        """Show what became of a save, if there is anything to say, and keep trying again
        while saves wait."""
        if saving.notice:
            self.notify(saving.notice, title="Progress", markup=False, timeout=15,
                        severity="warning" if saving.waiting else "information")
        if saving.waiting and self._retry is None:
            self._retry = self.set_interval(RETRY_SECONDS, self.save_progress)
        elif not saving.waiting and self._retry is not None:
            self._retry.stop()
            self._retry = None

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
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
        else:  # at the part for the screen on show (`HELP_SECTION`), if it has one
            self.push_screen(HelpScreen(str(getattr(self.screen, "HELP_SECTION", ""))))

    def action_stats(self) -> None:
        """Show score history, mastery and mistakes."""
        from .screens.stats import StatsScreen

        self._present(StatsScreen(self.session))

    def action_review(self) -> None:
        """Replay the decisions due for review, one after another."""
        self.load_reviews()

    # Navigation -------------------------------------------------------------------------

    def _present(self, screen: Screen[None]) -> None:
        """Show `screen` above the catalogue, replacing any play or debrief screen."""
        self._stop_work_above_catalogue()
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if isinstance(self.screen, CatalogScreen):
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def _stop_work_above_catalogue(self) -> None:
        """Cancel the workers of the screens above the catalogue, before they go: Textual
        cancels them only once a screen's widgets are gone, and a command palette opened
        while a scenario loaded went on searching into its removed list (NoMatches)."""
        for shown in self.screen_stack[1:]:
            self.workers.cancel_node(shown)

    @on(BackToCatalogue)
    def show_catalog(self) -> None:
        """Back to the catalogue, with best scores brought up to date."""
        self._stop_work_above_catalogue()
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if self._retry is not None:  # saves are waiting: this is a next chance
            self.save_progress()
        if isinstance(self.screen, CatalogScreen):
            self.screen.refresh_stats()

    @on(ModeChosen)
    def _mode_chosen(self, event: ModeChosen) -> None:
        self.mode = event.mode

    @on(OpenScenario)
    def _open(self, event: OpenScenario) -> None:
        self.open_scenario(event.scenario_id, event.mode or self.mode)

    @on(OpenNext)
    def _open_next(self, event: OpenNext) -> None:
        next_id = self.session.next_id(event.scenario_id)
        if next_id is not None:
            self.open_scenario(next_id, self.mode)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False,
          description="Opening the scenario")
    def open_scenario(self, scenario_id: str, mode: str) -> None:
        """Load a scenario off the event loop and start playing it in `mode`. Opening
        another cancels this one: only the last scenario asked for is shown."""
        worker = get_current_worker()
        try:
            scenario = self.session.scenario(scenario_id)
            _ = self.session.glossary
            _ = self.session.misconceptions  # read here, not on the event loop
        except UnknownScenario:
            if not worker.is_cancelled:
                self.call_from_thread(self.notify, f"No playable scenario has the id "
                                      f"{scenario_id}.", severity="error", markup=False)
            return
        if not worker.is_cancelled:
            self.call_from_thread(self._start_play, worker, scenario, mode)

    def _start_play(self, worker: Worker[None], scenario: Scenario, mode: str) -> None:
        """Play `scenario` from the start, or first offer to resume the run left in it."""
        # Checked again here, on the event loop where cancelling happens: a worker can pass
        # its own check just before a newer one cancels it.
        if worker.is_cancelled:
            return
        offer = self.session.unfinished.resumable(scenario)
        if offer.notice:
            self.notify(offer.notice, title="Left part-way", severity="warning", timeout=10,
                        markup=False)
        if offer.play is None:
            self._play_from_start(scenario, mode)
            return
        from .screens.resume import RESUME, START_OVER, Answer, ResumeDialog

        resumed = offer.play

        def answered(answer: Answer | None) -> None:
            if answer == RESUME:
                self._play(scenario, resumed, offer.feedback, time_left=offer.time_left)
            elif answer == START_OVER:
                self.session.unfinished.drop(scenario.id)
                self._play_from_start(scenario, mode)

        kept_mode = TIMED_EXAM if resumed.time_limit is not None else resumed.mode
        self.push_screen(ResumeDialog(scenario.title, offer.decision, kept_mode, mode),
                         answered)

    def _play_from_start(self, scenario: Scenario, mode: str) -> None:
        from ..play.engine import start  # networkx comes with it: not before the first frame

        timed = mode == TIMED_EXAM
        self._play(scenario, start(scenario, EXAM if timed else mode, seed=self.session.seeds(),
                                   time_limit=self.time_limit if timed else None))

    def _play(self, scenario: Scenario, play: Play, feedback: Choice | None = None, *,
              time_left: float | None = None) -> None:
        from .screens.play import PlayScreen

        self._present(PlayScreen(self.session, scenario, play, feedback=feedback,
                                 time_left=time_left))

    @on(ShowPlay)
    def _show(self, event: ShowPlay) -> None:
        """A retry replaces the debrief; a replay or a "what if" goes over it, and Esc
        comes back to it (`BackToDebrief`)."""
        from .screens.debrief import DebriefScreen
        from .screens.play import PlayScreen

        if event.play.kind in (REPLAY, WHAT_IF) and isinstance(self.screen, DebriefScreen):
            self.push_screen(PlayScreen(self.session, event.scenario, event.play,
                                        feedback=event.feedback))
            return
        self._play(event.scenario, event.play, event.feedback)

    @on(BackToDebrief)
    def _back_to_debrief(self) -> None:
        from .screens.debrief import DebriefScreen

        if not any(isinstance(s, DebriefScreen) for s in self.screen_stack):
            self.show_catalog()
            return
        while not isinstance(self.screen, DebriefScreen):
            self.pop_screen()

    @on(PlayFinished)
    def _finished(self, event: PlayFinished) -> None:
        """Record a finished play-through and show its debrief."""
        from ..play.engine import debrief
        from .screens.debrief import DebriefScreen

        report = debrief(event.scenario, event.play, event.analysis)
        self.session.record(event.scenario, event.play, report.best, event.duration)
        self._present(DebriefScreen(report, self.session.misconceptions))
        self.save_progress()

    # Review -----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="open", exit_on_error=False,
          description="Finding the decisions due for review")
    def load_reviews(self) -> None:
        """Find the due decisions (loading their scenarios) off the event loop."""
        status = self.session.reviews()
        _ = self.session.misconceptions  # read here, not on the event loop
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._start_review, status)

    def _start_review(self, status: ReviewStatus) -> None:
        from ..play.review_run import ReviewRun
        from .screens.review import nothing_due

        if not status.due:
            self.notify(nothing_due(status), title="Review", markup=False)
            return
        self._show_review(ReviewRun(status.due))

    def _show_review(self, run: ReviewRun) -> None:
        """Replay the run's current decision (its scenario was loaded by `Session.reviews`)."""
        from .screens.review import ReviewScreen

        scenario = self.session.scenario(run.current.scenario_id)
        self._present(ReviewScreen(self.session, scenario, run))

    @on(ReviewAnswered)
    def _review_answered(self, event: ReviewAnswered) -> None:
        """Reschedule the reviewed decision's card with the learner's answer."""
        self.session.record_review(event.scenario, event.choice)
        self.save_progress()

    @on(ReviewContinue)
    def _next_review(self, event: ReviewContinue) -> None:
        """Go on to the run's next decision, or to the summary after the last."""
        if not event.run.last:
            self._show_review(event.run.advance())
            return
        self.sum_up_review(event.run)

    @on(ReviewEnded)
    def _review_ended(self, event: ReviewEnded) -> None:
        """Left early: the summary of what was answered, or the catalogue if nothing was."""
        if event.run.answered:
            self.sum_up_review(event.run)
        else:
            self.show_catalog()

    @work(thread=True, exclusive=True, group="review-report", exit_on_error=False,
          description="Summing up the review")
    def sum_up_review(self, run: ReviewRun) -> None:
        """Save the answers (in order, after any save under way), then work out when each
        card comes back, off the event loop."""
        from ..play.review_run import summarise

        summary = summarise(self.session, run)
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._show_review_summary, summary)

    def _show_review_summary(self, summary: ReviewSummary) -> None:
        from .screens.review_summary import ReviewSummaryScreen

        self._present(ReviewSummaryScreen(summary))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        saving = event.worker.result
        if event.state == WorkerState.SUCCESS and isinstance(saving, Saving):
            self._saved(saving)
            self.class_syncing.start(self.session)  # stored here first, then to the class
        report_failure(self, event)
