"""Which scenarios teach each study topic, and which topics no scenario teaches yet.

`scenario-tui coverage` prints this per exam domain, so an author sees where the library is
thin before writing the next scenario. Only playable scenarios count: a file with errors
teaches nothing until it is fixed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from ..format.model import Scenario
from ..format.syllabus import Syllabus, Topic
from ..format.text_safety import one_line


@dataclass(frozen=True)
class TopicCoverage:
    topic: Topic
    scenarios: tuple[str, ...]
    """Ids of the playable scenarios whose `covers:` lists the topic, sorted."""


@dataclass(frozen=True)
class DomainCoverage:
    id: str
    name: str
    topics: tuple[TopicCoverage, ...]

    @property
    def taught(self) -> int:
        return sum(1 for t in self.topics if t.scenarios)


@dataclass(frozen=True)
class Coverage:
    domains: tuple[DomainCoverage, ...]
    scenarios: int
    """Playable scenarios counted."""
    broken: int = 0
    """Scenario files left out because they have errors."""
    without_covers: tuple[str, ...] = ()
    """Ids of playable scenarios that claim no topic (no `covers:`)."""

    @property
    def topics(self) -> int:
        return sum(len(d.topics) for d in self.domains)

    @property
    def untaught(self) -> list[tuple[DomainCoverage, TopicCoverage]]:
        return [(d, t) for d in self.domains for t in d.topics if not t.scenarios]


def coverage(syllabus: Syllabus, scenarios: Iterable[Scenario], broken: int = 0) -> Coverage:
    """The syllabus's topics, each with the scenarios that claim it, domain by domain."""
    scenarios = list(scenarios)
    teaching: dict[str, set[str]] = {}
    for scenario in scenarios:
        for topic_id in scenario.covers:
            teaching.setdefault(topic_id, set()).add(scenario.id)
    domains = tuple(
        DomainCoverage(domain, name, tuple(
            TopicCoverage(topic, tuple(sorted(teaching.get(topic.id, ()))))
            for topic in syllabus.in_domain(domain)))
        for domain, name in syllabus.domains.items())
    bare = tuple(sorted(s.id for s in scenarios if not s.covers))
    return Coverage(domains, len(scenarios), broken, bare)


def render_text(report: Coverage) -> str:
    """Per domain, one line per topic with the scenarios that teach it; then the topics none
    teaches and a summary line. Every outside text is shown on one line, controls as
    symbols."""
    lines: list[str] = []
    for domain in report.domains:
        if lines:
            lines.append("")
        lines.append(f"{one_line(domain.name)}: {domain.taught} of {len(domain.topics)} topics "
                     "taught")
        for item in domain.topics:
            taught = ", ".join(one_line(s) for s in item.scenarios) or "not taught"
            lines.append(f"  {item.topic.id}  {one_line(item.topic.title)}  ({taught})")
    untaught = report.untaught
    lines.append("")
    lines.append(f"Not taught by any scenario: {len(untaught)}" if untaught
                 else "Not taught by any scenario: none")
    for domain, item in untaught:
        lines.append(f"  {item.topic.id}  {one_line(item.topic.title)}  [{one_line(domain.name)}]")
    if report.without_covers:
        lines.append("")
        lines.append(f"Scenarios that claim no topic (add `covers:`): "
                     f"{', '.join(one_line(s) for s in report.without_covers)}")
    lines.append("")
    scenarios = f"{report.scenarios} scenario{'s' if report.scenarios != 1 else ''}"
    summary = (f"{report.topics} topics: {report.topics - len(untaught)} taught, "
               f"{len(untaught)} not taught, by {scenarios}.")
    if report.broken:
        summary += (f" {report.broken} file(s) with errors not counted: run "
                    "`scenario-tui validate`.")
    lines.append(summary)
    return "\n".join(lines)


def render_json(report: Coverage) -> str:
    """The same as JSON; every character outside ASCII escaped."""
    return json.dumps({
        "topics": report.topics,
        "scenarios": report.scenarios,
        "broken": report.broken,
        "domains": [{
            "id": domain.id,
            "name": domain.name,
            "taught": domain.taught,
            "topics": [{"id": item.topic.id, "title": item.topic.title,
                        "scenarios": list(item.scenarios)} for item in domain.topics],
        } for domain in report.domains],
        "untaught": [item.topic.id for _, item in report.untaught],
        "without_covers": list(report.without_covers),
    }, indent=2)
