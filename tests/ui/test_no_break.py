"""A no-break space holds where Textual wraps: "50 %" is never split across lines."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.content import Content
from textual.geometry import Region
from textual.widgets import Static

import scenario_tui.ui.app  # noqa: F401  (applies keep_no_break_spaces, as the app does)
from scenario_tui.ui.widgets.numbers import NBSP

TEXT = f"aaaaa 50{NBSP}% bbb"


class Narrow(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(Content(TEXT))

    def on_mount(self) -> None:
        self.query_one(Static).styles.width = 8


async def test_a_widget_keeps_a_number_and_its_unit_together() -> None:
    app = Narrow()
    async with app.run_test(size=(20, 5)):
        lines = [strip.text.rstrip() for strip in
                 app.query_one(Static).render_lines(Region(0, 0, 8, 3))]
        assert lines == ["aaaaa", f"50{NBSP}% bbb", ""]


@pytest.mark.parametrize("width", [6, 7, 8, 9, 10])
def test_content_wrap_keeps_it_too(width: int) -> None:
    lines = [line.plain for line in Content(TEXT).wrap(width)]
    assert any(f"50{NBSP}%" in line for line in lines), lines
