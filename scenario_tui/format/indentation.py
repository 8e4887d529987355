"""Find the line whose indentation breaks a YAML file, once the parser has given up.

libyaml notices a misplaced line only where the structure stops making sense, which is often a
line or a block after the mistake ("did not find expected key"), and says so in parser words.
So we look for the one line that, moved to another column, makes the file parse with the
fewest problems; that line is the mistake, and the direction it moves says "indented too
little" or "too much". Plain text in, a finding out; the caller supplies the scoring.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

_KEY = re.compile(r"""(?P<key>"[^"]*"|'[^']*'|[^\s#:'"\[\]{}-][^\s#:]*|-[^\s#:]+):(?:\s+|$)""")
_BLOCK_SCALAR = re.compile(r"^[|>][0-9+-]*\s*(#.*)?$")
_BLOCK_START = re.compile(r"""^(?P<lead> *(?:- +)*)(?:(?:"[^"]*"|'[^']*'|[^\s#'"][^#]*?):\s+)?"""
                          r"[|>][0-9+-]*\s*(?:#.*)?$")


@dataclass(frozen=True)
class Misplaced:
    """A line that is out of step: 1-based line and column, what is wrong, and the fix."""

    line: int
    column: int
    message: str
    hint: str


@dataclass
class _Line:
    number: int
    indent: int
    key: str | None
    """The mapping key the line starts (after a '- ' for a list item), if any."""
    key_column: int
    opens: bool
    """The line ends with `key:` and nothing after it: a deeper block may follow."""
    dash: bool
    block_indent: int | None = None
    """For `key: |` or `key: >`, the column of the text's first line."""


def _strip_value(rest: str) -> str:
    """The value after `key:` without a trailing comment (a '#' after a space)."""
    return re.split(r"(?:^|\s)#", rest, maxsplit=1)[0].strip()


def _unclosed(value: str) -> bool:
    """A flow collection or quoted text that goes on past the end of its line."""
    if value[:1] in ("\"", "'"):
        return value.count(value[0]) % 2 == 1
    return value.count("[") + value.count("{") > value.count("]") + value.count("}")


def _read(text: str) -> list[_Line]:
    """The lines that carry structure: blank and comment lines, block scalars' text, and the
    continuation lines of plain, quoted and flow values are left out."""
    lines: list[_Line] = []
    skip_deeper_than: int | None = None
    block: _Line | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.lstrip(" ")
        indent = len(raw) - len(stripped)
        if not stripped.strip() or stripped.startswith("#"):
            continue
        if skip_deeper_than is not None:
            if indent > skip_deeper_than:
                if block is not None:
                    block.block_indent, block = indent, None
                continue
            skip_deeper_than = None
        if stripped.startswith(("---", "...")) and indent == 0:
            continue
        dash = stripped == "-" or stripped.startswith("- ")
        body, key_column = stripped, indent
        if dash:
            inner = stripped[1:].lstrip(" ")
            key_column = indent + len(stripped) - len(inner)
            body = inner
        match = _KEY.match(body)
        if match is None:
            if lines and indent > lines[-1].indent and not dash:
                continue  # a plain value's continuation line
            lines.append(_Line(number, indent, None, key_column, not body.strip(), dash))
            continue
        value = _strip_value(body[match.end():])
        opens = not value
        line = _Line(number, indent, match.group("key").strip("\"'"), key_column, opens, dash)
        if _BLOCK_SCALAR.match(value) or _unclosed(value):
            skip_deeper_than = key_column if not dash else indent
            line.opens = False
            block = line if _BLOCK_SCALAR.match(value) else None
        lines.append(line)
    return lines


def _step(lines: list[_Line]) -> int:
    """The file's usual indentation step (how far a block's first line sits right of the line
    that opens it), 2 when the file shows none."""
    steps: Counter[int] = Counter()
    for before, after in pairwise(lines):
        if before.opens and after.indent > before.key_column:
            steps[after.indent - before.key_column] += 1
    return steps.most_common(1)[0][0] if steps else 2


def _col(indent: int) -> str:
    return f"column {indent + 1}"


def _shown(line: _Line) -> str:
    return f"`{line.key}:`" if line.key is not None else ("this item" if line.dash
                                                           else "this line")


MAX_LINES = 2000
"""Longer files are not searched for a fix: each try parses the whole file again."""
MAX_TRIES = 200
"""At most this many re-indented copies are parsed (a 400-line file needs about 100)."""
_NEAR = 8
"""How many structural lines before the parser's position are tried."""


def repair(text: str, error_line: int, score: Callable[[str], int | None]) -> Misplaced | None:
    """The one line whose re-indenting makes `text` parse with the fewest problems (`score`
    gives their count, or None when the text still does not parse), as a finding at that line;
    None when no single line does it.

    Tried: the lines just before the parser's position, the last lines before those that close
    a block, lines at a column no other line uses, and lines that leave the block above them
    empty. Among fixes that leave as few problems, the one that keeps the file's usual
    indentation step wins, then the one nearest the parser's position."""
    raw = text.splitlines()
    if len(raw) > MAX_LINES:
        return None
    lines = _read(text)
    content = [n for n, line in enumerate(raw[:error_line], start=1)
               if line.strip() and not line.lstrip().startswith("#")]
    uses = Counter(line.indent for line in lines)
    suspects = [line.number for line in lines if uses[line.indent] == 1]
    for opener, after in pairwise(lines):
        if opener.opens and after.indent == opener.key_column and not after.dash:
            suspects += [opener.number, after.number]
    dedents = [after.number for before, after in pairwise(lines)
               if after.indent < before.indent and after.number < error_line - _NEAR]
    columns = {line.indent for line in lines} | {line.key_column for line in lines}
    best: tuple[tuple[int, int, int, int], int, int] | None = None
    tried: set[int] = set()
    budget = [MAX_TRIES]
    for group in (content[-_NEAR:], suspects, dedents[-_NEAR:]):
        for number in group:
            if number in tried or number > error_line:
                continue
            tried.add(number)
            for rank, column in _fixes(raw, number, columns, error_line, score, budget):
                if best is None or rank < best[0]:
                    best = (rank, number, column)
        if best is not None and best[0][:2] == (0, 0):
            break  # a fix that leaves no problem and keeps the file's step: look no further
    if best is None:
        return None
    _, number, column = best
    line = next((line for line in lines if line.number == number), None)
    if line is None:
        indent = len(raw[number - 1]) - len(raw[number - 1].lstrip(" "))
        line = _Line(number, indent, None, indent, False, False)
    return _finding(line, column, lines)


def _fixes(raw: list[str], number: int, columns: set[int], error_line: int,
           score: Callable[[str], int | None], budget: list[int]
           ) -> list[tuple[tuple[int, int, int, int], int]]:
    """Each column line `number` could move to that makes the file parse, ranked; `budget`
    holds how many more parses may be spent."""
    body = raw[number - 1].lstrip(" ")
    indent = len(raw[number - 1]) - len(body)
    near = {len(other) - len(other.lstrip(" ")) for other in raw[max(number - 3, 0):number + 2]
            if other.strip()}
    fixes = []
    texts = _block_text(raw)
    for column in sorted(columns | near):
        if column == indent or abs(column - indent) > 8 or budget[0] <= 0:
            continue
        moved = list(raw)
        moved[number - 1] = " " * column + body
        if _changes_text(texts, _block_text(moved), number, raw):
            continue
        budget[0] -= 1
        fixed = "\n".join(moved) + "\n"
        found = score(fixed)
        if found is not None:
            rank = (found, _irregular(_read(fixed)), error_line - number, abs(column - indent))
            fixes.append((rank, column))
    return fixes


def _block_text(raw: list[str]) -> frozenset[int]:
    """The numbers of the lines that are the text of a `|` or `>` block."""
    inside: set[int] = set()
    parent: int | None = None
    for number, line in enumerate(raw, start=1):
        indent = len(line) - len(line.lstrip(" "))
        if parent is not None and (not line.strip() or indent > parent):
            inside.add(number)
            continue
        start = _BLOCK_START.match(line)
        parent = len(start.group("lead")) if start else None
    return frozenset(inside)


def _changes_text(before: frozenset[int], after: frozenset[int], number: int,
                  raw: list[str]) -> bool:
    """Whether moving line `number` turns other lines into a block's text, or text into
    structure (`choices:` pulled into the `text: |` above it, its choices with it), or moves
    the line itself in or out of a block it does not open the text of. Such a move may make
    the file parse, but it hides what the author wrote instead of placing it."""
    if (before ^ after) - {number}:
        return True
    opens = number >= 2 and _BLOCK_START.match(raw[number - 2]) is not None
    return (number in before) != (number in after) and not opens


def _irregular(lines: list[_Line]) -> int:
    """How many blocks and `|`/`>` texts start at other than the file's usual step right of
    the line that opens them."""
    step = _step(lines)
    blocks = sum(1 for before, after in pairwise(lines)
                 if before.opens and after.indent > before.key_column
                 and after.indent - before.key_column != step)
    texts = sum(1 for line in lines
                if line.block_indent is not None and line.block_indent - line.key_column != step)
    return blocks + texts


def _finding(line: _Line, column: int, lines: list[_Line]) -> Misplaced:
    """`line` belongs at `column`: say so, naming a line it should line up with."""
    above = [other for other in lines if other.number < line.number and other.key is not None
             and column in (other.indent, other.key_column)]
    below = [other for other in lines if other.number > line.number and other.key is not None
             and column in (other.indent, other.key_column)]
    ref = above[-1] if above else (below[0] if below else None)
    direction = "little" if column > line.indent else "much"
    where = f"{_shown(ref)} on line {ref.number} ({_col(column)})" if ref else _col(column)
    return Misplaced(line.number, line.indent + 1,
                     f"{_shown(line)} at {_col(line.indent)} does not line up with the lines "
                     "around it", f"indented too {direction}? line it up with {where}")
