"""The catalogue's progress summaries, kept up to date instead of re-scored from every play.

Re-scoring every stored play takes seconds at 100,000 plays, on every start and after every
play. Instead each scenario's tally (best percentage, attempts, stale attempts, last play,
exploring runs) is kept with the content hash of the scenario version its percentages were
scored against, in one JSON file in the user's cache dir. The file is keyed by the store
file's identity, its number of plays, its highest row id and that row's uid. A refresh reads
only the rows stored after that id (plays by another instance and imports among them), and
re-scores only the scenarios whose content changed since. Plays are never updated or deleted,
so the rows up to the key's id are exactly those summed; a key that does not fit the store
(the file replaced, a row gone) or a file that is missing, damaged or of another version is
rebuilt from every row, scoring each distinct path once. The results are those of
`stats.summaries`, without the percentage history (the stats screen draws that).
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .kinds import ATTEMPT, KINDS
from .store import IN_MEMORY, PlayRecord, ProgressStore
from .summary import ScenarioSummary

if TYPE_CHECKING:
    from ..format.model import Scenario

SUMMARY_CACHE_NAME = "summaries.json"
"""The cache's file name, beside the catalogue's (see `progress.data_dirs.cache_dir`)."""
SUMMARY_CACHE_VERSION = 1

HashToday = Callable[[str], "str | None"]
"""A scenario id's content hash in today's library; None when it is not playable today."""
ScenarioToday = Callable[[str], "Scenario | None"]
"""A scenario id's scenario in today's library, loaded; None when it is not playable."""


@dataclass
class Tally:
    """One scenario's plays summed up; percentages as scored against version `scored`."""

    scored: str | None
    best: int | None = None
    attempts: int = 0
    stale: int = 0
    last: str = ""
    exploring: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, value: int | None, finished_at: str) -> None:
        """Count one run: an attempt's percentage (None when it no longer fits), or a run
        that was exploring (`summary.summarise` counts the same way)."""
        self.last = max(self.last, finished_at)
        if kind != ATTEMPT:
            self.exploring[kind] = self.exploring.get(kind, 0) + 1
        elif value is None:
            self.attempts += 1
            self.stale += 1
        else:
            self.attempts += 1
            self.best = value if self.best is None else max(self.best, value)

    def summary(self) -> ScenarioSummary:
        return ScenarioSummary(self.best, self.attempts, self.last, (), self.stale,
                               tuple((k, self.exploring[k]) for k in KINDS
                                     if self.exploring.get(k)))


@dataclass
class _State:
    """The tallies and the store state they sum up to."""

    store: list[int]
    """The store file's device and inode ([0, 0] in memory)."""
    count: int = 0
    last: int = 0
    last_uid: str | None = None
    tallies: dict[str, Tally] = field(default_factory=dict)


class SummaryCache:
    """Summaries for the catalogue, refreshed from the rows added since the last refresh.
    Safe to call from several worker threads (one refresh at a time)."""

    def __init__(self, path: Path | None) -> None:
        """`path`: the cache file, or None to keep the summaries in memory only."""
        self.path = path
        self._state: _State | None = None
        self._lock = threading.Lock()

    def refresh(self, store: ProgressStore, hash_today: HashToday,
                scenario_today: ScenarioToday) -> dict[str, ScenarioSummary]:
        """Per played scenario, the summary of its plays in `store` as scored today."""
        with self._lock:
            identity = _identity(store)
            state, self._state = self._state or self._read(), None  # None until whole again
            added = None if state is None or state.store != identity else _merge(
                state, store, hash_today, scenario_today)
            if state is None or added is None:
                state = _State(identity)
                _merge(state, store, hash_today, scenario_today)
                added = 1
            rescored = _rescore(state, store, hash_today, scenario_today)
            if added or rescored:
                self._write(state)
            self._state = state
            return {key: tally.summary() for key, tally in state.tallies.items()}

    def _read(self) -> _State | None:
        """The cached state, or None if there is none that can be trusted to be whole."""
        if self.path is None:
            return None
        try:
            return _parsed(json.loads(self.path.read_text(encoding="utf-8")))
        except (OSError, ValueError, RecursionError, TypeError, KeyError):
            return None

    def _write(self, state: _State) -> None:
        """Write atomically; a cache that cannot be written is only slower next time."""
        if self.path is None:
            return
        payload = {"version": SUMMARY_CACHE_VERSION, "store": state.store,
                   "count": state.count, "last": state.last, "last_uid": state.last_uid,
                   "scenarios": {key: {"scored": t.scored, "best": t.best,
                                       "attempts": t.attempts, "stale": t.stale,
                                       "last": t.last, "exploring": t.exploring}
                                 for key, t in state.tallies.items()}}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temp = self.path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
            temp.write_text(json.dumps(payload), encoding="utf-8")
            os.replace(temp, self.path)
        except OSError:
            pass


def _identity(store: ProgressStore) -> list[int]:
    if store.path == IN_MEMORY:
        return [0, 0]
    try:
        status = store.path.stat()
    except OSError:
        return [-1, -1]
    return [status.st_dev, status.st_ino]


def _merge(state: _State, store: ProgressStore, hash_today: HashToday,
           scenario_today: ScenarioToday) -> int | None:
    """Add the rows stored after `state.last` and say how many; None (and `state` untouched)
    when the store does not continue from it: a row it summed is gone or changed."""
    count, last, uid = store.play_state(state.last)
    if uid != state.last_uid or count < state.count or last < state.last:
        return None
    if (count, last) == (state.count, state.last):
        return 0
    rows = store.play_runs(after=state.last)
    if not rows or rows[-1][5] != state.count + len(rows):  # a row summed before is gone
        return None
    _add(state.tallies, rows, hash_today, scenario_today)
    state.count, state.last = rows[-1][5], rows[-1][0]
    state.last_uid = store.play_state(state.last)[2]
    return len(rows)


def _rescore(state: _State, store: ProgressStore, hash_today: HashToday,
             scenario_today: ScenarioToday) -> bool:
    """Re-sum the scenarios whose content changed since their plays were scored."""
    changed = [key for key, tally in state.tallies.items() if tally.scored != hash_today(key)]
    for key in changed:
        del state.tallies[key]
        _add(state.tallies, store.play_runs(upto=state.last, scenario_id=key), hash_today,
             scenario_today)
    return bool(changed)


def _add(tallies: dict[str, Tally], rows: Iterable[tuple[int, str, str, str, str, int]],
         hash_today: HashToday, scenario_today: ScenarioToday) -> None:
    """Count `rows` into `tallies`, scoring each distinct attempt path once."""
    scorers: dict[str, Callable[[str], int | None]] = {}
    from_path: dict[tuple[str, str], int | None] = {}
    for _, scenario_id, kind, path, finished_at, _ in rows:
        tally = tallies.get(scenario_id)
        if tally is None:
            tally = tallies[scenario_id] = Tally(hash_today(scenario_id))
        value = None
        if kind == ATTEMPT and tally.scored is not None:
            if (scenario_id, path) not in from_path:
                if scenario_id not in scorers:
                    scorers[scenario_id] = _scorer(scenario_id, scenario_today)
                from_path[scenario_id, path] = scorers[scenario_id](path)
            value = from_path[scenario_id, path]
        tally.add(kind, value, finished_at)


def _scorer(scenario_id: str, scenario_today: ScenarioToday) -> Callable[[str], int | None]:
    """Scores an attempt's path (JSON) in today's scenario, as `stats.play_percent` does."""
    scenario = scenario_today(scenario_id)
    if scenario is None:
        return lambda path: None
    from ..analysis.scoring import analyse
    from .stats import play_percent

    analysis = analyse(scenario)

    def score(path: str) -> int | None:
        steps = tuple((node, index) for node, index in json.loads(path))
        return play_percent(PlayRecord(scenario_id, "", "", steps, 0, 0, 0.0, ""), scenario,
                            analysis)

    return score


def _parsed(data: object) -> _State | None:
    """The state in a cache file's JSON, or None if it is not one this version wrote whole."""
    if not isinstance(data, dict) or data.get("version") != SUMMARY_CACHE_VERSION:
        return None
    identity, scenarios = data["store"], data["scenarios"]
    if not _ints(identity, 2) or not isinstance(scenarios, dict) \
            or not _ints([data["count"], data["last"]], 2) \
            or not (data["last_uid"] is None or isinstance(data["last_uid"], str)):
        return None
    state = _State(list(identity), data["count"], data["last"], data["last_uid"])
    for key, row in scenarios.items():
        tally = _tally(row)
        if not isinstance(key, str) or tally is None:
            return None
        state.tallies[key] = tally
    return state


def _tally(row: object) -> Tally | None:
    if not isinstance(row, dict) or set(row) != {"scored", "best", "attempts", "stale", "last",
                                                 "exploring"}:
        return None
    fields: Mapping[str, Any] = row
    exploring = fields["exploring"]
    if not (fields["scored"] is None or isinstance(fields["scored"], str)) \
            or not (fields["best"] is None or _ints([fields["best"]], 1)) \
            or not _ints([fields["attempts"], fields["stale"]], 2) \
            or not isinstance(fields["last"], str) or not isinstance(exploring, dict) \
            or not all(isinstance(k, str) for k in exploring) \
            or not _ints(list(exploring.values()), len(exploring)):
        return None
    return Tally(fields["scored"], fields["best"], fields["attempts"], fields["stale"],
                 fields["last"], dict(exploring))


def _ints(values: object, length: int) -> bool:
    """`values` is a list of `length` integers (not booleans)."""
    return isinstance(values, list) and len(values) == length \
        and all(type(v) is int for v in values)
