"""Lines made once for a text and kept: by the text itself, then by what they were made for
(a width and a style), so that a text shown again is not rendered again."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from textual.content import Content
from textual.strip import Strip


class KeptLines:
    """The lines of the last `room` texts, each under the keys it was made for."""

    def __init__(self, room: int) -> None:
        self._room = room
        self._texts: dict[int, tuple[Content, dict[Hashable, list[Strip]]]] = {}
        """By the id of the text (kept with its lines, so that the id is not reused)."""

    def __len__(self) -> int:
        return len(self._texts)

    def get(self, text: Content, key: Hashable, make: Callable[[], list[Strip]]) -> list[Strip]:
        """`text`'s lines for `key`, made by `make` the first time they are asked for."""
        kept = self._texts.get(id(text))
        if kept is None or kept[0] is not text:
            kept = self._texts[id(text)] = (text, {})
            while len(self._texts) > self._room:
                del self._texts[next(iter(self._texts))]
        lines = kept[1].get(key)
        if lines is None:
            lines = kept[1][key] = make()
        return lines
