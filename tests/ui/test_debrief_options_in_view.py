"""`o` in the debrief opens every option at the first decision of the step table on screen,
not always at decision 1."""

from __future__ import annotations

from collections.abc import Callable

from scenario_tui.play.modes import EXAM
from scenario_tui.play.session import Session
from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.screens.debrief import DebriefBody, DebriefScreen
from scenario_tui.ui.widgets.option_verdicts import OptionsDialog
from scenario_tui.ui.widgets.step_table import StepTable

from .pilot_steps import settle
from .test_replay_picker import FIVE


async def test_o_opens_at_the_first_decision_on_screen(
        make_session: Callable[..., Session], make_app: Callable[..., ScenarioApp]) -> None:
    app = make_app("five-decisions", mode=EXAM, session=make_session(FIVE))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"11111")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DebriefScreen)
        body = screen.query_one(DebriefBody)
        table = screen.query_one(StepTable)
        layout = table.layout_at(table.size.width)
        seen = []
        for step in (0, 2, 4):
            row = next(y for y in range(layout.height) if layout.step_at(y) == step)
            body.scroll_to(y=table.virtual_region.y + row, animate=False)
            await settle(pilot)
            await pilot.press("o")
            await settle(pilot)
            dialog = app.screen
            assert isinstance(dialog, OptionsDialog)
            seen.append(dialog.at)
            await pilot.press("escape")
            await settle(pilot)
        assert seen == [0, 2, 4]
        body.scroll_end(animate=False)  # the table above the screen: its last decision
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, OptionsDialog) and app.screen.at == 4
