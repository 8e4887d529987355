"""Exported drawings (DOT, Mermaid) and GraphML mark the best path and each ending's outcome,
show Markdown as plain text, and escape what each format would read as syntax."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import pytest

from scenario_tui.analysis.scoring import analyse
from scenario_tui.cli import main
from scenario_tui.format import loader
from scenario_tui.format.graph_formats import export
from scenario_tui.format.model import Scenario

LONG = Path(__file__).parent / "fixtures" / "author" / "preview-long-labels.yaml"
HOSTILE = '#35; "q" <b>t</b> & | [x] `c` **b** {y}'
"""Every character DOT or Mermaid could read as syntax, Markdown, and an entity's look-alike."""
BEST_EDGES = {("peak", 0), ("consumers", 0), ("poison", 0)}
OUTCOMES = {"lost": "failure", "clogged": "partial", "calm": "success"}


def load(text: str | None = None) -> Scenario:
    source = LONG.read_text(encoding="utf-8") if text is None else text
    scenario, problems = loader.load_text(source, str(LONG))
    assert scenario is not None and not [p for p in problems if p.is_error], problems
    return scenario


def hostile() -> Scenario:
    text = LONG.read_text(encoding="utf-8").replace(
        "Ask the marketing team to stop sending the evening newsletter that causes the peak",
        HOSTILE.replace('"', '\\"').join('""')).replace(
        "Customers give up at checkout and buy elsewhere.", "A | B ]] -->|x| \"end\" <i>&")
    return load(text)


def drawn(scenario: Scenario, fmt: str) -> str:
    return export(scenario, fmt, analyse(scenario).best_path())


def dot_labels(dot: str) -> list[str]:
    return re.findall(r"label=<(.*?)>(?:,|\])", dot)


def test_dot_marks_the_best_path_and_the_outcomes() -> None:
    dot = drawn(load(), "dot")
    edges = [line for line in dot.splitlines() if "->" in line]
    best = [line for line in edges if "penwidth=3" in line]
    assert len(best) == len(BEST_EDGES) and all(
        "style=bold" in line and "best=true" in line and "★" in line for line in best)
    assert '"peak" -> "consumers"' in best[0] and '"poison" -> "calm"' in best[-1]
    for node, outcome in OUTCOMES.items():
        line = next(x for x in dot.splitlines() if x.startswith(f'  "{node}" ['))
        assert f'outcome="{outcome}"' in line and f'class="ending {outcome}"' in line
        assert f" {outcome}>" in line  # the word, not only a shape or a colour
    assert "shape=doublecircle" in dot and "shape=tripleoctagon" in dot
    for label in dot_labels(dot):
        assert "**" not in label and "`" not in label


def test_mermaid_marks_the_best_path_and_the_outcomes() -> None:
    mermaid = drawn(load(), "mermaid")
    links = [line for line in mermaid.splitlines() if "-->" in line]
    starred = [index for index, line in enumerate(links) if "★" in line]
    assert len(starred) == len(BEST_EDGES)
    assert f"  linkStyle {','.join(map(str, starred))} stroke-width:4px" in mermaid
    assert "  class n0,n1,n3,n6 best" in mermaid
    assert "  class n6 success" in mermaid and "  class n5 partial" in mermaid
    assert "  class n4 failure" in mermaid and "classDef failure" in mermaid
    assert 'n6(["calm: ' in mermaid and "✓ success" in mermaid
    assert "**" not in mermaid and "`" not in mermaid


def test_graphml_marks_best_and_outcome_and_still_parses_back() -> None:
    scenario = load()
    graphml = drawn(scenario, "graphml")
    graph = nx.parse_graphml(graphml, force_multigraph=True)
    assert graph.number_of_edges() == scenario.graph.number_of_edges()
    best = {(u, int(k)) for u, _, k, d in graph.edges(keys=True, data=True) if d["best"]}
    assert best == BEST_EDGES
    assert {n for n, d in graph.nodes(data=True) if d["best"]} == {"peak", "consumers",
                                                                   "poison", "calm"}
    assert {n: d["outcome"] for n, d in graph.nodes(data=True) if "outcome" in d} == OUTCOMES
    assert all(isinstance(d["best"], bool) for _, _, d in graph.edges(data=True))
    for node, attrs in scenario.graph.nodes(data=True):  # the scenario's own data, unchanged
        assert graph.nodes[node]["text"] == attrs["text"]
    for _, _, attrs in graph.edges(data=True):  # and beside it, text for a viewer's labels
        assert "**" not in attrs["plain_label"] and "`" not in attrs["plain_label"]
    assert all("`" not in d["plain_text"] for _, d in graph.nodes(data=True))


def test_graphml_labels_for_viewers_have_markdown_reduced_to_text() -> None:
    graph = nx.parse_graphml(drawn(hostile(), "graphml"), force_multigraph=True)
    labels = [d["plain_label"] for _, _, d in graph.edges(data=True)]
    assert labels and all("**" not in label and "`" not in label for label in labels)


def test_hostile_labels_are_escaped_in_dot() -> None:
    dot = drawn(hostile(), "dot")
    line = next(x for x in dot.splitlines() if '"peak" -> "lost"' in x)
    assert "3. #35; &quot;q&quot; &lt;b&gt;t&lt;/b&gt; &amp; | [x] c b {y} (+0)" in line
    assert "<b>" not in line and "**" not in line and "`" not in line
    ending = next(x for x in dot.splitlines() if x.startswith('  "lost" ['))
    assert "A | B ]] --&gt;|x| &quot;end&quot; &lt;i&gt;&amp;" in ending
    for label in dot_labels(dot):  # an HTML label holds no raw markup but its own tags
        assert not re.search(r"<(?!/?B>|BR/>)", label) and '"' not in label


def test_hostile_labels_are_escaped_in_mermaid() -> None:
    mermaid = drawn(hostile(), "mermaid")
    link = next(x for x in mermaid.splitlines() if x.endswith("| n4") and "3. " in x)
    label = link[link.index('|"') + 2:link.rindex('"|')]
    assert not re.search(r'["|\[\]{}<>`]', label), label
    assert label == ("3. #35;35#59; #34;q#34; #60;b#62;t#60;/b#62; #38; #124; #91;x#93; "
                     "c b #123;y#125; (+0)")
    ending = next(x for x in mermaid.splitlines() if x.startswith("  n4("))
    text = ending[ending.index('(["') + 3:ending.rindex('"])')]
    assert not re.search(r'["|\[\]<>]', text), text


def test_xml_stays_well_formed_with_hostile_labels() -> None:
    ElementTree.fromstring(drawn(hostile(), "graphml"))


@pytest.mark.parametrize("fmt", ["dot", "mermaid", "graphml"])
def test_export_command_marks_the_best_path(fmt: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(LONG), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert {"dot": "penwidth=3", "mermaid": "linkStyle 0,3,7",
            "graphml": 'attr.name="best"'}[fmt] in out
