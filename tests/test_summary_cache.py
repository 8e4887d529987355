"""The catalogue's cached progress summaries: the same numbers as re-scoring every play, and
never trusted when they may not fit the store (progress.summary_cache)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import shutil
from pathlib import Path

import pytest

from scenario_tui.play import library
from scenario_tui.play.session import Session
from scenario_tui.progress import stats, transfer
from scenario_tui.progress.kinds import ATTEMPT, KINDS
from scenario_tui.progress.store import DB_NAME, PlayRecord, content_hash, open_store
from scenario_tui.progress.summary import ScenarioSummary
from scenario_tui.progress.summary_cache import SUMMARY_CACHE_NAME

T0 = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)
FIXTURES = Path(__file__).parent / "fixtures" / "valid"
EDITS = [
    [],                                                             # as shipped
    [("points: 2\n        why: Lambda", "points: 1\n        why: Lambda")],  # re-scored
    [("      - label: The function's /tmp folder\n        to: lost\n        points: 0\n"
      "        why: /tmp is ephemeral storage that disappears with the execution environment.\n"
      "        misconception: lambda-tmp-is-durable\n", "")],      # some paths no longer fit
]


def write_library(folder: Path, version: int) -> None:
    """tiny and a copy of it (`twin`), both at `version` of `EDITS`."""
    folder.mkdir(exist_ok=True)
    shutil.copy(FIXTURES / "misconceptions.yaml", folder / "misconceptions.yaml")
    text = (FIXTURES / "tiny.yaml").read_text(encoding="utf-8")
    for old, new in EDITS[version]:
        assert old in text
        text = text.replace(old, new)
    (folder / "tiny.yaml").write_text(text, encoding="utf-8")
    (folder / "twin.yaml").write_text(text.replace("id: tiny", "id: twin"), encoding="utf-8")


def session(folder: Path, data: Path) -> Session:
    """A new start of the app on `folder`."""
    started = Session.create([folder], data, with_bundled=False)
    started.scan()
    return started


def expected(started: Session) -> dict[str, ScenarioSummary]:
    """What re-scoring every stored play gives, without the history the cache leaves out."""
    records = started.store.plays()
    played = started.loaded(r.scenario_id for r in records)
    return {key: dataclasses.replace(summary, history=())
            for key, summary in stats.summaries(records, played).items()}


def random_play(started: Session, rng: random.Random, minute: int) -> PlayRecord:
    """A play of tiny, twin or a scenario no longer in the library, of any kind, on today's
    version (or, now and then, with a path that never fitted)."""
    scenario_id = rng.choice(["tiny", "tiny", "twin", "gone"])
    path: list[tuple[str, int]] = []
    digest = "0" * 16
    if scenario_id != "gone":
        scenario = started.scenario(scenario_id)
        digest = content_hash(scenario)
        node = scenario.start
        while not scenario.is_ending(node):
            index = rng.randrange(len(scenario.choices(node)))
            path.append((node, index))
            node = scenario.choices(node)[index].target
    if rng.random() < 0.1:
        path.append(("nowhere", 0))
    kind = ATTEMPT if rng.random() < 0.6 else rng.choice(KINDS)
    finished = T0 + dt.timedelta(minutes=rng.randrange(10_000), seconds=minute)
    return PlayRecord(scenario_id, digest, "practice", tuple(path), 0, 4, 1.0,
                      finished.isoformat(), kind)


@pytest.mark.parametrize("seed", range(6))
def test_the_same_numbers_as_re_scoring_every_play(tmp_path: Path, data_dir: Path,
                                                   seed: int) -> None:
    """Random plays of every kind, stored by this instance and by others, in batches, with
    the scenarios edited between starts: the cached summaries always equal re-scoring."""
    rng = random.Random(seed)
    folder = tmp_path / "library"
    write_library(folder, 0)
    current = session(folder, data_dir)
    other = session(folder, data_dir)
    minute = 0
    for _ in range(12):
        action = rng.random()
        if action < 0.2:                     # edit the library; the app starts again
            write_library(folder, rng.randrange(len(EDITS)))
            current.close()
            other.close()
            current, other = session(folder, data_dir), session(folder, data_dir)
        else:                                # plays, by this instance or another one
            writer = current if action < 0.6 else other
            for _ in range(rng.randrange(1, 6)):
                minute += 1
                writer.store.record(random_play(writer, rng, minute))
        assert current.progress().summaries == expected(current)


def test_a_current_cache_loads_and_scores_no_scenario(tmp_path: Path, data_dir: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "library"
    write_library(folder, 0)
    first = session(folder, data_dir)
    rng = random.Random(1)
    for minute in range(30):
        first.store.record(random_play(first, rng, minute))
    wanted = expected(first)
    assert first.progress().summaries == wanted
    first.close()

    def no_loading(path: str) -> None:
        raise AssertionError(f"{path} was loaded")

    monkeypatch.setattr(library, "check_file", no_loading)
    assert session(folder, data_dir).progress().summaries == wanted


@pytest.mark.parametrize("damage", [
    "not json", "", "[]", "{\"version\": 99}", "{\"version\": 1}",
    "TRUNCATE", "attempts: true", "count: -5 and a string", "exploring: [1]",
])
def test_a_damaged_cache_is_rebuilt(tmp_path: Path, data_dir: Path, damage: str) -> None:
    folder = tmp_path / "library"
    write_library(folder, 0)
    first = session(folder, data_dir)
    rng = random.Random(2)
    for minute in range(20):
        first.store.record(random_play(first, rng, minute))
    wanted = expected(first)
    assert first.progress().summaries == wanted
    first.close()
    cache = data_dir / "cache" / SUMMARY_CACHE_NAME
    text = cache.read_text(encoding="utf-8")
    data = json.loads(text)
    tally = next(iter(data["scenarios"].values()))
    if damage == "TRUNCATE":
        text = text[: len(text) // 2]
    elif damage == "attempts: true":
        tally["attempts"] = True
        text = json.dumps(data)
    elif damage == "count: -5 and a string":
        data["count"] = "5"
        text = json.dumps(data)
    elif damage == "exploring: [1]":
        tally["exploring"] = [1]
        text = json.dumps(data)
    else:
        text = damage
    cache.write_text(text, encoding="utf-8")
    assert session(folder, data_dir).progress().summaries == wanted
    assert json.loads(cache.read_text(encoding="utf-8"))["count"] == data["count"] \
        or damage == "count: -5 and a string"


def test_another_writers_play_shows(tmp_path: Path, data_dir: Path) -> None:
    folder = tmp_path / "library"
    write_library(folder, 0)
    mine, theirs = session(folder, data_dir), session(folder, data_dir)
    rng = random.Random(3)
    mine.store.record(random_play(mine, rng, 0))
    before = mine.progress().summaries
    play = dataclasses.replace(random_play(theirs, rng, 1), scenario_id="twin", kind=ATTEMPT)
    assert theirs.store.record(play)
    after = mine.progress().summaries
    assert after["twin"].attempts == before.get("twin", ScenarioSummary(None, 0, "")).attempts + 1
    assert after == expected(mine)


def test_an_import_shows(tmp_path: Path, data_dir: Path) -> None:
    folder = tmp_path / "library"
    write_library(folder, 0)
    mine = session(folder, data_dir)
    rng = random.Random(4)
    for minute in range(5):
        mine.store.record(random_play(mine, rng, minute))
    mine.progress()
    elsewhere = session(folder, tmp_path / "elsewhere")
    for minute in range(5, 15):
        elsewhere.store.record(random_play(elsewhere, rng, minute))
    exported = tmp_path / "export.json"
    exported.write_text(transfer.export_json(elsewhere.store), encoding="utf-8")
    assert transfer.import_file(mine.store, exported).added
    assert mine.progress().summaries == expected(mine)
    assert sum(s.attempts + sum(n for _, n in s.exploring)
               for s in mine.progress().summaries.values()) == len(mine.store.plays())


def test_a_replaced_store_is_never_summed_from_the_cache(tmp_path: Path, data_dir: Path
                                                         ) -> None:
    """A store started afresh with as many plays as the old one (the same count and highest
    row, perhaps the same inode) is summed again from its own rows."""
    folder = tmp_path / "library"
    write_library(folder, 0)
    first = session(folder, data_dir)
    scenario = first.scenario("tiny")
    best = PlayRecord("tiny", content_hash(scenario), "practice",
                      (("first", 0), ("second", 0)), 4, 4, 1.0, T0.isoformat())
    first.store.record(best)
    assert first.progress().summaries["tiny"].best_percent == 100
    first.close()
    for leftover in data_dir.glob(f"{DB_NAME}*"):
        leftover.unlink()
    store = open_store(data_dir)
    store.record(dataclasses.replace(best, path=(("first", 2), ("idle-bill", 1)),
                                     finished_at=(T0 + dt.timedelta(hours=1)).isoformat()))
    store.close()
    again = session(folder, data_dir)
    assert again.progress().summaries == expected(again)
    assert again.progress().summaries["tiny"].best_percent == 0
