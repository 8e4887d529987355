"""The graph: multi-edges survive, exports render, node-link round trips keep every attribute."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
import yaml

from scenario_tui.cli import main
from scenario_tui.format import loader
from scenario_tui.format.graph_formats import FORMATS, export, to_node_link
from scenario_tui.play import library


def _attrs(graph: nx.MultiDiGraph) -> tuple[object, ...]:
    return (dict(graph.graph), sorted((n, json.dumps(d, sort_keys=True)) for n, d in
                                      graph.nodes(data=True)),
            sorted((u, v, k, json.dumps(d, sort_keys=True)) for u, v, k, d in
                   graph.edges(keys=True, data=True)))


def test_two_choices_to_one_node_are_two_edges(tiny_path: Path) -> None:
    scenario, _ = loader.load_file(tiny_path)
    assert scenario is not None
    assert isinstance(scenario.graph, nx.MultiDiGraph)
    assert scenario.graph.number_of_edges("first", "idle-bill") == 2
    assert [c.label for c in scenario.choices("first")] == [
        "Use Lambda", "Run an EC2 instance all day", "Run it on a laptop under a desk"]


def _library_files() -> list[Path]:
    return [Path(entry.path) for entry in library.load().entries if entry.playable]


@pytest.mark.parametrize("path", [Path(__file__).parent / "fixtures/valid/tiny.yaml",
                                  *_library_files()], ids=lambda p: p.stem)
def test_authoring_to_node_link_round_trip_keeps_everything(path: Path, tmp_path: Path) -> None:
    scenario, _ = loader.load_file(path)
    assert scenario is not None
    node_link = tmp_path / f"{scenario.id}.yaml"
    node_link.write_text(export(scenario, "node-link"))
    again, problems = loader.load_file(node_link)
    assert again is not None and not problems
    assert _attrs(again.graph) == _attrs(scenario.graph)
    # and authoring YAML written back out loads to the same content
    authored = tmp_path / "authored" / f"{scenario.id}.yaml"
    authored.parent.mkdir()
    authored.write_text(export(scenario, "yaml"))
    third, problems = loader.load_file(authored)
    assert third is not None and not [p for p in problems if p.is_error]
    strip = lambda g: [(u, v, k, {a: b for a, b in d.items() if a not in ("line", "column")})  # noqa: E731
                       for u, v, k, d in g.edges(keys=True, data=True)]
    assert sorted(map(str, strip(third.graph))) == sorted(map(str, strip(scenario.graph)))
    assert third.graph.graph == scenario.graph.graph


def test_node_link_json_loads_too(tiny_path: Path, tmp_path: Path) -> None:
    scenario, _ = loader.load_file(tiny_path)
    assert scenario is not None
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(to_node_link(scenario)))
    again, problems = loader.load_file(path)
    assert again is not None and not problems
    assert again.graph.number_of_edges() == scenario.graph.number_of_edges()


def test_broken_node_link_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump({"directed": True, "multigraph": True, "graph": {},
                                    "nodes": [], "edges": []}))
    scenario, problems = loader.load_file(path)
    assert scenario is None and problems[0].code == "E013"
    assert "'id' is missing" in problems[0].message


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_command_writes_each_format(fmt: str, tiny_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tiny_path), "--format", fmt]) == 0
    out = capsys.readouterr().out
    marker = {"yaml": "nodes:", "node-link": "edges:", "graphml": "<graphml",
              "dot": "digraph", "mermaid": "flowchart TD"}[fmt]
    assert marker in out and "idle-bill" in out


def test_graphml_parses_back(tiny_path: Path) -> None:
    scenario, _ = loader.load_file(tiny_path)
    assert scenario is not None
    graph = nx.parse_graphml(export(scenario, "graphml"), force_multigraph=True)
    assert graph.number_of_edges() == scenario.graph.number_of_edges()
    assert json.loads(graph.graph["services"]) == ["s3", "lambda"]


def test_export_of_a_broken_file_fails(capsys: pytest.CaptureFixture[str]) -> None:
    bad = Path(__file__).parent / "fixtures/invalid/e024-cycle.yaml"
    assert main(["export", str(bad), "--format", "dot"]) == 1
    assert "E024" in capsys.readouterr().err


def test_graphml_stays_well_formed_with_control_characters(tiny_path: Path) -> None:
    from xml.etree import ElementTree

    text = tiny_path.read_text().replace(
        "title: A tiny scenario", 'title: "\\e]0;pwn\\a \\x01\\x0b\\x0c\\x1f tab\\tnew\\nline"')
    scenario, problems = loader.load_text(text, "tiny.yaml")
    assert scenario is not None and not [p for p in problems if p.is_error]
    assert "\x1b" in scenario.title
    graphml = export(scenario, "graphml")
    ElementTree.fromstring(graphml)  # raises on a character XML cannot hold
    title = nx.parse_graphml(graphml, force_multigraph=True).graph["title"]
    assert title == "\u241b]0;pwn\u2407 \u2401\u240b\u240c\u241f tab\tnew\nline"
