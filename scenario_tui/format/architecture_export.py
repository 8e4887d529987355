"""Draw an architecture as Mermaid or Graphviz DOT, for docs and design reviews.

Components are boxes labelled with their name, service, placement and scaling; links are
arrows. Names are scenario text: Markdown is reduced to plain text and control characters are
shown as symbols, and each format's quoting is applied, so no label can break the output.
"""

from __future__ import annotations

from collections.abc import Mapping

from .architecture import Architecture, Component
from .markdown_text import plain
from .text_safety import one_line

ARCHITECTURE_FORMATS = ("mermaid", "dot")


def _facts(component: Component, scopes: Mapping[str, str]) -> str:
    """One short line: the service, where it runs (by its glossary scope in `scopes`), how far
    it scales, its traits."""
    parts = [component.service, *component.placement(scopes)]
    if (component.min, component.max) != (1, 1):
        parts.append(f"scale {component.min}-{component.max}")
    parts.extend(component.traits)
    return ", ".join(parts)


def _name(component: Component) -> str:
    return one_line(plain(component.name), 48)


def to_mermaid(architecture: Architecture, title: str = "",
               scopes: Mapping[str, str] | None = None) -> str:
    """A Mermaid flowchart, left to right, one node per component."""
    ids = {c.id: f"c{i}" for i, c in enumerate(architecture.components)}

    def text(value: str) -> str:
        return value.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")

    lines = ["flowchart LR"]
    if title:
        lines.append(f"  %% {one_line(plain(title), 80)}")
    for component in architecture.components:
        label = f"{text(_name(component))}<br/>{text(_facts(component, scopes or {}))}"
        lines.append(f'  {ids[component.id]}["{label}"]')
    for component in architecture.components:
        for link in component.links:
            if link in ids:
                lines.append(f"  {ids[component.id]} --> {ids[link]}")
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(architecture: Architecture, title: str = "",
           scopes: Mapping[str, str] | None = None) -> str:
    """Graphviz DOT, left to right, boxes for components."""
    name = one_line(plain(title), 80) if title else "architecture"
    lines = [f"digraph {_quote(name)} {{", "  rankdir=LR;", "  node [shape=box, style=rounded];"]
    for component in architecture.components:
        facts = _facts(component, scopes or {})
        label = _quote(f"{_name(component)}\n{facts}").replace("\n", "\\n")
        lines.append(f"  {_quote(component.id)} [label={label}];")
    present = set(architecture.ids)
    for component in architecture.components:
        for link in component.links:
            if link in present:
                lines.append(f"  {_quote(component.id)} -> {_quote(link)};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def export_architecture(architecture: Architecture, fmt: str, title: str = "",
                        scopes: Mapping[str, str] | None = None) -> str:
    """`architecture` as `fmt`; `scopes` gives each service's glossary scope."""
    if fmt == "mermaid":
        return to_mermaid(architecture, title, scopes)
    if fmt == "dot":
        return to_dot(architecture, title, scopes)
    raise ValueError(f"unknown architecture format {fmt!r}")
