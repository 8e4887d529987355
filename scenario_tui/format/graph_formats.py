"""Write a scenario's graph out (authoring YAML, node-link, GraphML, DOT, Mermaid) and read
node-link data back in."""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from typing import Any

from .graph_drawings import best_keys, best_nodes, to_dot, to_mermaid
from .markdown_text import plain, plain_line
from .model import Choice, Scenario
from .problems import ERROR, Problem

FORMATS = ("yaml", "node-link", "graphml", "dot", "mermaid")
"""The CLI builds its parser from this, so networkx and yaml are imported only when used."""
_META_ORDER = ("id", "title", "situation", "difficulty", "domain", "tags", "services", "sources",
               "verified", "covers", "start", "architecture")


def to_node_link(scenario: Scenario) -> dict[str, Any]:
    """networkx node-link data with every attribute (edges keyed by choice index)."""
    import networkx as nx

    return nx.node_link_data(scenario.graph, edges="edges")


def from_node_link(data: dict[str, Any], path: str) -> tuple[Scenario | None, list[Problem]]:
    """Load node-link data; check it carries what a scenario needs."""
    def fail(message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(path, 1, 1, ERROR, "E013", f"node-link data: {message}",
                              "export it again with `scenario-tui export --format node-link`")]

    import networkx as nx

    data = _plain(data)
    edges_key = "edges" if "edges" in data else "links"
    try:
        graph = nx.node_link_graph(
            {**data, "multigraph": True, "directed": True}, edges=edges_key
        )
    except (KeyError, TypeError, ValueError, nx.NetworkXError) as error:
        return fail(f"cannot build a graph ({error})")
    if not isinstance(graph, nx.MultiDiGraph):  # what was asked for; narrows the type too
        return fail("the data does not describe a directed multigraph")
    meta = graph.graph
    for key in ("id", "start"):
        if not isinstance(meta.get(key), str):
            return fail(f"graph attribute {key!r} is missing")
    if meta["start"] not in graph:
        return fail(f"start node {meta['start']!r} is not a node")
    for source, target, key, attrs in graph.edges(keys=True, data=True):
        if not isinstance(key, int):
            return fail(f"edge {source}->{target} needs an integer key (the choice index)")
        for name, kind in (("label", str), ("why", str), ("points", int)):
            if not isinstance(attrs.get(name), kind):
                return fail(f"edge {source}->{target} lacks {name!r}")
    for node, attrs in graph.nodes(data=True):
        if not isinstance(attrs.get("text"), str):
            return fail(f"node {node!r} lacks 'text'")
    return Scenario(graph, path), []


def _plain(value: Any) -> Any:
    """Position-tracking containers from the YAML reader, as plain dicts and lists."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def to_authoring(scenario: Scenario) -> dict[str, Any]:
    """The scenario as authoring-format data (the inverse of the loader)."""
    meta = scenario.graph.graph
    out: dict[str, Any] = {key: meta[key] for key in _META_ORDER if meta.get(key) not in
                           (None, [], ())}
    nodes: dict[str, Any] = {}
    for node in scenario.graph:
        situation = scenario.node(node)
        entry: dict[str, Any] = {}
        if situation.end:
            entry["end"] = situation.end
        entry["text"] = situation.text
        if situation.services:
            entry["services"] = list(situation.services)
        choices = []
        for choice in scenario.choices(node):
            item: dict[str, Any] = {"label": choice.label, "to": choice.target,
                                    "points": choice.points, "why": choice.why}
            if choice.misconception:
                item["misconception"] = choice.misconception
            if choice.pillars:
                item["pillars"] = dict(choice.pillars)
            if choice.source_url:
                item["source"] = choice.source_url
            change = scenario.graph.edges[node, choice.target, choice.index].get("architecture")
            if change is not None:
                item["architecture"] = change
            choices.append(item)
        if choices:
            entry["choices"] = choices
        nodes[node] = entry
    out["nodes"] = nodes
    if meta.get("faults") is not None:
        out["faults"] = meta["faults"]
    return out


def _dump_yaml(data: Any) -> str:
    import yaml

    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold, not even as character references."""


def _xml_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    return chr(0x2400 + code) if code < 0x20 else "\ufffd"


def _flat(value: Any) -> Any:
    """A GraphML attribute value: lists and mappings as JSON text; in text, each character XML
    cannot hold (a control character) shown as its symbol, as `text_safety` shows it."""
    if isinstance(value, (dict, list, tuple)):
        value = json.dumps(value, ensure_ascii=False)
    return _NOT_XML.sub(_xml_char, value) if isinstance(value, str) else value


def to_graphml(scenario: Scenario, best: Collection[Choice] = ()) -> str:
    """GraphML, well-formed whatever the scenario's text holds; lists and mappings (tags,
    pillars) are stored as JSON text. Every node and edge says whether it is on the best path
    (`best`, a boolean) and each ending its `outcome`, beside the scenario's own attributes.
    `text` and `label` stay as written (a round trip loses nothing); `plain_text` and
    `plain_label` carry them with the Markdown reduced to text, for a viewer's labels."""
    import networkx as nx

    keys, on_best = best_keys(best), best_nodes(scenario, best)
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    graph.graph.update({k: _flat(v) for k, v in scenario.graph.graph.items()})
    for node, attrs in scenario.graph.nodes(data=True):
        marks: dict[str, Any] = {"best": node in on_best}
        if isinstance(attrs.get("text"), str):
            marks["plain_text"] = _flat(plain(attrs["text"]))
        if attrs.get("end") is not None:
            marks["outcome"] = attrs["end"]
        graph.add_node(_flat(node), **{k: _flat(v) for k, v in attrs.items()}, **marks)
    for source, target, key, attrs in scenario.graph.edges(keys=True, data=True):
        plain_label = {"plain_label": _flat(plain_line(attrs["label"]))} \
            if isinstance(attrs.get("label"), str) else {}
        graph.add_edge(_flat(source), _flat(target), key=key,
                       **{k: _flat(v) for k, v in attrs.items()}, best=(source, key) in keys,
                       **plain_label)
    return "\n".join(nx.generate_graphml(graph)) + "\n"


def export(scenario: Scenario, fmt: str, best: Collection[Choice] = (), *,
           as_json: bool = False) -> str:
    """Render the scenario in one of `FORMATS`; the drawings and GraphML mark `best` (the
    best path's choices, which the analysis layer works out) and each ending's outcome.
    Node-link data is YAML unless `as_json` (for a `.json` file: `json.load` must read it)."""
    if fmt == "yaml":
        return (f"# yaml-language-server: $schema=../assets/scenario.schema.json\n"
                f"{_dump_yaml(to_authoring(scenario))}")
    if fmt == "node-link" and as_json:
        return json.dumps(to_node_link(scenario), indent=2, ensure_ascii=False) + "\n"
    if fmt == "node-link":
        return _dump_yaml(to_node_link(scenario))
    if fmt == "graphml":
        return to_graphml(scenario, best)
    if fmt == "dot":
        return to_dot(scenario, best)
    if fmt == "mermaid":
        return to_mermaid(scenario, best)
    raise ValueError(f"unknown format {fmt!r}")
