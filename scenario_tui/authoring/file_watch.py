"""Watch one scenario file for the author preview: notice each save and check what was saved.

An editor leaves a file in many states on the way to a good save: missing for a moment during
an atomic rename, half written, empty, binary by accident, broken, valid. Each look at the file
is a `FileCheck` value, so the preview only draws states and a test can build every one of
them without a terminal. Plain Python: no textual here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..analysis import lint
from ..format.model import Scenario, ServiceCard
from ..format.problems import Problem
from ..format.yaml_source import MAX_BYTES
from ..play import library
from ..play.engine import Play, PlayError

VALID = "valid"
BROKEN = "broken"
MISSING = "missing"
NOT_A_FILE = "not a file"
UNREADABLE = "unreadable"
TOO_LARGE = "too large"
WRITING = "writing"
EMPTY = "empty"
BINARY = "binary"

HASH_EVERY_POLL_BELOW = 1 << 20
"""Files smaller than this are hashed on every poll, so a save that keeps the size and lands
within the file system's timestamp granularity is still seen."""
VIM_DIRTY_OFFSET, VIM_DIRTY = 1007, 0x55
"""Vim's swap file marks unsaved changes with 'U' at this byte of its first block."""


@dataclass(frozen=True, slots=True)
class Stamp:
    """What `stat` says about the file: a change to any field means it was written."""

    mtime_ns: int
    size: int
    inode: int

    @classmethod
    def of(cls, status: os.stat_result) -> Stamp:
        return cls(status.st_mtime_ns, status.st_size, status.st_ino)


@dataclass(frozen=True)
class FileCheck:
    """What one look at the watched file found."""

    path: str
    state: str
    detail: str = ""
    """One sentence about the state, for the screen."""
    text: str = ""
    """The file's text as read, undecodable bytes replaced (shown only through `clean`)."""
    problems: tuple[Problem, ...] = ()
    """Errors first, then warnings (validation and, when valid, lint), each in line order."""
    scenario: Scenario | None = None
    """Set only when the file is valid and can be played."""
    glossary: dict[str, ServiceCard] = field(default_factory=dict)
    unsaved: str = ""
    """The editor holding unsaved changes to the file ("vim", "emacs"), if one is seen."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    @property
    def shows_content(self) -> bool:
        """True when the file was read and checked (valid or broken), not a passing state."""
        return self.state in (VALID, BROKEN)


def unsaved_editor(path: Path) -> str:
    """The editor whose lock or swap file says it holds unsaved changes to `path`, or ""."""
    if os.path.lexists(path.with_name(f".#{path.name}")):
        return "emacs"
    try:
        with path.with_name(f".{path.name}.swp").open("rb") as swap:
            head = swap.read(VIM_DIRTY_OFFSET + 1)
    except OSError:
        return ""
    if head[:2] == b"b0" and len(head) > VIM_DIRTY_OFFSET and head[VIM_DIRTY_OFFSET] == VIM_DIRTY:
        return "vim"
    return ""


def _ordered(problems: list[Problem]) -> tuple[Problem, ...]:
    return tuple(sorted(problems, key=lambda p: (not p.is_error, p.line, p.column, p.code)))


def check_text(path: Path, text: str, today: dt.date) -> FileCheck:
    """Validate the file with the core (and lint it when valid), as `scenario-tui lint` does."""
    lib = library.load([path], with_bundled=False)
    target = path.resolve()
    entry = next((e for e in lib.entries if Path(e.path).resolve() == target), None)
    if entry is None:
        return FileCheck(str(path), UNREADABLE, "The file is not a scenario: name it .yaml, "
                         ".yml or .json, and not glossary.yaml.", text)
    problems = list(entry.problems)
    problems += [p for p in lib.glossary_problems if p.is_error]
    if not entry.playable or entry.scenario is None:
        count = len([p for p in problems if p.is_error])
        return FileCheck(str(path), BROKEN, f"{count} error(s): fix them and save.", text,
                         _ordered(problems), glossary=lib.glossary)
    problems += lint.lint(entry.scenario, lib.glossary, today)
    return FileCheck(str(path), VALID, "Valid: play it from any situation.", text,
                     _ordered(problems), entry.scenario, lib.glossary)


class FileWatcher:
    """Polls one file and checks it again whenever its content changes."""

    def __init__(self, path: Path | str, *, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.path = Path(path)
        self.today = today
        self._stamp: Stamp | None = None
        self._digest = ""
        self._last: FileCheck | None = None
        self._empty: Stamp | None = None
        """The stamp of the file when it was last seen empty."""

    @property
    def last(self) -> FileCheck | None:
        """The most recent check reported."""
        return self._last

    def force(self) -> FileCheck:
        """Check the file now, even if it has not changed."""
        self._stamp, self._digest, self._last = None, "", None
        check = self.poll()
        assert check is not None
        return check

    def poll(self) -> FileCheck | None:
        """A new check if the file (or its editor's unsaved state) changed since the last poll."""
        try:
            check = self._look()
        except Exception as error:  # the preview must survive any file an editor leaves
            self._stamp, self._digest = None, ""
            check = FileCheck(str(self.path), UNREADABLE,
                              f"Checking it failed: {type(error).__name__}: {error}")
        if check is None:
            return None
        unsaved = unsaved_editor(self.path)
        if check is _UNCHANGED:
            assert self._last is not None
            if unsaved == self._last.unsaved:
                return None
            check = self._last
        check = replace(check, unsaved=unsaved)
        if check == self._last:
            return None
        self._last = check
        return check

    def _passing(self, state: str, detail: str) -> FileCheck:
        """A state that says nothing about the content: check again once it is gone."""
        self._stamp, self._digest = None, ""
        return FileCheck(str(self.path), state, detail)

    def _look(self) -> FileCheck | None:
        try:
            before = os.stat(self.path)
        except FileNotFoundError:
            return self._passing(MISSING, "It was deleted, or an editor is replacing it. Save "
                                 "it again and the preview comes back.")
        except OSError as error:
            return self._passing(UNREADABLE, f"{error.strerror or error}.")
        if not stat.S_ISREG(before.st_mode):
            return self._passing(NOT_A_FILE, "The path now names a folder or a device, not a "
                                 "file.")
        stamp = Stamp.of(before)
        if stamp == self._stamp and stamp.size >= HASH_EVERY_POLL_BELOW:
            return _UNCHANGED if self._last else None
        if stamp.size > MAX_BYTES:
            return self._passing(TOO_LARGE, f"The file has {stamp.size:,} bytes; scenario files "
                                 f"are limited to {MAX_BYTES:,}.")
        try:
            data = self.path.read_bytes()
            after = Stamp.of(os.stat(self.path))
        except FileNotFoundError:
            return self._passing(MISSING, "It was deleted while being read.")
        except OSError as error:
            return self._passing(UNREADABLE, f"{error.strerror or error}.")
        if after != stamp or len(data) != stamp.size:
            return self._passing(WRITING, "It changed while it was read.")
        digest = hashlib.sha256(data).hexdigest()
        if digest == self._digest and self._last is not None:
            self._stamp = stamp
            return _UNCHANGED
        if not data:  # editors often truncate, then write: only an empty file that stays is
            seen_before, self._empty = self._empty == stamp, stamp
            return self._passing(EMPTY if seen_before else WRITING, "Nothing is saved in it.")
        if b"\x00" in data:
            return self._passing(BINARY, "It holds binary data, not a scenario: save the "
                                 "YAML as text.")
        check = check_text(self.path, data.decode("utf-8", errors="replace"), self.today())
        if _stamp_of(self.path) != stamp:  # written again while it was checked
            return self._passing(WRITING, "It changed while it was checked.")
        self._stamp, self._digest = stamp, digest
        return check


def _stamp_of(path: Path) -> Stamp | None:
    try:
        return Stamp.of(os.stat(path))
    except OSError:
        return None


_UNCHANGED = FileCheck("", "unchanged")
"""Internal marker: the content is as last checked (only the editor state may differ)."""


def carry_over(play: Play, scenario: Scenario) -> Play:
    """`play` moved onto an edited `scenario`: the same origin and choice numbers, as far as
    they still exist, so the author keeps their place across saves."""
    origin = play.origin if play.origin in scenario.graph else ""
    moved = Play(scenario.id, play.mode, origin)
    if origin != play.origin:
        return moved
    for choice in play.choices:
        if moved.node(scenario) != choice.source:
            break
        try:
            moved = moved.choose(scenario, choice.index)
        except PlayError:
            break
    return moved


def problem_in(check: FileCheck, problem: Problem) -> bool:
    """Whether `problem` is located in the watched file (not, say, in the glossary)."""
    return Path(problem.path).resolve() == Path(check.path).resolve()

