"""Runs the learner left before an ending, kept so the catalogue can offer to resume them.

A run is kept as the scenario's id, its content hash, the mode, where it started, the
play's other plain fields (what kind of run it is, say) and the path as (situation id,
choice index) pairs: ids and indexes, not the choices' text, so the run is found again
after a restart. If the scenario was edited since, the path is replayed
on the new version; a path that no longer replays (a situation gone, a choice removed) drops
the run with a notice instead of resuming somewhere it never was.

Only an attempt, begun at the scenario's start, is kept: a replay, a what-if or a review is
not a run to come back to, and resuming one would count it as an attempt. Earlier versions
kept a review's answer as an "attempt" that began at the reviewed decision; an attempt never
has an origin, so such a run is recognised as it is read, and left out.

All the runs live in one settings value (JSON, keyed by scenario id), so the session can list
them without a query of its own (`Session.unfinished_ids`).
"""

from __future__ import annotations

import json
from contextlib import suppress
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any

from ..progress.kinds import ATTEMPT
from .modes import EXAM, PRACTICE

if TYPE_CHECKING:
    from ..format.model import Choice, Scenario
    from ..progress.store import ProgressStore
    from .engine import Play

SETTING = "unfinished-runs"
"""The settings key that holds every unfinished run."""
_OWN = frozenset({"scenario_id", "mode", "origin", "choices"})
"""The play's fields a run keeps in fields of its own."""
Plain = str | int | bool | tuple[int, ...]
"""A play field's value a run keeps: a text, a number, a flag or numbers (time-outs)."""


def _plain(value: object) -> bool:
    return isinstance(value, str | int | bool) or (
        isinstance(value, tuple | list) and all(type(v) is int for v in value))


def _fits(value: Plain, default: object) -> bool:
    """Whether a kept value can stand for a field whose default is `default`: the same type,
    or a number where the default is None (a seed, a time limit)."""
    if default is None:
        return type(value) is int
    return type(value) is type(default)


@dataclass(frozen=True)
class UnfinishedRun:
    """One scenario's run, as left."""

    scenario_id: str
    content_hash: str
    mode: str
    origin: str
    path: tuple[tuple[str, int], ...]
    feedback: bool = False
    """Left while practice feedback showed on the last choice: it shows again on resuming."""
    extra: tuple[tuple[str, Plain], ...] = ()
    """The play's other plain fields, by name, restored as they were."""
    time_left: float | None = None
    """A timed exam's seconds left on the decision on screen when it was left: resuming goes
    on from there, where it gave the whole limit again (leave and come back for more time)."""

    @property
    def attempt(self) -> bool:
        """Whether the run is an attempt from the start, the only kind kept to resume (a kept
        run with no kind dates from before kinds, when every run was an attempt)."""
        return not self.origin and dict(self.extra).get("kind", ATTEMPT) == ATTEMPT

    @property
    def decision(self) -> int:
        """The decision the learner comes back to (1 is the first)."""
        return len(self.path) + (0 if self.feedback else 1)

    @classmethod
    def of(cls, play: Play, content_hash: str, feedback: bool,
           time_left: float | None = None) -> UnfinishedRun:
        extra = tuple((f.name, value) for f in fields(play) if f.name not in _OWN
                      and _plain(value := getattr(play, f.name)))
        return cls(play.scenario_id, content_hash, play.mode, play.origin,
                   tuple((c.source, c.index) for c in play.choices),
                   feedback and play.mode == PRACTICE and bool(play.choices), extra,
                   time_left if play.time_limit is not None else None)

    def replay(self, scenario: Scenario) -> Play | None:
        """The run as a play on `scenario` as it is now; None if its path no longer replays
        or leads nowhere left to play."""
        from .engine import Play, PlayError

        if self.origin and self.origin not in scenario.nodes:
            return None
        play = Play(scenario.id, self.mode, self.origin)
        defaults = {f.name: getattr(play, f.name) for f in fields(play)}
        restored: dict[str, Any] = {  # each field by name, only with its own type
            name: value for name, value in self.extra
            if name in defaults and name not in _OWN and _fits(value, defaults[name])}
        play = replace(play, **restored)
        for source, index in self.path:
            if play.finished(scenario) or play.node(scenario) != source:
                return None
            try:
                play = play.choose(scenario, index)
            except PlayError:
                return None
        if play.finished(scenario) and not self.feedback:
            return None  # an ending is recorded when reached, not resumed
        return play

    def to_json(self) -> dict[str, object]:
        return {"hash": self.content_hash, "mode": self.mode, "origin": self.origin,
                "path": [list(step) for step in self.path], "feedback": self.feedback,
                "extra": {k: list(v) if isinstance(v, tuple) else v for k, v in self.extra},
                **({"time_left": self.time_left} if self.time_left is not None else {})}

    @classmethod
    def from_json(cls, scenario_id: str, value: object) -> UnfinishedRun | None:
        """The run stored as `value`, or None if it is not one (a damaged or foreign value
        is skipped, never an error)."""
        if not isinstance(value, dict):
            return None
        path, mode = value.get("path"), value.get("mode")
        if not isinstance(path, list) or mode not in (PRACTICE, EXAM) or not all(
                isinstance(step, list) and len(step) == 2 and isinstance(step[0], str)
                and type(step[1]) is int for step in path):
            return None
        content_hash, origin = value.get("hash", ""), value.get("origin", "")
        if not isinstance(content_hash, str) or not isinstance(origin, str):
            return None
        extra = value.get("extra", {})
        if not isinstance(extra, dict):
            return None
        kept = value.get("time_left")
        time_left = None  # absent, or not a time: the decision gets its whole limit
        if isinstance(kept, int | float) and not isinstance(kept, bool) and 0 <= kept < 10**6:
            time_left = float(kept)
        run = cls(scenario_id, content_hash, str(mode), origin,
                  tuple((step[0], step[1]) for step in path), value.get("feedback") is True,
                  tuple((k, tuple(v) if isinstance(v, list) else v)
                        for k, v in extra.items() if _plain(v)), time_left)
        return run if run.attempt else None  # an earlier version's review, say


def decode(text: str | None) -> dict[str, UnfinishedRun]:
    """The runs in a stored settings value; what cannot be read is left out."""
    try:
        stored = json.loads(text) if text else {}
    except ValueError:
        return {}
    if not isinstance(stored, dict):
        return {}
    runs = {key: UnfinishedRun.from_json(key, value) for key, value in stored.items()}
    return {key: run for key, run in runs.items() if run is not None}


def encode(runs: dict[str, UnfinishedRun]) -> str:
    return json.dumps({key: run.to_json() for key, run in sorted(runs.items())},
                      separators=(",", ":"))


@dataclass(frozen=True)
class Resumable:
    """What opening a scenario finds: a run to offer, or nothing (and why a kept run went)."""

    play: Play | None = None
    feedback: Choice | None = None
    """The choice whose feedback shows first, when the run was left while it showed."""
    decision: int = 1
    notice: str = ""
    """Why a kept run was dropped ("" when none was)."""
    time_left: float | None = None
    """A timed exam's seconds left on the decision it comes back to."""


class UnfinishedRuns:
    """Every kept run: read from the store's settings once, written back whole on a change.

    The play screen notes its run here on every move (`save=False`: memory only, as a write
    costs milliseconds on a key) and saves it when it goes. A store that refuses the write
    (`WriteFailed`) still leaves the run kept here, for the rest of this session; `saved`
    says whether the store has what is kept here."""

    def __init__(self, store: ProgressStore) -> None:
        self._store = store
        self._written = store.setting(SETTING) or ""
        self._runs = decode(self._written)
        self._hashes: dict[str, tuple[Scenario, str]] = {}

    def ids(self) -> frozenset[str]:
        return frozenset(self._runs)

    def decisions(self) -> dict[str, int]:
        """Each kept run's scenario id and the decision it comes back to (for the catalogue
        to mark). Safe from a worker thread: the runs are copied whole first, as the play
        screen may note a move meanwhile."""
        return {key: run.decision for key, run in self._runs.copy().items()}

    def keep(self, scenario: Scenario, play: Play, feedback: bool, *,
             save: bool = True, time_left: float | None = None) -> bool:
        """Keep `play` as the scenario's unfinished run (in the store too, with `save`), and
        a timed exam's `time_left` on its decision; a play with no choice made, or at an
        ending with nothing left to show, is not a run to keep (any kept one goes). A play
        that is not an attempt from the start (a replay, a what-if, a review) is not kept,
        and leaves the kept run as it is. True when a run is kept."""
        run = UnfinishedRun.of(play, self._hash(scenario), feedback, time_left)
        if not run.attempt:
            return False
        if not run.path or run.replay(scenario) is None:
            self.drop(scenario.id, save=save)
            return False
        self._runs[scenario.id] = run
        if save:
            self._write()
        return True

    def drop(self, scenario_id: str, *, save: bool = True) -> None:
        self._runs.pop(scenario_id, None)
        if save:
            self._write()

    @property
    def saved(self) -> bool:
        """Whether the store holds the runs as they are kept here."""
        return self._text() == self._written

    def _hash(self, scenario: Scenario) -> str:
        """The scenario's content hash, worked out once per loaded scenario."""
        from ..progress.store import content_hash

        known = self._hashes.get(scenario.id)
        if known is None or known[0] is not scenario:
            known = self._hashes[scenario.id] = (scenario, content_hash(scenario))
        return known[1]

    def resumable(self, scenario: Scenario) -> Resumable:
        """The scenario's kept run as a play to resume; a run whose path no longer replays
        on the scenario as it is now is dropped, and `notice` says so."""
        run = self._runs.get(scenario.id)
        if run is None:
            return Resumable()
        play = run.replay(scenario)
        if play is None:
            self.drop(scenario.id)
            return Resumable(notice="The scenario changed since you left it part-way, and "
                             "your earlier choices no longer lead through it: that run "
                             "was dropped. You start from the beginning.")
        return Resumable(play, play.choices[-1] if run.feedback else None, run.decision,
                         time_left=run.time_left)

    def _text(self) -> str:
        return encode(self._runs) if self._runs else ""

    def _write(self) -> None:
        from ..progress.store_errors import WriteFailed

        text = self._text()
        if text != self._written:
            with suppress(WriteFailed):  # kept here all the same; `saved` tells
                self._store.set_setting(SETTING, text)
                self._written = text
