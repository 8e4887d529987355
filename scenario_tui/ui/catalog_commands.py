"""Palette commands of the catalogue screen: group its list by exam domain, progress, or not."""

from __future__ import annotations

from functools import partial
from typing import Protocol, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from ..play.catalog_order import DOMAIN, GROUPING_NAMES, GROUPINGS, NONE, PROGRESS

WHAT_EACH_DOES = {
    NONE: "Every scenario in one list, by title",
    DOMAIN: "Under the four exam domains, by title in each",
    PROGRESS: "To improve, not started, then perfect, by title in each",
}
"""Each grouping's line in the palette: they all read the same before."""


class Groupable(Protocol):
    """A screen whose list can be grouped (the catalogue)."""

    def action_group(self, by: str) -> None: ...


class GroupingCommands(Provider):
    """`Catalogue: group by exam domain` and the like (the screen's `Ctrl+G` cycles them)."""

    def _commands(self) -> list[tuple[str, str]]:
        return [(by, f"Catalogue: group by {GROUPING_NAMES[by]}" if by != "none"
                 else "Catalogue: no groups") for by in GROUPINGS]

    @staticmethod
    def _help(by: str) -> str:
        return WHAT_EACH_DOES.get(by, "") + " (remembered)"

    def _group(self, by: str) -> None:
        cast(Groupable, self.screen).action_group(by)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for by, text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self._group, by), text=text,
                          help=self._help(by))

    async def discover(self) -> Hits:
        for by, text in self._commands():
            yield DiscoveryHit(text, partial(self._group, by), text=text, help=self._help(by))
