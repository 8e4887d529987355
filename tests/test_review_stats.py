"""The stats screen's reviews: each answer given in a review session is kept (schema 5), and
counted right or wrong beside the cards due; a review is never an attempt."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from scenario_tui.analysis.scoring import analyse
from scenario_tui.play import engine
from scenario_tui.play.session import Session
from scenario_tui.play.statistics_report import ReviewAnswers, statistics
from scenario_tui.progress.journal import PendingSave
from scenario_tui.progress.review_schedule import ratings

T0 = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)


class Clock:
    def __init__(self) -> None:
        self.at = T0

    def __call__(self) -> str:
        return self.at.isoformat()


def reviewed(data_dir: Path, tiny_path: Path) -> tuple[Session, Clock]:
    """An attempt wrong at both decisions (EC2, then /tmp: two cards), then, two days on, a
    review session: the first decision answered right, the second wrong."""
    clock = Clock()
    session = Session.create([tiny_path.parent], data_dir, with_bundled=False,
                             wall_clock=clock)
    scenario = session.scenario("tiny")
    attempt = engine.start(scenario).choose(scenario, 1).choose(scenario, 0).choose(scenario, 1)
    session.record(scenario, attempt, analyse(scenario).best_score, 1.0)
    clock.at += dt.timedelta(days=2)
    assert {i.node for i in session.reviews().due} == {"first", "second"}
    session.record_review(scenario, scenario.choices("first")[0])   # Lambda: right
    session.record_review(scenario, scenario.choices("second")[1])  # /tmp again: wrong
    session.save_held()
    return session, clock


def test_review_answers_are_counted_apart_from_attempts(data_dir: Path,
                                                        tiny_path: Path) -> None:
    session, _ = reviewed(data_dir, tiny_path)
    stats = statistics(session)
    assert stats.answers == ReviewAnswers(answered=2, right=1)
    assert stats.answers.wrong == 1
    assert stats.reviews.due == ()  # both rescheduled
    assert stats.reviews.next_due is not None
    assert [summary.attempts for _, summary in stats.history] == [1]  # reviews: no attempt
    assert [p.kind for p in session.store.plays()] == ["attempt"]


def test_an_answer_saved_twice_is_counted_once(data_dir: Path, tiny_path: Path) -> None:
    """The journal may make a save again (a crash before it dropped its line)."""
    session, clock = reviewed(data_dir, tiny_path)
    scenario = session.scenario("tiny")
    again = PendingSave("tiny", None, ratings(scenario, (scenario.choices("first")[0],)),
                        (T0 + dt.timedelta(days=2)).isoformat())
    again.apply(session.store)
    assert statistics(session).answers.answered == 2
    assert clock.at == T0 + dt.timedelta(days=2)


def test_a_partly_right_answer_is_counted_apart(data_dir: Path, tiny_path: Path) -> None:
    """Rated Hard (it scored, not the most), as the review's feedback and summary call it:
    partly right, neither right nor wrong."""
    from fsrs import Rating

    session, clock = reviewed(data_dir, tiny_path)
    session.store.record_review_answers(
        [("tiny", "first", (clock.at + dt.timedelta(days=1)).isoformat(), int(Rating.Hard))])
    answers = statistics(session).answers
    assert answers == ReviewAnswers(answered=3, right=1, partly=1)
    assert answers.wrong == 1


def test_without_reviews_nothing_is_answered(data_dir: Path, tiny_path: Path) -> None:
    session = Session.create([tiny_path.parent], data_dir, with_bundled=False,
                             wall_clock=Clock())
    assert statistics(session).answers == ReviewAnswers()


def test_a_kept_rating_reads_back_as_the_verdict_that_gave_it() -> None:
    """One mapping between verdicts and ratings (`RATING_OF`), read both ways."""
    from fsrs import Rating

    from scenario_tui.progress.review_schedule import RATING_OF, answer_verdict

    for verdict, name in RATING_OF.items():
        assert answer_verdict(int(Rating[name])) == verdict
    assert answer_verdict(int(Rating.Again)) == "wrong"
    assert answer_verdict(int(Rating.Easy)) == "right"
