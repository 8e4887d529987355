"""The app syncs to a real class store on its own: at start-up and after each saved play, in
a worker, writing here first; with the server down the play waits here, the learner hears so
once, and it is sent when the server is back, once however often the app syncs."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from pg_cluster import class_on, server_in
from textual.pilot import Pilot

from scenario_tui.play.modes import EXAM
from scenario_tui.play.session import Session
from scenario_tui.progress import class_config
from scenario_tui.progress.local_server import LocalServer
from scenario_tui.ui.screens.catalog import CatalogScreen
from scenario_tui.ui.screens.debrief import DebriefScreen
from scenario_tui.ui.widgets.catalog_status import CatalogStatus

from .pilot_steps import settle
from .steady import SteadyApp

CACHE = "cache-the-catalogue"
MISTAKE = ("2", "1", "1")
UNREACHABLE = "Your plays are kept here and sent when the class store is back."


class NotedApp(SteadyApp):
    """Keeps every notification it shows: (severity, message)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.notes: list[tuple[str, str]] = []

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:
        self.notes.append((str(kwargs.get("severity", "information")), str(message)))
        super().notify(message, *args, **kwargs)


@pytest.fixture
def own_server() -> Iterator[LocalServer]:
    """A server of this test's own, to stop and start."""
    server = server_in()
    try:
        yield server
    finally:
        server.stop("immediate")
        shutil.rmtree(server.directory, ignore_errors=True)


def server_play_ids(url: str) -> list[str]:
    with psycopg.connect(url) as connection:
        return sorted(str(r[0]) for r in connection.execute("SELECT play_id FROM plays"))


async def play_once(pilot: Pilot) -> None:
    """Finish a play of the open scenario, then go back to the catalogue; all synced."""
    await settle(pilot)
    await pilot.press(*MISTAKE)
    await settle(pilot)
    assert isinstance(pilot.app.screen, DebriefScreen)
    await pilot.press("escape")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CatalogScreen)


def status_line(app: NotedApp) -> str:
    return str(app.screen.query_one(CatalogStatus).render())


def class_notes(app: NotedApp) -> list[tuple[str, str]]:
    return [note for note in app.notes if "class store" in note[1]]


async def test_a_finished_play_reaches_the_class_store(
        make_session: Callable[..., Session], data_dir: Path, learner_url: str) -> None:
    class_config.save(class_config.ClassLink(learner_url), data_dir)
    app = NotedApp(make_session(), start_id=CACHE, mode=EXAM)
    async with app.run_test(size=(120, 30)) as pilot:
        await play_once(pilot)
        local = [p.play_id for p in app.session.store.plays()]
        assert len(local) == 1
        assert server_play_ids(learner_url) == local
        assert "class: synced" in status_line(app)
        assert class_notes(app) == []   # a reachable store says nothing


async def test_a_play_made_while_the_server_is_down_is_sent_once_it_is_back(
        make_session: Callable[..., Session], data_dir: Path,
        own_server: LocalServer) -> None:
    _, url = class_on(own_server)
    class_config.save(class_config.ClassLink(url), data_dir)
    own_server.stop("immediate")
    app = NotedApp(make_session(), start_id=CACHE, mode=EXAM)
    async with app.run_test(size=(120, 30)) as pilot:
        await play_once(pilot)
        await pilot.press("enter")   # and a second play: still one notice, not one per sync
        await play_once(pilot)
        assert len(app.session.store.plays()) == 2   # kept here
        assert "class: 2 plays to sync" in status_line(app)
        [(severity, notice)] = class_notes(app)
        assert severity == "warning" and notice.startswith("The class store cannot be reached")
        assert notice.endswith(UNREACHABLE)

        own_server.start()
        app.class_syncing.start(app.session)   # as the retry timer does
        await settle(pilot)
        assert class_notes(app)[1:] == [("information", "The class store is reachable again: "
                                         "2 plays sent.")]
        assert "class: synced" in status_line(app)
        local = sorted(p.play_id for p in app.session.store.plays())
        assert server_play_ids(url) == local

    again = NotedApp(make_session())   # a restart syncs again: nothing doubles
    async with again.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        again.class_syncing.start(again.session)
        again.class_syncing.start(again.session)
        await settle(pilot)
        assert server_play_ids(url) == local
        assert class_notes(again) == []
        assert "class: synced" in status_line(again)


async def test_a_play_made_offline_is_sent_at_the_next_start(
        make_session: Callable[..., Session], data_dir: Path,
        own_server: LocalServer) -> None:
    _, url = class_on(own_server)
    class_config.save(class_config.ClassLink(url), data_dir)
    own_server.stop("immediate")
    app = NotedApp(make_session(), start_id=CACHE, mode=EXAM)
    async with app.run_test(size=(120, 30)) as pilot:
        await play_once(pilot)
    own_server.start()
    again = NotedApp(make_session())
    async with again.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert server_play_ids(url) == [p.play_id for p in again.session.store.plays()]
        assert len(server_play_ids(url)) == 1
        assert "class: synced" in status_line(again)
