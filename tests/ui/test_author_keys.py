"""The author preview's help, footer and keys agree: every key the footer can show is in the
help, each panel has one name, and every key does something visible."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest
from textual.command import CommandList
from textual.widgets._markdown import MarkdownTableCellContents

from scenario_tui.authoring.file_check import VALID
from scenario_tui.ui.author_app import AuthorApp
from scenario_tui.ui.screens.author import AuthorScreen
from scenario_tui.ui.widgets.author_architecture import AuthorArchitecture
from scenario_tui.ui.widgets.decision_tree import DecisionTree
from scenario_tui.ui.widgets.player import Player
from scenario_tui.ui.widgets.preview_text import JOINS
from scenario_tui.ui.widgets.problem_list import ProblemList

from .pilot_steps import palette_search, settle
from .test_architecture_panel import ARCHITECTURE, SHOP
from .test_author import SIZE, in_fixtures, in_state, make_app, screen_of, wait_until
from .test_author_narrow import drawn

__all__ = ["in_fixtures"]  # the fixture, used by name

HELP = files("scenario_tui.ui").joinpath("author_help.md").read_text(encoding="utf-8")
DOC = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"


def help_key(key: str) -> str:
    """A binding's key as the help writes it: `o`, `Ctrl+R`, `Esc`."""
    names = {"escape": "Esc", "enter": "Enter", "question_mark": "?", "f1": "F1"}
    if key.startswith("ctrl+"):
        return f"`Ctrl+{key[5:].upper()}`"
    return f"`{names.get(key, key)}`"


def test_every_key_the_footer_can_show_is_in_the_help() -> None:
    bindings = [*AuthorScreen.BINDINGS, *DecisionTree.BINDINGS, *Player.BINDINGS,
                *AuthorApp.BINDINGS]
    for binding in bindings:
        if getattr(binding, "show", False) and binding.key != "1":  # type: ignore[union-attr]
            assert help_key(binding.key) in HELP, binding  # type: ignore[union-attr]
    assert "`1`-`9`" in HELP


def test_one_name_for_each_thing() -> None:
    assert "warnings (lint" not in HELP and "List the problems" in HELP
    assert JOINS in HELP
    symbols = HELP[HELP.index("## Symbols"):]
    assert "after a choice" in symbols and "ending" in symbols
    assert "in file order" in DOC.read_text(encoding="utf-8")
    assert '("file order" in its status line)' not in DOC.read_text(encoding="utf-8")


async def test_the_problems_panel_is_called_problems(in_fixtures: Path) -> None:
    app = make_app("preview-long-labels.yaml")  # valid, with warnings only
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, in_state(pilot, VALID))
        await pilot.press("p")
        await settle(pilot)
        assert screen_of(pilot).query_one(ProblemList).border_title == "Problems"


async def test_check_again_is_in_the_footer(in_fixtures: Path) -> None:
    app = make_app("preview-valid.yaml")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, in_state(pilot, VALID))
        shown = [b.binding.action for b in app.screen.active_bindings.values()
                 if b.binding.show and b.enabled]
        assert "recheck" in shown


async def test_f_without_faults_says_why(in_fixtures: Path) -> None:
    app = make_app("preview-valid.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, in_state(pilot, VALID))
        await pilot.press("f")
        await settle(pilot)
        assert any("no faults" in str(n.message) for n in app._notifications)


async def test_a_hides_and_shows_the_architecture(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ARCHITECTURE)
    app = AuthorApp(f"{SHOP}.yaml", interval=60.0)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, in_state(pilot, VALID))
        panel = screen_of(pilot).query_one(AuthorArchitecture)
        assert panel.display
        await pilot.press("a")
        await settle(pilot)
        assert not panel.display
        await pilot.press("a")
        await settle(pilot)
        assert panel.display


async def test_g_puts_the_graph_s_cursor_on_the_preview_s_situation(in_fixtures: Path) -> None:
    app = make_app("preview-valid.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, in_state(pilot, VALID))
        await pilot.press("1", "enter")
        await settle(pilot)
        screen = screen_of(pilot)
        tree = screen.query_one(DecisionTree)
        assert screen.trial is not None and screen.shown and screen.shown.scenario
        here = screen.trial.play.node(screen.shown.scenario)
        await pilot.press("g")
        await settle(pilot)
        assert tree.has_focus
        assert tree.cursor_node is not None and tree.cursor_node.data is not None
        assert tree.cursor_node.data.node == here


async def test_the_palette_leaves_endings_out(in_fixtures: Path) -> None:
    app = make_app("preview-valid.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, in_state(pilot, VALID))
        await palette_search(pilot, "test from")
        found = app.screen.query_one(CommandList)
        prompts = [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]
        assert any("‹workers›" in p for p in prompts), prompts
        assert not any(end in p for p in prompts for end in ("‹calm›", "‹angry›", "‹clogged›"))


async def test_the_help_s_key_column_has_room(in_fixtures: Path) -> None:
    app = make_app("preview-valid.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, in_state(pilot, VALID))
        await pilot.press("f1")
        await settle(pilot)
        cells = [c for c in app.screen.query(MarkdownTableCellContents)
                 if "Down" in str(c.content)]
        lines = [[row for row in drawn(c).splitlines() if row.strip()] for c in cells]
        assert cells and all(len(rows) <= 2 for rows in lines), lines
