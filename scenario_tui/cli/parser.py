"""The command line's parsers: the global options that open the catalogue, and every command's
own (built only when a command is given)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from ..play.modes import TIME_LIMIT


def _global_parser(**extra: Any) -> argparse.ArgumentParser:
    """The top-level options; enough on its own to open the catalogue."""
    parser = argparse.ArgumentParser(
        prog="scenario-tui",
        description="Train cloud-architecture decisions as playable decision trees.",
        epilog="Run without a command to open the catalogue. Authors: see docs/authoring.md.",
        **extra,
    )
    parser.add_argument("--scenarios", action="append", default=[], metavar="DIR",
                        help="add an author's folder of scenarios to the library (repeatable)")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="where progress is stored (default: the platform's user data dir)")
    parser.add_argument("--ask-learner", action="store_true",
                        help="ask who is playing first, and keep each learner's progress in a "
                             "folder of its own under the data dir (what `serve` runs)")
    _play_options(parser)
    return parser


def _play_options(parser: argparse.ArgumentParser, **default: Any) -> None:
    """`--in-order` and `--timed`, on the catalogue and on `play`."""
    parser.add_argument("--in-order", action="store_true", **default,
                        help="show each decision's choices in the file's order, not shuffled "
                             "(for authors)")
    parser.add_argument("--timed", nargs="?", type=int, const=TIME_LIMIT, metavar="SECONDS",
                        **default, help="a timed exam: a countdown on each decision (default "
                        f"{TIME_LIMIT} s; a time-out scores as the worst answer there)")


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Opening the catalogue needs only the global options: skip building every subcommand's
    parser (and importing what their choices come from) when no command is given."""
    quick = _global_parser(add_help=False)
    known, rest = quick.parse_known_args(argv)
    if not rest:
        known.command = None
        return known
    return _parser().parse_args(argv)


def _parser() -> argparse.ArgumentParser:
    parser = _global_parser()
    # The same options after a command (`scenario-tui play ID --scenarios DIR`) work too.
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("--scenarios", action="append", default=argparse.SUPPRESS,
                        metavar="DIR", help="add an author's folder of scenarios")
    shared.add_argument("--data-dir", default=argparse.SUPPRESS, metavar="DIR",
                        help="where progress is stored")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, text: str, group: Any = commands) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = group.add_parser(name, parents=[shared], help=text)
        return parser


    play = command("play", "play one scenario by id")
    play.add_argument("scenario_id", metavar="ID")
    play.add_argument("--exam", action="store_true", help="no feedback until the debrief")
    _play_options(play, default=argparse.SUPPRESS)

    command("list", "print the library: id, title, difficulty, decisions, best")

    cover = command("coverage", "which scenarios teach each study topic, per exam domain")
    cover.add_argument("--format", choices=("text", "json"), default="text")

    check = command("validate", "check scenario files and folders")
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="files or folders (default: the bundled library)")
    check.add_argument("--format", choices=("text", "json", "github"), default="text")
    _exit_statuses(check)

    lint = command("lint", "teaching-quality rules on top of validity")
    lint.add_argument("paths", nargs="*", metavar="PATH",
                      help="files or folders (default: the bundled library)")
    lint.add_argument("--format", choices=("text", "json", "github"), default="text")
    lint.add_argument("--paths", dest="path_report", action="store_true",
                      help="also report path counts and the score distribution")
    lint.add_argument("--rules", action="store_true", help="list the rules and exit")
    _exit_statuses(lint)

    services = command("services", "list the glossary's service ids and names (for "
                                    "`services:`)")
    services.add_argument("--format", choices=("text", "json"), default="text")

    new = command("new", "write a starter scenario that validates as is")
    new.add_argument("slug", metavar="SLUG", help="the new scenario's id, like my-scenario")
    new.add_argument("--dir", default=".", metavar="DIR",
                     help="folder to write it in (created with its parents if missing)")
    new.add_argument("--force", action="store_true", help="overwrite an existing file")

    progress = command("progress", "export or import the learner's progress")
    steps = progress.add_subparsers(dest="action", metavar="ACTION", required=True)
    out = command("export", group=steps,
                  text="write all progress as JSON, or its play-throughs as CSV")
    out.add_argument("--format", choices=("json", "csv"), default="json")
    out.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    out.add_argument("--force", action="store_true", help="overwrite an existing FILE")
    into = command("import", group=steps, text="merge an export into this machine's progress")
    into.add_argument("file", metavar="FILE",
                      help="a JSON or CSV export; records that fail a check are listed and "
                           "skipped (exit 1 if it is not an export or nothing in it is taken)")

    pack = command("pack", "install, list or remove scenario packs (folders or git repos)")
    pack_steps = pack.add_subparsers(dest="action", metavar="ACTION", required=True)
    pack_add = command("add", group=pack_steps, text="check a pack and install it")
    pack_add.add_argument("source", metavar="PATH|GIT_URL[@REF]",
                          help="a folder, or a git URL (https, ssh, file) at a branch, tag or "
                               "commit (default: its default branch), pinned to that commit")
    pack_add.add_argument("--name", help="install it under this name (default: the folder's "
                                         "or repository's name)")
    pack_add.add_argument("--force", action="store_true",
                          help="replace an installed pack of the same name")
    pack_list = command("list", group=pack_steps, text="list the installed packs")
    pack_list.add_argument("--format", choices=("text", "json"), default="text")
    pack_remove = command("remove", group=pack_steps, text="remove an installed pack")
    pack_remove.add_argument("name", metavar="NAME")

    serve = command("serve", "play in the browser: a local web server (textual-serve)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--public", action="store_true",
                       help="allow a --host beyond this machine: only behind a reverse proxy "
                            "that authenticates")
    serve.add_argument("--public-url", metavar="URL",
                       help="the address browsers use, when a proxy stands in front "
                            "(like https://train.example.org)")
    serve.add_argument("--in-order", action="store_true",
                       help="show every learner the choices in the file's order, not shuffled")

    from ..play.class_commands import add_parser as add_class_parser

    add_class_parser(command)

    author = command("author", "live preview of one scenario file while "
                                 "you edit it")
    author.add_argument("file", metavar="FILE", help="the scenario file to watch")

    export = command("export", "read a scenario file and write its graph in another format")
    export.add_argument("file", metavar="FILE", help="the scenario file to read")
    from ..format.graph_formats import FORMATS

    export.add_argument("--format", choices=FORMATS,
                        help="default: node-link (mermaid with --architecture)")
    export.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout "
                        "(node-link data as JSON when OUT ends in .json)")
    export.add_argument("--force", action="store_true", help="overwrite an existing OUT")
    export.add_argument("--architecture", action="store_true",
                        help="write the system the best path builds (mermaid or dot)")
    export.add_argument("--path", metavar="N,N,...",
                        help="with --architecture: the system this path builds instead, as "
                             "choice numbers in file order from the start (like 1,2,1)")
    return parser


def _exit_statuses(parser: argparse.ArgumentParser) -> None:
    """`--strict` and the exit statuses, as `validate` and `lint` share them."""
    parser.add_argument("--strict", action="store_true",
                        help="fail on warnings too (for CI and pre-commit hooks)")
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = ("exit status: 0 no errors (warnings alone pass, unless --strict), "
                     "1 errors found\n(or warnings, with --strict), 2 usage error")
