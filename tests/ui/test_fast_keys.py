"""Keys typed faster than the screen draws: each crash the random-input tests found, replayed.

Keys that arrive together (a held key's repeats, a fast typist, a terminal's one read) are
handled one after another before the screen draws again; `burst` posts them so. Each test
below failed before its fix with the crash its docstring names, and says which run of
test_random_input.py found it on the code before the fix: the CI seed, or an exploring one,
`SCENARIO_TUI_MONKEY_BURSTS=all SCENARIO_TUI_MONKEY_SEED=a` (every batch a burst). The keys
were then shrunk to the few that still crash.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest
from textual.app import App, ComposeResult
from textual.command import CommandList, CommandPalette, Hit, Hits, Provider
from textual.containers import Vertical
from textual.content import Content
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import OptionList

from scenario_tui.play.engine import start
from scenario_tui.play.modes import PRACTICE
from scenario_tui.play.session import Session
from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.messages import ShowPlay
from scenario_tui.ui.screens.catalog import CatalogScreen
from scenario_tui.ui.screens.debrief import DebriefScreen
from scenario_tui.ui.screens.play import PlayScreen
from scenario_tui.ui.widgets.decision_box import DecisionBox
from scenario_tui.ui.widgets.header_footer import ScreenHeader

from .history import seed_history
from .monkey import (
    CACHE,
    MonkeyApp,
    burst,
    quiet,
    to_catalogue,
    to_play,
    to_practice,
    to_replay,
    to_tree,
)
from .pilot_steps import settle


@pytest.mark.parametrize("key", ["pageup", "pagedown"])
@pytest.mark.parametrize("beneath", [to_catalogue, to_practice], ids=["catalogue", "play"])
async def test_a_page_key_typed_while_the_palette_opens(
        key: str, beneath: Callable[[Pilot, int], Awaitable[object]],
        make_session: Callable[..., Session]) -> None:
    """PgUp or PgDn within about 50 ms of Ctrl+P paged the palette's list before it had a
    size: Textual's `OptionList` raised KeyError and the app ended. The CI seed found it
    (tree state at 80x24, exam at 120x40), and so did every exploring seed."""
    app = MonkeyApp(make_session())
    async with app.run_test(size=(80, 24)) as pilot:
        await quiet(pilot)
        await beneath(pilot, 0)
        burst(app, ["ctrl+p", key])  # in one read, before the palette is drawn
        await quiet(pilot)
        assert app.is_running and isinstance(app.screen, CommandPalette)


async def test_next_then_retry_typed_before_the_next_scenario_loads(
        make_session: Callable[..., Session]) -> None:
    """`n` then `r` on the debrief, faster than the next scenario loads: the retry's play screen
    was replaced by the next scenario's before its first refresh, and that refresh found its
    widgets gone (NoMatches on the breadcrumb). Exploring seed `a` found it from the tree
    state (both sizes; `c` and `e` too), shrunk to these two keys."""
    session = make_session()
    seed_history(session)
    app = MonkeyApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await quiet(pilot)
        await to_tree(pilot, 0)
        burst(app, ["n", "r"])  # in one read, before the next scenario has loaded
        await quiet(pilot)
        assert app.is_running and isinstance(app.screen, PlayScreen)


async def test_enter_held_down_in_the_palette(make_session: Callable[..., Session]) -> None:
    """Enters that reach the palette's input together (a held key repeats them): the palette
    closed once per Enter, closing the screens beneath it, and with only the catalogue left
    the app ended (ScreenStackError). Exploring seeds `a` and `f` found it from the palette
    state at 120x40, shrunk to Ctrl+P, then Enter, Enter."""
    app = MonkeyApp(make_session())
    async with app.run_test(size=(80, 24)) as pilot:
        await quiet(pilot)
        await pilot.press("ctrl+p")
        await quiet(pilot)
        burst(app, ["enter"] * 3)
        await quiet(pilot)
        assert app.is_running and isinstance(app.screen_stack[0], CatalogScreen)


async def test_enter_held_down_in_the_replay_picker(make_session: Callable[..., Session]
                                                    ) -> None:
    """The replay picker chose once per Enter that reached its list together: the second
    closed the debrief beneath it and the third the catalogue (ScreenStackError). Found by
    looking for the palette's fault in our own dialogs: this one had it. (A replay, even from
    the first decision, opens over its debrief.)"""
    app = MonkeyApp(make_session())
    async with app.run_test(size=(80, 24)) as pilot:
        await quiet(pilot)
        await to_replay(pilot, 0)
        burst(app, ["enter"] * 3)
        await quiet(pilot)
        assert app.is_running and isinstance(app.screen, PlayScreen)
        assert [type(screen) for screen in app.screen_stack] == [CatalogScreen, DebriefScreen,
                                                                 PlayScreen]


async def test_a_scenario_that_loads_while_the_palette_searches(
        make_session: Callable[..., Session]) -> None:
    """A scenario opened just before Ctrl+P finished loading while the palette searched what
    was typed: the play screen took the palette's place, and the search, cancelled by Textual
    only once the palette's widgets were gone, put its results into the removed list
    (NoMatches, in a worker that ends the app). A first exploring script (every batch a burst,
    states in one app) found it from the palette state at 120x40, one run in three. Here a
    search is held open, so the order is the same every run: it must be cancelled before the
    palette's list goes."""
    release = asyncio.Event()

    class Held(Provider):
        async def search(self, query: str) -> Hits:
            await release.wait()
            yield Hit(1, "held", lambda: None)

    class HeldApp(MonkeyApp):
        COMMANDS = MonkeyApp.COMMANDS | {Held}

    session = make_session()
    app = HeldApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await quiet(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        burst(app, ["z"])
        while not (search := [w for w in app.workers if w.node is palette and w.is_running]):
            await asyncio.sleep(0)  # until the palette searches
        scenario = session.scenario(CACHE)
        app.post_message(ShowPlay(scenario, start(scenario)))  # the scenario arrives
        while palette.query(CommandList):
            await asyncio.sleep(0)  # until the palette's list is gone
        assert search[0].is_cancelled
        release.set()
        await quiet(pilot)
        assert app.is_running and isinstance(app.screen, PlayScreen)


class Titled(Screen[None]):
    """A screen with the apps' header."""

    def compose(self) -> ComposeResult:
        yield ScreenHeader()


class FlashApp(App[None]):
    """`x` shows a titled screen and takes it away before the app looks at anything else."""

    async def key_x(self) -> None:
        await self.push_screen(Titled())
        await self.pop_screen()


async def test_a_header_replaced_before_the_app_looked_at_its_title() -> None:
    """Textual has the app run a header's first look at the app's title; a header gone by then
    found its title gone (NoMatches) and the app ended. Exploring seeds `c` (debrief state)
    and `f` (practice) found it at 80x24; the `n` `r` keys above do it too."""
    app = FlashApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, Titled)


class ChoicesApp(App[None]):
    """Lists that have not been laid out yet: their container is not displayed."""

    CSS = "#hidden { display: none; }"

    def compose(self) -> ComposeResult:
        with Vertical(id="hidden"):
            yield OptionList(id="list")
            yield DecisionBox(id="decision")


async def test_a_list_not_laid_out_yet_takes_page_keys(make_session: Callable[..., Session]
                                                      ) -> None:
    """A list (the play screen's choices were one), focused on a new screen and paged before
    its first layout, raised KeyError, as the palette's list did (the first exploring script,
    practice state at 120x40). The decision box that shows the choices now takes them too."""
    app = ChoicesApp()
    async with app.run_test(size=(80, 24)) as pilot:
        listed = app.query_one(OptionList)
        box = app.query_one(DecisionBox)
        scenario = make_session().scenario(CACHE)
        labels = [choice.label for choice in scenario.choices(scenario.start)]
        listed.add_options(labels)
        listed.highlighted = 0
        box.show_choices([Content(label) for label in labels])
        await pilot.pause()
        assert listed.highlighted == 0 and not listed.scrollable_content_region
        for page in (listed.action_page_down, listed.action_page_up, lambda: box.action_page(1),
                     lambda: box.action_page(-1)):
            page()
        await pilot.pause()
        assert app.is_running and listed.highlighted == 0 and box.cursor == 0


async def test_enter_right_after_a_choice_continues(make_session: Callable[..., Session]
                                                    ) -> None:
    """A choice and Enter typed together: the hidden choices kept the focus until the
    feedback's frame was drawn, and took that Enter for themselves, so it was lost (the
    end-to-end test in tmux missed its debrief on a busy machine)."""
    app = MonkeyApp(make_session())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await to_play(pilot, PRACTICE)
        burst(app, ["1", "enter"])
        await quiet(pilot)
        assert len(screen.play.choices) == 1 and screen.feedback is None


async def test_two_answers_each_with_enter_in_quick_succession(
        make_app: Callable[..., ScenarioApp]) -> None:
    """Enter pressed a Continue button, which kept a pressed look for 0.2 s, and Textual
    ignores a press on a button that has it: the next answer's Enter, within that time, was
    lost (the end-to-end test in tmux missed its debrief on a busy machine, and so would a
    quick learner). Continue is now drawn by the decision box, which has no such look."""
    app = make_app("cache-the-catalogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        await pilot.press("1", "enter")
        assert len(screen.play.choices) == 1 and screen.feedback is None
        await pilot.press("1", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen) or (
            len(screen.play.choices) == 2 and screen.feedback is None)
