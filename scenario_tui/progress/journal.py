"""Finished plays and review answers the store could not take yet, kept until it can.

When a save fails (the store busy past its timeout, the disk full, the file read-only), what
was being saved is appended to a small JSON-lines file beside the store and saved at the next
chance: the next play, or the next start. When even that file cannot be written, it is held in
memory, and tried on the file again when the app quits (`Journal.flush`). Each entry carries
what the save needs without the scenario (which may change or go before then): the play and the
rating of each decision.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import math
import os
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from . import presentation
from .kinds import ATTEMPT, KINDS
from .store import PlayRecord

if TYPE_CHECKING:
    from .store import ProgressStore

JOURNAL_NAME = "progress.pending.jsonl"
"""The journal's file name, beside the store's."""
_RATINGS = range(1, 5)
"""FSRS ratings: Again, Hard, Good, Easy."""


# A named tuple, not a frozen dataclass: defined on the way to the catalogue's first frame,
# where a dataclass takes ten times as long to make.
class PendingSave(NamedTuple):
    """A finished play (`record`), or a review answer (`record` None), not yet in the store."""

    scenario_id: str
    record: PlayRecord | None
    ratings: tuple[tuple[str, int], ...]
    """(decision, FSRS rating) for each choice, for its review card."""
    at: str
    """ISO time the review cards are rescheduled from."""

    @property
    def key(self) -> str:
        """Tells one save from another: a play's uid, or a review answer's (made the same
        way, from its decision and time)."""
        if self.record is not None:
            return self.record.uid
        import hashlib

        answer = json.dumps([self.scenario_id, self.ratings, self.at])
        return hashlib.sha256(answer.encode()).hexdigest()[:24]

    def apply(self, store: ProgressStore) -> None:
        """Make this save in one transaction (`WriteFailed` if the store refuses). Saving
        twice changes nothing: a play already stored is skipped with its review cards (by its
        uid), and so is a review answer its card already holds (see `answered`). A review
        answer is kept as well, for the stats screen (a play keeps its own answers)."""
        from .review_schedule import answered, reschedule

        when = dt.datetime.fromisoformat(self.at)
        with store.transaction():
            if self.record is not None and not store.record(self.record):
                return
            if self.record is None:
                if answered(store, self.scenario_id, self.ratings, when):
                    return
                store.record_review_answers([(self.scenario_id, node, self.at, rating)
                                             for node, rating in self.ratings])
            reschedule(store, self.scenario_id, self.ratings, when)

    def to_json(self) -> str:
        record = self.record
        play = None if record is None else {
            "scenario_id": record.scenario_id, "content_hash": record.content_hash,
            "mode": record.mode, "path": [list(step) for step in record.path],
            "score": record.score, "best": record.best, "duration": record.duration,
            "finished_at": record.finished_at, "kind": record.kind, "seed": record.seed,
            "time_limit": record.time_limit, "timed_out": list(record.timed_out)}
        return json.dumps({"scenario_id": self.scenario_id, "play": play,
                           "ratings": [list(r) for r in self.ratings], "at": self.at},
                          ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> PendingSave | None:
        """The entry `to_json` wrote, or None for a line that is not one (cut short by a
        crash, or edited by hand)."""
        try:
            data = json.loads(line)
            play = data["play"]
            path = None if play is None else tuple(
                (_text(node), _whole(index)) for node, index in play["path"])
            record = None if play is None or path is None else PlayRecord(
                _text(play["scenario_id"]), _text(play["content_hash"]), _text(play["mode"]),
                path, _whole(play["score"]), _whole(play["best"]), float(play["duration"]),
                _text(play["finished_at"]), _kind(play.get("kind", ATTEMPT)),
                seed=presentation.seed(play.get("seed")),  # none before seeds: file order
                time_limit=presentation.time_limit(play.get("time_limit")),
                timed_out=presentation.timed_out(play.get("timed_out"), len(path)))
            ratings = tuple((_text(node), _whole(rating)) for node, rating in data["ratings"])
            at = _text(data["at"])
            if (dt.datetime.fromisoformat(at).tzinfo is None
                    or not all(rating in _RATINGS for _, rating in ratings)
                    or (record is not None and not math.isfinite(record.duration))):
                return None
            return cls(_text(data["scenario_id"]), record, ratings, at)
        except (ValueError, TypeError, KeyError):  # JSONDecodeError is a ValueError
            return None


def _kind(value: object) -> str:
    """A kind of run; a journal written before kinds existed holds attempts only."""
    if value not in KINDS:
        raise ValueError("not a kind of run")
    return str(value)


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def _whole(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("not a whole number")
    return value


class Journal:
    """The saves waiting for the store: in the file at `path` (None: in memory only), and in
    memory those the file could not take. Used by one thread at a time (the session's save
    lock)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._memory: list[PendingSave] = []
        """Saves the file could not take (or not lose: it could not be rewritten)."""
        self._made: set[str] = set()
        """Keys of saves made this run that the file may still hold."""
        self._readable = True

    def pending(self) -> list[PendingSave]:
        """Every save still waiting, oldest first."""
        waiting: dict[str, PendingSave] = {}
        for entry in [*self._read(), *self._memory]:
            if entry.key not in self._made:
                waiting.setdefault(entry.key, entry)
        return list(waiting.values())

    @property
    def only_in_memory(self) -> bool:
        """Whether some waiting save would be lost if the app quit now."""
        return any(entry.key not in self._made for entry in self._memory)

    def keep(self, entry: PendingSave) -> None:
        """Add a save the store refused: to the file, else to memory."""
        if not self._append(entry):
            self._memory.append(entry)

    def flush(self) -> None:
        """Append to the file what only memory holds (the app is quitting: memory goes)."""
        on_file = {entry.key for entry in self._read()}
        self._memory = [entry for entry in self._memory if entry.key not in self._made
                        and entry.key not in on_file and not self._append(entry)]

    def made(self, saved: list[PendingSave], waiting: list[PendingSave]) -> None:
        """`saved` are in the store now: the journal drops them and keeps `waiting`, and
        whatever another instance added to the file meanwhile."""
        self._made.update(entry.key for entry in saved)
        keep = {e.key: e for e in [*self._read(), *self._memory, *waiting]
                if e.key not in self._made}
        if self._rewrite(list(keep.values())):
            self._memory.clear()
            self._made.clear()
        else:  # the file still holds what it held: the made ones are skipped by key
            on_file = {e.key for e in self._read()}
            self._memory = [e for e in keep.values() if e.key not in on_file]

    def _read(self) -> list[PendingSave]:
        if self.path is None:
            return []
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return []
        except OSError:  # there but unreadable: never rewritten, so never emptied unread
            self._readable = False
            return []
        entries = (PendingSave.from_json(line) for line in text.splitlines() if line.strip())
        return [entry for entry in entries if entry is not None]

    def _append(self, entry: PendingSave) -> bool:
        """Append one line and make it durable. On failure the file is cut back to what it
        was; a line torn before (by a crash) is ended first, so it cannot swallow this one."""
        if self.path is None:
            return False
        line = (entry.to_json() + "\n").encode()
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o666)
        except OSError:
            return False
        try:
            size = os.fstat(fd).st_size
            if size:
                os.lseek(fd, size - 1, os.SEEK_SET)
                if os.read(fd, 1) != b"\n":
                    line = b"\n" + line
            if os.write(fd, line) != len(line):
                raise OSError(errno.ENOSPC, "the line was cut short")
            os.fsync(fd)
        except OSError:
            with suppress(OSError):
                os.ftruncate(fd, size)
            return False
        finally:
            os.close(fd)
        return True

    def _rewrite(self, entries: list[PendingSave]) -> bool:
        """Replace the file's lines with `entries` (no file when there are none)."""
        if self.path is None or not self._readable:
            return self.path is None and not entries
        try:
            if not entries:
                self.path.unlink(missing_ok=True)
                return True
            fresh = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            try:
                with fresh.open("w", encoding="utf-8") as file:
                    file.write("".join(entry.to_json() + "\n" for entry in entries))
                    file.flush()
                    os.fsync(file.fileno())
                os.replace(fresh, self.path)
            except OSError:
                fresh.unlink(missing_ok=True)
                raise
        except OSError:
            return False
        return True
