"""Snapshots of the catalogue grouped by exam domain and of the stats screen with replays and
a what-if counted apart from attempts. Update only after reading the report."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.pilot import Pilot

from scenario_tui.analysis.scoring import analyse
from scenario_tui.play.engine import start, what_if

from .history import seed_history
from .test_snapshots import SIZES, settle


@pytest.fixture
def app_with_exploring(make_app, make_session):
    """The seeded history plus two replays and a what-if of "Cache the catalogue"."""
    session = make_session()
    seed_history(session)
    scenario = session.scenario("cache-the-catalogue")
    first = start(scenario).choose(scenario, 1).choose(scenario, 0).choose(scenario, 1)
    for play in (first.rewind(2), first.rewind(1).choose(scenario, 1),
                 what_if(scenario, first, scenario.choices(scenario.start)[0])):
        while not play.finished(scenario):
            play = play.choose(scenario, 0)
        session.wall_clock.at += dt.timedelta(minutes=1)
        session.record(scenario, play, analyse(scenario).best_score, 30.0)
    return make_app(session=session)


@pytest.mark.parametrize("size", SIZES)
class TestGroupedAndExploring:
    def test_catalogue_grouped_by_domain(self, snap_compare, app_with_exploring, size) -> None:
        async def group(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("ctrl+g")
            await settle(pilot)
            pilot.app.clear_notifications()  # the grouped list, not the note saying so
            await settle(pilot)

        assert snap_compare(app_with_exploring, terminal_size=size, run_before=group)

    def test_stats_with_replays_apart(self, snap_compare, app_with_exploring, size) -> None:
        async def open_stats(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("ctrl+t")
            await settle(pilot)

        assert snap_compare(app_with_exploring, terminal_size=size, run_before=open_stats)
