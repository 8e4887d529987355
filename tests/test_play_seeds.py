"""A play keeps the seed its choices were shuffled with, its time limit and its time-outs;
a version 3 store reads its plays as unshuffled and untimed."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from scenario_tui.progress import sqlite_schema
from scenario_tui.progress import store as progress_store
from scenario_tui.progress.journal import PendingSave
from scenario_tui.progress.store import PlayRecord
from scenario_tui.progress.transfer import (
    FORMAT_NAME,
    FORMAT_VERSION,
    export_csv,
    export_json,
    read,
)

SCHEMA_V3 = """
CREATE TABLE plays (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    scenario_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    mode TEXT NOT NULL,
    path TEXT NOT NULL,
    score INTEGER NOT NULL,
    best INTEGER NOT NULL,
    duration REAL NOT NULL,
    finished_at TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'attempt',
    play_id TEXT
);
CREATE INDEX plays_scenario ON plays (scenario_id, finished_at);
CREATE UNIQUE INDEX plays_play_id ON plays (play_id);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE reviews (
    scenario_id TEXT NOT NULL,
    node TEXT NOT NULL,
    card TEXT NOT NULL,
    due TEXT NOT NULL,
    PRIMARY KEY (scenario_id, node)
);
PRAGMA user_version = 3;
"""
"""The store as schema version 3 made it, frozen here."""

TIMED = PlayRecord("s", "ab12", "exam", (("a", 2), ("b", 0)), -1, 4, 9.0,
                   "2026-01-02T03:04:05+00:00", seed=123456, time_limit=120, timed_out=(1,))


def test_a_version_3_store_reads_its_plays_in_file_order_and_untimed(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / progress_store.DB_NAME) as db:
        db.executescript(SCHEMA_V3)
        db.execute("INSERT INTO plays VALUES (1, 'u1', 's', 'h', 'exam', '[[\"a\", 0]]', 1, 2, "
                   "3.0, '2025-01-01T00:00:00+00:00', 'attempt', 'p1')")
    db.close()
    store = progress_store.open_store(tmp_path)
    assert store._connection.execute("PRAGMA user_version").fetchone()[0] \
        == sqlite_schema.SCHEMA_VERSION
    [old] = store.plays()
    assert (old.seed, old.time_limit, old.timed_out, old.play_id) == (None, None, (), "p1")
    assert store.record(TIMED)
    store.close()
    again = progress_store.open_store(tmp_path)
    assert again.plays()[-1] == TIMED
    again.close()


def test_a_play_keeps_its_seed_and_time_outs(tmp_path: Path) -> None:
    store = progress_store.open_store(tmp_path)
    untimed = PlayRecord("s", "h", "practice", (("a", 0),), 1, 2, 3.0,
                         "2025-01-01T00:00:00+00:00")
    assert store.record(untimed) and store.record(TIMED)
    assert store.plays() == [untimed, TIMED]
    assert [p for _, p in store.plays_after(0, 10)] == [untimed, TIMED]
    store.close()


@pytest.mark.parametrize("export", [export_json, export_csv])
def test_an_export_carries_the_seed_and_time_outs_back_in(tmp_path: Path,
                                                        export: Callable[..., str]) -> None:
    source = progress_store.open_store(tmp_path / "a")
    untimed = PlayRecord("s", "ab", "practice", (("a", 0),), 1, 2, 3.0,
                         "2025-01-01T00:00:00+00:00")
    source.record_many([untimed, TIMED])
    file = tmp_path / "export.txt"
    file.write_text(export(source), encoding="utf-8")
    assert read(file).plays == [untimed, TIMED]
    source.close()


@pytest.mark.parametrize(("field", "value", "reason"), [
    ("seed", -1, "seed must be a whole number from 0 to 2147483647, or null"),
    ("seed", 2**31, "seed must be"),
    ("seed", True, "seed must be"),
    ("time_limit", 0, "time_limit must be a whole number of seconds"),
    ("timed_out", [2], "timed_out must list positions in the path"),
    ("timed_out", [1, 1], "timed_out must list positions"),
])
def test_an_import_refuses_a_bad_seed_or_timing(tmp_path: Path, field: str, value: object,
                                                 reason: str) -> None:
    play = {"scenario_id": "s", "content_hash": "ab", "mode": "exam", "path": [["a", 0], ["b", 1]],
            "score": 1, "best": 2, "duration": 3.0, "finished_at": "2025-01-01T00:00:00+00:00",
            field: value}
    file = tmp_path / "export.json"
    file.write_text(json.dumps({"format": FORMAT_NAME, "version": FORMAT_VERSION,
                                "plays": [play]}), encoding="utf-8")
    contents = read(file)
    assert not contents.plays and reason in contents.rejected[0].reason


def test_a_journalled_play_keeps_its_seed_and_a_bad_one_is_skipped() -> None:
    entry = PendingSave("s", TIMED, (), "2026-01-02T03:04:05+00:00")
    assert PendingSave.from_json(entry.to_json()) == entry
    line = json.loads(entry.to_json())
    line["play"]["seed"] = -5
    assert PendingSave.from_json(json.dumps(line)) is None
    del line["play"]["seed"], line["play"]["time_limit"], line["play"]["timed_out"]
    older = PendingSave.from_json(json.dumps(line))  # a journal from before seeds
    assert older is not None and older.record is not None
    assert (older.record.seed, older.record.time_limit, older.record.timed_out) == \
        (None, None, ())
