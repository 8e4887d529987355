"""One minus sign, and numbers joined to their units."""

from __future__ import annotations

from scenario_tui.ui.widgets.numbers import MINUS, NBSP, number, percent, points, signed


def test_negatives_use_one_minus_sign() -> None:
    assert number(-1) == f"{MINUS}1" and number(0) == "0" and number(7) == "7"
    assert signed(2) == "+2" and signed(-2) == f"{MINUS}2" and signed(0) == "0"


def test_units_never_wrap_away() -> None:
    assert percent(50) == f"50{NBSP}%" and percent(-12) == f"{MINUS}12{NBSP}%"
    assert points(1) == f"1{NBSP}point" and points(-2) == f"{MINUS}2{NBSP}points"
    assert points(3, signed_value=True) == f"+3{NBSP}points"
