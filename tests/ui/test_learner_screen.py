"""The served app's first screen, "Who is playing?": a name by keyboard or mouse, refused with
a reason when it cannot be used, and then the catalogue on that learner's own progress; a
class join code, if given, kept in that learner's folder (0600), and their plays synced."""

from __future__ import annotations

import stat
from pathlib import Path

import psycopg
import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static

from scenario_tui.play.learners import LEARNERS_DIR, learner
from scenario_tui.play.modes import EXAM
from scenario_tui.progress import class_config
from scenario_tui.ui.screens.catalog import CatalogScreen
from scenario_tui.ui.screens.debrief import DebriefScreen
from scenario_tui.ui.screens.learner import LearnerScreen
from scenario_tui.ui.served_app import ServedApp

from .conftest import FIXTURES
from .pilot_steps import settle

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


class SteadyServedApp(ServedApp):
    """`ServedApp` with steady input cursors (see `steady.SteadyApp`)."""

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, Input):
            event.widget.cursor_blink = False


@pytest.fixture
def served(data_dir: Path) -> ServedApp:
    return SteadyServedApp([FIXTURES], data_dir)


def error_text(app: ServedApp) -> str:
    return str(app.screen.query_one("#learner-error", Static).content)


async def test_a_typed_name_opens_the_catalogue_on_that_learners_progress(
        served: ServedApp, data_dir: Path) -> None:
    async with served.run_test() as pilot:
        assert isinstance(served.screen, LearnerScreen)
        await pilot.press(*"Ada Lovelace", "enter")
        await settle(pilot)
        assert isinstance(served.screen, CatalogScreen)
        assert served.screen_stack == [served.screen]  # the catalogue is at the bottom
        assert served.session.data_dir == data_dir / LEARNERS_DIR / learner("Ada Lovelace").slug
        assert served.sub_title == "playing as Ada Lovelace"
        await pilot.press("ctrl+q")


async def test_the_start_button_takes_a_click(served: ServedApp) -> None:
    async with served.run_test() as pilot:
        await pilot.press(*"Grace")
        await pilot.click("#learner-start")
        await settle(pilot)
        assert isinstance(served.screen, CatalogScreen)


async def test_a_bad_name_says_why_and_esc_clears_it(served: ServedApp) -> None:
    async with served.run_test() as pilot:
        await pilot.press(*"a/b", "enter")
        await pilot.pause()
        assert isinstance(served.screen, LearnerScreen)
        assert "not /" in error_text(served)
        await pilot.press("escape")
        await pilot.pause()
        assert served.screen.query_one("#learner-name", Input).value == ""
        assert error_text(served) == ""
        assert served.learner is None


async def test_control_characters_never_reach_the_field(served: ServedApp) -> None:
    async with served.run_test() as pilot:
        field = served.screen.query_one("#learner-name", Input)
        field.insert_text_at_cursor("Ada\x1b[2J")
        await pilot.pause()
        assert field.value == ""  # refused whole, as a paste would be
        field.insert_text_at_cursor("Ada")
        assert field.value == "Ada"


@pytest.mark.parametrize("key", ["ctrl+p", "ctrl+t", "ctrl+r"])
async def test_nothing_reads_progress_before_the_learner_is_known(served: ServedApp,
                                                                  key: str) -> None:
    async with served.run_test() as pilot:
        await pilot.press(key)
        await settle(pilot)
        assert isinstance(served.screen, LearnerScreen)
        assert served.learner is None


async def test_a_key_after_the_web_drivers_blur_lands_in_the_name_field(
        served: ServedApp) -> None:
    """Textual's web driver starts the app blurred; a screen composed then had no focus, and
    what the learner typed went nowhere."""
    async with served.run_test() as pilot:
        served.app_focus = False
        served._last_focused_on_app_blur = None  # as if the screen came after the blur
        await pilot.pause()
        assert served.screen.focused is None
        await pilot.press(*"Ada")
        assert served.screen.query_one("#learner-name", Input).value == "Ada"


def a_code(url: str) -> str:
    return class_config.join_code(class_config.ClassLink(url, "class-id", "Ada"))


async def start_with(pilot: Pilot, name: str, code: str) -> None:
    """Type the name, paste the code and press Enter in the code's field."""
    await pilot.press(*name, "tab")
    pilot.app.screen.query_one("#learner-code", Input).insert_text_at_cursor(code)
    await pilot.press("enter")
    await settle(pilot)


async def test_a_join_code_joins_the_class_and_the_learners_plays_reach_it(
        served: ServedApp, data_dir: Path, learner_url: str) -> None:
    async with served.run_test() as pilot:
        await start_with(pilot, "Ada", a_code(learner_url))
        assert isinstance(served.screen, CatalogScreen)
        folder = data_dir / LEARNERS_DIR / learner("Ada").slug
        kept = folder / class_config.CONFIG_NAME
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
        assert class_config.load(folder, environment=False).url == learner_url
        served.open_scenario("cache-the-catalogue", EXAM)
        await settle(pilot)
        await pilot.press("2", "1", "1")
        await settle(pilot)
        assert isinstance(served.screen, DebriefScreen)
        with psycopg.connect(learner_url) as connection:
            held = [str(r[0]) for r in connection.execute("SELECT play_id FROM plays")]
        assert held == [p.play_id for p in served.session.store.plays()] and len(held) == 1


@pytest.mark.parametrize(("code", "reason"), [
    ("hello", "A join code starts with stc1-."),
    ("stc1-!!!", "This join code is damaged: copy it again, whole."),
    (class_config.JOIN_PREFIX + "e30", "This join code is damaged: copy it again, whole."),
    (a_code("host=localhost dbname=classroom"), "This join code has no learner's login in it"),
])
async def test_a_bad_join_code_is_refused_in_one_line_and_nothing_is_kept(
        served: ServedApp, data_dir: Path, code: str, reason: str) -> None:
    async with served.run_test() as pilot:
        await start_with(pilot, "Ada", code)
        assert isinstance(served.screen, LearnerScreen) and served.learner is None
        assert error_text(served).startswith(reason)
        assert "\n" not in error_text(served)
        assert served.screen.focused is served.screen.query_one("#learner-code", Input)
        assert not list(data_dir.rglob(class_config.CONFIG_NAME))


async def test_the_servers_class_url_is_not_every_learners_class(
        served: ServedApp, learner_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """$SCENARIO_TUI_CLASS_URL set where the server runs would send every learner's plays as
    one login: a served learner's class is only the one they joined."""
    monkeypatch.setenv(class_config.URL_VARIABLE, learner_url)
    async with served.run_test() as pilot:
        await pilot.press(*"Grace", "enter")
        await settle(pilot)
        assert isinstance(served.screen, CatalogScreen)
        assert served.session.class_state is None


@pytest.mark.parametrize("size", SIZES)
class TestLearnerScreen:
    def test_who_is_playing(self, snap_compare, served: ServedApp, size) -> None:
        assert snap_compare(served, terminal_size=size, run_before=settle)

    def test_a_name_refused(self, snap_compare, served: ServedApp, size) -> None:
        async def refuse(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press(*"Ada <3", "enter")
            await settle(pilot)

        assert snap_compare(served, terminal_size=size, run_before=refuse)

    def test_a_join_code_refused(self, snap_compare, served: ServedApp, size) -> None:
        async def refuse(pilot: Pilot) -> None:
            await settle(pilot)
            await start_with(pilot, "Ada", "stc1-not-a-code")

        assert snap_compare(served, terminal_size=size, run_before=refuse)
