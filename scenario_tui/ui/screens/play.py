"""Play one scenario: the situation, the choices, the decisions so far and the services."""

from __future__ import annotations

from functools import cached_property
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import Reactive, reactive
from textual.widget import Widget

from ...analysis.scoring import Analysis, analyse
from ...format.glossary import scopes as glossary_scopes
from ...format.model import Choice, Scenario
from ...format.text_safety import clean
from ...play.chaos import has_architecture
from ...play.countdown import Countdown, left_text
from ...play.engine import Play, PlayError
from ...play.modes import EXAM, PRACTICE
from ...play.session import Session
from ...progress.kinds import EXPLORING, REPLAY, WHAT_IF
from ..messages import BackToCatalogue, BackToDebrief, PlayFinished
from ..widgets.architecture_view import (
    SHORT_BELOW,
    ArchitectureView,
    remembered_classes,
    toggle_panel,
)
from ..widgets.breadcrumb import Breadcrumb
from ..widgets.header_footer import ScreenFooter, ScreenHeader
from ..widgets.numbers import number
from ..widgets.player import Player, PlayerActions, PlayerView
from ..widgets.service_cards import ServiceCards
from .responsive import ResponsiveScreen

SERVICES_SETTING = "services-panel.{}"
"""The learner's choice for the service cards in one layout: "shown" or "hidden"."""
SERVICES_SHOWN = {"narrow": "hidden", "wide": "shown"}
"""What each layout does until the learner presses `s` in it (app.tcss folds the cards
below 100 columns, where they took 26 of 80)."""


def _flip(state: str) -> str:
    return "shown" if state == "hidden" else "hidden"


def _services_class(layout: str, default: str) -> str:
    """The class that turns a layout's default round: `-services-narrow-shown`."""
    return f"-services-{layout}-{_flip(default)}"


class PlayScreen(PlayerActions, ResponsiveScreen):
    """One play-through. The `play` value is replaced whole on every move."""

    HELP_SECTION: ClassVar[str] = "Playing"
    """The part of the help (its heading) that F1 opens at here."""

    DEFAULT_CSS = """
    PlayScreen #breadcrumb {
        height: auto;
        max-height: 2;
        padding: 0 1;
        background: $panel;
    }

    PlayScreen #play-body {
        height: 1fr;
        align-horizontal: center;
    }

    /* A reading column: on a wide terminal the situation stays about 100 columns wide,
       centred with the cards beside it, instead of running across the whole screen. */
    PlayScreen #player {
        max-width: 100;
    }

    PlayScreen #services {
        width: 30;
        max-width: 36%;
        border-left: vkey $primary 50%;
        padding: 0 1;
    }

    /* The cards fold away below 100 columns; `s` shows or hides them, remembered for each
       layout (PlayScreen adds the class for the learner's choice). */
    PlayScreen.-narrow #services {
        display: none;
    }

    PlayScreen.-narrow.-services-narrow-shown #services {
        display: block;
    }

    PlayScreen.-wide.-services-wide-hidden #services {
        display: none;
    }

    PlayScreen .service-card {
        margin-top: 1;
    }

    PlayScreen .service-docs {
        color: $text-muted;
    }

    PlayScreen.-narrow .service-docs {
        display: none;
    }

    PlayScreen.-narrow #services {
        width: 26;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "choose(0)", "Choose", key_display="1-9", id="play.choose"),
        *(Binding(str(n), f"choose({n - 1})", show=False) for n in range(2, 10)),
        Binding("enter", "continue", "Continue", id="play.continue", show=False),  # on its row
        Binding("enter", "choose_highlighted", "Choose", show=False),
        Binding("u", "undo", "Undo", id="play.undo"),
        Binding("s", "toggle_services", "Services", id="play.services"),
        Binding("a", "toggle_architecture", "Architecture", id="play.architecture"),
        Binding("escape", "leave", "Catalogue", id="play.leave"),
        Binding("escape", "back_to_debrief", "Debrief", id="play.debrief"),
    ]
    """Esc is one of the last two, whichever says where it goes (`check_action`)."""

    play: reactive[Play] = reactive(Play(""), init=False, always_update=True, bindings=True,
                                    repaint=False)
    feedback: reactive[Choice | None] = reactive(None, init=False, bindings=True,
                                                 repaint=False)
    """The choice just made, while practice mode shows its explanation. Neither reactive
    repaints the screen: the widgets that change refresh themselves, and a repaint of the
    whole screen on each key was most of a choice's time to its feedback."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """Textual's own, without its repaint of the whole screen: a choice moves the focus to
    Continue, and the widgets that gain or lose it restyle themselves."""

    def __init__(self, session: Session, scenario: Scenario, play: Play, *,
                 feedback: Choice | None = None, time_left: float | None = None) -> None:
        super().__init__()
        self.session = session
        self.scenario = scenario
        self.analysis: Analysis = analyse(scenario)
        self.started = 0.0
        self.countdown = Countdown(play.time_limit or 0, session.clock)
        """The time left on the decision on screen, when the play is a timed exam."""
        self._time_left = time_left
        """A resumed timed exam's time left on its decision (the whole limit when None)."""
        self._services_of: tuple[str, ...] | None = None
        self.set_reactive(PlayScreen.play, play)
        self.set_reactive(PlayScreen.feedback, feedback if play.mode == PRACTICE else None)
        for layout, default in SERVICES_SHOWN.items():
            if session.preference(SERVICES_SETTING.format(layout)) == _flip(default):
                self.add_class(_services_class(layout, default), update=False)
        self.add_class(*remembered_classes(session), update=False)
        # Kept at hand: a choice brings them up to date, and a query for each cost more
        # than the engine's move.
        self._breadcrumb = Breadcrumb(id="breadcrumb")
        self._player = Player(id="player")
        self._services = ServiceCards(id="services")
        self._architecture = ([ArchitectureView(id="architecture")]
                              if has_architecture(scenario) else [])

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        yield self._breadcrumb
        with Horizontal(id="play-body"):
            yield self._player
            yield self._services
        yield from self._architecture
        yield ScreenFooter()

    def on_mount(self) -> None:
        self.started = self.session.clock()
        self.sub_title = clean(self.scenario.title)
        if self.timed:
            self.countdown.restart(self._time_left)
            self.set_interval(1, self.check_time, name="countdown")
        self.call_after_refresh(self.refresh_view)

    @property
    def timed(self) -> bool:
        """A timed exam: each decision has a countdown."""
        return self.play.mode == EXAM and self.play.time_limit is not None

    def check_time(self) -> None:
        """On each tick: show the time left, or take the time-out when it has run out (no
        answer: `Play.time_out`)."""
        if not self.timed or self.play.finished(self.scenario) or not self.is_mounted:
            return
        if self.countdown.expired():
            decision = self.play.decision_number(len(self.play.choices))
            self.play = self.play.time_out(self.scenario, self.analysis)
            self.notify(f"Decision {decision} had no answer in time: it counts as its "
                        "lowest-scoring choice, and the debrief marks it \"timed out\".",
                        title="Time's up", severity="warning", markup=False)
            self._finish_if_done()
            return
        self._player.show_status(self.play_status())

    @on(events.ScreenSuspend)
    def _pause_countdown(self) -> None:
        """Help, the command palette or a dialog covers the play: its clock stops."""
        self.countdown.pause()

    @on(events.ScreenResume)
    def _resume_countdown(self) -> None:
        self.countdown.resume()

    def watch_play(self) -> None:
        if self.timed:
            self.countdown.restart()  # a new decision: its own full time
        self._keep_run(save=False)
        self.refresh_view()

    def watch_feedback(self) -> None:
        self._keep_run(save=False)
        self.refresh_view()

    def on_unmount(self) -> None:
        """However the screen goes (Esc, the palette, quitting), the run left part-way is
        kept for the catalogue to offer again; a finished one was recorded and goes."""
        self._keep_run()

    @property
    def exploring(self) -> bool:
        """A replay or a "what if" opened from a debrief: not a run to resume later."""
        return self.play.kind in (REPLAY, WHAT_IF)

    def _keep_run(self, save: bool = True) -> bool:
        if self.exploring:
            return False
        return self.session.unfinished.keep(
            self.scenario, self.play, self.feedback is not None, save=save,
            time_left=self.countdown.remaining() if self.timed else None)

    def player_view(self) -> PlayerView:
        """What the player shows now."""
        return PlayerView(self.scenario, self.analysis, self.play, self.feedback,
                          status=self.play_status(),
                          misconceptions=self.session.misconceptions)

    def refresh_view(self) -> None:
        """Show the current situation, choices, breadcrumb, feedback and service cards."""
        if not self.is_mounted or self not in self.app.screen_stack:
            return  # not mounted yet, or replaced before its first refresh (its widgets go)
        player = self._player
        player.view = self.player_view()
        # The trail and the focus follow once the frame with the feedback is drawn: the
        # learner reads the answer first. The breadcrumb runs across the whole screen, so
        # drawing it in the same frame redrew the service cards too; moving the focus
        # restyles the widget that loses it and the one that gains it.
        self.call_after_refresh(self.show_trail)
        self.call_after_refresh(player.focus_current)
        for panel in self._architecture:
            panel.show(self.scenario, self.play, self._scopes)
            panel.make_room(self.app.size.height < SHORT_BELOW)
        if self._architecture and self.feedback is None:
            self.call_after_refresh(self.reserve_architecture)
        node = self.scenario.node(player.view.node)
        services = node.services or self.scenario.services
        if services != self._services_of:
            self._services_of = services
            self._services.show(services, self.session.glossary)

    def on_resize(self) -> None:
        """A terminal made shorter or taller: the diagram panel gives or takes its room."""
        for panel in self._architecture:
            panel.make_room(self.app.size.height < SHORT_BELOW)
        if self._architecture and self.feedback is None:
            self.call_after_refresh(self.reserve_architecture)

    @cached_property
    def _scopes(self) -> dict[str, str]:
        """Where each service runs, for the diagram (the glossary's `scope`): read when the
        diagram is first drawn, after the screen's first frame, not while it is built."""
        return glossary_scopes(self.session.glossary)

    def reserve_architecture(self) -> None:
        """Give the diagram panel the room the system will take after any choice on screen
        (`ArchitectureView.reserve`), while the learner reads, not when they choose."""
        if self.feedback is None and not self.play.finished(self.scenario):
            for panel in self._architecture:
                panel.reserve_for(self.scenario, self.play, self._scopes)

    def show_trail(self) -> None:
        """The breadcrumb: the decisions so far, with verdict marks in practice mode."""
        play = self.play
        verdicts = ([self.analysis.verdict(c) for c in play.choices] if play.mode == PRACTICE
                    else None)
        self._breadcrumb.show(play.choices, verdicts, play.timed_out)

    def play_status(self) -> Content:
        """`Decision 2 · Practice · score 3` above the situation."""
        play = self.play
        step = play.decision_number(len(play.choices) - (1 if self.feedback else 0))
        mode = "Timed exam" if self.timed else play.mode.capitalize()
        status: list[str | tuple[str, str]] = [
            (f"Decision {step}", "bold"), " · ", (mode, "bold reverse")]
        if self.exploring:
            status.append((f" · {EXPLORING[play.kind][0]}, not counted", "bold"))
        if play.mode == PRACTICE:
            status += [" · score ", (number(play.score), "bold")]
        else:
            status.append((" · no feedback until the end", "dim"))
        if self.timed and not play.finished(self.scenario):
            left = self.countdown.remaining()
            status += [" · ", (left_text(left), "bold $error" if left <= 10 else "bold")]
        return Content.assemble(*status)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the keys that do nothing in the state on screen (False hides, None would
        only dim): undo never in exam mode, nor before a choice; choose or continue; Esc
        to the debrief a replay or what-if came from, else to the catalogue."""
        if action == "undo":
            return self.play.mode == PRACTICE and bool(self.play.choices)
        if action == "continue":
            return self.feedback is not None
        if action in ("choose", "choose_highlighted"):
            return self.feedback is None
        if action == "toggle_architecture":
            return has_architecture(self.scenario)
        if action in ("leave", "back_to_debrief"):
            return self.exploring == (action == "back_to_debrief")
        return True

    def action_choose(self, index: int) -> None:
        """Take the choice shown at `index` (0-based; the key `index + 1`) at the current
        situation; a number with no choice behind it only rings the bell."""
        if self.feedback is not None:
            return
        try:
            play = self.play.choose_shown(self.scenario, index)
        except PlayError:
            self.app.bell()
            return
        if play.mode == EXAM:
            self.play = play
            self._finish_if_done()
            return
        self._move(play, play.choices[-1])

    def action_continue(self) -> None:
        self.feedback = None
        self._finish_if_done()

    def action_undo(self) -> None:
        if self.play.mode != PRACTICE or not self.play.choices:
            return
        self._move(self.play.undo(), None)

    def _move(self, play: Play, feedback: Choice | None) -> None:
        """Take `play` and `feedback` together: the screen is brought up to date once."""
        self.set_reactive(PlayScreen.feedback, feedback)
        self.play = play

    def action_toggle_services(self) -> None:
        """Show or hide the service cards in this layout (narrow or wide), and remember it
        for every play screen after this one, and the next start."""
        layout = "narrow" if self.has_class("-narrow") else "wide"
        default = SERVICES_SHOWN[layout]
        flipped = self.toggle_class(_services_class(layout, default)).has_class(
            _services_class(layout, default))
        self.session.set_preference(SERVICES_SETTING.format(layout),
                                    _flip(default) if flipped else default)

    def action_toggle_architecture(self) -> None:
        """Show or hide the diagram panel in this layout, remembered as the cards' `s` is."""
        toggle_panel(self, self.session)

    def action_back_to_debrief(self) -> None:
        self.post_message(BackToDebrief())

    def action_leave(self) -> None:
        if self.exploring:
            self.action_back_to_debrief()
            return
        if self._keep_run():
            saved = self.session.unfinished.saved
            self.notify("Run kept: resume it from the catalogue." if saved else
                        "Run kept until you quit (it could not be saved): resume it from "
                        "the catalogue.", title="Left part-way", markup=False,
                        severity="information" if saved else "warning")
        self.post_message(BackToCatalogue())

    def _finish_if_done(self) -> None:
        if self.play.finished(self.scenario):
            duration = self.session.clock() - self.started
            self.post_message(PlayFinished(self.scenario, self.play, self.analysis, duration))
