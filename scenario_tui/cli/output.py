"""What a command gives back: its exit status, a one-line usage error, and a file written whole
or not at all."""

from __future__ import annotations

import sys
from pathlib import Path

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def usage_error(message: str) -> int:
    """Print `message` (whose file names may hold any character) as one line; exit status 2."""
    from ..format.text_safety import visible

    print(f"scenario-tui: error: {visible(message)}", file=sys.stderr)
    return EXIT_USAGE


def write_refusal(target: Path, force: bool) -> str | None:
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


def write_file(target: Path, text: str, force: bool) -> int:
    """Write `text` to `target`, which `write_refusal` accepted. A new file is created only if
    nothing has appeared there since; an overwrite goes through a temporary file, so a full
    disk leaves the old file whole. A failure is one line and exit status 1."""
    import os

    from ..format.text_safety import visible

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
