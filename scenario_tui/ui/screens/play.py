"""Play one scenario: the situation, the choices, the decisions so far and the services."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Button, Footer, Header, Markdown, Static

from ...analysis.scoring import Analysis, analyse
from ...format.model import Choice, Scenario
from ...format.text_safety import clean
from ...play.engine import Play
from ...play.modes import EXAM, PRACTICE
from ..widgets.breadcrumb import Breadcrumb
from ..widgets.choice_list import ChoiceList
from ..widgets.feedback import FeedbackPanel
from ..widgets.service_cards import ServiceCards
from .choosing import ChoosingScreen
from .responsive import ResponsiveScreen

if TYPE_CHECKING:
    from ..app import ScenarioApp


class PlayScreen(ChoosingScreen, ResponsiveScreen):
    """One play-through. The `play` value is replaced whole on every move."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "choose(0)", "Choose", key_display="1-9", id="play.choose"),
        *(Binding(str(n), f"choose({n - 1})", show=False) for n in range(2, 10)),
        Binding("enter", "continue", "Continue", id="play.continue"),
        Binding("u", "undo", "Undo", id="play.undo"),
        Binding("s", "toggle_services", "Services", id="play.services"),
        Binding("escape", "leave", "Catalogue", id="play.leave"),
    ]

    play: reactive[Play] = reactive(Play(""), init=False, always_update=True)
    feedback: reactive[Choice | None] = reactive(None, init=False)
    """The choice just made, while practice mode shows its explanation."""

    app: ScenarioApp

    def __init__(self, scenario: Scenario, play: Play, *, feedback: Choice | None = None) -> None:
        super().__init__()
        self.scenario = scenario
        self.analysis: Analysis = analyse(scenario)
        self.started = 0.0
        self._shown_text_of = ""
        self._shown_services: tuple[str, ...] = ()
        self.set_reactive(PlayScreen.play, play)
        self.set_reactive(PlayScreen.feedback, feedback if play.mode == PRACTICE else None)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Breadcrumb(id="breadcrumb")
        with Horizontal(id="play-body"):
            with Vertical(id="play-main"):
                yield Static(id="play-status")
                with VerticalScroll(id="situation-scroll"):
                    yield Markdown(id="situation")
                yield ChoiceList(id="choices")
                yield FeedbackPanel(id="feedback")
            yield ServiceCards(id="services")
        yield Footer()

    def on_mount(self) -> None:
        self.started = self.app.session.clock()
        self.sub_title = clean(self.scenario.title)
        self.call_after_refresh(self.refresh_view)

    @property
    def shown_node(self) -> str:
        """The situation on screen: where the last choice was made while feedback shows."""
        if self.feedback is not None:
            return self.feedback.source
        return self.play.node(self.scenario)

    def watch_play(self) -> None:
        self.refresh_view()

    def watch_feedback(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        """Show the current situation, choices, breadcrumb, feedback and service cards."""
        if not self.is_mounted:
            return
        scenario = self.scenario
        node = scenario.node(self.shown_node)
        self.show_trail()
        if node.id != self._shown_text_of:
            self._shown_text_of = node.id
            self.query_one("#situation", Markdown).update(clean(node.text))
            self.query_one("#situation-scroll").scroll_home(animate=False)
        self.query_one("#play-status", Static).update(self.status_content())
        choices = self.query_one(ChoiceList)
        panel = self.query_one(FeedbackPanel)
        if self.feedback is not None:
            choice = self.feedback
            panel.show(choice, self.analysis.verdict(choice),
                       self.analysis.best_choice.get(choice.source))
            choices.display, panel.display = False, True
            self.query_one("#continue", Button).focus()
        else:
            choices.show(scenario.choices(self.shown_node))
            choices.display, panel.display = True, False
            choices.focus()
        services = node.services or scenario.services
        if services != self._shown_services:
            self._shown_services = services
            self.query_one(ServiceCards).show(services, self.app.session.glossary)
        self.refresh_bindings()

    def show_trail(self) -> None:
        """The breadcrumb: the decisions so far, with verdict marks in practice mode."""
        play = self.play
        verdicts = ([self.analysis.verdict(c) for c in play.choices] if play.mode == PRACTICE
                    else None)
        self.query_one(Breadcrumb).show(play.choices, verdicts)

    def status_content(self) -> Content:
        """`Decision 2 · Practice · score 3` above the situation."""
        play = self.play
        step = len(play.choices) + (0 if self.feedback else 1)
        status: list[str | tuple[str, str]] = [
            (f"Decision {step}", "bold"), " · ", (play.mode.capitalize(), "bold reverse")]
        if play.mode == PRACTICE:
            status += [" · score ", (str(play.score), "bold")]
        else:
            status.append((" · no feedback until the end", "dim"))
        return Content.assemble(*status)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return (self.play.mode == PRACTICE and bool(self.play.choices)) or None
        if action == "continue":
            return self.feedback is not None or None
        if action == "choose":
            return self.feedback is None or None
        return True

    def action_choose(self, index: int) -> None:
        """Take choice `index` (0-based) at the current situation."""
        if self.feedback is not None:
            return
        if index >= len(self.scenario.choices(self.play.node(self.scenario))):
            self.bell()
            return
        play = self.play.choose(self.scenario, index)
        if play.mode == EXAM:
            self.play = play
            self._finish_if_done()
            return
        self.feedback = play.choices[-1]
        self.play = play

    def action_continue(self) -> None:
        self.feedback = None
        self._finish_if_done()

    def action_undo(self) -> None:
        if self.play.mode != PRACTICE or not self.play.choices:
            return
        self.feedback = None
        self.play = self.play.undo()

    def action_toggle_services(self) -> None:
        services = self.query_one(ServiceCards)
        services.display = not services.display

    def action_leave(self) -> None:
        self.app.show_catalog()

    def _finish_if_done(self) -> None:
        if self.play.finished(self.scenario):
            duration = self.app.session.clock() - self.started
            self.app.finish(self.scenario, self.play, self.analysis, duration)

