"""The whole decision graph as a lazily expanded tree, with both paths marked by symbols.

Each tree entry is a choice and the situation it leads to. A situation reached by a second
route is not drawn again: that entry is a link leaf, and selecting it jumps to the first one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ...format.model import Choice, Scenario
from ...format.text_safety import one_line
from .symbols import BEST, LINK, OUTCOME, YOURS

_OUTCOME_STYLE = {"success": "bold green", "partial": "bold yellow", "failure": "bold red"}


@dataclass(frozen=True)
class TreeEntry:
    """What one tree line stands for: the situation `node`, reached by `choice`."""

    node: str
    choice: Choice | None = None
    link: bool = False


class DecisionTree(Tree[TreeEntry]):
    """Situations and choices; `●` marks the learner's path and `★` the best path."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w", "what_if", "What if…", tooltip="Replay, taking the highlighted choice"),
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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("decisions", id=id)
        self.scenario: Scenario | None = None
        self._yours: set[tuple[str, int]] = set()
        self._best: set[tuple[str, int]] = set()
        self._first: dict[str, TreeNode[TreeEntry]] = {}
        self._filled: set[int] = set()

    def show(self, scenario: Scenario, yours: Sequence[Choice], best: Sequence[Choice]) -> None:
        """Draw `scenario` from its start, expanded along both marked paths."""
        self.scenario = scenario
        self._yours = {(c.source, c.index) for c in yours}
        self._best = {(c.source, c.index) for c in best}
        self.clear()
        self._first = {scenario.start: self.root}
        self._filled = set()
        self.root.set_label(Text.assemble(("Start ", "bold"),
                                          one_line(scenario.node(scenario.start).text, 60)))
        self.root.data = TreeEntry(scenario.start)
        self._fill(self.root)
        self.root.expand()
        for path in (yours, best):
            node: TreeNode[TreeEntry] | None = self.root
            for choice in path:
                node = self._child_for(node, choice) if node else None
                if node is None or node.data is None or node.data.link:
                    break
                self._fill(node)
                node.expand()
        self.cursor_line = 0

    def _child_for(self, parent: TreeNode[TreeEntry], choice: Choice) -> TreeNode[TreeEntry] | None:
        self._fill(parent)
        return next((c for c in parent.children if c.data and c.data.choice == choice), None)

    def _label(self, choice: Choice, link: bool) -> Text:
        assert self.scenario is not None
        key = (choice.source, choice.index)
        mine, top = key in self._yours, key in self._best
        label = Text.assemble(
            (YOURS if mine else " ", "bold"), (BEST if top else " ", "bold"), " ",
            (f"{choice.number}. ", "bold"), one_line(choice.label, 48),
            (f"  {choice.points:+d}", "bold" if choice.points > 0 else "dim"),
        )
        if mine and not top:
            label.stylize("italic")
        end = self.scenario.node(choice.target).end
        if end is not None:
            label.append(f"  ⇒ {OUTCOME.get(end, '■')} {end}", _OUTCOME_STYLE.get(end, "bold"))
        elif link:
            label.append(f"  {LINK} joins ‹{choice.target}›", "dim italic")
        return label

    def _fill(self, parent: TreeNode[TreeEntry]) -> None:
        """Add the choices below `parent` once (lazy: called when it is first expanded)."""
        if self.scenario is None or parent.data is None or parent.id in self._filled:
            return
        self._filled.add(parent.id)
        for choice in self.scenario.choices(parent.data.node):
            target = choice.target
            ending = self.scenario.is_ending(target)
            link = target in self._first and not ending
            entry = TreeEntry(target, choice, link)
            if ending or link:
                parent.add_leaf(self._label(choice, link), entry)
            else:
                self._first[target] = parent.add(self._label(choice, False), entry)

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
