"""A scenario's graph as a drawing: Graphviz DOT and Mermaid, with the best path and each
ending's outcome marked.

A drawing is for reading, so labels are plain text (Markdown reduced by `plain_line`, control
characters shown as symbols) and short. Each format has its own escaping: DOT labels are HTML
labels, `&<>"` escaped; Mermaid text sits in quotes with every character its parser could take
for syntax (quote, pipe, brackets, `#`, backtick, angle brackets) written as an entity. The
best path is marked in a way that survives without colour too: `★` in the edge's label, bold
lines, and a class tools can style; an ending's outcome as a shape, a class and its word.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection

from .markdown_text import plain_line
from .model import Choice, Scenario
from .text_safety import one_line

BEST_MARK = "★"
OUTCOME_MARK = {"success": "✓", "partial": "◐", "failure": "✗"}
DOT_SHAPE = {"success": "doublecircle", "partial": "doubleoctagon", "failure": "tripleoctagon"}
"""An ending's outcome as a shape (black-and-white prints keep it)."""
DOT_COLOUR = {"success": "#2e7d32", "partial": "#b26a00", "failure": "#c62828"}
MERMAID_CLASSES = (
    "  classDef best stroke-width:3px",
    "  classDef success fill:#e8f5e9,stroke:#2e7d32",
    "  classDef partial fill:#fff8e1,stroke:#b26a00",
    "  classDef failure fill:#ffebee,stroke:#c62828",
)


def short(text: str, width: int = 48) -> str:
    """A label for a drawing: Markdown as plain text, on one line, at most `width`."""
    return one_line(plain_line(text), width)


def best_keys(best: Collection[Choice]) -> set[tuple[str, int]]:
    return {(choice.source, choice.index) for choice in best}


def best_nodes(scenario: Scenario, best: Collection[Choice]) -> set[str]:
    """The situations on the best path: the start and every best choice's target."""
    return {scenario.start, *(choice.target for choice in best)} if best else set()


def _ending_words(end: str) -> str:
    return f"{OUTCOME_MARK.get(end, '■')} {end}"


def _quote_dot(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _html(text: str) -> str:
    return html.escape(text, quote=True)


def to_dot(scenario: Scenario, best: Collection[Choice] = ()) -> str:
    """Graphviz DOT: endings shaped and coloured by outcome (with its word), the best path's
    edges bold and starred; `outcome` and `best` are attributes too, for tools that read them."""
    keys, on_best = best_keys(best), best_nodes(scenario, best)
    lines = [f"digraph {_quote_dot(scenario.id)} {{", "  rankdir=TB;",
             "  node [shape=box, style=rounded];"]
    for node in scenario.graph:
        situation = scenario.node(node)
        label = f"<B>{_html(one_line(node, 40))}</B><BR/>{_html(short(situation.text, 40))}"
        attrs = []
        if situation.end:
            label += f"<BR/>{_html(_ending_words(situation.end))}"
            colour = DOT_COLOUR.get(situation.end, "black")
            attrs += [f"shape={DOT_SHAPE.get(situation.end, 'doublecircle')}",
                      f'color="{colour}"', f'fontcolor="{colour}"',
                      f"outcome={_quote_dot(situation.end)}",
                      f"class={_quote_dot('ending ' + situation.end)}"]
        if node in on_best:
            attrs += ["penwidth=2", "best=true"]
        lines.append(f"  {_quote_dot(node)} [{', '.join([f'label=<{label}>', *attrs])}];")
    for node in scenario.graph:
        for choice in scenario.choices(node):
            top = (node, choice.index) in keys
            label = (f"{BEST_MARK} " if top else "") + \
                f"{choice.number}. {short(choice.label, 36)} ({choice.points:+d})"
            attrs = [f"label=<{_html(label)}>"]
            if top:
                attrs += ["style=bold", "penwidth=3", "best=true", 'class="best"']
            lines.append(f"  {_quote_dot(node)} -> {_quote_dot(choice.target)} "
                         f"[{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


_MERMAID_SPECIAL = re.compile(r'[#"|\[\]{}()<>`;&]')


def mermaid_text(text: str, width: int = 40) -> str:
    """Plain, short text safe inside a quoted Mermaid label: each character the parser could
    read as syntax is written as an entity (`#35;` for `#`), which Mermaid shows as itself."""
    return _MERMAID_SPECIAL.sub(lambda m: f"#{ord(m.group())};", short(text, width))


def to_mermaid(scenario: Scenario, best: Collection[Choice] = ()) -> str:
    """A Mermaid flowchart: endings are stadiums with their outcome's word and class; the best
    path's edges are starred and thick (`linkStyle`), its situations in class `best`."""
    keys, on_best = best_keys(best), best_nodes(scenario, best)
    ids = {node: f"n{index}" for index, node in enumerate(scenario.graph)}
    lines = ["flowchart TD"]
    classes: dict[str, list[str]] = {"best": [], "success": [], "partial": [], "failure": []}
    for node, short_id in ids.items():
        situation = scenario.node(node)
        text = f"{mermaid_text(node)}: {mermaid_text(situation.text)}"
        if situation.end:
            text += f" {mermaid_text(_ending_words(situation.end))}"
            lines.append(f'  {short_id}(["{text}"])')
            classes.setdefault(situation.end, []).append(short_id)
        else:
            lines.append(f'  {short_id}["{text}"]')
        if node in on_best:
            classes["best"].append(short_id)
    best_links: list[str] = []
    for node in scenario.graph:
        for choice in scenario.choices(node):
            top = (node, choice.index) in keys
            if top:  # `linkStyle` counts links in the order they are written, from 0
                best_links.append(str(sum(1 for line in lines if "-->" in line)))
            label = (f"{BEST_MARK} " if top else "") + \
                f"{choice.number}. {mermaid_text(choice.label)} ({choice.points:+d})"
            lines.append(f'  {ids[node]} -->|"{label}"| {ids[choice.target]}')
    used = [name for name, members in classes.items() if members]
    lines += [line for line in MERMAID_CLASSES if line.split()[1] in used]
    lines += [f"  class {','.join(members)} {name}" for name, members in classes.items()
              if members]
    if best_links:
        lines.append(f"  linkStyle {','.join(best_links)} stroke-width:4px")
    return "\n".join(lines) + "\n"

