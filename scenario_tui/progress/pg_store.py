"""The progress store in PostgreSQL: one learner's plays, review cards and settings in a class
store, behind the same methods as the SQLite one (`progress.backends.Store`).

It connects as the learner's own login role; row-level security (`progress.pg_schema`) shows it
that learner's rows only, and fills `learner` in on what it adds. A connection that drops makes
the write fail (`WriteFailed`) with nothing of it kept, as a busy SQLite file does.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from .store import PlayRecord, _play, new_play_id, now_utc
from .store_errors import StoreUnavailable, WriteFailed

if TYPE_CHECKING:
    import psycopg

CONNECT_TIMEOUT = 10
"""Seconds to wait for the class server to answer before giving up on it."""
_PLAY_COLUMNS = ("scenario_id, content_hash, mode, path, score, best, duration, finished_at, "
                 "kind, play_id::text, seed, time_limit, timed_out")


def connect(url: str, timeout: int = CONNECT_TIMEOUT) -> psycopg.Connection[tuple[Any, ...]]:
    """An autocommit connection to the class store at `url`; `StoreUnavailable` (saying why,
    without the URL, which holds a password) when it cannot be reached or refuses."""
    import psycopg

    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=timeout,
                               application_name="scenario-tui")
    except psycopg.Error as error:
        raise StoreUnavailable(f"the class store cannot be reached: {_said(error)}") from error
    except Exception as error:  # a malformed URL (ProgrammingError is a psycopg.Error too)
        raise StoreUnavailable("the class store's address is not a PostgreSQL URL") from error


def _said(error: Exception) -> str:
    """The server's or the driver's reason, on one line."""
    text = str(error).strip().splitlines()
    return text[-1] if text else type(error).__name__


class PgStore:
    """A learner's progress in the class store; every public method is one transaction."""

    def __init__(self, url: str, clock: Callable[[], str] = now_utc,
                 timeout: int = CONNECT_TIMEOUT) -> None:
        self.clock = clock
        self.notice = ""
        self._lock = threading.RLock()
        self._connection = connect(url, timeout)
        self._in_transaction = False

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """The writes inside are all made or, with `WriteFailed`, none."""
        with self._transaction():
            yield

    @contextmanager
    def _transaction(self) -> Iterator[psycopg.Connection[tuple[Any, ...]]]:
        import psycopg

        with self._lock:
            if self._in_transaction:
                yield self._connection
                return
            self._in_transaction = True
            try:
                with self._connection.transaction():
                    yield self._connection
            except (psycopg.OperationalError, psycopg.errors.QueryCanceled) as error:
                raise WriteFailed(f"the class store did not take it: {_said(error)}"
                                  ) from error
            except psycopg.errors.UndefinedColumn as error:  # a store not yet migrated
                raise WriteFailed("the class store's schema is older than this version of "
                                  "scenario-tui: its owner runs `scenario-tui class migrate`"
                                  ) from error
            finally:
                self._in_transaction = False

    def _read(self, query: str, arguments: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._connection.execute(query.encode(), arguments).fetchall()

    def close(self) -> None:
        self._connection.close()

    def record(self, record: PlayRecord) -> bool:
        return self.record_many([record]) == 1

    def record_many(self, records: list[PlayRecord]) -> int:
        """Store plays; those already here (by play id, or by `uid` for this learner) are
        skipped, so a sync sent twice adds nothing."""
        if not records:
            return 0
        with self._transaction() as db, db.cursor() as cursor:
            cursor.executemany(  # pipelined: one round trip for the lot, not one per play
                "INSERT INTO plays (play_id, uid, scenario_id, content_hash, mode, path, "
                "score, best, duration, finished_at, kind, seed, time_limit, timed_out) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
                "ON CONFLICT DO NOTHING",
                [(record.play_id or new_play_id(), record.uid, record.scenario_id,
                  record.content_hash, record.mode, json.dumps(record.path), record.score,
                  record.best, record.duration, record.finished_at, record.kind, record.seed,
                  record.time_limit, json.dumps(record.timed_out))
                 for record in records])
            return max(cursor.rowcount, 0)

    def plays(self, scenario_id: str | None = None) -> list[PlayRecord]:
        where, arguments = ("WHERE scenario_id = %s ", (scenario_id,)) if scenario_id \
            else ("", ())
        rows = self._read(f"SELECT {_PLAY_COLUMNS} FROM plays {where}ORDER BY finished_at, id",
                          arguments)
        return [_play(row) for row in rows]

    def play_state(self, row: int = 0) -> tuple[int, int, str | None]:
        count, last, uid = self._read(
            "SELECT count(*), coalesce(max(id), 0), (SELECT uid FROM plays WHERE id = %s) "
            "FROM plays", (row,))[0]
        return int(count), int(last), uid

    def play_runs(self, after: int = 0, upto: int | None = None, scenario_id: str | None = None
                  ) -> list[tuple[int, str, str, str, str, int]]:
        where = "id > %s" + (" AND id <= %s" if upto is not None else "") \
            + (" AND scenario_id = %s" if scenario_id is not None else "")
        arguments = (after, *([upto] if upto is not None else []),
                     *([scenario_id] if scenario_id is not None else []))
        rows = self._read("SELECT id, scenario_id, kind, path, finished_at, "
                          f"(SELECT count(*) FROM plays) FROM plays WHERE {where} ORDER BY id",
                          arguments)
        return [(int(r[0]), r[1], r[2], r[3], r[4], int(r[5])) for r in rows]

    def review_cards(self) -> list[tuple[str, str, str, str]]:
        rows = self._read("SELECT scenario_id, node, card, due FROM reviews "
                          "ORDER BY due, scenario_id, node")
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def save_review_card(self, scenario_id: str, node: str, card: str, due: str) -> None:
        with self._transaction() as db:
            db.execute("INSERT INTO reviews (scenario_id, node, card, due) "
                       "VALUES (%s, %s, %s, %s) ON CONFLICT (learner, scenario_id, node) "
                       "DO UPDATE SET card = excluded.card, due = excluded.due",
                       (scenario_id, node, card, due))

    def save_review_cards(self, cards: list[tuple[str, str, str, str]]) -> None:
        """Store (scenario id, node, card JSON, due) cards in one transaction, each replacing
        the learner's card for that decision."""
        if not cards:
            return
        with self._transaction() as db, db.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO reviews (scenario_id, node, card, due) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (learner, scenario_id, node) DO UPDATE SET card = excluded.card, "
                "due = excluded.due", cards)

    def setting(self, key: str, default: str | None = None) -> str | None:
        rows = self._read("SELECT value FROM settings WHERE key = %s", (key,))
        return str(rows[0][0]) if rows else default

    def set_setting(self, key: str, value: str) -> None:
        with self._transaction() as db:
            db.execute("INSERT INTO settings (key, value) VALUES (%s, %s) "
                       "ON CONFLICT (learner, key) DO UPDATE SET value = excluded.value",
                       (key, value))
