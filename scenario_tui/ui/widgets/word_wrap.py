"""Text whose lines break where `line_breaks` says: at spaces, and a word too long for the
line (a URL, a header name, a path) between its segments, after `/`, `:`, `.` or `-`. Textual's
own wrapping folds such a word at the edge, mid-word; a card that names a docs page or an API
header should keep it readable.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from .line_breaks import break_offsets


def wrap_words(content: Content, width: int) -> Content:
    """`content` with a line break wherever `break_offsets` breaks its lines at `width`
    cells; every line then fits, so Textual's own wrapping leaves it as it is."""
    lines: list[Content] = []
    for line in content.split("\n", allow_blank=True):
        lines.extend(piece.rstrip() for piece in line.divide(break_offsets(line.plain, width)))
    return Content("\n").join(lines)


class WordWrapped(Static):
    """A `Static` of `Content` whose lines break at words (`wrap_words`), laid out once per
    width."""

    def __init__(self, content: Content, *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(content, id=id, classes=classes)
        self._wrapped: tuple[int, object, Content] | None = None

    def wrapped(self, width: int) -> Content:
        """The content broken into lines for `width` cells (kept for the last width)."""
        content = self.content
        cached = self._wrapped
        if cached is None or cached[0] != width or cached[1] is not content:
            text = content if isinstance(content, Content) else Content(str(content))
            cached = self._wrapped = (width, content, wrap_words(text, max(1, width)))
        return cached[2]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.wrapped(width).plain.count("\n") + 1

    def render(self) -> Content:
        return self.wrapped(self.content_size.width)
