"""A Static whose lines for a coming text can be rendered ahead, while the learner reads.

Rendering a paragraph of styled text into lines is most of what it costs Textual to show it,
and the player knows every feedback it may show next while the choices are on screen. So the
lines are made then, in idle time, and a choice only swaps them in.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.visual import Visual
from textual.widgets import Static

KEPT = 12
"""Texts whose lines are kept: the feedback of every choice at a decision, with room."""


class PreparedText(Static):
    """Shows a `Content` as a Static does, from lines `prepare` made ahead when it did.

    Prepared lines are used only when they are what Textual would render now: the same text
    object, width, height and style, and no text selection; anything else renders as usual."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._ahead: dict[int, tuple[Content, dict[tuple[int, object], list[Strip]]]] = {}
        """Lines made ahead, by the id of their text (the text is kept with them, so that
        the id is not reused while they are)."""
        self._drawing: list[Strip] | None = None
        """The prepared lines of the text on screen, while `render_lines` draws them."""

    def prepare(self, content: Content, width: int) -> None:
        """Render `content`'s lines at `width` now, for a later `update(content)`."""
        if width <= 0 or self.text_selection is not None:
            return
        style = self.visual_style
        strips = Visual.to_strips(self, content, width, None, style)
        kept = self._ahead.setdefault(id(content), (content, {}))[1]
        kept[(width, style)] = strips
        while len(self._ahead) > KEPT:
            del self._ahead[next(iter(self._ahead))]

    def _prepared(self) -> list[Strip] | None:
        """The lines made ahead for what is shown at the current size, if there are any."""
        content = self.visual
        found = self._ahead.get(id(content))
        if found is None or found[0] is not content or self.text_selection is not None:
            return None
        size = self.size
        strips = found[1].get((size.width, self.visual_style))
        if strips is None or len(strips) != size.height:
            return None
        return strips

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        found = self._ahead.get(id(self.visual))
        if found is not None and found[0] is self.visual:
            for (prepared_width, _style), strips in found[1].items():
                if prepared_width == width:
                    return len(strips)
        return super().get_content_height(container, viewport, width)  # type: ignore[arg-type]

    def render_lines(self, crop: Region) -> list[Strip]:
        """Look up the prepared lines once for all the lines drawn now (the widget's size is
        a look-up in the screen's map each time it is asked for)."""
        self._drawing = self._prepared()
        try:
            return super().render_lines(crop)
        finally:
            self._drawing = None

    def render_line(self, y: int) -> Strip:
        strips = self._drawing
        if strips is None or not 0 <= y < len(strips):
            return super().render_line(y)
        return strips[y]
