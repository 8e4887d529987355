"""The player: a status line, the situation, its choices and practice feedback (or an ending).

The play screen, the review screen and the author preview all compose it. It draws the
`PlayerView` it is given and turns clicks and keys into its own messages; what choosing,
continuing and undoing mean is up to the screen that handles them. The situation takes the
room its text needs (up to most of the player) and the decision box all the rest, so a
choice only changes the box's lines (`DecisionBox`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Markdown, Static

from ...analysis.scoring import Analysis
from ...format.model import Choice, Misconception, Scenario
from ...format.text_safety import clean, reflow
from ...play.engine import Play
from ...play.modes import PRACTICE
from .action_row import Action
from .decision_box import DecisionBox
from .feedback import ALL_OPTIONS, CONTINUE, NONE, UNDO, FeedbackTexts
from .hanging_label import HangingLabel
from .inline_text import inline_line
from .numbers import NBSP
from .option_verdicts import Decision, OptionsDialog

MIN_SITUATION = 3
"""The rows the situation keeps when a long feedback takes the others."""


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
    `o` (or its action) opens every option of that decision, explained."""

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
            height: auto;
            /* half the room at most: the choices take the rest (in the narrow author
               preview a long situation left room for one choice) */
            max-height: 50%;
            min-height: 3;  /* MIN_SITUATION */
            padding: 0 1;
        }
        #situation-scroll:focus {
            /* Tab reaches it to scroll a long situation: show where the keys went */
            background-tint: $foreground 5%;
        }
        #situation {
            margin: 0;
            padding: 0;
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
        """The learner clicked the choice shown at `index` (0-based; `Play.choose_shown`
        takes it). Keys choose through the screen's own bindings."""

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
        self._box = DecisionBox(id="decision")
        self._texts = FeedbackTexts()
        self._ending = Static(id="ending")
        self._squeezed = False
        """Whether the situation gave its rows to a long feedback (`_make_room`)."""
        self._status_due: Content | None = None
        """The status to draw after the feedback's frame (`_show_due_status`)."""
        self._to_prepare: list[Choice] = []
        """The choices on screen whose feedback is still to be made ahead (`_prepare_next`)."""

    def compose(self) -> ComposeResult:
        yield self._status
        yield self._situation_scroll
        yield self._box
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
        box, ending = self._box, self._ending
        self._to_prepare = []
        self._status_due = None
        if view.feedback is not None:
            self._status_due = view.status  # the score follows the feedback's frame
            self.call_after_refresh(self._show_due_status)
            actions = [Action("continue", view.continue_label)]
            if view.can_undo:
                actions.append(Action("undo", UNDO))
            actions.append(Action("all-options", ALL_OPTIONS))
            feedback = self._feedback_of(view, view.feedback)
            box.show_feedback(feedback, actions)
            self._make_room(box.rows_for(feedback))
        else:
            self.show_status(view.status)
            self._make_room(0)
            if view.at_ending:
                ending.update(view.ending or Content(""))
            else:
                self._show_choices(view)
        if box.display == view.at_ending:  # setting it, even to the same, lays the box out
            box.display = not view.at_ending
        ending.display = view.at_ending and view.ending is not None
        self.refresh_bindings()

    def _show_choices(self, view: PlayerView) -> None:
        options = view.play.options(view.scenario)
        self._box.show_choices([HangingLabel(Content.styled(f"{number}{NBSP}", "bold $accent"),
                                             inline_line(choice.label))
                                for number, choice in enumerate(options, start=1)],
                               title=view.choices_title)
        if view.play.mode == PRACTICE:  # an exam shows no feedback until its debrief
            self._to_prepare = list(options)
            self.call_after_refresh(self._prepare_next)

    def _make_room(self, rows: int) -> None:
        """Give a feedback that needs `rows` and finds fewer in the box the situation's rows,
        down to three (it scrolls): on a short terminal, or with the diagram open, the box
        showed three lines of it. The choices give them back. A feedback that fits, as at
        120x40, moves nothing: the screen is not laid out again for it."""
        scroll, box = self._situation_scroll, self._box
        short = rows - box.size.height
        if short > 0 and box.size.height:
            height = max(MIN_SITUATION, scroll.size.height - short)
            if height < scroll.size.height:
                self._squeezed = True
                scroll.styles.max_height = height
        elif not rows and self._squeezed:
            self._squeezed = False
            scroll.styles.max_height = None  # the stylesheet's again

    def _feedback_of(self, view: PlayerView, choice: Choice) -> Content:
        return self._texts.of(choice, view.analysis.verdict(choice),
                              view.analysis.best_choice.get(choice.source),
                              view.misconceptions or NONE)

    def _show_due_status(self) -> None:
        """The status a choice's feedback left for the next frame, unless a newer one was
        shown since. The learner reads the feedback first, with its points; drawing the new
        total in the same frame cost a third of a choice's time to its feedback."""
        status, self._status_due = self._status_due, None
        if status is not None:
            self.show_status(status)

    def show_status(self, status: Content) -> None:
        """Redraw only the status line (a countdown's tick), leaving the choices as they are.
        It is one line high whatever it says, so the screen is not laid out again for it;
        the same words in the same styles (a choice worth no points) are not drawn again."""
        shown = self._status.visual
        if (isinstance(shown, Content) and shown.plain == status.plain
                and shown.spans == status.spans):
            return
        self._status.update(status, layout=False)

    def _prepare_next(self) -> None:
        """Make the feedback of one choice on screen ahead, while the learner reads, then
        the next choice's after any key waiting: a choice then shows its feedback without
        rendering it (`DecisionBox.prepare`). A choice taken first is rendered then."""
        view = self.view
        if not self._to_prepare or view is None or view.feedback is not None:
            return
        self._box.prepare(self._feedback_of(view, self._to_prepare.pop(0)))
        if self._to_prepare:
            self.call_later(self._prepare_next)

    def watch_notice(self, notice: str) -> None:
        if self.view is None:
            self._show_notice(notice)

    def _show_notice(self, notice: str) -> None:
        self._text_of = ""
        self._status_due = None
        self._to_prepare = []
        self._status.update(Content(reflow(notice)))
        self._situation.update("")
        for widget in (self._box, self._ending):
            widget.display = False

    @property
    def highlighted(self) -> int:
        """The choice the highlight is on (0-based, in the order shown)."""
        return self._box.cursor

    def focus_current(self) -> bool:
        """Focus the choices or the feedback; False if neither shows."""
        if self.view is not None and self._box.display:
            self._box.focus()
            return True
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

    @on(DecisionBox.Chose)
    def _chose(self, event: DecisionBox.Chose) -> None:
        event.stop()
        self.post_message(self.Chose(self, event.index))

    @on(DecisionBox.Acted)
    def _acted(self, event: DecisionBox.Acted) -> None:
        event.stop()
        if event.name == "continue":
            self.post_message(self.Continued(self))
        elif event.name == "undo":
            self.post_message(self.Undone(self))
        else:
            self.action_all_options()


class PlayerActions:
    """Mixed into a screen that composes a `Player`: a click on a choice or an action runs the
    screen's own choose, continue and undo actions (the keys 1-9, Enter and u run them too)."""

    def action_choose(self, index: int) -> None:
        raise NotImplementedError

    def action_choose_highlighted(self) -> None:
        """Enter on the choices: take the highlighted one. The screen's own key, as the digits
        are: a message from the choices came after keys typed right behind it (a choice, then
        Enter to continue, lost the Enter)."""
        self.action_choose(cast(DOMNode, self).query_one(Player).highlighted)

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
