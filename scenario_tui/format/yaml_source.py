"""Read untrusted YAML safely, keeping the line and column of every key and value.

PyYAML's safe loaders silently keep the last of two duplicate keys, expand alias bombs lazily
and raise `RecursionError` on deep nesting. We parse with libyaml into a node tree
(`yaml.compose`, which runs no constructors and so no code), then build plain Python values
ourselves with limits on size, depth and alias expansion, reporting problems as values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from .problems import ERROR, Problem

MAX_BYTES = 16 * 1024 * 1024
"""Scenario files are hand-written; anything bigger is refused before parsing."""
MAX_DEPTH = 40
"""A scenario nests five levels deep; forty leaves room and stops pathological nesting."""
MAX_EXPANDED = 1_000_000
"""Upper bound on values after alias expansion (a 10,000-node scenario has ~400,000)."""

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SCALARS = SafeConstructor()
_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_SCALAR_TAGS = {
    _STR: None,
    "tag:yaml.org,2002:int": _SCALARS.construct_yaml_int,
    "tag:yaml.org,2002:float": _SCALARS.construct_yaml_float,
    "tag:yaml.org,2002:bool": _SCALARS.construct_yaml_bool,
    "tag:yaml.org,2002:null": _SCALARS.construct_yaml_null,
    "tag:yaml.org,2002:timestamp": _SCALARS.construct_yaml_timestamp,
}

_PROPERTIES = ("&", "!")
"""What a value starts with in the source when it carries an anchor or a tag (`yaml_marks`)."""

_KINDS = {"tag:yaml.org,2002:timestamp": "date", "tag:yaml.org,2002:int": "whole number",
          "tag:yaml.org,2002:float": "number", "tag:yaml.org,2002:bool": "true/false value"}
"""What an author calls each resolved type, for "... is not a date"."""

Pos = tuple[int, int]
"""A 1-based (line, column)."""


class Mapping(dict[str, Any]):
    """A dict that remembers where each key and value starts in the source."""

    __slots__ = ("key_pos", "start", "value_pos")

    def __init__(self, start: Pos) -> None:
        super().__init__()
        self.start = start
        self.key_pos: dict[Any, Pos] = {}
        self.value_pos: dict[Any, Pos] = {}

    def pos(self, key: Any) -> Pos:
        """Where the value of `key` starts, or the mapping itself if the key is absent."""
        return self.value_pos.get(key, self.start)

    def kpos(self, key: Any) -> Pos:
        return self.key_pos.get(key, self.start)


class Sequence(list[Any]):
    """A list that remembers where each item starts in the source."""

    __slots__ = ("item_pos", "start")

    def __init__(self, start: Pos) -> None:
        super().__init__()
        self.start = start
        self.item_pos: list[Pos] = []

    def pos(self, index: int) -> Pos:
        return self.item_pos[index] if 0 <= index < len(self.item_pos) else self.start


@dataclass
class Document:
    """The result of reading one file: its data (None if unreadable) and the problems found."""

    path: str
    data: Any = None
    text: str = ""
    problems: list[Problem] = field(default_factory=list)


class _Abort(Exception):
    """Stops building a document that breaks a hard limit."""

    def __init__(self, pos: Pos, code: str, message: str, hint: str, unnamed: bool = False
                 ) -> None:
        super().__init__(message)
        self.pos, self.code, self.message, self.hint = pos, code, message, hint
        self.unnamed = unnamed
        """The message starts with the value: the mapping holding it puts its key first."""


def _mark(node: yaml.Node) -> Pos:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _offset_to_pos(text: str, offset: int) -> Pos:
    line = text.count("\n", 0, offset) + 1
    return (line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


class _Builder:
    """Turns a composed node tree into Mapping/Sequence/scalars, enforcing the limits."""

    def __init__(self, path: str, text: str = "") -> None:
        self.path = path
        self.text = text
        self.marked = False
        """Some value starts with an anchor or a tag: `yaml_marks` looks at them."""
        self.problems: list[Problem] = []
        self.expanded = 0
        self.done: dict[int, tuple[Any, int]] = {}
        self.active: set[int] = set()

    def build(self, node: yaml.Node, depth: int = 0) -> Any:
        if node.__class__ is yaml.ScalarNode:  # the common case, kept cheap: no memo needed,
            self.expanded += 1  # since only collections can multiply through aliases
            return node.value if node.tag == _STR else self._scalar(node)
        key = id(node)
        if key in self.done:  # an alias: count what it would expand to, share the value
            value, size = self.done[key]
            self._count(size, node)
            return value
        if key in self.active:
            raise _Abort(_mark(node), "E004", "recursive alias", "an anchor cannot contain itself")
        if depth > MAX_DEPTH:
            raise _Abort(
                _mark(node), "E004", f"nesting deeper than {MAX_DEPTH} levels",
                "scenarios nest about five levels: flatten the structure",
            )
        before = self.expanded
        self._count(1, node)
        self.active.add(key)
        if isinstance(node, yaml.MappingNode):
            value = self._mapping(node, depth)
        else:
            assert isinstance(node, yaml.SequenceNode)  # scalars returned above
            value = self._sequence(node, depth)
        self.active.discard(key)
        self.done[key] = (value, self.expanded - before)
        return value

    def _count(self, size: int, node: yaml.Node) -> None:
        self.expanded += size
        if self.expanded > MAX_EXPANDED:
            raise _Abort(
                _mark(node), "E004", f"document expands to more than {MAX_EXPANDED:,} values",
                "aliases (*name) that repeat large anchors multiply the document (a 'billion "
                "laughs' bomb); write the content out or split the file",
            )

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag == _STR:
            return node.value
        construct = _SCALAR_TAGS.get(node.tag)
        if construct is None and node.tag.startswith("!") and not node.style:
            self.marked = True  # `label: !Scale up`: text an author wrote, reported there
            return node.value
        if construct is None:
            raise self._bad_tag(node)
        try:
            return construct(node)
        except (ValueError, yaml.YAMLError) as error:
            kind = _KINDS.get(node.tag, "value")
            how = "write it as YYYY-MM-DD" if kind == "date" else "quote it if it is text"
            raise _Abort(_mark(node), "E013", f"{node.value!r} is not a {kind}",
                         f"{error}: {how}", unnamed=True) from None

    def _bad_tag(self, node: yaml.Node) -> _Abort:
        if node.tag.startswith("!"):  # `!name`, often text that starts with `!`
            return _Abort(_mark(node), "E004", f"unsupported YAML tag {node.tag!r}",
                          "a value starting with ! must be quoted (YAML reads `!name` as a "
                          "tag); scenario files hold plain data, and tags are never executed")
        return _Abort(
            _mark(node), "E004", f"unsupported YAML tag {node.tag!r}",
            "scenario files hold plain data: remove the tag (tags such as !!python/object "
            "are refused and never executed)",
        )

    def _mapping(self, node: yaml.MappingNode, depth: int) -> Mapping:
        if node.tag != _MAP:
            raise self._bad_tag(node)
        result = Mapping(_mark(node))
        key_pos, value_pos, build = result.key_pos, result.value_pos, self.build
        for key_node, value_node in node.value:
            if key_node.__class__ is not yaml.ScalarNode:
                raise _Abort(_mark(key_node), "E013", "a mapping key must be a plain value",
                             "use a word as the key")
            if key_node.tag == _STR:
                key = key_node.value
                self.expanded += 1
            elif key_node.tag == "tag:yaml.org,2002:merge":
                raise _Abort(_mark(key_node), "E004", "merge keys (<<) are not supported",
                             "write the fields out in full")
            elif key_node.tag.startswith("!"):
                raise self._bad_tag(key_node)
            else:
                key = str(build(key_node, depth + 1))
            mark = key_node.start_mark
            where = (mark.line + 1, mark.column + 1)
            if key in result:
                self.problems.append(Problem(
                    self.path, *where, ERROR, "E003", f"duplicate key {key!r}",
                    f"first defined at line {key_pos[key][0]}; YAML would silently keep only "
                    "this one",
                ))
            key_pos[key] = where
            mark = value_node.start_mark
            value_pos[key] = (mark.line + 1, mark.column + 1)
            if self.text.startswith(_PROPERTIES, mark.index):
                self.marked = True
            try:
                result[key] = build(value_node, depth + 1)
            except _Abort as stop:
                if stop.unnamed:
                    stop.message, stop.unnamed = f"{key} {stop.message}", False
                raise
        return result

    def _sequence(self, node: yaml.SequenceNode, depth: int) -> Sequence:
        if node.tag != _SEQ:
            raise self._bad_tag(node)
        result = Sequence(_mark(node))
        for item in node.value:
            result.item_pos.append(_mark(item))
            if self.text.startswith(_PROPERTIES, item.start_mark.index):
                self.marked = True
            result.append(self.build(item, depth + 1))
        return result


def _read_bytes(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(MAX_BYTES + 1)


def decode(raw: bytes, path: str) -> tuple[str | None, Problem | None]:
    """Decode file bytes as UTF-8 (a BOM is allowed), refusing binary and oversized input."""
    if len(raw) > MAX_BYTES:
        return None, Problem(path, 1, 1, ERROR, "E001", f"file is larger than "
                             f"{MAX_BYTES // (1024 * 1024)} MB", "a scenario is a few KB of text; "
                             "is this the right file?")
    if b"\x00" in raw:
        offset = raw.index(b"\x00")
        line = raw.count(b"\n", 0, offset) + 1
        return None, Problem(path, line, 1, ERROR, "E001", "binary file (contains NUL bytes)",
                             "scenario files are UTF-8 text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, Problem(path, line, column, ERROR, "E001",
                             f"not valid UTF-8 (byte 0x{raw[error.start]:02x})",
                             "save the file as UTF-8")
    if not text.strip():
        return None, Problem(path, 1, 1, ERROR, "E001", "empty file",
                             "start from `scenario-tui new SLUG`")
    return text, None


def parse(text: str, path: str) -> Document:
    """Parse YAML text into position-aware data, never raising on bad input."""
    doc = Document(path, text=text)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        unclosed = _unclosed(error)
        if unclosed is not None:
            doc.problems.append(Problem(path, *unclosed))
            return doc
        mark = error.problem_mark or error.context_mark
        pos = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(str(error.problem or error).split())
        if "nesting depth" in message:  # libyaml's own limit (1,000 levels in some builds)
            doc.problems.append(Problem(path, *pos, ERROR, "E004", f"nesting deeper than "
                                        f"{MAX_DEPTH} levels", "scenarios nest about five "
                                        "levels: flatten the structure"))
            return doc
        doc.problems.append(Problem(path, *pos, ERROR, "E002", f"YAML syntax error: {message}",
                                    _syntax_hint(message)))
        return doc
    except yaml.reader.ReaderError as error:
        pos = _offset_to_pos(text, error.position)
        doc.problems.append(Problem(path, *pos, ERROR, "E002",
                                    f"YAML syntax error: {error.reason}",
                                    "remove control characters; write escapes like \\e inside "
                                    "double quotes"))
        return doc
    except (yaml.YAMLError, RecursionError, MemoryError) as error:
        doc.problems.append(Problem(path, 1, 1, ERROR, "E002",
                                    f"YAML could not be parsed: {type(error).__name__}",
                                    "check the file's structure"))
        return doc
    if root is None:  # blank, or only comments (and a bare `---`)
        doc.problems.append(Problem(path, 1, 1, ERROR, "E001", "no content (only comments)"
                                    if text.strip() else "empty file", "write the scenario, or "
                                    "start from `scenario-tui new SLUG`"))
        return doc
    builder = _Builder(path, text)
    try:
        doc.data = builder.build(root)
    except _Abort as stop:
        doc.problems.append(Problem(path, *stop.pos, ERROR, stop.code, stop.message, stop.hint))
    except RecursionError:
        doc.problems.append(Problem(path, 1, 1, ERROR, "E004", "nesting too deep",
                                    "flatten the structure"))
    doc.problems.extend(builder.problems)
    if builder.marked:  # rare: most files have no anchor or tag, and are parsed once
        from .yaml_marks import text_marks

        doc.problems.extend(text_marks(text, path))
    return doc


UNCLOSED = "is never closed"
"""In the message of a bracket or quote left open: the loader does not take it for a line
indented wrong (`loader._misplaced_line`)."""


def _unclosed(error: yaml.MarkedYAMLError) -> tuple[int, int, str, str, str, str] | None:
    """A `[`, `{` or quote opened and never closed, reported where it opens: libyaml stops
    lines later, where its guess ("expected ',' or ']'") sends an author the wrong way."""
    context, mark = error.context or "", error.context_mark
    if mark is None:
        return None
    opener = ("[" if "flow sequence" in context else "{" if "flow mapping" in context
              else "a quote" if "quoted scalar" in context else None)
    if opener is None:
        return None
    shown = opener if opener == "a quote" else f"`{opener}`"
    closer = {"[": "]", "{": "}"}.get(opener)
    hint = (f"close it with `{closer}`, or put text that starts with `{opener}` in quotes: "
            f"label: \"{opener}draft{closer} …\"" if closer else
            "close the quote; inside double quotes write \\\" for a quote")
    return (mark.line + 1, mark.column + 1, ERROR, "E002",
            f"YAML syntax error: {shown} opened here {UNCLOSED}", hint)


def _syntax_hint(message: str) -> str:
    if "tab" in message:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in message:
        return "a value containing ': ' needs quotes, or the indentation is off"
    if "expected a single document" in message:
        return "one scenario per file: remove the '---' separator"
    if "found undefined alias" in message or "found unidentified alias" in message:
        return "define the anchor (&name) before using the alias (*name)"
    return "check the indentation and quoting around this position"


def read(path: Path | str) -> Document:
    """Read and parse one file; every failure becomes a Problem on the Document."""
    path = Path(path)
    shown = str(path)
    try:
        raw = _read_bytes(path)
    except OSError as error:
        return Document(shown, problems=[Problem(shown, 1, 1, ERROR, "E001",
                                                 f"cannot read file: {error.strerror or error}",
                                                 "check the path and its permissions")])
    text, problem = decode(raw, shown)
    if problem is not None:
        return Document(shown, problems=[problem])
    assert text is not None
    return parse(text, shown)
