"""The system a play has built, drawn as text: layered boxes when there is room, one line per
component when there is not.

A small layered layout of our own rather than a graph library: netext 0.5 (the maintained
terminal graph library we measured) needs about 290 columns for the library's largest system
at its natural size, overlaps and cuts the boxes when fitted to 80 or 120, takes about 100 ms
where this takes under 1 ms, and installs a global traceback hook on import. Here callers sit
above the components they call (layers by longest path over `links`), each box is as wide as
its name and names the components it calls (`→ Orders table`), and the last choice's marks
are symbols and a heavier border, never colour alone. All scenario text goes through
`one_line` and `Content`: never parsed as markup, cut by cell width (only where the panel is
narrower than a box's text).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len
from textual.content import Content

from ...format.architecture import Architecture, Component, Diff
from ...format.text_safety import one_line

ADDED, REMOVED, CHANGED = "+", "−", "~"
"""What the last choice did to a component: the same marks in every mode (they say what the
choice did, which its label already says, never whether it was right)."""
MARK_STYLE = "bold $text-accent"
"""Marks are not verdicts, so they take the accent colour, never $success or $error."""
BOX_LEAST, GAP = 12, 1
"""The narrowest box in cells, and the space between boxes in a row."""
NAME_LEAST = 12
"""The fewest cells the folded list shortens a name to before it cuts the placement too."""


@dataclass(frozen=True)
class Drawing:
    """What to draw: the system now, what the last choice did, and the system before it (for
    the names of what was removed)."""

    architecture: Architecture
    change: Diff = field(default_factory=Diff)
    before: Architecture = field(default_factory=Architecture)
    scopes: Mapping[str, str] = field(default_factory=dict)
    """Each service's glossary `scope` (zonal when it has none): where a component runs."""

    def mark(self, component_id: str) -> str:
        if component_id in self.change.added:
            return ADDED
        if component_id in self.change.changed:
            return CHANGED
        return " "

    def removed(self) -> list[str]:
        """The names of the components the last choice removed."""
        names = []
        for component_id in self.change.removed:
            gone = self.before.get(component_id)
            names.append(gone.name if gone is not None else component_id)
        return names


def layers(architecture: Architecture) -> list[list[Component]]:
    """Components in layers: a component sits one below the lowest of its callers (longest
    path), in the order they first appeared. A cycle of links cannot push a component down
    more than once per component, so cycles end."""
    components = architecture.components
    depth = {c.id: 0 for c in components}
    for _ in range(len(components)):
        moved = False
        for caller in components:
            for callee in caller.links:
                if callee in depth and depth[callee] < depth[caller.id] + 1 \
                        and depth[caller.id] + 1 < len(components):
                    depth[callee] = depth[caller.id] + 1
                    moved = True
        if not moved:
            break
    found: dict[int, list[Component]] = {}
    for component in components:
        found.setdefault(depth[component.id], []).append(component)
    return [found[level] for level in sorted(found)]


def placement(drawing: Drawing, component: Component) -> str:
    """`ec2 · 2 AZs · 2–6`, `iam · global`: the service, where it runs and how far it scales."""
    parts = [one_line(component.service),
             *component.placement(drawing.scopes)]
    if component.min != component.max:
        parts.append(f"{component.min}–{component.max}")
    elif component.min != 1:
        parts.append(f"×{component.min}")
    return " · ".join(parts)


def _targets(drawing: Drawing, component: Component, width: int = 0) -> str:
    """The names of the components `component` calls; with `width`, the longer names are
    shortened to an equal share of what the shorter ones leave, so that all of them fit (a
    box shows every link, not the first one cut off)."""
    names = []
    for link in component.links:
        target = drawing.architecture.get(link)
        names.append(one_line(target.name if target is not None else link))
    if width and names:
        room, left = width - 2 * (len(names) - 1), len(names)
        for length in sorted(cell_len(name) for name in names):
            if length > room // left:
                break
            room, left = room - length, left - 1
        each = max(6, room // left) if left else 0
        names = [one_line(name, each) for name in names]
    return ", ".join(names)


def _legend(drawing: Drawing) -> Content | None:
    change = drawing.change
    if change.empty:
        return None
    parts: list[str | Content | tuple[str, str]] = [("Last choice: ", "bold")]
    for symbol, ids, word in ((ADDED, change.added, "added"), (CHANGED, change.changed,
                              "changed"), (REMOVED, change.removed, "removed")):
        if ids:
            parts += [(symbol, MARK_STYLE), f" {len(ids)} {word}  "]
    return Content.assemble(*parts).rstrip()


def _removed_lines(drawing: Drawing) -> list[Content]:
    return [Content.assemble((REMOVED, MARK_STYLE), " ", (one_line(name), "strike"),
                             ("  (removed)", "dim")) for name in drawing.removed()]


def compact(drawing: Drawing, width: int) -> list[Content]:
    """One line per component (`+ Orders table  dynamodb · 3 AZs → Checkout`), for a narrow
    terminal: what the last choice added or changed first, under its summary (all a short
    terminal shows while feedback does), then the rest; the removed ones after, struck
    through."""
    lines = []
    legend = _legend(drawing)
    if legend is not None:
        lines.append(legend)
    components = [component for layer in layers(drawing.architecture) for component in layer]
    components.sort(key=lambda component: drawing.mark(component.id) == " ")
    lines.extend(_compact_line(drawing, component, width) for component in components)
    lines.extend(line.truncate(width, ellipsis=True) for line in _removed_lines(drawing))
    return lines


def _compact_line(drawing: Drawing, component: Component, width: int) -> Content:
    """`~ Orders table  dynamodb · 3 AZs → Checkout` in `width` cells. Where it runs stays
    whole: what it calls gives way first, then its name (down to `NAME_LEAST` cells); the
    line cut at its end read `iam-identity-center · regiona…`, or only `…` after a long name."""
    where = Content.styled(placement(drawing, component), "dim")
    name = Content.styled(one_line(component.name), "bold")
    room = width - 4 - where.cell_length  # the mark and the spaces take 4
    if name.cell_length > room >= NAME_LEAST:
        name = name.truncate(room, ellipsis=True)
    line = Content.assemble((drawing.mark(component.id), MARK_STYLE), " ", name, "  ", where)
    targets = _targets(drawing, component)
    left = width - line.cell_length
    if targets and left >= 2:  # at least ` …`, never an ellipsis against the placement
        line = Content.assemble(line, Content(f" → {targets}").truncate(left, ellipsis=True))
    return line.truncate(width, ellipsis=True)


def _box(drawing: Drawing, component: Component, width: int) -> list[Content]:
    """Three lines `width` cells wide: the mark and name in the top border, the placement,
    and the components it calls in the bottom border. Added and changed components get a
    heavy border as well as their mark."""
    mark = drawing.mark(component.id)
    heavy = mark != " "
    top_left, top_right, side, bottom_left, bottom_right, rule = (
        ("┏", "┓", "┃", "┗", "┛", "━") if heavy else ("╭", "╮", "│", "╰", "╯", "─"))

    def border(left: str, text: Content, right: str) -> Content:
        if not text.cell_length:
            return Content(left + rule * (width - 2) + right)
        text = text.truncate(width - 6, ellipsis=True)
        return Content.assemble(left, rule, " ", text, " ",
                                rule * max(0, width - 5 - text.cell_length), right)

    marked: list[str | tuple[str, str]] = [(mark, MARK_STYLE), " "] if heavy else []
    title = Content.assemble(*marked,
                             (one_line(component.name), "bold"))
    targets = _targets(drawing, component, width - 8)
    middle = Content.styled(placement(drawing, component), "dim").truncate(
        width - 4, ellipsis=True, pad=True)
    return [border(top_left, title, top_right),
            Content.assemble(side, " ", middle, " ", side),
            border(bottom_left, Content(f"→ {targets}") if targets else Content(""),
                   bottom_right)]


def box_width(drawing: Drawing, component: Component) -> int:
    """The cells `component`'s box needs to show its mark and name, its placement and the
    names of what it calls whole (`_box`'s borders take 6 cells beside a text, its sides 4)."""
    title = cell_len(one_line(component.name)) + (2 if drawing.mark(component.id) != " " else 0)
    targets = _targets(drawing, component)
    return max(BOX_LEAST, title + 6, cell_len(placement(drawing, component)) + 4,
               cell_len(f"→ {targets}") + 6 if targets else 0)


Row = list[tuple[Component, int]]
"""A row of boxes: each component and its box's width."""


def rows(drawing: Drawing, layer: list[Component], width: int) -> list[Row]:
    """`layer`'s boxes, each as wide as its text needs (as wide as the panel at most), in as
    many rows of at most `width` cells as they take, in their order."""
    laid: list[Row] = []
    used = width + 1
    for component in layer:
        box = min(box_width(drawing, component), width)
        if used + GAP + box > width:
            laid.append([])
            used = -GAP
        laid[-1].append((component, box))
        used += GAP + box
    return laid


def diagram(drawing: Drawing, width: int) -> list[Content]:
    """Layered boxes `width` cells wide at most: callers above what they call, as many boxes
    in a row as fit (a layer too wide for one row wraps onto the next). A box is as wide as
    its name, placement and links need; only a panel narrower than that cuts them, with an
    ellipsis."""
    lines = []
    legend = _legend(drawing)
    if legend is not None:
        lines.append(legend)
    above = 0
    for number, layer in enumerate(layers(drawing.architecture)):
        laid = rows(drawing, layer, width)
        widest = max(sum(box for _, box in row) + GAP * (len(row) - 1) for row in laid)
        if number:  # centred on the boxes it joins, which sit at the left of a wide panel
            lines.append(Content.styled("↓", "dim").center(max(above, widest)).rstrip())
        above = widest
        for row in laid:
            boxes = [_box(drawing, component, box) for component, box in row]
            for line_number in range(3):
                lines.append(Content(" " * GAP).join(box[line_number] for box in boxes))
    lines.extend(line.truncate(width, ellipsis=True) for line in _removed_lines(drawing))
    return lines


def draw(drawing: Drawing, width: int, *, folded: bool) -> Content:
    """The whole drawing as one `Content`: the compact list when `folded`, else the boxes."""
    lines: Sequence[Content] = compact(drawing, width) if folded else diagram(drawing, width)
    if not drawing.architecture.components and not drawing.change.removed:
        return Content.styled("Nothing built yet.", "dim")
    return Content("\n").join(lines)
