"""Screens with a narrow and a wide layout, laid out right from their first frame."""

from __future__ import annotations

from textual import events, on
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

    _resumed = False
    """Whether the screen has been shown before (`_styled_at_mount`)."""

    def __init__(self) -> None:
        super().__init__()
        try:
            width = self.app.size.width
        except RuntimeError:  # NoActiveAppError: made outside an app; the first Resize sets it
            return
        # Not mounted yet: the styles are worked out when it is, with the class in place.
        self.add_class(breakpoint_class(width), update=False)

    @on(events.ScreenResume)
    def _styled_at_mount(self, event: events.ScreenResume) -> None:
        """When the screen is first shown it keeps the styles it was given on mounting, a
        moment before: Textual styles every node of a pushed screen again as it is shown
        (the focus it gives restyles what it changes on its own, and a theme change restyles
        every screen). That second pass was a tenth of what scenario-tui's start adds to a
        minimal Textual app's, and it came again with every play screen. Textual already
        skips it when a screen returns from under another."""
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False
