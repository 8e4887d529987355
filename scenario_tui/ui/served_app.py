"""The app as `scenario-tui serve` runs it for each browser: it asks who is playing first.

textual-serve starts `scenario-tui --ask-learner --data-dir ROOT` once per browser session.
The app opens on "Who is playing?"; the name becomes a `Learner`, whose progress is kept in a
folder of its own under ROOT (`play.learners`), and only then does the scenario app begin, with
its catalogue at the bottom of a screen stack (a Textual mode) as everywhere else.
"""

from __future__ import annotations

import argparse
import gc
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on
from textual.screen import Screen

from ..play.choice_order import in_order
from ..play.learners import Learner, join_class, session_for
from ..play.modes import PRACTICE
from .app import ScenarioApp
from .exit_signals import exit_on_signals
from .messages import LearnerChosen
from .screens.catalog import CatalogScreen
from .screens.learner import LearnerScreen

if TYPE_CHECKING:
    from ..progress.class_config import ClassLink

PLAYING = "playing"
"""The app's mode once the learner is known."""
NEEDS_A_LEARNER = frozenset({"command_palette", "stats", "review"})
"""Actions that read the learner's progress or the catalogue: not before the name is given."""


class ServedApp(ScenarioApp):
    """`ScenarioApp` that starts on `LearnerScreen` and gets its session from the answer."""

    def __init__(self, scenario_dirs: Sequence[str | Path], root: Path, *,
                 mode: str = PRACTICE, in_order: bool = False) -> None:
        super().__init__(None, mode=mode)
        self.in_order = in_order
        """Every learner sees the choices in the file's order (`serve --in-order`)."""
        self.scenario_dirs = tuple(scenario_dirs)
        self.root = root
        """The server's data dir: each learner's folder is under it, and its packs are
        everyone's."""
        self.learner: Learner | None = None
        """Who is playing, once they said."""

    def get_default_screen(self) -> Screen[None]:
        return LearnerScreen()

    def _on_mount(self, event: events.Mount) -> None:
        """Nothing of the scenario app starts yet: there is no session to start it on."""
        event.prevent_default()  # `ScenarioApp.on_mount` runs in `_begin`

    def watch_app_focus(self, focus: bool) -> None:
        """Textual's web driver starts the app blurred, and a screen composed while it is
        blurred does not take its `AUTO_FOCUS`: the name field ignored what was typed. The
        screen takes it when the browser gives focus (or the first key comes)."""
        screen = self.screen
        selector = screen.AUTO_FOCUS or self.AUTO_FOCUS
        if not focus or screen.focused is not None or not selector:
            return
        widget = next((w for w in screen.query(selector) if w.focusable), None)
        if widget is not None:
            screen.set_focus(widget)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.learner is None and action in NEEDS_A_LEARNER:
            return False
        return super().check_action(action, parameters)

    @on(LearnerChosen)
    def _begin(self, event: LearnerChosen) -> None:
        """Open the learner's progress and show the catalogue in place of the question."""
        if self.learner is not None:
            return
        self.learner = event.learner
        if event.link is not None:
            self._join(event.learner, event.link)
        self.use_session(session_for(event.learner, self.scenario_dirs, self.root))
        if self.in_order:
            self.session.seeds = in_order
        self.sub_title = f"playing as {event.learner.name}"
        # A mode of its own, so the catalogue is at the bottom of its screen stack, where
        # the scenario app's navigation expects it (the question stays behind, unused).
        self.add_mode(PLAYING, lambda: CatalogScreen(self.session, self.mode))
        self.switch_mode(PLAYING)
        ScenarioApp.on_mount(self)

    def _join(self, who: Learner, link: ClassLink) -> None:
        """Keep the class the learner joined in their folder (before their session starts,
        so its first sync finds it); if it cannot be written they play all the same."""
        try:
            join_class(who, self.root, link)
        except OSError as error:
            self.notify(f"The class could not be joined: {error.strerror or error}. Your "
                        "plays are kept on this server only.", title="Class",
                        severity="warning", markup=False, timeout=15)


def run_served(args: argparse.Namespace) -> int:
    """Start the served app for the parsed command line (`--ask-learner`)."""
    from ..progress.data_dirs import data_dir

    app = ServedApp(args.scenarios, data_dir(args.data_dir),
                    in_order=getattr(args, "in_order", False))
    gc.freeze()
    try:
        with exit_on_signals(app):
            app.run()
    finally:
        if app.learner is not None:
            app.session.close()
    return app.return_code or 0
