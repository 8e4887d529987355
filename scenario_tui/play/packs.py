"""Installed scenario packs: where they live, what each one is, and removing one.

A pack is a folder of scenarios (with its own glossary and misconceptions files if it needs
them) that `scenario-tui pack add` checked and copied into `packs/<name>/` under the user's data
dir. Beside the files sits a hidden manifest, `.pack.json`: the name, where the pack came from,
the commit it was pinned to when it came from git, and the day it was installed. A folder there
without a readable manifest (a half-made one from a crash, something a user put there) is not a
pack: the library never reads it, and the hidden work folders a killed `pack add` or `pack
remove` leaves are deleted by the next one (`sweep`). Installing lives in
`authoring.pack_install`; this module is all the library and the app need, and reads only
small JSON files.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from ..format.vocabulary import SLUG
from ..progress.data_dirs import data_dir

PACKS_DIR = "packs"
"""The folder of installed packs, in the user's data dir."""
MANIFEST_NAME = ".pack.json"
"""Hidden, so `format.files.discover` never takes it for a scenario."""
MANIFEST_VERSION = 1


class PackError(Exception):
    """A pack request that cannot be done; the text says why, for the user."""


@dataclass(frozen=True)
class Pack:
    """One installed pack, as its manifest describes it."""

    name: str
    origin: str
    """The folder or git URL it was added from."""
    commit: str = ""
    """The commit it was pinned to; empty for a pack copied from a folder."""
    ref: str = ""
    """The ref asked for (`@v1.2`), if one was; `commit` is what it resolved to."""
    installed: str = ""
    """The day it was installed, ISO."""
    scenarios: int = 0
    """How many scenario files it holds."""
    root: Path = Path()
    """Its folder under `packs/` (not written to the manifest: the folder says it)."""

    def manifest(self) -> dict[str, object]:
        fields = asdict(self)
        del fields["root"]
        return {"version": MANIFEST_VERSION, **fields}


def packs_dir(data: str | Path | None = None) -> Path:
    """`packs/` in the data dir (`--data-dir`, $SCENARIO_TUI_DATA_DIR or the platform's)."""
    return data_dir(data) / PACKS_DIR


def valid_name(name: str) -> bool:
    """A pack name is a slug: it names a folder, so it can never escape `packs/`."""
    return bool(SLUG.match(name))


def read(folder: Path) -> Pack | None:
    """The pack installed in `folder`, or None when its manifest is missing or malformed."""
    try:
        data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
        return None
    text = ("name", "origin", "commit", "ref", "installed")
    if any(not isinstance(data.get(key), str) for key in text) \
            or type(data.get("scenarios")) is not int:
        return None
    if data["name"] != folder.name or not valid_name(folder.name):
        return None
    return Pack(**{key: data[key] for key in text}, scenarios=data["scenarios"], root=folder)


def installed(data: str | Path | None = None) -> list[Pack]:
    """Every installed pack, by name. A data dir that cannot be read has none."""
    where = packs_dir(data)
    try:
        with os.scandir(where) as found:
            folders = sorted(Path(e.path) for e in found
                             if not e.name.startswith(".") and e.is_dir(follow_symlinks=False))
    except OSError:
        return []
    return [pack for pack in map(read, folders) if pack is not None]


def roots(data: str | Path | None = None) -> list[Path]:
    """The folders the library reads packs from, by pack name."""
    return [pack.root for pack in installed(data)]


def find(name: str, data: str | Path | None = None) -> Pack:
    """The installed pack called `name`; `PackError` if there is none."""
    pack = read(packs_dir(data) / name) if valid_name(name) else None
    if pack is None:
        names = ", ".join(p.name for p in installed(data)) or "none"
        raise PackError(f"no pack called {name!r} is installed (installed: {names})")
    return pack


def aside_name(kind: str, name: str) -> str:
    """A hidden folder in `packs/` for work under way: `.adding-NAME-PID-` (a random tail
    follows) or `.removing-NAME-PID`. The process id says whose it is (`sweep`)."""
    return f".{kind}-{name}-{os.getpid()}" + ("-" if kind == "adding" else "")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True


def sweep(data: str | Path | None = None) -> list[str]:
    """Delete what a killed `pack add` or `pack remove` left in `packs/` (hidden folders the
    library never reads, but disk all the same); the names of those deleted. A folder whose
    process still runs is another command at work, and stays."""
    home = packs_dir(data)
    swept = []
    try:
        with os.scandir(home) as found:
            entries = [e for e in found if e.name.startswith((".adding-", ".removing-"))
                       and e.is_dir(follow_symlinks=False)]
    except OSError:
        return []
    for entry in entries:
        # the id is the last part of `.removing-…`, and before mkdtemp's tail (no '-' in it)
        # in `.adding-…`; a name without one is left alone
        parts = entry.name.split("-")
        removing = entry.name.startswith(".removing-")
        pid = parts[-1] if removing else parts[-2]
        if len(parts) >= (3 if removing else 4) and pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(entry.path, ignore_errors=True)
            swept.append(entry.name)
    return swept


def remove(name: str, data: str | Path | None = None) -> Pack:
    """Delete the pack called `name`: its folder goes aside first (a hidden name in `packs/`),
    so a failure part-way never leaves half a pack the library would read."""
    pack = find(name, data)
    sweep(data)
    trash = pack.root.with_name(aside_name("removing", pack.name))
    try:
        pack.root.rename(trash)
    except OSError as error:
        raise PackError(f"cannot remove pack {name!r}: {error.strerror or error}") from error
    shutil.rmtree(trash, ignore_errors=True)
    return pack
