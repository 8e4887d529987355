"""Review answers move with the rest of the progress: the JSON export carries them, an import
checks each one as untrusted input and keeps it once, and the stats screen counts the same
reviews on the new machine as on the old."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from scenario_tui.analysis.scoring import analyse
from scenario_tui.cli import main
from scenario_tui.play import engine
from scenario_tui.play.session import Session
from scenario_tui.play.statistics_report import ReviewAnswers, review_answers, statistics
from scenario_tui.progress import transfer
from scenario_tui.progress.store import ProgressStore

T0 = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)
TITLE_ESCAPE = "\x1b]0;pwned\x07"


class Clock:
    def __init__(self) -> None:
        self.at = T0

    def __call__(self) -> str:
        return self.at.isoformat()


def _session(data_dir: Path, tiny_path: Path, clock: Clock | None = None) -> Session:
    """A session whose clock stands two days after T0 unless `clock` moves it."""
    if clock is None:
        clock = Clock()
        clock.at += dt.timedelta(days=2)
    return Session.create([tiny_path.parent], data_dir, with_bundled=False, wall_clock=clock)


@pytest.fixture
def reviewed(tmp_path: Path, tiny_path: Path) -> Iterator[Session]:
    """An attempt wrong at both decisions, then, two days on, a review: one answered right,
    one wrong."""
    clock = Clock()
    session = _session(tmp_path / "old-machine", tiny_path, clock)
    scenario = session.scenario("tiny")
    attempt = engine.start(scenario).choose(scenario, 1).choose(scenario, 0).choose(scenario, 1)
    session.record(scenario, attempt, analyse(scenario).best_score, 1.0)
    clock.at += dt.timedelta(days=2)
    session.record_review(scenario, scenario.choices("first")[0])   # right
    session.record_review(scenario, scenario.choices("second")[1])  # wrong
    session.save_held()
    assert review_answers(session) == ReviewAnswers(answered=2, right=1)
    yield session
    session.store.close()


@pytest.fixture
def export(reviewed: Session) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(transfer.export_json(reviewed.store))
    return data


def _write(tmp_path: Path, data: dict[str, Any] | str, name: str = "in.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_the_json_export_carries_the_review_answers(export: dict[str, Any]) -> None:
    assert export["version"] == transfer.FORMAT_VERSION == 2
    at = (T0 + dt.timedelta(days=2)).isoformat()
    assert sorted((a["node"], a["rating"]) for a in export["review_answers"]) == [
        ("first", 3), ("second", 1)]
    assert {(a["scenario_id"], a["answered_at"]) for a in export["review_answers"]} == {
        ("tiny", at)}


def test_a_round_trip_keeps_the_answers_and_the_stats(
        reviewed: Session, export: dict[str, Any], tmp_path: Path, tiny_path: Path) -> None:
    fresh = _session(tmp_path / "new-machine", tiny_path)
    report = transfer.import_file(fresh.store, _write(tmp_path, export))
    assert (report.answers, report.answers_present, report.rejected) == (2, 0, ())
    assert fresh.store.review_answers() == reviewed.store.review_answers()
    before, after = statistics(reviewed), statistics(fresh)
    assert after.answers == before.answers == ReviewAnswers(answered=2, right=1)
    assert after.reviews == before.reviews


def test_importing_twice_adds_nothing_twice(reviewed: Session, export: dict[str, Any],
                                            tmp_path: Path, tiny_path: Path) -> None:
    path = _write(tmp_path, export)
    fresh = _session(tmp_path / "new-machine", tiny_path)
    transfer.import_file(fresh.store, path)
    again = transfer.import_file(fresh.store, path)
    assert (again.answers, again.answers_present) == (0, 2)
    assert len(fresh.store.review_answers()) == 2
    home = transfer.import_file(reviewed.store, path)  # back into the machine it came from
    assert (home.answers, home.answers_present) == (0, 2)
    assert review_answers(reviewed) == ReviewAnswers(answered=2, right=1)


def test_an_answer_repeated_in_one_file_is_kept_once(export: dict[str, Any],
                                                     tmp_path: Path) -> None:
    export["review_answers"].append(dict(export["review_answers"][0]))
    store = ProgressStore.in_memory()
    report = transfer.import_file(store, _write(tmp_path, export))
    assert (report.answers, report.answers_present) == (2, 1)


@pytest.mark.parametrize(("change", "reason"), [
    ({"scenario_id": 7}, "scenario_id 7 is not a scenario id"),
    ({"scenario_id": "../../etc"}, "scenario_id '../../etc' is not a scenario id"),
    ({"node": None}, "node None is not a node id"),
    ({"node": "\x1b[2J"}, "node '\\x1b[2J' is not a node id"),
    ({"answered_at": "yesterday"}, "answered_at 'yesterday' is not an ISO date and time"),
    ({"answered_at": 20261126}, "answered_at 20261126 is not an ISO date and time"),
    ({"answered_at": TITLE_ESCAPE}, "answered_at '\\x1b]0;pwned\\x07' is not an ISO date"),
    ({"answered_at": "9999-12-31T23:59:59-05:00"}, "is not an ISO date and time"),
    ({"rating": 0}, "rating 0 is not an FSRS rating: 1 (Again), 2 (Hard), 3 (Good), 4 (Easy)"),
    ({"rating": 5}, "rating 5 is not an FSRS rating"),
    ({"rating": -1}, "rating -1 is not an FSRS rating"),
    ({"rating": 10**30}, "is not an FSRS rating"),
    ({"rating": "3"}, "rating '3' is not an FSRS rating"),
    ({"rating": 3.0}, "rating 3.0 is not an FSRS rating"),
    ({"rating": True}, "rating True is not an FSRS rating"),
    ({"rating": None}, "rating None is not an FSRS rating"),
])
def test_a_bad_field_rejects_its_answer_with_the_reason(
        export: dict[str, Any], tmp_path: Path, change: dict[str, Any], reason: str) -> None:
    export["review_answers"].append({**export["review_answers"][0], **change})
    store = ProgressStore.in_memory()
    report = transfer.import_file(store, _write(tmp_path, export))
    assert [r.where for r in report.rejected] == ["review answer 3"]  # one line, this one
    assert reason in report.rejected[0].reason
    assert report.answers == 2 and len(store.review_answers()) == 2
    assert (report.added, report.reviews) == (1, 2)  # the rest of the file still lands


@pytest.mark.parametrize(("literal", "shown"), [("NaN", "nan"), ("Infinity", "inf"),
                                               ("-Infinity", "-inf"), ("1e400", "inf")])
def test_nan_and_infinite_ratings_are_rejected(export: dict[str, Any], tmp_path: Path,
                                               literal: str, shown: str) -> None:
    export["review_answers"][1]["rating"] = "@@"
    text = json.dumps(export).replace('"@@"', literal)
    report = transfer.import_file(ProgressStore.in_memory(), _write(tmp_path, text))
    assert [str(r) for r in report.rejected] == [
        f"review answer 2: rating {shown} is not an FSRS rating: 1 (Again), 2 (Hard), "
        "3 (Good), 4 (Easy)"]
    assert report.answers == 1


@pytest.mark.parametrize("entry", ["a string", 3, None, ["tiny", "first"]])
def test_an_answer_that_is_not_an_object_is_rejected(export: dict[str, Any], tmp_path: Path,
                                                     entry: object) -> None:
    export["review_answers"].insert(0, entry)
    report = transfer.import_file(ProgressStore.in_memory(), _write(tmp_path, export))
    assert [r.where for r in report.rejected] == ["review answer 1"]
    assert report.rejected[0].reason.endswith("is not an object with a review answer's fields")
    assert report.answers == 2


@pytest.mark.parametrize(("value", "message"), [
    (None, "'review_answers' must be a list, not None"),
    ({"a": 1}, "'review_answers' must be a list"),
    (3, "'review_answers' must be a list, not 3"),
])
def test_answers_that_are_not_a_list_refuse_the_file(export: dict[str, Any], tmp_path: Path,
                                                     value: object, message: str) -> None:
    export["review_answers"] = value
    store = ProgressStore.in_memory()
    with pytest.raises(transfer.TransferError, match=message):
        transfer.import_file(store, _write(tmp_path, export))
    assert store.plays() == [] and store.review_answers() == []


def test_too_many_answers_refuse_the_file(export: dict[str, Any], tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transfer, "MAX_ANSWERS", 3)
    export["review_answers"] *= 2
    store = ProgressStore.in_memory()
    with pytest.raises(transfer.TransferError,
                       match="more than 3 review answers; an import takes at most 3"):
        transfer.import_file(store, _write(tmp_path, export))
    assert store.plays() == [] and store.review_answers() == []


def test_an_export_from_before_review_answers_still_imports(
        export: dict[str, Any], tmp_path: Path) -> None:
    del export["review_answers"]
    export["version"] = 1
    store = ProgressStore.in_memory()
    report = transfer.import_file(store, _write(tmp_path, export))
    assert (report.added, report.reviews, report.answers, report.rejected) == (1, 2, 0, ())
    assert store.review_answers() == []


@pytest.mark.parametrize("version", [3, 0, "2", True, None])
def test_an_export_version_this_one_cannot_read_is_refused(
        export: dict[str, Any], tmp_path: Path, version: object) -> None:
    export["version"] = version
    store = ProgressStore.in_memory()
    with pytest.raises(transfer.TransferError, match="reads versions 1 to 2"):
        transfer.import_file(store, _write(tmp_path, export))
    assert store.plays() == [] and store.review_answers() == []


def test_the_command_line_counts_answers_and_says_what_csv_leaves_out(
        reviewed: Session, tmp_path: Path, tiny_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    old, new = str(reviewed.data_dir), str(tmp_path / "new-machine")
    path = tmp_path / "p.json"
    reviewed.store.close()
    assert main(["--data-dir", old, "progress", "export", "-o", str(path)]) == 0
    assert main(["--data-dir", new, "progress", "import", str(path)]) == 0
    assert "imported 1 play-through(s); 0 were already here; 2 review answer(s), 0 already " \
           "here" in capsys.readouterr().out
    assert main(["--data-dir", old, "progress", "export", "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0].split(",") == list(transfer.CSV_FIELDS)  # columns unchanged
    assert "CSV holds play-throughs only: 2 review card(s) and 2 review answer(s) are left " \
           "out (the JSON export carries them)" in err


def test_a_class_store_says_it_keeps_no_answers(export: dict[str, Any], tmp_path: Path,
                                                learner_url: str) -> None:
    from scenario_tui.progress.pg_store import PgStore

    store = PgStore(learner_url)
    try:
        report = transfer.import_file(store, _write(tmp_path, export))
        assert (report.added, report.answers) == (1, 0)
        assert [str(r) for r in report.rejected] == [
            "review answers: 2 left out: a class store keeps no review answers"]
        assert json.loads(transfer.export_json(store))["review_answers"] == []
    finally:
        store.close()
