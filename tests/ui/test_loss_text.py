"""The per-decision loss in the options dialog and the debrief, in words that add up."""

from __future__ import annotations

from scenario_tui.ui.widgets.option_verdicts import loss_text


def test_a_loss_in_parts_says_fewer_or_more_for_each() -> None:
    """"lost 1: 2 on this choice, 1 more to gain after it" read as two losses; each part is
    now a difference from the best, and they add up to the loss."""
    class Option:
        def __init__(self, lost: int, now: int, after: int) -> None:
            self.lost, self.lost_now, self.lost_after = lost, now, after

    assert loss_text(Option(1, 2, -1)) == (  # type: ignore[arg-type]
        "lost 1 against the best here: 2 fewer on this choice, 1 more to gain after it")
    assert loss_text(Option(9, 2, 7)) == (  # type: ignore[arg-type]
        "lost 9 against the best here: 2 fewer on this choice, 7 fewer to gain after it")
    assert loss_text(Option(3, 0, 3)) == (  # type: ignore[arg-type]
        "lost 3 against the best here: 3 fewer to gain after it")
