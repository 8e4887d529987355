"""Which decisions are worth a review card: not a recovery step with two options (reached
only after a mistake, where "add the cache after all" or "give up" is obvious), neither from a
new play nor from a card an older version stored."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from scenario_tui.play.engine import start
from scenario_tui.play.modes import EXAM
from scenario_tui.play.session import Session
from scenario_tui.progress import review_schedule

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ui_scenarios"
CACHE = "cache-the-catalogue"
T0 = dt.datetime(2026, 1, 2, 9, 0, tzinfo=dt.UTC)


def session_at(data_dir: Path, moment: dt.datetime) -> Session:
    return Session.create([FIXTURES], data_dir, wall_clock=moment.isoformat,
                          with_bundled=False)


def play(session: Session, picks: list[int]) -> None:
    scenario = session.scenario(CACHE)
    run = start(scenario, EXAM)
    for pick in picks:
        run = run.choose(scenario, pick)
    session.record(scenario, run, 4, 10.0)


def nodes(session: Session) -> list[str]:
    return [node for _, node, _, _ in session.store.review_cards()]


def test_a_mistake_at_a_two_option_recovery_step_makes_no_card(data_dir: Path) -> None:
    session = session_at(data_dir, T0)
    play(session, [1, 1])        # Multi-AZ (wrong), then "give up" at the recovery step
    assert nodes(session) == ["slow-pages"]


def test_a_two_option_decision_on_the_way_to_the_best_ending_is_still_a_card(
        data_dir: Path) -> None:
    session = session_at(data_dir, T0)
    play(session, [0, 1])        # the cache, then no expiry: a real choice of two
    assert nodes(session) == ["fill-the-cache"]


def test_a_stored_recovery_step_card_is_never_due_nor_next(data_dir: Path) -> None:
    """A card an older version made at the recovery step is skipped (no crash), and a later
    answer there leaves it alone."""
    session = session_at(data_dir, T0)
    play(session, [1, 1])
    review_schedule.reschedule(session.store, CACHE, (("still-slow", 1),), T0)  # as before
    assert sorted(nodes(session)) == ["slow-pages", "still-slow"]
    later = session_at(data_dir, T0 + dt.timedelta(days=30))
    status = later.reviews()
    assert [item.node for item in status.due] == ["slow-pages"] and status.next_due is None
    before = dict(((n, c) for _, n, c, _ in later.store.review_cards()))
    play(later, [1, 0, 0])       # right at the recovery step this time
    after = dict(((n, c) for _, n, c, _ in later.store.review_cards()))
    assert after["still-slow"] == before["still-slow"]
