"""The `scenario-tui` command line: the TUI by default, plus authoring and library commands.

Heavy imports (networkx, textual) happen inside the commands that need them, so `--help` and
the catalogue start quickly.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from .authoring_commands import cmd_author, cmd_export, cmd_new
from .library_commands import cmd_coverage, cmd_lint, cmd_list, cmd_services, cmd_validate
from .output import EXIT_OK, usage_error
from .parser import parse
from .play_commands import cmd_play, cmd_tui
from .progress_commands import cmd_progress
from .sharing_commands import cmd_class, cmd_pack, cmd_serve


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    missing = [d for d in args.scenarios if not Path(d).is_dir()]
    if missing:
        return usage_error(f"--scenarios: no such folder: {', '.join(missing)}")
    timed = getattr(args, "timed", None)
    if timed is not None and not 0 < timed <= 24 * 60 * 60:
        return usage_error(f"--timed {timed}: give the seconds per decision, from 1 to 86400")
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
