"""A review names its decision without a number: the debrief numbered it by its place on the
attempt's path (`# 2`), the review numbers its decisions by the session (`Review 1 of 1`), and
a `Decision 1` in the review's options would be a third, different number for the same one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual.widgets import Static

from scenario_tui.analysis.scoring import analyse
from scenario_tui.play.engine import debrief, start
from scenario_tui.play.session import Session
from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.screens.review import ReviewScreen
from scenario_tui.ui.widgets.option_verdicts import OptionsDialog

from .pilot_steps import open_review, settle
from .test_architecture_panel import ARCHITECTURE, SHOP


async def test_the_review_names_the_decision_the_debrief_numbered_2(
        make_app: Callable[..., ScenarioApp], make_session: Callable[..., Session]) -> None:
    session = make_session(ARCHITECTURE)
    scenario = session.scenario(SHOP)
    play = start(scenario).choose(scenario, 0).choose(scenario, 2).choose(scenario, 0)
    missed = [s for s in debrief(scenario, play).steps if s.verdict != "right"]
    assert [(s.number, s.node) for s in missed] == [(2, "db-tier")]  # the debrief's `# 2`
    session.record(scenario, play, analyse(scenario).best_score, 60.0)
    session.wall_clock.at += dt.timedelta(days=2)  # type: ignore[attr-defined]
    async with make_app(session=session).run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        assert isinstance(pilot.app.screen, ReviewScreen)
        await pilot.press("2", "o")
        await settle(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, OptionsDialog)
        shown = "\n".join(str(static.render()) for static in dialog.query(Static))
        assert "The decision under review · you chose 2 (+1)" in shown
        assert "Decision 1" not in shown
