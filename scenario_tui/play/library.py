"""Find scenario files, load and check them together, and load the service glossary."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..analysis import validate
from ..format import loader, yaml_source
from ..format.model import ServiceCard
from ..format.problems import ERROR, Problem
from ..format.yaml_source import Mapping

GLOSSARY_NAME = "glossary.yaml"
SCENARIO_SUFFIXES = (".yaml", ".yml", ".json")
_PACKAGE = Path(__file__).resolve().parent.parent


def bundled_dir(name: str) -> Path:
    """The shipped `scenarios` or `assets` folder: inside the wheel, or the source checkout."""
    installed = _PACKAGE / "_bundled" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def library_dir() -> Path:
    return bundled_dir("scenarios")


@dataclass
class Entry:
    """One scenario file: the scenario if it loaded, and every problem found in it."""

    path: str
    scenario: loader.Scenario | None
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

    @property
    def problems(self) -> list[Problem]:
        found = list(self.glossary_problems)
        for entry in self.entries:
            found.extend(entry.problems)
        return found

    @property
    def scenarios(self) -> dict[str, loader.Scenario]:
        """Playable scenarios by id, in file order."""
        return {e.scenario.id: e.scenario for e in self.entries if e.playable and e.scenario}

    @property
    def broken(self) -> list[Entry]:
        return [entry for entry in self.entries if not entry.playable]


def discover(paths: Iterable[Path | str]) -> tuple[list[Path], list[Path]]:
    """Scenario files and glossary files under `paths` (files or folders), sorted."""
    files: list[Path] = []
    glossaries: list[Path] = []
    for raw in paths:
        path = Path(raw)
        candidates = sorted(path.rglob("*")) if path.is_dir() else [path]
        for item in candidates:
            if item.name == GLOSSARY_NAME:
                glossaries.append(item)
            elif item.suffix in SCENARIO_SUFFIXES and item.is_file() and not any(
                part.startswith(".") for part in item.parts[-2:]
            ):
                files.append(item)
        sibling = (path if path.is_dir() else path.parent) / GLOSSARY_NAME
        if sibling.is_file() and sibling not in glossaries:
            glossaries.append(sibling)
    return files, glossaries


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
    files, glossary_files = discover(roots)
    bundled_glossary = library_dir() / GLOSSARY_NAME
    if bundled_glossary.is_file():
        glossary_files.insert(0, bundled_glossary)
    glossary_files = list({p.resolve(): p for p in reversed(glossary_files)}.values())[::-1]
    files = list({p.resolve(): p for p in reversed(files)}.values())[::-1]
    glossary: dict[str, ServiceCard] = {}
    glossary_problems: list[Problem] = []
    for glossary_file in glossary_files:
        cards, problems = load_glossary(glossary_file)
        glossary.update(cards)
        glossary_problems.extend(problems)
    entries = [check_file(path) for path in files]
    shown = str(glossary_files[-1]) if glossary_files else GLOSSARY_NAME
    for entry in entries:
        if entry.scenario is not None:
            entry.problems.extend(validate.check_services(entry.scenario, glossary, shown))
    loaded = [entry.scenario for entry in entries if entry.scenario is not None]
    by_path = {entry.path: entry for entry in entries}
    for problem in validate.check_unique_ids(loaded):
        by_path[problem.path].problems.append(problem)
    return Library(entries, glossary, glossary_problems)
