"""Access to the class store is enforced by PostgreSQL itself, and these tests attack it: a
learner's own connection tries to read, change, add and delete other learners' rows and gets
nothing or an error; an instructor reads their own class only. Passwords reach no log or
world-readable file."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from scenario_tui.progress import class_config, class_sync
from scenario_tui.progress import store as progress_store
from scenario_tui.progress.classes import (
    ClassError,
    add_instructor,
    add_learner,
    create_class,
    find_class,
)
from scenario_tui.progress.local_server import LocalServer
from scenario_tui.progress.pg_store import PgStore

Connection = psycopg.Connection[tuple[object, ...]]


@dataclass
class Classroom:
    teacher: str
    other_teacher: str
    ada: str
    bob: str
    cy: str
    """Ada and Bob are in the teacher's class; Cy in the other teacher's."""
    roles: dict[str, str]
    passwords: list[str]


def _play(i: int) -> progress_store.PlayRecord:
    return progress_store.PlayRecord("s", "h", "exam", (("a", i),), i, 4, 1.0, f"t{i}")


@pytest.fixture(scope="module")
def classroom(postgres: LocalServer, class_store: str, instructor_url: str,
              tmp_path_factory: pytest.TempPathFactory) -> Classroom:
    with psycopg.connect(class_store, autocommit=True) as admin:
        other = add_instructor(admin, "other_teacher")
    other_url = postgres.url("classroom", other.role, other.password)
    urls, roles, passwords = {}, {}, [other.password]
    for teacher, class_name, names in ((instructor_url, "attacked", ("Ada", "Bob")),
                                       (other_url, "elsewhere", ("Cy",))):
        with psycopg.connect(teacher, autocommit=True) as connection:
            class_id = create_class(connection, class_name)
            for name in names:
                login = add_learner(connection, class_id, name)
                urls[name] = class_config.learner_url(teacher, login.role, login.password)
                roles[name] = login.role
                passwords.append(login.password)
    for offset, name in enumerate(urls):   # each learner syncs three plays and a card
        local = progress_store.open_store(tmp_path_factory.mktemp(name))
        local.record_many([_play(offset * 10 + i) for i in range(3)])
        local.save_review_card("s", "a", "{}", "2026-12-01T00:00:00+00:00")
        class_sync.sync(local, urls[name])
        remote = PgStore(urls[name])
        remote.set_setting("theme", name)
        remote.close()
    return Classroom(instructor_url, other_url, urls["Ada"], urls["Bob"], urls["Cy"], roles,
                     passwords)


@pytest.fixture
def ada(classroom: Classroom) -> Iterator[Connection]:
    with psycopg.connect(classroom.ada, autocommit=True) as connection:
        yield connection


def _learners(connection: Connection, table: str) -> set[str]:
    return {str(r[0]) for r in connection.execute(f"SELECT learner FROM {table}".encode())}


def test_a_learner_reads_only_their_own_rows(classroom: Classroom, ada: Connection) -> None:
    mine = classroom.roles["Ada"]
    for table in ("plays", "reviews"):
        assert _learners(ada, table) == {mine}
    bob = classroom.roles["Bob"]
    assert ada.execute("SELECT count(*) FROM plays WHERE learner = %s", (bob,)).fetchone() \
        == (0,)
    assert ada.execute("SELECT role FROM learners").fetchall() == [(mine,)]
    assert [r[0] for r in ada.execute("SELECT name FROM classes")] == ["attacked"]


@pytest.mark.parametrize("statement", [
    "UPDATE plays SET score = 99 WHERE learner = %(bob)s",
    "UPDATE plays SET score = 99",
    "DELETE FROM plays WHERE learner = %(bob)s",
    "INSERT INTO plays (play_id, learner, uid, scenario_id, content_hash, mode, path, score, "
    "best, duration, finished_at) VALUES (gen_random_uuid(), %(bob)s, 'forged', 's', 'h', "
    "'exam', '[]', 99, 4, 1.0, 't')",
    "INSERT INTO reviews (learner, scenario_id, node, card, due) "
    "VALUES (%(bob)s, 's', 'b', '{}', 'x')",
    "UPDATE settings SET learner = %(bob)s",
    "INSERT INTO learners (role, class_id, display_name) "
    "SELECT 'x', class_id, 'Mallory' FROM learners",
    "INSERT INTO classes (id, name) VALUES (gen_random_uuid(), 'mine now')",
    "SET ROLE %(bob_identifier)s",
    "CREATE ROLE mallory LOGIN",
    "TRUNCATE plays",
])
def test_a_learner_cannot_change_or_add_others_rows(classroom: Classroom, ada: Connection,
                                                    statement: str) -> None:
    bob = classroom.roles["Bob"]
    query = statement.replace("%(bob_identifier)s", bob).encode()
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        ada.execute(query, {"bob": bob} if b"%(bob)s" in query else None)


@pytest.mark.parametrize("statement", [
    "UPDATE reviews SET due = 'never' WHERE learner = %(bob)s",
    "DELETE FROM reviews WHERE learner = %(bob)s",
    "UPDATE settings SET value = 'pwned' WHERE learner = %(bob)s",
    "DELETE FROM settings WHERE learner = %(bob)s",
])
def test_a_learner_changing_others_cards_or_settings_touches_nothing(
        classroom: Classroom, ada: Connection, statement: str) -> None:
    bob = classroom.roles["Bob"]
    assert ada.execute(statement.encode(), {"bob": bob}).rowcount == 0
    with psycopg.connect(classroom.bob) as own:
        assert own.execute("SELECT due FROM reviews").fetchall() == [
            ("2026-12-01T00:00:00+00:00",)]
        assert own.execute("SELECT value FROM settings").fetchall() == [("Bob",)]


def test_an_instructor_reads_their_class_only(classroom: Classroom) -> None:
    with psycopg.connect(classroom.teacher) as teacher:
        roles = _learners(teacher, "plays")
        assert {classroom.roles["Ada"], classroom.roles["Bob"]} <= roles
        assert classroom.roles["Cy"] not in roles
        assert classroom.roles["Cy"] not in _learners(teacher, "reviews")
        with pytest.raises(ClassError, match="no class of yours"):
            find_class(teacher, "elsewhere")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            teacher.execute("UPDATE plays SET score = 0")
    with psycopg.connect(classroom.other_teacher, autocommit=True) as other:
        assert _learners(other, "plays") == {classroom.roles["Cy"]}
        class_id, _ = find_class(other, "elsewhere")
    with psycopg.connect(classroom.teacher, autocommit=True) as teacher, \
            pytest.raises(ClassError, match="only the class's instructor"):
        add_learner(teacher, class_id, "Intruder")   # into the other teacher's class


def test_no_password_reaches_the_server_log(classroom: Classroom,
                                            postgres: LocalServer) -> None:
    log = (postgres.directory / "server.log").read_text(encoding="utf-8", errors="replace")
    assert not [secret for secret in classroom.passwords if secret in log]


def test_the_joined_class_file_is_0600_and_a_readable_one_is_refused(tmp_path: Path) -> None:
    link = class_config.ClassLink("host=h user=u password=secret", "c1", "Ada")
    path = class_config.save(link, tmp_path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert class_config.load(tmp_path) == link
    assert class_config.read_join_code(class_config.join_code(link)) == link
    path.chmod(0o644)
    with pytest.raises(class_config.ClassConfigError, match="chmod 600"):
        class_config.load(tmp_path)
    class_config.save(link, tmp_path)   # rewriting fixes the mode
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
