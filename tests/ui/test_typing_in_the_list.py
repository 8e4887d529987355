"""Typing with the catalogue's list focused filters, as it does in the filter box; the list
keeps its own keys."""

from __future__ import annotations

from collections.abc import Callable

from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.screens.catalog import FilterInput
from scenario_tui.ui.screens.play import PlayScreen
from scenario_tui.ui.widgets.scenario_list import ScenarioList

from .monkey import burst, quiet
from .pilot_steps import settle


async def test_a_title_typed_in_the_list_filters_and_enter_plays_it(
        make_app: Callable[..., ScenarioApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(ScenarioList)
        first = listing.current
        await pilot.press("tab")
        assert app.screen.focused is listing
        wanted = next(e for e in listing.matching if e is not first and e.playable)
        word = wanted.title.split()[-1].lower()
        await pilot.press(*word)
        await settle(pilot)
        box = app.screen.query_one(FilterInput)
        assert box.value == word and app.screen.focused is box
        assert all(word in e.title.lower() or word in e.id for e in listing.matching)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PlayScreen)
        assert app.screen.scenario.id == listing.matching[0].id


async def test_typing_in_the_list_adds_to_the_filter_and_j_k_still_move(
        make_app: Callable[..., ScenarioApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        box = app.screen.query_one(FilterInput)
        listing = app.screen.query_one(ScenarioList)
        await pilot.press("tab")
        assert app.screen.focused is listing
        await pilot.press("a")
        await settle(pilot)
        assert box.value == "ca" and box.cursor_position == 2
        await pilot.press("b", "escape")
        await settle(pilot)
        assert box.value == ""
        await pilot.press("tab")
        assert app.screen.focused is listing, app.screen.focused
        before = listing.highlighted
        await pilot.press("j")
        assert before is not None and listing.highlighted == before + 1
        assert box.value == ""


async def test_a_word_typed_at_once_in_the_list_reaches_the_filter_whole(
        make_app: Callable[..., ScenarioApp]) -> None:
    """Typed faster than the screen draws (as a terminal delivers it), the letters after the
    first were already on their way to the list when the first moved the focus: the filter
    got "r" of "read"."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        assert isinstance(app.screen.focused, ScenarioList)
        burst(app, list("read"))
        await quiet(pilot)
        assert app.screen.query_one(FilterInput).value == "read"
