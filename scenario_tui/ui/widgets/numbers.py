"""Numbers as the app shows them: one minus sign, and units that never wrap away.

Every score, point and percentage on screen goes through these, so a negative total reads
"−1" everywhere (U+2212, the typographic minus, never a hyphen in one place and a minus in
another) and "50 %" never breaks between the number and its unit (a no-break space).
"""

from __future__ import annotations

MINUS = "\u2212"
"""The one minus sign shown."""
NBSP = "\u00a0"
"""Joins a number to its unit so a line never wraps between them."""


def number(value: int) -> str:
    """`−3`, `0`, `5`: a negative number with the typographic minus."""
    return f"{MINUS}{-value}" if value < 0 else str(value)


def signed(value: int) -> str:
    """`+2`, `0`, `−1`: a change, with its sign always shown."""
    return f"+{value}" if value > 0 else number(value)


def percent(value: int) -> str:
    """`50 %` with a no-break space; negative percentages shown as they are (`−12 %`)."""
    return f"{number(value)}{NBSP}%"


def points(value: int, signed_value: bool = False) -> str:
    """`1 point`, `−2 points`, `+3 points` (with `signed_value`)."""
    shown = signed(value) if signed_value else number(value)
    return f"{shown}{NBSP}point{'' if abs(value) == 1 else 's'}"
