"""A real PostgreSQL server for the class-store tests: a throwaway cluster per test session
(per xdist worker), made with initdb and started with pg_ctl on a free local port.

Locally the tests that need it skip, saying why, when PostgreSQL is not installed; under CI
(CI=true, where .ci/run installs it) they fail instead, so a missing server is never a pass.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from scenario_tui.progress import local_server
from scenario_tui.progress.local_server import LocalServer


def require_postgres() -> None:
    """Skip the test (fail it under CI) when PostgreSQL is not installed."""
    if local_server.bin_dir() is None:
        reason = "PostgreSQL is not installed (no initdb): the class-store tests need it"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + "; .ci/run installs the Debian package")
        pytest.skip(reason)


def server_in(directory: Path | None = None) -> LocalServer:
    """A fresh started cluster (skips, or fails under CI, without PostgreSQL). Its folder is
    outside pytest's tmp (0700, root's), as the server may run as another user."""
    require_postgres()
    folder = directory or Path(tempfile.mkdtemp(prefix="scenario-tui-pg-"))
    return local_server.create(folder, fast=True)


@pytest.fixture(scope="session")
def postgres() -> Iterator[LocalServer]:
    server = server_in()
    try:
        yield server
    finally:
        server.stop("immediate")
        shutil.rmtree(server.directory, ignore_errors=True)


@pytest.fixture(scope="session")
def class_store(postgres: LocalServer) -> str:
    """The superuser's URL of a migrated class store."""
    import psycopg

    from scenario_tui.progress.pg_schema import migrate

    with psycopg.connect(postgres.url(), autocommit=True) as admin:
        admin.execute("CREATE DATABASE classroom")
    url = postgres.url("classroom")
    with psycopg.connect(url, autocommit=True) as connection:
        migrate(connection)
    return url


@pytest.fixture(scope="session")
def instructor_url(postgres: LocalServer, class_store: str) -> str:
    """An instructor's login on the class store."""
    import psycopg

    from scenario_tui.progress.classes import add_instructor

    with psycopg.connect(class_store, autocommit=True) as admin:
        login = add_instructor(admin, "teacher")
    return postgres.url("classroom", login.role, login.password)


@pytest.fixture
def learner_url(instructor_url: str) -> str:
    """A new learner's login, alone in a new class: an empty store of their own."""
    import psycopg

    from scenario_tui.progress.class_config import learner_url as as_learner
    from scenario_tui.progress.classes import add_learner, create_class

    with psycopg.connect(instructor_url, autocommit=True) as teacher:
        login = add_learner(teacher, create_class(teacher, "a class"), "Ada")
    return as_learner(instructor_url, login.role, login.password)


def class_on(server: LocalServer, database: str = "classroom") -> tuple[str, str]:
    """(instructor's URL, a learner's URL) on a new migrated class store in `server`."""
    import psycopg

    from scenario_tui.progress.class_config import learner_url as as_learner
    from scenario_tui.progress.classes import add_instructor, add_learner, create_class
    from scenario_tui.progress.pg_schema import migrate

    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{database}"'.encode())
    with psycopg.connect(server.url(database), autocommit=True) as owner:
        migrate(owner)
        login = add_instructor(owner, "teacher")
    teacher_url = server.url(database, login.role, login.password)
    with psycopg.connect(teacher_url, autocommit=True) as teacher:
        learner = add_learner(teacher, create_class(teacher, "a class"), "Ada")
    return teacher_url, as_learner(teacher_url, learner.role, learner.password)
