"""The class store's schema in a real PostgreSQL: built by numbered migrations from an empty
database and from the previous version, each step once; a newer store is refused."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from scenario_tui.progress import class_sync, pg_schema, store
from scenario_tui.progress.local_server import LocalServer
from scenario_tui.progress.pg_store import PgStore


@pytest.fixture
def empty_db(postgres: LocalServer) -> Iterator[str]:
    name = f"m{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres.url(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"'.encode())
    yield postgres.url(name)
    with psycopg.connect(postgres.url(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)'.encode())


def _tables(connection: psycopg.Connection[tuple[object, ...]]) -> set[str]:
    return {str(r[0]) for r in connection.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}


def test_an_empty_database_is_migrated_to_the_latest_schema_once(empty_db: str) -> None:
    with psycopg.connect(empty_db, autocommit=True) as connection:
        assert pg_schema.version(connection) == 0
        assert pg_schema.migrate(connection) == [m[0] for m in pg_schema.MIGRATIONS]
        assert pg_schema.version(connection) == pg_schema.LATEST
        assert pg_schema.migrate(connection) == []   # a second run applies nothing
        assert _tables(connection) == {"schema_migrations", "classes", "learners", "plays",
                                       "reviews", "settings"}
        secured = {str(r[0]) for r in connection.execute(
            "SELECT relname FROM pg_class WHERE relrowsecurity")}
        assert {"classes", "learners", "plays", "reviews", "settings"} <= secured


def test_a_store_at_the_previous_version_is_migrated_with_its_rows(empty_db: str) -> None:
    previous = pg_schema.LATEST - 1
    with psycopg.connect(empty_db, autocommit=True) as connection:
        assert pg_schema.migrate(connection, upto=previous) == list(range(1, previous + 1))
        class_id = uuid.uuid4()
        connection.execute("INSERT INTO classes (id, name) VALUES (%s, 'c')", (class_id,))
        connection.execute(
            "INSERT INTO plays (play_id, learner, uid, scenario_id, content_hash, mode, path, "
            "score, best, duration, finished_at) VALUES (%s, 'someone', 'u', 's', 'h', 'exam', "
            "'[]', 1, 2, 3.0, 't')", (uuid.uuid4(),))
        assert pg_schema.migrate(connection) == [pg_schema.LATEST]
        assert pg_schema.version(connection) == pg_schema.LATEST
        assert connection.execute("SELECT count(*) FROM plays").fetchone() == (1,)
        assert connection.execute("SELECT name FROM classes").fetchone() == ("c",)
        # a play stored before migration 4 reads as the SQLite store's do: file order, untimed
        assert connection.execute("SELECT seed, time_limit, timed_out FROM plays"
                                  ).fetchone() == (None, None, "[]")


def test_a_play_keeps_its_seed_time_limit_and_time_outs_in_the_class_store(
        tmp_path: Path, learner_url: str) -> None:
    local = store.open_store(tmp_path)
    played = [store.PlayRecord("s", "h", "exam", (("a", 1), ("b", 0)), 1, 4, 2.5,
                               "2026-01-02T03:04:05+00:00", seed=2**31 - 1, time_limit=90,
                               timed_out=(1,)),
              store.PlayRecord("s", "h", "practice", (("a", 0),), 2, 4, 1.0,
                               "2026-01-02T04:04:05+00:00")]
    local.record_many(played)
    assert class_sync.sync(local, learner_url).added == 2
    remote = PgStore(learner_url)
    assert remote.plays() == local.plays() == played
    assert [(p.seed, p.time_limit, p.timed_out) for p in remote.plays()] == \
        [(2**31 - 1, 90, (1,)), (None, None, ())]


def test_a_store_not_yet_migrated_refuses_a_sync_saying_who_migrates_it(
        tmp_path: Path, postgres: LocalServer) -> None:
    name = f"m{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres.url(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"'.encode())
    with psycopg.connect(postgres.url(name), autocommit=True) as owner:
        pg_schema.migrate(owner, upto=pg_schema.LATEST - 1)
    local = store.open_store(tmp_path)
    local.record(store.PlayRecord("s", "h", "exam", (("a", 1),), 1, 4, 2.5, "t"))
    with pytest.raises(class_sync.SyncFailed, match="its owner runs `scenario-tui class "
                                                    "migrate`"):
        class_sync.sync(local, postgres.url(name))
    assert class_sync.synced_upto(local, postgres.url(name)) == 0


def test_a_store_from_a_newer_version_is_refused_untouched(empty_db: str) -> None:
    with psycopg.connect(empty_db, autocommit=True) as connection:
        pg_schema.migrate(connection)
        connection.execute("INSERT INTO schema_migrations (version, description) "
                           "VALUES (%s, 'from the future')", (pg_schema.LATEST + 1,))
        with pytest.raises(pg_schema.NewerClassStore, match="upgrade scenario-tui"):
            pg_schema.migrate(connection)
        assert pg_schema.version(connection) == pg_schema.LATEST + 1
