"""A practice choice redraws what changed, not the whole screen, and its key bar once."""

from __future__ import annotations

import pytest
from textual._compositor import Compositor
from textual.app import App
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Footer

from scenario_tui.ui.screens.play import PlayScreen
from scenario_tui.ui.widgets.feedback import FeedbackPanel
from scenario_tui.ui.widgets.player import Player

from .pilot_steps import settle


async def test_a_choice_does_not_repaint_the_screen_or_the_player(make_app,
                                                                  monkeypatch) -> None:
    """The screen and the player were repainted whole on each choice (their reactives and
    the focus moving to Continue): every line of the screen was composed again."""
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
        assert screen.query_one(FeedbackPanel).display
        assert screen not in updated
        assert screen.query_one(Player) not in updated
        assert app.focused is not None and app.focused.id == "continue"


@pytest.mark.parametrize("keys", [("1",), ("1", "u")])
async def test_the_key_bar_is_rebuilt_once_a_move(make_app, monkeypatch,
                                                   keys: tuple[str, ...]) -> None:
    """Textual rebuilt the footer twice for a choice (its keys changed, then the focus
    moved to Continue, which changed none of them)."""
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


async def test_the_feedback_is_drawn_before_the_focus_moves(make_app, monkeypatch) -> None:
    """Moving the focus to Continue restyled the choices and the button before the frame
    that shows the feedback; it now follows that frame, and ends on Continue as before."""
    app = make_app("cache-the-catalogue")
    restyled: list[str] = []
    update_styles = App.update_styles
    display = App._display

    def record_styles(self: App[object], node: DOMNode, animate: bool = True) -> None:
        restyled.append(f"{type(node).__name__}#{node.id}")
        update_styles(self, node, animate)

    def record_frame(self: App[object], screen: object, renderable: object) -> None:
        display(self, screen, renderable)
        if renderable is not None and app.screen.query_one(FeedbackPanel).display:
            restyled.append("frame")

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(App, "update_styles", record_styles)
        monkeypatch.setattr(App, "_display", record_frame)
        await pilot.press("1")
        await settle(pilot)
        assert "frame" in restyled
        before_frame = restyled[:restyled.index("frame")]
        assert "ChoiceList#choices" not in before_frame and "Button#continue" not in before_frame
        assert "Button#continue" in restyled
        assert app.focused is not None and app.focused.id == "continue"
        await pilot.press("enter")  # Continue has the key, as before
        await settle(pilot)
        assert not app.screen.query_one(FeedbackPanel).display
