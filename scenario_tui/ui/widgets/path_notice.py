"""The author preview's one-line notice that a save moved the replayed path.

One line, replaced by the next change and dismissed with a key (the screen's, in the footer
while the notice is up), rather than a toast per save: an author who saves every few seconds
would otherwise collect a stack of them. What moved is the core's sentence
(`authoring.path_change`); this only shows it, as text, never as markup.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from ...authoring.path_change import LABEL_CELLS, PathChange
from ...format.text_safety import one_line

MARK = "↺"
"""Beside the words, so the notice reads without colour."""
SHORTEST_QUOTE = 8
"""Labels are quoted down to this many characters to keep the sentence on its line."""


class PathNotice(Widget):
    """Says which decision an edit moved; hidden until there is something to say."""

    DEFAULT_CSS = """
    PathNotice {
        height: 1;
        padding: 0 1;
        background: $warning-muted;
        color: $text-warning;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        display: none;
    }
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.change: PathChange | None = None

    def show(self, change: PathChange | None) -> None:
        """Show `change`; None (an edit that moved nothing) leaves any notice up until read."""
        if change is None or change == self.change:
            return
        self.change = change
        self.display = True
        self.refresh()

    def render(self) -> Content:
        """The sentence with its labels quoted as fully as the line has room for (the end of
        it, where the path now leads, is what matters most)."""
        change = self.change
        if change is None:
            return Content("")
        room = self.content_region.width - len(MARK) - 1
        cells = LABEL_CELLS
        while cells > SHORTEST_QUOTE and room > 0 and len(change.sentence(cells)) > room:
            cells -= 1
        return Content.assemble((f"{MARK} ", "bold"), one_line(change.sentence(cells), 300))

    def dismiss(self) -> None:
        """Hide the notice until an edit moves the path again."""
        self.change = None
        self.display = False

    @property
    def showing(self) -> bool:
        return self.change is not None
