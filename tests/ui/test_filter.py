"""The catalogue filter: every typed word must match; broken files answer to "broken"."""

from __future__ import annotations

from scenario_tui.format.problems import ERROR, Problem
from scenario_tui.play.catalog import CatalogEntry
from scenario_tui.ui.widgets.scenario_list import matches

GOOD = CatalogEntry(path="a.yaml", id="read-heavy-database", title="Cache a catalogue",
                    difficulty="intermediate", tags=("caching",), services=("elasticache",))
BAD = CatalogEntry(path="b.yaml", id="b", title="b",
                   errors=(Problem("b.yaml", 1, 1, ERROR, "E001", "empty"),))


def test_every_word_must_match() -> None:
    assert matches(GOOD, "elasticache cach")
    assert not matches(GOOD, "elasticache lambda")


def test_broken_files_answer_to_broken() -> None:
    assert matches(BAD, "broken") and not matches(GOOD, "broken")
