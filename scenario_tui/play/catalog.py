"""The catalogue: one summary row per scenario file, cached so the app starts fast.

Building the rows needs every file parsed, graphed and scored. The rows are cached as JSON
keyed by the path, size and modification time of every scenario and glossary file, so a start
with an unchanged library reads one small file and imports neither networkx nor the loader.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..format.files import discover, glossary_files, misconception_files, syllabus_file
from ..format.problems import ERROR, Problem

CACHE_NAME = "catalog.json"
"""The cache's file name, in the user cache dir (see `progress.data_dirs.cache_dir`)."""
CACHE_VERSION = 3


@dataclass(frozen=True)
class CatalogEntry:
    """What the catalogue shows about one scenario file, playable or broken."""

    path: str
    id: str
    title: str
    situation: str = ""
    difficulty: str = ""
    domain: str = ""
    tags: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    decisions: int = 0
    best: int = 0
    errors: tuple[Problem, ...] = field(default=())
    warnings: int = 0
    content_hash: str = ""
    """The playable scenario's `progress.store.content_hash`: which plays need no
    re-scoring (`progress.summary_cache`)."""

    @property
    def playable(self) -> bool:
        return not self.errors

    def first_error_line(self, shorten: Callable[[str], str] = str) -> str:
        """The first error's `file:line:col: error CODE message` line, the file named as
        `shorten` shows it; empty for a playable entry."""
        return self.errors[0].headline(shorten) if self.errors else ""


def _signature(roots: Sequence[Path | str]) -> list[list[object]]:
    """Path, size and modification time of every file `build` reads: the files `discover`
    finds under `roots`, the glossaries and misconceptions files merged with them, and the
    syllabus their `covers:` ids are checked against."""
    beliefs: list[Path] = []
    files, glossaries = discover(roots, misconceptions=beliefs)
    rows: list[list[object]] = []
    for item in [*files, *glossary_files(glossaries), *misconception_files(beliefs),
                 syllabus_file()]:
        name = str(item)
        try:
            stat = os.stat(name)
        except OSError:
            continue
        rows.append([name, stat.st_size, stat.st_mtime_ns])
    return rows


def build(roots: Sequence[Path | str]) -> list[CatalogEntry]:
    """Load every scenario under `roots` and summarise it (slow path: parses everything)."""
    from ..analysis.scoring import analyse
    from ..progress.store import content_hash
    from . import library

    lib = library.load(list(roots), with_bundled=False)
    entries: list[CatalogEntry] = []
    for item in lib.entries:
        errors = tuple(item.errors)
        warnings = len(item.problems) - len(item.errors)
        scenario = item.scenario
        if scenario is None or errors:
            entries.append(CatalogEntry(
                path=item.path, id=scenario.id if scenario else Path(item.path).stem,
                title=scenario.title if scenario else Path(item.path).stem,
                situation=scenario.situation if scenario else "",
                errors=errors or (Problem(item.path, 0, 0, ERROR, "", "broken"),),
                warnings=warnings,
            ))
            continue
        analysis = analyse(scenario)
        entries.append(CatalogEntry(
            path=item.path, id=scenario.id, title=scenario.title, situation=scenario.situation,
            difficulty=scenario.difficulty, domain=scenario.domain or "", tags=scenario.tags,
            services=scenario.services, decisions=analysis.decisions_on_best_path,
            best=analysis.best_score, warnings=warnings, content_hash=content_hash(scenario),
        ))
    return entries


def cached(roots: Sequence[Path | str], cache_file: Path,
           signature: list[list[object]] | None = None) -> list[CatalogEntry] | None:
    """The cached catalogue if no file has changed since it was written, else None (cheap:
    one stat per file and one small JSON read, so the app can show it before its first frame)."""
    signature = _signature(roots) if signature is None else signature
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("version") == CACHE_VERSION \
                and data.get("signature") == signature and isinstance(data.get("entries"), list):
            return [_entry(row) for row in data["entries"]]
    except (OSError, ValueError, RecursionError):
        pass
    return None


def scan(roots: Sequence[Path | str], cache_file: Path | None = None) -> list[CatalogEntry]:
    """The catalogue for `roots`, from the cache when no file has changed since it was written."""
    signature = _signature(roots)
    if cache_file is not None:
        hit = cached(roots, cache_file, signature)
        if hit is not None:
            return hit
    entries = build(roots)
    if cache_file is not None:
        _write(cache_file, signature, entries)
    return entries


_ENTRY_TEXT = ("path", "id", "title", "situation", "difficulty", "domain", "content_hash")
_ENTRY_NUMBERS = ("decisions", "best", "warnings")
_PROBLEM_TEXT = ("path", "severity", "code", "message", "hint")


def _fields(row: object, text: Sequence[str], numbers: Sequence[str]) -> dict[str, Any]:
    """`row` if it is a mapping whose `text` fields are strings and whose `numbers` fields are
    integers; otherwise ValueError."""
    if not isinstance(row, dict) or any(not isinstance(row.get(k), str) for k in text) \
            or any(type(row.get(k)) is not int for k in numbers):
        raise ValueError("malformed cache row")
    return row


def _entry(row: object) -> CatalogEntry:
    """A cached row as an entry again: JSON lists back to tuples, problems back to values. A
    row of another shape (a null title, a string for a list) raises ValueError, so the cache is
    rebuilt instead of handing the app a value it cannot show."""
    fields = _fields(row, _ENTRY_TEXT, _ENTRY_NUMBERS)
    if not all(isinstance(fields.get(key), list) for key in ("tags", "services", "errors")) \
            or not all(isinstance(word, str) for word in [*fields["tags"], *fields["services"]]):
        raise ValueError("malformed cache row")
    try:
        errors = tuple(Problem(**_fields(p, _PROBLEM_TEXT, ("line", "column")))
                       for p in fields["errors"])
        return CatalogEntry(**{**fields, "tags": tuple(fields["tags"]),
                               "services": tuple(fields["services"]), "errors": errors})
    except TypeError as error:  # a field too many
        raise ValueError("malformed cache row") from error


def _write(cache_file: Path, signature: list[list[object]], entries: list[CatalogEntry]) -> None:
    """Write atomically, so a crash mid-write never leaves a half cache behind."""
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        temp = cache_file.with_suffix(f".{os.getpid()}.tmp")
        payload = {"version": CACHE_VERSION, "signature": signature,
                   "entries": [asdict(entry) for entry in entries]}
        temp.write_text(json.dumps(payload), encoding="utf-8")
        os.replace(temp, cache_file)
    except OSError:
        pass
