"""Commands that share the trainer: `pack` installs others' scenarios, `class` gathers a class's
progress, `serve` plays in the browser."""

from __future__ import annotations

import argparse
import sys

from .output import EXIT_OK, EXIT_PROBLEMS, usage_error


def cmd_pack(args: argparse.Namespace) -> int:
    """`scenario-tui pack add|list|remove`: packs live in the data dir (`play.packs`)."""
    import json

    from ..format.problems import render
    from ..format.text_safety import one_line, visible
    from ..play import packs

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
        from ..authoring.pack_install import add

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


def cmd_serve(args: argparse.Namespace) -> int:
    """`scenario-tui serve`: the served app, one process per browser, on loopback unless
    `--public`."""
    from ..progress.data_dirs import data_dir
    from ..ui import web_server

    refusal = web_server.host_refusal(args.host, args.public)
    if refusal:
        return usage_error(refusal)
    if not 0 < args.port < 65536:
        return usage_error(f"--port {args.port}: use a port from 1 to 65535")
    if not web_server.is_loopback(args.host):
        print(web_server.PUBLIC_WARNING.format(host=args.host), file=sys.stderr)
    web_server.serve(args.host, args.port, args.scenarios, data_dir(args.data_dir),
                     args.public_url, in_order=args.in_order)
    return EXIT_OK


def cmd_class(args: argparse.Namespace) -> int:
    """`scenario-tui class ...`; `class report` without --format opens the report screen in
    a terminal (and writes JSON when its output is not one)."""
    from ..play import class_commands

    if args.action == "report" and args.format is None and not args.output:
        if sys.stdout.isatty():
            from ..ui.class_report_app import run_report

            return class_commands.run(args, run_report)
        args.format = "json"
    return class_commands.run(args)
