"""Practice mode's feedback after a choice: the verdict, the points and why."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button

from ...format.model import Choice, Misconception
from .inline_text import inline, inline_line
from .mistake_text import choice_notes
from .numbers import points
from .prepared_text import PreparedText
from .symbols import VERDICT, verdict_style


def feedback_content(choice: Choice, verdict: str, best: Choice | None,
                     misconceptions: Mapping[str, Misconception] | None = None) -> Content:
    """`✓ Right · +2 points`, the explanation and its source, the mistaken belief and its fact
    when the choice was not right, and the best choice when this was not it."""
    parts: list[str | Content | tuple[str, str]] = [
        (f"{VERDICT[verdict]} {verdict.capitalize()}", verdict_style(verdict)),
        (f" · {points(choice.points, signed_value=True)}", "bold"), "\n",
        inline_line(choice.label).stylize("italic"), "\n\n", inline(choice.why),
        choice_notes(choice, verdict, misconceptions or {}),
    ]
    if best is not None and best != choice:
        parts += ["\n\n", ("Best here: ", "bold $success"), inline_line(best.label)]
    return Content.assemble(*parts)


NONE: Mapping[str, Misconception] = MappingProxyType({})
"""No misconceptions known: one object, so that a text made for it is found again."""

CONTINUE = "Continue (Enter)"
SHORT = {"all-options": "Options"}
"""A label shorter than `without_key` gives, for a narrow row."""
BUTTON_MIN_WIDTH = 16
"""Textual 8.2.8's `Button { min-width: 16 }`; a label and its padding may be wider."""


BUTTON_MARGIN = 2
"""`#feedback-buttons Button { margin-right: 2 }`, as the CSS gives it: a narrow fit sets a
margin of 1 on the button itself, which a wider row must not measure by."""
COMPACT_PADDING = 2
"""The cells a compact button adds around its label."""


def without_key(label: str) -> str:
    """`Continue (Enter)` → `Continue`: a button's label without its key in brackets."""
    return re.sub(r"\s*\([^()]*\)$", "", label)


def key_only(label: str) -> str:
    """`Continue (Enter)` → `Enter`: the last resort of a row too narrow for any words."""
    found = re.search(r"\(([^()]*)\)$", label)
    return found.group(1) if found else without_key(label)


class FeedbackPanel(Vertical):
    """Shown in place of the choices until the learner continues or undoes."""

    DEFAULT_CSS = """
    FeedbackPanel {
        display: none;
        height: auto;
        max-height: 75%;
        border: round $accent;
        padding: 0 1;
        #feedback-scroll {
            height: auto;
            /* the room the panel has (it is at most 75% of the player's height) above the
               buttons, so a long explanation scrolls instead of running out of sight */
            max-height: 100%;
        }
        #feedback-text {
            height: auto;
        }
        #feedback-buttons {
            /* at the panel's foot, however little room the explanation leaves above it
               (a short terminal with the diagram panel open) */
            dock: bottom;
            height: 1;
            margin-top: 1;
        }
        #feedback-buttons Button {
            margin-right: 2;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._labels = {"continue": CONTINUE, "undo": "Undo (u)", "all-options": "All options (o)"}
        """Each button's whole label; a row too narrow for them shows them without their key."""
        self._fitted: dict[str, tuple[str, bool]] = {}
        """What `_fit_labels` last gave each button: its label, and whether the row was narrow."""
        self._text = PreparedText(id="feedback-text")
        self._scroll = VerticalScroll(self._text, id="feedback-scroll")
        self._buttons = {
            name: Button(label, id=name, compact=True,
                         variant="primary" if name == "continue" else "default")
            for name, label in self._labels.items()}
        self._contents: dict[int, tuple[Choice, str, Choice | None, object, Content]] = {}
        """Each choice's feedback text as `prepare` or `show` made it, by the choice's id (the
        choice is kept with it, and what else it was made from)."""

    def compose(self) -> ComposeResult:
        yield self._scroll
        with Horizontal(id="feedback-buttons"):
            yield from self._buttons.values()

    def text_width(self, outer: int) -> int:
        """The width the feedback's text will have in a panel `outer` cells wide (the panel
        may be hidden and not laid out yet); a long text's scrollbar makes it narrower."""
        return outer - sum(widget.styles.gutter.width
                           for widget in (self, self._scroll, self._text))

    def prepare(self, choice: Choice, verdict: str, best: Choice | None, *,
                misconceptions: Mapping[str, Misconception], width: int) -> None:
        """Make `choice`'s feedback text and its lines at `width` ahead of `show`."""
        self._text.prepare(self._content(choice, verdict, best, misconceptions), width)

    def _content(self, choice: Choice, verdict: str, best: Choice | None,
                 misconceptions: Mapping[str, Misconception]) -> Content:
        """`feedback_content`, made once for each choice while its inputs stay the same."""
        kept = self._contents.get(id(choice))
        if (kept is not None and kept[0] is choice and kept[1] == verdict and kept[2] is best
                and kept[3] is misconceptions):
            return kept[4]
        content = feedback_content(choice, verdict, best, misconceptions)
        self._contents[id(choice)] = (choice, verdict, best, misconceptions, content)
        while len(self._contents) > 12:
            del self._contents[next(iter(self._contents))]
        return content

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_labels)

    def _fit_labels(self) -> None:
        """Whole labels where the row has room for them, else each without its key ("Undo")
        and no wider than it (the narrow author preview cut "All options (o)" mid-word), else
        only their keys ("Enter", "u", "o"): never a word cut. The row is as wide as the
        panel's content, measured here rather than on the row, which may not be laid out
        yet when the panel has just been shown or resized."""
        row = self.query_one("#feedback-buttons")
        buttons = [button for button in row.query(Button).results(Button) if button.display]
        width = self.content_size.width
        if not width:
            return  # not laid out yet: the next resize fits them
        whole = [self._labels[str(button.id)] for button in buttons]
        needed = sum(max(BUTTON_MIN_WIDTH, cell_len(label) + COMPACT_PADDING) + BUTTON_MARGIN
                     for label in whole)
        if needed <= width:
            for label, button in zip(whole, buttons, strict=True):
                self._set_label(button, label, narrow=False)
            return
        short = [SHORT.get(str(button.id), without_key(label))
                 for label, button in zip(whole, buttons, strict=True)]
        if sum(cell_len(label) + COMPACT_PADDING + 1 for label in short) - 1 > width:
            short = [key_only(label) for label in whole]
        for label, button in zip(short, buttons, strict=True):
            self._set_label(button, label, narrow=True)

    def _set_label(self, button: Button, label: str, *, narrow: bool) -> None:
        """Give `button` `label`, and a narrow row's smaller margins; lay it out again only if
        that changes anything (a new label alone kept the button's old width). This runs
        after every choice, and most of the time nothing changes."""
        if self._fitted.get(str(button.id)) == (label, narrow):
            return
        self._fitted[str(button.id)] = (label, narrow)
        button.label = label
        button.styles.min_width = 0 if narrow else None
        button.styles.margin = (0, 1, 0, 0) if narrow else None
        button.refresh(layout=True)

    def focus_continue(self) -> None:
        self._buttons["continue"].focus()

    def show(self, choice: Choice, verdict: str, best: Choice | None, *,
             continue_label: str = CONTINUE, can_undo: bool = True,
             misconceptions: Mapping[str, Misconception] | None = None) -> None:
        """The verdict and explanation of `choice`; the buttons say what Enter and u do.

        Each showing is a new answer, so the buttons lose the pressed look (`-active`) a
        press on the last one left for 0.2 s: Textual ignores a press on a button that has
        it, and a learner who answered and pressed Enter within that time lost the Enter."""
        for button in self._buttons.values():
            button.remove_class("-active")
        self._text.update(self._content(choice, verdict, best, misconceptions or NONE))
        self._scroll.scroll_home(animate=False)
        if continue_label != self._labels["continue"]:
            self._labels["continue"] = continue_label
            self._buttons["continue"].label = continue_label
            self._fitted.pop("continue", None)  # fitted again after the frame
        if self._buttons["undo"].display != can_undo:  # setting it lays the row out again
            self._buttons["undo"].display = can_undo
        self.call_after_refresh(self._fit_labels)
