"""Start the learner's app from the command line: the process-level part of running it."""

from __future__ import annotations

import argparse
import gc

from ..play.choice_order import in_order
from ..play.modes import EXAM, PRACTICE, TIME_LIMIT, TIMED_EXAM
from ..play.session import Session
from .app import ScenarioApp
from .exit_signals import exit_on_signals


def run(args: argparse.Namespace, session: Session | None = None) -> int:
    """Start the TUI for the parsed command line; `play ID [--exam]` opens one scenario;
    `--in-order` keeps the file's order of choices, `--timed [SECONDS]` times each decision."""
    session = session or Session.create(args.scenarios, args.data_dir)
    if getattr(args, "in_order", False):
        session.seeds = in_order
    timed = getattr(args, "timed", None)
    mode = TIMED_EXAM if timed else EXAM if getattr(args, "exam", False) else PRACTICE
    app = ScenarioApp(session, start_id=getattr(args, "scenario_id", None), mode=mode,
                      time_limit=timed or TIME_LIMIT)
    # What the imports made lives as long as the process: moved out of the collector's
    # reach, it is not scanned again by the full collections that start-up would trigger.
    gc.freeze()
    # The first frame's objects are mostly kept or freed by their counts, not in cycles:
    # the collector waits until that frame is drawn (`ScenarioApp.on_ready` restarts it).
    gc.disable()
    try:
        with exit_on_signals(app):
            app.run()
    finally:
        gc.enable()  # had the app stopped before its first frame
        session.close()  # the store notes the file as it leaves it: the next start skips its check
    return app.return_code or 0
