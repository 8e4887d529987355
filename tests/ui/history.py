"""A fixed learner history for the stats and review tests, made through the core API.

Four finished plays of the fixture scenarios on four days, each recorded by
`Session.record` with the wall clock set to that day, so plays and review cards have
known times and nothing on screen depends on when the tests run.
"""

from __future__ import annotations

import datetime as dt

from scenario_tui.analysis.scoring import analyse
from scenario_tui.play.engine import start
from scenario_tui.play.modes import EXAM, PRACTICE
from scenario_tui.play.session import Session

DAY_ONE = dt.datetime(2026, 1, 2, 9, 0, tzinfo=dt.UTC)
PLAYS = [
    # day, scenario, mode, choice indexes (0-based)
    (0, "cache-the-catalogue", EXAM, [1, 0, 1]),      # Multi-AZ, add cache, no expiry: 25 %
    (1, "cache-the-catalogue", PRACTICE, [2, 0]),     # scale up, lazy loading: 75 %
    (2, "markup-and-escapes", EXAM, [0]),             # trust the policy: 0 %
    (3, "cache-the-catalogue", PRACTICE, [0, 0]),     # cache, lazy loading: 100 %
]
REVIEW_DAY = DAY_ONE + dt.timedelta(days=8)
"""When the tests look: two decisions are due (one per scenario) and a third is not yet."""


def seed_history(session: Session) -> None:
    """Record `PLAYS` and leave the session's wall clock at `REVIEW_DAY`."""
    clock = session.wall_clock
    for day, scenario_id, mode, picks in PLAYS:
        clock.at = DAY_ONE + dt.timedelta(days=day)  # type: ignore[attr-defined]
        scenario = session.scenario(scenario_id)
        play = start(scenario, mode)
        for pick in picks:
            play = play.choose(scenario, pick)
        session.record(scenario, play, analyse(scenario).best_score, 60.0)
    clock.at = REVIEW_DAY  # type: ignore[attr-defined]
