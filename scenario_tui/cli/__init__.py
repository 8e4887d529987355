"""The `scenario-tui` command line: the TUI by default, plus authoring and library commands.

Heavy imports (networkx, textual) happen inside the commands that need them, so `--help` and
the catalogue start quickly.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .play.modes import TIME_LIMIT

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


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


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
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
    out = command("export", group=steps, text="write all progress as JSON or CSV")
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

    from .play.class_commands import add_parser as add_class_parser

    add_class_parser(command)

    author = command("author", "live preview of one scenario file while "
                                 "you edit it")
    author.add_argument("file", metavar="FILE", help="the scenario file to watch")

    export = command("export", "read a scenario file and write its graph in another format")
    export.add_argument("file", metavar="FILE", help="the scenario file to read")
    from .format.graph_formats import FORMATS

    export.add_argument("--format", choices=FORMATS,
                        help="default: node-link (mermaid with --architecture)")
    export.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
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


def _usage_error(message: str) -> int:
    """Print `message` (whose file names may hold any character) as one line; exit status 2."""
    from .format.text_safety import visible

    print(f"scenario-tui: error: {visible(message)}", file=sys.stderr)
    return EXIT_USAGE


def _refusal(target: Path, force: bool) -> str | None:
    """Why a new file must not be written at `target`, or None: a folder, a link to nothing (the
    file would appear wherever it points), a device or pipe, or, unless `force`, a file."""
    if target.is_symlink() and not target.exists():
        return f"{target} is a link to a missing file: remove it or choose another name"
    if target.is_dir():
        return f"{target} is a folder: name a file"
    if target.exists() and not target.is_file():
        return f"{target} is not a regular file"
    if target.exists() and not force:
        return f"{target} already exists (use --force to overwrite)"
    return None


def _write_file(target: Path, text: str, force: bool) -> int:
    """Write `text` to `target`, which `_refusal` accepted. A new file is created only if
    nothing has appeared there since; an overwrite goes through a temporary file, so a full
    disk leaves the old file whole. A failure is one line and exit status 1."""
    import os

    from .format.text_safety import visible

    written: Path | None = None  # what this call created, to remove if it fails
    try:
        if force and target.exists():
            real = target.resolve()
            temp = real.with_name(f".{real.name}.{os.getpid()}.tmp")
            with open(temp, "x", encoding="utf-8") as handle:
                written = temp
                handle.write(text)
            os.replace(temp, real)
        else:
            with open(target, "x", encoding="utf-8") as handle:
                written = target
                handle.write(text)
        return EXIT_OK
    except OSError as error:
        if written is not None:
            written.unlink(missing_ok=True)
        reason = "it already exists" if isinstance(error, FileExistsError) else \
            (error.strerror or str(error))
        print(f"scenario-tui: error: cannot write {visible(str(target))}: {visible(reason)}",
              file=sys.stderr)
        return EXIT_PROBLEMS


def cmd_validate(args: argparse.Namespace) -> int:
    from .format.files import library_dir
    from .format.problems import failed, render
    from .play import library

    paths = [Path(p) for p in args.paths] or [library_dir()]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        return _usage_error(f"no such file or folder: {', '.join(missing)}")
    lib = library.load(paths, with_bundled=False)
    problems = lib.problems
    print(render(problems, len(lib.entries), args.format))
    return EXIT_PROBLEMS if failed(problems, args.strict) else EXIT_OK


def cmd_lint(args: argparse.Namespace) -> int:
    import json

    from .analysis import lint, path_report
    from .format.files import library_dir
    from .format.problems import failed, render
    from .play import library

    if args.rules:
        print(lint.rules_table())
        return EXIT_OK
    paths = [Path(p) for p in args.paths] or [library_dir()]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        return _usage_error(f"no such file or folder: {', '.join(missing)}")
    lib = library.load(paths, with_bundled=False)
    problems = list(lib.problems)
    reports = []
    for entry in lib.entries:
        if entry.playable and entry.scenario is not None:
            problems.extend(lint.lint(entry.scenario, lib.glossary))
            if args.path_report:
                reports.append((entry.scenario, path_report.report(entry.scenario)))
    problems.extend(lint.lint_library(
        [e.scenario for e in lib.entries if e.playable and e.scenario is not None],
        str(paths[0]) if len(paths) == 1 else "the files given"))
    skipped = [entry.path for entry in lib.entries if not entry.playable]
    if args.format == "json" and args.path_report:
        payload = json.loads(render(problems, len(lib.entries), "json", skipped))
        payload["paths"] = {s.path: {"paths": r.paths, "best": r.best, "worst": r.worst,
                                     "mean": r.mean, "pass_score": r.pass_score,
                                     "passing_paths": r.passing_paths,
                                     "distribution": r.distribution,
                                     "unused_by_passing": [[c.source, c.index, c.label]
                                                           for c in r.unused_by_passing]}
                            for s, r in reports}
        print(json.dumps(payload, indent=2))
    else:
        print(render(problems, len(lib.entries), args.format, skipped))
        for scenario, report in reports:
            print("\n" + path_report.render(scenario, report))
    return EXIT_PROBLEMS if failed(problems, args.strict) else EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    import os

    from .format import starter
    from .format.files import MISCONCEPTIONS_NAME, bundled_dir
    from .format.model import SLUG
    from .format.text_safety import visible

    if not SLUG.match(args.slug):
        return _usage_error(f"{args.slug!r} is not a slug: use lower-case letters, digits "
                            "and '-', like my-scenario")
    folder = Path(args.dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        return _usage_error(f"--dir: {folder} exists and is not a folder")
    except OSError as error:
        return _usage_error(f"--dir: cannot create {folder}: {error.strerror or error}")
    target = folder / f"{args.slug}.yaml"
    refusal = _refusal(target, args.force)
    if refusal:
        return _usage_error(refusal)
    schema = bundled_dir("assets") / "scenario.schema.json"
    relative = os.path.relpath(schema, folder.resolve())
    status = _write_file(target, starter.render(args.slug, Path(relative).as_posix()), args.force)
    if status != EXIT_OK:
        return status
    beliefs = folder / MISCONCEPTIONS_NAME
    if not beliefs.exists() and _write_file(beliefs, starter.MISCONCEPTIONS, False) == EXIT_OK:
        print(f"wrote {visible(str(beliefs))} (what the starter's misconception tags mean)")
    shown, where = visible(str(target)), visible(str(folder))
    print(f"wrote {shown}\nnext: edit it, then `scenario-tui validate {shown}` and "
          f"`scenario-tui play {args.slug} --scenarios {where}`")
    return EXIT_OK


def cmd_services(args: argparse.Namespace) -> int:
    """`scenario-tui services`: the ids `services:` accepts, from the bundled glossary and any
    `glossary.yaml` in or beside the `--scenarios` folders (a later card wins)."""
    import json

    from .format import glossary
    from .format.files import library_dir
    from .format.problems import render
    from .format.text_safety import one_line

    cards, problems = glossary.for_roots([library_dir(), *args.scenarios])
    if problems:
        print(render(problems, 0, "text").rsplit("\n", 1)[0], file=sys.stderr)
    ordered = sorted(cards.values(), key=lambda card: card.id)
    if args.format == "json":
        print(json.dumps([{"id": c.id, "name": c.name, "docs": c.docs} for c in ordered],
                         indent=2))
    else:
        width = max((len(c.id) for c in ordered), default=0)
        for card in ordered:
            print(f"{card.id.ljust(width)}  {one_line(card.name, 80)}")
    return EXIT_PROBLEMS if problems else EXIT_OK


def cmd_progress(args: argparse.Namespace) -> int:
    from .format.text_safety import one_line
    from .progress import transfer
    from .progress.store import StoreError, open_store

    output = Path(args.output) if args.action == "export" and args.output else None
    refusal = _refusal(output, args.force) if output else None
    if refusal:
        return _usage_error(f"-o: {refusal}")
    try:
        store = open_store(args.data_dir)
    except StoreError as error:  # a newer version's store among them: refused, left alone
        print(f"scenario-tui: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    if store.notice:
        print(store.notice, file=sys.stderr)
    try:
        if args.action == "export":
            text = (transfer.export_csv(store) if args.format == "csv"
                    else transfer.export_json(store))
            if output:
                return _write_file(output, text, args.force)
            sys.stdout.write(text)
            return EXIT_OK
        path = Path(args.file)
        if not path.is_file():
            return _usage_error(f"no such file: {args.file}")
        try:
            report = transfer.import_file(store, path)
        except (transfer.TransferError, StoreError) as error:
            print(f"scenario-tui: {one_line(str(error))}", file=sys.stderr)
            return EXIT_PROBLEMS
        for rejection in report.rejected:
            print(f"scenario-tui: {one_line(args.file)}, {rejection}", file=sys.stderr)
        rejected = f"; {len(report.rejected)} rejected" if report.rejected else ""
        print(f"imported {report.added} play-through(s); {report.present} were already "
              f"here{rejected}")
        return EXIT_OK if report.took_anything else EXIT_PROBLEMS
    finally:
        store.close()


def cmd_list(args: argparse.Namespace) -> int:
    from .analysis.scoring import analyse
    from .format.text_safety import one_line, visible
    from .play import library, packs

    lib = library.load([*packs.roots(args.data_dir), *args.scenarios])
    rows = [("ID", "TITLE", "DIFFICULTY", "DECISIONS", "BEST")]
    for scenario in lib.scenarios.values():
        analysis = analyse(scenario)
        rows.append((scenario.id, one_line(scenario.title, 60), scenario.difficulty,
                     str(analysis.decisions_on_best_path), str(analysis.best_score)))
    for entry in lib.broken:
        first = entry.errors[0] if entry.errors else None
        rows.append((visible(Path(entry.path).stem), f"BROKEN: {first.headline()}"
                     if first else "BROKEN", "-", "-", "-"))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
              + "  " + row[4])
    print(f"\n{len(lib.scenarios)} playable, {len(lib.broken)} broken. "
          "Check files with `scenario-tui validate PATH`.")
    return EXIT_OK


def cmd_coverage(args: argparse.Namespace) -> int:
    """`scenario-tui coverage`: the study topics per domain, with the scenarios that teach
    them (the bundled library, the installed packs and every `--scenarios` folder)."""
    from .analysis.coverage import coverage, render_json, render_text
    from .format.problems import render
    from .play import library, packs

    lib = library.load([*packs.roots(args.data_dir), *args.scenarios])
    if lib.syllabus_problems:
        print(render(lib.syllabus_problems, 1, "text"), file=sys.stderr)
        return EXIT_PROBLEMS
    report = coverage(lib.syllabus, lib.scenarios.values(), len(lib.broken))
    print(render_json(report) if args.format == "json" else render_text(report))
    return EXIT_OK


def cmd_pack(args: argparse.Namespace) -> int:
    """`scenario-tui pack add|list|remove`: packs live in the data dir (`play.packs`)."""
    import json

    from .format.problems import render
    from .format.text_safety import one_line, visible
    from .play import packs

    try:
        if args.action == "list":
            found = packs.installed(args.data_dir)
            if args.format == "json":
                print(json.dumps([p.manifest() | {"path": str(p.root)} for p in found],
                                 indent=2))
            elif not found:
                print("No packs installed. Add one with `scenario-tui pack add "
                      "PATH|GIT_URL[@REF]`.")
            for pack in found if args.format == "text" else ():
                at = f" at {pack.commit[:12]}" + (f" ({pack.ref})" if pack.ref else "") \
                    if pack.commit else ""
                print(visible(f"{pack.name}  {pack.scenarios} scenario(s)  from "
                              f"{one_line(pack.origin)}{at}  installed {pack.installed}"))
            return EXIT_OK
        if args.action == "remove":
            gone = packs.remove(args.name, args.data_dir)
            print(f"removed pack {gone.name} ({gone.scenarios} scenario(s)); the progress "
                  "made in them is kept")
            return EXIT_OK
        from .authoring.pack_install import add

        added = add(args.source, args.data_dir, name=args.name, force=args.force)
    except packs.PackError as error:
        print(f"scenario-tui: error: {one_line(str(error))}", file=sys.stderr)
        return EXIT_PROBLEMS
    for note in added.skipped:
        print(f"skipped {visible(note)}", file=sys.stderr)
    if added.problems:
        print(render(added.problems, added.pack.scenarios if added.pack else 0, "text")
              .rsplit("\n", 1)[0], file=sys.stderr)
    if added.pack is None:
        print(f"scenario-tui: pack refused: {len(added.errors)} error(s) listed above; "
              "nothing was installed", file=sys.stderr)
        return EXIT_PROBLEMS
    pack = added.pack
    pinned = f" pinned to {pack.commit}" if pack.commit else ""
    print(f"{'replaced' if added.replaced else 'installed'} pack {pack.name}: "
          f"{pack.scenarios} scenario(s) from {one_line(pack.origin)}{visible(pinned)}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from .analysis.validate import check_graph
    from .format import loader
    from .format.graph_formats import export
    from .format.problems import render

    path = Path(args.file)
    if not path.is_file():
        return _usage_error(f"no such file: {args.file}")
    output = Path(args.output) if args.output else None
    refusal = _refusal(output, args.force) if output else None
    if refusal:
        return _usage_error(f"-o: {refusal}")
    from .authoring.architecture_export import architecture_refusal, write_architecture

    refusal = architecture_refusal(args.architecture, args.format, args.path)
    if refusal:
        return _usage_error(refusal)
    scenario, problems = loader.load_file(path)
    if scenario is not None:
        problems = problems + check_graph(scenario)
    errors = [p for p in problems if p.is_error]
    if scenario is None or errors:
        print(render(errors, 1, "text"), file=sys.stderr)
        return EXIT_PROBLEMS
    if args.architecture:
        text, failure = write_architecture(scenario, args.format or "mermaid", args.path)
        if failure:
            return _usage_error(failure)
    else:
        from .analysis.scoring import analyse

        text = export(scenario, args.format or "node-link", analyse(scenario).best_path())
    if output:
        return _write_file(output, text, args.force)
    sys.stdout.write(text)
    return EXIT_OK


def cmd_author(args: argparse.Namespace) -> int:
    """`scenario-tui author FILE`: watch the file and preview it on every save."""
    from .format.files import GLOSSARY_NAME, SCENARIO_SUFFIXES

    path = Path(args.file)
    if not path.is_file():
        return _usage_error(f"no such file: {args.file}")
    if path.suffix not in SCENARIO_SUFFIXES or path.name == GLOSSARY_NAME:
        return _usage_error(f"{args.file} is not a scenario file: name it "
                            f"{', '.join(SCENARIO_SUFFIXES)} (and not {GLOSSARY_NAME})")
    from .ui.author_app import run

    return run(path)


def cmd_serve(args: argparse.Namespace) -> int:
    """`scenario-tui serve`: the served app, one process per browser, on loopback unless
    `--public`."""
    from .progress.store import data_dir
    from .ui import web_server

    refusal = web_server.host_refusal(args.host, args.public)
    if refusal:
        return _usage_error(refusal)
    if not 0 < args.port < 65536:
        return _usage_error(f"--port {args.port}: use a port from 1 to 65535")
    if not web_server.is_loopback(args.host):
        print(web_server.PUBLIC_WARNING.format(host=args.host), file=sys.stderr)
    web_server.serve(args.host, args.port, args.scenarios, data_dir(args.data_dir),
                     args.public_url, in_order=args.in_order)
    return EXIT_OK


def cmd_class(args: argparse.Namespace) -> int:
    """`scenario-tui class ...`; `class report` without --format opens the report screen in
    a terminal (and writes JSON when its output is not one)."""
    from .play import class_commands

    if args.action == "report" and args.format is None and not args.output:
        if sys.stdout.isatty():
            from .ui.class_report_app import run_report

            return class_commands.run(args, run_report)
        args.format = "json"
    return class_commands.run(args)


def cmd_tui(args: argparse.Namespace) -> int:
    if args.ask_learner:
        from .ui.served_app import run_served

        return run_served(args)
    from .ui.launch import run

    return run(args)


def cmd_play(args: argparse.Namespace) -> int:
    """`scenario-tui play ID [--exam]`: check the id, then open the TUI on that scenario."""
    from .play.session import Session

    session = Session.create(args.scenarios, args.data_dir)
    entries = session.scan()
    if session.entry(args.scenario_id) is None:
        broken = next((e for e in entries if e.id == args.scenario_id), None)
        if broken is not None:
            return _usage_error(f"scenario {args.scenario_id!r} is broken: "
                                f"{broken.first_error_line(session.shorten)}")
        known = ", ".join(sorted(e.id for e in entries if e.playable)) or "none"
        return _usage_error(f"no scenario with the id {args.scenario_id!r}. "
                            f"Playable ids: {known}")
    from .ui.launch import run

    return run(args, session)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(argv)
    missing = [d for d in args.scenarios if not Path(d).is_dir()]
    if missing:
        return _usage_error(f"--scenarios: no such folder: {', '.join(missing)}")
    timed = getattr(args, "timed", None)
    if timed is not None and not 0 < timed <= 24 * 60 * 60:
        return _usage_error(f"--timed {timed}: give the seconds per decision, from 1 to 86400")
    handlers = {"validate": cmd_validate, "list": cmd_list, "export": cmd_export,
                "pack": cmd_pack, "serve": cmd_serve, "services": cmd_services,
                "play": cmd_play, "lint": cmd_lint, "new": cmd_new,
                "progress": cmd_progress, "author": cmd_author, "coverage": cmd_coverage,
                "class": cmd_class}
    handler = handlers.get(args.command or "", cmd_tui)
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
