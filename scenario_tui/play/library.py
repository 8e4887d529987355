"""Find scenario files, load and check them together, and load the service glossary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..analysis import validate
from ..format import glossary, loader, misconceptions, syllabus
from ..format.files import (
    GLOSSARY_NAME,
    MISCONCEPTIONS_NAME,
    discover,
    glossary_files,
    library_dir,
    misconception_files,
)
from ..format.model import Misconception, Scenario, ServiceCard
from ..format.problems import Problem
from ..format.syllabus import Syllabus


@dataclass
class Entry:
    """One scenario file: the scenario if it loaded, and every problem found in it."""

    path: str
    scenario: Scenario | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def playable(self) -> bool:
        return self.scenario is not None and not self.errors


@dataclass
class Library:
    """All scenario files found, the glossary, and every problem across them."""

    entries: list[Entry]
    glossary: dict[str, ServiceCard]
    glossary_problems: list[Problem] = field(default_factory=list)
    unchecked: list[Problem] = field(default_factory=list)
    """Paths that were given or found but could not be looked at (see `files.discover`)."""
    misconceptions: dict[str, Misconception] = field(default_factory=dict)
    """What each misconception tag means (see `format.misconceptions`)."""
    misconception_problems: list[Problem] = field(default_factory=list)
    syllabus: Syllabus = field(default_factory=Syllabus)
    """The study topics `covers:` ids are checked against (see `format.syllabus`)."""
    syllabus_problems: list[Problem] = field(default_factory=list)
    found_glossaries: list[Path] = field(default_factory=list)
    found_misconceptions: list[Path] = field(default_factory=list)
    """The glossaries and misconceptions files among (or beside) the paths loaded, each
    checked as one: a report counts them beside the scenario files (`problems.summary`)."""

    @property
    def problems(self) -> list[Problem]:
        found = [*self.unchecked, *self.glossary_problems, *self.misconception_problems,
                 *self.syllabus_problems]
        for entry in self.entries:
            found.extend(entry.problems)
        return found

    @property
    def scenarios(self) -> dict[str, Scenario]:
        """Playable scenarios by id, in file order."""
        return {e.scenario.id: e.scenario for e in self.entries if e.playable and e.scenario}

    @property
    def broken(self) -> list[Entry]:
        return [entry for entry in self.entries if not entry.playable]


merge_glossaries = glossary.merge
"""Every card from glossary files, later ones winning (see `format.glossary`)."""


def check_file(path: Path | str) -> Entry:
    """Load one file and run the checks that need only that file."""
    scenario, problems = loader.load_file(path)
    if scenario is not None:
        problems = problems + validate.check_graph(scenario)
    return Entry(str(path), scenario, problems)


def load(paths: Sequence[Path | str] | None = None, *, with_bundled: bool = True) -> Library:
    """Load the library: the bundled scenarios (unless told not to) plus `paths`."""
    roots: list[Path | str] = [library_dir()] if with_bundled else []
    roots.extend(paths or ())
    unchecked: list[Problem] = []
    found_beliefs: list[Path] = []
    files, found_glossaries = discover(roots, unchecked, found_beliefs)
    merged = glossary_files(found_glossaries)
    glossary, glossary_problems = merge_glossaries(merged)
    belief_files = misconception_files(found_beliefs)
    beliefs, belief_problems = misconceptions.merge(belief_files)
    entries = [check_file(path) for path in files]
    topics, topic_problems = syllabus.bundled()
    shown = str(found_glossaries[-1]) if found_glossaries else \
        f"a {GLOSSARY_NAME} beside the scenario"
    beliefs_shown = str(found_beliefs[-1]) if found_beliefs else \
        f"a {MISCONCEPTIONS_NAME} beside the scenario"
    for entry in entries:
        if entry.scenario is not None:
            entry.problems.extend(validate.check_services(entry.scenario, glossary, shown))
            entry.problems.extend(validate.check_misconceptions(entry.scenario, beliefs,
                                                                beliefs_shown))
            entry.problems.extend(validate.check_covers(entry.scenario, topics))
    loaded = [entry.scenario for entry in entries if entry.scenario is not None]
    by_path = {entry.path: entry for entry in entries}
    for problem in validate.check_unique_ids(loaded):
        by_path[problem.path].problems.append(problem)
    return Library(entries, glossary, glossary_problems, unchecked, beliefs, belief_problems,
                   topics, list(topic_problems), found_glossaries, found_beliefs)
