"""The system a scenario's choices build, and the faults that test it: values and their rules.

A scenario may start from an `architecture:` (components keyed by id), each choice may add,
remove or change components, and `faults:` say, with declarative rules, whether a given
architecture survives, degrades or fails each fault. Everything here is a frozen value with
pure methods, so an architecture can be compared, hashed (two paths that build the same system
are one case for lint) and evaluated the same way on every run. Reading the YAML is
`architecture_read`; following a path through the graph is `analysis.resilience`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from .vocabulary import GLOBAL, REGIONAL, ZONAL

SURVIVES, DEGRADES, FAILS = "survives", "degrades", "fails"
RESULTS = (SURVIVES, DEGRADES, FAILS)
"""A fault's outcome for an architecture, best first."""
SYMBOLS = {SURVIVES: "✓", DEGRADES: "~", FAILS: "✗"}
"""How an outcome shows without colour: the UI pairs a symbol with the word."""


def _canonical(items: Iterable[str]) -> tuple[str, ...]:
    """Sets as sorted tuples: two systems with the same links or traits are equal values."""
    return tuple(sorted(set(items)))


@dataclass(frozen=True, slots=True)
class Component:
    """One part of the system: a glossary service, where it runs, how far it scales, and which
    components it calls (`links`). `traits` are the author's words for what matters about it
    (`replicated`, `sorted-sets`) that fault rules can test."""

    id: str
    service: str
    name: str
    azs: int = 1
    regions: int = 1
    min: int = 1
    max: int = 1
    traits: tuple[str, ...] = ()
    links: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "traits", _canonical(self.traits))
        object.__setattr__(self, "links", _canonical(self.links))

    def placement(self, scopes: Mapping[str, str] | None = None) -> list[str]:
        """Where it runs, in words: `2 AZs`, `1 AZ`, `3 AZs · 2 Regions`. A service AWS spreads
        across a Region's AZs (its glossary scope, by service in `scopes`) is `regional` until
        it is placed in more than one AZ, and a global one is `global`, never `1 AZ`."""
        scope = (scopes or {}).get(self.service, ZONAL)
        if scope == GLOBAL:
            return [GLOBAL]
        words = []
        if scope != REGIONAL or self.azs > 1:
            words.append(f"{self.azs} AZ" + ("s" if self.azs != 1 else ""))
        if self.regions > 1:
            words.append(f"{self.regions} Regions")
        return words or [REGIONAL]


@dataclass(frozen=True, slots=True)
class Patch:
    """A `change:` entry: the fields it names replace the component's; the others stay."""

    id: str
    service: str | None = None
    name: str | None = None
    azs: int | None = None
    regions: int | None = None
    min: int | None = None
    max: int | None = None
    traits: tuple[str, ...] | None = None
    links: tuple[str, ...] | None = None

    def apply(self, component: Component) -> Component:
        fields = {name: getattr(self, name) for name in
                  ("service", "name", "azs", "regions", "min", "max", "traits", "links")}
        return replace(component, **{k: v for k, v in fields.items() if v is not None})


@dataclass(frozen=True, slots=True)
class Change:
    """What one choice does to the system: `remove` first, then `change`, then `add` (so an id
    can be removed and added back as something else in one choice)."""

    add: tuple[Component, ...] = ()
    remove: tuple[str, ...] = ()
    change: tuple[Patch, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.add or self.remove or self.change)


@dataclass(frozen=True, slots=True)
class Architecture:
    """The components of a system, in the order they first appeared (for drawing). Equality
    and hashing ignore that order: it is the same system however it was reached."""

    components: tuple[Component, ...] = ()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Architecture) and self.key == other.key

    def __hash__(self) -> int:
        return hash(self.key)

    @property
    def key(self) -> frozenset[Component]:
        return frozenset(self.components)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.components)

    def get(self, component_id: str) -> Component | None:
        return next((c for c in self.components if c.id == component_id), None)

    def apply(self, change: Change) -> Architecture:
        """The system after `change`. Total: removing or changing a missing id does nothing,
        and adding an existing id replaces it; `validate` reports those as errors, so a
        playable scenario never relies on it."""
        gone = set(change.remove)
        patches = {p.id: p for p in change.change}
        added = {c.id: c for c in change.add}
        kept = [patches[c.id].apply(c) if c.id in patches else c
                for c in self.components if c.id not in gone]
        result = [added.pop(c.id, c) for c in kept]
        result.extend(added.values())
        return Architecture(tuple(result))

    def dangling(self) -> list[tuple[str, str]]:
        """Links to components that are not there, as (from, to) pairs."""
        present = set(self.ids)
        return [(c.id, link) for c in self.components for link in c.links if link not in present]


@dataclass(frozen=True, slots=True)
class Diff:
    """What one change did, by component id: for marking the diagram after a choice."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def diff(before: Architecture, after: Architecture) -> Diff:
    old, new = {c.id: c for c in before.components}, {c.id: c for c in after.components}
    return Diff(added=tuple(i for i in new if i not in old),
                removed=tuple(i for i in old if i not in new),
                changed=tuple(i for i in new if i in old and new[i] != old[i]))


@dataclass(frozen=True, slots=True)
class Match:
    """What a component must be for a condition to count it. `id` and `service` choose which
    components are meant; the rest are requirements: the traits it has, at least `azs`
    Availability Zones and `regions` Regions, scaling `min`/`max` at least, and links to each
    id in `links`."""

    id: str | None = None
    service: str | None = None
    traits: tuple[str, ...] = ()
    azs: int = 0
    regions: int = 0
    min: int = 0
    max: int = 0
    links: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "traits", _canonical(self.traits))
        object.__setattr__(self, "links", _canonical(self.links))

    def selects(self, component: Component) -> bool:
        return (self.id is None or component.id == self.id) and \
            (self.service is None or component.service == self.service)

    def holds(self, component: Component) -> bool:
        return (set(self.traits) <= set(component.traits) and component.azs >= self.azs
                and component.regions >= self.regions and component.min >= self.min
                and component.max >= self.max and set(self.links) <= set(component.links))

    def passes(self, component: Component) -> bool:
        return self.selects(component) and self.holds(component)


EXISTS, NONE, EVERY, ALL, ANY = "exists", "none", "every", "all", "any"
TEST_KINDS = (EXISTS, NONE, EVERY)
GROUP_KINDS = (ALL, ANY)


@dataclass(frozen=True, slots=True)
class Condition:
    """`exists`: some component passes the test; `none`: no component does; `every`: at least
    one component is selected (by `id`/`service`) and each selected one meets the rest.
    `all`/`any` combine conditions. No order matters anywhere: it is a formula over the set
    of components, so it is decided the same way whatever order the YAML lists things in."""

    kind: str
    test: Match = field(default_factory=Match)
    parts: tuple[Condition, ...] = ()

    def holds(self, architecture: Architecture) -> bool:
        components = architecture.components
        if self.kind == EXISTS:
            return any(self.test.passes(c) for c in components)
        if self.kind == NONE:
            return not any(self.test.passes(c) for c in components)
        if self.kind == EVERY:
            chosen = [c for c in components if self.test.selects(c)]
            return bool(chosen) and all(self.test.holds(c) for c in chosen)
        if self.kind == ALL:
            return all(part.holds(architecture) for part in self.parts)
        if self.kind == ANY:
            return any(part.holds(architecture) for part in self.parts)
        raise ValueError(f"unknown condition {self.kind!r}")

    def matches(self) -> Iterable[Match]:
        """Every test in this condition, for checks that each names something real."""
        if self.kind in TEST_KINDS:
            yield self.test
        for part in self.parts:
            yield from part.matches()


@dataclass(frozen=True, slots=True)
class Verdict:
    """An outcome as the author wrote it: the result, its deciding fact and a source."""

    result: str
    why: str
    source: str


@dataclass(frozen=True, slots=True)
class Rule:
    when: Condition
    then: Verdict


@dataclass(frozen=True, slots=True)
class Outcome:
    """A fault applied to one architecture: the verdict of the first rule that held (`rule`
    is its 0-based index) or the fault's default (`rule` is None)."""

    fault: str
    result: str
    why: str
    source: str
    rule: int | None = None

    @property
    def symbol(self) -> str:
        return SYMBOLS[self.result]


@dataclass(frozen=True, slots=True)
class Fault:
    """Something that goes wrong on purpose, with rules that decide what it does to a system:
    the first rule whose condition holds wins, else the default."""

    id: str
    title: str
    text: str
    rules: tuple[Rule, ...]
    default: Verdict

    def evaluate(self, architecture: Architecture) -> Outcome:
        for index, rule in enumerate(self.rules):
            if rule.when.holds(architecture):
                verdict = rule.then
                return Outcome(self.id, verdict.result, verdict.why, verdict.source, index)
        verdict = self.default
        return Outcome(self.id, verdict.result, verdict.why, verdict.source)


@dataclass(frozen=True)
class Design:
    """A scenario's starting architecture, each choice's change (by (node, choice index)) and
    its faults. A scenario without any is `Design()`: `declared` is False."""

    start: Architecture = field(default_factory=Architecture)
    changes: Mapping[tuple[str, int], Change] = field(default_factory=dict)
    faults: tuple[Fault, ...] = ()

    @property
    def declared(self) -> bool:
        """Whether the scenario builds a system at all (a start, or a choice that adds)."""
        return bool(self.start.components) or any(not c.empty for c in self.changes.values())

    def change_of(self, node: str, index: int) -> Change:
        return self.changes.get((node, index), Change())

    def fault(self, fault_id: str) -> Fault | None:
        return next((f for f in self.faults if f.id == fault_id), None)

    def vocabulary(self) -> tuple[set[str], set[str], set[str]]:
        """The ids, services and traits any path can hold (from the start, an `add` or a
        `change`), for the check that a fault rule names something that can exist."""
        ids: set[str] = set()
        services: set[str] = set()
        traits: set[str] = set()
        components = [*self.start.components]
        for change in self.changes.values():
            components.extend(change.add)
            for patch in change.change:
                services.update([patch.service] if patch.service else [])
                traits.update(patch.traits or ())
        for component in components:
            ids.add(component.id)
            services.add(component.service)
            traits.update(component.traits)
        return ids, services, traits
