"""The play screen's key bar shows only keys that work in the state on screen."""

from __future__ import annotations

import pytest
from textual.screen import Screen

from scenario_tui.play.modes import EXAM, PRACTICE
from scenario_tui.ui.screens.play import PlayScreen

from .pilot_steps import settle


def shown(screen: Screen[object]) -> dict[str, bool]:
    """The actions the footer shows, each with whether it is enabled (not dimmed)."""
    return {active.binding.action.partition("(")[0]: active.enabled
            for active in screen.active_bindings.values() if active.binding.show}


@pytest.mark.parametrize(("mode", "keys", "hidden"), [
    (PRACTICE, (), {"undo", "continue"}),
    (PRACTICE, ("2",), {"choose"}),
    (PRACTICE, ("2", "enter"), {"continue"}),
    (EXAM, (), {"undo", "continue"}),
    (EXAM, ("2",), {"undo", "continue"}),
])
async def test_every_key_shown_works_now(make_app, mode: str, keys: tuple[str, ...],
                                        hidden: set[str]) -> None:
    app = make_app("cache-the-catalogue", mode=mode)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        assert isinstance(app.screen, PlayScreen)
        keys_shown = shown(app.screen)
        assert all(keys_shown.values()), keys_shown  # nothing shown dimmed: it would not work
        assert not hidden & keys_shown.keys(), keys_shown
        assert {"toggle_services", "leave"} <= keys_shown.keys()
