"""Read `architecture:` and each choice's `architecture:` change into values, and keep the
design in the scenario's graph.

One reader serves both sources: the loader's position-aware YAML (problems get file:line:col)
and the plain data kept in the graph (node-link files, `Scenario.design`), where positions are
unknown and problems are not wanted. It is total: a broken part is reported and left out, so
whatever remains is still a usable `Design`. Checks that need the graph (does this component
exist on every path to here?) are `analysis.architecture_check`; faults are `fault_read`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .architecture import Architecture, Change, Component, Design, Patch
from .design_reader import Positions, Reader, plain
from .fault_read import check_names, read_faults
from .field_check import kind_of, must_be
from .model import SLUG
from .problems import Problem
from .yaml_source import Mapping, Pos

COMPONENT_FIELDS = ("service", "name", "placement", "scaling", "traits", "links")
CHANGE_FIELDS = ("add", "remove", "change")
PLACEMENT_FIELDS = ("azs", "regions")
SCALING_FIELDS = ("min", "max")
START = ("", -1)
"""The origin of the starting architecture's components, where a choice's is (node, index)."""


def _component(read: Reader, cid: str, value: Any, origin: tuple[str, int], container: Any,
               patch: bool) -> Component | Patch | None:
    where = f"component {cid!r}"
    if not isinstance(value, dict):
        read.error(read.pos(container, cid), "E013", f"{where} must be a mapping, not "
                   f"{kind_of(value)}", "give it `service:` and `name:`")
        return None
    read.fields(value, COMPONENT_FIELDS, () if patch else ("service", "name"), where)
    kind = "change" if patch else "component"
    read.positions[(kind, *origin, cid)] = read.kpos(container, cid)
    service = read.slug(value, "service", f"{where} service") if "service" in value else None
    if service:
        read.positions[("service", *origin, cid)] = read.pos(value, "service")
    name = read.text(value, "name", where) or None
    place = read.mapping(value, "placement", where, "{azs: 2, regions: 1}") \
        if "placement" in value else {}
    read.fields(place, PLACEMENT_FIELDS, (), f"{where}, placement")
    scale = read.mapping(value, "scaling", where, "{min: 2, max: 6}") \
        if "scaling" in value else {}
    read.fields(scale, SCALING_FIELDS, (), f"{where}, scaling")
    azs = read.count(place, "azs", f"{where}, placement", 1)
    regions = read.count(place, "regions", f"{where}, placement", 1)
    low = read.count(scale, "min", f"{where}, scaling", 0)
    high = read.count(scale, "max", f"{where}, scaling", 1)
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


def _components(read: Reader, value: Any, origin: tuple[str, int], patch: bool
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


def _change(read: Reader, value: Any, origin: tuple[str, int], where: str) -> Change:
    if not isinstance(value, dict):
        read.error(read.fallback, "E013", must_be(where, "architecture", "a mapping", value),
                   "write `architecture: {add: ..., remove: [...], change: ...}`")
        return Change()
    read.fields(value, CHANGE_FIELDS, (), f"{where} architecture")
    own = f"{where} architecture"
    add = _components(read, read.mapping(value, "add", own, "a mapping of component ids"),
                      origin, False) if "add" in value else []
    patches = _components(read, read.mapping(value, "change", own, "a mapping of component "
                                             "ids"), origin, True) if "change" in value else []
    removed = read.slugs(value, "remove", own) or ()
    for index, cid in enumerate(removed):
        read.positions[("remove", *origin, cid)] = read.pos(value["remove"], index)
    return Change(tuple(add), removed, tuple(patches))


def read_design(architecture: Any, faults: Any,
                changes: dict[tuple[str, int], tuple[Any, Pos]], path: str = "",
                where: Callable[[str], Pos] | None = None
                ) -> tuple[Design, list[Problem], Positions]:
    """The design from its parts of the document: the top-level `architecture` and `faults`
    (None when absent) and each choice's change with where it is, by (node, choice index);
    with every problem found and where each part is. `where(field)` places top-level
    problems."""
    top = where or (lambda _field: (1, 1))
    read = Reader(path, top("architecture"))
    start: list[Any] = []
    if architecture is not None:
        if isinstance(architecture, dict):
            start = _components(read, architecture, START, False)
        else:
            read.error(top("architecture"), "E013", "'architecture' must be a mapping of "
                       f"component ids, not {kind_of(architecture)}",
                       "write `architecture:` then one indented key per component")
    found: dict[tuple[str, int], Change] = {}
    for (node, index), (value, pos) in changes.items():
        read.fallback = read.positions[("choice", node, index)] = pos
        found[(node, index)] = _change(read, value, (node, index),
                                       f"choice {index + 1} of {node!r}")
    read.fallback = top("faults")
    fault_list = read_faults(read, faults, top("faults")) if faults is not None else []
    design = Design(Architecture(tuple(start)), found, tuple(fault_list))
    check_names(read, design)
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
