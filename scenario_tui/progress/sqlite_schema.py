"""The SQLite progress file's schema, and the steps that migrate an older file to it."""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 5
"""Kept in the file as `PRAGMA user_version`; each bump adds a step to `MIGRATIONS`."""
SCHEMA = """
CREATE TABLE IF NOT EXISTS plays (
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
    play_id TEXT,
    seed INTEGER,
    time_limit INTEGER,
    timed_out TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS plays_scenario ON plays (scenario_id, finished_at);
CREATE UNIQUE INDEX IF NOT EXISTS plays_play_id ON plays (play_id);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reviews (
    scenario_id TEXT NOT NULL,
    node TEXT NOT NULL,
    card TEXT NOT NULL,
    due TEXT NOT NULL,
    PRIMARY KEY (scenario_id, node)
);
CREATE TABLE IF NOT EXISTS review_answers (
    scenario_id TEXT NOT NULL,
    node TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    rating INTEGER NOT NULL,
    PRIMARY KEY (scenario_id, node, answered_at)
);
"""
TABLES = {"plays", "settings", "reviews", "review_answers"}
MIGRATIONS: dict[int, tuple[str, ...]] = {
    # 2: each play says what kind of run it was; every play before then was an attempt.
    1: ("ALTER TABLE plays ADD COLUMN kind TEXT NOT NULL DEFAULT 'attempt'",),
    # 3: each play has a random UUID, its identity in a class store shared by many learners
    # (`uid` tells one learner's plays apart only); plays stored before get one each now.
    2: ("ALTER TABLE plays ADD COLUMN play_id TEXT",
        "UPDATE plays SET play_id = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) "
        "|| '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random()) "
        "% 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"),
    # 4: the seed that shuffled a play's choices (NULL: shown in file order, as every play
    # before), a timed exam's seconds per decision, and the decisions that timed out.
    3: ("ALTER TABLE plays ADD COLUMN seed INTEGER",
        "ALTER TABLE plays ADD COLUMN time_limit INTEGER",
        "ALTER TABLE plays ADD COLUMN timed_out TEXT NOT NULL DEFAULT '[]'"),
    # 5: each answer given in a review session, for the stats screen (`SCHEMA` makes the
    # table; a card keeps only its schedule, not how often it was answered or how).
    4: (),
}
"""The statements that take a store from schema N to N + 1, for every N from 1 below
`SCHEMA_VERSION`. They run in the transaction that checks the file and sets its new
version."""


def migrate(connection: sqlite3.Connection, version: int, tables: set[str]) -> None:
    """Bring a store from schema `version` up to `SCHEMA_VERSION` (inside the caller's
    transaction); a file that is not one of ours is a `DatabaseError` (moved aside)."""
    if tables - TABLES or not 1 <= version <= SCHEMA_VERSION:
        raise sqlite3.DatabaseError("not a scenario-tui progress file")
    for step in range(version, SCHEMA_VERSION):
        for statement in MIGRATIONS[step]:
            connection.execute(statement)
