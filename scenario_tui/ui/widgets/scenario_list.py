"""The catalogue's list of scenarios: two lines each, filtered as the learner types."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...format.text_safety import one_line
from ...play.catalog import CatalogEntry
from ..dates import local_day
from .symbols import BROKEN, DIFFICULTY

if TYPE_CHECKING:
    from ...progress.stats import ScenarioSummary


def matches(entry: CatalogEntry, query: str) -> bool:
    """True when every word of `query` appears in the entry's title, id, tags or services."""
    haystack = " ".join((entry.title, entry.id, entry.difficulty, entry.domain,
                         *entry.tags, *entry.services,
                         "" if entry.playable else "broken")).lower()
    return all(word in haystack for word in query.lower().split())


def best_label(summary: ScenarioSummary | None) -> str:
    """`best 75 %` for a played scenario, `new` otherwise; `best –` when every play was of
    an earlier version that no longer fits the scenario."""
    if summary is None:
        return "new"
    if summary.best_percent is None:
        return "best –"
    return f"best {summary.best_percent} %"


def attempts_label(summary: ScenarioSummary) -> str:
    """`3 attempts · last 2026-11-26`."""
    plural = "s" if summary.attempts != 1 else ""
    return f"{summary.attempts} attempt{plural} · last {local_day(summary.last_played)}"


def prompt(entry: CatalogEntry, summary: ScenarioSummary | None,
           shorten: Callable[[str], str] = str) -> Content:
    """The two-line prompt for one catalogue row; scenario text is never read as markup.
    `shorten` names a broken file the way the catalogue does."""
    if not entry.playable:
        return Content.assemble((f"{BROKEN} BROKEN ", "bold $error"),
                                (one_line(entry.title), "bold"),
                                "\n  ", (one_line(entry.first_error_line(shorten), 300),
                                         "$error"))
    parts: list[str | tuple[str, str]] = [
        (one_line(entry.title), "bold"), "\n  ",
        (f"{DIFFICULTY.get(entry.difficulty, '')} {entry.difficulty}", "$accent"),
        (f" · {best_label(summary)}", "bold" if summary else "dim"),
    ]
    if summary is not None:
        parts.append(f" · {attempts_label(summary)}")
    parts.append((" · " + ", ".join(one_line(s) for s in entry.services), "dim"))
    if entry.tags:
        parts.append((" · " + " ".join(f"#{one_line(t)}" for t in entry.tags), "dim italic"))
    return Content.assemble(*parts)


class ScenarioList(OptionList):
    """Every catalogue entry that matches the filter, in catalogue order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.matching: list[CatalogEntry] = []

    def show(self, entries: Sequence[CatalogEntry], summaries: Mapping[str, ScenarioSummary],
             query: str = "", shorten: Callable[[str], str] = str) -> None:
        """Replace the options with the entries that match `query`, keeping the selection."""
        current = self.current
        self.matching = [e for e in entries if matches(e, query)]
        self.clear_options()
        self.add_options(Option(prompt(e, summaries.get(e.id), shorten)) for e in self.matching)
        if self.matching:
            paths = [e.path for e in self.matching]
            self.highlighted = paths.index(current.path) if current and current.path in paths \
                else 0

    @property
    def current(self) -> CatalogEntry | None:
        """The highlighted entry, if any."""
        index = self.highlighted
        if index is None or not 0 <= index < len(self.matching):
            return None
        return self.matching[index]
