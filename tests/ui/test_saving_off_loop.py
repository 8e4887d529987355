"""Saves are made off the event loop: while another program holds the store's write lock, a
finished play's debrief shows at once, and the play lands in the store when the lock goes (at
once, or at the next chance if the wait outlasted the busy timeout). Nothing is lost when the
app quits with a save still held."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from scenario_tui.play.modes import EXAM
from scenario_tui.play.session import Session
from scenario_tui.progress.journal import JOURNAL_NAME
from scenario_tui.progress.store import DB_NAME
from scenario_tui.ui.screens.catalog import CatalogScreen
from scenario_tui.ui.screens.debrief import DebriefScreen

from .pilot_steps import settle
from .test_saving import CACHE, MISTAKE, NotedApp, write_lock


def stored_scores(folder: Path) -> list[int]:
    """The scores of the stored plays, read by a connection of the test's own (the app's
    may be waiting on the lock in a worker thread)."""
    with sqlite3.connect(folder / DB_NAME) as db:
        scores = [row[0] for row in db.execute("SELECT score FROM plays ORDER BY id")]
    db.close()
    return scores


async def choose_until_debrief(pilot: Pilot) -> None:
    """Choose `MISTAKE` and wait, step by step and without waiting for the save worker,
    until the debrief is on screen."""
    await settle(pilot)
    await pilot.press(*MISTAKE)
    for _ in range(100):
        if isinstance(pilot.app.screen, DebriefScreen):
            return
        await pilot.pause()
    raise AssertionError(f"no debrief: {pilot.app.screen!r}")


async def test_the_debrief_shows_while_the_store_is_locked_and_the_play_lands_after(
        make_session: Callable[..., Session], data_dir: Path) -> None:
    """The save waits in a worker (a long busy timeout: the lock goes before it ends); on
    the event loop, where the save used to wait, the debrief is already up."""
    session = make_session()
    session.busy_timeout = 60.0
    app = NotedApp(session, start_id=CACHE, mode=EXAM)
    async with app.run_test(size=(100, 30)) as pilot:
        with write_lock(data_dir):
            await choose_until_debrief(pilot)
            assert stored_scores(data_dir) == []
        await settle(pilot)
        assert stored_scores(data_dir) == [3]
        assert app.notes == []  # saved as usual: nothing to say
        assert not (data_dir / JOURNAL_NAME).exists()


async def test_a_save_held_past_the_busy_timeout_lands_at_the_next_chance(
        make_session: Callable[..., Session], data_dir: Path) -> None:
    session = make_session()
    session.busy_timeout = 0.2  # the lock outlasts it
    app = NotedApp(session, start_id=CACHE, mode=EXAM)
    async with app.run_test(size=(100, 30)) as pilot:
        with write_lock(data_dir):
            await choose_until_debrief(pilot)
            await settle(pilot)
            assert isinstance(app.screen, DebriefScreen)
            severity, notice = app.notes[-1]
            assert severity == "warning" and notice.startswith(
                "Your progress could not be saved yet (another program is writing")
            assert stored_scores(data_dir) == []
        await pilot.press("escape")  # back to the catalogue: the held save is tried again
        await settle(pilot)
        assert isinstance(app.screen, CatalogScreen)
        assert stored_scores(data_dir) == [3]
        assert app.notes[-1] == ("information", "Progress that could not be saved before is "
                                 "saved now (1 play or review answer).")
        assert not (data_dir / JOURNAL_NAME).exists()
