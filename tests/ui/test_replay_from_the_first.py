"""What the learner chose from the debrief is what the run is: "Replay from…" then decision 1 is
a replay (labelled, not counted, Esc back to its debrief), as from any other decision, and
the play's footer names where Esc goes."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from scenario_tui.play.modes import PRACTICE
from scenario_tui.play.session import Session
from scenario_tui.progress.kinds import ATTEMPT, REPLAY
from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.screens.catalog import CatalogScreen
from scenario_tui.ui.screens.debrief import DebriefScreen
from scenario_tui.ui.screens.play import PlayScreen
from scenario_tui.ui.widgets.header_footer import ScreenFooter
from scenario_tui.ui.widgets.player import Player

from .pilot_steps import settle

CACHE = "cache-the-catalogue"


def status(screen: PlayScreen) -> str:
    return screen.query_one(Player).view.status.plain


def footer_text(screen: PlayScreen) -> str:
    """The footer's keys and what each does, as one line."""
    footer = screen.query_one(ScreenFooter)
    return " ".join(str(key.render()) for key in footer.children)


async def practise(pilot: Pilot, *keys: str) -> None:
    """Choose each of `keys` and Continue past its feedback."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)


async def test_replay_from_decision_one_is_a_replay(
        make_session: Callable[..., Session], make_app: Callable[..., ScenarioApp]) -> None:
    app = make_app(CACHE, mode=PRACTICE, session=make_session())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await practise(pilot, "3", "1")
        first = app.screen
        assert isinstance(first, DebriefScreen)
        await pilot.press("p", "1")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlayScreen) and screen.play.choices == ()
        assert screen.play.kind == REPLAY
        assert "replay, not counted" in status(screen)
        await pilot.press("escape")                        # back to the debrief it came from
        await settle(pilot)
        assert app.screen is first
        await pilot.press("p", "1")
        await settle(pilot)
        await practise(pilot, "1", "1")
        report = app.screen
        assert isinstance(report, DebriefScreen) and report.report.play.kind == REPLAY
        assert [p.kind for p in app.session.store.plays()] == [ATTEMPT, REPLAY]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CatalogScreen)
        summary = app.session.progress().summaries[CACHE]
        assert summary.attempts == 1
    assert app.session.unfinished_ids() == frozenset()


async def test_the_footer_says_where_esc_goes(
        make_session: Callable[..., Session], make_app: Callable[..., ScenarioApp]) -> None:
    """An attempt's Esc goes to the catalogue; a replay's (and a what-if's) to its debrief."""
    app = make_app(CACHE, mode=PRACTICE, session=make_session())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        attempt = app.screen
        assert isinstance(attempt, PlayScreen)
        assert "Catalogue" in footer_text(attempt) and "Debrief" not in footer_text(attempt)
        await practise(pilot, "3", "1")
        await pilot.press("p", "2")
        await settle(pilot)
        replay = app.screen
        assert isinstance(replay, PlayScreen) and replay.play.kind == REPLAY
        assert "Debrief" in footer_text(replay) and "Catalogue" not in footer_text(replay)
