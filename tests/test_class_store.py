"""The class store's schema in a real PostgreSQL: built by numbered migrations from an empty
database and from the previous version, each step once; a newer store is refused."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest

from scenario_tui.progress import pg_schema
from scenario_tui.progress.local_server import LocalServer


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


def test_a_store_from_a_newer_version_is_refused_untouched(empty_db: str) -> None:
    with psycopg.connect(empty_db, autocommit=True) as connection:
        pg_schema.migrate(connection)
        connection.execute("INSERT INTO schema_migrations (version, description) "
                           "VALUES (%s, 'from the future')", (pg_schema.LATEST + 1,))
        with pytest.raises(pg_schema.NewerClassStore, match="upgrade scenario-tui"):
            pg_schema.migrate(connection)
        assert pg_schema.version(connection) == pg_schema.LATEST + 1
