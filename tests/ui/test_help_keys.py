"""The help and the screens agree: every key a screen (or a widget on it) binds is in the help
section for that screen, and help opened from a screen opens at that section.

The keys are read from the screens as they run, widget by widget, so a key added to any of
them without a line in `help.md` fails here (a binding of Textual's own, such as a scroll
container's arrows, is checked where the help promises it)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from textual.binding import Binding
from textual.dom import DOMNode
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Markdown

from scenario_tui.play.modes import EXAM, PRACTICE
from scenario_tui.play.session import Session
from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.screens.help import HelpScreen, help_text

from .history import seed_history
from .pilot_steps import exam_to_the_debrief, open_review, settle
from .steady import SteadyApp
from .test_resume import SCENARIO, open_from_catalogue
from .test_snapshots import SIZES

NAMES = {"escape": "Esc", "enter": "Enter", "question_mark": "?", "space": "Space",
         "pageup": "PgUp", "pagedown": "PgDn", "home": "Home", "end": "End", "up": "Up",
         "down": "Down", "left": "Left", "right": "Right", "tab": "Tab"}
APP_ACTIONS = {f"app.{b.action}" for b in ScenarioApp.BINDINGS if isinstance(b, Binding)}
"""The app's own keys, bound again on a widget that takes keys first (the filter's `?`):
the help lists them under Everywhere."""
NOT_HERE = {("Review", "undo")}
"""Keys a screen inherits but never offers: a review's answer cannot be undone."""


def sections() -> dict[str, str]:
    """The help's text under each `##` heading, by heading."""
    parts = re.split(r"^## (.+)$", help_text(), flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def help_key(key: str) -> str:
    """A key as the help writes it: `o`, `Ctrl+G`, `PgDn`, `1`-`9` for any digit."""
    if key.isdigit():
        return "`1`-`9`"
    if key.startswith("ctrl+"):
        return f"`Ctrl+{key[5:].upper()}`"
    if re.fullmatch(r"f\d+", key):
        return f"`{key.upper()}`"
    return f"`{NAMES.get(key, key)}`"


def own_bindings(node: DOMNode) -> Iterator[Binding]:
    """The bindings this project's classes give `node` (its own class and those it extends)."""
    for cls in type(node).__mro__:
        if cls.__module__.startswith("scenario_tui.") and "BINDINGS" in vars(cls):
            for binding in vars(cls)["BINDINGS"]:
                if isinstance(binding, Binding):
                    yield binding


def missing_keys(screen: Screen[object], section: str) -> list[str]:
    """Each key bound on `screen` (or on a widget it shows) that its help section leaves out."""
    texts = sections()
    missing = []
    for node in (screen, *screen.query("*")):
        for binding in own_bindings(node):
            if (section, binding.action.partition("(")[0]) in NOT_HERE:
                continue
            text = texts["Everywhere" if binding.action in APP_ACTIONS else section]
            missing += [f"{type(node).__name__}: {key}" for key in binding.key.split(",")
                        if help_key(key.strip()) not in text]
    return missing


async def help_opens_at(pilot: Pilot, section: str) -> None:
    """F1 opens help with `section`'s heading at the top of its view (its margin above it, or
    as near as the text below it lets it scroll), and F1 closes it again."""
    shown = pilot.app.screen
    await pilot.press("f1")
    await settle(pilot)
    help_screen = pilot.app.screen
    assert isinstance(help_screen, HelpScreen)
    body = help_screen.query_one("#help-body")
    markdown = help_screen.query_one(Markdown)
    heading = markdown.query_one("#" + next(
        str(block) for _, label, block in markdown.table_of_contents if label == section))
    below_the_top = heading.virtual_region.y - body.scroll_y  # only its margin above it
    assert 0 <= below_the_top <= heading.styles.margin.top or (
        body.scroll_y == body.max_scroll_y), section
    assert below_the_top < body.scrollable_content_region.height, section
    await pilot.press("f1")
    await settle(pilot)
    assert pilot.app.screen is shown


async def check(pilot: Pilot, section: str) -> None:
    """The screen on show: its keys are in `section`, and help opens there."""
    assert missing_keys(pilot.app.screen, section) == []
    await help_opens_at(pilot, section)


def test_the_app_s_own_keys_are_under_everywhere() -> None:
    text = sections()["Everywhere"]
    for binding in [*ScenarioApp.BINDINGS, *HelpScreen.BINDINGS]:
        assert isinstance(binding, Binding)
        for key in binding.key.split(","):
            assert help_key(key) in text, key
    assert "`Ctrl+P`" in text


def test_the_debrief_names_its_scroll_keys_and_all_options() -> None:
    """Textual's scroll keys on the debrief's body, which the help promises."""
    text = sections()["Debrief"]
    for key in ("j", "k", "Up", "Down", "PgUp", "PgDn", "Home", "End", "Space", "o"):
        assert f"`{key}`" in text, key
    assert "`o`" in sections()["Review"] and "`a`" in sections()["Review"]


@pytest.mark.parametrize("size", SIZES)
async def test_every_screen_s_keys_are_in_its_help_section(
        make_session: Callable[..., Session], size: tuple[int, int]) -> None:
    app = SteadyApp(make_session(), start_id=SCENARIO, mode=PRACTICE)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("1")                     # feedback shows, with its keys
        await settle(pilot)
        await check(pilot, "Playing")
        await pilot.press("enter", "escape")       # leaves the run part-way
        await settle(pilot)
        await check(pilot, "Catalogue")
        await open_from_catalogue(pilot)           # the resume dialog
        await check(pilot, "Catalogue")
        await pilot.press("s")
        await settle(pilot)
        while type(app.screen).__name__ == "PlayScreen":
            await pilot.press("1", "enter")
            await settle(pilot)
        await check(pilot, "Debrief")
        await pilot.press("t")                     # the tree's keys
        await settle(pilot)
        await check(pilot, "Debrief")
        await pilot.press("p")
        await settle(pilot)
        await check(pilot, "Debrief")              # the replay picker
        await pilot.press("escape", "o")
        await settle(pilot)
        await check(pilot, "All options")
        await pilot.press("escape", "escape")
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        await check(pilot, "Statistics")


@pytest.mark.parametrize("size", SIZES)
async def test_the_review_s_keys_are_in_its_help_section(
        make_session: Callable[..., Session], size: tuple[int, int]) -> None:
    session = make_session()
    seed_history(session)
    app = SteadyApp(session)
    async with app.run_test(size=size) as pilot:
        await open_review(pilot)
        await pilot.press("1")
        await settle(pilot)
        await check(pilot, "Review")
        await pilot.press("escape")                # ends it: the summary
        await settle(pilot)
        assert type(app.screen).__name__ == "ReviewSummaryScreen"
        await check(pilot, "Review")


@pytest.mark.parametrize("size", SIZES)
def test_help_from_the_debrief(snap_compare, make_app, size) -> None:
    """Opened at the debrief's keys, not at the top of the help."""
    async def open_help(pilot: Pilot) -> None:
        await exam_to_the_debrief(pilot, "f1")

    assert snap_compare(make_app("cache-the-catalogue", mode=EXAM), terminal_size=size,
                        run_before=open_help)
