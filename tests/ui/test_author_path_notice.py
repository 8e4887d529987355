"""The author preview says when a save moves the replayed path, on one line the author
dismisses with escape, and does not say it again for saves that move nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from scenario_tui.authoring.file_check import VALID
from scenario_tui.ui.widgets.path_notice import PathNotice

from .pilot_steps import settle
from .test_author import FAST, SIZE, editable, in_state, make_app, screen_of, wait_until

__all__ = ["editable"]  # the fixture, used by name

LAMBDA = "        to: retries\n        points: 2\n        why: Lambda polls"


def save(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


async def test_a_retargeted_choice_on_the_path_is_noticed_once(editable: Path) -> None:
    app = make_app(editable.name, interval=FAST)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, in_state(pilot, VALID))
        screen = screen_of(pilot)
        notice = screen.query_one(PathNotice)
        await pilot.press("1", "enter", "1", "enter")
        await settle(pilot)
        assert screen.trial is not None and len(screen.trial.play.choices) == 2
        assert not notice.display

        first = screen.shown
        save(editable, LAMBDA, LAMBDA.replace("retries", "calm"))
        await wait_until(pilot, lambda: screen.shown is not first and in_state(pilot, VALID)())
        assert notice.display
        assert str(notice.render()) == ("↺ Your path changed at decision 2: 'A Lambda "
                                        "function with the queue as its…' now leads to 'calm'")
        scenario = screen.shown.scenario if screen.shown else None
        assert screen.trial is not None and scenario is not None
        assert screen.trial.play.finished(scenario)  # the replay now ends at 'calm'
        assert any(b.binding.action == "dismiss_notice" for b in app.active_bindings.values())

        await pilot.press("escape")
        await settle(pilot)
        assert not notice.display

        second = screen.shown  # a save that moves nothing says nothing
        save(editable, "Who should read from the queue?", "Who should drain the queue?")
        await wait_until(pilot, lambda: screen.shown is not second and in_state(pilot, VALID)())
        assert not notice.display


@pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24"),
                                  pytest.param((120, 40), id="120x40")])
def test_path_notice_snapshot(snap_compare, editable: Path, size: tuple[int, int]) -> None:
    async def moved(pilot: Pilot) -> None:
        await wait_until(pilot, in_state(pilot, VALID))
        await pilot.press("1", "enter", "1", "enter")
        await settle(pilot)
        save(editable, LAMBDA, LAMBDA.replace("retries", "calm"))
        notice = pilot.app.screen.query_one(PathNotice)
        await wait_until(pilot, lambda: bool(notice.display))
        await settle(pilot)

    assert snap_compare(make_app(editable.name, interval=FAST), terminal_size=size,
                        run_before=moved)
