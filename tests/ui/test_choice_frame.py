"""A practice choice redraws what changed, lays nothing out, and rebuilds its key bar once."""

from __future__ import annotations

import pytest
from textual._compositor import Compositor
from textual.app import App
from textual.widget import Widget
from textual.widgets import Footer, Static

from scenario_tui.ui.screens.play import PlayScreen
from scenario_tui.ui.widgets.decision_box import CHOICES, FEEDBACK, DecisionBox
from scenario_tui.ui.widgets.player import Player

from .pilot_steps import settle


async def test_a_choice_does_not_repaint_the_screen_or_the_player(make_app,
                                                                  monkeypatch) -> None:
    """The screen and the player were repainted whole on each choice (their reactives and
    the focus moving to Continue): every line of the screen was composed again. The decision
    box keeps the focus from the choices to the feedback."""
    app = make_app("cache-the-catalogue")
    updated: list[Widget] = []
    update_widgets = Compositor.update_widgets

    def record(self: Compositor, widgets: set[Widget]) -> None:
        updated.extend(widgets)
        update_widgets(self, widgets)

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        monkeypatch.setattr(Compositor, "update_widgets", record)
        await pilot.press("1")
        await settle(pilot)
        assert screen.query_one(DecisionBox).mode == FEEDBACK
        assert screen not in updated
        assert screen.query_one(Player) not in updated
        assert app.focused is screen.query_one(DecisionBox)


@pytest.mark.parametrize("keys", [("1",), ("1", "u")])
async def test_the_key_bar_is_rebuilt_once_a_move(make_app, monkeypatch,
                                                   keys: tuple[str, ...]) -> None:
    """Textual rebuilt the footer twice for a choice (its keys changed, then the focus
    moved to Continue, which changed none of them): once is enough."""
    app = make_app("cache-the-catalogue")
    rebuilt: list[Widget] = []
    recompose = Widget.recompose

    async def count(self: Widget) -> None:
        if isinstance(self, Footer):
            rebuilt.append(self)
        await recompose(self)

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(Widget, "recompose", count)
        for key in keys:
            rebuilt.clear()
            await pilot.press(key)
            await settle(pilot)
            assert len(rebuilt) == 1, key


async def test_a_choice_lays_nothing_out_before_its_feedback_shows(make_app,
                                                                  monkeypatch) -> None:
    """The choices gave way to a feedback panel of another height, so Textual laid out the
    whole screen again and redrew what moved: most of a choice's time. The decision box now
    keeps its size, so the frame that shows the feedback comes with no layout before it
    (the breadcrumb and the key bar follow); Enter then continues."""
    app = make_app("cache-the-catalogue")
    events: list[str] = []
    reflow = Compositor.reflow
    display = App._display

    def record_reflow(self: Compositor, parent: Widget, size: object) -> object:
        events.append("layout")
        return reflow(self, parent, size)  # type: ignore[arg-type]

    def record_frame(self: App[object], screen: object, renderable: object) -> None:
        display(self, screen, renderable)
        if renderable is not None and box.mode == FEEDBACK:
            events.append("frame")

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        box = app.screen.query_one(DecisionBox)
        assert box.mode == CHOICES
        monkeypatch.setattr(Compositor, "reflow", record_reflow)
        monkeypatch.setattr(App, "_display", record_frame)
        await pilot.press("1")
        await settle(pilot)
        assert "frame" in events and events.index("frame") == 0, events
        assert app.focused is box
        await pilot.press("enter")
        await settle(pilot)
        assert box.mode == CHOICES and app.screen.feedback is None  # type: ignore[attr-defined]


async def test_the_new_score_follows_the_feedback_s_frame(make_app, monkeypatch) -> None:
    """The feedback's frame shows the choice's points; the total in the status line above
    is drawn in the frame after, with the breadcrumb (in the same frame it cost a third of a
    choice's time to its feedback)."""
    app = make_app("cache-the-catalogue")
    at_feedback: list[str] = []
    display = App._display

    def record_frame(self: App[object], screen: object, renderable: object) -> None:
        display(self, screen, renderable)
        if renderable is not None and box.mode == FEEDBACK and not at_feedback:
            at_feedback.append(str(status.visual))

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        box = app.screen.query_one(DecisionBox)
        status = app.screen.query_one("#play-status", Static)
        monkeypatch.setattr(App, "_display", record_frame)
        await pilot.press("1")  # the cache: +2
        await settle(pilot)
        assert at_feedback and at_feedback[0].endswith("score 0"), at_feedback
        assert str(status.visual).endswith("score 2")
