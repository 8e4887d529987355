"""Which files make up a library, and where the bundled one lives.

The catalogue checks these files before the app's first frame, so this module imports nothing
beyond the standard library and `problems`: the loader, validation and networkx stay out of a
cached start.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .problems import ERROR, Problem

GLOSSARY_NAME = "glossary.yaml"
MISCONCEPTIONS_NAME = "misconceptions.yaml"
"""Beside the glossary: what each misconception tag means (see `format.misconceptions`)."""
SIDE_FILES = {GLOSSARY_NAME: "a glossary (the cards `services:` ids name)",
              MISCONCEPTIONS_NAME: "a misconceptions file (what each `misconception:` tag "
                                   "means)"}
"""The files a folder holds beside its scenarios, by name, and what each one is."""
SCENARIO_SUFFIXES = (".yaml", ".yml", ".json")
UNCHECKED = "E005"
"""The code of a path `validate` was given or found but could not look at."""
_PACKAGE = Path(__file__).resolve().parent.parent


def bundled_dir(name: str) -> Path:
    """The shipped `scenarios` or `assets` folder: inside the wheel, or the source checkout."""
    installed = _PACKAGE / "_bundled" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def syllabus_file() -> Path:
    """The shipped study topics (see `format.syllabus`): `covers:` ids are checked against it."""
    return bundled_dir("assets") / "syllabus.yaml"


def library_dir() -> Path:
    """The bundled scenarios."""
    return bundled_dir("scenarios")


def _visible_files(folder: str, unchecked: list[Problem] | None = None) -> list[str]:
    """Files under `folder`, leaving out hidden files and everything in hidden folders
    (editor backups, `.git`); symlinked folders are not followed. A folder that cannot be read
    is skipped, and reported in `unchecked` when given.

    Paths stay strings until `discover` has its list: the catalogue checks every file before
    its first frame, and a `Path` for each step (made, hashed, compared, resolved) took most
    of that check's time."""
    try:
        with os.scandir(folder) as found:
            entries = list(found)
    except OSError as error:
        _report(unchecked, Path(folder), f"folder cannot be read ({error.strerror or error}): "
                "the files in it were not checked", "check its permissions")
        return []
    files: list[str] = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                files += _visible_files(entry.path, unchecked)
            elif entry.is_file():
                files.append(entry.path)
        except OSError:
            continue
    return files


def _in_path_order(files: list[str]) -> list[Path]:
    """`files` as paths, sorted as `Path`s sort (part by part: `a/b.yaml` before `a-b.yaml`)."""
    return [Path(name) for name in sorted(files, key=lambda name: name.split(os.sep))]


def _each_once(paths: list[Path]) -> list[Path]:
    """`paths` without repeats of one file (two spellings of a path count as one)."""
    folders: dict[str, str] = {}
    return list({_real(str(p), folders): p for p in reversed(paths)}.values())[::-1]


def _real(path: str, folders: dict[str, str]) -> str:
    """`os.path.realpath(path)`, with its folder resolved once for all the files in it
    (`folders`): resolving walks every folder up to the root, and the catalogue checks each
    file before its first frame. A file that is itself a link is resolved on its own."""
    folder, name = os.path.split(path)
    if name in ("", ".", "..") or os.path.islink(path):
        return os.path.realpath(path)
    real = folders.get(folder)
    if real is None:
        real = folders[folder] = os.path.realpath(folder or os.curdir)
    return os.path.join(real, name)


def _report(unchecked: list[Problem] | None, path: Path, message: str, hint: str) -> None:
    if unchecked is not None:
        unchecked.append(Problem(str(path), 0, 0, ERROR, UNCHECKED, message, hint))


def discover(paths: Iterable[Path | str], unchecked: list[Problem] | None = None,
             misconceptions: list[Path] | None = None) -> tuple[list[Path], list[Path]]:
    """Scenario files and glossary files under `paths` (files or folders), sorted per folder,
    each file once. A file named directly is taken as it is; a folder's glossary also applies
    to a file named directly in it. The library loads, and the catalogue lists, exactly these.

    `unchecked`, when given, gets an `E005` problem for each path that was there but could not
    be looked at: neither a file nor a folder (a device, a pipe), a file named directly whose
    name is not a scenario file's, a folder that cannot be read.

    `misconceptions`, when given, gets the misconceptions files found the same way as the
    glossaries; they are never taken for scenarios either way.
    """
    files: list[Path] = []
    glossaries: list[Path] = []
    beliefs: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            candidates = _in_path_order(_visible_files(str(path), unchecked))
        elif path.is_file():
            candidates = [path]
            if path.name not in (GLOSSARY_NAME, MISCONCEPTIONS_NAME) \
                    and path.suffix not in SCENARIO_SUFFIXES:
                _report(unchecked, path, "not a scenario file name: it was not checked",
                        f"scenario files end in {', '.join(SCENARIO_SUFFIXES)}")
        else:
            candidates = []
            if path.exists():
                _report(unchecked, path, "neither a file nor a folder (a device, pipe or "
                        "socket): nothing was checked", "name a scenario file or a folder")
        for item in candidates:
            if item.name == GLOSSARY_NAME:
                glossaries.append(item)
            elif item.name == MISCONCEPTIONS_NAME:
                beliefs.append(item)
            elif item.suffix in SCENARIO_SUFFIXES:
                files.append(item)
        sibling = (path if path.is_dir() else path.parent) / GLOSSARY_NAME
        if sibling.is_file() and sibling not in glossaries:
            glossaries.append(sibling)
        sibling = sibling.with_name(MISCONCEPTIONS_NAME)
        if sibling.is_file() and sibling not in beliefs:
            beliefs.append(sibling)
    if misconceptions is not None:
        misconceptions.extend(_each_once(beliefs))
    return _each_once(files), _each_once(glossaries)


def glossary_files(found: Iterable[Path]) -> list[Path]:
    """The glossaries whose cards apply, in merge order (later files win): the bundled one
    first, then those `discover` found, each file once."""
    bundled = library_dir() / GLOSSARY_NAME
    return _each_once([bundled, *found] if bundled.is_file() else list(found))


def misconception_files(found: Iterable[Path]) -> list[Path]:
    """The misconceptions files whose entries apply, in merge order (later files win): the
    bundled one first, then those `discover` found, each file once."""
    bundled = library_dir() / MISCONCEPTIONS_NAME
    return _each_once([bundled, *found] if bundled.is_file() else list(found))
