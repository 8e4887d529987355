"""Problems found in scenario files: values, not exceptions, until they reach the edge."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, replace

from .text_safety import visible

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding at a place in a file (line and column are 1-based; 0 means the whole file)."""

    path: str
    line: int
    column: int
    severity: str
    code: str
    message: str
    hint: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"

    def format(self) -> str:
        """The `file:line:col: severity CODE message` line, with the hint indented below. File
        names and messages are outside text: control characters show as symbols, so a file
        name can neither send escapes to the terminal nor start a line of its own."""
        head = f"{visible(self.location)}: {self.severity} {self.code} {visible(self.message)}"
        return f"{head}\n    hint: {visible(self.hint)}" if self.hint else head

    def headline(self, shorten: Callable[[str], str] = str) -> str:
        """The first line of `format()`, naming the file as `shorten` shows it (the catalogue
        names files relative to the folder they were found in)."""
        return replace(self, path=shorten(self.path)).format().splitlines()[0]

    def github(self) -> str:
        """A GitHub Actions workflow annotation, escaped by the workflow-command rules (so a
        file name cannot end the command or start another)."""
        kind = "error" if self.is_error else "warning"
        text = f"{self.code} {self.message}" + (f" (hint: {self.hint})" if self.hint else "")
        line, column = max(self.line, 1), max(self.column, 1)
        return f"::{kind} file={_github_property(self.path)},line={line},col={column}::" \
               f"{_github_data(text)}"


def _github_data(text: str) -> str:
    """A workflow command's message: `%`, CR and LF escaped as GitHub decodes them; any other
    control character shown as a symbol."""
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _github_property(text: str) -> str:
    """A workflow command's property value (`file=`): escaped like a message, and `:` and `,`,
    which end a property, too."""
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def sort_key(problem: Problem) -> tuple[str, int, int, str]:
    return (problem.path, problem.line, problem.column, problem.code)


def summary(problems: Iterable[Problem], files: int) -> str:
    """The closing line of a report: counts of errors and warnings over the files checked."""
    problems = list(problems)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    noun = "file" if files == 1 else "files"
    if not problems:
        return f"{files} {noun} checked: no problems"
    return f"{files} {noun} checked: {errors} error(s), {warnings} warning(s)"


def render(problems: list[Problem], files: int, fmt: str) -> str:
    """Render a report as `text`, `json` or `github` annotations. JSON keeps file names as they
    are, every character outside ASCII escaped: nothing raw reaches a terminal that shows it."""
    ordered = sorted(problems, key=sort_key)
    if fmt == "json":
        return json.dumps({"files": files, "problems": [asdict(p) for p in ordered]}, indent=2)
    if fmt == "github":
        lines = [p.github() for p in ordered]
        lines.append(summary(ordered, files))
        return "\n".join(lines)
    lines = [p.format() for p in ordered]
    lines.append(summary(ordered, files))
    return "\n".join(lines)
