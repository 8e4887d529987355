"""What the app knows about the library and the learner, kept apart from any widget.

A `Session` finds the library's roots, reads the cached catalogue, loads one scenario file
when it is played, records finished play-throughs and review answers, and sums up progress for
the catalogue and the stats screen. It never imports textual, and it imports the scoring core
(and networkx) only when there is progress to score.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..format.files import discover, glossary_files, library_dir
from ..progress.store import (
    PlayRecord,
    ProgressStore,
    cache_dir,
    content_hash,
    data_dir,
    now_utc,
    open_store,
)
from .catalog import CACHE_NAME, CatalogEntry, cached, scan

if TYPE_CHECKING:
    from ..format.model import Choice, Scenario, ServiceCard
    from ..progress.review_schedule import ReviewItem
    from ..progress.stats import ScenarioSummary
    from .engine import Play


class UnknownScenario(LookupError):
    """No playable scenario has that id."""


@dataclass(frozen=True)
class ReviewStatus:
    """The decisions due for review now, and when the next later one falls due."""

    due: tuple[ReviewItem, ...] = ()
    next_due: str | None = None
    """ISO time of the soonest card not yet due, if there is one."""


@dataclass(frozen=True)
class CatalogProgress:
    """What the catalogue shows about the learner: a summary per played scenario and reviews."""

    summaries: dict[str, ScenarioSummary] = field(default_factory=dict)
    reviews: ReviewStatus = ReviewStatus()


@dataclass(frozen=True)
class Statistics:
    """Everything the stats screen shows, computed off the event loop."""

    history: tuple[tuple[str, ScenarioSummary], ...] = ()
    """(title, summary) per played scenario still in the library, in catalogue order."""
    services: tuple[tuple[str, int], ...] = ()
    """(service name, mastery %) for every service in the library."""
    domains: tuple[tuple[str, int], ...] = ()
    """(exam domain, mastery %) for every domain in the library."""
    mistakes: tuple[tuple[str, int, tuple[str, ...]], ...] = ()
    """(misconception tag, how often, titles of the scenarios it showed in), most often first."""
    reviews: ReviewStatus = ReviewStatus()


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
    entries: list[CatalogEntry] = field(default_factory=list)
    _scenarios: dict[str, Scenario] = field(default_factory=dict)
    _glossary: dict[str, ServiceCard] | None = None
    _store: ProgressStore | None = None

    @classmethod
    def create(cls, scenario_dirs: Sequence[str | Path] = (), data: str | Path | None = None,
               *, clock: Callable[[], float] = time.monotonic,
               wall_clock: Callable[[], str] = now_utc, with_bundled: bool = True) -> Session:
        """A session over the bundled library (unless told not to) plus `scenario_dirs`."""
        roots = [library_dir()] if with_bundled else []
        roots.extend(Path(d) for d in scenario_dirs)
        return cls(roots, data_dir(data), cache_dir(data) / CACHE_NAME, clock, wall_clock)

    @property
    def store(self) -> ProgressStore:
        """The progress store, opened on first use."""
        if self._store is None:
            self._store = open_store(self.data_dir, self.wall_clock)
        return self._store

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

    def next_id(self, scenario_id: str) -> str | None:
        """The playable scenario after `scenario_id` in catalogue order, wrapping round."""
        playable = [e.id for e in self.entries if e.playable]
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

    def record(self, scenario: Scenario, play: Play, best: int, duration: float) -> None:
        """Store a finished play-through that began at the scenario's start, and reschedule
        the review cards of its decisions (mistakes come back; right answers push cards out)."""
        if play.origin and play.origin != scenario.start:
            return
        from ..progress.review_schedule import record_choices

        self.store.record(PlayRecord(
            scenario_id=scenario.id, content_hash=content_hash(scenario), mode=play.mode,
            path=tuple((c.source, c.index) for c in play.choices), score=play.score, best=best,
            duration=round(duration, 3), finished_at=self.store.clock(),
        ))
        record_choices(self.store, scenario, play.choices, self.now())

    def record_review(self, scenario: Scenario, choice: Choice) -> None:
        """Reschedule the review card of the decision `choice` was made at."""
        from ..progress.review_schedule import record_choices

        record_choices(self.store, scenario, (choice,), self.now())

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
        from ..progress.review_schedule import scheduled

        items = scheduled(self.store, self.loaded(card[0] for card in cards))
        now = self.now().isoformat()
        return ReviewStatus(tuple(i for i in items if i.due <= now),
                            next((i.due for i in items if i.due > now), None))

    def progress(self) -> CatalogProgress:
        """Summaries of the scenarios played so far (re-scored today) and the review status."""
        records = self.store.plays()
        if not records:
            return CatalogProgress(reviews=self.reviews())
        from ..progress.stats import summaries

        played = self.loaded(r.scenario_id for r in records)
        return CatalogProgress(summaries(records, played), self.reviews())

    def statistics(self) -> Statistics:
        """Score history, mastery by service and domain, and the most frequent mistakes."""
        records = self.store.plays()
        if not records:
            return Statistics(reviews=self.reviews())
        from ..progress.stats import mastery, mistake_scenarios, mistakes, summaries

        if not self.entries:
            self.scan()
        titles = {e.id: e.title for e in self.entries if e.playable}
        scenarios = self.loaded(titles)
        summary = summaries(records, scenarios)
        names = {key: card.name for key, card in self.glossary.items()}
        services = sorted((names.get(k, k), v) for k, v in
                          mastery(summary, scenarios, "services").items())
        seen_in = mistake_scenarios(records, scenarios)
        return Statistics(
            history=tuple((titles[i], summary[i]) for i in titles if i in summary),
            services=tuple(services),
            domains=tuple(mastery(summary, scenarios, "domain").items()),
            mistakes=tuple((tag, count, tuple(titles[i] for i in seen_in.get(tag, ())))
                           for tag, count in mistakes(records, scenarios)),
            reviews=self.reviews(),
        )
