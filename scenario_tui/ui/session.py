"""What the app knows about the library and the learner, kept apart from any widget.

A `Session` finds the library's roots, reads the cached catalogue, loads one scenario file
when it is played, and records finished play-throughs. It never imports textual.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..catalog import CatalogEntry, scan
from ..progress import PlayRecord, ProgressStore, ScenarioStats, data_dir, now_utc, open_store

if TYPE_CHECKING:
    from ..engine import Play
    from ..model import Scenario, ServiceCard

CACHE_NAME = "catalog.json"
PRACTICE, EXAM = "practice", "exam"
"""`engine.PRACTICE` and `engine.EXAM`, without importing the engine (and networkx) at start-up."""


class UnknownScenario(LookupError):
    """No playable scenario has that id."""


def cache_file(data_dir_override: str | Path | None) -> Path:
    """Under `--data-dir` (or $SCENARIO_TUI_DATA_DIR) if given, else the user cache dir."""
    import os

    chosen = data_dir_override or os.environ.get("SCENARIO_TUI_DATA_DIR")
    if chosen:
        return Path(chosen) / "cache" / CACHE_NAME
    import platformdirs

    return Path(platformdirs.user_cache_dir("scenario-tui", appauthor=False)) / CACHE_NAME


def bundled_library_dir() -> Path:
    """`library.library_dir()` without importing `library` (and networkx) at start-up."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "_bundled" / "scenarios"
    return installed if installed.is_dir() else package.parent / "scenarios"


@dataclass
class Session:
    """The library roots, the catalogue, loaded scenarios and the progress store."""

    roots: list[Path]
    data_dir: Path
    cache: Path | None
    clock: Callable[[], float] = time.monotonic
    """Monotonic seconds, to time play-throughs (tests pass a fake)."""
    wall_clock: Callable[[], str] = now_utc
    """ISO timestamps for finished play-throughs (tests pass a fake)."""
    entries: list[CatalogEntry] = field(default_factory=list)
    _scenarios: dict[str, Scenario] = field(default_factory=dict)
    _glossary: dict[str, ServiceCard] | None = None
    _store: ProgressStore | None = None

    @classmethod
    def create(cls, scenario_dirs: Sequence[str | Path] = (), data: str | Path | None = None,
               *, clock: Callable[[], float] = time.monotonic,
               wall_clock: Callable[[], str] = now_utc, with_bundled: bool = True) -> Session:
        """A session over the bundled library (unless told not to) plus `scenario_dirs`."""
        roots = [bundled_library_dir()] if with_bundled else []
        roots.extend(Path(d) for d in scenario_dirs)
        return cls(roots, data_dir(data), cache_file(data), clock, wall_clock)

    @property
    def store(self) -> ProgressStore:
        """The progress store, opened on first use."""
        if self._store is None:
            self._store = open_store(self.data_dir, self.wall_clock)
        return self._store

    def scan(self) -> list[CatalogEntry]:
        """Read the catalogue (from the cache when nothing changed)."""
        from dataclasses import replace

        self.entries = [replace(e, errors=tuple(self.shorten(m) for m in e.errors))
                        if e.errors else e for e in scan(self.roots, self.cache)]
        return self.entries

    def shorten(self, text: str) -> str:
        """`text` with each root's parent folder cut from paths: `ui_scenarios/x.yaml:3:1`."""
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
        from ..library import check_file

        loaded = check_file(entry.path)
        if loaded.scenario is None or not loaded.playable:
            raise UnknownScenario(scenario_id)
        self._scenarios[scenario_id] = loaded.scenario
        return loaded.scenario

    @property
    def glossary(self) -> dict[str, ServiceCard]:
        """Every service card from the glossary files beside the roots."""
        if self._glossary is None:
            from ..library import discover, load_glossary

            _, files = discover(self.roots)
            cards: dict[str, ServiceCard] = {}
            for path in dict.fromkeys(p.resolve() for p in files):
                cards.update(load_glossary(path)[0])
            self._glossary = cards
        return self._glossary

    def next_id(self, scenario_id: str) -> str | None:
        """The playable scenario after `scenario_id` in catalogue order, wrapping round."""
        playable = [e.id for e in self.entries if e.playable]
        if not playable:
            return None
        if scenario_id not in playable:
            return playable[0]
        return playable[(playable.index(scenario_id) + 1) % len(playable)]

    def stats(self) -> dict[str, ScenarioStats]:
        return self.store.stats()

    def record(self, scenario: Scenario, play: Play, best: int, duration: float) -> None:
        """Store a finished play-through that began at the scenario's start."""
        if play.origin and play.origin != scenario.start:
            return
        self.store.record(PlayRecord(
            scenario_id=scenario.id, content_hash=scenario.content_hash, mode=play.mode,
            path=tuple((c.source, c.index) for c in play.choices), score=play.score, best=best,
            duration=round(duration, 3), finished_at=self.store.clock(),
        ))
