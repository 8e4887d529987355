"""Review: decisions missed before come back one at a time, replayed where they were made.

A review screen is a play screen that starts at the due decision (`engine.start(..., origin=)`)
and ends after one choice: the learner chooses, reads practice-style feedback, and the card is
rescheduled the moment the choice is made, so leaving early still counts the answer. The session
ends on a summary (`review_summary`), after the last decision or when the learner leaves.
Its play is a review (`progress.kinds`), never an attempt: it is not kept to resume
(`play.unfinished`), nor recorded as a play.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content

from ...format.model import Scenario
from ...play.engine import start
from ...play.modes import PRACTICE
from ...play.progress_report import ReviewStatus
from ...play.review_run import ReviewRun
from ...play.session import Session
from ...progress.kinds import REVIEW
from ..dates import local_day
from ..messages import ReviewAnswered, ReviewContinue, ReviewEnded
from ..widgets.breadcrumb import Breadcrumb
from ..widgets.player import PlayerView
from .play import PlayScreen


def nothing_due(status: ReviewStatus) -> str:
    """What to say when the learner asks for a review and none is due."""
    if status.next_due:
        return f"Nothing is due for review. The next decision comes back on " \
               f"{local_day(status.next_due)}."
    return "Nothing to review yet. Decisions you get wrong come back here to be tried again."


class ReviewScreen(PlayScreen):
    """One due decision: choose, see the verdict, points and why, then go on to the next."""

    HELP_SECTION: ClassVar[str] = "Review"
    """The part of the help (its heading) that F1 opens at here."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "End review", id="review.leave"),
    ]

    def __init__(self, session: Session, scenario: Scenario, run: ReviewRun) -> None:
        super().__init__(session, scenario, start(scenario, PRACTICE, origin=run.current.node,
                                                  kind=REVIEW, seed=run.current.seed))
        self.review_run = run

    def player_view(self) -> PlayerView:
        """No undo in a review; Enter goes on to the next decision."""
        label = "Finish review (Enter)" if self.review_run.last else "Next decision (Enter)"
        return PlayerView(self.scenario, self.analysis, self.play, self.feedback,
                          status=self.play_status(), continue_label=label, can_undo=False,
                          misconceptions=self.session.misconceptions)

    def show_trail(self) -> None:
        """`Review 1 of 2 · a decision you did not get right before; due 2026-01-05`."""
        run = self.review_run
        self.query_one(Breadcrumb).update(Content.assemble(
            ("Review ", "bold"), (f"{run.position + 1} of {len(run.items)}", "bold $accent"),
            (f"  · a decision you did not get right before; due {local_day(run.current.due)}",
             "dim")))

    def play_status(self) -> Content:
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
            self.review_run = self.review_run.answer(self.analysis.verdict(choice))
            self.post_message(ReviewAnswered(self.scenario, choice))

    def action_continue(self) -> None:
        """On to the next due decision, or back to the catalogue after the last."""
        if self.feedback is not None:
            self.post_message(ReviewContinue(self.review_run))

    def action_undo(self) -> None:
        """Reviews cannot be undone: the answer is already scheduled."""

    def action_leave(self) -> None:
        """End the review here: its summary if anything was answered, else the catalogue."""
        self.post_message(ReviewEnded(self.review_run))
