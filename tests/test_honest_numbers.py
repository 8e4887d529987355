"""Honest numbers: only attempts count towards scores; exploring is kept, and counted apart.

Replays from a decision, what-ifs from the debrief's tree and review runs are stored as what
they are, exported and imported with their kind, and never raise a best score, add an attempt
or repeat a mistake. Mastery credits only the services of decisions the learner made.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from scenario_tui.analysis.scoring import analyse
from scenario_tui.format import loader, syllabus
from scenario_tui.format.model import Scenario
from scenario_tui.play import engine
from scenario_tui.play.session import Session
from scenario_tui.progress import class_report, sqlite_schema, stats, transfer
from scenario_tui.progress import store as progress_store
from scenario_tui.progress.journal import PendingSave
from scenario_tui.progress.kinds import ATTEMPT, REPLAY, REVIEW, WHAT_IF

T0 = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def tiny(tiny_path: Path) -> Scenario:
    scenario, _ = loader.load_file(tiny_path)
    assert scenario is not None
    return scenario


def played(scenario: Scenario, picks: list[int]) -> engine.Play:
    play = engine.start(scenario)
    for pick in picks:
        play = play.choose(scenario, pick)
    return play


def record(scenario: Scenario, play: engine.Play, minutes: int) -> progress_store.PlayRecord:
    return progress_store.PlayRecord(
        scenario.id, progress_store.content_hash(scenario), play.mode,
        tuple((c.source, c.index) for c in play.choices), play.score,
        analyse(scenario).best_score, 1.0, (T0 + dt.timedelta(minutes=minutes)).isoformat(),
        play.kind)


def test_a_play_knows_what_kind_of_run_it_is(tiny: Scenario) -> None:
    first = played(tiny, [1, 0, 1])
    assert first.kind == ATTEMPT and first.kept == 0
    replay = first.rewind(2)
    assert (replay.kind, replay.kept, len(replay.choices)) == (REPLAY, 2, 2)
    assert first.rewind(0).kind == REPLAY                  # "Replay from… 1": not counted
    assert engine.start(tiny).kind == ATTEMPT
    moved = engine.what_if(tiny, first, tiny.choices("second")[0])
    assert (moved.kind, moved.kept) == (WHAT_IF, 2)
    elsewhere = engine.what_if(tiny, played(tiny, [0]), tiny.choices("idle-bill")[0])
    assert elsewhere.kind == WHAT_IF and elsewhere.origin == "idle-bill"
    assert engine.start(tiny, kind=REVIEW).kind == REVIEW
    assert replay.choose(tiny, 0).undo().undo().kept == 1  # taken back below the kept ones
    with pytest.raises(engine.PlayError):
        engine.start(tiny, kind="guess")


def test_only_attempts_count_towards_scores_and_mistakes(tiny: Scenario) -> None:
    """A learner scores 25 %, then replays from the last decision to 100 % and asks "what
    if" once: one attempt, best 25 %, the replay's carried-over mistakes not counted again."""
    first = played(tiny, [1, 0, 1])                           # EC2, move to Lambda, /tmp
    replay = first.rewind(2).choose(tiny, 0)                   # ... then S3
    what_if = engine.what_if(tiny, first, tiny.choices("first")[0]).choose(tiny, 0)
    records = [record(tiny, first, 0), record(tiny, replay, 1), record(tiny, what_if, 2)]
    summary = stats.summaries(records, {tiny.id: tiny})[tiny.id]
    assert (summary.attempts, summary.best_percent, summary.history) == (1, 25, (25,))
    assert summary.exploring == ((REPLAY, 1), (WHAT_IF, 1))
    assert summary.last_played == records[-1].finished_at
    assert stats.mistakes(records, {tiny.id: tiny}) == [
        ("always-on-for-events", 1), ("lambda-tmp-is-durable", 1)]
    assert stats.best_attempts(records, {tiny.id: tiny})[tiny.id][0] == 25


def test_only_exploring_leaves_no_best(tiny: Scenario) -> None:
    replay = played(tiny, [0, 0]).rewind(1).choose(tiny, 0)
    summary = stats.summaries([record(tiny, replay, 0)], {tiny.id: tiny})[tiny.id]
    assert (summary.attempts, summary.best_percent, summary.exploring) == (0, None,
                                                                            ((REPLAY, 1),))


def test_the_session_stores_the_kind_and_rates_only_attempts(
        data_dir: Path, tiny_path: Path, tiny: Scenario) -> None:
    """A replay's new choices are exploring too: the learner has just seen the debrief, so
    they reschedule no card (as they repeat no mistake)."""
    session = Session.create([tiny_path.parent], data_dir, with_bundled=False,
                             wall_clock=lambda: T0.isoformat())
    scenario = session.scenario("tiny")
    first = played(scenario, [1, 0, 1])
    session.record(scenario, first, analyse(scenario).best_score, 1.0)
    cards_before = sorted(session.store.review_cards())
    session.wall_clock = lambda: (T0 + dt.timedelta(days=3)).isoformat()
    session.record(scenario, first.rewind(2).choose(scenario, 0), 4, 1.0)
    assert [p.kind for p in session.store.plays()] == [ATTEMPT, REPLAY]
    assert sorted(session.store.review_cards()) == cards_before
    assert session.progress().summaries["tiny"].attempts == 1


def test_a_what_if_or_a_replay_makes_no_review_card(data_dir: Path, tiny_path: Path) -> None:
    """Right first time, then "what if" the wrong choice at the start, and a replay into a
    mistake: no card is due, as no decision was got wrong in an attempt."""
    session = Session.create([tiny_path.parent], data_dir, with_bundled=False,
                             wall_clock=lambda: T0.isoformat())
    scenario = session.scenario("tiny")
    right = played(scenario, [0, 0])
    session.record(scenario, right, 4, 1.0)
    assert session.store.review_cards() == []
    what_if = engine.what_if(scenario, right, scenario.choices("first")[1])
    session.record(scenario, what_if.choose(scenario, 0).choose(scenario, 1), 4, 1.0)
    session.record(scenario, right.rewind(1).choose(scenario, 1), 4, 1.0)
    assert [p.kind for p in session.store.plays()] == [ATTEMPT, WHAT_IF, REPLAY]
    assert session.store.review_cards() == []
    assert session.reviews().due == ()


def test_a_timed_out_decision_is_no_mistaken_belief(tiny: Scenario) -> None:
    """Time ran out at the first decision (scored as its worst choice, the laptop); the
    learner then chose /tmp. Only /tmp is a belief they showed."""
    play = engine.start(tiny).time_out(tiny).choose(tiny, 0).choose(tiny, 1)
    assert play.timed_out == (0,) and play.choices[0].misconception == "laptop-is-a-server"
    timed = replace(record(tiny, play, 0), timed_out=play.timed_out)
    assert stats.mistakes([timed], {tiny.id: tiny}) == [("lambda-tmp-is-durable", 1)]
    assert stats.mistake_scenarios([timed], {tiny.id: tiny}) == {
        "lambda-tmp-is-durable": ("tiny",)}


def test_a_timed_out_decision_still_comes_back_for_review(
        data_dir: Path, tiny_path: Path) -> None:
    """No answer in time is no right answer: the decision is reviewed ("a decision you did
    not get right before" stays true)."""
    session = Session.create([tiny_path.parent], data_dir, with_bundled=False,
                             wall_clock=lambda: T0.isoformat())
    scenario = session.scenario("tiny")
    play = engine.start(scenario).time_out(scenario).choose(scenario, 0).choose(scenario, 0)
    session.record(scenario, play, 4, 1.0)
    assert [node for _, node, _, _ in session.store.review_cards()] == ["first"]


SCHEMA_V1 = (Path(__file__).parent / "test_saving.py").read_text(encoding="utf-8").split(
    'SCHEMA_V1 = """', 1)[1].split('"""', 1)[0]


def test_a_version_1_store_reads_its_plays_as_attempts(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / progress_store.DB_NAME) as db:
        db.executescript(SCHEMA_V1)
        db.execute("INSERT INTO plays VALUES (1, 'u', 's', 'h', 'exam', '[[\"a\", 0]]', 1, 2, "
                   "3.0, 't')")
    db.close()
    store = progress_store.open_store(tmp_path)
    assert [p.kind for p in store.plays()] == [ATTEMPT]
    assert store._connection.execute("PRAGMA user_version").fetchone()[0] == \
        sqlite_schema.SCHEMA_VERSION
    later = progress_store.PlayRecord("s", "h", "exam", (("a", 1),), 1, 2, 3.0, "u", REPLAY)
    assert store.record(later)
    assert [p.kind for p in store.plays()] == [ATTEMPT, REPLAY]


def test_exports_carry_the_kind_and_old_exports_import_as_attempts(
        tmp_path: Path, tiny: Scenario) -> None:
    store = progress_store.open_store(tmp_path / "a")
    replay = played(tiny, [0, 0]).rewind(1).choose(tiny, 0)
    store.record(record(tiny, replay, 0))
    exported = json.loads(transfer.export_json(store))
    assert exported["plays"][0]["kind"] == REPLAY
    assert "kind" in transfer.export_csv(store).splitlines()[0].split(",")

    old = {**exported["plays"][0]}
    del old["kind"]
    bad = {**exported["plays"][0], "kind": "cheat", "finished_at": "2026-11-27T00:00:00+00:00"}
    path = tmp_path / "old.json"
    path.write_text(json.dumps({**exported, "plays": [old, bad]}), encoding="utf-8")
    contents = transfer.read(path)
    assert [p.kind for p in contents.plays] == [ATTEMPT]
    assert [r.reason for r in contents.rejected] == [
        "kind 'cheat' is not one of attempt, replay, what-if, review"]

    csv_path = tmp_path / "old.csv"
    rows = list(csv.reader(io.StringIO(transfer.export_csv(store))))
    at = rows[0].index("kind")  # an older export has no kind column
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(row[:at] + row[at + 1:] for row in rows)
    csv_path.write_text(out.getvalue(), encoding="utf-8")
    assert [p.kind for p in transfer.read(csv_path).plays] == [ATTEMPT]

    other = progress_store.open_store(tmp_path / "b")
    path.write_text(json.dumps(exported), encoding="utf-8")
    transfer.import_file(other, path)
    assert [p.kind for p in other.plays()] == [REPLAY]


def test_the_journal_keeps_the_kind(tiny: Scenario) -> None:
    replay = played(tiny, [0, 0]).rewind(1).choose(tiny, 0)
    save = PendingSave("tiny", record(tiny, replay, 0), (), T0.isoformat())
    back = PendingSave.from_json(save.to_json())
    assert back is not None and back.record is not None and back.record.kind == REPLAY
    old = json.loads(save.to_json())
    del old["play"]["kind"]
    back = PendingSave.from_json(json.dumps(old))
    assert back is not None and back.record is not None and back.record.kind == ATTEMPT


DISTRACTORS = """\
id: pick-a-database
title: Pick a database
situation: A store for sessions.
difficulty: beginner
domain: development
services: [dynamodb, route53, emr]
sources: [https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Introduction.html]
verified: 2026-11-26
nodes:
  start:
    text: Sessions need a key-value store with single-digit-millisecond reads.
    choices:
      - label: Use DynamoDB
        to: good
        points: 2
        why: A key-value store that scales.
      - label: Put the sessions in Route 53 TXT records
        to: bad
        points: 0
        why: DNS is not a database.
      - label: Run an EMR cluster
        to: bad
        points: 0
        why: EMR is for big data processing.
  good:
    end: success
    text: Fast sessions.
  bad:
    end: failure
    text: Slow sessions.
"""


def test_mastery_credits_only_services_of_decisions_made(tiny: Scenario) -> None:
    scenario, problems = loader.load_text(DISTRACTORS, "pick-a-database.yaml")
    assert scenario is not None, problems
    perfect = played(scenario, [0])
    scenarios = {scenario.id: scenario, tiny.id: tiny}
    best = stats.best_attempts([record(scenario, perfect, 0)], scenarios)
    names = {"dynamodb": "Amazon DynamoDB", "route53": "Amazon Route 53", "emr": "Amazon EMR"}
    services = stats.mastery_by_service(best, scenarios, names)
    assert [(m.name, m.percent) for m in services] == [("dynamodb", 100)]  # no Route 53, EMR
    # choosing the distractor makes the decision about it, and scores it honestly
    wrong = stats.best_attempts([record(scenario, played(scenario, [1]), 0)], scenarios)
    assert [(m.name, m.percent) for m in stats.mastery_by_service(wrong, scenarios, names)] \
        == [("dynamodb", 0), ("route53", 0)]
    # the unplayed tiny scenario's topic is not met: it neither counts nor scores 0 %
    scenario.covers, tiny.covers = ("T080",), ("T008",)
    topics = syllabus.bundled()[0]
    development = stats.mastery_by_domain(best, scenarios, topics)[0]
    assert (development.percent, development.counted) == (100, 1)
    assert stats.mastery_by_domain({}, scenarios, topics)[0].percent is None


def test_the_class_report_counts_a_time_out_as_a_miss_not_a_belief(tiny: Scenario) -> None:
    """The instructor's list of beliefs leaves out what a time-out was scored as, as the
    learner's statistics do; the decision still counts as missed."""
    play = engine.start(tiny).time_out(tiny).choose(tiny, 0).choose(tiny, 1)
    timed = replace(record(tiny, play, 0), timed_out=play.timed_out)
    data = class_report.ClassData("c", "Class", (("r1", "Ana"),), (("r1", timed),), ())
    report = class_report.build(data, {tiny.id: tiny}, {}, "2030-01-01T00:00:00+00:00")
    assert [row.tag for row in report.beliefs] == ["lambda-tmp-is-durable"]
    assert ("tiny", "first") in [(row.scenario_id, row.node) for row in report.missed]
