"""One sitting of reviews: the due decisions, the one being answered, and how it has gone."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..progress.review_schedule import ReviewItem


@dataclass(frozen=True)
class ReviewRun:
    """An immutable value the review screen holds; each answer or step returns a new one."""

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
