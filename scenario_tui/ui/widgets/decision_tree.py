"""The whole decision graph as a lazily expanded tree, with both paths marked by symbols.

Each tree entry is a choice and the situation it leads to. A situation reached by a second
route is not drawn again: that entry is a link leaf (named by the first words of its
situation), and selecting it jumps to the drawing. A situation on the best path is drawn under
the best path's choice, and one on the learner's path under theirs, so each path reads top to
bottom without jumping into a sibling's branch.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ...format.model import Choice, Scenario
from .inline_text import inline_line
from .step_table import rich_text
from .tree_fit import JOINED_FLOORS, LABEL_FLOORS, WORD_CUT_WASTE, Piece, fit, fit_width
from .tree_lines import CLOSING_QUOTE, head_piece, line_detail, tail_piece
from .tree_lines import TreeEntry as TreeEntry
from .tree_lines import first_words as first_words

NO_LABEL = Text()
"""Every node's own label: its line is drawn from its pieces by `render_label`."""


OPEN_DEPTH = 40
"""How many decisions deep the marked paths open; deeper lines stay folded until opened (Enter).
A 3,000-situation chain opened whole took minutes, laying out thousands of lines each
thousands of columns wide, before the author preview showed anything."""


class DecisionTree(Tree[TreeEntry]):
    """Situations and choices; `●` marks the learner's path and `★` the best path. An
    author's tree numbers the choices as the file orders them (lint names them so); a
    learner's does not: they chose by numbers in a shuffled order, which the file's would
    contradict."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w", "what_if", "What if…", tooltip="Replay, taking the highlighted choice"),
        Binding("o", "all_options", "All options",
                tooltip="Every option at the highlighted line's decision, explained"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    class WhatIf(Message):
        """Replay from `choice.source`, taking `choice` there."""

        def __init__(self, tree: DecisionTree, choice: Choice) -> None:
            super().__init__()
            self.tree = tree
            self.choice = choice

        @property
        def control(self) -> DecisionTree:
            return self.tree

    class OptionsWanted(Message):
        """Show every option at the decision `node`."""

        def __init__(self, tree: DecisionTree, node: str) -> None:
            super().__init__()
            self.tree = tree
            self.node = node

        @property
        def control(self) -> DecisionTree:
            return self.tree

    _batch = 0
    """How many `_adding` blocks are open."""

    def __init__(self, *, id: str | None = None, explains: bool = False,
                 numbered: bool = True, fills: bool = False) -> None:
        super().__init__("", id=id)  # every label is drawn by `render_label`
        self.explains = explains
        """Whether `o` asks for the options of the highlighted line (its screen answers)."""
        self.numbered = numbered
        """Whether each choice shows its number in the file."""
        self.fills = fills
        """Whether a shortened line uses its room (a word is cut rather than cells left
        unused: the author's graph, where labels cut to the same words looked alike) and
        keeps a cell free at the right, off the border."""
        self.scenario: Scenario | None = None
        self._yours: set[tuple[str, int]] = set()
        self._best: set[tuple[str, int]] = set()
        self._owner: dict[str, tuple[str, int]] = {}
        self._first: dict[str, TreeNode[TreeEntry]] = {}
        self._filled: set[int] = set()
        self._opening: set[tuple[str, int]] = set()
        self._start: tuple[Piece, ...] = ()
        self._joins: dict[str, tuple[Piece, Piece]] = {}
        self._depth: dict[int, int] = {}
        self._widths: dict[tuple[int, int], dict[int, int]] = {}
        """Each line's width, by the panel's width and the guides' depth (a scrollbar
        coming and going as branches open and close switches between two widths)."""
        self._build_width: int | None = None
        self._rich: dict[tuple[int, int], Text] = {}
        self._rich_theme = ""

    def show(self, scenario: Scenario, yours: Sequence[Choice], best: Sequence[Choice]) -> None:
        """Draw `scenario` from its start, expanded along both marked paths."""
        self.scenario = scenario
        self._yours = {(c.source, c.index) for c in yours}
        self._best = {(c.source, c.index) for c in best}
        # Who draws a situation reached more than once: the best path, then the learner's.
        self._owner = {c.target: (c.source, c.index) for c in yours}
        self._owner.update({c.target: (c.source, c.index) for c in best})
        self._opening = self._opened(scenario, best) | self._opened(scenario, yours)
        self.clear()
        # Textual's first look at `show_root` lays every line out again; taken now, while
        # the tree is empty, it costs nothing (else it comes inside the first full layout).
        _ = self.show_root
        self._joins, self._rich, self._widths = {}, {}, {}
        self._first = {scenario.start: self.root}
        self._filled = set()
        self._depth = {self.root.id: 0}
        self._start = (
            Piece(Content.styled("Start ", "bold")),
            Piece(first_words(scenario.node(scenario.start).text, 70), LABEL_FLOORS))
        self.root.data = TreeEntry(scenario.start)
        with self._adding():
            self._fill(self.root)
            if not self.root.is_expanded:
                self.root.expand()
            for path in (best, yours):  # filled in this order: it decides who draws a join
                node: TreeNode[TreeEntry] | None = self.root
                for choice in path[:OPEN_DEPTH]:
                    node = self._child_for(node, choice) if node else None
                    if node is None or node.data is None or node.data.link:
                        break
                    self._fill(node)
        self.cursor_line = 0

    @contextmanager
    def _adding(self) -> Iterator[None]:
        """Lines added within are laid out once, after the last: Textual's `Tree` asks for
        a layout of the whole tree as each one is added."""
        self._batch += 1
        try:
            yield
        finally:
            self._batch -= 1
            if not self._batch:
                self._invalidate()

    def _invalidate(self) -> None:
        """Textual's (pinned at 8.2.8), held while `_adding`."""
        if not self._batch:
            super()._invalidate()

    def _opened(self, scenario: Scenario, path: Sequence[Choice]) -> set[tuple[str, int]]:
        """The choices of `path` drawn expanded: up to the first that joins a branch drawn
        elsewhere. They are added expanded, not expanded one by one after: each expansion
        would be a message and a relayout of the whole tree."""
        opened = set()
        for choice in path[:OPEN_DEPTH]:
            key = (choice.source, choice.index)
            if not scenario.is_ending(choice.target) and self._owner.get(choice.target) != key:
                break
            opened.add(key)
        return opened

    def _child_for(self, parent: TreeNode[TreeEntry], choice: Choice) -> TreeNode[TreeEntry] | None:
        self._fill(parent)
        return next((c for c in parent.children if c.data and c.data.choice == choice), None)

    def label_of(self, choice: Choice, link: bool) -> Content:
        """`●★ 2. label  +1  ⇒ ✓ success`, or `↪ joins “first words…”` for a link."""
        return Content.assemble(*(piece.content for piece in self.pieces_of(choice, link)))

    def pieces_of(self, choice: Choice, link: bool) -> tuple[Piece, ...]:
        """`label_of` in pieces: the label and the joined words shorten, the marks do not."""
        assert self.scenario is not None
        key = (choice.source, choice.index)
        mine, top = key in self._yours, key in self._best
        label = inline_line(choice.label)
        if mine and not top:
            label = label.stylize("italic")
        end = self.scenario.node(choice.target).end
        number = choice.number if self.numbered else None
        pieces = (head_piece(mine, top, number), Piece(label, LABEL_FLOORS),
                  tail_piece(choice.points, end, link and end is None))
        if link and end is None:
            return (*pieces, *self._joined_words(choice.target))
        return pieces

    def _joined_words(self, node: str) -> tuple[Piece, Piece]:
        """The first words of the situation a link joins, and the closing quote: made once
        per situation (a situation many routes reach is joined by many lines)."""
        words = self._joins.get(node)
        if words is None:
            assert self.scenario is not None
            words = self._joins[node] = (
                Piece(first_words(self.scenario.node(node).text).stylize("dim italic"),
                      JOINED_FLOORS), CLOSING_QUOTE)
        return words

    def _fill(self, parent: TreeNode[TreeEntry]) -> None:
        """Add the choices below `parent` once (lazy: called when it is first expanded)."""
        if self.scenario is None or parent.data is None or parent.id in self._filled:
            return
        self._filled.add(parent.id)
        with self._adding():
            self._add_choices(parent)

    def _add_choices(self, parent: TreeNode[TreeEntry]) -> None:
        assert self.scenario is not None and parent.data is not None
        for choice in self.scenario.choices(parent.data.node):
            target = choice.target
            ending = self.scenario.is_ending(target)
            owner = self._owner.get(target)
            if ending:
                link = False
            elif owner is not None:
                link = owner != (choice.source, choice.index)
            else:
                link = target in self._first
            entry = TreeEntry(target, choice, link)
            if ending or link:
                added = parent.add_leaf("", entry)
            else:
                added = self._first[target] = parent.add(
                    "", entry, expand=(choice.source, choice.index) in self._opening)
            self._depth[added.id] = self._depth[parent.id] + 1

    def process_label(self, label: str | Text) -> Text:
        """An empty label (every line's: its Content is drawn by `render_label`) without
        parsing it as markup, or copying and splitting it again as each node is made, for
        each of the hundreds of lines a large scenario adds. (Textual copies a label before
        styling it, so one empty label serves them all.)"""
        return NO_LABEL if not label else super().process_label(label)

    def notify_style_update(self) -> None:
        """A style change (the focus moving in or out of the debrief's body, the theme)
        repaints the lines but keeps their layout, which Textual's `Tree` works out again
        for every line: the lines depend on the nodes, and the room they have changes with
        the tree's size, which comes as a resize."""
        super(Tree, self).notify_style_update()
        self._line_cache.clear()
        self.refresh()

    def render_label(self, node: TreeNode[TreeEntry], base_style: Style, style: Style) -> Text:
        """The line's Content (Markdown shown as styles), in the current theme's colours,
        after Textual's own expand icon (its own label is left empty)."""
        text = super().render_label(node, base_style, style)
        label = self._rich_label(node)
        if label is not None:
            label = label.copy()
            label.stylize(style)
            text.append_text(label)
        return text

    def line_pieces(self, node: TreeNode[TreeEntry]) -> tuple[Piece, ...] | None:
        """The pieces of `node`'s line (made when asked: only the lines on screen keep
        theirs, as drawn)."""
        entry = node.data
        if entry is None or self.scenario is None:
            return None
        if entry.choice is None:
            return self._start
        return self.pieces_of(entry.choice, entry.link)

    def get_label_width(self, node: TreeNode[TreeEntry]) -> int:
        """Measured on the line's pieces, once per panel width: the tree asks for every
        line's width each time it lays its lines out (several times as a screen opens), and
        only the lines on screen need their Content fitted and coloured. Before the tree is
        laid out there is no width to fit to, and none is worked out."""
        icon = len(self.ICON_NODE) if node.allow_expand else 0
        if node.data is None:
            return icon + self.process_label(node.label).cell_len
        width = self._panel_width()
        if not width:
            return icon
        widths = self._widths.get((width, self.guide_depth))
        if widths is None:
            if len(self._widths) > 3:
                self._widths.clear()
            widths = self._widths[width, self.guide_depth] = {}
        cells = widths.get(node.id)
        if cells is None:
            pieces = self.line_pieces(node)
            cells = widths[node.id] = 0 if pieces is None else \
                fit_width(pieces, self._room(node, width), **self._waste)
        return icon + cells

    def _room(self, node: TreeNode[TreeEntry], width: int | None = None) -> int:
        """The cells `node`'s label has on screen, right of its guides and expand icon."""
        depth = self._depth.get(node.id)
        if depth is None:
            depth, parent = 0, node.parent
            while parent is not None:
                depth, parent = depth + 1, parent.parent
        icon = len(self.ICON_NODE) if node.allow_expand else 0
        if width is None:
            width = self._panel_width()
        if not width:
            return 1_000
        return width - depth * self.guide_depth - icon - (1 if self.fills else 0)

    @property
    def _waste(self) -> dict[str, int]:
        """How a filling tree's lines are fitted (`tree_fit.shorten`); others, as they were."""
        return {"waste": WORD_CUT_WASTE} if self.fills else {}

    def _panel_width(self) -> int:
        """The cells the lines have, right of the border and left of the scrollbar (0 before
        the tree is laid out)."""
        if self._build_width is not None:
            return self._build_width
        return self.scrollable_content_region.width if self.is_mounted else 0

    def _build(self) -> None:
        """Textual's own (pinned at 8.2.8), with the panel's width looked up once for all the
        lines it asks the width of, not once a line: finding it walks to the screen."""
        self._build_width = self._panel_width()
        try:
            super()._build()
        finally:
            self._build_width = None

    def _rich_label(self, node: TreeNode[TreeEntry]) -> Text | None:
        """The line's label fitted to its room, as Rich Text, converted once per theme and
        width (shortened where the panel is narrow: the markers stay, the words give way)."""
        theme = self.app.theme
        if theme != self._rich_theme:
            self._rich_theme, self._rich = theme, {}
        room = self._room(node)
        label = self._rich.get((node.id, room))
        if label is None:
            pieces = self.line_pieces(node)
            if pieces is None:
                return None
            label = self._rich[node.id, room] = rich_text(fit(pieces, room, **self._waste))
        return label

    def detail(self, entry: TreeEntry) -> Content:
        """The highlighted line in full: the choice and where it leads (shown below the tree)."""
        assert self.scenario is not None
        return line_detail(self.scenario, entry, self.numbered)

    @on(Tree.NodeExpanded)
    def _expanded(self, event: Tree.NodeExpanded[TreeEntry]) -> None:
        self._fill(event.node)

    @on(Tree.NodeSelected)
    def _follow_link(self, event: Tree.NodeSelected[TreeEntry]) -> None:
        entry = event.node.data
        if entry is None or not entry.link:
            return
        event.stop()
        self.reveal(entry.node)

    def reveal(self, node: str) -> None:
        """Expand the way to the first drawing of `node` and put the cursor on it."""
        target = self._first.get(node)
        if target is None:
            return
        ancestor = target.parent
        while ancestor is not None:
            ancestor.expand()
            ancestor = ancestor.parent
        self.call_after_refresh(self.move_cursor, target)

    def action_what_if(self) -> None:
        entry = self.cursor_node.data if self.cursor_node else None
        if entry is not None and entry.choice is not None:
            self.post_message(self.WhatIf(self, entry.choice))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "all_options":
            return self.explains
        return True

    def action_all_options(self) -> None:
        entry = self.cursor_node.data if self.cursor_node else None
        if entry is not None:
            self.post_message(self.OptionsWanted(self, entry.decision))
