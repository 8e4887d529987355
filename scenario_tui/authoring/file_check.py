"""What one look at a scenario file found, and how the preview's play-through follows an edit.

An editor leaves a file in many states on the way to a good save: missing for a moment during
an atomic rename, half written, empty, binary by accident, broken, valid. Each look is a
`FileCheck` value, so the preview only draws states and a test can build every one of them
without a terminal or a watcher. Pure functions over a file's text and scenario; plain Python:
no textual here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..analysis import lint
from ..format.model import Misconception, Scenario, ServiceCard
from ..format.problems import Problem
from ..play import library
from ..play.engine import Play, PlayError

VALID = "valid"
BROKEN = "broken"
MISSING = "missing"
NOT_A_FILE = "not a file"
UNREADABLE = "unreadable"
TOO_LARGE = "too large"
WRITING = "writing"
EMPTY = "empty"
BINARY = "binary"


@dataclass(frozen=True)
class FileCheck:
    """What one look at the watched file found."""

    path: str
    state: str
    detail: str = ""
    """One sentence about the state, for the screen."""
    text: str = ""
    """The file's text as read, undecodable bytes replaced (shown only through `clean`)."""
    problems: tuple[Problem, ...] = ()
    """Errors first, then warnings (validation and, when valid, lint), each in line order."""
    scenario: Scenario | None = None
    """Set only when the file is valid and can be played."""
    glossary: dict[str, ServiceCard] = field(default_factory=dict)
    misconceptions: dict[str, Misconception] = field(default_factory=dict)
    """What each misconception tag means, merged as play merges them (`library.load`), so the
    preview's feedback shows the belief, fact and source a learner reads."""
    unsaved: str = ""
    """The editor holding unsaved changes to the file ("vim", "emacs"), if one is seen."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    @property
    def shows_content(self) -> bool:
        """True when the file was read and checked (valid or broken), not a passing state."""
        return self.state in (VALID, BROKEN)


def _ordered(problems: list[Problem]) -> tuple[Problem, ...]:
    return tuple(sorted(problems, key=lambda p: (not p.is_error, p.line, p.column, p.code)))


def check_text(path: Path, text: str, today: dt.date) -> FileCheck:
    """Validate the file with the core (and lint it when valid), as `scenario-tui lint` does."""
    lib = library.load([path], with_bundled=False)
    target = path.resolve()
    entry = next((e for e in lib.entries if Path(e.path).resolve() == target), None)
    if entry is None:
        return FileCheck(str(path), UNREADABLE, "The file is not a scenario: name it .yaml, "
                         ".yml or .json, and not glossary.yaml or misconceptions.yaml.", text)
    problems = list(entry.problems)
    problems += [p for p in lib.glossary_problems + lib.misconception_problems if p.is_error]
    if not entry.playable or entry.scenario is None:
        count = len([p for p in problems if p.is_error])
        return FileCheck(str(path), BROKEN, f"{count} error(s): fix them and save.", text,
                         _ordered(problems), glossary=lib.glossary)
    problems += lint.lint(entry.scenario, lib.glossary, today)
    return FileCheck(str(path), VALID, "Valid: play it from any situation.", text,
                     _ordered(problems), entry.scenario, lib.glossary,
                     misconceptions=lib.misconceptions)


def problem_in(check: FileCheck, problem: Problem) -> bool:
    """Whether `problem` is located in the watched file (not, say, in the glossary)."""
    return Path(problem.path).resolve() == Path(check.path).resolve()


def carry_over(play: Play, scenario: Scenario) -> Play:
    """`play` moved onto an edited `scenario`: the same origin and choice numbers, as far as
    they still exist, so the author keeps their place across saves."""
    origin = play.origin if play.origin in scenario.graph else ""
    moved = Play(scenario.id, play.mode, origin)
    if origin != play.origin:
        return moved
    for choice in play.choices:
        if moved.node(scenario) != choice.source:
            break
        try:
            moved = moved.choose(scenario, choice.index)
        except PlayError:
            break
    return moved
