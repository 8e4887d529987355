"""The instructor's report screen with fixed data (a class of four on the `tiny` scenario):
progress, score bands, beliefs in words, missed decisions, the heat map (symbols and numbers)
and reviews due. A learner's name that looks like markup is shown as typed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.pilot import Pilot

from scenario_tui.format import loader, misconceptions
from scenario_tui.play import engine
from scenario_tui.progress import class_report
from scenario_tui.progress import store as progress_store
from scenario_tui.ui.class_report_app import ClassReportApp

from .pilot_steps import settle
from .test_snapshots import SIZES

VALID = Path(__file__).resolve().parent.parent / "fixtures" / "valid"
T0 = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
AT = "2026-11-28T12:00:00+00:00"


def fixed_report() -> class_report.ClassReport:
    scenario, _ = loader.load_file(VALID / "tiny.yaml")
    assert scenario is not None
    beliefs, _ = misconceptions.load(VALID / "misconceptions.yaml")
    learners = (("r1", "Ada Lovelace"), ("r2", "Grace Hopper"), ("r3", "[b]Eve[/b]"),
                ("r4", "Alan Turing"))
    runs = {"r1": [[1, 0, 1], [0, 0]], "r2": [[2, 0, 1]], "r3": [[1, 1], [1, 0, 1]]}
    plays = []
    for role, picks in runs.items():
        for day, chosen in enumerate(picks):
            play = engine.start(scenario, "practice")
            for pick in chosen:
                play = play.choose(scenario, pick)
            plays.append((role, progress_store.PlayRecord(
                scenario.id, "h", "practice", tuple((c.source, c.index) for c in play.choices),
                play.score, 4, 10.0, (T0 + dt.timedelta(days=day)).isoformat())))
    reviews = (("r2", "tiny", "first", "2026-11-27T00:00:00+00:00"),
               ("r3", "tiny", "first", "2026-11-26T00:00:00+00:00"),
               ("r3", "tiny", "second", "2026-12-30T00:00:00+00:00"))
    data = class_report.ClassData("c1", "Cloud 101", learners, tuple(plays), reviews)
    return class_report.build(data, {scenario.id: scenario}, beliefs, AT)


def test_the_report_counts_what_the_class_did() -> None:
    report = fixed_report()
    assert [(r.name, r.attempts, r.mean_best, r.due) for r in report.learners] == [
        ("Ada Lovelace", 2, 100, 0), ("Grace Hopper", 1, 0, 1), ("[b]Eve[/b]", 2, 25, 1),
        ("Alan Turing", 0, None, 0)]
    assert report.scenarios[0].bands == (1, 1, 0, 0, 1)
    assert all(b.belief != b.tag for b in report.beliefs)   # the sentence, not the tag
    assert [(d.node, d.learners) for d in report.due] == [("first", 2)]
    assert report.heat[3] == ("Alan Turing", (None,))


@pytest.mark.parametrize("size", SIZES)
class TestClassReport:
    def test_class_report_top(self, snap_compare, size) -> None:
        assert snap_compare(ClassReportApp(fixed_report()), terminal_size=size,
                            run_before=settle)

    def test_class_report_heat_map(self, snap_compare, size) -> None:
        async def scroll_down(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("end")
            await settle(pilot)

        assert snap_compare(ClassReportApp(fixed_report()), terminal_size=size,
                            run_before=scroll_down)
