"""Offline first, nothing lost: plays are written here first and synced to a real class
store; a repeated sync adds nothing, and a server stopped mid-sync (a crash: pg_ctl stop -m
immediate) or a sync killed with kill -9 loses nothing and doubles nothing."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from pg_cluster import class_on, server_in

from scenario_tui.progress import class_sync
from scenario_tui.progress import store as progress_store
from scenario_tui.progress.local_server import LocalServer, free_port
from scenario_tui.progress.pg_store import PgStore


def _play(i: int) -> progress_store.PlayRecord:
    return progress_store.PlayRecord("s", "h", "exam", (("a", i % 3), ("b", 0)), i % 5, 4, 1.0,
                                     f"2026-11-26T09:{i // 60 % 60:02d}:{i % 60:02d}+00:00"
                                     f"#{i:06d}")


def _local(folder: Path, count: int) -> progress_store.ProgressStore:
    store = progress_store.open_store(folder)
    store.record_many([_play(i) for i in range(count)])
    return store


def _server_ids(url: str) -> list[str]:
    with psycopg.connect(url) as connection:
        return [str(r[0]) for r in connection.execute("SELECT play_id FROM plays")]


@pytest.fixture
def own_server() -> Iterator[LocalServer]:
    """A server of this test's own, to stop and start."""
    server = server_in()
    try:
        yield server
    finally:
        server.stop("immediate")
        shutil.rmtree(server.directory, ignore_errors=True)


def test_a_repeated_sync_adds_nothing(tmp_path: Path, learner_url: str) -> None:
    local = _local(tmp_path, 30)
    first = class_sync.sync(local, learner_url, batch=7)
    assert (first.sent, first.added) == (30, 30)
    local.set_setting(class_sync.mark_key(learner_url), "0")  # as if the mark were lost
    again = class_sync.sync(local, learner_url)
    assert (again.sent, again.added) == (30, 0)
    ids = _server_ids(learner_url)
    assert sorted(ids) == sorted(p.play_id for p in local.plays())
    remote = PgStore(learner_url)
    assert remote.plays() == local.plays()


def test_an_unreachable_store_keeps_everything_for_later(tmp_path: Path,
                                                         learner_url: str) -> None:
    local = _local(tmp_path, 5)
    nowhere = " ".join(p for p in learner_url.split() if not p.startswith("port=")) \
        + f" port={free_port()}"
    with pytest.raises(class_sync.SyncFailed, match="cannot be reached"):
        class_sync.sync(local, nowhere, timeout=2)
    assert class_sync.synced_upto(local, learner_url) == 0
    assert class_sync.sync(local, learner_url).added == 5


def test_a_server_crash_mid_sync_loses_and_doubles_nothing(tmp_path: Path,
                                                          own_server: LocalServer) -> None:
    _, url = class_on(own_server)
    local = _local(tmp_path, 400)
    batches: list[int] = []

    def crash_after_third(upto: int) -> None:
        batches.append(upto)
        if len(batches) == 3:
            own_server.stop("immediate")

    with pytest.raises(class_sync.SyncFailed, match="stopped taking plays"):
        class_sync.sync(local, url, batch=50, on_batch=crash_after_third)
    assert class_sync.synced_upto(local, url) == batches[-1] == 150
    own_server.start()
    assert len(_server_ids(url)) == 150   # all that was marked is there
    report = class_sync.sync(local, url, batch=50)
    assert (report.sent, report.added) == (250, 250)
    assert sorted(_server_ids(url)) == sorted(p.play_id for p in local.plays())


_SYNCER = """
import sys
from scenario_tui.progress import class_sync, store
local = store.open_store(sys.argv[1])
class_sync.sync(local, sys.argv[2], batch=20, on_batch=lambda upto: print(upto, flush=True))
print("done", flush=True)
"""


def test_a_sync_killed_mid_run_loses_and_doubles_nothing(tmp_path: Path,
                                                         learner_url: str) -> None:
    local = _local(tmp_path, 3000)
    local.close()
    proc = subprocess.Popen([sys.executable, "-c", _SYNCER, str(tmp_path), learner_url],
                            stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    assert proc.stdout is not None
    for _ in range(5):   # a few batches in, then kill -9 wherever it is
        assert proc.stdout.readline().strip().isdigit()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    local = progress_store.open_store(tmp_path)
    marked = class_sync.synced_upto(local, learner_url)
    held = _server_ids(learner_url)
    assert 100 <= marked <= len(held) < 3000
    report = class_sync.sync(local, learner_url)
    assert report.sent == 3000 - marked
    ids = _server_ids(learner_url)
    assert len(ids) == len(set(ids)) == 3000
    assert sorted(ids) == sorted(p.play_id for p in local.plays())
