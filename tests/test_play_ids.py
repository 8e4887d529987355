"""Every stored play has a random UUID (its identity in a class store, where two learners'
plays may share a `uid`); a version 2 store gives one to each play it held."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

from scenario_tui.progress import sqlite_schema
from scenario_tui.progress import store as progress_store

SCHEMA_V2 = """
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
    kind TEXT NOT NULL DEFAULT 'attempt'
);
CREATE INDEX plays_scenario ON plays (scenario_id, finished_at);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE reviews (
    scenario_id TEXT NOT NULL,
    node TEXT NOT NULL,
    card TEXT NOT NULL,
    due TEXT NOT NULL,
    PRIMARY KEY (scenario_id, node)
);
PRAGMA user_version = 2;
"""
"""The store as schema version 2 made it, frozen here."""


def _is_uuid4(text: str) -> bool:
    try:
        return uuid.UUID(text).version == 4 and str(uuid.UUID(text)) == text
    except ValueError:
        return False


def test_a_version_2_store_gives_each_play_its_own_uuid(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / progress_store.DB_NAME) as db:
        db.executescript(SCHEMA_V2)
        for row in range(1, 201):
            db.execute("INSERT INTO plays VALUES (?, ?, 's', 'h', 'exam', '[[\"a\", 0]]', 1, 2, "
                       "3.0, ?, 'attempt')", (row, f"u{row}", f"t{row:04d}"))
    db.close()
    store = progress_store.open_store(tmp_path)
    assert store._connection.execute("PRAGMA user_version").fetchone()[0] \
        == sqlite_schema.SCHEMA_VERSION
    ids = [p.play_id for p in store.plays()]
    assert len(ids) == 200 and len(set(ids)) == 200 and all(map(_is_uuid4, ids))
    store.close()
    again = progress_store.open_store(tmp_path)   # a second start changes nothing
    assert [p.play_id for p in again.plays()] == ids


def test_a_new_play_gets_a_uuid_and_keeps_one_it_has(tmp_path: Path) -> None:
    store = progress_store.open_store(tmp_path)
    fresh = progress_store.PlayRecord("s", "h", "exam", (("a", 0),), 1, 2, 3.0, "t1")
    given = progress_store.PlayRecord("s", "h", "exam", (("a", 1),), 1, 2, 3.0, "t2",
                                      play_id=str(uuid.UUID(int=7, version=4)))
    assert store.record_many([fresh, given]) == 2
    first, second = store.plays()
    assert _is_uuid4(first.play_id) and second.play_id == given.play_id
    assert first == fresh   # the id is not part of a play's equality: `uid` merges imports
    assert [(row, p.play_id) for row, p in store.plays_after(1, 10)] == [(2, given.play_id)]
