"""The author preview at 80x24 (and a terminal resized down to it): the status, legend,
buttons, graph lines, footer and a problem's message show whole, without cutting the words
or numbers an author reads them for."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets._footer import FooterKey

from scenario_tui.authoring.file_check import BROKEN, VALID
from scenario_tui.ui.widgets.decision_box import DecisionBox
from scenario_tui.ui.widgets.decision_tree import DecisionTree
from scenario_tui.ui.widgets.path_notice import PathNotice
from scenario_tui.ui.widgets.preview_text import node_line
from scenario_tui.ui.widgets.source_view import SourceView
from scenario_tui.ui.widgets.tree_fit import WORD_CUT_WASTE

from .pilot_steps import settle
from .test_author import FAST, editable, in_fixtures, in_state, make_app, screen_of, wait_until
from .test_author_graph import LONG, tree_lines
from .test_author_path_notice import LAMBDA, save
from .test_long_names import lines_of

__all__ = ["editable", "in_fixtures"]  # the fixtures, used by name

NARROW = (80, 24)


def drawn(widget: Widget) -> str:
    """The widget's text as the terminal shows it, one line a row, no-break spaces as spaces."""
    rows = ("".join(s.text for s in widget.render_line(y)).rstrip()
            for y in range(widget.size.height))
    return "\n".join(rows).replace("\u00a0", " ")


def words(text: str) -> str:
    return " ".join(text.split())


async def test_the_status_and_legend_keep_their_words_at_80_columns(in_fixtures: Path) -> None:
    app = make_app("preview-valid.yaml")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, in_state(pilot, VALID))
        await pilot.resize_terminal(*NARROW)
        await settle(pilot)
        screen = screen_of(pilot)
        status = drawn(screen.query_one("#play-status"))
        assert re.search(r"best from here \d+$", status), status
        legend = drawn(screen.query_one("#graph-legend"))
        assert "t test from here" in legend, legend
        assert words(legend) == "★ best ↪ joins a situation drawn elsewhere t test from here"


@pytest.mark.parametrize("width", [80, 60])
async def test_the_feedback_buttons_show_whole_labels(in_fixtures: Path, width: int) -> None:
    """After a resize from 120 columns; at 60 the labels give way to their keys alone."""
    app = make_app("preview-valid.yaml")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, in_state(pilot, VALID))
        await pilot.press("down", "t", "2")
        await settle(pilot)
        await pilot.resize_terminal(width, 24)
        await settle(pilot)
        box = app.screen.query_one(DecisionBox)
        at = box.action_offset("continue")
        assert at is not None
        row = lines_of(box)[at.y]
        assert row.split() == ["│", *(face.text for face in box.faces), "│"], row
        assert [face.text for face in box.faces] == (
            ["Continue", "Undo", "Options"] if width == 80 else ["Enter", "u", "o"])


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_graph_lines_use_their_room_and_leave_the_border_a_cell(
        in_fixtures: Path, size: tuple[int, int]) -> None:
    app = make_app(LONG)
    async with app.run_test(size=size) as pilot:
        await wait_until(pilot, in_state(pilot, VALID))
        await settle(pilot)
        tree = app.screen.query_one(DecisionTree)
        width = tree.scrollable_content_region.width
        for line in tree_lines(tree):
            used = len(line.rstrip())
            assert used < width, f"touches the border: {line!r}"
            if "…" in line and "joins" not in line:
                assert width - used <= 1 + WORD_CUT_WASTE, f"room left unused: {line!r}"


async def test_the_line_detail_renders_markdown(in_fixtures: Path) -> None:
    app = make_app("preview-valid.yaml")
    async with app.run_test(size=NARROW) as pilot:
        await wait_until(pilot, in_state(pilot, VALID))
        scenario = screen_of(pilot).shown.scenario  # type: ignore[union-attr]
        assert scenario is not None
        node = replace(scenario.node("bursts"), text="Watch `Throttles` and **Errors** now")
        assert "Watch Throttles and Errors now" in node_line(node).plain


BAD_INDENT = ("id: bad\ntitle: Bad\nnodes:\n  start:\n    text: Something long enough to push "
              "the column\n                  choices: x\n")


async def test_a_problem_s_message_wraps_under_its_caret(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "bad.yaml").write_text(BAD_INDENT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    app = make_app("bad.yaml")
    async with app.run_test(size=NARROW) as pilot:
        await wait_until(pilot, in_state(pilot, BROKEN))
        await settle(pilot)
        screen = screen_of(pilot)
        shown = screen.shown
        assert shown is not None
        message = shown.problems[0].message
        text = words(drawn(screen.query_one(SourceView)))
        assert f"{shown.problems[0].code} {words(message)}" in text, text


async def test_the_narrow_footer_keeps_the_notice_s_key(editable: Path) -> None:
    app = make_app(editable.name, interval=FAST)
    async with app.run_test(size=NARROW) as pilot:
        await wait_until(pilot, in_state(pilot, VALID))
        await pilot.press("1", "enter", "1", "enter")
        await settle(pilot)
        save(editable, LAMBDA, LAMBDA.replace("retries", "calm"))
        notice = app.screen.query_one(PathNotice)
        await wait_until(pilot, lambda: bool(notice.display))
        await settle(pilot)
        footer = " · ".join(f"{key.key_display} {key.description}"
                            for key in app.screen.query(FooterKey) if key.display)
        assert "esc Dismiss notice" in footer, footer



@pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24"),
                                  pytest.param((120, 40), id="120x40")])
def test_a_long_problem_message_snapshot(snap_compare, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch,
                                         size: tuple[int, int]) -> None:
    (tmp_path / "bad.yaml").write_text(BAD_INDENT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    async def broken(pilot: Pilot) -> None:
        await wait_until(pilot, in_state(pilot, BROKEN))
        await settle(pilot)

    assert snap_compare(make_app("bad.yaml"), terminal_size=size, run_before=broken)
