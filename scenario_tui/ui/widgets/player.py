"""The player: a status line, the situation, its choices and practice feedback (or an ending).

The play screen, the review screen and the author preview all compose it. It draws the
`PlayerView` it is given and turns clicks and buttons into its own messages; what choosing,
continuing and undoing mean is up to the screen that handles them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Button, Markdown, OptionList, Static

from ...analysis.scoring import Analysis
from ...format.model import Choice, Misconception, Scenario
from ...format.text_safety import clean, reflow
from ...play.engine import Play
from ...play.modes import PRACTICE
from .choice_list import ChoiceList
from .feedback import CONTINUE, FeedbackPanel
from .option_verdicts import Decision, OptionsDialog


@dataclass(frozen=True)
class PlayerView:
    """What the player shows: a play on a scenario and, after a practice choice, its feedback."""

    scenario: Scenario
    analysis: Analysis
    play: Play
    feedback: Choice | None = None
    """The choice just made, while its explanation shows in place of the choices."""
    status: Content = field(default_factory=Content)
    """The line above the situation (each screen words it its own way)."""
    ending: Content | None = None
    """Shown at an ending; None leaves an ending blank (the play screen moves on instead)."""
    continue_label: str = CONTINUE
    can_undo: bool = True
    misconceptions: Mapping[str, Misconception] = field(default_factory=dict)
    """What each tag means: the feedback on a wrong choice shows its belief and fact."""
    choices_title: str = ""
    """Over the choices' box (the author preview's "in file order")."""

    @property
    def node(self) -> str:
        """The situation on screen: where the last choice was made while feedback shows."""
        return self.feedback.source if self.feedback is not None else self.play.node(
            self.scenario)

    @property
    def at_ending(self) -> bool:
        return self.feedback is None and self.play.finished(self.scenario)


class Player(Vertical):
    """Shows a `PlayerView`; posts `Chose`, `Continued` and `Undone`. While feedback shows,
    `o` (or its button) opens every option of that decision, explained."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "all_options", "All options", id="player.options",
                tooltip="Every option at this decision: verdict, points and why"),
    ]

    DEFAULT_CSS = """
    Player {
        width: 1fr;
        #play-status {
            height: 1;
            padding: 0 1;
        }
        #situation-scroll {
            height: 1fr;
            min-height: 3;
            padding: 0 1;
        }
        #situation {
            margin: 0;
            padding: 0;
        }
        #choices {
            height: auto;
            max-height: 55%;
            border: round $primary;
            border-title-color: $text-primary;
        }
        #ending {
            display: none;
            height: auto;
            padding: 0 1;
            border: round $accent;
        }
    }
    """

    view: reactive[PlayerView | None] = reactive(None, init=False, always_update=True,
                                                 repaint=False)
    """What to show. It does not repaint the player itself: only the parts that change do,
    where a repaint of the whole player redrew the situation on every key."""
    notice: reactive[str] = reactive("", init=False, repaint=False)
    """Shown instead of a play when there is nothing to play (the author preview's broken file)."""

    @dataclass
    class Chose(Message):
        """The learner picked the choice shown at `index` (0-based) with the mouse or
        Enter (`Play.choose_shown` takes it)."""

        player: Player
        index: int

    @dataclass
    class Continued(Message):
        """The learner pressed Continue after reading the feedback."""

        player: Player

    @dataclass
    class Undone(Message):
        """The learner pressed Undo."""

        player: Player

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text_of = ""
        self._status = Static(id="play-status")
        self._situation = Markdown(id="situation")
        self._situation_scroll = VerticalScroll(self._situation, id="situation-scroll")
        self._choices = ChoiceList(id="choices")
        self._panel = FeedbackPanel(id="feedback")
        self._ending = Static(id="ending")
        self._to_prepare: list[Choice] = []
        """The choices on screen whose feedback is still to be made ahead (`_prepare_next`)."""

    def compose(self) -> ComposeResult:
        yield self._status
        yield self._situation_scroll
        yield self._choices
        yield self._panel
        yield self._ending

    def watch_view(self, view: PlayerView | None) -> None:
        if view is None:
            self._show_notice(self.notice)
            return
        node = view.scenario.node(view.node)
        text_key = f"{view.node}\n{node.text}"
        if text_key != self._text_of:
            self._text_of = text_key
            self._situation.update(clean(node.text))
            self._situation_scroll.scroll_home(animate=False)
        self.show_status(view.status)
        choices, panel, ending = self._choices, self._panel, self._ending
        self._to_prepare = []
        if view.feedback is not None:
            panel.show(view.feedback, view.analysis.verdict(view.feedback),
                       view.analysis.best_choice.get(view.feedback.source),
                       continue_label=view.continue_label, can_undo=view.can_undo,
                       misconceptions=view.misconceptions)
        elif view.at_ending:
            ending.update(view.ending or Content(""))
        else:
            options = view.play.options(view.scenario)
            choices.show(options)
            choices.border_title = view.choices_title
            if view.play.mode == PRACTICE:  # an exam shows no feedback until its debrief
                self._to_prepare = list(options)
                self.call_after_refresh(self._prepare_next)
        choices.display = view.feedback is None and not view.at_ending
        panel.display = view.feedback is not None
        ending.display = view.at_ending and view.ending is not None
        self.refresh_bindings()

    def show_status(self, status: Content) -> None:
        """Redraw only the status line (a countdown's tick), leaving the choices as they are.
        It is one line high whatever it says, so the screen is not laid out again for it."""
        self._status.update(status, layout=False)

    def _prepare_next(self) -> None:
        """Make the feedback of one choice on screen ahead, while the learner reads, then
        the next choice's after any key waiting: a choice then shows its feedback without
        rendering it (`PreparedText`). A choice taken first is simply rendered then."""
        view = self.view
        if not self._to_prepare or view is None or view.feedback is not None:
            return
        choice = self._to_prepare.pop(0)
        self._panel.prepare(choice, view.analysis.verdict(choice),
                            view.analysis.best_choice.get(choice.source),
                            misconceptions=view.misconceptions,
                            width=self._panel.text_width(self.content_size.width))
        if self._to_prepare:
            self.call_later(self._prepare_next)

    def watch_notice(self, notice: str) -> None:
        if self.view is None:
            self._show_notice(notice)

    def _show_notice(self, notice: str) -> None:
        self._text_of = ""
        self._to_prepare = []
        self._status.update(Content(reflow(notice)))
        self._situation.update("")
        choices = self._choices
        if choices.has_focus:
            choices.blur()  # it would keep the focus while hidden (`ChoiceList._on_hide`)
        for widget in (choices, self._panel, self._ending):
            widget.display = False

    def focus_current(self) -> bool:
        """Focus Continue while feedback shows, else the choices; False if neither shows."""
        view = self.view
        if view is not None and view.feedback is not None:
            self._panel.focus_continue()
            return True
        choices = self._choices
        if view is not None and choices.display:
            choices.focus()
            return True
        if choices.has_focus:
            choices.blur()  # hidden, it keeps the focus until here (`ChoiceList._on_hide`)
        return False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "all_options":
            return self.view is not None and self.view.feedback is not None
        return True

    def action_all_options(self) -> None:
        """Every option at the decision just made: verdict, points and why."""
        view = self.view
        if view is None or view.feedback is None:
            return
        play = view.play
        decision = Decision(view.feedback.source, view.feedback,
                            play.decision_number(len(play.choices) - 1), play.seed)
        self.app.push_screen(OptionsDialog(view.analysis, [decision],
                                           misconceptions=view.misconceptions))

    @on(Button.Pressed, "#all-options")
    def _all_options(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_all_options()

    @on(OptionList.OptionSelected, "#choices")
    def _chose(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chose(self, event.option_index))

    @on(Button.Pressed, "#continue")
    def _continued(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Continued(self))

    @on(Button.Pressed, "#undo")
    def _undone(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Undone(self))


class PlayerActions:
    """Mixed into a screen that composes a `Player`: a click on a choice or a button runs the
    screen's own choose, continue and undo actions (the keys 1-9, Enter and u run them too)."""

    def action_choose(self, index: int) -> None:
        raise NotImplementedError

    def action_continue(self) -> None:
        raise NotImplementedError

    def action_undo(self) -> None:
        raise NotImplementedError

    def on_player_chose(self, event: Player.Chose) -> None:
        self.action_choose(event.index)

    def on_player_continued(self, event: Player.Continued) -> None:
        self.action_continue()

    def on_player_undone(self, event: Player.Undone) -> None:
        self.action_undo()
