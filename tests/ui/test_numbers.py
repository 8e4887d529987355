"""One minus sign, and numbers joined to their units."""

from __future__ import annotations

from textual.widgets import Static

from scenario_tui.ui.widgets.numbers import MINUS, NBSP, number, percent, points, signed

from .pilot_steps import settle


def test_negatives_use_one_minus_sign() -> None:
    assert number(-1) == f"{MINUS}1" and number(0) == "0" and number(7) == "7"
    assert signed(2) == "+2" and signed(-2) == f"{MINUS}2" and signed(0) == "0"


def test_units_never_wrap_away() -> None:
    assert percent(50) == f"50{NBSP}%" and percent(-12) == f"{MINUS}12{NBSP}%"
    assert points(1) == f"1{NBSP}point" and points(-2) == f"{MINUS}2{NBSP}points"
    assert points(3, signed_value=True) == f"+3{NBSP}points"


async def test_a_negative_score_on_the_play_screen_has_the_minus_sign(make_app,
                                                                      make_session) -> None:
    """The status above the situation read "score -1", with a hyphen."""
    app = make_app("cognito-identity-federation", session=make_session(bundled=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        shown = screen.play.options(screen.scenario)  # type: ignore[attr-defined]
        worst = next(n for n, choice in enumerate(shown, start=1) if choice.points == -1)
        await pilot.press(str(worst))
        await settle(pilot)
        status = str(app.screen.query_one("#play-status", Static).visual)
        assert f"score {MINUS}1" in status and "-1" not in status, status
