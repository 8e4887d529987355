"""Screens with two layouts carry the right breakpoint class from construction, so their first
frame is already laid out for the terminal's width (no restyle on the first Resize)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.screens.catalog import CatalogScreen
from scenario_tui.ui.screens.stats import StatsScreen


@pytest.mark.parametrize(("width", "expected", "other"),
                         [(80, "-narrow", "-wide"), (120, "-wide", "-narrow")])
async def test_a_new_screen_has_the_class_for_the_width(
        make_app: Callable[..., ScenarioApp], width: int, expected: str, other: str) -> None:
    app = make_app()
    async with app.run_test(size=(width, 30)):
        for screen in (CatalogScreen(app.session), StatsScreen(app.session)):
            assert screen.has_class(expected) and not screen.has_class(other)


def test_a_screen_made_outside_an_app_leaves_it_to_textual(make_session) -> None:
    assert not {"-narrow", "-wide"} & set(CatalogScreen(make_session()).classes)
