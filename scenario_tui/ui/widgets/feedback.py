"""Practice mode's feedback after a choice: the verdict, the points and why."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from textual.content import Content

from ...format.model import Choice, Misconception
from .inline_text import inline, inline_line
from .mistake_text import choice_notes
from .numbers import points
from .symbols import VERDICT, verdict_style


def feedback_content(choice: Choice, verdict: str, best: Choice | None,
                     misconceptions: Mapping[str, Misconception] | None = None) -> Content:
    """`✓ Right · +2 points`, the explanation and its source, the mistaken belief and its fact
    when the choice was not right, and the best choice when this was not it."""
    parts: list[str | Content | tuple[str, str]] = [
        (f"{VERDICT[verdict]} {verdict.capitalize()}", verdict_style(verdict)),
        (f" · {points(choice.points, signed_value=True)}", "bold"), "\n",
        inline_line(choice.label).stylize("italic"), "\n\n", inline(choice.why),
        choice_notes(choice, verdict, misconceptions or {}),
    ]
    if best is not None and best != choice:
        parts += ["\n\n", ("Best here: ", "bold $success"), inline_line(best.label)]
    return Content.assemble(*parts)


NONE: Mapping[str, Misconception] = MappingProxyType({})
"""No misconceptions known: one object, so that a text made for it is found again."""
KEPT = 12
"""Texts kept: every choice's at a decision, with room."""

CONTINUE = "Continue (Enter)"
UNDO = "Undo (u)"
ALL_OPTIONS = "All options (o)"


class FeedbackTexts:
    """`feedback_content` for each choice, made once while what it is made from stays the
    same: the player makes every choice's ahead, then shows one of them."""

    def __init__(self) -> None:
        self._made: dict[int, tuple[Choice, str, Choice | None, object, Content]] = {}
        """By the choice's id (the choice is kept with it, and what else it was made from)."""

    def of(self, choice: Choice, verdict: str, best: Choice | None,
           misconceptions: Mapping[str, Misconception]) -> Content:
        kept = self._made.get(id(choice))
        if (kept is not None and kept[0] is choice and kept[1] == verdict and kept[2] is best
                and kept[3] is misconceptions):
            return kept[4]
        content = feedback_content(choice, verdict, best, misconceptions)
        self._made[id(choice)] = (choice, verdict, best, misconceptions, content)
        while len(self._made) > KEPT:
            del self._made[next(iter(self._made))]
        return content
