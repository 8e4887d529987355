"""The fields each level of a scenario allows, and the checker that reads them out of a file.

Kept apart from `loader` so the rules for one field (its type, its allowed values, the hint
for a misplaced or misspelt one) are in one place, and the loader only builds the graph.
"""

from __future__ import annotations

import re
from typing import Any

from . import glossary, misconceptions
from .files import GLOSSARY_NAME, MISCONCEPTIONS_NAME
from .problems import ERROR, WARNING, Problem, did_you_mean, nearest
from .yaml_source import Mapping, Pos, Sequence

TOP_FIELDS = ("id", "title", "situation", "difficulty", "domain", "tags", "services", "sources",
              "verified", "covers", "start", "lint", "nodes", "architecture", "faults")
TOP_REQUIRED = ("id", "title", "situation", "difficulty", "services", "sources", "verified",
                "nodes")
NODE_FIELDS = ("text", "end", "choices", "services", "lint")
CHOICE_FIELDS = ("label", "to", "points", "why", "misconception", "pillars", "source",
                 "architecture")
CHOICE_REQUIRED = ("label", "to", "points", "why")


class Checker:
    """Collects problems for one file while reading fields out of it."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.choice_positions: dict[tuple[str, int, str], Pos] = {}
        self.node_positions: dict[tuple[str, str], Pos] = {}
        self.stray_nodes: dict[str, tuple[Pos, str]] = {}
        """Nodes found where a field should be, by id: where, and "too much" or "too
        little" (how they are indented)."""

    def error(self, pos: Pos, code: str, message: str, hint: str) -> None:
        self.problems.append(Problem(self.path, pos[0], pos[1], ERROR, code, message, hint))

    def warning(self, pos: Pos, code: str, message: str, hint: str) -> None:
        self.problems.append(Problem(self.path, pos[0], pos[1], WARNING, code, message, hint))

    def fields(self, mapping: Mapping, allowed: tuple[str, ...], required: tuple[str, ...],
               where: str) -> None:
        meant = set()
        for key in mapping:
            if key not in allowed:
                meant.add(nearest(str(key), allowed))
                hint = _misplaced(key, mapping[key], allowed) or did_you_mean(
                    str(key), allowed, "allowed here: " + ", ".join(allowed))
                if hint.endswith(_NODE_HERE):
                    how = hint.split("?")[0].removeprefix("indented ")
                    self.stray_nodes[str(key)] = (mapping.kpos(key), how)
                self.error(mapping.kpos(key), "E012", f"unknown field {key!r} in {where}", hint)
        for key in required:
            if key not in mapping and key not in meant:  # a misspelt field: reported once
                self.error(mapping.start, "E011", f"missing required field {key!r} in {where}",
                           f"add `{key}:` (see docs/authoring.md)")

    def text(self, mapping: Mapping, key: str, where: str, *, code: str = "E013") -> str:
        """The text at `mapping[key]`, "" when absent (a required field is `fields`' to
        report); a key with nothing after it (`title:`) is empty, not absent."""
        if key not in mapping:
            return ""
        value = mapping[key]
        if value is None:
            self.error(mapping.pos(key), code, is_empty(where, key), "write it out")
            return ""
        if not isinstance(value, str):
            self.error(mapping.pos(key), "E013", must_be(where, key, "text", value),
                       "quote the value")
            return str(value)
        if not value.strip():
            self.error(mapping.pos(key), code, is_empty(where, key), "write it out")
        return value

    def words(self, mapping: Mapping, key: str, where: str, pattern: re.Pattern[str] | None
              = None, hint: str = "") -> list[str]:
        value = mapping.get(key)
        if value is None:
            return []
        if not isinstance(value, Sequence):
            self.error(mapping.pos(key), "E013", must_be(where, key, "a list", value),
                       f"write `{key}: [a, b]`")
            return []
        items: list[str] = []
        for index, item in enumerate(value):
            if not isinstance(item, str) or (pattern and not pattern.match(item)):
                self.error(value.pos(index), "E013", f"bad item {item!r} in {key!r}",
                           hint or "use lower-case words joined by '-'")
                continue
            items.append(item)
        return items

    def choice_of(self, mapping: Mapping, key: str, allowed: tuple[str, ...], where: str
                  ) -> str | None:
        value = mapping.get(key)
        if value is None:
            return None
        if value not in allowed:
            hint = did_you_mean(str(value), allowed, "one of: " + ", ".join(allowed))
            self.error(mapping.pos(key), "E013", f"unknown {key} {value!r}{where}", hint)
            return None
        return str(value)


def folder_file(data: Mapping) -> tuple[str, str] | None:
    """The problem and hint for a document that is not a scenario but a misconceptions file's
    entries or a glossary's cards under another name (`misconceptions.yml`): one clear
    problem instead of every scenario field missing. None for anything else."""
    if not data or any(key in TOP_FIELDS for key in data) \
            or not all(isinstance(value, Mapping) for value in data.values()):
        return None
    keys = {key for value in data.values() for key in value}
    for name, kind, fields in ((MISCONCEPTIONS_NAME, "misconception entries", misconceptions
                                .FIELDS), (GLOSSARY_NAME, "glossary cards", glossary.FIELDS)):
        if keys & set(fields[:2]):
            return (f"this file holds {kind} ({', '.join(fields)}), not a scenario",
                    f"only a file named {name} is read as one: rename it, and `scenario-tui "
                    "validate` checks it as one")
    return None


def must_be(where: str, key: Any, kind: str, value: Any) -> str:
    """The message for a field of the wrong type, one wording for every level of a scenario
    (its fields, its architecture, its faults): "node 'a': field 'text' must be text, not a
    list"."""
    return f"{where}: field {key!r} must be {kind}, not {kind_of(value)}"


def is_empty(where: str, key: Any) -> str:
    """The message for a field that is there but holds nothing."""
    return f"{where}: field {key!r} is empty"


def kind_of(value: Any) -> str:
    """A value's type as an author reads it in a message: "a list", "true/false", "empty"."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, (Mapping, dict)):
        return "a mapping"
    if isinstance(value, (Sequence, list)):
        return "a list"
    if value is None:
        return "empty"
    return "text" if isinstance(value, str) else type(value).__name__


LEVELS = (("the scenario", TOP_FIELDS), ("a node", NODE_FIELDS), ("a choice", CHOICE_FIELDS))
"""The fields of each level of a scenario, outermost first."""


_NODE_HERE = "a node goes under `nodes:`, in line with the other nodes"


def _misplaced(key: Any, value: Any, allowed: tuple[str, ...]) -> str | None:
    """The "indented too little/much?" hint for an unknown field that is a field of another
    level (or a whole node), as a mis-indented line leaves it when the file still parses."""
    here = next((depth for depth, (_, fields) in enumerate(LEVELS) if fields is allowed), None)
    if here is None:
        return None
    if isinstance(value, Mapping) and ("text" in value or "end" in value):
        how = "too little" if here == 0 else "too much"
        return f"indented {how}? {_NODE_HERE}"
    for depth, (name, fields) in enumerate(LEVELS):
        if key in fields and depth != here:
            how = "too little" if depth > here else "too much"
            return f"indented {how}? {key!r} is a field of {name}: line it up with that " \
                   "level's other fields"
    return None
