"""Every option at a decision, explained: a dialog the player and the debrief open.

The data (verdict, points, loss per option) comes from `analysis.options`; this only words and
draws it. Practice feedback opens it for the decision just made (`o`), the debrief for any
decision of the play (`o`, a step's "all options" link, or `o` on a tree line); ←/→ go through
the play's decisions. Exam mode never shows it during play (no feedback there).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ...analysis.options import OptionVerdict, options_at
from ...analysis.scoring import Analysis
from ...format.model import Choice, Misconception
from ...play.choice_order import shown
from .inline_text import inline, inline_line
from .mistake_text import choice_notes
from .numbers import number, points, signed
from .symbols import BEST, VERDICT, YOURS, verdict_style


@dataclass(frozen=True)
class Decision:
    """One decision to explain: the situation `node` and what the learner chose there."""

    node: str
    chosen: Choice | None = None
    number: int | None = 0
    """Its place in the play (1-based, `Play.decision_number`), 0 for a decision off the
    learner's path, or None for the decision a review asks again (named without a number)."""
    seed: int | None = None
    """The play's seed: the options are listed and numbered as the learner saw them."""
    timed_out: bool = False
    """No answer came in time; `chosen` is the worst choice the play went on with."""

    def options(self, analysis: Analysis) -> tuple[OptionVerdict, ...]:
        """The options here in the order the learner saw them."""
        verdicts = options_at(analysis, self.node)  # in file order: `index` finds each
        order = shown(tuple(o.choice for o in verdicts), self.seed, analysis.scenario.id,
                      self.node)
        return tuple(verdicts[c.index] for c in order)


def loss_text(option: OptionVerdict) -> str:
    """`lost 8 against the best here: 2 fewer on this choice, 6 fewer to gain after it`;
    empty when nothing was lost. The parts say why the figure can differ from the points
    shown beside it, each a difference from the best ("fewer" or "more"), so that they add
    up to the loss: "lost 1: 2 fewer on this choice, 1 more to gain after it"."""
    if option.lost <= 0:
        return ""
    head = f"lost {number(option.lost)} against the best here"
    now, after = option.lost_now, option.lost_after
    if after == 0:
        return head
    parts = []
    if now > 0:
        parts.append(f"{number(now)} fewer on this choice")
    elif now < 0:
        parts.append(f"{number(-now)} more on this choice")
    parts.append(f"{number(after)} fewer to gain after it" if after > 0
                 else f"{number(-after)} more to gain after it")
    return f"{head}: {', '.join(parts)}"


def option_content(option: OptionVerdict, chosen: Choice | None,
                   shown_as: int = 0,
                   misconceptions: Mapping[str, Misconception] | None = None) -> Content:
    """One option: mark, number (as shown to the learner; else the file's), label, points,
    tags, the loss, the why and its source, and the misconception of an option not right."""
    choice = option.choice
    tags: list[str] = []
    if option.best:
        tags.append(f"{BEST} best")
    if chosen is not None and choice == chosen:
        tags.append(f"{YOURS} your choice")
    parts: list[str | Content | tuple[str, str]] = [
        (f"{VERDICT[option.verdict]} {option.verdict.capitalize()}", verdict_style(option.verdict)),
        (f" · {points(choice.points, signed_value=True)}", "bold"),
    ]
    if tags:
        parts.append((" · " + " · ".join(tags), "bold $accent"))
    parts += ["\n", (f"{shown_as or choice.number}. ", "bold"),
              inline_line(choice.label).stylize("bold")]
    loss = loss_text(option)
    if loss:
        parts += ["\n", (loss.capitalize(), "italic")]
    parts += ["\n", inline(choice.why).stylize("$text-muted"),
              choice_notes(choice, option.verdict, misconceptions or {}, gap="\n")]
    return Content.assemble(*parts)


def options_content(analysis: Analysis, decision: Decision,
                    misconceptions: Mapping[str, Misconception] | None = None) -> Content:
    """All the options at `decision`, one after another, blank lines between."""
    blocks = [option_content(option, decision.chosen, at, misconceptions)
              for at, option in enumerate(decision.options(analysis), start=1)]
    return Content("\n\n").join(blocks)


def decision_heading(analysis: Analysis, decision: Decision, of: int = 0) -> Content:
    """`Decision 2 of 7 · you chose 3 (−1)` and the situation's text."""
    parts: list[str | Content | tuple[str, str]] = []
    if decision.number:
        parts.append((f"Decision {decision.number}" + (f" of {of}" if of > 1 else ""), "bold"))
    elif decision.number is None:
        parts.append(("The decision under review", "bold"))
    else:
        parts.append(("A decision off your path", "bold"))
    if decision.chosen is not None:
        shown_as = 1 + [o.choice for o in decision.options(analysis)].index(decision.chosen)
        said = "timed out: no answer, counted as" if decision.timed_out else "you chose"
        parts.append((f" · {said} {shown_as} ({signed(decision.chosen.points)})",
                      "bold $error" if decision.timed_out else "dim"))
    parts += ["\n", inline(analysis.scenario.node(decision.node).text)]
    return Content.assemble(*parts)


class OptionsDialog(ModalScreen[None]):
    """All the options at one decision, with ←/→ to the play's other decisions."""

    HELP_SECTION: ClassVar[str] = "All options"
    """The part of the help (its heading) that F1 opens at here."""

    DEFAULT_CSS = """
    OptionsDialog {
        align: center middle;
        #options-dialog {
            width: 90%;
            max-width: 100;
            height: 90%;
            border: thick $primary;
            border-title-color: $text-primary;
            background: $surface;
            padding: 0 1;
        }
        #options-scroll {
            height: 1fr;
        }
        #options-scroll:focus {
            background-tint: $foreground 4%;
        }
        #options-situation {
            color: $text-muted;
            margin-bottom: 1;
        }
        #options-buttons {
            height: 1;
            margin-top: 1;
        }
        #options-buttons Button {
            margin-right: 2;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,o,q", "close", "Close", id="options.close"),
        Binding("left,h", "move(-1)", "Previous decision", key_display="←",
                id="options.previous"),
        Binding("right,l", "move(1)", "Next decision", key_display="→", id="options.next"),
        Binding("j", "scroll('down')", show=False),
        Binding("k", "scroll('up')", show=False),
        Binding("space", "scroll('page_down')", show=False),
    ]

    def __init__(self, analysis: Analysis, decisions: Sequence[Decision], at: int = 0,
                 misconceptions: Mapping[str, Misconception] | None = None) -> None:
        super().__init__()
        self.analysis = analysis
        self.misconceptions = misconceptions or {}
        """What each tag means, so a wrong option shows its belief and fact."""
        self.decisions = tuple(decisions)
        self.at = max(0, min(at, len(self.decisions) - 1))
        self.of = sum(1 for d in self.decisions if d.number) if len(self.decisions) > 1 else 0

    def compose(self) -> ComposeResult:
        with Vertical(id="options-dialog"):
            with VerticalScroll(id="options-scroll"):
                yield Static(id="options-situation")
                yield Static(id="options-list")
            with Horizontal(id="options-buttons"):
                yield Button("‹ Previous (←)", id="options-previous", compact=True)
                yield Button("Next (→) ›", id="options-next", compact=True)
                yield Button("Close (Esc)", id="options-close", compact=True)

    def on_mount(self) -> None:
        self.query_one("#options-dialog").border_title = "All options"
        self.show_decision()
        self.query_one("#options-scroll").focus()

    def show_decision(self) -> None:
        """Draw the decision at `self.at` from its top."""
        decision = self.decisions[self.at]
        self.query_one("#options-situation", Static).update(
            decision_heading(self.analysis, decision, self.of))
        self.query_one("#options-list", Static).update(
            options_content(self.analysis, decision, self.misconceptions))
        self.query_one("#options-scroll").scroll_home(animate=False)
        many = len(self.decisions) > 1
        self.query_one("#options-previous").display = many
        self.query_one("#options-next").display = many
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "move":
            return len(self.decisions) > 1
        return True

    def action_move(self, by: int) -> None:
        """Go to the previous or next decision of the play (none past either end)."""
        at = self.at + by
        if 0 <= at < len(self.decisions):
            self.at = at
            self.show_decision()
        else:
            self.app.bell()

    def action_scroll(self, where: str) -> None:
        scroll = self.query_one("#options-scroll", VerticalScroll)
        {"down": scroll.scroll_down, "up": scroll.scroll_up,
         "page_down": scroll.scroll_page_down}[where]()

    def action_close(self) -> None:
        if self.is_active:
            self.dismiss(None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "options-close":
            self.action_close()
        elif event.button.id in ("options-previous", "options-next"):
            self.action_move(-1 if event.button.id == "options-previous" else 1)
