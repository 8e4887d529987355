"""One sitting of reviews: the due decisions, the one being answered, how it has gone, and the
summary it ends on (what was answered, right, partly right or wrong, and when each card comes
back)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..progress.review_schedule import ReviewItem

if TYPE_CHECKING:
    from .session import Session


RIGHT, PARTLY_RIGHT = "right", "partly right"
"""The verdicts a review counts apart (`scoring.Analysis.verdict`); any other is wrong."""


@dataclass(frozen=True)
class ReviewRun:
    """An immutable value the review screen holds; each answer or step returns a new one."""

    items: tuple[ReviewItem, ...]
    position: int = 0
    """Index of the decision on screen."""
    results: tuple[tuple[ReviewItem, str], ...] = ()
    """Each decision answered so far, in order, and the answer's verdict (`right`, `partly
    right` or `wrong`, as `scoring.Analysis.verdict` gives it)."""

    @property
    def current(self) -> ReviewItem:
        return self.items[self.position]

    @property
    def last(self) -> bool:
        return self.position >= len(self.items) - 1

    @property
    def answered(self) -> int:
        return len(self.results)

    @property
    def right(self) -> int:
        return sum(verdict == RIGHT for _, verdict in self.results)

    def answer(self, verdict: str) -> ReviewRun:
        """The run after the decision on screen was answered with this `verdict`."""
        return replace(self, results=(*self.results, (self.current, verdict)))

    def advance(self) -> ReviewRun:
        return replace(self, position=self.position + 1)


@dataclass(frozen=True)
class ReviewedCard:
    """One answered decision as the summary shows it."""

    title: str
    """The scenario's title (Markdown, untrusted: shown through `inline_line`)."""
    situation: str
    """The decision's situation text (the same)."""
    right: bool
    next_due: str | None
    """ISO time the card comes back; None if it has no card any more."""
    days: int | None
    """Whole days from the end of the review to `next_due`."""
    partly: bool = False
    """Not right, but partly right: it scored, not the most (the feedback said so, and the
    card was rescheduled as Hard, not Again)."""


@dataclass(frozen=True)
class ReviewSummary:
    """What a finished review session shows: counts, each card's next due date, what is
    still due and when the next review falls due."""

    cards: tuple[ReviewedCard, ...]
    still_due: int = 0
    next_due: str | None = None

    @property
    def reviewed(self) -> int:
        return len(self.cards)

    @property
    def right(self) -> int:
        return sum(card.right for card in self.cards)

    @property
    def partly(self) -> int:
        return sum(card.partly for card in self.cards)

    @property
    def wrong(self) -> int:
        return self.reviewed - self.right - self.partly


def days_until(now: str, due: str) -> int | None:
    """Whole calendar days from `now` to `due` (UTC), or None if `due` is no time."""
    try:
        start, end = dt.datetime.fromisoformat(now), dt.datetime.fromisoformat(due)
        return (end.astimezone(dt.UTC).date() - start.astimezone(dt.UTC).date()).days
    except (TypeError, ValueError, OverflowError):
        return None


def summarise(session: Session, run: ReviewRun) -> ReviewSummary:
    """The summary of `run`, once its answers are saved (the saves still held are made
    first, in this thread: call it off the event loop)."""
    session.save_held()
    now = session.now().isoformat()
    dues = {(s, n): due for s, n, _, due in session.store.review_cards()}
    status = session.reviews()
    cards = []
    for item, verdict in run.results:
        scenario = session.loaded([item.scenario_id]).get(item.scenario_id)
        title = scenario.title if scenario else item.scenario_id
        situation = scenario.node(item.node).text if scenario and item.node in scenario.graph \
            else item.node
        due = dues.get((item.scenario_id, item.node))
        cards.append(ReviewedCard(title, situation, verdict == RIGHT, due,
                                  None if due is None else days_until(now, due),
                                  partly=verdict == PARTLY_RIGHT))
    return ReviewSummary(tuple(cards), len(status.due), status.next_due)
