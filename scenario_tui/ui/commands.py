"""Command-palette provider: open any playable scenario by typing part of its title."""

from __future__ import annotations

from functools import partial
from typing import Protocol, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from ..format.text_safety import one_line
from ..play.session import Session
from .messages import OpenScenario


class HasSession(Protocol):
    """An app that carries the learner's session (the scenario app does)."""

    session: Session


class ScenarioCommands(Provider):
    """`Play: <title>` for every playable scenario in the catalogue."""

    def _titles(self) -> list[tuple[str, str]]:
        session = cast(HasSession, self.app).session
        return [(e.id, one_line(e.title)) for e in session.entries if e.playable]

    def _open(self, scenario_id: str) -> None:
        self.app.post_message(OpenScenario(scenario_id))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for scenario_id, title in self._titles():
            text = f"Play: {title}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, self._highlight(query, text), partial(self._open, scenario_id),
                          text=text, help=f"Open the scenario {scenario_id}")

    async def discover(self) -> Hits:
        for scenario_id, title in self._titles():
            text = f"Play: {title}"
            yield DiscoveryHit(Content(text), partial(self._open, scenario_id), text=text,
                               help=f"Open the scenario {scenario_id}")

    def _highlight(self, query: str, text: str) -> Content:
        """Like `Matcher.highlight`, but the title is never parsed as markup."""
        matcher = self.matcher(query)
        _, offsets = matcher.fuzzy_search.match(query, text)
        content = Content(text)
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
        return content
