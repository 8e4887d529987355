"""Notice each save of one scenario file, and look at it again only when its content changed,
or the content of the glossary or misconceptions file beside it (they decide E026 and E028).

`changes` reports saves as `watchfiles` sees them. It watches the file's folder, not the file,
so an editor's atomic save (a temporary file renamed over the original, a new inode) is seen
as well as a plain write, a truncate-then-write or a delete-and-recreate. Where the folder
cannot be watched that way, a timer calling `FileWatcher.poll` is the fallback. Either way a
look compares `stat` stamps and hashes what it reads, so a touch without a change reports
nothing and a same-size save within the timestamp granularity is still seen; it notices an
editor's unsaved changes from its swap or lock file. What a look found is a
`file_check.FileCheck`. Plain Python: no textual here.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import os
import stat
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from ..format.files import GLOSSARY_NAME, MISCONCEPTIONS_NAME
from ..format.yaml_source import MAX_BYTES
from .file_check import (
    BINARY,
    EMPTY,
    MISSING,
    NOT_A_FILE,
    TOO_LARGE,
    UNREADABLE,
    WRITING,
    FileCheck,
    check_text,
)

POLL_ENV = "SCENARIO_TUI_POLL"
"""Set to 1 to look at the file on a timer instead of watching its folder: for a file system
whose changes are not reported (some network and container mounts)."""
HASH_EVERY_POLL_BELOW = 1 << 20
"""Files smaller than this are hashed on every poll, so a save that keeps the size and lands
within the file system's timestamp granularity is still seen."""
VIM_DIRTY_OFFSET, VIM_DIRTY = 1007, 0x55
"""Vim's swap file marks unsaved changes with 'U' at this byte of its first block."""


def polling_forced(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether the author asked for the timer (`SCENARIO_TUI_POLL` set, and not to 0)."""
    return environ.get(POLL_ENV, "") not in ("", "0")


@dataclass(frozen=True, slots=True)
class Stamp:
    """What `stat` says about the file: a change to any field means it was written."""

    mtime_ns: int
    size: int
    inode: int

    @classmethod
    def of(cls, status: os.stat_result) -> Stamp:
        return cls(status.st_mtime_ns, status.st_size, status.st_ino)


def emacs_lock(path: Path) -> Path:
    """The symlink Emacs keeps beside a file while its buffer has unsaved changes."""
    return path.with_name(f".#{path.name}")


def vim_swap(path: Path) -> Path:
    """The swap file Vim keeps beside a file it has open."""
    return path.with_name(f".{path.name}.swp")


def unsaved_editor(path: Path) -> str:
    """The editor whose lock or swap file says it holds unsaved changes to `path`, or ""."""
    if os.path.lexists(emacs_lock(path)):
        return "emacs"
    try:
        with vim_swap(path).open("rb") as swap:
            head = swap.read(VIM_DIRTY_OFFSET + 1)
    except OSError:
        return ""
    if head[:2] == b"b0" and len(head) > VIM_DIRTY_OFFSET and head[VIM_DIRTY_OFFSET] == VIM_DIRTY:
        return "vim"
    return ""


class FileWatcher:
    """Looks at one file when asked (after a change event, or on a timer) and checks it again
    whenever its content changes."""

    def __init__(self, path: Path | str, *, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.path = Path(path)
        named = Path(os.path.abspath(self.path))
        target = Path(os.path.realpath(self.path))
        self.folders = sorted({named.parent, target.parent})
        """The folders to watch: renames into them are how many editors save, and a symlinked
        file is written where its target is."""
        self.side_files = (named.parent / GLOSSARY_NAME, named.parent / MISCONCEPTIONS_NAME)
        """The folder's glossary and misconceptions file, which the check reads with the
        scenario (`library.load` finds them beside it): saving either checks it again."""
        self._concerning = {named, emacs_lock(named), vim_swap(named), target,
                            *self.side_files}
        self.today = today
        self._stamp: Stamp | None = None
        self._digest = ""
        self._last: FileCheck | None = None
        self._empty: Stamp | None = None
        """The stamp of the file when it was last seen empty."""
        self._sides: tuple[object, ...] | None = None
        """What the side files held at the last check (`_side_state`)."""

    def concerns(self, changed: str | Path) -> bool:
        """Whether a change to `changed` (an absolute path) can change what a look finds: it is
        the file itself (or its symlink's target), its editor's lock or swap file beside it,
        or the glossary or misconceptions file beside it."""
        return Path(changed) in self._concerning

    def _side_state(self) -> tuple[object, ...]:
        """What each side file holds now, as a value that changes when its content does: a
        hash of a small file (a touch changes nothing), the stamp of a big one, None when
        there is none."""
        state: list[object] = []
        for side in self.side_files:
            try:
                status = os.stat(side)
                state.append(hashlib.sha256(side.read_bytes()).hexdigest()
                             if status.st_size < HASH_EVERY_POLL_BELOW else Stamp.of(status))
            except OSError:
                state.append(None)
        return tuple(state)

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
        sides = self._side_state()
        if stamp == self._stamp and stamp.size >= HASH_EVERY_POLL_BELOW and sides == self._sides:
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
        if digest == self._digest and self._last is not None and sides == self._sides:
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
        self._stamp, self._digest, self._sides = stamp, digest, sides
        return check


def _stamp_of(path: Path) -> Stamp | None:
    try:
        return Stamp.of(os.stat(path))
    except OSError:
        return None


_UNCHANGED = FileCheck("", "unchanged")
"""Internal marker: the content is as last checked (only the editor state may differ)."""


async def changes(watcher: FileWatcher, stop: asyncio.Event) -> AsyncIterator[None]:
    """One item for each batch of changes to `watcher`'s file or its editor's files, as
    `watchfiles` reports them, until `stop` is set.

    Raises what keeps `watchfiles` from watching (`ImportError` without it, `OSError` when the
    folder is missing or the system's watch limit is reached, its `RuntimeError`s): the caller
    falls back to polling.
    """
    from watchfiles import awatch  # here: imported only when a file is watched

    async for _ in awatch(*watcher.folders, watch_filter=lambda _, path: watcher.concerns(path),
                          stop_event=stop, recursive=False):
        yield None
