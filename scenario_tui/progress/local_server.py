"""A PostgreSQL cluster of its own on this machine: to try a class out, and for the tests.

It is made with `initdb` and run with `pg_ctl` from the PostgreSQL install found on the
machine (on PATH, else Debian's /usr/lib/postgresql/N/bin). It listens on 127.0.0.1 only, on a
free port, and asks for a password (SCRAM) on every connection, its own superuser's too; the
password is kept in a 0600 file in the cluster's folder, never on a command line. PostgreSQL
refuses to run as root, so as root the cluster belongs to the `postgres` user (Debian's
package makes it), else to `nobody`.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

SUPERUSER = "scenario_admin"
"""The cluster's superuser: the class store's owner, who runs migrations."""
PASSWORD_FILE = "admin-password"
"""The superuser's password, beside the cluster's data (0600)."""
PORT_FILE = "port"
"""The port it listens on, so a restart keeps its address."""


class ServerError(RuntimeError):
    """The cluster could not be made, started or stopped; the text says why."""


def bin_dir() -> Path | None:
    """The folder with `initdb` and `pg_ctl`, or None when PostgreSQL is not installed."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                      key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit()
                      else 0)
    return versions[-1].parent if versions else None


def _owner() -> str | None:
    """The user the cluster runs as when this process is root; None: this process's user."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise ServerError("PostgreSQL will not run as root, and there is no `postgres` or "
                      "`nobody` user to run it as")


def free_port() -> int:
    """A port nothing listens on now, on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class LocalServer:
    """One cluster: its folder (data, socket, log, password file), port and superuser."""

    directory: Path
    port: int
    password: str
    owner: str | None = None
    """The user it runs as (None: this process's)."""
    fast: bool = False
    """No fsync: for tests, where the machine does not crash. Commits stay synchronous: with
    `synchronous_commit=off` a server stopped with `-m immediate` loses commits it confirmed
    (the outage test saw it), and a sync trusts a confirmed commit."""

    @property
    def data(self) -> Path:
        return self.directory / "data"

    def url(self, database: str = "postgres", user: str = SUPERUSER,
            password: str | None = None) -> str:
        """A connection URL to `database` as `user` (the superuser by default)."""
        secret = self.password if password is None else password
        return (f"postgresql://{quote(user, safe='')}:{quote(secret, safe='')}@127.0.0.1:"
                f"{self.port}/{quote(database, safe='')}")

    def _run(self, *command: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        found = bin_dir()
        if found is None:
            raise ServerError("PostgreSQL is not installed (no initdb found)")
        argv = [str(found / command[0]), *command[1:]]
        if self.owner is not None:
            argv = ["runuser", "-u", self.owner, "--", *argv]
        result = subprocess.run(argv, capture_output=True, text=True, check=False,
                                stdin=subprocess.DEVNULL, timeout=120)
        if check and result.returncode != 0:
            raise ServerError(f"{command[0]} failed: {(result.stderr or result.stdout).strip()}")
        return result

    def start(self) -> None:
        """Start it, waiting until it takes connections."""
        options = (f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1"
                   + (" -c fsync=off -c full_page_writes=off" if self.fast else ""))
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.directory / "server.log"),
                  "-o", options, "-w", "-t", "60", "start")

    def stop(self, mode: str = "fast") -> None:
        """Stop it: `fast` rolls back what is under way; `immediate` is a crash."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop",
                  check=False)

    def running(self) -> bool:
        return self._run("pg_ctl", "-D", str(self.data), "status", check=False).returncode == 0


def create(directory: Path, port: int | None = None, fast: bool = False) -> LocalServer:
    """Make a cluster in `directory` (created, or empty) and start it."""
    owner = _owner()
    directory.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(24)
    secret = directory / PASSWORD_FILE
    descriptor = os.open(secret, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write(password + "\n")
    if owner is not None:
        record = pwd.getpwnam(owner)
        for path in (directory, secret):
            os.chown(path, record.pw_uid, record.pw_gid)
    server = LocalServer(directory, port or free_port(), password, owner, fast)
    if owner is not None and subprocess.run(
            ["runuser", "-u", owner, "--", "test", "-w", str(directory)],
            check=False, stdin=subprocess.DEVNULL, capture_output=True).returncode != 0:
        raise ServerError(f"the {owner} user, who runs the server here (PostgreSQL will not "
                          f"run as root), cannot reach {directory}: choose a folder it can, "
                          "such as one under /srv or /var/tmp")
    server._run("initdb", "-D", str(server.data), "-U", SUPERUSER, f"--pwfile={secret}",
                "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync")
    (directory / PORT_FILE).write_text(f"{server.port}\n", encoding="utf-8")
    server.start()
    return server


def open_existing(directory: Path) -> LocalServer:
    """The cluster `create` made in `directory`, started (on its port) if it is not running."""
    try:
        password = (directory / PASSWORD_FILE).read_text(encoding="utf-8").strip()
        port = int((directory / PORT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ServerError(f"{directory} holds no class server made by scenario-tui") from error
    server = LocalServer(directory, port, password, _owner())
    if not server.running():
        server.start()
    return server
