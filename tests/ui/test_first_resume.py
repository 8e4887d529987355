"""A screen keeps the styles it was mounted with when it is first shown (Textual would style
every node again at once), and still follows a theme chosen while it was covered."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.screens.catalog import CatalogScreen
from scenario_tui.ui.screens.play import PlayScreen

from .pilot_steps import settle


@pytest.fixture
def restyles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The screens styled whole on a resume (`update_node_styles(animate=False)`)."""
    seen: list[str] = []
    for screen in (CatalogScreen, PlayScreen):
        original = screen.update_node_styles

        def counted(self: CatalogScreen | PlayScreen, animate: bool = True,
                    original: Callable[..., None] = original) -> None:
            if not animate:
                seen.append(type(self).__name__)
            original(self, animate)

        monkeypatch.setattr(screen, "update_node_styles", counted)
    return seen


async def test_screens_are_not_styled_again_when_first_shown(
        make_app: Callable[..., ScenarioApp], restyles: list[str]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, CatalogScreen)
        assert restyles == []
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PlayScreen)
        assert restyles == []


async def test_a_theme_chosen_while_a_screen_was_covered_shows_when_it_returns(
        make_app: Callable[..., ScenarioApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        before = screen.styles.background
        await pilot.press("question_mark")
        await settle(pilot)
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert screen.styles.background != before
