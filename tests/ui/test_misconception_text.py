"""A wrong choice's misconception reads as sentences, not as its tag: practice feedback shows
the mistaken belief and the fact that corrects it, the choice's own source shows as a link
beside its explanation (opened only through the link prompt), the debrief lists each belief
once, and the statistics name repeated mistakes by their belief. Exam mode shows none of it
during play. A tag no file defines falls back to its words, neutralised."""

from __future__ import annotations

import datetime as dt
import webbrowser
from collections.abc import Callable
from typing import Any

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Static

from scenario_tui.analysis.scoring import analyse
from scenario_tui.format.model import Choice
from scenario_tui.play.engine import start
from scenario_tui.play.modes import EXAM, PRACTICE
from scenario_tui.play.session import Session
from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.links import LinkPrompt
from scenario_tui.ui.screens.debrief import DebriefScreen
from scenario_tui.ui.screens.play import PlayScreen
from scenario_tui.ui.screens.stats import belief_text
from scenario_tui.ui.widgets.decision_box import CHOICES, DecisionBox
from scenario_tui.ui.widgets.mistake_text import choice_notes, short_url
from scenario_tui.ui.widgets.option_verdicts import OptionsDialog

from .pilot_steps import settle

SCENARIO = "cache-the-catalogue"
MULTI_AZ_BELIEF = "A Multi-AZ standby also serves reads and so spreads the read load."
MULTI_AZ_FACT = "A Multi-AZ DB instance standby serves no traffic until a failover"
EXPIRY_BELIEF = "Data cached once can be kept forever without a refresh."
CHOICE_SOURCE = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.html"

MakeApp = Callable[..., ScenarioApp]


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The URLs handed to the web browser (none is really opened)."""
    urls: list[str] = []

    def record(url: str, *args: Any, **kwargs: Any) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(webbrowser, "open", record)
    return urls


def statics_text(pilot: Pilot) -> str:
    """Every Static on the current screen, as plain text."""
    return "\n".join(str(static.visual) for static in pilot.app.screen.query(Static))


def link_offset(widget: Widget, url: str) -> tuple[int, int]:
    """Where on `widget` a click opens `url` (its first cell with that click)."""
    action = f"app.open_url({url!r})"
    for y in range(widget.region.height):
        for x in range(widget.region.width):
            if widget.get_style_at(x, y).meta.get("@click") == action:
                return x, y
    raise AssertionError(f"no link to {url} on {widget}")


async def test_practice_feedback_shows_the_belief_the_fact_and_the_source(
        make_app: MakeApp, opened: list[str]) -> None:
    async with make_app(SCENARIO).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")  # Enable Multi-AZ: wrong, tagged, with a source
        await settle(pilot)
        shown = str(pilot.app.screen.query_one(DecisionBox).feedback)
        assert f"Common mistake: {MULTI_AZ_BELIEF}" in shown
        assert f"In fact: {MULTI_AZ_FACT}" in shown
        assert "Source: docs.aws.amazon.com/AmazonRDS/…/USER_ReadRepl.html" in shown
        assert "Source: docs.aws.amazon.com/…/Concepts.MultiAZSingleStandby.html" in shown
        assert "multi az" not in shown.lower() and "multi-az-for" not in shown

        box = pilot.app.screen.query_one(DecisionBox)
        await pilot.click(box, offset=link_offset(box, CHOICE_SOURCE))
        await settle(pilot)
        prompt = pilot.app.screen
        assert isinstance(prompt, LinkPrompt)
        assert str(prompt.query_one("#link-target", Static).visual) == CHOICE_SOURCE
        assert opened == []  # nothing opens before the learner says yes
        await pilot.press("y")
        await settle(pilot)
        assert opened == [CHOICE_SOURCE]
        assert isinstance(pilot.app.screen, PlayScreen)


async def test_all_options_show_the_same_sentences_beside_a_wrong_option(
        make_app: MakeApp) -> None:
    async with make_app(SCENARIO).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "o")
        await settle(pilot)
        assert isinstance(pilot.app.screen, OptionsDialog)
        shown = statics_text(pilot)
        assert shown.count(f"Common mistake: {MULTI_AZ_BELIEF}") == 1
        assert "Source: docs.aws.amazon.com/AmazonRDS/…/USER_ReadRepl.html" in shown


async def test_a_right_choice_shows_no_misconception(make_app: MakeApp) -> None:
    async with make_app(SCENARIO).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        shown = str(pilot.app.screen.query_one(DecisionBox).feedback)
        assert "Common mistake" not in shown and "Source:" not in shown


async def test_exam_mode_shows_none_of_it_during_play(make_app: MakeApp) -> None:
    async with make_app(SCENARIO, mode=EXAM).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PlayScreen)
        assert pilot.app.screen.query_one(DecisionBox).mode == CHOICES
        shown = statics_text(pilot)
        assert "Common mistake" not in shown and "In fact" not in shown
        await pilot.press("o")  # no options dialog in exam mode either
        await settle(pilot)
        assert isinstance(pilot.app.screen, PlayScreen)


@pytest.mark.parametrize("mode", [PRACTICE, EXAM])
async def test_the_debrief_lists_each_mistake_to_remember_once(make_app: MakeApp,
                                                               mode: str) -> None:
    keys = ("2", "1", "2") if mode == EXAM else ("2", "enter", "1", "enter", "2", "enter")
    async with make_app(SCENARIO, mode=mode).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, DebriefScreen)
        remember = str(screen.query_one("#mistakes-to-remember", Static).visual)
        assert remember.count(f"Common mistake: {MULTI_AZ_BELIEF}") == 1
        assert f"In fact: {MULTI_AZ_FACT}" in remember
        assert f"Common mistake: {EXPIRY_BELIEF}" in remember
        assert "In fact: Without a TTL" in remember
        assert remember.index(MULTI_AZ_BELIEF) < remember.index(EXPIRY_BELIEF)  # play order


async def test_a_debrief_without_a_tagged_mistake_has_no_such_section(
        make_app: MakeApp) -> None:
    async with make_app(SCENARIO, mode=EXAM).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key in ("1", "1"):
            await pilot.press(key)
            await settle(pilot)
        assert isinstance(pilot.app.screen, DebriefScreen)
        assert not pilot.app.screen.query("#mistakes-to-remember")


async def test_statistics_name_repeated_mistakes_by_their_belief(
        make_app: MakeApp, make_session: Callable[..., Session]) -> None:
    session = make_session()
    scenario = session.scenario(SCENARIO)
    best = analyse(scenario).best_score
    for _ in range(2):
        play = start(scenario).choose(scenario, 1).choose(scenario, 0).choose(scenario, 1)
        session.wall_clock.at += dt.timedelta(minutes=1)  # type: ignore[attr-defined]
        session.record(scenario, play, best, 30.0)
    async with make_app(session=session).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        console = Console(width=120, record=True, color_system=None)
        console.print(pilot.app.screen.query_one("#mistakes", Static).content)  # a Rich table
        shown = " ".join(console.export_text().split())
        assert "Mistaken belief" in shown
        assert f"2× {MULTI_AZ_BELIEF}" in shown
        assert "multi az for read scaling" not in shown


def test_a_session_reads_what_each_tag_means_once(make_session: Callable[..., Session]
                                                  ) -> None:
    session = make_session()
    found = session.misconception("multi-az-for-read-scaling")
    assert found is not None and found.belief == MULTI_AZ_BELIEF
    assert session.misconception("not-defined-anywhere") is None
    assert session.misconceptions is session.misconceptions  # cached


def test_an_undefined_tag_falls_back_to_its_words_neutralised() -> None:
    tag = "local-only\x1b[31m-tag"
    assert belief_text(tag, {}) == "local only␛[31m tag"
    wrong = Choice("a", "b", 0, "label", 0, "why", misconception=tag)
    notes = str(choice_notes(wrong, "wrong", {}))
    assert notes.strip() == "Common mistake: local only␛[31m tag"


def test_a_long_source_is_shortened_to_its_host_and_page() -> None:
    assert short_url(CHOICE_SOURCE) == "docs.aws.amazon.com/AmazonRDS/…/USER_ReadRepl.html"
    assert short_url("https://example.com/a.html") == "example.com/a.html"
    assert short_url("https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/"
                     "Concepts.MultiAZSingleStandby.html") == \
        "docs.aws.amazon.com/…/Concepts.MultiAZSingleStandby.html"
