"""Commands that open the TUI: the catalogue (no command) and `play ID`."""

from __future__ import annotations

import argparse

from .output import usage_error


def cmd_tui(args: argparse.Namespace) -> int:
    if args.ask_learner:
        from ..ui.served_app import run_served

        return run_served(args)
    from ..ui.launch import run

    return run(args)


def cmd_play(args: argparse.Namespace) -> int:
    """`scenario-tui play ID [--exam]`: check the id, then open the TUI on that scenario."""
    from ..play.session import Session

    session = Session.create(args.scenarios, args.data_dir)
    entries = session.scan()
    if session.entry(args.scenario_id) is None:
        broken = next((e for e in entries if e.id == args.scenario_id), None)
        if broken is not None:
            return usage_error(f"scenario {args.scenario_id!r} is broken: "
                                f"{broken.first_error_line(session.shorten)}")
        known = ", ".join(sorted(e.id for e in entries if e.playable)) or "none"
        return usage_error(f"no scenario with the id {args.scenario_id!r}. "
                            f"Playable ids: {known}")
    from ..ui.launch import run

    return run(args, session)
