"""The author preview's decision graph at 80 and 120 columns: long labels give way, the points,
the endings' outcomes and the "↪ joins" markers stay on screen.

Update the snapshots only after looking at the report:
`pytest tests/ui/test_author_graph.py --snapshot-update`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.content import Content
from textual.pilot import Pilot

from scenario_tui.ui.author_app import AuthorApp
from scenario_tui.ui.widgets.decision_tree import DecisionTree
from scenario_tui.ui.widgets.tree_fit import JOINED_FLOORS, LABEL_FLOORS, Piece, fit, shorten

from .pilot_steps import settle

AUTHOR = Path(__file__).resolve().parent.parent / "fixtures" / "author"
LONG = "preview-long-labels.yaml"
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
MARKERS = ("⇒ ✓ success", "⇒ ◐ partial", "⇒ ✗ failure", "↪ joins “", "+2")


def make_app() -> AuthorApp:
    return AuthorApp(LONG, interval=60.0, today=lambda: dt.date(2026, 11, 26))


@pytest.fixture
def in_fixtures(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(AUTHOR)
    return AUTHOR


async def shown(pilot: Pilot) -> None:
    """Wait for the first look at the file and the graph's layout."""
    for _ in range(50):
        await settle(pilot)
        if pilot.app.screen.query(DecisionTree) and \
                pilot.app.screen.query_one(DecisionTree).scenario is not None:
            break
        await pilot.pause(0.05)
    await settle(pilot)


def tree_lines(tree: DecisionTree) -> list[str]:
    """The graph's lines as the terminal shows them (cropped to the panel)."""
    return ["".join(segment.text for segment in tree.render_line(y))
            for y in range(tree.scrollable_content_region.height)]


@pytest.mark.parametrize("size", SIZES)
async def test_every_marker_is_on_screen(in_fixtures: Path, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await shown(pilot)
        tree = app.screen.query_one(DecisionTree)
        assert tree.virtual_size.width <= tree.scrollable_content_region.width
        lines = "\n".join(tree_lines(tree))
        for marker in MARKERS:
            assert marker in lines, f"{marker!r} cut off:\n{lines}"
        assert "…" in lines  # the labels gave way instead
        assert "3. Ask the" in lines  # and kept their opening words


def test_shorten_cuts_at_a_word_with_an_ellipsis() -> None:
    text = Content("Put an SQS queue between the page and the writer")
    assert shorten(text, 60) is text
    assert shorten(text, 20).plain == "Put an SQS queue…"
    assert shorten(Content("Unbreakablewordthatgoeson"), 10).plain == "Unbreakab…"
    assert shorten(text, 1).plain == "…"


def test_fit_shortens_words_before_markers() -> None:
    pieces = (Piece(Content(" ★ 1. ")),
              Piece(Content("A very long label indeed, much longer"), LABEL_FLOORS),
              Piece(Content("  +2  ↪ joins “")),
              Piece(Content("Orders now wait in a queue"), JOINED_FLOORS), Piece(Content("”")))
    assert fit(pieces, 200).plain == "".join(p.content.plain for p in pieces)
    assert fit(pieces, 71).plain == \
        " ★ 1. A very long label indeed, much longer  +2  ↪ joins “Orders now…”"
    assert fit(pieces, 50).plain == " ★ 1. A very long…  +2  ↪ joins “Orders now…”"
    assert fit(pieces, 30).plain == " ★ 1. A very…  +2  ↪ joins “…”"
    assert "  +2  ↪ joins “…”" in fit(pieces, 10).plain  # the markers outlast every word


@pytest.mark.parametrize("size", SIZES)
def test_long_labels_graph(snap_compare, in_fixtures: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=shown)
