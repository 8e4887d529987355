"""The progress store: finished play-throughs, review cards and answers, settings in SQLite.

One file in the platform's user data dir (or `--data-dir`). WAL mode and one transaction per
write mean a crash loses at most the play-through in progress; a corrupt or foreign file is
moved aside and a fresh store is started. A store written by a newer version is refused and
left as it is; one from an older version is migrated in place.

Failures reach callers as `StoreError`s: `StoreUnavailable` when the store cannot be opened
(the app then runs with progress off), `WriteFailed` when one write could not be made (the
session then keeps what it was saving in `progress.journal`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import sqlite_schema
from .data_dirs import data_dir
from .kinds import ATTEMPT
from .store_errors import (
    NewerStore,
    StoreUnavailable,
    WriteFailed,
    cannot_open,
    failure_reason,
    unusable,
)

if TYPE_CHECKING:
    from ..format.model import Scenario

DB_NAME = "progress.sqlite3"
BUSY_TIMEOUT = 10.0
"""Seconds a write waits for another writer (another instance, a large import) to finish."""
IN_MEMORY = Path(":memory:")
"""The path of a store that lives in memory (`ProgressStore.in_memory`)."""


@dataclass(frozen=True)
class PlayRecord:
    """One finished play-through. `path` lists (node, choice index) pairs in order; `kind`
    says whether it was an attempt or exploring (`progress.kinds`)."""

    scenario_id: str
    content_hash: str
    mode: str
    path: tuple[tuple[str, int], ...]
    score: int
    best: int
    duration: float
    finished_at: str
    kind: str = ATTEMPT
    play_id: str = field(default="", compare=False)
    """A random UUID given when the play is first stored ("" before then): its identity in
    a class store, where two learners' plays may share a `uid`."""
    seed: int | None = None
    """The seed its choices were shuffled with (`play.choice_order`); None: file order."""
    time_limit: int | None = None
    """Seconds per decision of a timed exam; None: untimed."""
    timed_out: tuple[int, ...] = ()
    """Positions in `path` (0-based) of the decisions that timed out (no answer)."""

    @property
    def uid(self) -> str:
        """Identity used to merge imports without duplicates (without `kind`, so a play
        exported before kinds existed merges with the same play stored since)."""
        import hashlib

        key = json.dumps([self.scenario_id, self.finished_at, self.path, self.mode])
        return hashlib.sha256(key.encode()).hexdigest()[:24]


def content_hash(scenario: Scenario) -> str:
    """A stable digest of the scenario's content, stored with each play to tell which version
    it was played on. Layout-only edits (moved lines) keep it."""
    import hashlib

    from ..format.graph_formats import to_node_link

    data = to_node_link(scenario)
    for item in [*data["nodes"], *data["edges"]]:
        item.pop("line", None)
        item.pop("column", None)
    payload = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


class ProgressStore:
    """Records and queries play-throughs; every public method is one short transaction."""

    def __init__(self, path: Path, clock: Callable[[], str] = now_utc,
                 timeout: float = BUSY_TIMEOUT) -> None:
        """Open (or create) the store at `path`; `StoreUnavailable` if it cannot be used."""
        self.path = path
        self.clock = clock
        self.timeout = timeout
        """Seconds a write waits for another writer before it fails (`WriteFailed`)."""
        self.notice = ""
        """Set when a damaged file had to be moved aside (the app shows it once)."""
        self._writing = threading.RLock()
        """Held through each write transaction: the app saves from a worker thread while the
        event loop may write a setting, and both share one connection."""
        self._connection = self._open()

    @classmethod
    def in_memory(cls, clock: Callable[[], str] = now_utc) -> ProgressStore:
        """A store that keeps progress only until the app quits: for when the real one
        cannot be used."""
        return cls(IN_MEMORY, clock)

    def _open(self) -> sqlite3.Connection:
        if self.path == IN_MEMORY:
            return self._connect()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreUnavailable(unusable(self.path.parent, error)) from error
        for attempt in range(3):
            try:
                return self._connect()
            except sqlite3.OperationalError as error:  # busy, read-only, full: not damage
                if attempt == 2:
                    raise StoreUnavailable(cannot_open(self.path, error)) from error
            except sqlite3.DatabaseError as error:  # not a database, malformed, or foreign
                aside = self.path.with_name(f"{self.path.name}.corrupt-{os.getpid()}")
                try:
                    os.replace(self.path, aside)
                except OSError as moving:
                    raise StoreUnavailable(f"{self.path} is damaged ({error}) and cannot be "
                                           f"moved aside: {failure_reason(moving)}") from moving
                self.notice = (f"The progress file was damaged ({error}); it was moved to "
                               f"{aside} and a fresh one was started.")
        try:
            return self._connect()
        except sqlite3.Error as error:
            raise StoreUnavailable(cannot_open(self.path, error)) from error

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None,
                                     check_same_thread=False)
        try:
            connection.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            # Read before anything that writes (the journal mode is kept in the file): a
            # newer version's store is left exactly as it is.
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > sqlite_schema.SCHEMA_VERSION:
                raise NewerStore(version)
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            # The usual start: no writes.
            if version == sqlite_schema.SCHEMA_VERSION and tables == sqlite_schema.TABLES:
                return self._checked(connection)
            # Check, migrate and create the schema in one write transaction, so two
            # instances starting at once never see each other's half-made file.
            connection.execute("BEGIN IMMEDIATE")
            try:
                version = connection.execute("PRAGMA user_version").fetchone()[0]
                if version > sqlite_schema.SCHEMA_VERSION:  # a newer version got there first
                    raise NewerStore(version)
                tables = {row[0] for row in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'")}
                if tables:
                    sqlite_schema.migrate(connection, version, tables)
                for statement in sqlite_schema.SCHEMA.split(";"):
                    if statement.strip():
                        connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {sqlite_schema.SCHEMA_VERSION}")
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
        except (sqlite3.Error, NewerStore):
            connection.close()
            raise
        return self._checked(connection)

    def _checked(self, connection: sqlite3.Connection) -> sqlite3.Connection:
        """`connection`, once the file has passed SQLite's quick check. The check reads the
        whole file (40 ms at 100,000 plays, on the way to the first frame), so it is skipped
        when the file is exactly as this app last left it: checked, or written by it."""
        if self.path != IN_MEMORY and self._stamp() == self._known_good():
            return connection
        try:
            if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("database disk image is malformed")
        except sqlite3.Error:
            connection.close()
            raise
        self._remember_good()
        return connection

    @property
    def _good_file(self) -> Path:
        return self.path.with_name(f"{self.path.name}.checked")

    def _stamp(self) -> list[list[int]]:
        """Size and modification time of the database and its write-ahead log."""
        stamp = []
        for path in (self.path, self.path.with_name(f"{self.path.name}-wal")):
            try:
                status = path.stat()
            except OSError:
                status = None
            # An empty log is no log: opening the file in WAL mode makes one.
            stamp.append([status.st_size, status.st_mtime_ns] if status and status.st_size
                         else [0, 0])
        return stamp

    def _known_good(self) -> object:
        try:
            return json.loads(self._good_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _remember_good(self) -> None:
        """Note the file as it is now: checked, or just written by this app."""
        if self.path == IN_MEMORY:
            return
        with suppress(OSError):  # then the next start checks again: slower only
            self._good_file.write_text(json.dumps(self._stamp()), encoding="utf-8")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Make the writes inside one transaction: all are saved or, with `WriteFailed`,
        none. Another thread's writes wait until it ends."""
        with self._transaction():
            yield

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._writing, self._open_transaction() as connection:
            yield connection

    @contextmanager
    def _open_transaction(self) -> Iterator[sqlite3.Connection]:
        if self._connection.in_transaction:  # inside `transaction()`: part of that one
            yield self._connection
            return
        try:
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._connection
                self._connection.execute("COMMIT")
                self._remember_good()
            except BaseException:
                if self._connection.in_transaction:  # a failed COMMIT may have ended it
                    self._connection.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            if isinstance(error, sqlite3.IntegrityError | sqlite3.ProgrammingError
                          | sqlite3.InterfaceError):
                raise  # a mistake in the code, not the disk
            raise WriteFailed(failure_reason(error)) from error

    def close(self) -> None:
        """Close the file (SQLite folds its write-ahead log in) and note it as known good."""
        self._connection.close()
        self._remember_good()

    def record(self, record: PlayRecord) -> bool:
        """Store a finished play-through; False if the same one is already stored."""
        return self.record_many([record]) == 1

    def plays(self, scenario_id: str | None = None) -> list[PlayRecord]:
        """Every stored play-through (of one scenario, if given), oldest first."""
        where, arguments = ("WHERE scenario_id = ? ", (scenario_id,)) if scenario_id else ("", ())
        rows = self._connection.execute(
            "SELECT scenario_id, content_hash, mode, path, score, best, duration, finished_at, "
            f"kind, play_id, seed, time_limit, timed_out FROM plays {where}"
            "ORDER BY finished_at, id", arguments).fetchall()
        return [_play(row) for row in rows]

    def plays_after(self, row: int, limit: int) -> list[tuple[int, PlayRecord]]:
        """(row id, play) of up to `limit` plays stored after row `row`, by row id: what a
        sync to the class store sends next."""
        rows = self._connection.execute(
            "SELECT id, scenario_id, content_hash, mode, path, score, best, duration, "
            "finished_at, kind, play_id, seed, time_limit, timed_out FROM plays "
            "WHERE id > ? ORDER BY id LIMIT ?",
            (row, limit)).fetchall()
        return [(r[0], _play(r[1:])) for r in rows]

    def play_state(self, row: int = 0) -> tuple[int, int, str | None]:
        """(number of plays, highest row id, uid of row `row` or None), read at one moment:
        what the catalogue's cached summaries are keyed by (`progress.summary_cache`)."""
        count, last, uid = self._connection.execute(
            "SELECT count(*), coalesce(max(id), 0), (SELECT uid FROM plays WHERE id = ?) "
            "FROM plays", (row,)).fetchone()
        return count, last, uid

    def play_runs(self, after: int = 0, upto: int | None = None, scenario_id: str | None = None
                  ) -> list[tuple[int, str, str, str, str, int]]:
        """(row id, scenario id, kind, path JSON, finished at, number of plays) of the plays
        stored after row `after` (up to row `upto`, of one scenario), by row id, the count
        read at the same moment: a summary's inputs, without decoding any path."""
        where = "id > ?" + (" AND id <= ?" if upto is not None else "") \
            + (" AND scenario_id = ?" if scenario_id is not None else "")
        arguments = [after, *([upto] if upto is not None else []),
                     *([scenario_id] if scenario_id is not None else [])]
        return self._connection.execute(
            "SELECT id, scenario_id, kind, path, finished_at, (SELECT count(*) FROM plays) "
            f"FROM plays WHERE {where} ORDER BY id", arguments).fetchall()

    def review_cards(self) -> list[tuple[str, str, str, str]]:
        """(scenario id, node, card JSON, due) for every review card, soonest due first."""
        return self._connection.execute(
            "SELECT scenario_id, node, card, due FROM reviews "
            "ORDER BY due, scenario_id, node").fetchall()

    def save_review_card(self, scenario_id: str, node: str, card: str, due: str) -> None:
        with self._transaction() as db:
            db.execute("INSERT INTO reviews (scenario_id, node, card, due) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT(scenario_id, node) DO UPDATE SET card = excluded.card, "
                       "due = excluded.due", (scenario_id, node, card, due))

    def record_review_answers(self, answers: list[tuple[str, str, str, int]]) -> int:
        """Keep review answers, each (scenario id, node, answered at, FSRS rating); returns
        how many were new: an answer saved or imported again is kept once."""
        with self._transaction() as db:
            return db.executemany("INSERT INTO review_answers (scenario_id, node, answered_at, "
                                  "rating) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                                  answers).rowcount

    def review_answers(self) -> list[tuple[str, str, str, int]]:
        """(scenario id, node, answered at, FSRS rating) of every review answer, oldest first."""
        return self._connection.execute(
            "SELECT scenario_id, node, answered_at, rating FROM review_answers "
            "ORDER BY answered_at, scenario_id, node").fetchall()

    def record_many(self, records: list[PlayRecord]) -> int:
        """Store many play-throughs in one transaction; returns how many were new. Only a
        play already stored is skipped: a value the table refuses (a NaN duration becomes
        NULL) raises, where `INSERT OR IGNORE` counted it as a duplicate."""
        added = 0
        with self._transaction() as db:
            for record in records:
                cursor = db.execute(
                    "INSERT INTO plays (uid, scenario_id, content_hash, mode, path, score, "
                    "best, duration, finished_at, kind, play_id, seed, time_limit, timed_out) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT(uid) DO NOTHING",
                    (record.uid, record.scenario_id, record.content_hash, record.mode,
                     json.dumps(record.path), record.score, record.best, record.duration,
                     record.finished_at, record.kind, record.play_id or new_play_id(),
                     record.seed, record.time_limit, json.dumps(record.timed_out)),
                )
                added += cursor.rowcount
        return added

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self._connection.execute("SELECT value FROM settings WHERE key = ?",
                                       (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self._transaction() as db:
            db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) "
                       "DO UPDATE SET value = excluded.value", (key, value))


def new_play_id() -> str:
    """A fresh play id: a random UUID, unique across every learner's machine."""
    import uuid

    return str(uuid.uuid4())


def _play(row: tuple[Any, ...]) -> PlayRecord:
    """The play in a row of (scenario id, content hash, mode, path JSON, score, best,
    duration, finished at, kind, play id[, seed, time limit, timed-out JSON]), as both
    backends read it (a row without the last three: untimed, in file order)."""
    seed, limit, timed_out = (*row[10:13], None, None, None)[:3]
    return PlayRecord(row[0], row[1], row[2], tuple((n, i) for n, i in json.loads(row[3])),
                      row[4], row[5], row[6], row[7], row[8], row[9] or "", seed, limit,
                      tuple(json.loads(timed_out)) if timed_out else ())


def open_store(directory: str | Path | None = None, clock: Callable[[], str] = now_utc,
               timeout: float = BUSY_TIMEOUT) -> ProgressStore:
    """The store in `directory` (see `data_dir`); `StoreUnavailable` if it cannot be used."""
    return ProgressStore(data_dir(directory) / DB_NAME, clock, timeout)
