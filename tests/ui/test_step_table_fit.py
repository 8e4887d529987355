"""The debrief's step table at 80 and 120 columns: every cell wraps at words, a word wider
than its column breaks at a segment boundary (after `/`, `:`, `.` or `-`), nothing is cut off
or ellipsized, a verdict reads on one line and a choice's points stay with its label.
Snapshots of the table at 80x24 and 120x40, on a fixture full of long tokens."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.content import Content
from textual.pilot import Pilot

from scenario_tui.play.modes import EXAM
from scenario_tui.play.session import Session
from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.screens.debrief import DebriefScreen
from scenario_tui.ui.widgets.line_breaks import break_offsets
from scenario_tui.ui.widgets.step_table import (
    StepRow,
    StepTable,
    TableLayout,
    wrapped_lines,
)

from .pilot_steps import settle
from .table_cells import cells_by_row

TABLE = Path(__file__).resolve().parent.parent / "fixtures" / "ui_table"
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
BREAKS = "/:.-"
"""A line may end inside a word only after one of these, and only in a word wider than its
column."""


def assert_whole(row: StepRow, drawn: list[list[str]], widths: list[int]) -> None:
    """Nothing of `row` is lost, and a line ends inside a word only where the word is wider
    than the column, at a break point (or, for a word with none, where the line is full)."""
    cells = [Content(row.number), row.verdict, row.yours, row.best]
    for cell, lines, width in zip(cells, drawn, widths, strict=True):
        text = cell.plain
        assert "…" not in "".join(lines)
        assert re.sub(r"\s", "", "".join(lines)) == re.sub(r"\s", "", text), (text, lines)
        at = 0
        for line in lines:
            for char in line.strip():
                at = text.index(char, at) + 1
            inside = at < len(text) and not text[at].isspace() and line.strip()
            if inside:
                ending = line.strip()
                word = re.findall(r"\S+", text[:at])[-1] + re.findall(r"\S+", text[at:])[0]
                assert len(word) > width, (word, lines)
                assert ending[-1] in BREAKS or len(ending) == width, (text, lines)


async def play_to_the_debrief(pilot: Pilot) -> None:
    """The second choice at both decisions: partly right, then wrong (an exam's debrief)."""
    await settle(pilot)
    await pilot.press("2", "2")
    await settle(pilot)


async def table_at_the_top(pilot: Pilot) -> None:
    await play_to_the_debrief(pilot)
    pilot.app.screen.query_one(StepTable).scroll_visible(top=True, animate=False)
    await settle(pilot)


@pytest.fixture
def table_app(make_app: Callable[..., ScenarioApp],
              make_session: Callable[..., Session]) -> ScenarioApp:
    return make_app("long-tokens", mode=EXAM, session=make_session(TABLE))


@pytest.mark.parametrize("size", SIZES)
async def test_no_cell_is_cut_mid_word(table_app: ScenarioApp, size: tuple[int, int]) -> None:
    async with table_app.run_test(size=size) as pilot:
        await play_to_the_debrief(pilot)
        screen = table_app.screen
        assert isinstance(screen, DebriefScreen)
        table = screen.query_one(StepTable)
        layout = table.layout_at(table.size.width)
        drawn = cells_by_row([line.plain for line in layout.lines()])
        assert len(drawn) == len(table.rows) == 2
        for row, lines in zip(table.rows, drawn, strict=True):
            assert_whole(row, lines, layout.widths)
        assert drawn[0][1][0].strip() == "◐ partly right"  # on one line, not "right" below
        for row in drawn:
            for line in row[2] + row[3]:  # points stay on their label's last line
                assert not re.fullmatch(r"\s*(\+\d+|0|−\d+)\s*", line), row


def test_every_width_keeps_every_word() -> None:
    words = ("a", "cache", "read-replica", "Access-Control-Allow-Methods,",
             "docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html",
             "s3://reports-production/daily/year=2026/month=01/summary.csv",
             "arn:aws:iam::123456789012:role/PartnerUploaderRole", "a/b/c/d/e/f/g/h/i/j/k/l/m",
             "x" * 30, "+2", "−10")
    rng = random.Random(4)
    for _ in range(300):
        def text() -> Content:
            return Content(" ".join(rng.choice(words) for _ in range(rng.randrange(1, 12))))
        row = StepRow(str(rng.randrange(1, 200)), Content("◐ partly right\n\noptions ›"),
                      text(), text())
        width = rng.randrange(40, 200)
        layout = TableLayout([row], width)
        assert all(line.cell_length == width for line in layout.lines())
        [drawn] = cells_by_row([line.plain for line in layout.lines()])
        assert_whole(row, drawn, layout.widths)


def lines_of(text: str, width: int) -> list[str]:
    offsets = break_offsets(text, width)
    assert wrapped_lines(text, width) == len(offsets) + 1
    return [text[a:b] for a, b in zip([0, *offsets], [*offsets, len(text)], strict=True)]


def test_a_long_word_fills_its_line_up_to_a_hyphen_and_a_url_starts_one() -> None:
    assert lines_of("returns Access-Control-Allow-Methods, -Headers", 25) == [
        "returns Access-Control-", "Allow-Methods, -Headers"]
    assert lines_of("see docs.aws.amazon.com/apigateway/latest/how-to-cors.html now", 25) == [
        "see ", "docs.aws.amazon.com/", "apigateway/latest/how-to-", "cors.html now"]
    assert lines_of("Only https://app.example.com\xa0\xa0+2", 23) == [  # a label, its points
        "Only ", "https://app.example.com\xa0\xa0", "+2"]
    assert lines_of("x" * 12, 5) == ["xxxxx", "xxxxx", "xx"]  # no break point: at the width


def test_paths_and_identifiers_break_only_between_their_segments() -> None:
    assert lines_of("on s3://reports-production/daily/year=2026/month=01/x.csv", 24) == [
        "on s3://reports-", "production/daily/", "year=2026/month=01/x.csv"]
    assert lines_of("naming arn:aws:iam::123456789012:role/PartnerUploaderRole", 22) == [
        "naming ", "arn:aws:iam::", "123456789012:role/", "PartnerUploaderRole"]
    assert lines_of("see a/b/c/d/e/f/g/h/i/j/k/l/m", 12) == ["see ", "a/b/c/d/e/f/", "g/h/i/j/k/l/",
                                                          "m"]
    assert lines_of("reads s3://bucket/key now", 16) == ["reads ", "s3://bucket/key ", "now"]


@pytest.mark.parametrize("size", SIZES)
def test_step_table_with_long_tokens(snap_compare: Any, table_app: ScenarioApp,
                                     size: tuple[int, int]) -> None:
    assert snap_compare(table_app, terminal_size=size,
                        run_before=table_at_the_top)
