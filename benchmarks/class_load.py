"""Many learners syncing at once to one class store, through the real sync code path.

Each simulated learner has a SQLite progress store of their own and a login of their own in
the class store. In each round every learner, in a thread of its own and all at once, stores
a few new plays locally and runs `class_sync.sync` (connect, authenticate, send what is new,
move the local mark). The same run also times a raw psycopg insert of the same number of rows
(connect, authenticate, one executemany, commit) at the same concurrency, so the figure says
what the sync costs over the bare minimum on this machine. Used by
benchmarks/bench_class_sync.py and, smaller, by tests/test_class_load.py.
"""

from __future__ import annotations

import statistics
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psycopg

from scenario_tui.progress import class_config, class_sync
from scenario_tui.progress import store as progress_store
from scenario_tui.progress.classes import add_learner, create_class


@dataclass(frozen=True)
class LoadResult:
    learners: int
    plays: int
    """Plays stored locally, over every learner."""
    on_server: int
    distinct: int
    """Distinct play ids on the server among this class's learners."""
    sync_seconds: list[float]
    raw_seconds: list[float]
    wall: float

    @staticmethod
    def p95(values: list[float]) -> float:
        return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 \
            else values[0]


def _all_at_once(work: list[Callable[[], float]], timeout: float) -> list[float]:
    """Run each callable in a thread of its own, released together; their results."""
    results: list[float] = []
    errors: list[BaseException] = []
    start = threading.Barrier(len(work))
    lock = threading.Lock()

    def run(job: Callable[[], float]) -> None:
        try:
            start.wait(timeout)
            took = job()
            with lock:
                results.append(took)
        except BaseException as error:  # reported to the caller below
            with lock:
                errors.append(error)

    threads = [threading.Thread(target=run, args=(job,), daemon=True) for job in work]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    if any(thread.is_alive() for thread in threads):
        raise TimeoutError(f"the learners did not finish within {timeout:.0f} s")
    if errors:
        raise errors[0]
    return results


def simulate(teacher_url: str, workdir: Path, learners: int = 50, rounds: int = 4,
             plays_per_round: int = 10, timeout: float = 300.0) -> LoadResult:
    """`learners` learners in a new class, `rounds` rounds of plays and a sync each, all
    learners at once; then the raw-insert baseline, and a count of what the server holds."""
    with psycopg.connect(teacher_url, autocommit=True) as teacher:
        class_id = create_class(teacher, f"load {uuid.uuid4().hex[:8]}")
        logins = [add_learner(teacher, class_id, f"learner {n:03d}") for n in range(learners)]
    urls = [class_config.learner_url(teacher_url, login.role, login.password)
            for login in logins]
    stores = [progress_store.open_store(workdir / f"learner-{n:03d}") for n in range(learners)]
    counter = iter(range(10**9))
    counter_lock = threading.Lock()

    def fresh_plays(n: int) -> list[progress_store.PlayRecord]:
        with counter_lock:
            numbers = [next(counter) for _ in range(n)]
        return [progress_store.PlayRecord("load", "h", "exam", (("a", i % 3), ("b", 0)), i % 5,
                                          4, 1.0, f"2026-11-26T09:00:00+00:00#{i:09d}")
                for i in numbers]

    def learner_round(n: int) -> Callable[[], float]:
        def job() -> float:
            stores[n].record_many(fresh_plays(plays_per_round))  # written here first
            began = time.perf_counter()
            class_sync.sync(stores[n], urls[n])
            return time.perf_counter() - began
        return job

    def raw_insert(n: int) -> Callable[[], float]:
        def job() -> float:
            rows = [(str(uuid.uuid4()), f"raw-{uuid.uuid4().hex}", "load", "h", "exam", "[]",
                     1, 4, 1.0, "t", "attempt") for _ in range(plays_per_round)]
            began = time.perf_counter()
            with psycopg.connect(urls[n]) as connection, connection.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO plays (play_id, uid, scenario_id, content_hash, mode, path, "
                    "score, best, duration, finished_at, kind) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", rows)
            return time.perf_counter() - began
        return job

    began = time.perf_counter()
    sync_seconds: list[float] = []
    for _ in range(rounds):
        sync_seconds += _all_at_once([learner_round(n) for n in range(learners)], timeout)
    wall = time.perf_counter() - began
    raw_seconds: list[float] = []
    for _ in range(rounds):
        raw_seconds += _all_at_once([raw_insert(n) for n in range(learners)], timeout)
    local = sum(len(store.plays()) for store in stores)
    for store in stores:
        store.close()
    with psycopg.connect(teacher_url) as teacher:
        on_server, distinct = teacher.execute(
            "SELECT count(*), count(DISTINCT p.play_id) FROM plays p JOIN learners l "
            "ON l.role = p.learner WHERE l.class_id = %s AND p.uid NOT LIKE 'raw-%%'",
            (class_id,)).fetchone() or (0, 0)
    return LoadResult(learners, local, int(on_server), int(distinct), sync_seconds,
                      raw_seconds, wall)
