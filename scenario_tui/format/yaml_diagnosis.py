"""Name a YAML syntax error the way an author made it, at the line where it was made.

libyaml reports where its scanner gave up, in its own words ("mapping values are not allowed
in this context", "did not find expected <document start>"). Some mistakes have a shape we can
see in the text: a value that needs quotes, a key without its colon, a second `---` document,
stray text above the first field. Each rule proposes the edit that fixes its mistake, and is
believed only when the edited text parses, or parses further than before; the caller falls
back to the indentation search (`indentation.repair`) when no rule holds.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

INDICATORS = {
    "`": "a character YAML reserves", "@": "a character YAML reserves",
    "%": "which YAML reads as a directive", "*": "which YAML reads as an alias (*name)",
    "&": "which YAML reads as an anchor (&name)", "!": "which YAML reads as a tag (!name)",
    "[": "which YAML reads as the start of a list", "{": "which YAML reads as the start of a "
    "mapping", "|": "which YAML reads as the start of a block of text", ">": "which YAML reads "
    "as the start of a folded block of text",
}
"""The characters a plain value cannot start with, and what YAML takes each for."""

_ITEM = re.compile(r"^(?P<lead> *(?:- +)*)(?P<rest>.*)$")
_KEYED = re.compile(r"^(?P<key>[^\s#:'\"\[\]{}|>`@%*&!,-][^:#]*?|\"[^\"]*\"|'[^']*'):(?: +|$)")
_WORD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]+(?P<value>[^:\s].*)$")
_SECOND_DOCUMENT = re.compile(r"^---(?:\s|$)")


@dataclass(frozen=True)
class Diagnosis:
    """A syntax mistake: 1-based line and column, what is wrong, and the fix."""

    line: int
    column: int
    message: str
    hint: str


def diagnose(text: str, line: int, column: int, problem: str,
             keys: Collection[str] = ()) -> Diagnosis | None:
    """The mistake behind libyaml's `problem` at (`line`, `column`), when one rule can name it
    and its fix holds; `keys` are the field names a key without a colon may be."""
    raw = text.splitlines()
    if not 1 <= line <= len(raw) + 1:
        return None
    for rule in (_second_document, _value_needs_quotes, _missing_colon, _stray_start):
        found = rule(raw, line, column, problem, keys)
        if found is not None:
            return found
    return None


def _parses_past(raw: list[str], line: int) -> bool:
    """Whether `raw` (lines) parses, or fails only after `line`."""
    try:
        yaml.compose("\n".join(raw) + "\n", Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return mark is not None and mark.line + 1 > line
    except (yaml.YAMLError, RecursionError, MemoryError):
        return False
    return True


def _content(line: str) -> bool:
    return bool(line.strip()) and not line.lstrip().startswith("#")


def _shown(value: str, width: int = 40) -> str:
    return value if len(value) <= width else value[:width - 1].rstrip() + "…"


def _quoted(value: str) -> str:
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _owner(key: str | None) -> str:
    return f"the value of `{key}:`" if key else "this item"


def starts_with_indicator(key: str | None, value: str, consequence: str = ""
                          ) -> tuple[str, str]:
    """The message and hint for a plain `value` (of `key`, or a list item) whose first
    character YAML reserves: what YAML reads it as, what that does to the text
    (`consequence`), and the value quoted as the fix."""
    value = " ".join(value.split())
    message = f"{_owner(key)} starts with '{value[0]}', {INDICATORS[value[0]]}"
    example = f"{key}: " if key else "- "
    return (f"{message}: {consequence}" if consequence else message,
            f"a value starting with {value[0]} must be quoted: "
            f"`{example}{_shown(_quoted(value))}`")


def _second_document(raw: list[str], line: int, column: int, problem: str,
                     keys: Collection[str]) -> Diagnosis | None:
    """A `---` after the first document's content starts a second document."""
    seen = False
    for number, text in enumerate(raw[:line], start=1):
        if seen and _SECOND_DOCUMENT.match(text):
            return Diagnosis(number, 1, "`---` starts a second YAML document here, but a file "
                             "holds one scenario (one YAML document)",
                             "remove this `---` line, or put the second scenario in a file of "
                             "its own")
        seen = seen or (_content(text) and not text.startswith(("---", "%")))
    return None


def _value_needs_quotes(raw: list[str], line: int, column: int, problem: str,
                        keys: Collection[str]) -> Diagnosis | None:
    """A plain value that starts with an indicator, or holds ': ', on the parser's line."""
    if line > len(raw):
        return None
    text = raw[line - 1]
    item = _ITEM.match(text)
    assert item is not None  # the pattern matches any line
    start, rest = len(item.group("lead")), item.group("rest")
    keyed = _KEYED.match(rest)
    key = keyed.group("key") if keyed else None
    if keyed:
        start, rest = start + keyed.end(), rest[keyed.end():]
    value = re.split(r"\s#", rest, maxsplit=1)[0].rstrip()
    if not value or column <= start or value[0] in "\"'":
        return None
    owner, quoted = _owner(key), f"{key}: " if key else "- "
    quoted += _shown(_quoted(value))
    if value[0] in INDICATORS:
        message, hint = starts_with_indicator(key, value)
        at = start + 1
    elif "mapping values are not allowed" in problem:
        message = f"{owner} contains ': ', which YAML reads as a key and its value"
        hint = f"quote the value: it contains ': ' (`{quoted}`)"
        at = column
    else:
        return None
    fixed = list(raw)
    fixed[line - 1] = text[:start] + _quoted(value) + text[start + len(value):]
    return Diagnosis(line, at, message, hint) if _parses_past(fixed, line) else None


def _missing_colon(raw: list[str], line: int, column: int, problem: str,
                   keys: Collection[str]) -> Diagnosis | None:
    """A field name followed by its value with no colon between, on the parser's line or the
    two lines with content above it."""
    near = [n for n in range(min(line, len(raw)), 0, -1) if _content(raw[n - 1])][:3]
    for number in near:
        text = raw[number - 1]
        item = _ITEM.match(text)
        assert item is not None
        start = len(item.group("lead"))
        word = _WORD.match(item.group("rest"))
        if word is None or word.group("key") not in keys:
            continue
        key, value = word.group("key"), word.group("value").rstrip()
        fixed = list(raw)
        fixed[number - 1] = f"{text[:start]}{key}: {value}"
        if _parses_past(fixed, line):
            return Diagnosis(number, start + 1, f"`{key}` has no colon after it",
                             f"a key needs a colon: `{key}: {_shown(value)}`")
    return None


def _stray_start(raw: list[str], line: int, column: int, problem: str,
                 keys: Collection[str]) -> Diagnosis | None:
    """Text above the first field that is neither a field nor a comment."""
    first = next((n for n, text in enumerate(raw, start=1)
                  if _content(text) and not text.startswith(("---", "%"))), None)
    if first is None or first > line:
        return None
    text = raw[first - 1]
    item = _ITEM.match(text)
    assert item is not None
    if item.group("lead") or _KEYED.match(item.group("rest")) or text.lstrip()[:1] in "[{\"'":
        return None
    fixed = raw[:first - 1] + raw[first:]
    if not _parses_past(fixed, line - 1):
        return None
    return Diagnosis(first, len(text) - len(text.lstrip()) + 1,
                     f"stray text before the first field: {_shown(text.strip())!r}",
                     "a scenario file starts with `id: my-scenario`: delete this line, or make "
                     "it a comment by starting it with `# `")
