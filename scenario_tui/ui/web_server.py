"""`scenario-tui serve`: the app in the browser, through textual-serve.

textual-serve runs a small web server; each browser that opens the page gets its own app
process, started with a shell command line, and talks to it over a websocket. That command is
`scenario-tui --ask-learner` with this server's library folders and data dir, quoted for the
shell here and nowhere else. The server listens on the loopback interface unless `--public`
says otherwise: it has no login of its own, so beyond this machine it must sit behind a
reverse proxy that authenticates (README, "Play in the browser").
"""

from __future__ import annotations

import ipaddress
import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
TITLE = "scenario-tui"
PUBLIC_WARNING = (
    "warning: serving on {host}, beyond this machine. scenario-tui has no login of its own and "
    "a learner's name is not a password: put it behind a reverse proxy that authenticates "
    "(and passes websockets on), and let only the proxy reach this port. See README, "
    "\"Play in the browser\".")


def is_loopback(host: str) -> bool:
    """Whether `host` names this machine only (`localhost`, 127.0.0.0/8, ::1)."""
    if host.casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_refusal(host: str, public: bool) -> str | None:
    """Why the server must not listen on `host`, or None."""
    if public or is_loopback(host):
        return None
    return (f"--host {host} would serve beyond this machine, with no login: add --public "
            "once a reverse proxy that authenticates stands in front of it (see README)")


def app_command(scenario_dirs: Sequence[str | Path], root: Path,
                executable: Path | None = None, *, in_order: bool = False) -> str:
    """The shell command textual-serve runs for each browser: this installation's
    `scenario-tui`, asking who is playing, with every path absolute and quoted (textual-serve
    runs it through the shell)."""
    program = executable or Path(sys.executable).with_name("scenario-tui")
    words = [str(program)] if program.exists() else [sys.executable, "-m", "scenario_tui"]
    words += ["--ask-learner", "--data-dir", str(root.resolve())]
    for folder in scenario_dirs:
        words += ["--scenarios", str(Path(folder).resolve())]
    words += ["--in-order"] if in_order else []
    # The shell textual-serve starts becomes the app: one process per learner, not two.
    return ("exec " if os.name == "posix" else "") + shlex.join(words)


def serve(host: str, port: int, scenario_dirs: Sequence[str | Path], root: Path,
          public_url: str | None = None, *, in_order: bool = False) -> None:
    """Run the web server until Ctrl+C or SIGTERM."""
    from textual_serve.server import Server

    server = Server(app_command(scenario_dirs, root, in_order=in_order), host=host, port=port,
                    title=TITLE, public_url=public_url.rstrip("/") if public_url else None)
    server.serve()
