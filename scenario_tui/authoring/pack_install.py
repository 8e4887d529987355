"""`pack add`: check a pack completely, then install it in one step, or not at all.

The files are gathered (`pack_sources`), written into a hidden staging folder inside `packs/`,
and validated there as `scenario-tui validate` would, together with the bundled library. A
pack with any error is refused with every error listed. Only a pack that passes gets its
manifest and is renamed into `packs/<name>/`; whatever happens, the staging folder is removed,
so nothing half-installed is ever read by the library.

A pack adds to the library; it never changes what is there. A scenario id, a glossary service
id or a misconception tag that the bundled library or another installed pack already defines is
an error (`E063`): otherwise the pack would silently replace a card or a belief every other
scenario shows, and which copy won would depend on the order folders were read in. Each pack
is checked against the bundled library and itself only, so removing one pack never breaks
another.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..analysis import validate
from ..format import loader, yaml_source
from ..format.files import GLOSSARY_NAME, MISCONCEPTIONS_NAME, discover, library_dir
from ..format.problems import ERROR, Problem
from ..format.yaml_source import Mapping
from ..play import library
from ..play.packs import (
    MANIFEST_NAME,
    Pack,
    PackError,
    aside_name,
    installed,
    packs_dir,
    read,
    sweep,
    valid_name,
)
from . import pack_sources

CLASH = "E063"
"""An id the pack defines that the bundled library or another pack already defines."""
EMPTY = "E064"
"""A pack without a single scenario file."""


@dataclass(frozen=True)
class Added:
    """What `add` did: the pack installed, or (`pack` None) refused for `errors`."""

    pack: Pack | None
    problems: list[Problem] = field(default_factory=list)
    """Errors (which refused the pack) and warnings, files named as the author knows them."""
    skipped: list[str] = field(default_factory=list)
    replaced: bool = False
    """An installed pack of the same name was replaced (`--force`)."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def add(spec: str, data: str | Path | None = None, *, name: str | None = None,
        force: bool = False, today: dt.date | None = None) -> Added:
    """Install the pack at `spec` (a folder, or a git URL with an optional `@REF`) as `name`
    (by default the folder's or repository's name). `PackError` for a request that cannot be
    tried (a bad name, a pack of that name already there, git failing); a pack that was read
    but has errors comes back refused, with nothing written."""
    origin = pack_sources.parse(spec)
    name = name if name is not None else origin.default_name()
    if not valid_name(name):
        raise PackError(f"{name!r} cannot name a pack: use lower-case letters, digits and '-' "
                        "(--name NAME)")
    home = packs_dir(data)
    target = home / name
    existing = read(target)
    if existing is not None and not force:
        raise PackError(f"a pack called {name!r} is already installed (from "
                        f"{existing.origin}): use --force to replace it, or --name to add this "
                        "one under another name")
    if target.exists() and existing is None and not force:
        raise PackError(f"{target} is in the way (a folder that is not a pack): remove it, or "
                        "use --force")
    try:
        home.mkdir(parents=True, exist_ok=True)
        sweep(data)
        stage = Path(tempfile.mkdtemp(prefix=aside_name("adding", name), dir=home))
    except OSError as error:
        raise PackError(f"cannot write to {home}: {error.strerror or error}") from error
    try:
        return _install(origin, name, stage, target, data, today or dt.date.today())
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _install(origin: pack_sources.Origin, name: str, stage: Path, target: Path,
             data: str | Path | None, today: dt.date) -> Added:
    if origin.git:
        gathered = pack_sources.from_git(origin, stage)
    else:
        gathered = pack_sources.from_folder(Path(origin.location))
    shown = "" if origin.git else str(Path(origin.location)) + os.sep
    root = stage / "pack"
    try:
        _write(root, gathered.files)
    except OSError as error:
        raise PackError(f"cannot write to {stage.parent}: {error.strerror or error}") from error
    others = [pack for pack in installed(data) if pack.name != name]
    found = [p for p in check(root, others)
             if not (gathered.problems and p.code == EMPTY)]  # files were refused: not empty
    problems = [*(_shown(p, "", shown, origin.location) for p in gathered.problems),
                *(_shown(p, str(root) + os.sep, shown, origin.location) for p in found)]
    if any(p.is_error for p in problems):
        return Added(None, problems, gathered.skipped)
    where = origin.location if "://" in origin.location or not Path(origin.location).exists() \
        else str(Path(origin.location).resolve())
    pack = Pack(name, where, gathered.commit, origin.ref, today.isoformat(),
                len(discover([root])[0]), target)
    try:
        (root / MANIFEST_NAME).write_text(json.dumps(pack.manifest(), indent=2) + "\n",
                                          encoding="utf-8")
        replaced = _swap(root, target, stage)
    except OSError as error:
        raise PackError(f"cannot install into {target}: {error.strerror or error}") from error
    return Added(pack, problems, gathered.skipped, replaced)


def _write(root: Path, files: dict[str, bytes]) -> None:
    """Write each file under `root` as plain data (mode 0644, never through a link: every
    name was checked by `pack_sources.safe_path` and the folders are new)."""
    for relative, content in files.items():
        path = root.joinpath(*relative.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        with os.fdopen(os.open(path, flags, 0o644), "wb") as handle:
            handle.write(content)


def _swap(root: Path, target: Path, stage: Path) -> bool:
    """Rename the checked pack into place; an old one goes into the staging folder first (and
    comes back if the new one cannot be put there)."""
    old = stage / "old"
    replaced = target.exists() or target.is_symlink()
    if replaced:
        target.rename(old)
    try:
        root.rename(target)
    except OSError:
        if replaced:
            old.rename(target)
        raise
    return replaced


def _shown(problem: Problem, inside: str, prefix: str, whole: str) -> Problem:
    """`problem` naming files as the author knows them: the staging folder `inside` becomes
    `prefix` (the author's folder, or nothing for a path in the repository); a problem with
    the whole pack names it as `whole`."""
    def swap(text: str) -> str:
        return text.replace(inside, prefix) if inside else text

    path = swap(problem.path if inside else prefix + problem.path)
    return replace(problem, path=path.rstrip("/" + os.sep) or whole,
                   message=swap(problem.message), hint=swap(problem.hint))


def _inside(path: str | Path, root: Path) -> bool:
    return Path(path).is_relative_to(root)


def check(root: Path, others: Iterable[Pack] = ()) -> list[Problem]:
    """Every problem in the pack at `root`, validated with the bundled library (services and
    misconception tags may come from either), and every id it shares with the bundled library
    or one of `others`."""
    lib = library.load([root], with_bundled=True)
    problems = [p for p in lib.problems if _inside(p.path, root) and p.code != "E027"]
    mine = [e for e in lib.entries if _inside(e.path, root)]
    if not mine:
        problems.append(Problem(str(root) + os.sep, 0, 0, ERROR, EMPTY, "the pack holds no "
                                "scenario files", "a pack is a folder of .yaml, .yml or .json "
                                "scenarios (hidden folders are not read)"))
    scenarios = [e.scenario for e in mine if e.scenario is not None]
    problems.extend(validate.check_unique_ids(scenarios))
    owners = _owners(library_dir(), "the bundled library", scenarios=False)
    owners["scenario"] = {e.scenario.id: "the bundled library" for e in lib.entries
                          if e.scenario is not None and not _inside(e.path, root)}
    for pack in others:
        for kind, ids in _owners(pack.root, f"pack {pack.name!r}").items():
            for key, owner in ids.items():
                owners[kind].setdefault(key, owner)
    for scenario in scenarios:
        if scenario.id in owners["scenario"]:
            owner = owners["scenario"][scenario.id]
            line, column = scenario.positions.get("id", (1, 1))
            problems.append(Problem(scenario.path, line, column, ERROR, CLASH,
                                    f"scenario id {scenario.id!r} is already used by {owner}",
                                    "ids are unique across the library and its packs: rename "
                                    "yours (and its file)"))
    beliefs: list[Path] = []
    _, glossaries = discover([root], misconceptions=beliefs)
    for path, kind in [*((g, "service") for g in glossaries if _inside(g, root)),
                       *((b, "misconception") for b in beliefs if _inside(b, root))]:
        doc = yaml_source.read(path)
        if not isinstance(doc.data, Mapping):
            continue
        for key in doc.data:
            if str(key) in owners[kind]:
                owner = owners[kind][str(key)]
                problems.append(Problem(doc.path, *doc.data.kpos(key), ERROR, CLASH,
                                        f"{kind} id {key!r} is already defined by {owner}",
                                        "a pack adds ids, it cannot redefine one: use the "
                                        "existing one as it is, or give yours a new id"))
    return problems


def _owners(root: Path, label: str, *, scenarios: bool = True) -> dict[str, dict[str, str]]:
    """The scenario ids (unless told not to read them), service ids and misconception tags
    defined under `root`, each mapped to `label`."""
    beliefs: list[Path] = []
    files, glossaries = discover([root], misconceptions=beliefs)
    found: dict[str, dict[str, str]] = {"scenario": {}, "service": {}, "misconception": {}}
    for path in files if scenarios else ():
        scenario, _ = loader.load_file(path)
        if scenario is not None:
            found["scenario"][scenario.id] = label
    for kind, paths in (("service", glossaries), ("misconception", beliefs)):
        for path in paths:
            if path.name not in (GLOSSARY_NAME, MISCONCEPTIONS_NAME):
                continue
            data = yaml_source.read(path).data
            if isinstance(data, Mapping):
                found[kind].update((str(key), label) for key in data)
    return found
