"""Graph-level checks on a loaded scenario and library-level checks across files."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import networkx as nx

from ..format.model import Scenario
from ..format.problems import ERROR, WARNING, Problem, nearest
from ..format.syllabus import Syllabus
from .architecture_check import check_architecture, check_component_services


def check_graph(scenario: Scenario) -> list[Problem]:
    """Cycles and unreachable nodes; both need the whole graph, so they run after loading."""
    graph, path = scenario.graph, scenario.path
    problems: list[Problem] = []
    depth = nx.single_source_shortest_path_length(graph, scenario.start)
    for component in nx.strongly_connected_components(graph):
        if len(component) == 1:
            (node,) = component
            if not graph.has_edge(node, node):
                continue
        entry = min(component, key=lambda n: (depth.get(n, len(graph)), n))
        cycle_edges = nx.find_cycle(graph.subgraph(component), source=entry)
        cycle = [edge[0] for edge in cycle_edges] + [cycle_edges[0][0]]
        # Blame the edge that jumps back nearest the start: that is the one to redirect.
        back = min(cycle_edges, key=lambda e: depth.get(e[1], len(graph)))
        attrs = graph.edges[back]
        problems.append(Problem(
            path, attrs.get("line", 1), attrs.get("column", 1), ERROR, "E024",
            "cycle: " + " -> ".join(cycle) + f" (the choice at {back[0]!r} leads back to "
            f"{back[1]!r})",
            "scenarios are acyclic so the best path is defined: send this choice to a new "
            "node instead of back",
        ))
    reachable = nx.descendants(graph, scenario.start) | {scenario.start}
    for node in graph:
        if node not in reachable:
            problems.append(Problem(
                path, graph.nodes[node].get("line", 1), graph.nodes[node].get("column", 1),
                WARNING, "W030",
                f"node {node!r} cannot be reached from the start {scenario.start!r}",
                "point a choice at it, or delete it",
            ))
    if not any(p.code == "E024" for p in problems):  # the check follows paths: acyclic only
        problems.extend(check_architecture(scenario))
    return problems


def check_services(scenario: Scenario, known: Iterable[str], glossary_path: str) -> list[Problem]:
    """Every service id a scenario or node lists must have a glossary card."""
    known = set(known)
    problems: list[Problem] = []
    fallback = scenario.positions.get("services", (1, 1))
    listed = [(service, scenario.service_positions.get(service, fallback))
              for service in scenario.services]
    for _node, data in scenario.graph.nodes(data=True):
        listed.extend((service, (data.get("line", 1), 1)) for service in data.get("services", ()))
    for service, (line, column) in listed:
        if service not in known:
            close = nearest(service, known)
            add = f"add a card for it to {glossary_path}"
            hint = f"did you mean {close!r}? or {add}" if close else \
                f"{add}, or use a known id (`scenario-tui services` lists them)"
            problems.append(Problem(scenario.path, line, column, ERROR, "E026",
                                    f"unknown service id {service!r}", hint))
    return problems + check_component_services(scenario, known, glossary_path)


def check_unique_ids(scenarios: Iterable[Scenario]) -> list[Problem]:
    """The same scenario id in two files is an error in the second one (by path order)."""
    seen: dict[str, Scenario] = {}
    problems: list[Problem] = []
    for scenario in sorted(scenarios, key=lambda s: s.path):
        first = seen.setdefault(scenario.id, scenario)
        if first is not scenario:
            line, column = scenario.positions.get("id", (1, 1))
            problems.append(Problem(scenario.path, line, column, ERROR, "E027",
                                    f"scenario id {scenario.id!r} is also used by {first.path}",
                                    "ids must be unique across the library: rename one"))
    return problems


def check_misconceptions(scenario: Scenario, known: Iterable[str], defined_in: str
                         ) -> list[Problem]:
    """Every `misconception:` tag must be defined in a misconceptions file, so the learner is
    shown the belief and its correcting fact, never a bare tag."""
    known = sorted(set(known))
    problems: list[Problem] = []
    for node in scenario.graph:
        for choice in scenario.choices(node):
            tag = choice.misconception
            if not tag or tag in known:
                continue
            line, column = scenario.choice_positions.get(
                (node, choice.index, "misconception"), (choice.line or 1, 1))
            close = difflib.get_close_matches(tag, known, n=1, cutoff=0.7)
            define = f"define it (belief, fact, source) in {defined_in}"
            hint = f"did you mean {close[0]!r}? or {define}" if close else define
            problems.append(Problem(scenario.path, line, column, ERROR, "E028",
                                    f"undefined misconception tag {tag!r}", hint))
    return problems


def check_covers(scenario: Scenario, syllabus: Syllabus) -> list[Problem]:
    """Every `covers:` id must be a topic of the syllabus: an id that is not counts towards no
    topic in `coverage` or in mastery per domain, so it is refused at the id."""
    problems: list[Problem] = []
    fallback = scenario.positions.get("covers", (1, 1))
    for topic_id in dict.fromkeys(scenario.covers):
        if topic_id in syllabus.topics:
            continue
        line, column = scenario.cover_positions.get(topic_id, fallback)
        near = syllabus.nearest(topic_id)
        hint = (f"did you mean {near.id!r} ({near.title})? " if near else "") + \
            "`scenario-tui coverage` lists every topic id"
        problems.append(Problem(scenario.path, line, column, ERROR, "E029",
                                f"unknown topic id {topic_id!r} in 'covers'", hint))
    return problems
