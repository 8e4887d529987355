"""Start the learner's app from the command line: the process-level part of running it."""

from __future__ import annotations

import argparse
import gc

from ..play.modes import EXAM, PRACTICE
from ..play.session import Session
from .app import ScenarioApp
from .exit_signals import exit_on_signals


def run(args: argparse.Namespace, session: Session | None = None) -> int:
    """Start the TUI for the parsed command line; `play ID [--exam]` opens one scenario."""
    session = session or Session.create(args.scenarios, args.data_dir)
    app = ScenarioApp(session, start_id=getattr(args, "scenario_id", None),
                      mode=EXAM if getattr(args, "exam", False) else PRACTICE)
    # What the imports made lives as long as the process: moved out of the collector's
    # reach, it is not scanned again by the full collections that start-up would trigger.
    gc.freeze()
    try:
        with exit_on_signals(app):
            app.run()
    finally:
        session.close()  # the store notes the file as it leaves it: the next start skips its check
    return app.return_code or 0
