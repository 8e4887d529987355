"""What the debrief does as it opens, so a long play's debrief opens quickly: the step table
lays out only the rows on screen (and draws the rest, as they were, when scrolled to), and the
decision tree fits each line's words once per width, not each time Textual lays its lines out.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from rich._wrap import divide_line, words
from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.widgets import Static

from scenario_tui.analysis.scoring import analyse
from scenario_tui.format import loader
from scenario_tui.play.engine import Debrief, Play, debrief
from scenario_tui.play.modes import EXAM
from scenario_tui.ui.screens.debrief import ActionButton, DebriefBody, DebriefScreen
from scenario_tui.ui.widgets import decision_tree
from scenario_tui.ui.widgets.decision_tree import DecisionTree
from scenario_tui.ui.widgets.line_breaks import break_offsets
from scenario_tui.ui.widgets.step_table import (
    COLUMNS,
    StepRow,
    StepTable,
    TableLayout,
    cell_height,
    column_widths,
    row_lines,
    wrap_cell,
    wrapped_lines,
)
from scenario_tui.ui.widgets.tree_fit import (
    JOINED_FLOORS,
    LABEL_FLOORS,
    Piece,
    _widths,
    fit,
    fit_width,
    given,
)

from .pilot_steps import settle

WORDS = ("a", "cache", "read-replica", "ElastiCache", "x" * 30, "", "  ", "**bold**", "日本語")


def text(rng: random.Random) -> str:
    return "".join(rng.choice(WORDS) + rng.choice((" ", " ", "\n", "  "))
                   for _ in range(rng.randrange(0, 25)))


def rows(count: int, seed: int = 7) -> list[StepRow]:
    rng = random.Random(seed)
    return [StepRow(str(n + 1), Content("✓ right\n\noptions ›"), Content(text(rng)),
                    Content(text(rng))) for n in range(count)]


def test_a_cells_height_is_the_lines_its_words_wrap_to() -> None:
    rng = random.Random(12)
    for _ in range(3000):
        content, width = Content(text(rng)), rng.randrange(1, 40)
        for right in (False, True):
            assert cell_height(content, width, right) == len(wrap_cell(content, width, right))


def test_a_paragraphs_lines_are_counted_as_they_are_divided() -> None:
    rng = random.Random(3)
    alphabet = "ab cd\t  efghijklmnopqrstuvwxyz-,.日"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 90)))
        width = rng.randrange(1, 40)
        offsets = break_offsets(text, width)
        assert wrapped_lines(text, width) == len(offsets) + 1, (text, width)
        if all(cell_len(word.rstrip()) <= width for *_, word in words(text)):  # as Rich
            assert offsets == divide_line(text, width, fold=False), (text, width)


def test_the_table_is_laid_out_row_by_row_as_it_was_at_once() -> None:
    table = rows(30)
    for width in (40, 80, 117, 200):
        widths = column_widths(width)
        eager = [*row_lines([Content(c.heading) for c in COLUMNS], widths, "┃", "bold")]
        for row in table:
            eager += row_lines([Content(row.number), row.verdict, row.yours, row.best],
                               widths, "│")
        laid = [line for line in TableLayout(table, width).lines()
                if line.plain[:1] not in "┏┡├└"]
        assert laid == eager


class TableApp(App[None]):
    def __init__(self, table: StepTable) -> None:
        super().__init__()
        self.table = table

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield self.table


async def test_the_step_table_lays_out_only_the_rows_on_screen() -> None:
    table = StepTable(rows(40), id="steps")
    app = TableApp(table)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        layout = table.layout_at(table.size.width)
        laid = [block for block in layout._blocks if block.cells and block.lines is not None]
        assert 1 <= len(laid) < 10, len(laid)
        shown = [strip.text for strip in table.render_lines(table.region.reset_offset)]
        whole = [line.plain for line in TableLayout(table.rows, table.size.width).lines()]
        assert shown[:30] == whole[:30]
        app.query_one(VerticalScroll).scroll_end(animate=False)
        await settle(pilot)
        end = table.size.height
        assert [s.text for s in table.render_lines(table.region.reset_offset)][-20:] == \
            whole[end - 20:end]


APP_CSS = Path(__file__).resolve().parents[2] / "scenario_tui" / "ui" / "app.tcss"

SCENARIO = """
id: deep
title: Deep
situation: A chain of decisions.
difficulty: advanced
tags: [synthetic]
services: [lambda]
sources: ["https://docs.aws.amazon.com/lambda/latest/dg/welcome.html"]
verified: "2026-11-26"
nodes:
"""


def deep_scenario(size: int = 40) -> str:
    nodes = []
    for i in range(size):
        if i == size - 1:
            nodes.append(f"  n{i}:\n    end: success\n    text: The end of the chain.")
            continue
        later = min(size - 1, i + 2)
        nodes.append(
            f"  n{i}:\n    text: Situation {i}, with some words to name it by.\n    choices:\n"
            f"      - {{label: Go on from {i} to the next, to: n{i + 1}, points: 1, why: On.}}\n"
            f"      - {{label: Skip one from {i}, to: n{later}, points: 0, why: Skip.}}")
    return SCENARIO + "\n".join(nodes) + "\n"


def test_a_lines_width_is_worked_out_as_the_line_would_be_made() -> None:
    rng = random.Random(5)
    floors = (LABEL_FLOORS, JOINED_FLOORS, ())
    for _ in range(3000):
        pieces = [Piece(Content(text(rng).replace("\n", " ")), rng.choice(floors))
                  for _ in range(rng.randrange(1, 5))]
        width = rng.randrange(-20, 80)
        assert fit_width(pieces, width) == fit(pieces, width).cell_length, (pieces, width)
        assert _widths(pieces, width) == given(pieces, width), (pieces, width)


class TreeApp(App[None]):
    def compose(self) -> ComposeResult:
        scenario, problems = loader.load_text(deep_scenario(), "deep.yaml")
        assert scenario is not None, problems
        tree = DecisionTree(id="tree")
        path = [c for node in [f"n{i}" for i in range(39)] for c in scenario.choices(node)
                if c.index == 0]
        tree.show(scenario, path, path)
        yield tree


async def test_the_tree_fits_each_line_once_per_width(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[tuple[str, ...], int]] = []

    def counted(pieces: tuple[Piece, ...], width: int) -> int:
        calls.append((tuple(piece.content.plain for piece in pieces), width))
        return fit_width(pieces, width)

    monkeypatch.setattr(decision_tree, "fit_width", counted)
    app = TreeApp()
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        tree = app.query_one(DecisionTree)
        lines = len(tree._tree_lines)
        branch = tree.root.children[0]
        for _ in range(3):  # each expansion lays every line out again
            branch.collapse()
            await settle(pilot)
            branch.expand()
            await settle(pilot)
        assert len(calls) == len(set(calls)) >= lines  # each line's words, once per room
        node = tree._tree_lines[-1].node  # a deep line: its words shortened to the room
        room = tree._room(node)
        pieces = tree.line_pieces(node)
        assert pieces is not None
        assert tree.get_label_width(node) == fit(pieces, room).cell_length + \
            (len(tree.ICON_NODE) if node.allow_expand else 0)


async def test_a_style_change_repaints_the_tree_without_laying_it_out_again() -> None:
    app = TreeApp()
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        tree = app.query_one(DecisionTree)
        lines = tree._tree_lines
        before = {s.style for strip in tree.render_lines(tree.region.reset_offset)
                  for s in strip if s.style}
        app.theme = "textual-light"
        tree.focus()
        await settle(pilot)
        after = {s.style for strip in tree.render_lines(tree.region.reset_offset)
                 for s in strip if s.style}
        assert tree._tree_lines is lines
        assert before != after


MEEPLE = Path(__file__).resolve().parent.parent / "fixtures" / "ui_debrief" / "meeple-debrief.yaml"


def meeple_report() -> Debrief:
    scenario, problems = loader.load_file(MEEPLE)
    assert scenario is not None, problems
    worst = tuple(analyse(scenario).worst_path())
    return debrief(scenario, Play(scenario.id, EXAM, "", worst))


class Host(App[None]):
    """An empty app to open a debrief on."""

    CSS_PATH = APP_CSS


def tree_lines(tree: DecisionTree) -> list[str]:
    return [tree.render_label(line.node, tree.rich_style, tree.rich_style).plain
            for line in tree._tree_lines]


@pytest.mark.parametrize(("size", "later"), [((80, 24), True), ((120, 40), False)])
async def test_a_tree_below_the_first_screen_is_filled_once_that_screen_is_drawn(
        size: tuple[int, int], later: bool) -> None:
    report = meeple_report()
    app = Host()
    async with app.run_test(size=size) as pilot:
        screen = DebriefScreen(report)
        await app.push_screen(screen)  # composed and mounted, not yet drawn
        tree = screen.query_one(DecisionTree)
        assert screen.tree_below_first_screen() is later
        assert (tree.scenario is None) is later
        await settle(pilot)
        reference = DecisionTree()
        reference.show(report.scenario, report.play.choices, report.analysis.best_path())
        assert tree.scenario is report.scenario
        assert [line.node.data for line in tree._tree_lines] == \
            [line.node.data for line in reference._tree_lines]
        assert tree_lines(tree)[0].startswith("▼ Start ")
        assert "Start: " in str(screen.query_one("#tree-detail", Static).visual)


async def test_the_bodys_focus_restyles_the_body_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = DebriefScreen(meeple_report())
        await app.push_screen(screen)
        await settle(pilot)
        restyled: list[str] = []
        apply = app.stylesheet.apply

        def counted(node: DOMNode, *args: Any, **kwargs: Any) -> None:
            restyled.append(type(node).__name__)
            apply(node, *args, **kwargs)

        monkeypatch.setattr(app.stylesheet, "apply", counted)
        body = screen.query_one(DebriefBody)
        for _ in range(2):
            screen.set_focus(None)
            await settle(pilot)
            body.focus()
            await settle(pilot)
        assert "DebriefBody" in restyled
        assert set(restyled) <= {"DebriefBody", "ScrollBar"}, restyled  # not what it holds


async def test_the_action_buttons_are_styled_once_as_they_are_added(
        monkeypatch: pytest.MonkeyPatch) -> None:
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        restyled: list[DOMNode] = []
        update = app.stylesheet.update_nodes

        def counted(nodes: Iterable[DOMNode], animate: bool = False) -> None:
            nodes = list(nodes)
            restyled.extend(nodes)
            update(nodes, animate)

        monkeypatch.setattr(app.stylesheet, "update_nodes", counted)
        button = ActionButton("Retry (r)", id="retry")
        assert not restyled and button.has_class("-textual-compact")
        await app.screen.mount(button)
        await settle(pilot)
        assert button.region.height == 1  # compact: no border


class LongPathApp(App[None]):
    """A tree whose marked path is `size - 1` decisions long."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.chain = size

    def compose(self) -> ComposeResult:
        scenario, problems = loader.load_text(deep_scenario(self.chain), "deep.yaml")
        assert scenario is not None, problems
        path = [c for i in range(self.chain - 1) for c in scenario.choices(f"n{i}")
                if c.index == 0]
        tree = DecisionTree(id="tree")
        tree.show(scenario, path, path)
        yield tree


async def test_a_long_path_opens_only_so_deep() -> None:
    """A 3,000-situation chain opened whole kept the author preview busy for minutes: the
    marked paths open `OPEN_DEPTH` decisions deep, and the line below that opens on Enter."""
    depth = decision_tree.OPEN_DEPTH
    app = LongPathApp(depth * 5)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        tree = app.query_one(DecisionTree)
        assert tree.last_line + 1 <= 2 * depth + 3  # the start, and two lines a decision
        deepest, opened = tree.root, 0
        while deepest.is_expanded and deepest.children:
            deepest, opened = deepest.children[0], opened + 1
        assert opened == depth + 1 and deepest.allow_expand and not deepest.is_expanded
        before = tree.last_line
        tree.cursor_line = deepest.line
        await pilot.press("enter")
        await settle(pilot)
        assert deepest.is_expanded and tree.last_line > before
