"""One numbering of decisions (`Play.decision_number`): a decision's place on the run's path,
as the play's `Decision 2` and the debrief's step table give it, and none in a review, which
takes one decision out of the attempt that numbered it."""

from __future__ import annotations

from pathlib import Path

from scenario_tui.play import library
from scenario_tui.play.engine import debrief, start
from scenario_tui.progress.kinds import REVIEW, WHAT_IF

SHOP = Path(__file__).parent / "fixtures" / "architecture" / "shop-resilience.yaml"


def test_a_decision_is_numbered_by_its_place_on_the_path_except_in_a_review() -> None:
    scenario = library.load([SHOP], with_bundled=False).scenarios["shop-resilience"]
    attempt = start(scenario).choose(scenario, 0).choose(scenario, 2).choose(scenario, 0)
    assert [s.number for s in debrief(scenario, attempt).steps] == [1, 2, 3]
    assert [attempt.decision_number(p) for p in range(3)] == [1, 2, 3]
    what_if = start(scenario, origin="db-tier", kind=WHAT_IF)
    assert what_if.decision_number(0) == 1  # its debrief's step table starts at 1 too
    review = start(scenario, origin="db-tier", kind=REVIEW).choose(scenario, 1)
    assert review.decision_number(0) is None
