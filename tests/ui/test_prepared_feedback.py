"""Each choice's feedback is made ahead while the learner reads (`PreparedText`), and what a
choice shows is always that choice's feedback, laid out for the width it is shown at: after
an undo, another choice, a resize, and never made at all in an exam."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot
from textual.visual import Visual

from scenario_tui.play.modes import EXAM
from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.widgets.prepared_text import PreparedText

from .pilot_steps import settle

SCENARIO = "cache-the-catalogue"


def shown(pilot: Pilot) -> tuple[PreparedText, list[str]]:
    """The feedback's text widget and its lines as drawn on screen, checked against the
    lines its text renders to now at the widget's width."""
    text = pilot.app.screen.query_one(PreparedText)
    lines = [strip.text.rstrip() for strip in text.render_lines(text.size.region)]
    now = Visual.to_strips(text, text.visual, text.size.width, None, text.visual_style)
    assert lines == [strip.text.rstrip() for strip in now]
    return text, lines


def labels(pilot: Pilot) -> list[str]:
    play = pilot.app.screen.play  # type: ignore[attr-defined]
    return [choice.label for choice in play.options(pilot.app.screen.scenario)]  # type: ignore[attr-defined]


async def test_every_choice_shows_its_own_feedback_made_ahead(
        make_app: Callable[..., ScenarioApp]) -> None:
    async with make_app(SCENARIO).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        options = labels(pilot)
        text = pilot.app.screen.query_one(PreparedText)
        assert len(text._ahead) == len(options)  # one text made ahead for each choice
        for number, label in enumerate(options, start=1):
            await pilot.press(str(number))
            await settle(pilot)
            text, lines = shown(pilot)
            assert text._prepared() is not None, number  # drawn from the lines made ahead
            assert label.split()[0] in lines[1], (number, lines[:2])
            assert all(len(line) <= text.size.width for line in lines)
            await pilot.press("u")
            await settle(pilot)


async def test_a_resize_after_the_lines_were_made_shows_them_at_the_new_width(
        make_app: Callable[..., ScenarioApp]) -> None:
    async with make_app(SCENARIO).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        wide = pilot.app.screen.query_one(PreparedText).size.width
        await pilot.press("u")
        await settle(pilot)
        await pilot.resize_terminal(50, 30)
        await pilot.press("1")
        await settle(pilot)
        text, lines = shown(pilot)
        assert 0 < text.size.width < wide
        assert all(len(line.rstrip()) <= text.size.width for line in lines)
        assert any(line.strip() for line in lines[2:])  # the explanation, wrapped anew
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        assert pilot.app.screen.query_one(PreparedText)._prepared() is not None  # made again


async def test_an_exam_makes_no_feedback_ahead(make_app: Callable[..., ScenarioApp]) -> None:
    async with make_app(SCENARIO, mode=EXAM).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert pilot.app.screen.query_one(PreparedText)._ahead == {}
