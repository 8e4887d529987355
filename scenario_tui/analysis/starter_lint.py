"""A lint rule against shipping the starter: text still as `scenario-tui new` wrote it.

The starter validates as is (so an author can preview it at once), which also means nothing
else stops its placeholder sentences from reaching learners. The placeholders are read from
the starter itself (`format.starter.render`), so the two never disagree.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from ..format import loader, starter
from ..format.model import Choice, Scenario

STARTER_TEXT = "L119"


@lru_cache(maxsize=1)
def placeholders() -> frozenset[str]:
    """Every situation, node text, label and explanation of the starter."""
    scenario, _ = loader.load_text(starter.render("starter", ""), "starter.yaml")
    assert scenario is not None, "the starter must load"
    return frozenset(text.strip() for text, *_ in texts(scenario))


def texts(scenario: Scenario) -> Iterator[tuple[str, str, str, Choice | None]]:
    """(text, node, field, the choice or None) for each authored text of `scenario`; the
    scenario's `situation` comes first, as node ""."""
    yield scenario.situation, "", "situation", None
    for node in scenario.graph:
        yield scenario.node(node).text, node, "text", None
        for choice in scenario.choices(node):
            yield choice.label, node, "label", choice
            yield choice.why, node, "why", choice
