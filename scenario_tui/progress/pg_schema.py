"""The class store's schema in PostgreSQL, built by numbered migrations.

`schema_migrations` records each step applied. `migrate` applies the missing ones in order,
in one transaction with their rows and under an advisory lock, so two starting at once never
apply a step twice and a failed step leaves the store as it was; a store whose newest step is
unknown here (made by a newer version) is refused. Steps are only ever added, never edited.

Who may do what is enforced here, by PostgreSQL, not by the app: two group roles,
`scenario_instructor` and `scenario_learner`, and row-level security on every table. A learner
(a login role in `scenario_learner`) reads and adds only rows whose `learner` is themselves; an
instructor reads the rows of the learners in the classes they own. Plays are never updated or
deleted by anyone but the store's owner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import psycopg

INSTRUCTOR_ROLE = "scenario_instructor"
LEARNER_ROLE = "scenario_learner"
_LOCK = 7_401_621_003
"""The advisory lock that serializes migrations (an arbitrary constant of ours)."""

_TABLES = """
CREATE TABLE classes (
    id uuid PRIMARY KEY,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    instructor name NOT NULL DEFAULT current_user,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE learners (
    role name PRIMARY KEY,
    class_id uuid NOT NULL REFERENCES classes (id),
    display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
    UNIQUE (class_id, display_name)
);
CREATE TABLE plays (
    play_id uuid PRIMARY KEY,
    id bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    learner name NOT NULL DEFAULT current_user,
    uid text NOT NULL,
    scenario_id text NOT NULL,
    content_hash text NOT NULL,
    mode text NOT NULL,
    path text NOT NULL,
    score integer NOT NULL,
    best integer NOT NULL,
    duration double precision NOT NULL,
    finished_at text NOT NULL,
    kind text NOT NULL DEFAULT 'attempt',
    UNIQUE (learner, uid)
);
CREATE INDEX plays_learner_scenario ON plays (learner, scenario_id, finished_at);
CREATE TABLE reviews (
    learner name NOT NULL DEFAULT current_user,
    scenario_id text NOT NULL,
    node text NOT NULL,
    card text NOT NULL,
    due text NOT NULL,
    PRIMARY KEY (learner, scenario_id, node)
);
CREATE TABLE settings (
    learner name NOT NULL DEFAULT current_user,
    key text NOT NULL,
    value text NOT NULL,
    PRIMARY KEY (learner, key)
)
"""

_ACCESS = f"""
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{INSTRUCTOR_ROLE}') THEN
        CREATE ROLE {INSTRUCTOR_ROLE} NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{LEARNER_ROLE}') THEN
        CREATE ROLE {LEARNER_ROLE} NOLOGIN;
    END IF;
END $$;
REVOKE ALL ON classes, learners, plays, reviews, settings FROM PUBLIC;
GRANT SELECT, INSERT ON classes, learners TO {INSTRUCTOR_ROLE};
GRANT SELECT ON plays, reviews TO {INSTRUCTOR_ROLE};
GRANT SELECT ON classes, learners TO {LEARNER_ROLE};
GRANT SELECT ON schema_migrations TO {INSTRUCTOR_ROLE}, {LEARNER_ROLE};
GRANT SELECT, INSERT ON plays TO {LEARNER_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON reviews, settings TO {LEARNER_ROLE};
ALTER TABLE classes ENABLE ROW LEVEL SECURITY;
ALTER TABLE learners ENABLE ROW LEVEL SECURITY;
ALTER TABLE plays ENABLE ROW LEVEL SECURITY;
ALTER TABLE reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_classes ON classes TO {INSTRUCTOR_ROLE}
    USING (instructor = current_user) WITH CHECK (instructor = current_user);
CREATE POLICY my_class ON classes FOR SELECT TO {LEARNER_ROLE}
    USING (id IN (SELECT class_id FROM learners WHERE role = current_user));
CREATE POLICY class_learners ON learners TO {INSTRUCTOR_ROLE}
    USING (class_id IN (SELECT id FROM classes WHERE instructor = current_user))
    WITH CHECK (class_id IN (SELECT id FROM classes WHERE instructor = current_user));
CREATE POLICY myself ON learners FOR SELECT TO {LEARNER_ROLE} USING (role = current_user);
CREATE POLICY own_plays ON plays FOR SELECT TO {LEARNER_ROLE} USING (learner = current_user);
CREATE POLICY add_own_plays ON plays FOR INSERT TO {LEARNER_ROLE}
    WITH CHECK (learner = current_user);
CREATE POLICY class_plays ON plays FOR SELECT TO {INSTRUCTOR_ROLE}
    USING (learner IN (SELECT role FROM learners));
CREATE POLICY own_reviews ON reviews TO {LEARNER_ROLE}
    USING (learner = current_user) WITH CHECK (learner = current_user);
CREATE POLICY class_reviews ON reviews FOR SELECT TO {INSTRUCTOR_ROLE}
    USING (learner IN (SELECT role FROM learners));
CREATE POLICY own_settings ON settings TO {LEARNER_ROLE}
    USING (learner = current_user) WITH CHECK (learner = current_user)
"""
"""`class_plays` reads `learners` as the instructor, whose policy there shows only the
learners of their own classes: so the instructor reads those learners' rows alone."""

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "the tables: classes, learners, plays, review cards, settings", _TABLES),
    (2, "access: instructor and learner roles, row-level security", _ACCESS),
    # PostgreSQL stores NaN and infinities where SQLite's NOT NULL refuses a NaN: refuse them
    # too (NaN sorts above every number, so the check fails for it). Rows already stored are
    # left as they are (NOT VALID).
    (3, "a play's duration is a finite number",
     "ALTER TABLE plays ADD CONSTRAINT plays_duration_finite "
     "CHECK (duration > '-Infinity' AND duration < 'Infinity') NOT VALID"),
    # As the SQLite store's schema 4: the seed that shuffled a play's choices (NULL: file
    # order, as every play before), a timed exam's seconds per decision (NULL: untimed), and
    # the positions in its path of the decisions that timed out (a JSON list).
    (4, "a play keeps its seed, time limit and time-outs",
     "ALTER TABLE plays ADD COLUMN seed bigint, ADD COLUMN time_limit integer, "
     "ADD COLUMN timed_out text NOT NULL DEFAULT '[]'"),
)
"""(version, what it does, its SQL): a store at version N has had steps 1..N applied."""
LATEST = MIGRATIONS[-1][0]


class NewerClassStore(RuntimeError):
    """The class store was migrated by a newer version of scenario-tui."""


def version(connection: psycopg.Connection[tuple[Any, ...]]) -> int:
    """The store's schema version: 0 for an empty database."""
    exists = connection.execute(
        "SELECT to_regclass('schema_migrations') IS NOT NULL").fetchone()
    if not exists or not exists[0]:
        return 0
    row = connection.execute("SELECT coalesce(max(version), 0) FROM schema_migrations"
                             ).fetchone()
    return int(row[0]) if row else 0


def migrate(connection: psycopg.Connection[tuple[Any, ...]], upto: int = LATEST) -> list[int]:
    """Apply the steps the store lacks, up to `upto`; returns those applied. The connection
    must be the store's owner (or a superuser), outside a transaction."""
    applied: list[int] = []
    with connection.transaction():
        connection.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
        connection.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
            "description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())")
        current = version(connection)
        if current > LATEST:
            raise NewerClassStore(f"the class store has schema {current}, newer than this "
                                  f"version knows ({LATEST}): upgrade scenario-tui")
        for number, description, script in MIGRATIONS:
            if current < number <= upto:
                connection.execute(script.encode())
                connection.execute("INSERT INTO schema_migrations (version, description) "
                                    "VALUES (%s, %s)", (number, description))
                applied.append(number)
    return applied
