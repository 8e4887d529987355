"""Scenario Markdown on the play screen shows as styles, never as asterisks and backticks:
choice labels, the breadcrumb and the service cards. The breadcrumb never wraps between a
step's mark and its label."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from textual.content import Content
from textual.widgets import Static

from scenario_tui.play.session import Session
from scenario_tui.ui.widgets.breadcrumb import Breadcrumb
from scenario_tui.ui.widgets.decision_box import DecisionBox
from scenario_tui.ui.widgets.numbers import NBSP

from .conftest import FIXTURES
from .pilot_steps import settle
from .steady import SteadyApp


def marked_up(folder: Path) -> Path:
    """The fixtures, with Markdown in a label and in a service card."""
    shutil.copytree(FIXTURES, folder)
    scenario = folder / "cache-the-catalogue.yaml"
    scenario.write_text(scenario.read_text().replace(
        "Put an ElastiCache cluster in front of the database for the hot reads",
        "Put an **ElastiCache** cluster in front of the `hot` reads"))
    glossary = folder / "glossary.yaml"
    glossary.write_text(glossary.read_text().replace(
        "name: Amazon ElastiCache", "name: Amazon *ElastiCache*").replace(
        "Managed in-memory caches", "Managed **in-memory** caches"))
    return folder


def bold_text(content: Content) -> list[str]:
    return [content.plain[span.start:span.end] for span in content.spans
            if "bold" in str(span.style)]


async def test_labels_breadcrumb_and_cards_render_markdown(
        tmp_path: Path, make_session: Callable[..., Session]) -> None:
    app = SteadyApp(make_session(marked_up(tmp_path / "library")),
                    start_id="cache-the-catalogue")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        option = app.screen.query_one(DecisionBox).options[0]
        assert isinstance(option, Content)
        assert option.plain == f"1{NBSP}Put an ElastiCache cluster in front of the hot reads"
        assert "ElastiCache" in bold_text(option)
        cards = [w.content for w in app.screen.query(".service-card").results(Static)]
        shown = "\n".join(str(c) for c in cards)
        assert "*" not in shown and "Amazon ElastiCache" in shown and "in-memory" in shown
        await pilot.press("1", "enter")
        await settle(pilot)
        trail = app.screen.query_one(Breadcrumb)
        text = "\n".join(line.plain for line in trail.fitted(trail.content_size.width))
        assert "**" not in text and "`" not in text
        assert "Put an ElastiCache cluster in front of the hot reads" in text  # room: whole


def test_the_breadcrumb_breaks_between_steps_or_words_only(
        make_session: Callable[..., Session]) -> None:
    scenario = make_session().scenario("cache-the-catalogue")
    path = [scenario.choices("slow-pages")[1], scenario.choices("still-slow")[0],
            scenario.choices("fill-the-cache")[0]]
    trail = Breadcrumb()
    trail.show(path, ["wrong", "partly right", "right"])
    for width in range(12, 120):
        lines = [line.plain for line in trail.fitted(width)]
        assert 1 <= len(lines) <= Breadcrumb.max_lines, (width, lines)
        assert all(len(line) <= width for line in lines), (width, lines)
        for line in lines:
            assert not line.rstrip().endswith(("›", "✓", "✗", "◐", "1", "2", "3")), (width, lines)
        if width >= 100:  # room for every whole label
            assert "Enable Multi-AZ on the database" in " ".join(lines)
