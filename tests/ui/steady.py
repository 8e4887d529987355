"""The app as the tests and the README screenshots draw it: no input cursor blinks.

A blink that lands between two frames makes a snapshot flaky. Textual has no app-wide
switch, so every input (the filter, the command palette's too) is told when it takes focus.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from scenario_tui.ui.app import ScenarioApp


class SteadyApp(ScenarioApp):
    """`ScenarioApp` with steady input cursors."""

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, Input):
            event.widget.cursor_blink = False
