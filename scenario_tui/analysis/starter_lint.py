"""A lint rule against shipping the starter: text still as `scenario-tui new` wrote it.

The starter validates as is (so an author can preview it at once), which also means nothing
else stops its placeholder sentences from reaching learners. The placeholders are read from
the starter itself (`format.starter.render`), so the two never disagree.
"""

from __future__ import annotations

from functools import lru_cache

from ..format import loader, starter

STARTER_TEXT = "L119"


@lru_cache(maxsize=1)
def placeholders() -> frozenset[str]:
    """Every situation, node text, label and explanation of the starter."""
    scenario, _ = loader.load_text(starter.render("starter", ""), "starter.yaml")
    assert scenario is not None, "the starter must load"
    return frozenset(text.strip() for text, *_ in scenario.texts())
