"""Review: decisions missed before come back one at a time, replayed where they were made.

A review screen is a play screen that starts at the due decision (`engine.start(..., origin=)`)
and ends after one choice: the learner chooses, reads practice-style feedback, and the card is
rescheduled the moment the choice is made, so leaving early still counts the answer.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Button

from ...format.model import Scenario
from ...play.engine import start
from ...play.modes import PRACTICE
from ...play.session import ReviewStatus
from ..dates import local_day
from ..widgets.breadcrumb import Breadcrumb
from .play import PlayScreen

if TYPE_CHECKING:
    from ...progress.review_schedule import ReviewItem


@dataclass(frozen=True)
class ReviewRun:
    """One sitting of reviews: the due decisions, the one on screen, and how it has gone."""

    items: tuple[ReviewItem, ...]
    position: int = 0
    """Index of the decision on screen."""
    answered: int = 0
    right: int = 0

    @property
    def current(self) -> ReviewItem:
        return self.items[self.position]

    @property
    def last(self) -> bool:
        return self.position >= len(self.items) - 1

    def answer(self, right: bool) -> ReviewRun:
        """The run after the decision on screen was answered."""
        return replace(self, answered=self.answered + 1, right=self.right + right)

    def advance(self) -> ReviewRun:
        return replace(self, position=self.position + 1)


def nothing_due(status: ReviewStatus) -> str:
    """What to say when the learner asks for a review and none is due."""
    if status.next_due:
        return f"Nothing is due for review. The next decision comes back on " \
               f"{local_day(status.next_due)}."
    return "Nothing to review yet. Decisions you get wrong come back here to be tried again."


def finished(run: ReviewRun, status: ReviewStatus) -> str:
    """`2 of 3 right.` and when the next review falls due."""
    text = f"{run.right} of {run.answered} right."
    if status.due:
        return f"{text} {len(status.due)} still due."
    if status.next_due:
        return f"{text} The next review is due on {local_day(status.next_due)}."
    return text


class ReviewScreen(PlayScreen):
    """One due decision: choose, see the verdict, points and why, then go on to the next."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "End review", id="review.leave"),
    ]

    def __init__(self, scenario: Scenario, run: ReviewRun) -> None:
        super().__init__(scenario, start(scenario, PRACTICE, origin=run.current.node))
        self.review_run = run

    def on_mount(self) -> None:
        """No undo in a review. (Textual calls this, then `PlayScreen.on_mount`.)"""
        self.query_one("#undo", Button).display = False
        self.query_one("#continue", Button).label = (
            "Finish review (Enter)" if self.review_run.last else "Next decision (Enter)")

    def show_trail(self) -> None:
        """`Review 1 of 2 · a decision you did not get right before; due 2026-01-05`."""
        run = self.review_run
        self.query_one(Breadcrumb).update(Content.assemble(
            ("Review ", "bold"), (f"{run.position + 1} of {len(run.items)}", "bold $accent"),
            (f"  · a decision you did not get right before; due {local_day(run.current.due)}",
             "dim")))

    def status_content(self) -> Content:
        """`Review · Practice · choose again`, then `answer saved` once chosen."""
        hint = " · choose again" if self.feedback is None else " · answer saved"
        return Content.assemble(("Review", "bold"), " · ", (" Practice ", "bold reverse"),
                                (hint, "dim"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return False
        return super().check_action(action, parameters)

    def action_choose(self, index: int) -> None:
        """Choose as in a play, then reschedule this decision's card with the answer."""
        if self.feedback is not None:
            return
        super().action_choose(index)
        choice = self.feedback
        if choice is not None:
            right = self.analysis.verdict(choice) == "right"
            self.review_run = self.review_run.answer(right)
            self.app.review_answered(self.scenario, choice)

    def action_continue(self) -> None:
        """On to the next due decision, or back to the catalogue after the last."""
        if self.feedback is not None:
            self.app.next_review(self.review_run)

    def action_undo(self) -> None:
        """Reviews cannot be undone: the answer is already scheduled."""
