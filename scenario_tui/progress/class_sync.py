"""Send this machine's plays and review cards to the class store, losing and doubling nothing.

The local SQLite store stays the source of truth: plays are always written there first, and a
sync copies those stored since the last sync, in row order and in batches. Each batch is one
transaction on the server; only once the server has committed it does the local store move its
mark (a setting, per class store) past it. So a server that goes away, or a sync killed with
`kill -9`, at any moment leaves the mark at or before what the server holds, and the next sync
sends the rest, and perhaps a batch again, which the server skips: a play's id is a UUID, and
`ON CONFLICT DO NOTHING` adds it once. Review cards are few and change in place: each sync
sends them all, replacing the learner's copies.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .pg_store import CONNECT_TIMEOUT, PgStore
from .store import ProgressStore
from .store_errors import StoreError

BATCH = 500
"""Plays per server transaction: large enough to be quick, small enough that an outage
repeats little."""
BACKGROUND_TIMEOUT = 5
"""Seconds the app's own syncs wait for the class store to answer: they run in a worker
thread, but quitting waits for that thread."""


class SyncFailed(StoreError):
    """The class store could not be reached, or stopped taking plays part-way; what it took
    is kept, and the next sync sends the rest."""


@dataclass(frozen=True)
class SyncReport:
    sent: int
    """Plays sent this time."""
    added: int
    """Of those, plays the class store did not have yet."""
    reviews: int
    """Review cards sent."""


def mark_key(url: str) -> str:
    """The local setting that holds how far this machine has synced to that store (host,
    port, database and login: joining another class starts from the first play)."""
    import hashlib

    from psycopg.conninfo import conninfo_to_dict

    parts = conninfo_to_dict(url)
    where = "|".join(str(parts.get(k, "")) for k in ("host", "port", "dbname", "user"))
    return "class-sync:" + hashlib.sha256(where.encode()).hexdigest()[:16]


def synced_upto(local: ProgressStore, url: str) -> int:
    """The local row id up to which plays are known to be in that class store."""
    mark = local.setting(mark_key(url))
    return int(mark) if mark and mark.isdigit() else 0


def sync(local: ProgressStore, url: str, batch: int = BATCH, timeout: int = CONNECT_TIMEOUT,
         on_batch: Callable[[int], None] | None = None) -> SyncReport:
    """Send what the class store lacks; `SyncFailed` if it cannot be reached or fails part-way
    (then what it committed stays marked). `on_batch` is told each batch's last row id once
    the server has it."""
    import psycopg

    key, upto = mark_key(url), synced_upto(local, url)
    sent = added = 0
    try:
        remote = PgStore(url, local.clock, timeout)
    except StoreError as error:
        raise SyncFailed(str(error)) from error
    try:
        while rows := local.plays_after(upto, batch):
            added += remote.record_many([play for _, play in rows])
            upto = rows[-1][0]
            local.set_setting(key, str(upto))  # only after the server's commit
            sent += len(rows)
            if on_batch is not None:
                on_batch(upto)
        cards = local.review_cards()
        remote.save_review_cards(cards)
    except (StoreError, psycopg.Error) as error:
        raise SyncFailed(f"the class store stopped taking plays ({sent} sent this time, kept; "
                         f"the next sync sends the rest): {_one_line(error)}") from error
    finally:
        remote.close()
    return SyncReport(sent, added, len(cards))


def _one_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[-1] if lines else type(error).__name__


@dataclass(frozen=True)
class ClassState:
    """The class store as the app's last sync found it."""

    reachable: bool
    waiting: int
    """Plays stored here and not yet known to be in the class store."""
    notice: str = ""
    """What to tell the learner: only when the store went away or came back, else ""."""

    @property
    def status(self) -> str:
        """`class: synced` or `class: 3 plays to sync`, for a status line."""
        if not self.waiting:
            return "class: synced"
        return f"class: {self.waiting} play{'s' if self.waiting != 1 else ''} to sync"


class ClassSync:
    """The app's syncs to the class store set up for a data dir (`progress.class_config`),
    run from worker threads after each save and at start-up.

    One runs at a time, each on a connection of its own to the progress file, so the app
    closing its store at quit never cuts one short. The class file is read at each sync, so
    a class joined while the app runs is synced from then on. The last outcome is remembered,
    so the learner hears only when the class store goes away or comes back."""

    def __init__(self, data: str | Path | None, *, environment: bool = True,
                 timeout: int = BACKGROUND_TIMEOUT) -> None:
        self.data = data
        """The data dir the class file is looked for in (as `class_config.load` takes it)."""
        self.environment = environment
        """Whether $SCENARIO_TUI_CLASS_URL applies (not to a served learner)."""
        self.timeout = timeout
        self._lock = threading.Lock()
        self._reachable: bool | None = None

    def run(self, progress_file: Path) -> ClassState | None:
        """Send what the class store lacks from the progress file; None when no class is
        set up. Never raises for an unreachable or refusing store: that is the state."""
        from . import class_config

        with self._lock:
            try:
                url = class_config.load(self.data, environment=self.environment).url
            except class_config.NoClass:
                return None
            except class_config.ClassConfigError as error:
                return self._state(False, 0, str(error), 0)
            try:
                local = ProgressStore(progress_file)
            except StoreError:  # the app runs with progress off: nothing here to send
                return None
            try:
                try:
                    report = sync(local, url, timeout=self.timeout)
                except SyncFailed as error:
                    waiting = len(local.play_runs(after=synced_upto(local, url)))
                    return self._state(False, waiting, str(error), 0)
                return self._state(True, 0, "", report.sent)
            finally:
                local.close()

    def _state(self, reachable: bool, waiting: int, reason: str, sent: int) -> ClassState:
        """The state, with a notice when reachability changed (or the first try failed)."""
        before, self._reachable = self._reachable, reachable
        notice = ""
        if not reachable and before is not False:
            notice = (f"{reason[:1].upper()}{reason[1:]}. Your plays are kept here and "
                      "sent when the class store is back.")
        elif reachable and before is False:
            notice = (f"The class store is reachable again: {sent} play"
                      f"{'s' if sent != 1 else ''} sent.")
        return ClassState(reachable, waiting, notice)
