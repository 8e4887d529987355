"""The author preview's architecture panel: the system at the preview's current node, and on
`f` every fault run against it (beside the best path's), so an author sees what a path teaches
without playing to the debrief.

The outcomes are the core's (`play.chaos`), the same the learner's chaos round shows; a new
move in the preview clears them, as they were for the old path.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ...format.model import Scenario
from ...play.chaos import chaos, has_architecture, has_faults
from ...play.engine import Play
from .architecture_view import ArchitectureView
from .chaos_round import stacked

HINT = Content.assemble(("f", "bold $accent"), " run the faults on this path")


class AuthorArchitecture(Vertical):
    """The system so far and, once asked for, the faults' outcomes for the current path."""

    DEFAULT_CSS = """
    AuthorArchitecture {
        height: auto;
        max-height: 50%;
    }
    AuthorArchitecture ArchitectureView {
        max-height: 12;
    }
    AuthorArchitecture #author-faults {
        height: auto;
        max-height: 14;
        border: round $secondary 50%;
        border-title-color: $text-secondary;
        padding: 0 1;
    }
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.scenario: Scenario | None = None
        self.play: Play | None = None
        self.scopes: Mapping[str, str] = {}
        """Where each service runs (the glossary's `scope`) for the file on screen."""
        self.hidden = False
        """Whether the author hid the panel (`a`) to give the graph its room."""

    def compose(self) -> ComposeResult:
        yield ArchitectureView(id="author-diagram")
        with VerticalScroll(id="author-faults", can_focus=False):
            yield Static(HINT, id="author-fault-results")

    def on_mount(self) -> None:
        self.query_one("#author-faults").border_title = "Faults"

    def show(self, scenario: Scenario | None, play: Play | None,
             scopes: Mapping[str, str] | None = None) -> None:
        """Draw the system `play` has built; hide the panel for a scenario that builds none."""
        self.scenario, self.play = scenario, play
        self.scopes = scopes if scopes is not None else self.scopes
        self.display = self.available and not self.hidden
        if scenario is None or play is None or not self.display:
            return
        self.query_one(ArchitectureView).show(scenario, play, self.scopes)
        faults = self.query_one("#author-faults")
        faults.display = has_faults(scenario)
        self.query_one("#author-fault-results", Static).update(HINT)

    @property
    def available(self) -> bool:
        """Whether the scenario on screen builds a system or has faults to show."""
        scenario = self.scenario
        return scenario is not None and self.play is not None and (
            has_architecture(scenario) or has_faults(scenario))

    def toggle(self) -> None:
        """Hide the panel, or show it again (drawn for the play it last showed)."""
        self.hidden = not self.hidden
        self.show(self.scenario, self.play)

    @property
    def runnable(self) -> bool:
        return self.scenario is not None and self.play is not None and has_faults(self.scenario)

    def run_faults(self) -> None:
        """Every fault against the current path's system and the best path's."""
        if self.scenario is None or self.play is None or not has_faults(self.scenario):
            return
        if self.hidden:
            self.toggle()
        self.query_one("#author-fault-results", Static).update(
            stacked(chaos(self.scenario, self.play)))
