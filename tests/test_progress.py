"""The progress store: recording, best scores, review scheduling, transfer, and reliability."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from scenario_tui.analysis.scoring import analyse
from scenario_tui.cli import main
from scenario_tui.format import loader, syllabus
from scenario_tui.format.model import Scenario
from scenario_tui.play import engine
from scenario_tui.play.modes import PRACTICE
from scenario_tui.progress import review_schedule as review
from scenario_tui.progress import stats, transfer
from scenario_tui.progress import store as progress_store
from scenario_tui.progress.backends import Store

T0 = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def tiny(tiny_path: Path) -> Scenario:
    scenario, _ = loader.load_file(tiny_path)
    assert scenario is not None
    return scenario


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[Store]:
    """Each test that only records and reads runs on both backends: this machine's SQLite
    file, and a learner's own rows in a real PostgreSQL class store."""
    if request.param == "sqlite":
        opened: Store = progress_store.open_store(data_dir, clock=lambda: T0.isoformat())
    else:
        from scenario_tui.progress.pg_store import PgStore

        opened = PgStore(request.getfixturevalue("learner_url"), lambda: T0.isoformat())
    yield opened
    opened.close()


@pytest.fixture
def local_store(data_dir: Path) -> progress_store.ProgressStore:
    """This machine's store, for what only a file has (a path, a CLI over the data dir)."""
    return progress_store.open_store(data_dir, clock=lambda: T0.isoformat())


def _record(scenario: Scenario, picks: list[int], when: dt.datetime = T0,
            mode: str = PRACTICE) -> progress_store.PlayRecord:
    play = engine.start(scenario, mode)
    for pick in picks:
        play = play.choose(scenario, pick)
    return progress_store.PlayRecord(
        scenario.id, progress_store.content_hash(scenario), mode,
        tuple((c.source, c.index) for c in play.choices), play.score,
        analyse(scenario).best_score, 42.0, when.isoformat())


def test_records_best_score_attempts_and_history(store: Store,
                                                 tiny: Scenario) -> None:
    first = _record(tiny, [1, 0, 1])                                # 0 + 1 + 0 = 1 of 4
    second = _record(tiny, [0, 0], T0 + dt.timedelta(hours=1))      # 4 of 4
    assert store.record(first) and store.record(second)
    assert not store.record(first)                                 # idempotent
    summary = stats.summaries(store.plays(), {tiny.id: tiny})[tiny.id]
    assert summary.best_percent == 100 and summary.attempts == 2
    assert summary.history == (25, 100) and summary.stale == 0
    assert summary.last_played == (T0 + dt.timedelta(hours=1)).isoformat()


def test_harmless_edit_keeps_progress_structural_edit_makes_it_stale(
        store: Store, tiny: Scenario, tiny_path: Path) -> None:
    store.record(_record(tiny, [0, 0]))
    reworded, _ = loader.load_text(tiny_path.read_text().replace(
        "S3 stores objects durably", "S3 keeps objects durably"), "tiny.yaml")
    assert reworded is not None
    assert progress_store.content_hash(reworded) != progress_store.content_hash(tiny)
    assert stats.summaries(store.plays(), {"tiny": reworded})["tiny"].best_percent == 100
    rescored, _ = loader.load_text(tiny_path.read_text().replace(
        "points: 0\n        why: /tmp", "points: 3\n        why: /tmp"), "tiny.yaml")
    assert rescored is not None
    summary = stats.summaries(store.plays(), {"tiny": rescored})["tiny"]
    assert summary.best_percent == 80 and summary.stale == 0   # same path, re-scored today
    shrunk, _ = loader.load_text(tiny_path.read_text().replace(
        "      - label: The function's /tmp folder", "      - label: Nowhere"), "tiny.yaml")
    assert shrunk is not None
    removed = progress_store.PlayRecord("tiny", "x", "exam", (("first", 0), ("second", 7)), 2, 4, 1,
                                  T0.isoformat())
    assert stats.replay(removed, shrunk) is None


def test_mastery_and_mistakes(store: Store, tiny: Scenario) -> None:
    store.record(_record(tiny, [1, 1]))      # EC2 (always-on), keep paying: partial
    store.record(_record(tiny, [2, 0, 1]))   # laptop, then /tmp
    scenarios = {tiny.id: tiny}
    best = stats.best_attempts(store.plays(), scenarios)
    assert [(m.name, m.percent) for m in stats.mastery_by_service(best, scenarios, {})] == [
        ("lambda", 0), ("s3", 0)]
    tiny.covers = ("T008", "T026")  # a development topic and a security one
    topics = syllabus.bundled()[0]
    assert [(m.name, m.percent, m.counted) for m in stats.mastery_by_domain(
        best, scenarios, topics)] == [("Development with AWS Services", 0, 1),
                                      ("Security", 0, 1), ("Deployment", None, 0),
                                      ("Troubleshooting and Optimization", None, 0)]
    assert stats.mistakes(store.plays(), scenarios) == [
        ("always-on-for-events", 1), ("lambda-tmp-is-durable", 1), ("laptop-is-a-server", 1)]


def test_review_schedule_with_a_fixed_clock(store: Store,
                                            tiny: Scenario) -> None:
    play = engine.start(tiny).choose(tiny, 1).choose(tiny, 0).choose(tiny, 1)
    review.record_choices(store, tiny, play.choices, T0)

    def due_by(moment: dt.datetime) -> list[str]:
        return [i.node for i in review.scheduled(store, {tiny.id: tiny})
                if i.due <= moment.isoformat()]

    assert due_by(T0) == []
    tomorrow = T0 + dt.timedelta(days=1)
    assert due_by(tomorrow) == ["first", "second"]
    # answering the first one right in review pushes it out; the second stays due
    review.record_choices(store, tiny, tiny.choices("first")[:1], tomorrow)
    assert due_by(tomorrow + dt.timedelta(hours=1)) == ["second"]
    due = {n: d for _, n, _, d in store.review_cards()}
    assert due["first"] >= (tomorrow + dt.timedelta(days=2)).isoformat()


def test_export_import_round_trip_and_merge(store: Store, tiny: Scenario,
                                            tmp_path: Path) -> None:
    store.record(_record(tiny, [0, 0]))
    store.record(_record(tiny, [1, 1], T0 + dt.timedelta(days=1)))
    review.record_choices(store, tiny, tiny.choices("first")[1:2], T0)
    for fmt, export in (("json", transfer.export_json),
                        ("csv", transfer.export_csv)):
        path = tmp_path / f"export.{fmt}"
        path.write_text(export(store))
        other = progress_store.open_store(tmp_path / f"other-{fmt}")
        other.record(_record(tiny, [2, 0, 0], T0 + dt.timedelta(days=2)))
        first, again = transfer.import_file(other, path), transfer.import_file(other, path)
        assert (first.added, first.present, first.rejected) == (2, 0, ())
        assert (again.added, again.present) == (0, 2)   # no duplicates
        assert len(other.plays()) == 3
        assert {p.uid for p in store.plays()} <= {p.uid for p in other.plays()}
        assert len(other.review_cards()) == (1 if fmt == "json" else 0)


def test_progress_cli_export_and_import(local_store: progress_store.ProgressStore,
                                        tiny: Scenario, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    store = local_store
    store.record(_record(tiny, [0, 0]))
    data = str(store.path.parent)
    assert main(["--data-dir", data, "progress", "export", "--format", "json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["format"] == "scenario-tui-progress" and len(exported["plays"]) == 1
    out = tmp_path / "p.csv"
    assert main(["--data-dir", data, "progress", "export", "--format", "csv", "-o",
                 str(out)]) == 0
    fresh = str(tmp_path / "fresh")
    assert main(["--data-dir", fresh, "progress", "import", str(out)]) == 0
    assert "imported 1 play-through(s); 0 were already here" in capsys.readouterr().out
    junk = tmp_path / "junk.json"
    junk.write_text('{"hello": 1}')
    assert main(["--data-dir", fresh, "progress", "import", str(junk)]) == 1
    assert "not a scenario-tui progress export" in capsys.readouterr().err


@pytest.mark.parametrize("content", [b"this is not sqlite" * 50, "foreign"])
def test_corrupt_or_foreign_file_is_moved_aside(tmp_path: Path, content: bytes | str) -> None:
    path = tmp_path / progress_store.DB_NAME
    if content == "foreign":
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE invoices (id INTEGER)")
    else:
        path.write_bytes(content)  # type: ignore[arg-type]
    store = progress_store.open_store(tmp_path)
    assert "moved to" in store.notice and "fresh one was started" in store.notice
    assert list(tmp_path.glob(f"{progress_store.DB_NAME}.corrupt-*"))
    assert store.plays() == []


_WRITER = """
import sys, datetime as dt
from scenario_tui.progress import store as progress_store
from scenario_tui.progress.backends import Store
store = progress_store.open_store(sys.argv[1])
tag, count = sys.argv[2], int(sys.argv[3])
i = 0
while count < 0 or i < count:
    store.record(progress_store.PlayRecord(
        "w", "h", "exam", (("a", i % 3), ("b", 0)), i % 5, 4, 1.0, f"{tag}-{i:08d}"))
    i += 1
    if i == 1:
        print("started", flush=True)
"""


def test_two_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, str(tmp_path), tag, "150"],
                              stdout=subprocess.DEVNULL) for tag in ("one", "two")]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    store = progress_store.open_store(tmp_path)
    plays = store.plays()
    assert len(plays) == 300
    assert {p.finished_at.split("-")[0] for p in plays} == {"one", "two"}


def test_kill_9_mid_write_leaves_an_intact_database(tmp_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(tmp_path), "k", "-1"],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "started"
    db_path = tmp_path / progress_store.DB_NAME
    deadline = time.monotonic() + 30
    seen = 0
    while seen < 200 and time.monotonic() < deadline:   # let it write a while, then kill
        with sqlite3.connect(db_path, timeout=10) as db:
            seen = db.execute("SELECT COUNT(*) FROM plays").fetchone()[0]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    with sqlite3.connect(db_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store = progress_store.open_store(tmp_path)
    assert store.notice == ""
    plays = store.plays()
    assert len(plays) >= seen >= 200
    assert all(p.path[1] == ("b", 0) and p.best == 4 for p in plays)


def test_mistake_scenarios_name_where_each_misconception_showed(
        store: Store, tiny: Scenario) -> None:
    store.record(_record(tiny, [1, 1]))
    store.record(_record(tiny, [2, 0, 1], T0 + dt.timedelta(hours=1)))
    scenarios = {tiny.id: tiny}
    seen = stats.mistake_scenarios(store.plays(), scenarios)
    assert set(seen) == {tag for tag, _ in stats.mistakes(store.plays(), scenarios)}
    assert seen["laptop-is-a-server"] == ("tiny",)


def test_scheduled_lists_every_reviewable_card_soonest_first(
        store: Store, tiny: Scenario) -> None:
    play = engine.start(tiny).choose(tiny, 1).choose(tiny, 0).choose(tiny, 1)
    review.record_choices(store, tiny, play.choices, T0)
    store.save_review_card("gone", "node", "{}", T0.isoformat())
    items = review.scheduled(store, {tiny.id: tiny})
    assert [(i.scenario_id, i.node) for i in items] == [("tiny", "first"), ("tiny", "second")]


def _traced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every SQL statement the store runs from now on."""
    statements: list[str] = []
    connect = sqlite3.connect

    def traced(*args: object, **kwargs: object) -> sqlite3.Connection:
        connection = connect(*args, **kwargs)  # type: ignore[arg-type]
        connection.set_trace_callback(statements.append)
        return connection

    monkeypatch.setattr(progress_store.sqlite3, "connect", traced)
    return statements


def test_a_file_as_this_app_left_it_is_not_read_whole_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The quick check reads the whole file: at a start after this app's own last write it
    is skipped (a large store keeps a fast start), and it runs again once anyone else has
    touched the file."""
    store = progress_store.open_store(tmp_path)
    store.set_setting("theme", "nord")
    store.close()
    statements = _traced(monkeypatch)
    again = progress_store.open_store(tmp_path)
    assert again.setting("theme") == "nord"
    assert not [s for s in statements if "quick_check" in s]
    again.close()
    with sqlite3.connect(tmp_path / progress_store.DB_NAME) as other:  # another program
        other.execute("INSERT INTO settings VALUES ('other', 'x')")
    progress_store.open_store(tmp_path).close()
    assert [s for s in statements if "quick_check" in s]


def test_damage_after_a_clean_close_is_still_found(tmp_path: Path) -> None:
    store = progress_store.open_store(tmp_path)
    store.record_many([progress_store.PlayRecord("tiny", "0" * 16, "exam", (("first", 0),), 1,
                                                 4, 1.0, f"2026-01-01T00:00:{i:02d}+00:00")
                       for i in range(60)])
    store.close()
    path = tmp_path / progress_store.DB_NAME
    data = bytearray(path.read_bytes())
    data[len(data) // 2:len(data) // 2 + 512] = b"\xff" * 512  # a page in the middle
    path.write_bytes(bytes(data))
    damaged = progress_store.open_store(tmp_path)
    assert "moved to" in damaged.notice
    assert list(tmp_path.glob(f"{progress_store.DB_NAME}.corrupt-*"))
