"""The author preview's palette commands: test from any node of the scenario on screen."""

from __future__ import annotations

from functools import partial
from typing import Protocol, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from ...authoring.file_check import FileCheck
from ...format.text_safety import one_line


class Preview(Protocol):
    """What the provider needs of the author screen."""

    @property
    def shown(self) -> FileCheck | None: ...

    def test_from(self, node: str, *, reveal: bool = False) -> None: ...


class NodeCommands(Provider):
    """`Test from ‹node›` for every situation of the valid scenario on screen."""

    @property
    def _preview(self) -> Preview:
        return cast(Preview, self.screen)  # the only screen whose COMMANDS name this provider

    def _nodes(self) -> list[str]:
        """The situations: an ending has no choices to play from."""
        shown = self._preview.shown
        if shown is None or shown.scenario is None:
            return []
        scenario = shown.scenario
        return [node for node in scenario.nodes if not scenario.is_ending(node)]

    def _run(self, node: str) -> None:
        self._preview.test_from(node, reveal=True)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for node in self._nodes():
            text = f"Test from ‹{one_line(node, 60)}›"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, Content(text), partial(self._run, node), text=text,
                          help="Play the preview from this node")

    async def discover(self) -> Hits:
        for node in self._nodes():
            text = f"Test from ‹{one_line(node, 60)}›"
            yield DiscoveryHit(Content(text), partial(self._run, node), text=text,
                               help="Play the preview from this node")
