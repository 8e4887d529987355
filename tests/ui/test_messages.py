"""Screens talk to the app only through messages, and background work fails into a notice.

A screen is mounted in a bare app (no navigator behind it) and driven with keys; the messages
it posts are collected with `run_test(message_hook=...)`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.message import Message
from textual.screen import Screen

from scenario_tui.format.model import Scenario
from scenario_tui.play.engine import start
from scenario_tui.play.modes import EXAM, PRACTICE
from scenario_tui.play.session import Session
from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.messages import BackToCatalogue, ModeChosen, OpenScenario, PlayFinished
from scenario_tui.ui.screens.catalog import CatalogScreen
from scenario_tui.ui.screens.play import PlayScreen

from .pilot_steps import click_action, click_option, settle
from .steady import SteadyApp

CACHE = "cache-the-catalogue"
HOSTILE = "markup-and-escapes"


class BareApp(App[None]):
    """Shows one screen and nothing else: no handler for what the screen posts."""

    def __init__(self, screen: Screen[None]) -> None:
        super().__init__()
        self._first = screen

    def on_mount(self) -> None:
        self.push_screen(self._first)


def collector() -> tuple[list[Message], Callable[[Message], None]]:
    """A list of posted messages and the hook that fills it (a message that bubbles from the
    screen to the app is handed to the hook at each, so it is kept once)."""
    posted: list[Message] = []

    def hook(message: Message) -> None:
        if not any(message is seen for seen in posted):
            posted.append(message)

    return posted, hook


async def test_play_screen_posts_finished_and_leave(make_session: Callable[..., Session]
                                                    ) -> None:
    session = make_session()
    scenario = session.scenario(CACHE)
    posted, hook = collector()
    app = BareApp(PlayScreen(session, scenario, start(scenario, EXAM)))
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await pilot.pause()
        await pilot.press("9")  # no ninth choice: a bell, not a crash
        path = [c.index for c in _best(scenario)]
        await pilot.press(*(str(i + 1) for i in path))
        await pilot.pause()
        finished = [m for m in posted if isinstance(m, PlayFinished)]
        assert len(finished) == 1 and finished[0].play.finished(scenario)
        assert finished[0].play.mode == EXAM
        await pilot.press("escape")
        await pilot.pause()
        assert any(isinstance(m, BackToCatalogue) for m in posted)


def _best(scenario: Scenario) -> list:
    from scenario_tui.analysis.scoring import analyse

    return analyse(scenario).best_path()


async def test_catalogue_posts_open_and_mode(make_session: Callable[..., Session]) -> None:
    posted, hook = collector()
    app = BareApp(CatalogScreen(make_session()))
    async with app.run_test(size=(100, 30), message_hook=hook) as pilot:
        await settle(pilot)
        await pilot.press("f2", *"cache-the", "enter")  # typed letters filter the list
        await pilot.pause()
        assert EXAM in [m.mode for m in posted if isinstance(m, ModeChosen)]
        opened = [m for m in posted if isinstance(m, OpenScenario)]
        assert [(m.scenario_id, m.mode) for m in opened] == [(CACHE, EXAM)]


class SlowSession(Session):
    """A session whose first scenario loads only when the test lets it."""

    entered: threading.Event
    release: threading.Event

    def scenario(self, scenario_id: str) -> Scenario:
        if scenario_id == CACHE:
            self.entered.set()
            self.release.wait(10)
        return super().scenario(scenario_id)


async def test_opening_a_then_b_at_once_shows_b(data_dir: Path) -> None:
    fixtures = Path(__file__).resolve().parent.parent / "fixtures" / "ui_scenarios"
    session = SlowSession.create([fixtures], data_dir, with_bundled=False)
    assert isinstance(session, SlowSession)
    session.entered, session.release = threading.Event(), threading.Event()
    app = SteadyApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.post_message(OpenScenario(CACHE))  # A: its thread is held back in the load
        for _ in range(200):
            await pilot.pause(0.01)
            if session.entered.is_set():
                break
        app.post_message(OpenScenario(HOSTILE))  # B, while A is still loading
        for _ in range(200):
            await pilot.pause(0.01)
            if isinstance(app.screen, PlayScreen):
                break
        assert isinstance(app.screen, PlayScreen) and app.screen.scenario.id == HOSTILE
        session.release.set()  # A finishes loading now, after it was overtaken
        for _ in range(50):  # were A shown, it would be within a few milliseconds
            await pilot.pause(0.02)
            if isinstance(app.screen, PlayScreen) and app.screen.scenario.id == CACHE:
                break
        assert isinstance(app.screen, PlayScreen) and app.screen.scenario.id == HOSTILE
        assert len(app.screen_stack) == 2


class BrokenStoreSession(Session):
    """A session whose progress cannot be read: the disk went away under it."""

    def progress(self):  # type: ignore[no-untyped-def]
        raise OSError(5, "Input/output error")


async def test_a_failed_load_is_a_notice_not_a_crash(data_dir: Path) -> None:
    fixtures = Path(__file__).resolve().parent.parent / "fixtures" / "ui_scenarios"
    session = BrokenStoreSession.create([fixtures], data_dir, with_bundled=False)
    notices: list[str] = []

    class Recording(SteadyApp):
        def notify(self, message: str, **options: object) -> None:  # type: ignore[override]
            notices.append(message)
            super().notify(message, **options)  # type: ignore[arg-type]

    app = Recording(session)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(200):  # `settle` would re-raise the worker's error: wait on the notice
            await pilot.pause(0.01)
            if notices:
                break
        assert app.is_running and isinstance(app.screen, CatalogScreen)
        assert notices == ["Reading your progress failed. OSError: [Errno 5] Input/output error"]
        assert app.screen.entries  # the library shows all the same


def test_no_screen_imports_the_app() -> None:
    screens = Path(__file__).resolve().parents[2] / "scenario_tui" / "ui" / "screens"
    for path in screens.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "ScenarioApp" not in text and "from ..app" not in text, path.name


def test_practice_is_the_default_mode(make_session: Callable[..., Session]) -> None:
    assert ScenarioApp(make_session()).mode == PRACTICE


async def test_the_mouse_chooses_undoes_and_continues(make_session: Callable[..., Session]
                                                      ) -> None:
    session = make_session()
    scenario = session.scenario(CACHE)
    screen = PlayScreen(session, scenario, start(scenario, PRACTICE))
    async with BareApp(screen).run_test(size=(200, 40)) as pilot:  # a label a line
        await pilot.pause()
        await click_option(pilot, 0)
        await pilot.pause()
        assert screen.feedback is not None and screen.feedback.index == 0
        await click_action(pilot, "undo")
        await pilot.pause()
        assert screen.feedback is None and screen.play.choices == ()
        await click_option(pilot, 1)
        await pilot.pause()
        await click_action(pilot, "continue")
        await pilot.pause()
        assert screen.feedback is None and [c.index for c in screen.play.choices] == [1]
