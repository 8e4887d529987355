"""The catalogue's list of scenarios: two lines each, by title, filtered as the learner types,
optionally under group headings (exam domain or progress, see `play.catalog_order`)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...format.text_safety import one_line
from ...play.catalog import CatalogEntry
from ...play.catalog_order import NONE, grouped
from ..dates import local_day
from .inline_text import inline_line
from .numbers import NBSP, percent
from .symbols import BROKEN, DIFFICULTY, PART_WAY

if TYPE_CHECKING:
    from ...progress.stats import ScenarioSummary


PART_WAY_LABEL = f"{PART_WAY}{NBSP}part-way"
"""A row's mark for a run left part-way: the symbol and its word, never wrapped apart."""


def matches(entry: CatalogEntry, query: str, pack: str = "") -> bool:
    """True when every word of `query` appears in the entry's title, id, tags, services or
    the name of the `pack` it comes from."""
    haystack = " ".join((entry.title, entry.id, entry.difficulty, entry.domain, pack,
                         *entry.tags, *entry.services,
                         "" if entry.playable else "broken")).lower()
    return all(word in haystack for word in query.lower().split())


def best_label(summary: ScenarioSummary | None) -> str:
    """`best 75 %` (never wrapped apart) for an attempted scenario, `new` otherwise; `best –`
    when every attempt was of an earlier version that no longer fits the scenario."""
    if summary is None or not summary.attempts:
        return "new"
    if summary.best_percent is None:
        return "best –"
    return f"best{NBSP}{percent(summary.best_percent)}"


def attempts_label(summary: ScenarioSummary) -> str:
    """`3 attempts · last 2026-11-26`; replays and what-ifs are not attempts."""
    count = summary.attempts
    runs = f"{count}{NBSP}attempt{'s' if count != 1 else ''}" if count else "explored only"
    return f"{runs} · last {local_day(summary.last_played)}"


def prompt(entry: CatalogEntry, summary: ScenarioSummary | None,
           shorten: Callable[[str], str] = str, pack: str = "", part_way: bool = False
           ) -> Content:
    """The two-line prompt for one catalogue row; scenario text is never read as markup.
    `shorten` names a broken file the way the catalogue does; `pack` names the installed pack
    the scenario comes from, if it does; `part_way` marks a run left part-way (early in the
    line, where 80 columns still show it)."""
    if not entry.playable:
        return Content.assemble((f"{BROKEN} BROKEN ", "bold $error"),
                                (one_line(entry.title), "bold"),
                                "\n  ", (one_line(entry.first_error_line(shorten), 300),
                                         "$error"))
    parts: list[str | tuple[str, str] | Content] = [
        title_content(entry.title), (f"  {one_line(entry.id)}", "dim"),
        (f"  pack{NBSP}{one_line(pack)}" if pack else "", "italic $text-secondary"), "\n  ",
        (f"{DIFFICULTY.get(entry.difficulty, '')} {entry.difficulty}", "$accent"),
        (f" · {PART_WAY_LABEL}" if part_way else "", "bold $warning"),
        (f" · {best_label(summary)}", "bold" if summary else "dim"),
    ]
    if summary is not None:
        parts.append(f" · {attempts_label(summary)}")
    parts.append((" · " + ", ".join(one_line(s) for s in entry.services), "dim"))
    if entry.tags:
        parts.append((" · " + " ".join(f"#{one_line(t)}" for t in entry.tags), "dim italic"))
    return Content.assemble(*parts)


def title_content(title: str) -> Content:
    """A scenario's title in bold, its Markdown shown as styles (never as markup)."""
    return inline_line(one_line(title)).stylize_before("bold")


def heading(name: str, count: int) -> Content:
    """A group's heading row: `Security · 3`."""
    return Content.assemble((name, "bold $text-primary"), (f" · {count}", "dim"))


class ScenarioList(OptionList):
    """Every catalogue entry that matches the filter, by title, under group headings when
    grouped (headings are disabled rows: the cursor skips them)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # OptionList's own Enter, shown: with the list focused, the key bar lost "⏎ Play"
        Binding("enter", "select", "Play", id="catalog.list.play"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.matching: list[CatalogEntry] = []
        """The entries shown, in the order shown."""
        self._rows: list[CatalogEntry | None] = []
        """What each option is: an entry, or None for a group heading."""
        self._chosen: str | None = None
        """The path of the entry the learner put the highlight on (by a key, a click or by
        playing it); None until they do, and the highlight stays on the first entry shown:
        progress read after the first frame regroups the list, and a remembered grouping
        put the first scenario by title further down."""
        self._placing = False
        """True while `show` moves the highlight (not the learner)."""

    def show(self, entries: Sequence[CatalogEntry], summaries: Mapping[str, ScenarioSummary],
             query: str = "", shorten: Callable[[str], str] = str, by: str = NONE,
             pack_of: Callable[[CatalogEntry], str] = lambda entry: "",
             part_way: Collection[str] = ()) -> None:
        """Replace the options with the entries that match `query`, grouped `by` (see
        `catalog_order.grouped`), keeping the entry the learner chose highlighted, if it is
        shown, or else the first. `pack_of` names the pack an entry comes from ("" for
        none); `part_way` holds the ids of the scenarios with a run left part-way."""
        groups = grouped([e for e in entries if matches(e, query, pack_of(e))], summaries, by)
        self.matching = [e for _, members in groups for e in members]
        self._rows = []
        options: list[Option] = []
        for name, members in groups:
            if name:
                self._rows.append(None)
                options.append(Option(heading(name, len(members)), disabled=True))
            for entry in members:
                self._rows.append(entry)
                options.append(Option(prompt(entry, summaries.get(entry.id), shorten,
                                             pack_of(entry), entry.id in part_way)))
        self._placing = True
        try:
            self.clear_options()
            self.add_options(options)
            if self.matching:
                paths = [e.path if e else "" for e in self._rows]
                chosen = self._chosen
                keep = chosen if chosen is not None and chosen in paths else \
                    self.matching[0].path
                self.highlighted = paths.index(keep)
        finally:
            self._placing = False

    def watch_highlighted(self, highlighted: int | None) -> None:
        """Textual's, and note an entry the learner moved to as theirs to keep."""
        super().watch_highlighted(highlighted)
        if not self._placing:
            self.choose_current()

    def choose_current(self) -> None:
        """Keep the highlighted entry highlighted through redraws (the learner chose it)."""
        current = self.current
        if current is not None:
            self._chosen = current.path

    def scroll_to_highlight(self, top: bool = False) -> None:
        """Textual's, but an entry first in its group brings its heading into view too: Home
        (or Up to the top) left the first group's heading above the list's edge for good.
        (Reads `OptionList`'s line tables, as Textual 8.2.8 lays them out.)"""
        at = self.highlighted
        if at is None or at == 0 or self._rows[at - 1] is not None or not self.is_mounted:
            super().scroll_to_highlight(top)
            return
        self._update_lines()
        try:
            y, height = self._index_to_line[at - 1], self._heights[at - 1] + self._heights[at]
        except KeyError:
            super().scroll_to_highlight(top)
            return
        self.scroll_to_region(Region(0, y, self.scrollable_content_region.width, height),
                              force=True, animate=False, top=top, immediate=True)

    def move(self, delta: int) -> None:
        """Move the highlight `delta` entries up or down (headings do not count), stopping at
        the first and last."""
        if not self.matching:
            return
        current = self.current
        at = self.matching.index(current) if current in self.matching else 0
        target = self.matching[max(0, min(len(self.matching) - 1, at + delta))]
        self.highlighted = self._rows.index(target)

    @property
    def current(self) -> CatalogEntry | None:
        """The highlighted entry, if any."""
        index = self.highlighted
        if index is None or not 0 <= index < len(self._rows):
            return None
        return self._rows[index]
