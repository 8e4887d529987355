"""A choice's number and label, its wrapped lines hanging under the label's first word."""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions


class HangingLabel(Content):
    """A choice's number and label, the label's wrapped lines starting under its first word
    (a hanging indent) rather than under the number, so that the numbers stand out as keys.
    Still a `Content` whose text is the number and the label; only the layout hangs."""

    def __init__(self, number: Content, label: Content) -> None:
        whole = number + label
        super().__init__(whole.plain, list(whole.spans), whole.cell_length)
        self._number, self._label = number, label

    def _hangs(self, width: int) -> bool:
        """Whether the label keeps a useful column beside the number at `width`."""
        return width - self._number.cell_length >= 8

    def get_height(self, rules: RulesMap, width: int) -> int:
        if not self._hangs(width):
            return super().get_height(rules, width)
        return self._label.get_height(rules, width - self._number.cell_length)

    def render_strips(self, width: int, height: int | None, style: Style,
                      options: RenderOptions) -> list[Strip]:
        if not self._hangs(width):
            return super().render_strips(width, height, style, options)
        indent = self._number.cell_length
        lines = self._label.render_strips(width - indent, height, style, options)
        number = self._number.render_strips(indent, 1, style, options)[0]
        gutter = [number.extend_cell_length(indent, style.rich_style),
                  Strip.blank(indent, style.rich_style)]
        return [Strip.join([gutter[bool(y)], line]) for y, line in enumerate(lines)]
