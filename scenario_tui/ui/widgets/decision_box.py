"""The decision: the choices at a situation, or the feedback on the one taken, in one widget.

A choice shows its feedback where the choices were, and nothing else on screen moves: the
player gives this widget all the room below the situation, and the box it draws there is as
tall as what it shows. A choice then changes the lines of one widget, where a panel of
another height made Textual (8.2.8) lay out and redraw the whole screen. Each choice's
feedback is rendered while the learner reads (`prepare`), so the choice swaps lines in.

The widget draws its own lines (`render_lines`): the box, the text and the action row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style as RichStyle
from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Offset, Region
from textual.message import Message
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from .action_row import Action, Face, drawn_row, fit
from .box_lines import BORDER, edge, framed
from .kept_lines import KeptLines

CHOICES, FEEDBACK = "choices", "feedback"
KEPT = 12
"""Feedback texts whose lines are kept: every choice's at a decision, with room."""


@dataclass(frozen=True)
class Drawn:
    """The widget's lines at one size and state, and what each row holds for the mouse."""

    lines: list[Strip]
    options: dict[int, int]
    """Row → the option drawn on it."""
    faces: tuple[int, list[Face]] | None
    """The action row's y and its faces."""
    window: int
    """Rows of text the box shows at once."""
    rows: int
    """Rows the box takes, from its top to its bottom edge (those below are blank)."""
    text: int
    """Rows of text in all, shown or not."""


class DecisionBox(Widget, can_focus=True):
    """Shows numbered choices (`show_choices`) or a feedback and its actions
    (`show_feedback`); posts `Chose` and `Acted`. The keys move the highlight among the
    choices, or scroll a long feedback. Enter is the screen's, as the digits are (take the
    highlighted choice, `cursor`, or continue): a message from here arrived after keys typed
    right behind it, and they were lost."""

    ALLOW_SELECT = False
    """It draws its own lines, which Textual's selection does not know how to mark."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "decision-box--choices-border", "decision-box--feedback-border",
        "decision-box--title", "decision-box--more", "decision-box--cursor",
        "decision-box--hover", "decision-box--action", "decision-box--action-primary",
    }

    DEFAULT_CSS = """
    DecisionBox {
        height: 1fr;
        min-height: 4;
        & > .decision-box--choices-border { color: $primary; }
        & > .decision-box--feedback-border { color: $accent; }
        & > .decision-box--title { color: $text-primary; }
        & > .decision-box--more { color: $text-muted; }
        & > .decision-box--cursor {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .decision-box--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
        & > .decision-box--hover { background: $block-hover-background; }
        & > .decision-box--action { color: $button-foreground; background: $surface-lighten-1; }
        & > .decision-box--action-primary {
            color: $button-color-foreground;
            background: $primary;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "edge(-1)", "Top", show=False),
        Binding("end", "edge(1)", "Bottom", show=False),
    ]

    @dataclass
    class Chose(Message):
        """The learner took the choice shown at `index` (0-based), with Enter or a click."""

        box: DecisionBox
        index: int

    @dataclass
    class Acted(Message):
        """The learner took the feedback's action `name`, with Enter or a click."""

        box: DecisionBox
        name: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.mode = ""
        """`CHOICES`, `FEEDBACK`, or "" before either is shown."""
        self.options: list[Content] = []
        self.feedback: Content | None = None
        self.actions: list[Action] = []
        self.title = ""
        self.cursor = 0
        """The highlighted choice."""
        self.top_row = 0
        """The first row of text in the box (a long text scrolls)."""
        self._hover: int | None = None
        self._ahead = KeptLines(KEPT)
        """Feedback lines made ahead, by their text, then width and style."""
        self._option_lines: dict[tuple[int, int, str], list[Strip]] = {}
        self._drawn: tuple[tuple[object, ...], Drawn] | None = None
        self._rows = 0
        """The rows the box took when last drawn (`_redraw`)."""

    # What it shows

    def show_choices(self, options: Sequence[Content], *, title: str = "") -> None:
        """Offer `options` (numbered in their text), the first highlighted."""
        self.mode, self.options, self.title = CHOICES, list(options), title
        self.feedback, self.cursor, self.top_row, self._hover = None, 0, 0, None
        self._option_lines.clear()
        self._redraw()

    def show_feedback(self, feedback: Content, actions: Sequence[Action]) -> None:
        """Show `feedback` with `actions` under it; Enter takes the first."""
        self.mode, self.feedback, self.actions = FEEDBACK, feedback, list(actions)
        self.top_row, self._hover = 0, None
        self._redraw()

    def prepare(self, feedback: Content) -> None:
        """Render `feedback`'s lines now, at this width, for a later `show_feedback`."""
        width = self.size.width - 2 * BORDER
        if width > 0:
            self._body_of(feedback, width)

    def rows_for(self, feedback: Content) -> int:
        """The rows the box needs to show all of `feedback` and its actions at this width
        (0 before it is laid out)."""
        width = self.size.width - 2 * BORDER
        return len(self._body_of(feedback, width)) + 4 if width > 0 else 0

    def _body_of(self, feedback: Content, width: int) -> list[Strip]:
        """`feedback`'s lines `width` cells wide between the box's sides, made once (and
        ahead, by `prepare`): joining the sides to each line costs as much as the rest of
        the frame."""
        border = self.get_component_rich_style("decision-box--feedback-border")
        return self._ahead.get(feedback, (width, self.visual_style), lambda: framed(
            self._strips(feedback, width, ""), border, self.rich_style))

    def _strips(self, content: Content, width: int, component: str) -> list[Strip]:
        style = self.get_visual_style(component) if component else self.visual_style
        base = style.rich_style
        return [strip.extend_cell_length(width, base).crop(0, width)
                for strip in Visual.to_strips(self, content, width, None, style)]

    # Drawing

    def notify_style_update(self) -> None:
        """A new theme, focus or hover: the lines drawn so far may have the old colours (the
        feedback's lines made ahead are kept by the style they were made in)."""
        super().notify_style_update()
        self._option_lines.clear()
        self._drawn = None

    def _option(self, index: int, width: int) -> list[Strip]:
        look = ("decision-box--cursor" if index == self.cursor else
                "decision-box--hover" if index == self._hover else "")
        key = (index, width, look)
        lines = self._option_lines.get(key)
        if lines is None:
            lines = self._option_lines[key] = self._strips(self.options[index], width, look)
        return lines

    def _draw(self) -> Drawn:
        width, height = self.size
        filters = self.get_line_filters()
        state = (width, height, self.mode, id(self.feedback), id(self.options), self.cursor,
                 self._hover, self.top_row, self.has_focus, self.title,
                 tuple(map(id, filters)))
        if self._drawn is not None and self._drawn[0] == state:
            return self._drawn[1]
        drawn = self._lines(width, height)
        if filters:  # what Textual does to every widget's lines (NO_COLOR, for one)
            background = self.background_colors[1]
            for line_filter in filters:
                drawn.lines[:] = [line.apply_filter(line_filter, background)
                                  for line in drawn.lines]
        self._drawn = (state, drawn)
        return drawn

    def _lines(self, width: int, height: int) -> Drawn:
        base = self.rich_style
        inner = width - 2 * BORDER
        blank = Strip.blank(width, base)
        if inner < 1 or height < 3 or not self.mode:
            return Drawn([blank] * height, {}, None, 0, 0, 0)
        body: list[Strip] = []
        owners: list[int] = []
        if self.mode == CHOICES:
            for index in range(len(self.options)):
                lines = self._option(index, inner)
                body += lines
                owners += [index] * len(lines)
            border = self.get_component_rich_style("decision-box--choices-border")
            body = framed(body, border, base)
            foot: list[Strip] = []
        else:
            assert self.feedback is not None
            body = self._body_of(self.feedback, inner)
            border = self.get_component_rich_style("decision-box--feedback-border")
            faces = fit(self.actions, inner)
            foot = framed([Strip.blank(inner, base), self._action_row(faces, inner, base)],
                                border, base)
        if foot and height - 2 - len(foot) < 1:
            foot = foot[-1:]  # a short box keeps the actions, not the blank above them
        window = max(0, min(len(body), height - 2 - len(foot)))
        # a feedback ends at the box's foot; the choices may stop short of it, so that the
        # last of them shows whole (the box is then as short as what it shows)
        last = len(body) - (1 if self.mode == CHOICES else window)
        self.top_row = max(0, min(self.top_row, last))
        shown = body[self.top_row:self.top_row + window]
        lines = [self._edge(top=True, border=border, more=self.top_row, width=width)]
        lines += shown + foot
        lines.append(self._edge(top=False, border=border, more=len(body) - self.top_row - window,
                                width=width))
        options = {1 + y: owners[self.top_row + y] for y in range(len(shown)) if owners}
        face_row = (len(lines) - 2, faces) if foot else None
        rows = len(lines)
        lines += [blank] * (height - len(lines))
        return Drawn(lines, options, face_row, window, rows, len(body))

    def _edge(self, *, top: bool, border: RichStyle, more: int, width: int) -> Strip:
        title = self.title if top and self.mode == CHOICES else ""
        return edge(top=top, width=width, border=border, more=more,
                    more_style=self.get_component_rich_style("decision-box--more"),
                    title=title, title_style=self.get_component_rich_style("decision-box--title"))

    def _action_row(self, faces: list[Face], width: int, base: RichStyle) -> Strip:
        looks = [self.get_component_rich_style(
            "decision-box--action-primary" if index == 0 else "decision-box--action")
            for index in range(len(faces))]
        return drawn_row(faces, looks, width, base)

    def _redraw(self) -> None:
        """Repaint the rows the box took and takes now, not the blank rows below both: a
        choice's frame then composes no more of the screen than the box."""
        before, width = self._rows, self.size.width
        self._rows = self._draw().rows
        if width and self._rows:
            self.refresh(Region(0, 0, width, max(before, self._rows)))
        else:
            self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        lines = self._draw().lines
        return [line.crop(crop.x, crop.right) for line in lines[crop.y:crop.bottom]]

    def render_line(self, y: int) -> Strip:
        lines = self._draw().lines
        return lines[y] if 0 <= y < len(lines) else Strip.blank(self.size.width)

    # Where things are (the mouse, and tests that click)

    def option_offset(self, index: int) -> Offset | None:
        """Where option `index`'s first line is drawn, if it is in the box."""
        for y, owner in self._draw().options.items():
            if owner == index:
                return Offset(BORDER, y)
        return None

    def action_offset(self, name: str) -> Offset | None:
        """Where action `name`'s face is drawn, if the row shows it."""
        row = self._draw().faces
        for face in row[1] if row else []:
            if face.action.name == name:
                return Offset(BORDER + face.x, row[0]) if row else None
        return None

    @property
    def faces(self) -> list[Face]:
        """The actions as the row draws them at this size (none while choosing)."""
        row = self._draw().faces
        return row[1] if row else []

    def _face_at(self, x: int, y: int) -> Face | None:
        row = self._draw().faces
        if row is None or row[0] != y:
            return None
        return next((face for face in row[1] if face.holds(x - BORDER)), None)

    # The mouse

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self._draw().options.get(event.y) if self.mode == CHOICES else None
        if hover != self._hover:
            self._hover = hover
            self._redraw()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self._redraw()

    def on_click(self, event: events.Click) -> None:
        event.stop()
        if self.mode == CHOICES:
            index = self._draw().options.get(event.y)
            if index is not None:
                self.cursor = index
                self._redraw()
                self.post_message(self.Chose(self, index))
        elif self.mode == FEEDBACK:
            face = self._face_at(event.x, event.y)
            if face is not None:
                self.post_message(self.Acted(self, face.action.name))

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self._scroll(3)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self._scroll(-3)

    # The keys

    def _scroll(self, rows: int) -> None:
        drawn = self._draw()
        self.top_row = max(0, min(self.top_row + rows, drawn.text - drawn.window))
        self._redraw()

    def _move_cursor(self, to: int) -> None:
        """Highlight choice `to` (kept among them) and scroll it into the box."""
        if not self.options:
            return
        self.cursor = max(0, min(to, len(self.options) - 1))
        width = self.size.width - 2 * BORDER
        if width > 0:
            top = sum(len(self._option(index, width)) for index in range(self.cursor))
            bottom = top + len(self._option(self.cursor, width))
            window = self._draw().window
            if top < self.top_row:
                self.top_row = top
            elif bottom > self.top_row + window:
                # from the first choice that starts there or below: no choice's last line
                # left alone at the top
                starts = [sum(len(self._option(index, width)) for index in range(first))
                          for first in range(self.cursor + 1)]
                self.top_row = next(start for start in starts if start >= bottom - window)
        self._redraw()

    def action_move(self, by: int) -> None:
        if self.mode == CHOICES:
            self._move_cursor(self.cursor + by)
        else:
            self._scroll(by)

    def action_page(self, by: int) -> None:
        """A boxful: the choices that fit in it (all of them: the first or the last), or
        the feedback's lines less one, kept for context."""
        window = max(1, self._draw().window)
        if self.mode == CHOICES and self.options:
            rows = sum(len(self._option(index, max(1, self.size.width - 2 * BORDER)))
                       for index in range(len(self.options)))
            self._move_cursor(self.cursor + by * max(1, len(self.options) * window // rows))
        else:
            self._scroll(by * max(1, window - 1))

    def action_edge(self, by: int) -> None:
        if self.mode == CHOICES:
            self._move_cursor(0 if by < 0 else len(self.options) - 1)
        else:
            self.top_row = 0 if by < 0 else 1 << 30
            self._redraw()

