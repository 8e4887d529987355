"""The shared reader for a scenario's design: positions, problems and typed fields.

Both `architecture_read` (components and changes) and `fault_read` (faults and their rules)
read through it, so a value from the loader's position-aware YAML reports at file:line:col,
and plain data from the graph reads the same way with no positions.
"""

from __future__ import annotations

import difflib
from typing import Any

from .field_check import is_empty, must_be
from .model import SLUG
from .problems import ERROR, Problem
from .yaml_source import Mapping, Pos, Sequence

Key = tuple[Any, ...]
"""A place in the design, for `Positions`: ("service", node, index, component id), ..."""
Positions = dict[Key, Pos]


def plain(value: Any) -> Any:
    """Position-aware containers as plain dicts and lists: what the graph keeps, so exports
    write it and node-link data round-trips it."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


class Reader:
    """Collects problems and positions while turning data into values."""

    def __init__(self, path: str, fallback: Pos) -> None:
        self.path = path
        self.fallback = fallback
        self.problems: list[Problem] = []
        self.positions: Positions = {}
        self.test_positions: dict[tuple[int, str], Pos] = {}
        """Where each test's fields are, by the test object's id (for this read only)."""

    def pos(self, container: Any, key: Any) -> Pos:
        if isinstance(container, Mapping):
            return container.pos(key)
        if isinstance(container, Sequence) and isinstance(key, int):
            return container.pos(key)
        return self.fallback

    def kpos(self, container: Any, key: Any) -> Pos:
        return container.kpos(key) if isinstance(container, Mapping) else self.fallback

    def start(self, container: Any) -> Pos:
        return container.start if isinstance(container, (Mapping, Sequence)) else self.fallback

    def error(self, pos: Pos, code: str, message: str, hint: str) -> None:
        self.problems.append(Problem(self.path, pos[0], pos[1], ERROR, code, message, hint))

    def mapping(self, container: Any, key: Any, where: str, example: str) -> dict[str, Any]:
        """The mapping at `container[key]`, `where` naming the container."""
        value = container.get(key)
        if isinstance(value, dict):
            return value
        self.error(self.pos(container, key), "E013", must_be(where, key, "a mapping", value),
                   f"write it as {example}")
        return {}

    def fields(self, mapping: dict[str, Any], allowed: tuple[str, ...],
               required: tuple[str, ...], where: str) -> None:
        for key in mapping:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
                hint = f"did you mean {close[0]!r}?" if close else "allowed here: " + \
                    ", ".join(allowed)
                self.error(self.kpos(mapping, key), "E012", f"unknown field {key!r} in {where}",
                           hint)
        for key in required:
            if key not in mapping:
                self.error(self.start(mapping), "E011", f"missing required field {key!r} in "
                           f"{where}", f"add `{key}:` (see docs/authoring.md, Architecture)")

    def slug(self, container: Any, key: Any, where: str) -> str | None:
        value = container[key] if isinstance(container, list) else container.get(key)
        if isinstance(value, str) and SLUG.match(value):
            return value
        self.error(self.pos(container, key), "E013", f"{where} {value!r} is not an id",
                   "use lower-case letters, digits and '-', like catalogue-db")
        return None

    def slugs(self, mapping: dict[str, Any], key: str, where: str) -> tuple[str, ...] | None:
        value = mapping.get(key)
        if value is None:
            return None
        if not isinstance(value, list):
            self.error(self.pos(mapping, key), "E013", must_be(where, key, "a list", value),
                       f"write `{key}: [a, b]`")
            return None
        found = [self.slug(value, i, f"item of {key!r}") for i in range(len(value))]
        return tuple(item for item in found if item is not None)

    def count(self, mapping: dict[str, Any], key: str, where: str, least: int) -> int | None:
        value = mapping.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            message = must_be(where, key, f"a whole number of at least {least}", value)
        elif value < least:
            message = f"{where}: field {key!r} is {value}: it must be at least {least}"
        else:
            return value
        self.error(self.pos(mapping, key), "E013", message, f"e.g. `{key}: {max(least, 2)}`")
        return None

    def text(self, mapping: dict[str, Any], key: str, where: str) -> str:
        """The text at `mapping[key]`, "" when it is absent; worded as the scenario's own
        fields are (`field_check`), and a field written with nothing after it is empty."""
        if key not in mapping:
            return ""
        value = mapping[key]
        if value is None or (isinstance(value, str) and not value.strip()):
            self.error(self.pos(mapping, key), "E013", is_empty(where, key), "write it out")
            return ""
        if not isinstance(value, str):
            self.error(self.pos(mapping, key), "E013", must_be(where, key, "text", value),
                       "quote the value")
            return ""
        return value


