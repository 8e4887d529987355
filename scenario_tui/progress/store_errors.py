"""How the progress store fails, in the learner's words: `StoreUnavailable` when it cannot be
opened, `WriteFailed` when one write could not be made."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

_REASONS = {
    "SQLITE_BUSY": "another program is writing to the progress file",
    "SQLITE_LOCKED": "another program is writing to the progress file",
    "SQLITE_FULL": "the disk is full",
    "SQLITE_READONLY": "the progress file is read-only",
    "SQLITE_CANTOPEN": "the progress file cannot be opened or created",
    "SQLITE_IOERR": "the disk could not be read or written",
}
"""SQLite's primary error codes, in the learner's words."""


class StoreError(Exception):
    """The progress store could not do what was asked; the text says why, for the learner."""


class StoreUnavailable(StoreError):
    """The store cannot be opened: the data dir is missing, not a folder, read-only or full."""


class NewerStore(StoreUnavailable):
    """The store was written by a newer version of the app: refused, never moved aside."""

    def __init__(self, version: int) -> None:
        super().__init__(f"this progress was written by a newer version (schema {version}); "
                         "upgrade scenario-tui")
        self.version = version


class WriteFailed(StoreError):
    """A write was not made, and nothing of it was kept: the store was busy past the
    timeout, the disk is full or the file read-only. Trying again later may work."""


def failure_reason(error: sqlite3.Error | OSError) -> str:
    """What went wrong, in words for the learner where SQLite's are obscure."""
    if isinstance(error, OSError):
        return error.strerror or str(error)
    name = getattr(error, "sqlite_errorname", None) or ""
    return _REASONS.get("_".join(name.split("_")[:2]), str(error))


def cannot_open(path: Path, error: sqlite3.Error) -> str:
    """Why the store at `path` cannot be opened."""
    if not os.access(path.parent, os.W_OK):  # also false on a read-only file system
        return f"the data dir {path.parent} is read-only"
    return f"{failure_reason(error)}: {path}"


def unusable(directory: Path, error: OSError) -> str:
    """Why the data dir cannot hold the store."""
    if directory.is_symlink() and not directory.exists():
        return f"the data dir {directory} is a link to nothing"
    if directory.exists() and not directory.is_dir():
        return f"the data dir {directory} is not a folder"
    return f"the data dir {directory} cannot be used ({failure_reason(error)})"
