"""Screens with a narrow and a wide layout, laid out right from their first frame."""

from __future__ import annotations

from textual.screen import Screen

BREAKPOINTS: list[tuple[int, str]] = [(0, "-narrow"), (100, "-wide")]
"""Below 100 columns panes stack (`-narrow`); from 100 they sit side by side (`-wide`)."""


def breakpoint_class(width: int) -> str:
    """The class Textual gives a screen `width` columns wide (the last threshold reached)."""
    return [name for threshold, name in BREAKPOINTS if width >= threshold][-1]


class ResponsiveScreen(Screen[None]):
    """A screen that switches between `-narrow` and `-wide` as the terminal's width changes.

    Textual adds the breakpoint class on the first Resize, which comes after the first frame:
    the screen would be styled, laid out and drawn once wide, then again narrow. Starting
    with the class the current width calls for spares that second pass (most of it at
    start-up, where it showed as the catalogue's largest single cost)."""

    HORIZONTAL_BREAKPOINTS = BREAKPOINTS

    def __init__(self) -> None:
        super().__init__()
        try:
            width = self.app.size.width
        except RuntimeError:  # NoActiveAppError: made outside an app; the first Resize sets it
            return
        # Not mounted yet: the styles are worked out when it is, with the class in place.
        self.add_class(breakpoint_class(width), update=False)
