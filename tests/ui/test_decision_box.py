"""The decision box: the choices and then the feedback in one place that keeps its size.

Each choice's feedback is made ahead while the learner reads, and what a choice shows is
always that choice's feedback, wrapped for the width it is shown at (after an undo, another
choice, a resize; never made ahead in an exam). The keys and the mouse reach everything in it.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual import events
from textual.pilot import Pilot

from scenario_tui.play.modes import EXAM
from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.widgets.decision_box import CHOICES, FEEDBACK, DecisionBox

from .monkey import burst, quiet
from .pilot_steps import click_action, click_option, settle
from .test_long_names import lines_of

SCENARIO = "cache-the-catalogue"


def box_of(pilot: Pilot) -> DecisionBox:
    return pilot.app.screen.query_one(DecisionBox)


def text_rows(box: DecisionBox) -> list[str]:
    """The rows inside the box's sides, as drawn."""
    return [line[2:-2].rstrip() for line in lines_of(box) if line.startswith("│")]


def labels(pilot: Pilot) -> list[str]:
    screen = pilot.app.screen
    return [choice.label for choice in screen.play.options(screen.scenario)]  # type: ignore[attr-defined]


async def test_every_choice_shows_its_own_feedback_made_ahead(
        make_app: Callable[..., ScenarioApp], monkeypatch: pytest.MonkeyPatch) -> None:
    async with make_app(SCENARIO).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        options = labels(pilot)
        box = box_of(pilot)
        assert len(box._ahead) == len(options)  # one text made ahead for each choice
        made: list[object] = []
        strips = DecisionBox._strips
        monkeypatch.setattr(DecisionBox, "_strips",
                            lambda self, content, *rest: made.append(content)
                            or strips(self, content, *rest))
        for number, label in enumerate(options, start=1):
            await pilot.press(str(number))
            await settle(pilot)
            assert box.mode == FEEDBACK and box.feedback not in made, number  # made ahead
            rows = text_rows(box)
            assert rows[1].startswith(label.split()[0]), (number, rows[:2])
            assert all(len(line) == box.size.width for line in lines_of(box))
            await pilot.press("u")
            await settle(pilot)


async def test_a_resize_after_the_lines_were_made_shows_them_at_the_new_width(
        make_app: Callable[..., ScenarioApp]) -> None:
    async with make_app(SCENARIO).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        box = box_of(pilot)
        wide = box.size.width
        await pilot.resize_terminal(50, 30)
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        assert 0 < box.size.width < wide
        lines = lines_of(box)
        assert all(len(line) == box.size.width for line in lines)
        assert box.feedback is not None
        words = box.feedback.plain.split()
        assert " ".join(" ".join(text_rows(box)).split()).startswith(" ".join(words[:12]))


async def test_an_exam_makes_no_feedback_ahead(make_app: Callable[..., ScenarioApp]) -> None:
    async with make_app(SCENARIO, mode=EXAM).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(box_of(pilot)._ahead) == 0


async def test_the_keys_move_choose_and_take_the_actions(
        make_app: Callable[..., ScenarioApp]) -> None:
    async with make_app(SCENARIO).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        box = box_of(pilot)
        assert pilot.app.focused is box and box.cursor == 0
        await pilot.press("down", "down", "up", "end", "home", "j")
        assert box.cursor == 1
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert box.mode == FEEDBACK and screen.play.choices[-1].index == 1  # type: ignore[attr-defined]
        await pilot.press("u")
        await settle(pilot)
        assert box.mode == CHOICES and not screen.play.choices  # type: ignore[attr-defined]
        await pilot.press("end", "enter", "enter")  # the last choice, then Continue
        await settle(pilot)
        assert box.mode == CHOICES and screen.feedback is None  # type: ignore[attr-defined]
        assert [c.index for c in screen.play.choices] == [2]  # type: ignore[attr-defined]


async def test_a_long_feedback_scrolls_with_the_keys_and_the_wheel(
        make_app: Callable[..., ScenarioApp]) -> None:
    async with make_app(SCENARIO).run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        box = box_of(pilot)
        top, bottom = lines_of(box)[0], next(line for line in lines_of(box)
                                             if line.startswith("╰"))
        assert "more" not in top and "↓" in bottom and "more ─╯" in bottom
        await pilot.press("pagedown")
        assert box.top_row > 0 and "↑" in lines_of(box)[0]
        await pilot.press("end")
        end = box.top_row
        await pilot.press("down")
        assert box.top_row == end  # no further than the last line
        box.post_message(events.MouseScrollUp(box, 2, 2, 0, -1, 0, False, False, False))
        await pilot.pause()
        assert box.top_row < end
        await pilot.press("home")
        assert box.top_row == 0


async def test_the_mouse_highlights_chooses_and_acts(
        make_app: Callable[..., ScenarioApp]) -> None:
    async with make_app(SCENARIO).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        box = box_of(pilot)
        at = box.option_offset(2)
        assert at is not None
        await pilot.hover(box, offset=(at.x + 3, at.y))
        assert box._hover == 2
        await click_option(pilot, 2)
        await settle(pilot)
        assert box.mode == FEEDBACK
        assert pilot.app.screen.play.choices[-1].index == 2  # type: ignore[attr-defined]
        await click_action(pilot, "continue")
        await settle(pilot)
        assert box.mode == CHOICES and pilot.app.screen.feedback is None  # type: ignore[attr-defined]


async def test_wrong_keys_do_nothing_here(make_app: Callable[..., ScenarioApp]) -> None:
    async with make_app(SCENARIO).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        box = box_of(pilot)
        await pilot.press("left", "right", "pageup", "pageup", "up", "home")
        assert box.mode == CHOICES and box.cursor == 0 and box.top_row == 0
        await pilot.press("1", "pagedown", "pagedown", "pagedown", "down", "end", "left",
                          "right", "9", "x")
        await settle(pilot)
        assert box.mode == FEEDBACK and pilot.app.is_running
        await pilot.press("enter")
        await settle(pilot)
        assert box.mode == CHOICES


async def test_a_long_feedback_takes_the_situation_s_rows_and_gives_them_back(
        make_app: Callable[..., ScenarioApp]) -> None:
    """On a short terminal the box showed three lines of a long feedback under a situation
    that kept all its rows; the situation now gives them up, down to three (it scrolls), and
    takes them back with the choices. A feedback that fits moves nothing."""
    async with make_app(SCENARIO).run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        box = box_of(pilot)
        situation = pilot.app.screen.query_one("#situation-scroll")
        rows, room = situation.size.height, box.size.height
        assert rows > 3
        await pilot.press("2")
        await settle(pilot)
        assert box.feedback is not None and box.rows_for(box.feedback) > room
        assert situation.size.height == 3 and box.size.height == room + rows - 3
        await pilot.press("u")
        await settle(pilot)
        assert (situation.size.height, box.size.height) == (rows, room)
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        rows = situation.size.height
        await pilot.press("2")
        await settle(pilot)
        assert situation.size.height == rows  # it fits: nothing moves


async def test_keys_typed_together_each_count(make_app: Callable[..., ScenarioApp]) -> None:
    """A choice, Enter to continue and the next choice sent in one burst, as a quick learner
    or a terminal types them: Enter went to the box, which passed it on as a message that
    arrived after the next digit, and the digit was lost (found in tmux at 120x40)."""
    async with make_app(SCENARIO).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        burst(pilot.app, ["2", "enter", "1"])
        await quiet(pilot)
        assert len(screen.play.choices) == 2, screen.play.choices  # type: ignore[attr-defined]


async def test_paging_and_the_end_keep_whole_choices_in_the_box(
        make_app: Callable[..., ScenarioApp]) -> None:
    """End showed the last line of the first choice alone at the box's top, and PgUp from
    the last choice stopped half way when all of them fit."""
    async with make_app(SCENARIO).run_test(size=(40, 16)) as pilot:
        await settle(pilot)
        box = box_of(pilot)
        await pilot.press("end")
        rows = text_rows(box)
        assert rows[0].lstrip()[:1].isdigit(), rows  # a choice's first line, its number
        await pilot.press("pageup", "pageup", "pageup")
        assert box.cursor == 0 and box.top_row == 0
