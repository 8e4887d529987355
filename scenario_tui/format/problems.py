"""Problems found in scenario files: values, not exceptions, until they reach the edge."""

from __future__ import annotations

import difflib
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
        """`file:line:col`, or the file alone for a problem with the whole file (line 0): a
        made-up `:0:0` or `:1:1` would point an editor at a place that is not the problem."""
        return f"{self.path}:{self.line}:{self.column}" if self.line > 0 else self.path

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


def nearest(word: str, known: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The known id `word` most likely meant: one that is a whole part of it (`sqs-queue`,
    `lambda-function`), else the closest by spelling, else the one id it abbreviates
    (`dynamo` -> `dynamodb`), else None."""
    known = sorted(set(known))
    parts = [k for k in known if word.startswith(f"{k}-") or word.endswith(f"-{k}")]
    if parts:
        return max(parts, key=len)
    close = difflib.get_close_matches(word, known, n=1, cutoff=cutoff)
    if close:
        return close[0]
    longer = [k for k in known if len(word) >= 3 and k.startswith(word)]
    return longer[0] if len(longer) == 1 else None


def did_you_mean(word: str, known: Iterable[str], otherwise: str, cutoff: float = 0.6) -> str:
    """A hint naming the nearest known id to `word`, or `otherwise` when none is near."""
    close = nearest(word, known, cutoff)
    return f"did you mean {close!r}?" if close else otherwise


def sort_key(problem: Problem) -> tuple[str, int, int, str]:
    return (problem.path, problem.line, problem.column, problem.code)


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def checked(files: int, glossaries: int = 0, misconceptions: int = 0) -> str:
    """What a report covered: "3 files checked", naming the kinds when a glossary or a
    misconceptions file was among them, so a folder holding only one is not "0 files"."""
    total = files + glossaries + misconceptions
    head = f"{_count(total, 'file', 'files')} checked"
    others = [(number, one, many) for number, one, many in (
        (glossaries, "glossary", "glossaries"),
        (misconceptions, "misconceptions file", "misconceptions files")) if number]
    if not others:
        return head
    if total == 1:
        return f"{head} (a {others[0][1]}, no scenarios)"
    parts = [_count(*other) for other in others]
    parts = [_count(files, "scenario", "scenarios"), *parts] if files else \
        [*parts, "no scenarios"]
    return f"{head} ({', '.join(parts)})"


def summary(problems: Iterable[Problem], files: int, glossaries: int = 0,
            misconceptions: int = 0) -> str:
    """The closing line of a report: counts of errors and warnings over the files checked."""
    problems = list(problems)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    head = checked(files, glossaries, misconceptions)
    if not problems:
        return f"{head}: no problems"
    return f"{head}: {errors} error(s), {warnings} warning(s)"


def failed(problems: Iterable[Problem], strict: bool) -> bool:
    """Whether a check fails, as other linters decide: on any error, and on warnings only
    when `strict` (CI and the pre-commit hooks pass `--strict`)."""
    return any(p.is_error or strict for p in problems)


def render(problems: list[Problem], files: int, fmt: str, skipped: Iterable[str] = (), *,
           glossaries: int = 0, misconceptions: int = 0) -> str:
    """Render a report as `text`, `json` or `github` annotations. JSON keeps file names as they
    are, every character outside ASCII escaped: nothing raw reaches a terminal that shows it.

    `files` counts the scenario files checked, `glossaries` and `misconceptions` the other
    files. `skipped` names files whose teaching rules `lint` did not run because they have
    errors: said once per file, so a clean-looking lint report never hides them."""
    ordered = sorted(problems, key=sort_key)
    skipped = list(skipped)
    if fmt == "json":
        payload: dict[str, object] = {
            "files": files + glossaries + misconceptions,
            "checked": {"scenarios": files, "glossaries": glossaries,
                        "misconceptions": misconceptions},
            "problems": [asdict(p) for p in ordered]}
        if skipped:
            payload["lint_skipped"] = skipped
        return json.dumps(payload, indent=2)
    if fmt == "github":
        lines = [p.github() for p in ordered]
        lines += [f"::notice file={_github_property(path)}::{_github_data(SKIPPED)}"
                  for path in skipped]
        lines.append(summary(ordered, files, glossaries, misconceptions))
        return "\n".join(lines)
    lines = [p.format() for p in ordered]
    lines += [f"{visible(path)}: {SKIPPED}" for path in skipped]
    lines.append(summary(ordered, files, glossaries, misconceptions))
    return "\n".join(lines)


SKIPPED = "teaching rules (L1xx) not checked: the file has errors; fix them and lint again"
