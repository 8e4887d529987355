"""The stats screen's mastery per exam domain: every domain of the syllabus, topics met out of
its topics, "not started" where none is met, and a legend that says how it is counted."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from scenario_tui.ui.screens.stats import StatsScreen
from scenario_tui.ui.widgets.mastery_bars import MasteryBars

from .history import seed_history
from .pilot_steps import settle
from .test_snapshots import SIZES


@pytest.fixture
def app_with_history(make_app, make_session):
    """The fixture scenarios (one teaching development topics, one a security topic) after
    four attempts."""
    session = make_session()
    seed_history(session)
    return make_app(session=session)


async def open_domains(pilot: Pilot) -> None:
    """Open the stats screen and scroll the mastery bars and their legend into view."""
    await settle(pilot)
    await pilot.press("ctrl+t")
    await settle(pilot)
    pilot.app.screen.query_one("#mastery").scroll_visible(animate=False, top=True)
    await settle(pilot)


async def test_domains_come_from_the_topics_of_the_scenarios_attempted(app_with_history) -> None:
    async with app_with_history.run_test(size=(120, 40)) as pilot:
        await open_domains(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, StatsScreen)
        shown = screen.query_one("#mastery-domains", MasteryBars).render()
        lines = str(shown).splitlines()
        assert [line.split("  ")[0] for line in lines] == [
            "Development with AWS Services", "Security", "Deployment",
            "Troubleshooting and Optimization"]
        assert "100\xa0%" in lines[0] and lines[0].endswith("4\xa0of\xa068")
        assert "0\xa0%" in lines[1] and lines[1].endswith("1\xa0of\xa039")
        assert "not started" in lines[2] and "not started" in lines[3]
        legend = str(screen.query_one("#mastery-legend").render())
        assert "study topics" in legend and "not started until" in legend


@pytest.mark.parametrize("size", SIZES)
class TestDomainMastery:
    def test_mastery_by_exam_domain(self, snap_compare, app_with_history, size) -> None:
        assert snap_compare(app_with_history, terminal_size=size, run_before=open_domains)
