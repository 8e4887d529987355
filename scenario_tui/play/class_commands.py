"""`scenario-tui class ...`: run a class on a shared PostgreSQL store.

The instructor's side: `server` (a local class server to try it out), `migrate`,
`add-instructor`, `create`, `add-learner`, `report`. The learner's: `join`, `sync`. Each finds
the class store through $SCENARIO_TUI_CLASS_URL or the class file (`progress.class_config`);
a failure is one line on stderr and exit status 1, and no connection string is ever printed
except the credentials a command exists to hand over.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import psycopg

    from ..progress.class_report import ClassReport

EXIT_OK, EXIT_FAILED = 0, 1


def add_parser(command: Callable[..., argparse.ArgumentParser]) -> None:
    """The `class` command and its actions, made with the CLI's `command` factory."""
    group = command("class", "run a class on a shared PostgreSQL store (instructors and "
                             "learners)")
    steps = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    server = command("server", group=steps, text="start a local class server to try it out "
                                                 "(saves the instructor's connection)")
    server.add_argument("--dir", metavar="DIR", help="where it keeps its data (default: "
                                                     "class-server in the data dir)")
    command("migrate", group=steps, text="bring the class store's schema up to date (its "
                                         "owner)")
    instructor = command("add-instructor", group=steps, text="add an instructor login (the "
                                                             "store's owner); prints it once")
    instructor.add_argument("login", metavar="LOGIN")
    create = command("create", group=steps, text="create a class; prints its id")
    create.add_argument("name", metavar="NAME")
    learner = command("add-learner", group=steps, text="add a learner; prints their join "
                                                       "code once")
    learner.add_argument("class_name", metavar="CLASS", help="the class's name or id")
    learner.add_argument("name", metavar="NAME", help="the learner's name, as you will see it")
    join = command("join", group=steps, text="join a class with the code your instructor gave "
                                             "you")
    join.add_argument("code", metavar="CODE")
    command("sync", group=steps, text="send your plays to the class store (nothing is lost "
                                      "offline; run it again any time)")
    report = command("report", group=steps, text="the class's progress, scores, misconceptions "
                                                 "and reviews (a screen, or CSV/JSON)")
    report.add_argument("class_name", nargs="?", metavar="CLASS",
                        help="the class's name or id (default: your only class)")
    report.add_argument("--format", choices=("csv", "json"),
                        help="write the report instead of opening the screen")
    report.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")


def _fail(message: str) -> int:
    from ..format.text_safety import one_line

    print(f"scenario-tui class: {one_line(message, 400)}", file=sys.stderr)
    return EXIT_FAILED


def run(args: argparse.Namespace,
        action: Callable[[argparse.Namespace], int] | None = None) -> int:
    """One `class` action (`action` instead, for the report screen); what fails is a
    one-line reason, never a traceback."""
    import psycopg

    from ..progress.classes import ClassError
    from ..progress.local_server import ServerError
    from ..progress.pg_schema import NewerClassStore
    from ..progress.store_errors import StoreError

    actions: dict[str, Callable[[argparse.Namespace], int]] = {
        "server": _server, "migrate": _migrate, "add-instructor": _add_instructor,
        "create": _create, "add-learner": _add_learner, "join": _join, "sync": _sync,
        "report": _report_out}
    try:
        return (action or actions[args.action])(args)
    except (StoreError, ClassError, NewerClassStore, ServerError) as error:
        return _fail(str(error))
    except psycopg.errors.InsufficientPrivilege:
        return _fail("your login may not do that in the class store")
    except psycopg.Error as error:
        return _fail(f"the class store refused: {type(error).__name__}")


def _connect(args: argparse.Namespace) -> psycopg.Connection[tuple[Any, ...]]:
    from ..progress import class_config
    from ..progress.pg_store import connect

    return connect(class_config.load(args.data_dir).url)


def _server(args: argparse.Namespace) -> int:
    from ..progress import class_config, local_server
    from ..progress.classes import add_instructor
    from ..progress.data_dirs import data_dir
    from ..progress.pg_schema import migrate
    from ..progress.pg_store import connect

    folder = Path(args.dir) if args.dir else data_dir(args.data_dir) / "class-server"
    if (folder / local_server.PASSWORD_FILE).exists():
        server = local_server.open_existing(folder)
        print(f"class server running on 127.0.0.1:{server.port} ({folder})")
        return EXIT_OK
    server = local_server.create(folder)
    admin = connect(server.url())
    admin.execute("CREATE DATABASE classroom")
    admin.close()
    owner = connect(server.url("classroom"))
    migrate(owner)
    login = add_instructor(owner, "instructor")
    owner.close()
    saved = class_config.save(class_config.ClassLink(
        server.url("classroom", login.role, login.password)), args.data_dir)
    print(f"class server running on 127.0.0.1:{server.port} ({folder}); stop it with "
          f"pg_ctl -D {server.data} stop")
    print(f"the instructor's connection is saved in {saved}: now `scenario-tui class create "
          "NAME`")
    return EXIT_OK


def _migrate(args: argparse.Namespace) -> int:
    from ..progress.pg_schema import LATEST, migrate

    with _connect(args) as connection:
        applied = migrate(connection)
    print(f"applied migration(s) {', '.join(map(str, applied))}; schema {LATEST}" if applied
          else f"the class store is up to date (schema {LATEST})")
    return EXIT_OK


def _add_instructor(args: argparse.Namespace) -> int:
    from ..progress import class_config
    from ..progress.classes import add_instructor

    with _connect(args) as connection:
        login = add_instructor(connection, args.login)
        url = class_config.learner_url(class_config.load(args.data_dir).url, login.role,
                                       login.password)
    print(f"instructor {login.role} added. Give them this connection (it holds their "
          "password; it is shown once):")
    print(f"{class_config.URL_VARIABLE}='{url}'")
    return EXIT_OK


def _create(args: argparse.Namespace) -> int:
    from ..progress.classes import create_class
    from ..progress.pg_schema import LATEST, version

    with _connect(args) as connection:
        if version(connection) < LATEST:
            return _fail("the class store's schema is not up to date: its owner runs "
                         "`scenario-tui class migrate`")
        class_id = create_class(connection, args.name)
    print(class_id)
    return EXIT_OK


def _add_learner(args: argparse.Namespace) -> int:
    from ..format.text_safety import one_line
    from ..progress import class_config
    from ..progress.classes import add_learner, find_class

    link = class_config.load(args.data_dir)
    with _connect(args) as connection:
        class_id, class_name = find_class(connection, args.class_name)
        login = add_learner(connection, class_id, args.name)
    code = class_config.join_code(class_config.ClassLink(
        class_config.learner_url(link.url, login.role, login.password), class_id,
        " ".join(args.name.split())))
    print(f"{one_line(args.name, 80)} is in {one_line(class_name, 80)}. Their join code (it "
          "holds their password; it is shown once):")
    print(code)
    print("They run: scenario-tui class join CODE")
    return EXIT_OK


def _join(args: argparse.Namespace) -> int:
    from ..format.text_safety import one_line
    from ..progress import class_config

    link = class_config.read_join_code(args.code)
    path = class_config.save(link, args.data_dir)
    print(f"joined as {one_line(link.learner, 80)}; the class's connection is saved in {path} "
          "(readable by you only). `scenario-tui class sync` sends your plays.")
    return EXIT_OK


def _sync(args: argparse.Namespace) -> int:
    from ..progress import class_config
    from ..progress.class_sync import sync
    from ..progress.store import open_store

    link = class_config.load(args.data_dir)
    local = open_store(args.data_dir)
    try:
        report = sync(local, link.url)
    finally:
        local.close()
    print(f"sent {report.sent} play(s), {report.added} new to the class store, and "
          f"{report.reviews} review card(s)")
    return EXIT_OK


def report(args: argparse.Namespace, at: str | None = None) -> ClassReport:
    """The report on the class `args.class_name` (or the instructor's only class), scored
    against the library `args.scenarios` adds to."""
    from ..format.misconceptions import for_roots
    from ..progress import class_report
    from ..progress.classes import ClassError, find_class
    from ..progress.store import now_utc
    from .session import Session

    with _connect(args) as connection:
        if args.class_name:
            class_id, _ = find_class(connection, args.class_name)
        else:
            ids = [str(r[0]) for r in connection.execute("SELECT id::text FROM classes")]
            if len(ids) != 1:
                raise ClassError("name the class: you have " + ("no class yet" if not ids
                                                                else f"{len(ids)} classes"))
            class_id = ids[0]
        data = class_report.fetch(connection, class_id)
    session = Session.create(args.scenarios, args.data_dir)
    session.scan()
    scenarios = session.loaded(play.scenario_id for _, play in data.plays)
    return class_report.build(data, scenarios, for_roots(session.roots), at or now_utc())


def _report_out(args: argparse.Namespace) -> int:
    """`class report --format csv|json` (the CLI opens the screen without --format)."""
    from ..progress.class_report_format import to_csv, to_json

    made = report(args)
    text = to_csv(made) if args.format == "csv" else to_json(made)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK

