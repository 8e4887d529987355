"""What the app knows about the library and the learner, kept apart from any widget.

A `Session` finds the library's roots, reads the cached catalogue, loads one scenario file
when it is played, records finished play-throughs and review answers, and sums up progress for
the catalogue and the stats screen. It never imports textual, and it imports the scoring core
(and networkx) only when there is progress to score.

No finished play is lost to a failed save: what the store refuses waits in a journal and is
saved at the next chance, and a data dir that cannot be used at all turns progress off (an
in-memory store) instead of stopping the app. Both come back as values the app shows. The app
makes its saves off the event loop (`defer_saves`, `save_held`), so a store locked by another
writer never freezes the screen; what is held when the app quits is saved (or journalled) by
`close`.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..format.files import discover, glossary_files, library_dir
from ..progress.data_dirs import cache_dir, data_dir
from ..progress.journal import JOURNAL_NAME, Journal, PendingSave
from ..progress.kinds import RATED
from ..progress.store import (
    BUSY_TIMEOUT,
    IN_MEMORY,
    PlayRecord,
    ProgressStore,
    content_hash,
    now_utc,
    open_store,
)
from ..progress.store_errors import StoreUnavailable, WriteFailed
from .catalog import CACHE_NAME, CatalogEntry, cached, scan
from .choice_order import new_seed
from .progress_report import CatalogProgress, ReviewStatus
from .saving import Saving, make_saves

if TYPE_CHECKING:
    from ..format.model import Choice, Misconception, Scenario, ServiceCard
    from ..progress.class_sync import ClassState, ClassSync
    from ..progress.summary_cache import SummaryCache
    from .engine import Play
    from .statistics_report import Statistics
    from .unfinished import UnfinishedRuns


class UnknownScenario(LookupError):
    """No playable scenario has that id."""


@dataclass
class Session:
    """The library roots, the catalogue, loaded scenarios and the progress store."""

    roots: list[Path]
    data_dir: Path
    cache: Path | None
    clock: Callable[[], float] = time.monotonic
    """Monotonic seconds, to time play-throughs (tests pass a fake)."""
    wall_clock: Callable[[], str] = now_utc
    """ISO timestamps for finished play-throughs and review scheduling (tests pass a fake)."""
    busy_timeout: float = BUSY_TIMEOUT
    """Seconds a save waits for another writer before it is kept in the journal."""
    seeds: Callable[[], int | None] = new_seed
    """The seed of each new play (`play.choice_order`): random, or None for the file's order
    (`--in-order`; tests pass a fixed source)."""
    entries: list[CatalogEntry] = field(default_factory=list)
    progress_off: str = ""
    """Why progress is kept only in memory this run ("" while it is saved), once the store
    was asked for."""
    saved_at_start: Saving = Saving()  # noqa: RUF009 (a frozen dataclass)
    """What became of the saves that were waiting when the store was opened."""
    defer_saves: bool = False
    """Set by the app: `record` and `record_review` only hold what they save, and a worker
    thread makes the saves (`save_held`), so the event loop never waits on the store."""
    _held: deque[PendingSave] = field(default_factory=deque)
    """Saves made by `record` and `record_review` and not yet tried, oldest first."""
    _saving: threading.RLock = field(default_factory=threading.RLock)
    """Held while saves are made: one thread at a time, in the order they were held."""
    packs: tuple[Path, ...] = ()
    """The installed packs' folders among `roots` (each named for its pack)."""
    _class_sync: ClassSync | None = None
    _class_from: tuple[str | Path | None] | None = None
    """The data dir a class may be set up in (`create` sets it): `class_sync` is made from
    it on first use, which is after the first frame (its module and the PostgreSQL store's
    are not needed before it)."""
    class_state: ClassState | None = None
    """What the last sync found (None before one, or without a class)."""
    _scenarios: dict[str, Scenario] = field(default_factory=dict)
    _glossary: dict[str, ServiceCard] | None = None
    _misconceptions: dict[str, Misconception] | None = None
    _store: ProgressStore | None = None
    _journal: Journal = field(default_factory=lambda: Journal(None))
    _unfinished: UnfinishedRuns | None = None
    _opening: threading.Lock = field(default_factory=threading.Lock)
    """Held while the kept runs are first read: two threads would each read their own."""
    _summaries: SummaryCache | None = None

    @classmethod
    def create(cls, scenario_dirs: Sequence[str | Path] = (), data: str | Path | None = None,
               *, clock: Callable[[], float] = time.monotonic,
               wall_clock: Callable[[], str] = now_utc, with_bundled: bool = True,
               seeds: Callable[[], int | None] = new_seed) -> Session:
        """A session over the bundled library (unless told not to), the packs installed in
        the data dir (`play.packs`), and `scenario_dirs`."""
        from .packs import roots as pack_roots

        packs = pack_roots(data)
        roots = [library_dir()] if with_bundled else []
        roots.extend([*packs, *(Path(d) for d in scenario_dirs)])
        session = cls(roots, data_dir(data), cache_dir(data) / CACHE_NAME, clock, wall_clock,
                      seeds=seeds, packs=tuple(packs))
        session._class_from = (data,)
        return session

    @property
    def class_sync(self) -> ClassSync | None:
        """Sends the plays stored here to the class store, if one may be set up (`sync_class`);
        None when this session has no class to look for."""
        if self._class_sync is None and self._class_from is not None:
            from ..progress.class_sync import ClassSync

            self._class_sync = ClassSync(*self._class_from)
        return self._class_sync

    @class_sync.setter
    def class_sync(self, sync: ClassSync | None) -> None:
        self._class_sync = sync
        self._class_from = None

    @property
    def store(self) -> ProgressStore:
        """The progress store, opened on first use (which saves what waits in the journal);
        an in-memory one if the data dir's cannot be used, with `progress_off` saying why."""
        if self._store is None:
            try:
                self._store = open_store(self.data_dir, self.wall_clock, self.busy_timeout)
            except StoreUnavailable as error:
                self.progress_off = str(error)
                self._store = ProgressStore.in_memory(self.wall_clock)
            else:
                self._journal = Journal(self.data_dir / JOURNAL_NAME)
                self.saved_at_start = self.save_held()
        return self._store

    def close(self) -> None:
        """Close the progress store, if it was opened, once the saves still held are made (a
        save under way in a worker is waited for). What the store still refuses then, and
        what only memory held, goes to the journal file, so quitting loses nothing the disk
        can take."""
        with self._saving:
            if self._store is not None:
                if self._held or self._journal.only_in_memory:
                    self.save_held()
                self._journal.flush()
                self._store.close()
                self._store = None

    def scan(self) -> list[CatalogEntry]:
        """Read the catalogue (from the cache when nothing changed)."""
        self.entries = scan(self.roots, self.cache)
        return self.entries

    def scan_cached(self) -> list[CatalogEntry] | None:
        """The catalogue if the cache is current, without parsing anything; else None."""
        entries = None if self.cache is None else cached(self.roots, self.cache)
        if entries is not None:
            self.entries = entries
        return entries

    def shorten(self, text: str) -> str:
        """`text` with each root's parent folder cut from paths, as the catalogue names files:
        `ui_scenarios/x.yaml`."""
        import os

        for root in self.roots:
            text = text.replace(str(Path(root).resolve().parent) + os.sep, "")
            text = text.replace(str(Path(root).parent) + os.sep, "")
        return text

    def pack_of(self, entry: CatalogEntry) -> str:
        """The name of the installed pack `entry` comes from, or "" if it is not a pack's."""
        if not self.packs:  # the usual case, asked for each row before the first frame
            return ""
        path = Path(entry.path)
        return next((root.name for root in self.packs if path.is_relative_to(root)), "")

    def entry(self, scenario_id: str) -> CatalogEntry | None:
        return next((e for e in self.entries if e.id == scenario_id and e.playable), None)

    def scenario(self, scenario_id: str) -> Scenario:
        """Load one playable scenario by id; `UnknownScenario` if there is none."""
        if scenario_id in self._scenarios:
            return self._scenarios[scenario_id]
        if not self.entries:
            self.scan()
        entry = self.entry(scenario_id)
        if entry is None:
            raise UnknownScenario(scenario_id)
        from .library import check_file

        loaded = check_file(entry.path)
        if loaded.scenario is None or not loaded.playable:
            raise UnknownScenario(scenario_id)
        self._scenarios[scenario_id] = loaded.scenario
        return loaded.scenario

    @property
    def glossary(self) -> dict[str, ServiceCard]:
        """Every service card from the glossaries the library merges (see `library.load`)."""
        if self._glossary is None:
            from .library import merge_glossaries

            self._glossary = merge_glossaries(glossary_files(discover(self.roots)[1]))[0]
        return self._glossary

    @property
    def misconceptions(self) -> dict[str, Misconception]:
        """What each misconception tag means, from the files the library merges (read once)."""
        if self._misconceptions is None:
            from ..format.misconceptions import for_roots

            self._misconceptions = for_roots(self.roots)
        return self._misconceptions

    def misconception(self, tag: str) -> Misconception | None:
        """The belief and fact behind `tag`, or None when no file defines it."""
        return self.misconceptions.get(tag)

    def next_id(self, scenario_id: str) -> str | None:
        """The playable scenario after `scenario_id` in catalogue order (by title),
        wrapping round."""
        from .catalog_order import by_title

        playable = [e.id for e in by_title(self.entries) if e.playable]
        if not playable:
            return None
        if scenario_id not in playable:
            return playable[0]
        return playable[(playable.index(scenario_id) + 1) % len(playable)]

    def now(self) -> dt.datetime:
        """The wall clock as an aware UTC datetime, for review scheduling."""
        moment = dt.datetime.fromisoformat(self.wall_clock())
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        return moment.astimezone(dt.UTC)

    def record(self, scenario: Scenario, play: Play, best: int, duration: float) -> Saving:
        """Save a finished play-through that began at the scenario's start, as the kind of
        run it was, and, if that kind is rated (`kinds.RATED`: an attempt), reschedule the
        review cards of the decisions made in it (mistakes come back; right answers push
        cards out). Exploring (a replay, a what-if) leaves the cards alone."""
        self.unfinished.drop(scenario.id)  # a finished play ends the run left part-way
        if play.origin and play.origin != scenario.start:
            return Saving()
        from ..progress.review_schedule import ratings

        record = PlayRecord(
            scenario_id=scenario.id, content_hash=content_hash(scenario), mode=play.mode,
            path=tuple((c.source, c.index) for c in play.choices), score=play.score, best=best,
            duration=round(duration, 3), finished_at=self.wall_clock(), kind=play.kind,
            seed=play.seed, time_limit=play.time_limit, timed_out=play.timed_out,
        )
        made = play.choices[play.kept:] if play.kind in RATED else ()
        return self._save(PendingSave(scenario.id, record, ratings(scenario, made),
                                      self.now().isoformat()))

    def record_review(self, scenario: Scenario, choice: Choice) -> Saving:
        """Reschedule the review card of the decision `choice` was made at."""
        from ..progress.review_schedule import ratings

        return self._save(PendingSave(scenario.id, None, ratings(scenario, (choice,)),
                                      self.now().isoformat()))

    def _save(self, entry: PendingSave) -> Saving:
        """Hold `entry`, and save it now unless saves are deferred (then: Saving(), nothing
        to say until `save_held` has run)."""
        self._held.append(entry)
        return Saving() if self.defer_saves else self.save_held()

    def save_held(self) -> Saving:
        """Make the saves waiting in the journal, then those held, in order, up to the first
        the store refuses; that one and those after it wait in the journal. Safe to call
        from a worker thread: one call at a time makes saves."""
        with self._saving:
            store, journal = self.store, self._journal
            earlier = journal.pending()
            fresh = [self._held.popleft() for _ in range(len(self._held))]
            return make_saves(store, journal, earlier, fresh)

    def sync_class(self) -> ClassState | None:
        """Send the stored plays the class store lacks (`progress.class_sync`; from a worker
        thread: it waits on the network). None without a class, or with progress off."""
        if self.class_sync is None or self.store.path == IN_MEMORY:
            return None
        state = self.class_sync.run(self.store.path)
        self.class_state = state
        return state

    @property
    def unfinished(self) -> UnfinishedRuns:
        """The runs left part-way, one per scenario, kept in the store's settings
        (play/unfinished.py): `keep`, `drop`, `resumable`, `ids`."""
        if self._unfinished is None:
            from .unfinished import UnfinishedRuns

            with self._opening:  # read first by the catalogue's worker, or by a play
                if self._unfinished is None:
                    self._unfinished = UnfinishedRuns(self.store)
        return self._unfinished

    def unfinished_ids(self) -> frozenset[str]:
        """The scenarios with a run left part-way (for the catalogue to mark)."""
        return self.unfinished.ids()

    def preference(self, key: str) -> str | None:
        """A remembered UI choice (the theme, the service cards' panel), or None."""
        return self.store.setting(key)

    def set_preference(self, key: str, value: str) -> bool:
        """Remember a UI choice; False if the store refused (it applies all the same)."""
        try:
            self.store.set_setting(key, value)
        except WriteFailed:
            return False
        return True

    def loaded(self, scenario_ids: Iterable[str]) -> dict[str, Scenario]:
        """The playable scenarios among `scenario_ids`, loaded; unknown ids are left out."""
        found: dict[str, Scenario] = {}
        for scenario_id in dict.fromkeys(scenario_ids):
            try:
                found[scenario_id] = self.scenario(scenario_id)
            except UnknownScenario:
                continue
        return found

    def reviews(self) -> ReviewStatus:
        """Decisions due now (soonest first) and when the next one after them falls due."""
        cards = self.store.review_cards()
        if not cards:
            return ReviewStatus()
        from ..progress.review_schedule import as_played, scheduled

        items = scheduled(self.store, self.loaded(card[0] for card in cards))
        now = self.now().isoformat()
        return ReviewStatus(as_played(self.store, tuple(i for i in items if i.due <= now)),
                            next((i.due for i in items if i.due > now), None))

    def progress(self) -> CatalogProgress:
        """Summaries of the scenarios played so far (as scored today, without the history the
        stats screen draws), the review status and the runs left part-way. Kept in
        `progress.summary_cache`: only
        plays stored since the last refresh, and those of scenarios edited since, are scored."""
        if self._summaries is None:
            from ..progress.summary_cache import SUMMARY_CACHE_NAME, SummaryCache

            in_memory = self.cache is None or self.store.path == IN_MEMORY
            self._summaries = SummaryCache(
                None if in_memory or self.cache is None
                else self.cache.with_name(SUMMARY_CACHE_NAME))
        return CatalogProgress(self._summaries.refresh(self.store, self._hash_today,
                                                       self._playable),
                               self.reviews(), self.unfinished.decisions())

    def _hash_today(self, scenario_id: str) -> str | None:
        """The playable scenario's content hash in the catalogue; None if it has none."""
        if not self.entries:
            self.scan()
        entry = self.entry(scenario_id)
        return entry.content_hash if entry is not None else None

    def _playable(self, scenario_id: str) -> Scenario | None:
        return self.loaded([scenario_id]).get(scenario_id)

    def statistics(self) -> Statistics:
        """Score history, mastery by service and domain, and the most frequent mistakes
        (`statistics_report.statistics`)."""
        from .statistics_report import statistics

        return statistics(self)
