"""The diagram panel: the system the play's choices have built so far, with what the last
choice added (+), changed (~) and removed (−).

It draws layered boxes (`architecture_drawing.diagram`) where it has room and folds to one line
per component (`compact`) where it has not, whichever screen holds it. In play, `a` shows or
hides it, remembered for each layout as the service cards' `s` is: the screen carries a class
for each layout the learner turned round, and the CSS below reads it.

Exam mode shows the panel and its marks too: they restate what the learner's own choice did
(its label says as much), and are drawn in the accent colour in every mode, never as a verdict.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from ...format.model import Scenario
from ...play.chaos import architecture, has_architecture, latest_change
from ...play.engine import Play
from ...play.session import Session
from .architecture_drawing import Drawing, draw

ROOM_MADE = 4
"""The panel's height (border included) on a short terminal (`make_room`)."""
SHORT_BELOW = 30
"""Fewer terminal rows than this, the panel makes room for the choices and the feedback."""
FOLD_BELOW = 96
"""Narrower than this (in cells of drawing), the panel lists components one to a line."""
ARCHITECTURE_SETTING = "architecture-panel.{}"
"""The learner's choice for the diagram panel in one layout: "shown" or "hidden"."""
LAYOUTS = ("narrow", "wide")
"""The play screen's layouts (`responsive.BREAKPOINTS`); the panel shows in both by default."""


def hidden_class(layout: str) -> str:
    return f"-architecture-{layout}-hidden"


def drawing_of(scenario: Scenario, play: Play,
               scopes: Mapping[str, str] | None = None) -> Drawing:
    """What the panel draws for `play`: the system now, the last choice's change, and the
    system before that choice (where what it removed is named); `scopes` says where each
    service runs (the glossary's `scope`)."""
    before = replace(play, choices=play.choices[:-1]) if play.choices else play
    return Drawing(architecture(scenario, play), latest_change(scenario, play),
                   architecture(scenario, before), scopes or {})


def remembered_classes(session: Session) -> list[str]:
    """The classes a new play screen starts with: the layouts the learner hid the panel in."""
    return [hidden_class(layout) for layout in LAYOUTS
            if session.preference(ARCHITECTURE_SETTING.format(layout)) == "hidden"]


def toggle_panel(screen: DOMNode, session: Session) -> None:
    """Show or hide the panel in the screen's current layout, and remember it."""
    layout = "narrow" if screen.has_class("-narrow") else "wide"
    hidden = screen.toggle_class(hidden_class(layout)).has_class(hidden_class(layout))
    session.set_preference(ARCHITECTURE_SETTING.format(layout),
                           "hidden" if hidden else "shown")


class DrawingBody(Widget):
    """The drawing itself, laid out for the width it is given."""

    DEFAULT_CSS = """
    DrawingBody {
        height: auto;
    }
    """

    drawing: reactive[Drawing | None] = reactive(None, layout=True)

    def __init__(self) -> None:
        super().__init__()
        self._kept: list[tuple[Drawing, int, bool, Content]] = []
        """The last drawings made, with their widths and folds: Textual asks for a widget's
        content for its height and again for its lines, and `reserve` draws the coming ones
        ahead."""

    def drawn(self, drawing: Drawing, width: int) -> Content:
        """`drawing` as text `width` cells wide, drawn once for each width. It folds by the
        panel's width without its scrollbar: a scrollbar that came with the boxes folded
        them, the folded list needed none, and the panel went back and forth between the
        two."""
        parent = self.parent
        scrollbar = (parent.styles.scrollbar_size_vertical
                     if isinstance(parent, Widget) and parent.show_vertical_scrollbar else 0)
        width = max(1, width)
        folded = width + scrollbar < FOLD_BELOW
        for kept, kept_width, kept_folded, content in self._kept:
            if kept_width == width and kept_folded == folded and kept == drawing:
                return content
        content = draw(drawing, width, folded=folded)
        self._kept = [*self._kept[-11:], (drawing, width, folded, content)]
        return content

    def render(self) -> Content:
        if self.drawing is None:
            return Content("")
        return self.drawn(self.drawing, self.size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As tall as the drawing at `width`, the width being laid out: `render` draws at the
        present size, and the two differ when a scrollbar comes or goes (the boxes' height
        measured for a folded list left the panel blank rows and a scrollbar)."""
        content = Content("") if self.drawing is None else self.drawn(self.drawing, width)
        return content.get_height(self.styles.get_render_rules(), width)


class ArchitectureView(VerticalScroll, can_focus=False):
    """The system so far, in a bordered panel that scrolls when the system is tall."""

    SCOPED_CSS = False
    """Its rules read the screen's layout classes, so they are not scoped to the widget."""

    DEFAULT_CSS = """
    ArchitectureView {
        height: auto;
        max-height: 45%;
        border: round $primary 50%;
        border-title-color: $text-primary;
        padding: 0 1;
    }
    .-narrow ArchitectureView {
        max-height: 7;
    }
    .-narrow.-architecture-narrow-hidden ArchitectureView,
    .-wide.-architecture-wide-hidden ArchitectureView {
        display: none;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._reserved = 0
        """The lines `reserve` keeps for the drawing."""
        self._room_made: bool | None = None
        """What `make_room` was last asked (None before it was)."""

    def compose(self) -> ComposeResult:
        yield DrawingBody()

    def allow_focus(self) -> bool:
        """Tab reaches the panel only when it has more than it shows (a tall system on a
        short terminal), so that the arrows and PgUp/PgDn scroll it: before, only a mouse
        could. A panel that shows everything stays out of the way of Tab."""
        return self.max_scroll_y > 0

    def on_mount(self) -> None:
        self.border_title = "Architecture"

    def make_room(self, needed: bool) -> None:
        """Shrink to two lines (it scrolls): the last choice's summary and the first component
        it touched, or the first two components before any choice. On a short terminal the
        full panel hid a fourth choice below the fold and left feedback two lines. Set
        only when it changes: setting it, even to the same, redraws the panel, and the play
        screen asks on every choice."""
        if self._room_made != needed:
            self._room_made = needed
            self.styles.max_height = ROOM_MADE if needed else None

    def show(self, scenario: Scenario, play: Play,
             scopes: Mapping[str, str] | None = None) -> None:
        """Draw the system `play` has built (nothing for a scenario that builds none), each
        service where `scopes` says it runs."""
        if not has_architecture(scenario):
            self.display = False
            return
        self.query_one(DrawingBody).drawing = drawing_of(scenario, play, scopes)

    def reserve_for(self, scenario: Scenario, play: Play,
                    scopes: Mapping[str, str] | None = None) -> None:
        """`reserve` room for the system after each choice `play` offers now."""
        self.reserve([drawing_of(scenario, play.choose_shown(scenario, index), scopes)
                      for index in range(len(play.options(scenario)))])

    def reserve(self, coming: Sequence[Drawing]) -> None:
        """Keep room for the tallest of the `coming` drawings (the system after each choice on
        screen), so that a choice redraws the panel in place. A panel that grew with the
        system laid the play body out again, and redrew the service cards beside it, in the
        feedback's frame: it doubled a choice's time to its feedback. The room is kept until
        the next decision asks for its own."""
        body = self.query_one(DrawingBody)
        width = body.size.width
        if not width:
            return
        height = max((body.drawn(drawing, width).plain.count("\n") + 1 for drawing in coming),
                     default=0)
        limit, parent = self.styles.max_height, self.parent
        if limit is not None and isinstance(parent, Widget):  # no room kept past what shows
            shown = int(limit.resolve(parent.size, self.app.size)) - self.styles.gutter.height
            height = min(height, shown)
        if height != self._reserved:  # setting it lays the screen out again
            self._reserved = height
            body.styles.min_height = height
