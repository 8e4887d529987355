"""50 learners syncing to one class store at once: nothing lost or doubled, and the p95 of
one learner's sync against a raw psycopg insert of the same rows in the same run.

Starts a throwaway PostgreSQL of its own (initdb/pg_ctl, fsync on, as in use).
Run: python benchmarks/bench_class_sync.py [LEARNERS] [ROUNDS] [PLAYS_PER_ROUND]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).parent))
from class_load import LoadResult, simulate

from scenario_tui.progress import local_server
from scenario_tui.progress.classes import add_instructor
from scenario_tui.progress.pg_schema import migrate


def main() -> int:
    learners, rounds, plays = (int(a) for a in (sys.argv[1:] + ["50", "4", "10"][
        len(sys.argv[1:]):]))
    folder = Path(tempfile.mkdtemp(prefix="scenario-tui-bench-pg-"))
    work = Path(tempfile.mkdtemp(prefix="scenario-tui-bench-learners-"))
    server = local_server.create(folder)
    try:
        with psycopg.connect(server.url(), autocommit=True) as admin:
            admin.execute("CREATE DATABASE classroom")
            admin.execute("ALTER SYSTEM SET max_connections = 200")
        server.stop()
        server.start()
        with psycopg.connect(server.url("classroom"), autocommit=True) as owner:
            migrate(owner)
            login = add_instructor(owner, "teacher")
        result = simulate(server.url("classroom", login.role, login.password), work,
                          learners, rounds, plays)
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
    report(result, rounds, plays)
    return 0 if result.on_server == result.distinct == result.plays else 1


def report(result: LoadResult, rounds: int, plays: int) -> None:
    p95_sync, p95_raw = LoadResult.p95(result.sync_seconds), LoadResult.p95(result.raw_seconds)
    print(f"{result.learners} learners at once, {rounds} rounds of {plays} plays each: "
          f"{result.plays} plays stored locally, {result.on_server} on the server "
          f"({result.distinct} distinct): "
          + ("none lost or doubled" if result.on_server == result.distinct == result.plays
             else "MISMATCH"))
    print(f"one learner's sync (connect, send, mark): p95 {p95_sync * 1000:.0f} ms, median "
          f"{sorted(result.sync_seconds)[len(result.sync_seconds) // 2] * 1000:.0f} ms")
    print(f"raw psycopg insert of the same rows (connect, executemany, commit): p95 "
          f"{p95_raw * 1000:.0f} ms; the sync's p95 is {p95_sync / p95_raw:.1f}x that")
    print(f"all {rounds} rounds of syncs took {result.wall:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
