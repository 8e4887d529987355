"""The play screen adapts to the terminal: the service cards fold away below 100 columns and
`s` is remembered per layout, across screens and restarts; the reading column is capped."""

from __future__ import annotations

from collections.abc import Callable

from scenario_tui.play.session import Session
from scenario_tui.ui.screens.play import PlayScreen
from scenario_tui.ui.widgets.service_cards import ServiceCards

from .pilot_steps import settle
from .steady import SteadyApp

SCENARIO = "cache-the-catalogue"


def cards_shown(app: SteadyApp) -> bool:
    assert isinstance(app.screen, PlayScreen)
    return app.screen.query_one(ServiceCards).display


async def test_cards_fold_below_100_columns_and_s_is_remembered(
        make_session: Callable[..., Session]) -> None:
    app = SteadyApp(make_session(), start_id=SCENARIO)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not cards_shown(app)
        await pilot.press("s")
        await settle(pilot)
        assert cards_shown(app)
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert cards_shown(app)  # the wide layout's own default
        await pilot.press("s")  # hidden when wide, too
        await settle(pilot)
        assert not cards_shown(app)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert cards_shown(app)  # narrow keeps its own choice
        await pilot.press("escape", *"cache the", "enter")  # another play screen
        await settle(pilot)
        assert cards_shown(app)
    app.session.close()

    again = SteadyApp(make_session(), start_id=SCENARIO)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert cards_shown(again)
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert not cards_shown(again)


async def test_the_reading_column_is_capped_on_a_wide_terminal(make_app) -> None:
    app = make_app(SCENARIO)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        player = app.screen.query_one("#player")
        cards = app.screen.query_one(ServiceCards)
        assert player.size.width <= 100
        assert cards.region.x == player.region.right  # the cards beside it
        left, right = player.region.x, 200 - cards.region.right
        assert abs(left - right) <= 1  # centred
