"""The review summary at 80 and 120 columns: every line breaks at a word (a long URL or
hyphenated name after a slash or hyphen), and a long situation is shortened at a word, never
inside one. Snapshots at 80x24 and 120x40 of a summary with long text."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widget import Widget

from scenario_tui.play.review_run import ReviewedCard, ReviewSummary
from scenario_tui.play.session import Session
from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.screens.review_summary import (
    SITUATION_CHARACTERS,
    ReviewSummaryScreen,
    card_line,
)

from .pilot_steps import settle

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
SITUATION = (
    "The new React front end lives on https://app.example.com and calls the team's REST API "
    "on https://api.example.com. Every request fails in the browser with Access to fetch at "
    "'https://api.example.com/orders' from origin 'https://app.example.com' has been blocked "
    "by CORS policy.")
SUMMARY = ReviewSummary(
    (ReviewedCard("The browser blocks the front end's API calls, and the launch is on Friday",
                  SITUATION, False, "2026-01-11T09:00:00+00:00", 1),
     ReviewedCard("Cache the catalogue", "How should the application fill the cache?", True,
                  "2026-02-14T09:00:00+00:00", 35),
     ReviewedCard("Long names",
                  "Follow docs.aws.amazon.com/apigateway/latest/developerguide/"
                  "how-to-cors-console-walkthrough-for-rest-apis.html and add "
                  "Access-Control-Allow-Origin.",
                  True, None, None)),
    still_due=12)


def shown_lines(widget: Widget) -> list[str]:
    return [strip.text.rstrip() for strip in widget.render_lines(widget.region.reset_offset)]


async def show_summary(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.app.push_screen(ReviewSummaryScreen(SUMMARY))
    await settle(pilot)


@pytest.fixture
def summary_app(make_app: Callable[..., ScenarioApp],
                make_session: Callable[..., Session]) -> ScenarioApp:
    return make_app(session=make_session())


def assert_broken_at_words(text: str, lines: list[str]) -> None:
    """`lines` hold all of `text`, and each ends where `text` has a space, or after a
    hyphen or slash of a word too long for the line."""
    assert re.sub(r"\s", "", "".join(lines)) == re.sub(r"\s", "", text), (text, lines)
    at = 0
    for line in lines[:-1]:
        for char in line.strip():
            at = text.index(char, at) + 1
        if line.strip() and at < len(text) and not text[at].isspace():
            assert line.rstrip()[-1] in "-/", (line, lines)


@pytest.mark.parametrize("size", SIZES)
async def test_every_line_ends_at_a_word(summary_app: ScenarioApp,
                                         size: tuple[int, int]) -> None:
    async with summary_app.run_test(size=size) as pilot:
        await show_summary(pilot)
        screen = summary_app.screen
        assert isinstance(screen, ReviewSummaryScreen)
        cards = list(screen.query(".review-card"))
        assert len(cards) == len(SUMMARY.cards)
        for card, reviewed in zip(cards, SUMMARY.cards, strict=True):
            assert_broken_at_words(card_line(reviewed).plain, shown_lines(card))
        for widget in screen.query("#review-counts, #review-next"):
            assert "…" not in " ".join(shown_lines(widget))


def test_a_long_situation_is_shortened_after_a_whole_word() -> None:
    plain = card_line(SUMMARY.cards[0]).plain.split("\n")[1]
    assert len(plain) <= SITUATION_CHARACTERS
    assert plain.endswith("…")
    assert SITUATION.startswith(plain[:-1])
    assert SITUATION[len(plain) - 1] == " "  # the next character starts a new word


@pytest.mark.parametrize("size", SIZES)
def test_review_summary_with_long_text(snap_compare: Any, summary_app: ScenarioApp,
                                       size: tuple[int, int]) -> None:
    assert snap_compare(summary_app, terminal_size=size, run_before=show_summary)
