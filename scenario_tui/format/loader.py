"""Turn a parsed scenario document into a `Scenario`, reporting shape problems with positions.

The loader checks fields and types; `validate` then checks the graph (start, targets,
reachability, cycles). A node-link document (as written by `export --format node-link`) is
recognised by its keys and loaded through `graph_formats`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import networkx as nx

from . import architecture_read, indentation, yaml_diagnosis, yaml_source
from .field_check import (
    CHOICE_FIELDS,
    CHOICE_REQUIRED,
    NODE_FIELDS,
    TOP_FIELDS,
    TOP_REQUIRED,
    Checker,
    folder_file,
    kind_of,
)
from .model import DIFFICULTIES, DOMAINS, OUTCOMES, PILLARS, SLUG, Scenario
from .problems import Problem, did_you_mean
from .yaml_source import Mapping, Pos, Sequence

TOPIC = re.compile(r"^T\d{3}$")
VERIFIED = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?"
                      r"([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$")
"""A `verified` date as text: the day, or a date and time as tools that read YAML dates write
it (2026-11-29T00:00:00); only the day counts. The same pattern is in the JSON Schema."""
URL = re.compile(r"^https?://\S+$")
"""What a source looks like: an absolute http(s) URL with no spaces."""


def is_node_link(data: Any) -> bool:
    return isinstance(data, dict) and "nodes" in data and ("edges" in data or "links" in data) \
        and "graph" in data


def build(data: Any, path: str) -> tuple[Scenario | None, list[Problem]]:
    """Build a scenario from parsed data; None when it is too broken to form a graph."""
    if is_node_link(data):
        from .graph_formats import from_node_link

        return from_node_link(data, path)
    check = Checker(path)
    if not isinstance(data, Mapping):
        start = getattr(data, "start", (1, 1))
        check.error(start, "E010", f"a scenario must be a mapping of fields, not {kind_of(data)}",
                    "start the file with `id: my-scenario` (see docs/authoring.md)")
        return None, check.problems
    misplaced = folder_file(data)
    if misplaced is not None:
        check.error(data.start, "E010", *misplaced)
        return None, check.problems
    check.fields(data, TOP_FIELDS, TOP_REQUIRED, "the scenario")
    meta = _metadata(data, check, path)
    nodes = data.get("nodes")
    if nodes is not None and not isinstance(nodes, Mapping):
        check.error(data.pos("nodes"), "E013", f"'nodes' must be a mapping of node ids, "
                    f"not {kind_of(nodes)}", "write `nodes:` then one indented key per node")
        nodes = None
    if nodes is None or meta is None:
        return None, check.problems
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(**meta)
    pending: list[tuple[str, str, int, dict[str, Any], Pos]] = []
    for node_id, node in _adopt_dedented_fields(nodes, check).items():
        _node(node_id, node, nodes, check, graph, pending)
    for source, target, index, attrs, pos in pending:
        if target in graph:
            graph.add_edge(source, target, key=index, **attrs)
        else:
            stray = check.stray_nodes.get(target)
            hint = f"{target!r} is written on line {stray[0][0]}, but not in line with the " \
                f"other nodes: indented {stray[1]}?" if stray else did_you_mean(
                    target, [str(n) for n in nodes], "add a node with this id")
            check.error(pos, "E021", f"choice at {source!r} leads to undefined node {target!r}",
                        hint)
    start = meta.get("start")
    if start is None:
        start = next(iter(nodes), None)
        if start is None:
            check.error(data.pos("nodes"), "E011", "'nodes' is empty", "add a first situation")
            return None, check.problems
        graph.graph["start"] = start
    elif start not in graph:
        close = difflib.get_close_matches(str(start), [str(n) for n in nodes], n=1)
        check.error(data.pos("start"), "E020", f"start node {start!r} is not defined",
                    f"did you mean {close[0]!r}?" if close else "name one of the nodes")
        return None, check.problems
    stem = Path(path).stem
    if stem and stem != meta["id"] and Path(path).suffix in (".yaml", ".yml"):
        check.warning(data.pos("id"), "W031", f"file name {stem!r} does not match id "
                      f"{meta['id']!r}", f"rename the file to {meta['id']}.yaml")
    found, scenario_parts = architecture_read.attach(data, graph, path)
    check.problems.extend(found)
    scenario = Scenario(graph, path)
    scenario.design_positions = scenario_parts
    scenario.positions = {str(key): data.pos(key) for key in data}
    scenario.choice_positions = check.choice_positions
    scenario.node_positions = check.node_positions
    sources = data.get("sources")
    if isinstance(sources, Sequence):
        scenario.source_positions = [sources.pos(i) for i in range(len(sources))
                                     if isinstance(sources[i], str) and URL.match(sources[i])]
    services = data.get("services")
    if isinstance(services, Sequence):
        scenario.service_positions = {str(s): services.pos(i) for i, s in enumerate(services)}
    covers = data.get("covers")
    if isinstance(covers, Sequence):
        scenario.cover_positions = {str(t): covers.pos(i) for i, t in enumerate(covers)}
    return scenario, check.problems


def _adopt_dedented_fields(nodes: Mapping, check: Checker) -> dict[Any, Any]:
    """The nodes, a node's field that was dedented to the node ids' column (`choices:` among
    the nodes) reported and given back to the node above it, so that one mistake is one
    problem, not a node without choices and every node after it unreachable."""
    result: dict[Any, Any] = {}
    previous: Any = None
    for node_id, node in nodes.items():
        above = result.get(previous)
        if node_id in NODE_FIELDS and isinstance(above, Mapping) and node_id not in above \
                and not isinstance(node, Mapping):  # a node called `end` is a mapping
            check.error(nodes.kpos(node_id), "E012", f"{node_id!r} is a node's field, but it "
                        f"stands among the node ids, after node {previous!r}", "indented too "
                        f"little? indent it under {previous!r}, in line with its `text:`")
            above[node_id] = node
            above.key_pos[node_id] = nodes.kpos(node_id)
            above.value_pos[node_id] = nodes.pos(node_id)
            continue
        result[node_id] = node
        previous = node_id
    return result


def _metadata(data: Mapping, check: Checker, path: str) -> dict[str, Any] | None:
    scenario_id = data.get("id")
    if scenario_id is not None and (not isinstance(scenario_id, str)
                                    or not SLUG.match(scenario_id)):
        check.error(data.pos("id"), "E013", f"id {scenario_id!r} is not a slug",
                    "use lower-case letters, digits and '-', like read-heavy-database")
        scenario_id = None
    meta: dict[str, Any] = {
        "id": scenario_id,
        "title": check.text(data, "title", "the scenario"),
        "situation": check.text(data, "situation", "the scenario"),
        "difficulty": check.choice_of(data, "difficulty", DIFFICULTIES, ""),
        "tags": check.words(data, "tags", "the scenario", None),
        "services": check.words(data, "services", "the scenario", SLUG),
        "sources": check.words(data, "sources", "the scenario", URL,
                               "a source is a URL starting with https://"),
        "covers": check.words(data, "covers", "the scenario", TOPIC,
                              "a topic id looks like T042"),
    }
    lint_off = _lint_off(data, check, "the scenario")
    if lint_off:
        meta["lint_off"] = lint_off
    domain = check.choice_of(data, "domain", DOMAINS, "")
    if domain:
        meta["domain"] = domain
    verified = data.get("verified")
    if isinstance(verified, str) and VERIFIED.match(verified):
        with contextlib.suppress(ValueError):
            verified = dt.date.fromisoformat(verified[:10])
    if isinstance(verified, (dt.date, dt.datetime)):
        meta["verified"] = verified.isoformat()[:10]
    elif verified is not None:
        check.error(data.pos("verified"), "E013", f"verified {verified!r} is not a date",
                    "write it as YYYY-MM-DD, unquoted")
    start = data.get("start")
    if start is not None:
        if isinstance(start, str):
            meta["start"] = start
        else:
            check.error(data.pos("start"), "E013", f"start must be a node id, not "
                        f"{kind_of(start)}", "name the first node, like `start: first-decision`")
    if scenario_id is None:
        return None
    return meta


def _lint_off(mapping: Mapping, check: Checker, where: str) -> list[str]:
    """Lint rule codes switched off with `lint: {ignore: [L104]}`."""
    value = mapping.get("lint")
    if value is None:
        return []
    if not isinstance(value, Mapping) or set(value) - {"ignore"}:
        check.error(mapping.pos("lint"), "E013", f"{where}: field 'lint' must be a mapping with "
                    "'ignore'", "write `lint: {ignore: [L104]}`")
        return []
    return check.words(value, "ignore", f"{where}, lint", re.compile(r"^L\d{3}$"),
                       "a lint rule code looks like L104")


def _node(node_id: Any, node: Any, nodes: Mapping, check: Checker, graph: nx.MultiDiGraph[str],
          pending: list[tuple[str, str, int, dict[str, Any], Pos]]) -> None:
    key_pos = nodes.kpos(node_id)
    if not isinstance(node_id, str) or not SLUG.match(node_id):
        check.error(key_pos, "E013", f"node id {node_id!r} is not a slug",
                    "use lower-case letters, digits and '-'")
        node_id = str(node_id)
    if not isinstance(node, Mapping):
        check.error(nodes.pos(node_id), "E013", f"node {node_id!r} must be a mapping, "
                    f"not {kind_of(node)}", "give it `text:` and `choices:` (or `end:`)")
        graph.add_node(node_id, text="", line=key_pos[0], column=key_pos[1])
        return
    where = f"node {node_id!r}"
    check.fields(node, NODE_FIELDS, ("text",), where)
    attrs: dict[str, Any] = {"text": check.text(node, "text", where), "line": key_pos[0],
                             "column": key_pos[1]}
    if "text" in node:
        check.node_positions[(node_id, "text")] = node.pos("text")
    end = check.choice_of(node, "end", OUTCOMES, f" in node {node_id!r}") if "end" in node \
        else None
    if end:
        attrs["end"] = end
    elif "end" in node and node["end"] is None:
        check.error(node.pos("end"), "E013", f"{where} has an empty 'end'",
                    "write `end: success`, `partial` or `failure`")
    services = check.words(node, "services", where, SLUG)
    if services:
        attrs["services"] = services
    lint_off = _lint_off(node, check, where)
    if lint_off:
        attrs["lint_off"] = lint_off
    graph.add_node(node_id, **attrs)
    choices = node.get("choices")
    if choices is None:  # a misspelt `choices` (already reported as E012) still counts
        typo = [k for k in node if k not in NODE_FIELDS
                and difflib.get_close_matches(str(k), ["choices"], n=1, cutoff=0.6)]
        choices = node[typo[0]] if typo else None
    if choices is None:
        if "end" not in node:
            check.error(key_pos, "E022", f"{where} has no choices and is not an ending",
                        "add `choices:` or mark it `end: success|partial|failure`")
        return
    if not isinstance(choices, Sequence):
        check.error(node.pos("choices"), "E013", f"{where}: field 'choices' must be a list",
                    "start each choice with '- label: ...'")
        return
    if "end" in node:
        check.error(node.pos("choices"), "E023", f"ending {node_id!r} has choices",
                    "an ending closes the story: remove `end:` or the choices")
        return
    if not choices:
        check.error(node.pos("choices"), "E022", f"{where} has an empty choice list",
                    "add choices or mark it as an ending")
    for index, choice in enumerate(choices):
        _choice(node_id, index, choice, choices.pos(index), check, pending)


def _choice(node_id: str, index: int, choice: Any, pos: Pos, check: Checker,
            pending: list[tuple[str, str, int, dict[str, Any], Pos]]) -> None:
    where = f"choice {index + 1} of {node_id!r}"
    if not isinstance(choice, Mapping):
        check.error(pos, "E013", f"{where} must be a mapping", "write `- label: ...` etc.")
        return
    check.fields(choice, CHOICE_FIELDS, tuple(k for k in CHOICE_REQUIRED if k != "why"), where)
    attrs: dict[str, Any] = {"label": check.text(choice, "label", where), "line": pos[0],
                             "column": pos[1]}
    why = choice.get("why")
    if why is None or (isinstance(why, str) and not why.strip()):
        check.error(choice.pos("why") if "why" in choice else pos, "E025",
                    f"{where} has no explanation",
                    "add `why:` naming the fact that makes it right, partly right or wrong")
        attrs["why"] = ""
    else:
        attrs["why"] = check.text(choice, "why", where)
    points = choice.get("points", 0)
    if isinstance(points, bool) or not isinstance(points, int):
        check.error(choice.pos("points"), "E013", f"{where}: field 'points' must be a whole "
                    f"number, not {kind_of(points)}", "e.g. 2 right, 1 partly right, 0 wrong")
        points = 0
    attrs["points"] = points
    for name in ("label", "why", "misconception", "source"):
        if name in choice:
            check.choice_positions[(node_id, index, name)] = choice.pos(name)
    if "source" in choice:
        url = choice["source"]
        if isinstance(url, str) and URL.match(url):
            attrs["source_url"] = url
        else:
            check.error(choice.pos("source"), "E013", f"{where}: source {url!r} is not a URL",
                        "a source is an absolute URL starting with https://")
    if "misconception" in choice:
        tag = choice["misconception"]
        if isinstance(tag, str) and SLUG.match(tag):
            attrs["misconception"] = tag
        else:
            check.error(choice.pos("misconception"), "E013", f"misconception {tag!r} is not "
                        "a tag", "a short kebab-case tag such as multi-az-for-read-scaling")
    pillars = choice.get("pillars")
    if pillars is not None:
        attrs["pillars"] = _pillars(pillars, choice.pos("pillars"), where, check)
    target = choice.get("to")
    if isinstance(target, str):
        pending.append((node_id, target, index, attrs, choice.pos("to")))
    elif target is not None:
        check.error(choice.pos("to"), "E013", f"{where}: field 'to' must be a node id, not "
                    f"{kind_of(target)}", "name the node this choice leads to, like `to: "
                    "next-step`")


def _pillars(value: Any, pos: Pos, where: str, check: Checker) -> dict[str, int]:
    if not isinstance(value, Mapping):
        check.error(pos, "E013", f"{where}: field 'pillars' must be a mapping",
                    "e.g. pillars: {cost: -1, reliability: 2}")
        return {}
    result: dict[str, int] = {}
    for name, amount in value.items():
        if name not in PILLARS:
            check.error(value.kpos(name), "E012", f"unknown pillar {name!r}",
                        did_you_mean(str(name), PILLARS, "one of: " + ", ".join(PILLARS)))
        elif isinstance(amount, bool) or not isinstance(amount, int) or not -3 <= amount <= 3:
            check.error(value.pos(name), "E013", f"pillar {name!r} is {amount!r}: it must be a "
                        "whole number from -3 to 3", "-3 hurts that pillar most, 0 leaves it "
                        "alone, 3 helps it most; e.g. `pillars: {cost: -1, reliability: 2}`")
        else:
            result[name] = amount
    return result


def _unreadable(doc: yaml_source.Document) -> bool:
    """Nothing was built: a file that cannot be read or parsed, or that breaks a limit. (An
    anchor at the start of a text, `E004` too, is built and checked further.)"""
    return doc.data is None


_KEYS = frozenset(TOP_FIELDS + NODE_FIELDS + CHOICE_FIELDS)
"""The field names a key written without its colon may be (`yaml_diagnosis`)."""


def _misplaced_line(doc: yaml_source.Document) -> list[Problem]:
    """`doc`'s problems, a syntax error replaced by the mistake behind it, at its own line:
    one `yaml_diagnosis` names (a value that needs quotes, a key without its colon, ...), or
    else the indentation mistake ("indented too little/much?") when re-indenting one line
    fixes it."""
    syntax = next((p for p in doc.problems if p.code == "E002"), None)
    if syntax is None or not doc.text or yaml_source.UNCLOSED in syntax.message:
        return doc.problems
    named = yaml_diagnosis.diagnose(doc.text, syntax.line, syntax.column, syntax.message, _KEYS)
    if named is not None:
        moved = replace(syntax, line=named.line, column=named.column, message=named.message,
                        hint=named.hint)
        return [moved if p is syntax else p for p in doc.problems]

    def score(text: str) -> int | None:
        fixed = yaml_source.parse(text, doc.path)
        if _unreadable(fixed):
            return None
        scenario, problems = build(fixed.data, doc.path)
        return sum(p.is_error for p in problems) + (scenario is None)

    found = indentation.repair(doc.text, syntax.line, score)
    if found is None:
        return doc.problems
    moved = replace(syntax, line=found.line, column=found.column, message=found.message,
                    hint=found.hint)
    return [moved if p is syntax else p for p in doc.problems]


def load_file(path: Path | str) -> tuple[Scenario | None, list[Problem]]:
    """Read, parse and build one scenario file."""
    doc = yaml_source.read(path)
    if _unreadable(doc):
        return None, _misplaced_line(doc)
    scenario, problems = build(doc.data, doc.path)
    return scenario, doc.problems + problems


def load_text(text: str, path: str = "<text>") -> tuple[Scenario | None, list[Problem]]:
    """Parse and build a scenario from text (used by the author preview and tests)."""
    doc = yaml_source.parse(text, path)
    if _unreadable(doc):
        return None, _misplaced_line(doc)
    scenario, problems = build(doc.data, path)
    return scenario, doc.problems + problems
