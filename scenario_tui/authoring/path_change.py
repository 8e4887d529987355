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
"""How much of a label the sentence quotes."""


@dataclass(frozen=True)
class PathChange:
    """The first decision (1-based, counted from where the play started) the edit moved."""

    decision: int
    text: str


def _quoted(label: str) -> str:
    text = plain_line(label)
    return f"'{text if len(text) <= LABEL_CELLS else text[:LABEL_CELLS - 1].rstrip() + '…'}'"


def _moved_choice(old: Choice, new: Choice) -> str:
    if plain_line(old.label) == plain_line(new.label):
        return f"{_quoted(old.label)} now leads to '{new.target}'"
    return (f"choice {new.number} is now {_quoted(new.label)}, which leads to '{new.target}' "
            f"(was {_quoted(old.label)})")


def _stopped(old: Choice, at: str, scenario: Scenario) -> str:
    if scenario.is_ending(at):
        return f"'{at}' is an ending now, so the path ends there"
    if old.index >= len(scenario.choices(at)):
        return f"choice {old.number} {_quoted(old.label)} is gone, so the path stops there"
    return "the path stops there"


def path_change(before: Play, after: Play, scenario: Scenario) -> PathChange | None:
    """How `after` (the replay of `before` on the edited `scenario`) differs in where its
    choices lead; None when every replayed choice leads where it did (relabelled or not)."""
    if before.origin and after.origin != before.origin:
        return PathChange(1, f"'{before.origin}', where you tested from, is gone: the preview "
                             "starts from the beginning")
    for step, old in enumerate(before.choices):
        decision = step + 1
        if step >= len(after.choices):
            return PathChange(decision, f"Your path changed at decision {decision}: "
                                        f"{_stopped(old, after.node(scenario), scenario)}")
        new = after.choices[step]
        if new.target != old.target:
            return PathChange(decision, f"Your path changed at decision {decision}: "
                                        f"{_moved_choice(old, new)}")
    return None
