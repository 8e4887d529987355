"""The misconceptions file: what each `misconception:` tag means, as a belief and its fact.

A tag counts mistakes across scenarios; the learner should read the belief it stands for and
the fact that corrects it, not the tag. `scenarios/misconceptions.yaml` ships with the library;
a `misconceptions.yaml` beside an author's own scenarios adds to it (or replaces an entry), found
and merged the same way as `glossary.yaml`.

For the UI: `for_roots(roots)` gives every entry that applies to a library's folders, and
`Library.misconceptions` holds the same after `library.load`; look a choice's tag up there.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from pathlib import Path

from . import yaml_source
from .files import discover, misconception_files
from .model import SLUG, Misconception
from .problems import ERROR, Problem
from .yaml_source import Mapping

FIELDS = ("belief", "fact", "source")
"""Every field an entry has; all are required."""


def _error(problems: list[Problem], path: str, pos: tuple[int, int], code: str, message: str,
           hint: str) -> None:
    problems.append(Problem(path, pos[0], pos[1], ERROR, code, message, hint))


def _entry(tag: str, value: object, pos: tuple[int, int], path: str,
           problems: list[Problem]) -> Misconception | None:
    """One entry, or None (with problems) when it is not usable."""
    where = f"misconception {tag!r}"
    if not isinstance(value, Mapping):
        _error(problems, path, pos, "E013", f"{where} must be a mapping with "
               + ", ".join(FIELDS), "write `belief:`, `fact:` and `source:` indented under it")
        return None
    found = len(problems)
    for key in value:
        if key not in FIELDS:
            close = difflib.get_close_matches(str(key), FIELDS, n=1, cutoff=0.6)
            _error(problems, path, value.kpos(key), "E012", f"unknown field {key!r} in {where}",
                   f"did you mean {close[0]!r}?" if close else "allowed: " + ", ".join(FIELDS))
    texts: dict[str, str] = {}
    for key in FIELDS:
        text = value.get(key)
        if key not in value:
            _error(problems, path, value.start, "E011", f"missing field {key!r} in {where}",
                   f"add `{key}:` (see docs/authoring.md, \"Misconceptions\")")
        elif not isinstance(text, str) or not text.strip():
            _error(problems, path, value.pos(key), "E013", f"{where} {key!r} must be "
                   "non-empty text", "write it out in one sentence")
        else:
            texts[key] = " ".join(text.split())
    source = texts.get("source", "")
    if source and (not source.startswith("https://") or " " in source):
        _error(problems, path, value.pos("source"), "E013", f"{where} source {source!r} is "
               "not an https URL", "cite the AWS documentation page: https://docs.aws.amazon"
               ".com/...html")
    if len(problems) > found or len(texts) < len(FIELDS):
        return None
    return Misconception(tag, texts["belief"], texts["fact"], texts["source"])


def load(path: Path | str) -> tuple[dict[str, Misconception], list[Problem]]:
    """Read one misconceptions file: a mapping of tag to `belief`, `fact` and `source`. A bad
    entry is left out and reported at its line and column; a repeated tag is reported by the
    YAML reader (`E003`)."""
    doc = yaml_source.read(path)
    problems = list(doc.problems)
    entries: dict[str, Misconception] = {}
    if doc.data is None:
        return entries, problems
    if not isinstance(doc.data, Mapping):
        start = getattr(doc.data, "start", (1, 1))
        _error(problems, doc.path, start, "E010", "a misconceptions file must map tags to "
               "entries", "start with `my-tag:` and indent `belief:`, `fact:`, `source:` under it")
        return entries, problems
    for tag, value in doc.data.items():
        pos = doc.data.kpos(tag)
        if not SLUG.match(str(tag)):
            _error(problems, doc.path, pos, "E013", f"misconception tag {tag!r} is not "
                   "kebab-case", "use lower-case letters, digits and '-'")
            continue
        entry = _entry(str(tag), value, doc.data.pos(tag), doc.path, problems)
        if entry is not None:
            entries[entry.id] = entry
    return entries, problems


def merge(files: Iterable[Path]) -> tuple[dict[str, Misconception], list[Problem]]:
    """Every entry from `files` (as `files.misconception_files` orders them: a later file's
    entry replaces an earlier one's), and every problem found in them."""
    merged: dict[str, Misconception] = {}
    problems: list[Problem] = []
    for path in files:
        entries, found = load(path)
        merged.update(entries)
        problems.extend(found)
    return merged, problems


def for_roots(roots: Sequence[Path | str]) -> dict[str, Misconception]:
    """The entries that apply to a library made of `roots` (the bundled file first), for a
    screen that shows a tag's sentences. Problems are `validate`'s to report."""
    found: list[Path] = []
    discover(roots, misconceptions=found)
    return merge(misconception_files(found))[0]
