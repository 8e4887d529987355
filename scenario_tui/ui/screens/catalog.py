"""The catalogue: every scenario by title (grouped by exam domain or progress if the learner
asks), a filter you type into, and a preview of the highlighted one."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.events import Click, Key
from textual.reactive import reactive
from textual.widgets import Input, OptionList, Static
from textual.worker import Worker, WorkerState, get_current_worker

from ...format.text_safety import clean, one_line
from ...play.catalog import CatalogEntry
from ...play.catalog_order import (
    GROUPING_NAMES,
    GROUPING_SETTING,
    GROUPINGS,
    NONE,
    next_grouping,
)
from ...play.modes import EXAM, PRACTICE, TIMED_EXAM
from ...play.progress_report import CatalogProgress
from ...play.session import Session
from ...progress.store_errors import WriteFailed
from ..catalog_commands import GroupingCommands
from ..messages import CatalogueShown, ModeChosen, OpenScenario
from ..widgets.catalog_status import CatalogCounts, CatalogStatus
from ..widgets.header_footer import ScreenFooter, ScreenHeader
from ..widgets.numbers import NBSP
from ..widgets.scenario_list import ScenarioList, attempts_label, best_label, title_content
from ..widgets.symbols import BROKEN, DIFFICULTY, PART_WAY
from ..worker_errors import report_failure
from .responsive import ResponsiveScreen

if TYPE_CHECKING:
    from ...progress.stats import ScenarioSummary


def preview_content(entry: CatalogEntry | None, summary: ScenarioSummary | None,
                    shorten: Callable[[str], str] = str, pack: str = "",
                    left_at: int | None = None) -> Content:
    """The preview pane's text for `entry` (from the installed `pack`, if one is named), and
    the decision a run left part-way comes back to (`left_at`), if there is one."""
    if entry is None:
        return Content.styled("No scenario matches the filter.", "dim")
    parts: list[str | tuple[str, str] | Content] = [title_content(entry.title), "\n"]
    if not entry.playable:
        parts += [(f"{BROKEN} This file cannot be played.\n", "bold $error"),
                  (clean(entry.first_error_line(shorten)), "$error"), "\n\n",
                  (clean(shorten(entry.path)), "dim"),
                  ("\n\nRun `scenario-tui validate` on it for every problem.", "dim")]
        return Content.assemble(*parts)
    progress = best_label(summary)
    if summary:
        progress += f" · {attempts_label(summary)}"
    parts += [
        (f"{DIFFICULTY.get(entry.difficulty, '')} {entry.difficulty}", "$accent"),
        f" · {entry.domain or 'general'} · {entry.decisions} decisions, up to {entry.best}"
        f" points · ", (progress, "bold"),
        (f" · pack{NBSP}{one_line(pack)}" if pack else "", "italic $text-secondary"), "\n",
        (f"{PART_WAY} Left part-way at decision {left_at}: Enter offers to resume it.\n"
         if left_at is not None else "", "bold $warning"),
        clean(entry.situation.strip()) or "(no situation given)", "\n",
        ("Services ", "bold $accent"), ", ".join(one_line(s) for s in entry.services) or "-",
        "\n", ("Tags     ", "bold $accent"), ", ".join(one_line(t) for t in entry.tags) or "-",
        "\n", ("Id       ", "bold $accent"), one_line(entry.id),
        (f"  (scenario-tui play {one_line(entry.id)})", "dim"),
    ]
    return Content.assemble(*parts)


class FilterInput(Input):
    """The filter box; Enter plays the highlighted scenario (and says so in the footer). `?`
    opens help, as everywhere: an Input takes printable keys before the app's bindings, so
    the box binds it itself (no title or tag needs a `?` to be found)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Play", id="catalog.play"),
        Binding("question_mark", "app.help", "Help", show=False, priority=True),
    ]


class CatalogScreen(ResponsiveScreen):
    """Pick a scenario: type to filter, arrows to move, Enter or a click to play."""

    HELP_SECTION: ClassVar[str] = "Catalogue"
    """The part of the help (its heading) that F1 opens at here."""

    AUTO_FOCUS = "#filter"
    COMMANDS = ResponsiveScreen.COMMANDS | {GroupingCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "toggle_mode", "Mode", id="catalog.mode"),
        Binding("ctrl+g", "cycle_grouping", "Group", id="catalog.group",
                tooltip="Group by exam domain, by progress, or not at all"),
        Binding("ctrl+r", "app.review", "Review", id="catalog.review"),
        Binding("ctrl+t", "app.stats", "Stats", id="catalog.stats"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("pagedown", "move(8)", show=False),
        Binding("pageup", "move(-8)", show=False),
        Binding("escape", "clear_filter", "Clear filter", id="catalog.clear", show=False),
    ]

    entries: reactive[tuple[CatalogEntry, ...] | None] = reactive(None, init=False)
    """Every catalogue entry, playable or broken; None until the library is read."""
    progress: reactive[CatalogProgress] = reactive(CatalogProgress, init=False)
    """The learner's summaries and reviews (empty until read, after the first frame)."""
    mode: reactive[str] = reactive(PRACTICE, init=False)
    """The mode a scenario opened from here starts in."""
    grouping: reactive[str] = reactive(NONE, init=False)
    """What the list is grouped by (`catalog_order.GROUPINGS`), remembered in the store."""

    _preview_of: tuple[CatalogEntry | None, ScenarioSummary | None, int | None] | None = None
    """What the preview shows now: the entry, its progress and where its run was left."""

    def __init__(self, session: Session, mode: str = PRACTICE) -> None:
        super().__init__()
        self.session = session
        self.set_reactive(CatalogScreen.mode, mode)

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        with Horizontal(id="filter-bar"):
            yield Static(Content.styled("Filter ›", "bold $accent"), id="filter-label")
            # Not selected on focus: typing in the list carries on the filter's text there.
            yield FilterInput(placeholder="type a title, tag, service or difficulty…",
                              id="filter", compact=True, select_on_focus=False)
        with Horizontal(id="catalog-body"):
            yield ScenarioList(id="scenarios")
            with VerticalScroll(id="preview-scroll"):
                yield Static(id="preview")
        yield CatalogStatus(id="catalog-status")
        yield ScreenFooter()

    def on_mount(self) -> None:
        saved = self.session.store.setting(GROUPING_SETTING)
        if saved in GROUPINGS:
            self.set_reactive(CatalogScreen.grouping, saved)
        # A current cache is one small file: show it at once and fill in progress after;
        # otherwise parse the library in a worker.
        entries = self.session.scan_cached()
        if entries is None:
            self.update_status()
            self.load_catalog()
            return
        self.entries = tuple(entries)
        # After the first frame: a worker thread started now would share the GIL with it.
        self.call_after_refresh(self.load_progress)

    @work(thread=True, exclusive=True, group="catalog", exit_on_error=False,
          description="Reading the library")
    def load_catalog(self) -> None:
        """Scan the library (parsing what changed since the cache was written) off the event
        loop; the learner's progress follows in its own worker."""
        entries = tuple(self.session.scan())
        worker = get_current_worker()
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_catalog, worker, entries)

    def _show_catalog(self, worker: Worker[None], entries: tuple[CatalogEntry, ...]) -> None:
        # Checked again on the event loop, where cancelling happens: a worker can pass its
        # own check just before a newer one cancels it (or the screen goes).
        if _current(worker):
            self.entries = entries
            self.load_progress()

    def refresh_stats(self) -> None:
        """Re-read scores and reviews after a play-through or a review."""
        if self.entries is not None:
            self.load_progress()

    @work(thread=True, exclusive=True, group="progress", exit_on_error=False,
          description="Reading your progress")
    def load_progress(self) -> None:
        """Re-score the learner's plays and count due reviews off the event loop."""
        progress = self.session.progress()
        worker = get_current_worker()
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_progress, worker, progress)

    def _show_progress(self, worker: Worker[None], progress: CatalogProgress) -> None:
        """Show `progress` unless a newer read has replaced this one (see `_show_catalog`)."""
        if _current(worker):
            self.progress = progress

    def watch_entries(self) -> None:
        self.refilter()
        self.post_message(CatalogueShown())

    def watch_progress(self) -> None:
        """Redraw the rows, preview and status bar with fresh progress (only if it changed:
        a reactive compares before it calls this)."""
        self.refilter()

    def watch_mode(self) -> None:
        self.update_status()

    def watch_grouping(self) -> None:
        self.refilter()

    def refilter(self) -> None:
        if self.entries is None:
            return
        listing = self.query_one("#scenarios", ScenarioList)
        listing.show(self.entries, self.progress.summaries,
                     self.query_one("#filter", Input).value, self.session.shorten, self.grouping,
                     self.session.pack_of, self.progress.part_way)
        self.update_preview()
        self.update_status()

    def update_preview(self) -> None:
        current = self.query_one("#scenarios", ScenarioList).current
        summary = self.progress.summaries.get(current.id) if current else None
        left_at = self.progress.part_way.get(current.id) if current else None
        if (current, summary, left_at) == self._preview_of:
            return  # e.g. the highlight event that follows filling the list: no new layout
        self._preview_of = (current, summary, left_at)
        self.query_one("#preview", Static).update(
            preview_content(current, summary, self.session.shorten,
                            self.session.pack_of(current) if current else "", left_at))

    def update_status(self) -> None:
        entries = self.entries or ()
        self.query_one(CatalogStatus).counts = CatalogCounts(
            mode=self.mode,
            shown=len(self.query_one("#scenarios", ScenarioList).matching),
            total=len(entries),
            broken=sum(not e.playable for e in entries),
            reviews=self.progress.reviews if self.entries is not None else None,
            part_way=len(self.progress.part_way),
            progress_off=bool(self.session.progress_off),
            class_state=self.session.class_state,
        )

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self.refilter()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.action_play()

    @on(OptionList.OptionHighlighted, "#scenarios")
    def _highlighted(self) -> None:
        self.update_preview()

    @on(OptionList.OptionSelected, "#scenarios")
    def _selected(self) -> None:
        self.action_play()

    def on_key(self, event: Key) -> None:
        """A letter typed with the list focused goes on the end of the filter, and the
        typing goes on there: the keys bound there (j/k, Enter, ?) keep their use. It
        dropped them, so a learner who had tabbed to the list typed a title, pressed Enter
        and played whichever scenario was highlighted."""
        # The box too: in a burst of keys the rest were already on their way to the list
        # when the first moved the focus, and reach the screen only (the box takes its own).
        if event.character is None or not event.is_printable or event.character == " " \
                or not isinstance(self.focused, (ScenarioList, FilterInput)) \
                or event.key in self.active_bindings:
            return
        event.stop()
        event.prevent_default()
        box = self.query_one("#filter", FilterInput)
        self.set_focus(box)
        box.cursor_position = len(box.value)
        box.insert_text_at_cursor(event.character)

    @on(Click, "#catalog-status")
    def _status_clicked(self) -> None:
        self.action_toggle_mode()

    def action_move(self, delta: int) -> None:
        self.query_one("#scenarios", ScenarioList).move(delta)

    def action_cycle_grouping(self) -> None:
        """No groups → exam domain → progress → no groups, saying which it is now (the
        list alone did not: "no groups" showed nothing at all)."""
        self.action_group(next_grouping(self.grouping))
        after = GROUPING_NAMES[next_grouping(self.grouping)]
        self.notify(f"Ctrl+G again: {after}.", title=(
            "Not grouped" if self.grouping == NONE
            else f"Grouped by {GROUPING_NAMES[self.grouping]}"), markup=False, timeout=3)

    def action_group(self, by: str) -> None:
        """Group the list `by` exam domain, progress or nothing, and remember it."""
        if by not in GROUPINGS:
            return
        self.grouping = by
        with suppress(WriteFailed):  # grouped all the same, just not remembered
            self.session.store.set_setting(GROUPING_SETTING, by)

    def action_play(self) -> None:
        listing = self.query_one("#scenarios", ScenarioList)
        current = listing.current
        if current is None:
            return
        listing.choose_current()  # still highlighted after the play, wherever it moves to
        if not current.playable:
            self.notify(one_line(current.first_error_line(self.session.shorten), 200),
                        title="Broken scenario", severity="error", markup=False)
            return
        self.post_message(OpenScenario(current.id, self.mode))

    def action_toggle_mode(self) -> None:
        cycle = (PRACTICE, EXAM, TIMED_EXAM)
        self.mode = cycle[(cycle.index(self.mode) + 1) % 3] if self.mode in cycle else PRACTICE
        self.post_message(ModeChosen(self.mode))

    def action_clear_filter(self) -> None:
        self.query_one("#filter", Input).value = ""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failure(self, event)


def _current(worker: Worker[None]) -> bool:
    """True while `worker` has not been cancelled (its result is still wanted)."""
    return not worker.is_cancelled and worker.state != WorkerState.CANCELLED
