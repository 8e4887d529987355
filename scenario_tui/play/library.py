"""Find scenario files, load and check them together, and load the service glossary."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..analysis import validate
from ..format import loader, misconceptions, syllabus, yaml_source
from ..format.files import (
    GLOSSARY_NAME,
    MISCONCEPTIONS_NAME,
    discover,
    glossary_files,
    library_dir,
    misconception_files,
)
from ..format.model import Misconception, Scenario, ServiceCard
from ..format.problems import ERROR, Problem
from ..format.syllabus import Syllabus
from ..format.yaml_source import Mapping


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


def load_glossary(path: Path | str) -> tuple[dict[str, ServiceCard], list[Problem]]:
    """Read one glossary file: a mapping of service id to name, summary and docs URL."""
    doc = yaml_source.read(path)
    problems = list(doc.problems)
    cards: dict[str, ServiceCard] = {}
    if doc.data is None:
        return cards, problems
    if not isinstance(doc.data, Mapping):
        problems.append(Problem(doc.path, 1, 1, ERROR, "E010", "a glossary must map service "
                                "ids to cards", "see docs/authoring.md"))
        return cards, problems
    for service, card in doc.data.items():
        pos = doc.data.kpos(service)
        if not isinstance(card, Mapping) or not isinstance(card.get("name"), str) \
                or not isinstance(card.get("summary"), str):
            problems.append(Problem(doc.path, *pos, ERROR, "E013", f"glossary entry {service!r} "
                                    "needs a name and a summary", "see docs/authoring.md"))
            continue
        docs = card.get("docs", "")
        cards[str(service)] = ServiceCard(str(service), card["name"], card["summary"],
                                          docs if isinstance(docs, str) else "")
    return cards, problems


def merge_glossaries(files: Iterable[Path]) -> tuple[dict[str, ServiceCard], list[Problem]]:
    """Every card from `files` (as `files.glossary_files` orders them: a later file's card
    replaces an earlier one's), and every problem found in them."""
    glossary: dict[str, ServiceCard] = {}
    problems: list[Problem] = []
    for path in files:
        cards, found = load_glossary(path)
        glossary.update(cards)
        problems.extend(found)
    return glossary, problems


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
    shown = str(merged[-1]) if merged else GLOSSARY_NAME
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
                   topics, list(topic_problems))
