"""Where a pack's files come from: a folder as it is, or a git repository at one commit.

Both give the same value, the pack's files as bytes by relative path, so installing never
depends on where they came from. Only what the library reads is taken (scenario files, glossary
and misconceptions files) and only as data: hidden files and folders are left out as the
library leaves them out, a symbolic link is never followed (it is noted as skipped), and no
file keeps an executable bit. A name that could escape the pack's folder is refused.

Git never checks anything out. The repository is cloned bare (no hooks: neither the user's
`core.hooksPath` nor a template's), the ref is resolved to a commit, and the blobs of that
commit's tree are read one by one with `git cat-file`: no checkout hook, filter or submodule
can run, and a symlink in the tree is just a mode to skip. Only the file, https and ssh
transports are allowed (no `ext::` helpers), and git never prompts for a password.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ..format.files import GLOSSARY_NAME, MISCONCEPTIONS_NAME, SCENARIO_SUFFIXES
from ..format.problems import ERROR, Problem
from ..format.text_safety import visible
from ..play.packs import PackError

MAX_FILES = 500
MAX_FILE_BYTES = 1024 * 1024
"""A scenario is a few KB; a file larger than this is refused, never read whole."""
MAX_TOTAL_BYTES = 20 * 1024 * 1024
GIT_PROTOCOLS = "file:https:ssh"
"""`GIT_ALLOW_PROTOCOL`: transports git may use (not `ext::`, which runs a command)."""
GIT_TIMEOUT = 600.0
"""Seconds a git command may take before the add gives up."""
UNSAFE = "E061"
"""A file that cannot be installed: a name that could escape, or too large, or too many."""
_URL = re.compile(r"^([a-z][a-z0-9+.-]*)://([^/]*)(.*)$", re.IGNORECASE)
_SCP = re.compile(r"^([\w.-]+@)?[\w.-]+:(?!//|:)(.+)$")
_GIT_ENV_DROPPED = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
                    "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_NAMESPACE",
                    "GIT_CONFIG", "GIT_CONFIG_COUNT", "GIT_CONFIG_PARAMETERS", "GIT_TEMPLATE_DIR")
"""Variables that would point git at another repository or add configuration."""


@dataclass(frozen=True)
class Origin:
    """Where `pack add` was told to look: a folder, or a git URL and the ref asked for."""

    location: str
    ref: str = ""
    git: bool = False

    def default_name(self) -> str:
        """The last part of the folder or URL, as a slug: `aws-extra.git` gives `aws-extra`."""
        tail = re.split(r"[/:\\]", self.location.rstrip("/\\"))[-1]
        tail = tail[:-4] if tail.endswith(".git") else tail
        return re.sub(r"[^a-z0-9]+", "-", tail.lower()).strip("-")


@dataclass
class Gathered:
    """A pack's files, read but not yet written anywhere."""

    files: dict[str, bytes] = field(default_factory=dict)
    """Contents by relative path, `/`-separated."""
    skipped: list[str] = field(default_factory=list)
    """What was left out on purpose, one line each (a link, a submodule)."""
    problems: list[Problem] = field(default_factory=list)
    """Files that cannot be installed (`UNSAFE`); the pack is refused if there are any."""
    commit: str = ""
    total: int = 0

    def take(self, name: str, size: int) -> bool:
        """Whether a file of `size` bytes at `name` may be read, reporting why not."""
        if size > MAX_FILE_BYTES:
            self._refuse(name, f"{size:,} bytes is more than a pack file may hold "
                         f"({MAX_FILE_BYTES // 1024} KB)", "a scenario is a few KB of text")
            return False
        if len(self.files) >= MAX_FILES or self.total + size > MAX_TOTAL_BYTES:
            self._refuse(name, f"the pack holds more than {MAX_FILES} files or "
                         f"{MAX_TOTAL_BYTES // (1024 * 1024)} MB: the rest was not read",
                         "split it into smaller packs")
            return False
        return True

    def add(self, name: str, data: bytes) -> None:
        self.files[name] = data
        self.total += len(data)

    def _refuse(self, name: str, message: str, hint: str) -> None:
        self.problems.append(Problem(name, 0, 0, ERROR, UNSAFE, message, hint))


def wanted(name: str) -> bool:
    """Whether the library reads a file of this name (the rest of a repository is left)."""
    return name in (GLOSSARY_NAME, MISCONCEPTIONS_NAME) or \
        os.path.splitext(name)[1] in SCENARIO_SUFFIXES


def safe_path(relative: str) -> bool:
    """A relative `/`-separated path that stays inside the pack: no empty, `.`, `..` or hidden
    part, no backslash, no control or invisible character."""
    parts = relative.split("/")
    return all(part and not part.startswith(".") and "\\" not in part
               and visible(part) == part and part.isprintable() for part in parts)


def parse(spec: str) -> Origin:
    """`PATH`, `PATH@REF` (a git checkout at REF), `URL` or `URL@REF`, as `pack add` takes it.
    An existing folder is taken as it is, even with an `@` in its name."""
    if spec.startswith("-"):
        raise PackError(f"{spec!r} is not a folder or a git URL")
    url, scp = _URL.match(spec), _SCP.match(spec)
    if url:
        scheme = url.group(1).lower()
        if scheme not in GIT_PROTOCOLS.split(":"):
            raise PackError(f"{scheme}:// is not allowed: use an https://, ssh:// or file:// "
                            "URL, or a folder")
        head, path = f"{url.group(1)}://{url.group(2)}", url.group(3)
    elif scp and not Path(spec).exists():
        head, path = spec[:len(spec) - len(scp.group(2))], scp.group(2)
    else:
        if Path(spec).is_dir():
            return Origin(spec)
        location, _, ref = spec.rpartition("@")
        if location and Path(location).is_dir():
            return Origin(location, _checked_ref(ref), git=True)
        raise PackError(f"no such folder: {spec} (a git URL starts with https://, ssh:// "
                        "or file://)")
    location, at, ref = path.rpartition("@")
    if not at:
        return Origin(spec, git=True)
    return Origin(head + location, _checked_ref(ref), git=True)


def _checked_ref(ref: str) -> str:
    if not ref or ref.startswith("-") or not ref.isprintable() or any(c.isspace() for c in ref):
        raise PackError(f"{ref!r} is not a branch, tag or commit")
    return ref


def from_folder(folder: Path) -> Gathered:
    """The pack's files in `folder` as they are now (no links followed)."""
    gathered = Gathered()
    _walk(folder, "", gathered)
    return gathered


def _walk(folder: Path, prefix: str, gathered: Gathered) -> None:
    try:
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda e: e.name)
    except OSError as error:
        raise PackError(f"cannot read {folder}: {error.strerror or error}") from error
    for entry in entries:
        name = prefix + entry.name
        if entry.name.startswith("."):
            continue
        if entry.is_symlink():
            if wanted(entry.name) or entry.is_dir():
                gathered.skipped.append(f"{name}: a symbolic link, not followed")
            continue
        if entry.is_dir(follow_symlinks=False):
            _walk(Path(entry.path), name + "/", gathered)
        elif wanted(entry.name):
            _read_file(Path(entry.path), name, gathered)


def _read_file(path: Path, name: str, gathered: Gathered) -> None:
    """Read a regular file without following a link that replaced it since it was listed."""
    if not safe_path(name):
        gathered.problems.append(Problem(name, 0, 0, ERROR, UNSAFE, "this file name cannot "
                                         "be installed", "rename it: letters, digits, '-'"))
        return
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        gathered.skipped.append(f"{name}: cannot be read, not copied")
        return
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            gathered.skipped.append(f"{name}: not a regular file, not copied")
        elif gathered.take(name, info.st_size):
            gathered.add(name, stream.read(MAX_FILE_BYTES + 1)[:MAX_FILE_BYTES])


def _git_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _GIT_ENV_DROPPED}
    env.update(GIT_TERMINAL_PROMPT="0", GIT_ALLOW_PROTOCOL=GIT_PROTOCOLS, LC_ALL="C")
    return env


def _git(*args: str, repo: Path | None = None) -> bytes:
    """Run git with hooks off; `PackError` with git's own last words when it fails."""
    command = ["git", "-c", "core.hooksPath=/dev/null", "-c", "core.fsmonitor=false",
               "-c", "protocol.ext.allow=never"]
    if repo is not None:
        command.append(f"--git-dir={repo}")
    try:
        done = subprocess.run([*command, *args], capture_output=True, env=_git_env(),
                              stdin=subprocess.DEVNULL, timeout=GIT_TIMEOUT, check=False)
    except FileNotFoundError as error:
        raise PackError("git is not installed: install it, or add the pack from a folder") \
            from error
    except subprocess.TimeoutExpired as error:
        raise PackError(f"git took longer than {GIT_TIMEOUT:.0f} s: nothing was installed") \
            from error
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PackError(f"git {args[0]} failed: {said[-1] if said else done.returncode}")
    return done.stdout


def from_git(origin: Origin, work: Path) -> Gathered:
    """The pack's files at `origin.ref` (the default branch if none), cloned bare into
    `work`; `Gathered.commit` is the commit they were read from."""
    repo = work / "repo.git"
    _git("clone", "--bare", "--quiet", "--template=", "--", origin.location, str(repo))
    ref = origin.ref or "HEAD"
    try:
        commit = _git("rev-parse", "--verify", "--quiet", "--end-of-options",
                      f"{ref}^{{commit}}", repo=repo).decode().strip()
    except PackError as error:
        raise PackError(f"{ref!r} is not a branch, tag or commit of {origin.location}") \
            from error
    gathered = Gathered(commit=commit)
    listing = _git("ls-tree", "-r", "-l", "-z", "--full-tree", commit, repo=repo)
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, _, raw_name = record.partition(b"\t")
        mode, kind, blob, size = meta.decode().split()
        name = raw_name.decode("utf-8", "replace")
        if any(part.startswith(".") for part in name.split("/")):
            continue
        base = name.rsplit("/", 1)[-1]
        if kind == "commit":
            gathered.skipped.append(f"{name}: a submodule, not fetched")
        elif mode == "120000":
            if wanted(base):
                gathered.skipped.append(f"{name}: a symbolic link, not followed")
        elif kind == "blob" and wanted(base):
            if not safe_path(name):
                gathered.problems.append(Problem(name, 0, 0, ERROR, UNSAFE, "this file name "
                                                 "cannot be installed", "rename it"))
            elif gathered.take(name, int(size)):
                gathered.add(name, _git("cat-file", "blob", blob, repo=repo))
    return gathered
