"""Read `architecture:`, each choice's `architecture:` change and `faults:` into values.

One reader serves both sources: the loader's position-aware YAML (problems get file:line:col)
and the plain data kept in the graph (node-link files, `Scenario.design`), where positions are
unknown and problems are not wanted. It is total: a broken part is reported and left out, so
whatever remains is still a usable `Design`. Checks that need the graph (does this component
exist on every path to here?) are `analysis.architecture_check`; this module checks shapes and
that each fault rule names something that can exist.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import Any

from .architecture import (
    ALL,
    GROUP_KINDS,
    RESULTS,
    TEST_KINDS,
    Architecture,
    Change,
    Component,
    Condition,
    Design,
    Fault,
    Patch,
    Rule,
    Test,
    Verdict,
)
from .model import SLUG
from .problems import ERROR, Problem
from .yaml_source import Mapping, Pos, Sequence

HTTPS = re.compile(r"^https://\S+$")
COMPONENT_FIELDS = ("service", "name", "placement", "scaling", "traits", "links")
PATCH_FIELDS = COMPONENT_FIELDS
CHANGE_FIELDS = ("add", "remove", "change")
PLACEMENT_FIELDS = ("azs", "regions")
SCALING_FIELDS = ("min", "max")
FAULT_FIELDS = ("title", "text", "rules", "default")
RULE_FIELDS = ("when", "outcome", "why", "source")
VERDICT_FIELDS = ("outcome", "why", "source")
TEST_FIELDS = ("id", "service", "traits", "azs", "regions", "min", "max", "links")
CONDITION_FIELDS = (*TEST_KINDS, *GROUP_KINDS)
START = ("", -1)
"""The origin of the starting architecture's components, where a choice's is (node, index)."""

Key = tuple[Any, ...]
"""A place in the design, for `Positions`: ("service", node, index, component id), ..."""
Positions = dict[Key, Pos]


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return "empty" if value is None else "text" if isinstance(value, str) else "a value"


def plain(value: Any) -> Any:
    """Position-aware containers as plain dicts and lists: what the graph keeps, so exports
    write it and node-link data round-trips it."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


class _Reader:
    """Collects problems and positions while turning data into values."""

    def __init__(self, path: str, fallback: Pos) -> None:
        self.path = path
        self.fallback = fallback
        self.problems: list[Problem] = []
        self.positions: Positions = {}
        self.test_positions: dict[tuple[int, str], Pos] = {}
        """Where each test's fields are, by the test object's id (for this read only)."""

    def pos(self, container: Any, key: Any) -> Pos:
        if isinstance(container, Mapping):
            return container.pos(key)
        if isinstance(container, Sequence) and isinstance(key, int):
            return container.pos(key)
        return self.fallback

    def kpos(self, container: Any, key: Any) -> Pos:
        return container.kpos(key) if isinstance(container, Mapping) else self.fallback

    def start(self, container: Any) -> Pos:
        return container.start if isinstance(container, (Mapping, Sequence)) else self.fallback

    def error(self, pos: Pos, code: str, message: str, hint: str) -> None:
        self.problems.append(Problem(self.path, pos[0], pos[1], ERROR, code, message, hint))

    def mapping(self, container: Any, key: Any, where: str, example: str) -> dict[str, Any]:
        value = container.get(key)
        if isinstance(value, dict):
            return value
        self.error(self.pos(container, key), "E013", f"{where} must be a mapping, not "
                   f"{_kind(value)}", f"write it as {example}")
        return {}

    def fields(self, mapping: dict[str, Any], allowed: tuple[str, ...],
               required: tuple[str, ...], where: str) -> None:
        for key in mapping:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
                hint = f"did you mean {close[0]!r}?" if close else "allowed here: " + \
                    ", ".join(allowed)
                self.error(self.kpos(mapping, key), "E012", f"unknown field {key!r} in {where}",
                           hint)
        for key in required:
            if key not in mapping:
                self.error(self.start(mapping), "E011", f"missing required field {key!r} in "
                           f"{where}", f"add `{key}:` (see docs/authoring.md, Architecture)")

    def slug(self, container: Any, key: Any, where: str) -> str | None:
        value = container[key] if isinstance(container, list) else container.get(key)
        if isinstance(value, str) and SLUG.match(value):
            return value
        self.error(self.pos(container, key), "E013", f"{where} {value!r} is not an id",
                   "use lower-case letters, digits and '-', like catalogue-db")
        return None

    def slugs(self, mapping: dict[str, Any], key: str, where: str) -> tuple[str, ...] | None:
        value = mapping.get(key)
        if value is None:
            return None
        if not isinstance(value, list):
            self.error(self.pos(mapping, key), "E013", f"{where} {key!r} must be a list, not "
                       f"{_kind(value)}", f"write `{key}: [a, b]`")
            return None
        found = [self.slug(value, i, f"item of {key!r}") for i in range(len(value))]
        return tuple(item for item in found if item is not None)

    def count(self, mapping: dict[str, Any], key: str, where: str, least: int) -> int | None:
        value = mapping.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < least:
            self.error(self.pos(mapping, key), "E013", f"{where} {key!r} must be a whole number "
                       f"of at least {least}, not {value!r}", f"e.g. `{key}: {max(least, 2)}`")
            return None
        return value

    def text(self, mapping: dict[str, Any], key: str, where: str) -> str:
        value = mapping.get(key)
        if value is None:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.error(self.pos(mapping, key), "E013", f"{where} {key!r} must be text, not "
                       f"{_kind(value) if value != '' else 'empty'}", "write it out")
            return ""
        return value


def _component(read: _Reader, cid: str, value: Any, origin: tuple[str, int], container: Any,
               patch: bool) -> Component | Patch | None:
    where = f"component {cid!r}"
    if not isinstance(value, dict):
        read.error(read.pos(container, cid), "E013", f"{where} must be a mapping, not "
                   f"{_kind(value)}", "give it `service:` and `name:`")
        return None
    read.fields(value, COMPONENT_FIELDS, () if patch else ("service", "name"), where)
    kind = "change" if patch else "component"
    read.positions[(kind, *origin, cid)] = read.kpos(container, cid)
    service = read.slug(value, "service", f"{where} service") if "service" in value else None
    if service:
        read.positions[("service", *origin, cid)] = read.pos(value, "service")
    name = read.text(value, "name", where) or None
    place = read.mapping(value, "placement", f"{where} placement", "{azs: 2, regions: 1}") \
        if "placement" in value else {}
    read.fields(place, PLACEMENT_FIELDS, (), f"{where} placement")
    scale = read.mapping(value, "scaling", f"{where} scaling", "{min: 2, max: 6}") \
        if "scaling" in value else {}
    read.fields(scale, SCALING_FIELDS, (), f"{where} scaling")
    azs = read.count(place, "azs", "placement", 1)
    regions = read.count(place, "regions", "placement", 1)
    low = read.count(scale, "min", "scaling", 0)
    high = read.count(scale, "max", "scaling", 1)
    if low is not None and high is not None and high < low:
        read.error(read.pos(scale, "max"), "E013", f"{where} scaling max {high} is below its "
                   f"min {low}", "max is the most instances it may scale out to")
        high = None
    traits = read.slugs(value, "traits", where)
    links = read.slugs(value, "links", where)
    for index, target in enumerate(links or ()):
        read.positions[("link", *origin, cid, target)] = read.pos(value["links"], index)
    if patch:
        return Patch(cid, service, name, azs, regions, low, high, traits, links)
    if service is None or name is None:
        return None
    low, high = low if low is not None else 1, high if high is not None else 1
    return Component(cid, service, name, azs or 1, regions or 1, low, max(low, high),
                     traits or (), links or ())


def _components(read: _Reader, value: Any, origin: tuple[str, int], patch: bool
                ) -> list[Any]:
    found = []
    for cid in value:
        if not isinstance(cid, str) or not SLUG.match(cid):
            read.error(read.kpos(value, cid), "E013", f"component id {cid!r} is not an id",
                       "use lower-case letters, digits and '-', like catalogue-db")
            continue
        item = _component(read, cid, value[cid], origin, value, patch)
        if item is not None:
            found.append(item)
    return found


def _change(read: _Reader, value: Any, origin: tuple[str, int], where: str) -> Change:
    if not isinstance(value, dict):
        read.error(read.fallback, "E013", f"{where} 'architecture' must be a mapping, not "
                   f"{_kind(value)}", "write `architecture: {add: ..., remove: [...], change: "
                   "...}`")
        return Change()
    read.fields(value, CHANGE_FIELDS, (), f"{where} architecture")
    add = _components(read, read.mapping(value, "add", "'add'", "a mapping of component ids"),
                      origin, False) if "add" in value else []
    patches = _components(read, read.mapping(value, "change", "'change'", "a mapping of "
                                             "component ids"), origin, True) \
        if "change" in value else []
    removed = read.slugs(value, "remove", f"{where} architecture") or ()
    for index, cid in enumerate(removed):
        read.positions[("remove", *origin, cid)] = read.pos(value["remove"], index)
    return Change(tuple(add), removed, tuple(patches))


def _test(read: _Reader, container: Any, key: str, where: str) -> Test | None:
    value = read.mapping(container, key, f"{where} {key!r}", "{service: rds, azs: 2}")
    if not value:
        if isinstance(container.get(key), dict):
            read.error(read.pos(container, key), "E013", f"{where} {key!r} names no component",
                       "give at least one of: " + ", ".join(TEST_FIELDS))
        return None
    read.fields(value, TEST_FIELDS, (), f"{where} {key!r}")
    counts = {name: read.count(value, name, "the test's", 0) or 0
              for name in ("azs", "regions", "min", "max")}
    cid = read.slug(value, "id", "component id") if "id" in value else None
    service = read.slug(value, "service", "service id") if "service" in value else None
    test = Test(cid, service, read.slugs(value, "traits", "the test's") or (), **counts,
                links=read.slugs(value, "links", "the test's") or ())
    for name in ("id", "service", "traits", "links"):
        read.test_positions[(id(test), name)] = read.pos(value, name)
    return test


def _condition(read: _Reader, value: Any, pos: Pos, where: str) -> Condition | None:
    if not isinstance(value, dict) or not value:
        read.error(pos, "E013", f"{where} must be a mapping with one of "
                   + ", ".join(CONDITION_FIELDS), "e.g. `when: {exists: {service: rds, azs: 2}}`")
        return None
    read.fields(value, CONDITION_FIELDS, (), where)
    parts: list[Condition] = []
    for kind in CONDITION_FIELDS:
        if kind not in value:
            continue
        if kind in TEST_KINDS:
            test = _test(read, value, kind, where)
            if test is None:
                return None
            parts.append(Condition(kind, test))
            continue
        items = value[kind]
        if not isinstance(items, list) or not items:
            read.error(read.pos(value, kind), "E013", f"{where} {kind!r} must be a non-empty list "
                       "of conditions", f"write `{kind}: [{{exists: ...}}, {{none: ...}}]`")
            return None
        inner = [_condition(read, item, read.pos(items, i), f"{where} {kind}")
                 for i, item in enumerate(items)]
        if any(part is None for part in inner):
            return None
        parts.append(Condition(kind, parts=tuple(p for p in inner if p is not None)))
    return parts[0] if len(parts) == 1 else Condition(ALL, parts=tuple(parts))


def _verdict(read: _Reader, value: dict[str, Any], where: str) -> Verdict | None:
    outcome = value.get("outcome")
    if outcome is not None and outcome not in RESULTS:
        close = difflib.get_close_matches(str(outcome), RESULTS, n=1)
        read.error(read.pos(value, "outcome"), "E013", f"{where} outcome {outcome!r} is not one "
                   "of " + ", ".join(RESULTS), f"did you mean {close[0]!r}?" if close else
                   "write survives, degrades or fails")
        outcome = None
    why = read.text(value, "why", where)
    source = value.get("source")
    if source is not None and not (isinstance(source, str) and HTTPS.match(source)):
        read.error(read.pos(value, "source"), "E013", f"{where} source {source!r} is not an "
                   "https URL", "cite the service's user guide page, https://docs.aws...")
        source = None
    if outcome is None or not why or source is None:
        return None
    return Verdict(outcome, why, source)


def _fault(read: _Reader, fid: str, value: Any, container: Any) -> Fault | None:
    where = f"fault {fid!r}"
    read.positions[("fault", fid)] = read.kpos(container, fid)
    if not isinstance(value, dict):
        read.error(read.pos(container, fid), "E013", f"{where} must be a mapping, not "
                   f"{_kind(value)}", "give it `title:`, `rules:` and `default:`")
        return None
    read.fields(value, FAULT_FIELDS, ("title",), where)
    title = read.text(value, "title", where)
    text = read.text(value, "text", where)
    rules: list[Rule] = []
    items = value.get("rules", [])
    if not isinstance(items, list):
        read.error(read.pos(value, "rules"), "E013", f"{where} 'rules' must be a list",
                   "start each rule with `- when: ...`")
        items = []
    for index, item in enumerate(items):
        rule_where = f"rule {index + 1} of {where}"
        if not isinstance(item, dict):
            read.error(read.pos(items, index), "E013", f"{rule_where} must be a mapping",
                       "write `- when: ...` with outcome, why and source")
            continue
        read.fields(item, RULE_FIELDS, RULE_FIELDS, rule_where)
        when = _condition(read, item.get("when"), read.pos(item, "when"),
                          f"{rule_where} 'when'") if "when" in item else None
        verdict = _verdict(read, item, rule_where)
        if when is not None and verdict is not None:
            rules.append(Rule(when, verdict))
    default = value.get("default")
    if default is None:
        read.error(read.kpos(container, fid), "E043", f"{where} has no default outcome",
                   "add `default: {outcome: fails, why: ..., source: https://...}` for the "
                   "systems no rule matches")
        return None
    if not isinstance(default, dict):
        read.error(read.pos(value, "default"), "E013", f"{where} 'default' must be a mapping",
                   "give it outcome, why and source")
        return None
    read.fields(default, VERDICT_FIELDS, VERDICT_FIELDS, f"{where} default")
    fallback = _verdict(read, default, f"{where} default")
    if fallback is None or not title:
        return None
    return Fault(fid, title, text, tuple(rules), fallback)


def _names_something(read: _Reader, design: Design, faults_value: Any) -> None:
    """Each fault rule must name only ids, services and traits that some path can hold:
    a rule about nothing never fires, and nobody notices."""
    ids, services, traits = design.vocabulary()
    if design.faults and not ids:
        read.error(read.fallback, "E042", "faults are declared but no component exists",
                   "declare `architecture:` or add components in choices (docs/authoring.md)")
        return

    def complain(test: Test, name: str, value: str, known: set[str], code: str) -> None:
        pos = read.test_positions.get((id(test), name), read.fallback)
        close = difflib.get_close_matches(value, sorted(known), n=1)
        what = {"id": "component", "service": "service", "traits": "trait",
                "links": "component"}[name]
        read.error(pos, code, f"a fault rule names {what} {value!r}, which no path holds",
                   (f"did you mean {close[0]!r}? " if close else "") +
                   f"{what}s that can exist: {', '.join(sorted(known)) or 'none'}")

    for fault in design.faults:
        for rule in fault.rules:
            for test in rule.when.tests():
                if test.id is not None and test.id not in ids:
                    complain(test, "id", test.id, ids, "E040")
                if test.service is not None and test.service not in services:
                    complain(test, "service", test.service, services, "E042")
                for trait in test.traits:
                    if trait not in traits:
                        complain(test, "traits", trait, traits, "E042")
                for link in test.links:
                    if link not in ids:
                        complain(test, "links", link, ids, "E040")


def read_design(architecture: Any, faults: Any,
                changes: dict[tuple[str, int], tuple[Any, Pos]], path: str = "",
                where: Callable[[str], Pos] | None = None
                ) -> tuple[Design, list[Problem], Positions]:
    """The design from its parts of the document: the top-level `architecture` and `faults`
    (None when absent) and each choice's change with where it is, by (node, choice index);
    with every problem found and where each part is. `where(field)` places top-level
    problems."""
    top = where or (lambda _field: (1, 1))
    read = _Reader(path, top("architecture"))
    start: list[Any] = []
    if architecture is not None:
        if isinstance(architecture, dict):
            start = _components(read, architecture, START, False)
        else:
            read.error(top("architecture"), "E013", "'architecture' must be a mapping of "
                       f"component ids, not {_kind(architecture)}",
                       "write `architecture:` then one indented key per component")
    found: dict[tuple[str, int], Change] = {}
    for (node, index), (value, pos) in changes.items():
        read.fallback = read.positions[("choice", node, index)] = pos
        found[(node, index)] = _change(read, value, (node, index),
                                       f"choice {index + 1} of {node!r}")
    read.fallback = top("faults")
    fault_list: list[Fault] = []
    if faults is not None:
        if isinstance(faults, dict):
            for fid in faults:
                if isinstance(fid, str) and SLUG.match(fid):
                    fault = _fault(read, fid, faults[fid], faults)
                    if fault is not None:
                        fault_list.append(fault)
                else:
                    read.error(read.kpos(faults, fid), "E013", f"fault id {fid!r} is not an id",
                               "use lower-case letters, digits and '-', like az-outage")
        else:
            read.error(top("faults"), "E013", f"'faults' must be a mapping of fault ids, not "
                       f"{_kind(faults)}", "write `faults:` then one indented key per fault")
    design = Design(Architecture(tuple(start)), found, tuple(fault_list))
    _names_something(read, design, faults)
    return design, read.problems, read.positions


def attach(data: Mapping, graph: Any, path: str) -> tuple[list[Problem], Positions]:
    """Read the design out of a loaded document and keep it, as plain data, in the scenario's
    graph (`architecture` and `faults` on the graph, a choice's change on its edge), where
    exports and node-link files carry it and `Scenario.design` reads it back."""
    changes: dict[tuple[str, int], tuple[Any, Pos]] = {}
    nodes = data.get("nodes")
    for node, entry in (nodes.items() if isinstance(nodes, dict) else ()):
        choices = entry.get("choices") if isinstance(entry, dict) else None
        for index, choice in enumerate(choices if isinstance(choices, list) else ()):
            if isinstance(choice, dict) and "architecture" in choice:
                where = choice.pos("architecture") if isinstance(choice, Mapping) else (1, 1)
                changes[(str(node), index)] = (choice["architecture"], where)
    _design, problems, positions = read_design(
        data.get("architecture"), data.get("faults"), changes, path,
        lambda key: data.pos(key) if key in data else data.start)
    for key in ("architecture", "faults"):
        if key in data:
            graph.graph[key] = plain(data[key])
    for (node, index), (value, _pos) in changes.items():
        for _source, _target, edge_key, attrs in graph.out_edges(node, keys=True, data=True):
            if edge_key == index:
                attrs["architecture"] = plain(value)
    return problems, positions


def design_of(graph: Any) -> Design:
    """The design kept in a scenario's graph (see `attach`), read without positions."""
    changes = {(source, key): (attrs["architecture"], (1, 1))
               for source, _target, key, attrs in graph.edges(keys=True, data=True)
               if "architecture" in attrs}
    design, _problems, _positions = read_design(graph.graph.get("architecture"),
                                                graph.graph.get("faults"), changes)
    return design
