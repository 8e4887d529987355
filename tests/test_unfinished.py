"""Runs left part-way: kept per scenario in the store's settings, offered again after a
restart, dropped when the scenario changed under them or a play of it finished."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from scenario_tui.play.engine import start
from scenario_tui.play.modes import EXAM, PRACTICE
from scenario_tui.play.session import Session
from scenario_tui.play.unfinished import SETTING, decode
from scenario_tui.progress.kinds import REPLAY, REVIEW, WHAT_IF

FIXTURES = Path(__file__).parent / "fixtures"
SCENARIO = "cache-the-catalogue"


def session_on(folder: Path, data: Path) -> Session:
    return Session.create([folder], data, with_bundled=False)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    shutil.copytree(FIXTURES / "ui_scenarios", folder)
    return folder


@pytest.mark.parametrize("mode", [PRACTICE, EXAM])
def test_a_kept_run_survives_a_restart_in_its_mode(library: Path, tmp_path: Path,
                                                    mode: str) -> None:
    first = session_on(library, tmp_path / "data")
    scenario = first.scenario(SCENARIO)
    play = start(scenario, mode).choose(scenario, 1)  # Multi-AZ: on to "still-slow"
    assert first.unfinished.keep(scenario, play, feedback=False)
    assert first.unfinished_ids() == {SCENARIO}
    first.close()

    again = session_on(library, tmp_path / "data")
    assert again.unfinished_ids() == {SCENARIO}
    offer = again.unfinished.resumable(again.scenario(SCENARIO))
    assert offer.play == play and offer.play.mode == mode
    assert (offer.decision, offer.feedback, offer.notice) == (2, None, "")


def test_feedback_left_on_screen_shows_again(library: Path, tmp_path: Path) -> None:
    session = session_on(library, tmp_path / "data")
    scenario = session.scenario(SCENARIO)
    play = start(scenario).choose(scenario, 0).choose(scenario, 0)  # at the ending
    assert session.unfinished.keep(scenario, play, feedback=True)
    offer = session_on(library, tmp_path / "data").unfinished.resumable(scenario)
    assert offer.play == play and offer.feedback == play.choices[-1] and offer.decision == 2


def test_nothing_to_resume_is_not_kept(library: Path, tmp_path: Path) -> None:
    session = session_on(library, tmp_path / "data")
    scenario = session.scenario(SCENARIO)
    play = start(scenario).choose(scenario, 1)
    session.unfinished.keep(scenario, play, feedback=False)
    assert not session.unfinished.keep(scenario, start(scenario), feedback=False)
    assert session.unfinished_ids() == frozenset()
    ended = play.choose(scenario, 1)  # "Give up": an ending, recorded rather than resumed
    assert not session.unfinished.keep(scenario, ended, feedback=False)
    assert session.unfinished.resumable(scenario).play is None


def test_a_finished_play_clears_the_run(library: Path, tmp_path: Path) -> None:
    session = session_on(library, tmp_path / "data")
    scenario = session.scenario(SCENARIO)
    play = start(scenario).choose(scenario, 0)
    session.unfinished.keep(scenario, play, feedback=False)
    session.record(scenario, play.choose(scenario, 0), best=4, duration=1.0)
    assert session.unfinished_ids() == frozenset()
    assert decode(session.store.setting(SETTING)) == {}


def test_an_edit_that_keeps_the_path_resumes(library: Path, tmp_path: Path) -> None:
    session = session_on(library, tmp_path / "data")
    scenario = session.scenario(SCENARIO)
    play = start(scenario).choose(scenario, 1)
    session.unfinished.keep(scenario, play, feedback=False)
    session.close()
    path = library / f"{SCENARIO}.yaml"
    path.write_text(path.read_text().replace("The catalogue stays slow.", "Still slow."))

    again = session_on(library, tmp_path / "data")
    offer = again.unfinished.resumable(again.scenario(SCENARIO))
    assert offer.play is not None and [c.index for c in offer.play.choices] == [1]
    assert offer.notice == ""


def test_an_edit_that_breaks_the_path_drops_the_run_with_a_notice(
        library: Path, tmp_path: Path) -> None:
    session = session_on(library, tmp_path / "data")
    scenario = session.scenario(SCENARIO)
    session.unfinished.keep(scenario, start(scenario).choose(scenario, 1), feedback=False)
    session.close()
    path = library / f"{SCENARIO}.yaml"
    path.write_text(path.read_text().replace("slow-pages", "first"))  # the situation is renamed

    again = session_on(library, tmp_path / "data")
    offer = again.unfinished.resumable(again.scenario(SCENARIO))
    assert offer.play is None and "dropped" in offer.notice
    assert again.unfinished_ids() == frozenset()
    assert session_on(library, tmp_path / "data").unfinished_ids() == frozenset()


@pytest.mark.parametrize("stored", [
    "not json", "[]", '{"x": 1}', '{"x": {"mode": "exam", "path": [["a", "1"]]}}',
    '{"x": {"mode": "speedrun", "path": []}}', '{"x": {"mode": "exam", "path": [], "extra": 3}}',
])
def test_a_damaged_value_is_skipped(stored: str) -> None:
    assert decode(stored) == {}


def test_a_restored_field_keeps_its_type(library: Path, tmp_path: Path) -> None:
    session = session_on(library, tmp_path / "data")
    scenario = session.scenario(SCENARIO)
    session.store.set_setting(SETTING, json.dumps({SCENARIO: {
        "mode": "exam", "path": [["slow-pages", 1]],
        "extra": {"scenario_id": "other", "choices": 3}}}))
    offer = session_on(library, tmp_path / "data").unfinished.resumable(scenario)
    assert offer.play is not None and offer.play.scenario_id == SCENARIO
    assert offer.play.mode == EXAM and len(offer.play.choices) == 1


def test_a_timed_exam_keeps_the_time_left_on_its_decision(library: Path, tmp_path: Path) -> None:
    session = session_on(library, tmp_path / "data")
    scenario = session.scenario(SCENARIO)
    timed = start(scenario, EXAM, time_limit=120).choose(scenario, 1)
    assert session.unfinished.keep(scenario, timed, feedback=False, time_left=33.5)
    assert session_on(library, tmp_path / "data").unfinished.resumable(
        scenario).time_left == 33.5
    untimed = start(scenario, EXAM).choose(scenario, 1)
    assert session.unfinished.keep(scenario, untimed, feedback=False, time_left=33.5)
    assert session.unfinished.resumable(scenario).time_left is None


@pytest.mark.parametrize("left", ["33", -1, 10**9, None, [1]])
def test_a_time_left_that_is_not_one_gives_the_whole_limit(left: object) -> None:
    stored = json.dumps({SCENARIO: {"hash": "h", "mode": EXAM, "origin": "",
                                    "path": [["start", 0]], "time_left": left}})
    assert decode(stored)[SCENARIO].time_left is None


@pytest.mark.parametrize("kind", [REPLAY, WHAT_IF, REVIEW])
def test_only_an_attempt_from_the_start_is_kept(library: Path, tmp_path: Path,
                                                kind: str) -> None:
    """Replays, what-ifs and reviews are not attempts: none is kept to resume, and none
    replaces (or drops) the attempt left part-way in the same scenario."""
    session = session_on(library, tmp_path / "data")
    scenario = session.scenario(SCENARIO)
    left = start(scenario).choose(scenario, 1)
    assert session.unfinished.keep(scenario, left, feedback=False)
    other = start(scenario, origin=scenario.start, kind=kind).choose(scenario, 0)
    assert not session.unfinished.keep(scenario, other, feedback=True)
    assert not session.unfinished.keep(scenario, replace(left, kind=kind), feedback=False)
    assert session_on(library, tmp_path / "data").unfinished.resumable(scenario).play == left


@pytest.mark.parametrize("origin", ["slow-pages", "still-slow"])
def test_a_review_kept_by_earlier_versions_is_not_offered(library: Path, tmp_path: Path,
                                                          origin: str) -> None:
    """Earlier versions kept a review's answer as an attempt that began at the reviewed
    decision (an attempt always begins at the start, with no origin): it is not offered."""
    session = session_on(library, tmp_path / "data")
    scenario = session.scenario(SCENARIO)
    session.store.set_setting(SETTING, json.dumps({SCENARIO: {
        "hash": "h", "mode": "practice", "origin": origin, "path": [[origin, 0]],
        "feedback": False, "extra": {"kind": "attempt", "kept": 0}}}))
    again = session_on(library, tmp_path / "data")
    assert again.unfinished_ids() == frozenset()
    offer = again.unfinished.resumable(scenario)
    assert (offer.play, offer.notice) == (None, "")
