"""The domain model: a scenario is metadata plus a networkx MultiDiGraph.

Situations are nodes, choices are edges. A `MultiDiGraph` keeps two choices that lead from one
situation to the same next node (two wrong answers, one consequence) as two edges; each edge's
key is the choice's index at its node, so the authored order survives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

# The file's vocabulary lives in `vocabulary` (the catalogue's start needs it without the
# model); it is named here too, where the model's readers look for it.
from .vocabulary import DIFFICULTIES as DIFFICULTIES
from .vocabulary import DOMAINS as DOMAINS
from .vocabulary import OUTCOMES as OUTCOMES
from .vocabulary import PILLAR_TITLES as PILLAR_TITLES
from .vocabulary import PILLARS as PILLARS
from .vocabulary import SLUG as SLUG
from .vocabulary import ZONAL

if TYPE_CHECKING:
    from collections.abc import Iterator

    import networkx as nx

    from .architecture import Design


@dataclass(frozen=True, slots=True)
class Choice:
    """One edge of the graph: a choice offered at `source` that leads to `target`."""

    source: str
    target: str
    index: int
    label: str
    points: int
    why: str
    misconception: str | None = None
    pillars: dict[str, int] = field(default_factory=dict)
    line: int = 0
    source_url: str = ""
    """The page this choice's explanation rests on (`source:` in the file; `source` is taken by
    the node the choice is offered at)."""

    @property
    def number(self) -> int:
        """The 1-based number shown to the learner."""
        return self.index + 1


@dataclass(frozen=True, slots=True)
class Situation:
    """One node of the graph: a situation to decide, or an ending."""

    id: str
    text: str
    end: str | None = None
    services: tuple[str, ...] = ()
    line: int = 0

    @property
    def is_ending(self) -> bool:
        return self.end is not None


@dataclass(frozen=True, slots=True)
class ServiceCard:
    """A glossary entry for one AWS service."""

    id: str
    name: str
    summary: str
    docs: str = ""
    scope: str = ZONAL
    """Where the service runs, in the terms of AWS's fault isolation boundaries: "zonal" (in
    the Availability Zones you place it in), "regional" (AWS spreads it across a Region's
    AZs) or "global" (not tied to one Region)."""


@dataclass(frozen=True, slots=True)
class Misconception:
    """A mistaken belief a wrong choice shows, with the fact that corrects it: what feedback,
    debrief and statistics show instead of the tag."""

    id: str
    belief: str
    fact: str
    source: str


class Scenario:
    """Metadata plus the decision graph; everything a screen or report needs to read."""

    def __init__(self, graph: nx.MultiDiGraph[str], path: str = "") -> None:
        self.graph = graph
        self.path = path
        meta = graph.graph
        self.id: str = meta["id"]
        self.title: str = meta.get("title", self.id)
        self.situation: str = meta.get("situation", "")
        self.difficulty: str = meta.get("difficulty", "intermediate")
        self.domain: str | None = meta.get("domain")
        self.tags: tuple[str, ...] = tuple(meta.get("tags", ()))
        self.services: tuple[str, ...] = tuple(meta.get("services", ()))
        self.sources: tuple[str, ...] = tuple(meta.get("sources", ()))
        self.verified: str = meta.get("verified", "")
        self.covers: tuple[str, ...] = tuple(meta.get("covers", ()))
        self.start: str = meta["start"]
        self.positions: dict[str, tuple[int, int]] = {}
        """Source (line, column) of each top-level value, when loaded from an authored file."""
        self.service_positions: dict[str, tuple[int, int]] = {}
        self.cover_positions: dict[str, tuple[int, int]] = {}
        """Where each `covers:` topic id starts, for a problem reported at the id."""
        self.choice_positions: dict[tuple[str, int, str], tuple[int, int]] = {}
        """Where a choice's field value starts: (node, choice index, field) -> (line, column)."""
        self.node_positions: dict[tuple[str, str], tuple[int, int]] = {}
        """Where a node's field value starts: (node, field) -> (line, column)."""
        self.source_positions: list[tuple[int, int]] = []
        """Where each item of `sources` starts, in order."""
        self.design_positions: dict[tuple[Any, ...], tuple[int, int]] = {}
        """Where the parts of the architecture and faults are (see `architecture_read`)."""

    def __repr__(self) -> str:
        return f"Scenario({self.id!r}, nodes={self.graph.number_of_nodes()})"

    @cached_property
    def _choices(self) -> dict[str, tuple[Choice, ...]]:
        table: dict[str, list[Choice]] = {node: [] for node in self.graph}
        for source, target, key, data in self.graph.edges(keys=True, data=True):
            table[source].append(Choice(
                source=source, target=target, index=key, label=data["label"],
                points=data["points"], why=data["why"], misconception=data.get("misconception"),
                pillars=dict(data.get("pillars") or {}), line=data.get("line", 0),
                source_url=data.get("source_url", ""),
            ))
        return {node: tuple(sorted(items, key=lambda c: c.index)) for node, items in table.items()}

    @cached_property
    def design(self) -> Design:
        """The architecture the choices build and the faults that test it (`Design()` when
        the scenario declares none)."""
        from .architecture_read import design_of

        return design_of(self.graph)

    def choices(self, node: str) -> tuple[Choice, ...]:
        """The choices offered at `node`, in authored order."""
        return self._choices.get(node, ())

    def node(self, node: str) -> Situation:
        data: dict[str, Any] = self.graph.nodes[node]
        return Situation(
            id=node, text=data.get("text", ""), end=data.get("end"),
            services=tuple(data.get("services", ())), line=data.get("line", 0),
        )

    @property
    def nodes(self) -> list[str]:
        return list(self.graph.nodes)

    def texts(self) -> Iterator[tuple[str, str, str, Choice | None]]:
        """(text, node, field, choice or None) for each text an author wrote: the
        scenario's `situation` first (node ""), then each node's text, labels and
        explanations."""
        yield self.situation, "", "situation", None
        for node in self.graph:
            yield self.node(node).text, node, "text", None
            for choice in self.choices(node):
                yield choice.label, node, "label", choice
                yield choice.why, node, "why", choice

    def is_ending(self, node: str) -> bool:
        return self.graph.nodes[node].get("end") is not None
