"""How a stored play was put to the learner: the seed that shuffled its choices, the seconds
allowed per decision, and the decisions that ran out of time. One set of checks for every way
a play comes back in (the journal, an import), so a bad value is refused the same way."""

from __future__ import annotations

SEED_LIMIT = 2**31
"""Seeds are non-negative and below this, so they fit every store and export."""
TIME_LIMIT_MAX = 24 * 60 * 60
"""The longest time per decision a play may record (a day: anything longer is a mistake)."""


def seed(value: object) -> int | None:
    """`value` as a stored seed: a whole number in 0..2^31-1, or None (file order)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < SEED_LIMIT:
        raise ValueError(f"seed must be a whole number from 0 to {SEED_LIMIT - 1}, or null")
    return value


def time_limit(value: object) -> int | None:
    """`value` as seconds per decision: a whole number in 1..a day, or None (untimed)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= TIME_LIMIT_MAX:
        raise ValueError(f"time_limit must be a whole number of seconds from 1 to "
                         f"{TIME_LIMIT_MAX}, or null")
    return value


def timed_out(value: object, steps: int) -> tuple[int, ...]:
    """`value` as the positions of timed-out decisions: distinct whole numbers below `steps`
    (the length of the path), in order."""
    if value is None:
        return ()
    if not isinstance(value, list | tuple) or not all(
            type(p) is int and 0 <= p < steps for p in value) or list(value) != sorted(
            set(value)):
        raise ValueError("timed_out must list positions in the path, each once, in order")
    return tuple(value)
