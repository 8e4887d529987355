"""The `scenario-tui` command line: the TUI by default, plus authoring and library commands.

Heavy imports (networkx, textual) happen inside the commands that need them, and a command's
module is imported only when it is given, so `--help` and the catalogue start quickly.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from pathlib import Path

from .output import EXIT_OK, usage_error
from .parser import parse

HANDLERS: dict[str, tuple[str, str]] = {
    "validate": ("library_commands", "cmd_validate"), "list": ("library_commands", "cmd_list"),
    "services": ("library_commands", "cmd_services"), "lint": ("library_commands", "cmd_lint"),
    "coverage": ("library_commands", "cmd_coverage"),
    "export": ("authoring_commands", "cmd_export"), "new": ("authoring_commands", "cmd_new"),
    "author": ("authoring_commands", "cmd_author"),
    "pack": ("sharing_commands", "cmd_pack"), "serve": ("sharing_commands", "cmd_serve"),
    "class": ("sharing_commands", "cmd_class"),
    "progress": ("progress_commands", "cmd_progress"), "play": ("play_commands", "cmd_play"),
}
"""Each command's module (in this package) and function; no command opens the catalogue."""


def handler(command: str | None) -> Callable[[argparse.Namespace], int]:
    """The function that runs `command`, its module imported now."""
    module, name = HANDLERS.get(command or "", ("play_commands", "cmd_tui"))
    found: Callable[[argparse.Namespace], int] = getattr(
        import_module(f"{__name__}.{module}"), name)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    missing = [d for d in args.scenarios if not Path(d).is_dir()]
    if missing:
        return usage_error(f"--scenarios: no such folder: {', '.join(missing)}")
    timed = getattr(args, "timed", None)
    if timed is not None and not 0 < timed <= 24 * 60 * 60:
        return usage_error(f"--timed {timed}: give the seconds per decision, from 1 to 86400")
    try:
        return handler(args.command)(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
