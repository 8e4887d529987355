"""The countdown of a timed decision, on a clock the test moves (no real time)."""

from __future__ import annotations

from scenario_tui.play.countdown import Countdown, left_text


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_time_runs_down_pauses_under_a_dialog_and_restarts_per_decision() -> None:
    clock = Clock()
    countdown = Countdown(120, clock)
    countdown.restart()
    clock.now += 30
    assert countdown.remaining() == 90 and not countdown.expired()
    countdown.pause()
    clock.now += 500  # help open for a long read: no time passes for the decision
    assert countdown.remaining() == 90 and not countdown.expired()
    countdown.resume()
    clock.now += 89.5
    assert countdown.remaining() == 0.5
    clock.now += 1
    assert countdown.remaining() == 0 and countdown.expired()
    countdown.restart()
    assert countdown.remaining() == 120


def test_the_time_left_reads_as_text() -> None:
    assert [left_text(s) for s in (120, 101.2, 9.5, 0.2, 0)] == \
        ["2:00 left", "1:42 left", "0:10 left", "0:01 left", "0:00 left"]
