"""The time left on one decision of a timed exam, read from an injected clock.

Kept out of the screen so it can be tested without a terminal or real time: the screen starts
it on each new decision, pauses it while a dialog (help, the command palette) covers the play,
and asks it what is left on each tick.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Countdown:
    """`limit` seconds for the decision on screen, by `clock` (monotonic seconds)."""

    limit: int
    clock: Callable[[], float]
    _started: float = field(default=0.0, init=False)
    _paused_for: float = field(default=0.0, init=False)
    _paused_at: float | None = field(default=None, init=False)

    def restart(self, left: float | None = None) -> None:
        """A new decision: the whole limit again, or `left` seconds of it (a decision taken
        up again after leaving); a pause under way goes on."""
        now = self.clock()
        spent = 0.0 if left is None else max(0.0, self.limit - left)
        self._started, self._paused_for = now - spent, 0.0
        if self._paused_at is not None:
            self._paused_at = now

    def pause(self) -> None:
        if self._paused_at is None:
            self._paused_at = self.clock()

    def resume(self) -> None:
        if self._paused_at is not None:
            self._paused_for += self.clock() - self._paused_at
            self._paused_at = None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def remaining(self) -> float:
        """Seconds left, never below 0; frozen while paused."""
        now = self._paused_at if self._paused_at is not None else self.clock()
        return max(0.0, self.limit - (now - self._started - self._paused_for))

    def expired(self) -> bool:
        return not self.paused and self.remaining() <= 0


def left_text(seconds: float) -> str:
    """`1:42 left`: whole seconds, rounded up, so 0:00 shows only once time is out."""
    whole = int(-(-seconds // 1))
    return f"{whole // 60}:{whole % 60:02d} left"
