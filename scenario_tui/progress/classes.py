"""Classes in the class store: instructors make them and add learners, each a login role.

Every learner is a PostgreSQL login role of their own (`stl_` and random hex, never made from
a name typed in), a member of `scenario_learner`; an instructor is a login role in
`scenario_instructor` that may create roles. Row-level security (`progress.pg_schema`) then
decides what each sees. Passwords are random, given to the server only as SCRAM verifiers
computed here, so no server log can hold one; a role name reaches SQL only as
`sql.Identifier`, and every value as a parameter.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .pg_schema import INSTRUCTOR_ROLE, LEARNER_ROLE

if TYPE_CHECKING:
    import psycopg

SCRAM_ITERATIONS = 4096
"""PostgreSQL's own default for SCRAM-SHA-256."""
MAX_NAME = 80
"""Characters in a class's or a learner's name (the tables check it too)."""
INSTRUCTOR_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
"""An instructor's login: it is a role name, so plain lower-case letters, digits and `_`."""


class ClassError(ValueError):
    """A class command that cannot be done as asked; the text says why."""


@dataclass(frozen=True)
class Credentials:
    """A new login: the role and its password (shown once, to hand over)."""

    role: str
    password: str


def scram_verifier(password: str, salt: bytes | None = None,
                   iterations: int = SCRAM_ITERATIONS) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores for `password` (RFC 5802, 7677)."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode()

    return (f"SCRAM-SHA-256${iterations}:{b64(salt)}$"
            f"{b64(hashlib.sha256(client_key).digest())}:{b64(server_key)}")


def _name(text: str, what: str) -> str:
    name = " ".join(text.split())
    if not name or len(name) > MAX_NAME or not name.isprintable():
        raise ClassError(f"a {what} is 1 to {MAX_NAME} printable characters")
    return name


def _create_login(connection: psycopg.Connection[tuple[Any, ...]], role: str, group: str,
                  extra: str = "") -> Credentials:
    from psycopg import sql

    password = secrets.token_urlsafe(24)
    connection.execute(sql.SQL("CREATE ROLE {} LOGIN " + extra + " PASSWORD {} IN ROLE {}").format(
        sql.Identifier(role), sql.Literal(scram_verifier(password)), sql.Identifier(group)))
    return Credentials(role, password)


def add_instructor(connection: psycopg.Connection[tuple[Any, ...]], login: str) -> Credentials:
    """A new instructor login (the connection must be allowed to create roles: the store's
    owner)."""
    if not INSTRUCTOR_NAME.fullmatch(login):
        raise ClassError("an instructor's login is a lower-case letter, then up to 39 "
                         "lower-case letters, digits or '_'")
    exists = connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,))
    if exists.fetchone():
        raise ClassError(f"there is already a login called {login}")
    with connection.transaction():
        return _create_login(connection, login, INSTRUCTOR_ROLE, "CREATEROLE")


def create_class(connection: psycopg.Connection[tuple[Any, ...]], name: str) -> str:
    """A new class owned by the connected instructor; returns its id."""
    class_id = str(uuid.uuid4())
    with connection.transaction():
        connection.execute("INSERT INTO classes (id, name) VALUES (%s, %s)",
                           (class_id, _name(name, "class's name")))
    return class_id


def find_class(connection: psycopg.Connection[tuple[Any, ...]], wanted: str) -> tuple[str, str]:
    """(id, name) of the class whose id or name is `wanted`, among those the connection may
    see; `ClassError` if none or several match."""
    rows = connection.execute(
        "SELECT id::text, name FROM classes WHERE id::text = %s OR name = %s ORDER BY created_at",
        (wanted, wanted)).fetchall()
    if not rows:
        raise ClassError(f"no class of yours is called {wanted!r} (or has that id)")
    if len(rows) > 1:
        raise ClassError(f"{len(rows)} classes are called {wanted!r}: give the class id")
    return str(rows[0][0]), str(rows[0][1])


def add_learner(connection: psycopg.Connection[tuple[Any, ...]], class_id: str,
                name: str) -> Credentials:
    """A new learner login in the class (the connection is its instructor's)."""
    import psycopg

    shown = _name(name, "learner's name")
    try:
        with connection.transaction():
            role = f"stl_{secrets.token_hex(8)}"
            credentials = _create_login(connection, role, LEARNER_ROLE)
            connection.execute("INSERT INTO learners (role, class_id, display_name) "
                               "VALUES (%s, %s, %s)", (role, class_id, shown))
    except psycopg.errors.UniqueViolation as error:
        raise ClassError(f"the class already has a learner called {shown!r}") from error
    except psycopg.errors.InsufficientPrivilege as error:
        raise ClassError("only the class's instructor can add learners to it") from error
    return credentials
