"""Where an edit moved the preview's path: the first decision at which the replayed choices no
longer lead where they led before the save.

The preview replays the author's choices on every saved version (`file_check.carry_over`, by
choice number). When a save removes, retargets or reorders a choice on that path, or turns a
situation on it into an ending, the replay quietly takes another way or stops; this says
where and how, in one sentence, so the author is not left wondering why the preview moved.
Plain Python: no textual here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..format.markdown_text import plain_line
from ..format.model import Choice, Scenario
from ..play.engine import Play

LABEL_CELLS = 40
"""How much of a label the sentence quotes, unless asked for less (a narrow terminal)."""
RETARGETED, REPLACED, REMOVED, ENDED, ORIGIN_GONE, STOPPED = (
    "retargeted", "replaced", "removed", "ended", "origin gone", "stopped")


def _quoted(label: str, cells: int) -> str:
    return f"'{label if len(label) <= cells else label[:cells - 1].rstrip() + '…'}'"


@dataclass(frozen=True)
class PathChange:
    """The first decision (1-based, counted from where the play started) the edit moved, and
    how: `label` is the old choice's (plain text), `new_label` the one now taken, `node` where
    it leads now (or where the path stops), `number` the choice's number."""

    decision: int
    kind: str
    node: str = ""
    label: str = ""
    new_label: str = ""
    number: int = 0

    def sentence(self, label_cells: int = LABEL_CELLS) -> str:
        """What moved, in one sentence; labels quoted up to `label_cells` characters."""
        label, new_label = _quoted(self.label, label_cells), _quoted(self.new_label, label_cells)
        what = {
            RETARGETED: f"{label} now leads to '{self.node}'",
            REPLACED: f"choice {self.number} is now {new_label}, which leads to '{self.node}' "
                      f"(was {label})",
            REMOVED: f"choice {self.number} {label} is gone, so the path stops there",
            ENDED: f"'{self.node}' is an ending now, so the path ends there",
        }.get(self.kind)
        if self.kind == ORIGIN_GONE:
            return f"'{self.node}', where you tested from, is gone: the preview starts from " \
                   "the beginning"
        return f"Your path changed at decision {self.decision}: {what or 'the path stops there'}"

    @property
    def text(self) -> str:
        return self.sentence()


def _moved(decision: int, old: Choice, new: Choice) -> PathChange:
    label, new_label = plain_line(old.label), plain_line(new.label)
    kind = RETARGETED if label == new_label else REPLACED
    return PathChange(decision, kind, new.target, label, new_label, new.number)


def _stopped(decision: int, old: Choice, at: str, scenario: Scenario) -> PathChange:
    if scenario.is_ending(at):
        return PathChange(decision, ENDED, at)
    kind = REMOVED if old.index >= len(scenario.choices(at)) else STOPPED
    return PathChange(decision, kind, at, plain_line(old.label), number=old.number)


def path_change(before: Play, after: Play, scenario: Scenario) -> PathChange | None:
    """How `after` (the replay of `before` on the edited `scenario`) differs in where its
    choices lead; None when every replayed choice leads where it did (relabelled or not)."""
    if before.origin and after.origin != before.origin:
        return PathChange(1, ORIGIN_GONE, before.origin)
    for step, old in enumerate(before.choices):
        if step >= len(after.choices):
            return _stopped(step + 1, old, after.node(scenario), scenario)
        new = after.choices[step]
        if new.target != old.target:
            return _moved(step + 1, old, new)
    return None
