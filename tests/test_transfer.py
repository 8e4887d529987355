"""Progress imports are untrusted input: every record is checked, a bad one is named and left
out while the good ones land, caps keep a huge file out, and nothing stored reaches the
terminal raw. A bad review card already in the store never crashes scheduling."""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from scenario_tui.cli import main
from scenario_tui.format import loader
from scenario_tui.format.model import Scenario
from scenario_tui.play import engine
from scenario_tui.play.catalog import CatalogEntry
from scenario_tui.play.modes import EXAM, PRACTICE
from scenario_tui.play.session import Session
from scenario_tui.progress import review_schedule as review
from scenario_tui.progress import store as progress_store
from scenario_tui.progress import transfer
from scenario_tui.progress.backends import Store
from scenario_tui.progress.stats import ScenarioSummary
from scenario_tui.progress.store_errors import WriteFailed
from scenario_tui.ui.dates import local_day
from scenario_tui.ui.widgets.scenario_list import prompt

T0 = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)
TITLE_ESCAPE = "\x1b]0;pwned\x07"


@pytest.fixture
def tiny(tiny_path: Path) -> Scenario:
    scenario, _ = loader.load_file(tiny_path)
    assert scenario is not None
    return scenario


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[Store]:
    """Imports and exports run on both backends: this machine's file, and a learner's own
    rows in a real PostgreSQL class store."""
    if request.param == "sqlite":
        opened: Store = progress_store.open_store(data_dir)
    else:
        from scenario_tui.progress.pg_store import PgStore

        opened = PgStore(request.getfixturevalue("learner_url"))
    yield opened
    opened.close()


@pytest.fixture
def export(tiny: Scenario, tmp_path: Path) -> dict[str, Any]:
    """A real JSON export: two plays of `tiny` and one review card."""
    source = progress_store.open_store(tmp_path / "source")
    for day, picks in enumerate(([0, 0], [1, 1])):
        play = engine.start(tiny, PRACTICE)
        for pick in picks:
            play = play.choose(tiny, pick)
        source.record(progress_store.PlayRecord(
            tiny.id, progress_store.content_hash(tiny), PRACTICE,
            tuple((c.source, c.index) for c in play.choices), play.score, 4, 42.0,
            (T0 + dt.timedelta(days=day)).isoformat()))
    review.record_choices(source, tiny, tiny.choices("first")[1:2], T0)
    data: dict[str, Any] = json.loads(transfer.export_json(source))
    source.close()
    return data


def _write(tmp_path: Path, data: dict[str, Any] | str, name: str = "in.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_the_modes_an_import_takes_are_the_play_modes() -> None:
    assert set(transfer.MODES) == {PRACTICE, EXAM}


@pytest.mark.parametrize(("field", "value", "reason"), [
    ("scenario_id", "../../etc", "scenario_id '../../etc' is not a scenario id"),
    ("scenario_id", "Tiny Scenario", "is not a scenario id"),
    ("scenario_id", "tiny\n", "is not a scenario id"),
    ("scenario_id", "a" * 201, "at most 200 characters"),
    ("scenario_id", 7, "scenario_id 7 is not a scenario id"),
    ("content_hash", "not-hex", "content_hash 'not-hex' is not a hex digest"),
    ("mode", "speedrun", "mode 'speedrun' is not practice or exam"),
    ("path", None, "path None is not a list"),
    ("path", [["first", -1]], "path step 1: choice index -1 is not a whole number"),
    ("path", [["first", True]], "choice index True"),
    ("path", [["first"]], "path step 1 ['first'] is not [node, choice index]"),
    ("path", [["\x1b[2J", 0]], "is not a node id in path step 1"),
    ("path", [["first", 0]] * 10_001, "path has 10,001 steps; at most 10,000"),
    ("score", 10**30, "score 1000000000000000000000000000000 is not a whole number"),
    ("score", 2.5, "score 2.5 is not a whole number"),
    ("best", True, "best True is not a whole number"),
    ("duration", -1, "duration -1 is not a number of seconds"),
    ("duration", "soon", "duration 'soon' is not a number of seconds"),
    ("finished_at", "yesterday", "finished_at 'yesterday' is not an ISO date and time"),
    ("finished_at", TITLE_ESCAPE, "finished_at '\\x1b]0;pwned\\x07' is not an ISO date"),
])
def test_a_bad_field_rejects_its_play_with_the_reason(
        store: Store, export: dict[str, Any], tmp_path: Path,
        field: str, value: object, reason: str) -> None:
    export["plays"][1][field] = value
    report = transfer.import_file(store, _write(tmp_path, export))
    assert (report.added, report.present) == (1, 0)
    assert [r.where for r in report.rejected] == ["play 2"]
    assert reason in report.rejected[0].reason
    assert len(store.plays()) == 1


@pytest.mark.parametrize(("literal", "shown"), [("1e400", "inf"), ("NaN", "nan"),
                                               ("-Infinity", "-inf")])
@pytest.mark.parametrize("field", ["score", "duration"])
def test_infinite_or_nan_numbers_are_rejected_not_dropped_as_already_here(
        store: Store, export: dict[str, Any], tmp_path: Path,
        field: str, literal: str, shown: str) -> None:
    """NaN used to become NULL, which `INSERT OR IGNORE` skipped and counted as present."""
    export["plays"][0][field] = "@@"
    text = json.dumps(export).replace('"@@"', literal)
    report = transfer.import_file(store, _write(tmp_path, text))
    assert (report.added, report.present) == (1, 0)
    assert [r.where for r in report.rejected] == ["play 1"]
    assert report.rejected[0].reason.startswith(f"{field} {shown} is not")


def test_the_store_refuses_a_nan_rather_than_calling_it_a_duplicate(
        store: Store) -> None:
    record = progress_store.PlayRecord("tiny", "ab", PRACTICE, (("first", 0),), 1, 2,
                                       math.nan, T0.isoformat())
    import psycopg

    with pytest.raises((sqlite3.IntegrityError, psycopg.errors.CheckViolation)):
        store.record_many([record])
    assert store.plays() == []


def test_finished_at_is_stored_in_utc(store: Store,
                                      export: dict[str, Any], tmp_path: Path) -> None:
    export["plays"][0]["finished_at"] = "2026-11-26T10:30:00+01:00"
    export["plays"][1]["finished_at"] = "2026-11-27T08:00:00"
    transfer.import_file(store, _write(tmp_path, export))
    assert [p.finished_at for p in store.plays()] == ["2026-11-26T09:30:00+00:00",
                                                      "2026-11-27T08:00:00+00:00"]


@pytest.mark.parametrize(("plays", "reviews", "message"), [
    (None, [], "'plays' must be a list, not None"),
    ({"a": 1}, [], "'plays' must be a list"),
    ("plays", [], "'plays' must be a list"),
    ([], None, "'reviews' must be a list, not None"),
    ([], 3, "'reviews' must be a list, not 3"),
])
def test_wrong_top_level_types_refuse_the_file(store: Store,
                                               tmp_path: Path, plays: object, reviews: object,
                                               message: str) -> None:
    data = {"format": transfer.FORMAT_NAME, "version": 1, "plays": plays, "reviews": reviews}
    with pytest.raises(transfer.TransferError, match=message):
        transfer.import_file(store, _write(tmp_path, data))


def test_a_newer_export_format_is_refused(store: Store,
                                          export: dict[str, Any], tmp_path: Path) -> None:
    export["version"] = transfer.FORMAT_VERSION + 1
    with pytest.raises(transfer.TransferError, match="reads versions 1 to 2"):
        transfer.import_file(store, _write(tmp_path, export))
    assert store.plays() == []


def test_deeply_nested_json_is_refused_with_a_message(store: Store,
                                                      tmp_path: Path) -> None:
    text = '{"format": "scenario-tui-progress", "plays": ' + "[" * 200_000 + "]" * 200_000 + "}"
    with pytest.raises(transfer.TransferError, match="nested too deeply"):
        transfer.import_file(store, _write(tmp_path, text))


def test_a_csv_field_over_the_csv_limit_is_refused_with_a_message(
        store: Store, tmp_path: Path) -> None:
    header = ",".join(transfer.CSV_FIELDS)
    text = f'{header}\ntiny,ab,practice,"[{" " * 200_000}]",1,2,3,2026-11-26\n'
    with pytest.raises(transfer.TransferError, match=r"line 2: field larger than field limit"):
        transfer.import_file(store, _write(tmp_path, text, "in.csv"))


def test_a_csv_with_a_byte_order_mark_imports(store: Store,
                                              export: dict[str, Any], tmp_path: Path) -> None:
    source = progress_store.open_store(tmp_path / "source-again")
    transfer.import_file(source, _write(tmp_path, export))
    path = tmp_path / "excel.csv"
    path.write_bytes(b"\xef\xbb\xbf" + transfer.export_csv(source).encode())
    report = transfer.import_file(store, path)
    assert (report.added, report.present, report.rejected) == (2, 0, ())


def test_bad_csv_rows_are_named_by_line(store: Store,
                                        tmp_path: Path) -> None:
    header = ",".join(transfer.CSV_FIELDS)
    text = (f'{header}\ntiny,ab,practice,"[[""first"", 0]]",1,2,3.5,2026-11-26\n'
            f'tiny,ab,practice,"[[""first"", 0]]",1e400,2,3.5,2026-11-26\n'
            f"tiny,ab,practice,[]\n")
    report = transfer.import_file(store, _write(tmp_path, text, "in.csv"))
    assert report.added == 1
    assert [str(r) for r in report.rejected] == [
        "line 3: score '1e400' is not a whole number between -1,000,000,000 and 1,000,000,000",
        "line 4: score None is not a whole number between -1,000,000,000 and 1,000,000,000"]


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(
        store: Store, tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:  # sparse: no disk is used
        handle.truncate(transfer.MAX_BYTES + 1)
    with pytest.raises(transfer.TransferError, match="at most 50 MB"):
        transfer.import_file(store, path)


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_a_million_rows_are_refused_quickly(store: Store,
                                            tmp_path: Path, kind: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Small records, so the file stays under the size cap and the row cap has to hold."""
    path = tmp_path / f"million.{kind}"
    if kind == "csv":
        row = "a,0,exam,[],0,0,0,2026-01-01\n"
        path.write_text(",".join(transfer.CSV_FIELDS) + "\n" + row * 1_000_000)
    else:
        path.write_text('{"format": "scenario-tui-progress", "version": 1, "plays": ['
                        + "{}," * 999_999 + "{}]}")
    assert path.stat().st_size < transfer.MAX_BYTES
    checked: list[object] = []
    check = transfer._record

    def counted(row: object) -> progress_store.PlayRecord:
        checked.append(row)
        return check(row)

    monkeypatch.setattr(transfer, "_record", counted)
    with pytest.raises(transfer.TransferError, match="100,000 play-throughs"):
        transfer.import_file(store, path)
    assert len(checked) <= transfer.MAX_PLAYS  # refused at the cap, not after a million checks
    assert store.plays() == []


def test_good_and_bad_records_mix_on_the_command_line(
        data_dir: Path, export: dict[str, Any], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    store = progress_store.open_store(data_dir)  # the CLI imports into this machine's file
    export["plays"].insert(1, {**export["plays"][0], "finished_at": TITLE_ESCAPE})
    export["plays"].append("a string")
    good_card = export["reviews"][0]
    export["reviews"] += [{**good_card, "node": "second", "card": "a string"},
                          {**good_card, "node": "idle-bill", "card": [1, 2]}]
    path = _write(tmp_path, export)
    data = str(store.path.parent)
    assert main(["--data-dir", data, "progress", "import", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "imported 2 play-through(s); 0 were already here; 4 rejected" in out
    lines = err.splitlines()
    assert [line.split(": ", 2)[1] for line in lines] == [
        f"{path}, play 2", f"{path}, play 4", f"{path}, review card 2",
        f"{path}, review card 3"]
    assert "finished_at '\\x1b]0;pwned\\x07' is not an ISO date and time" in lines[0]
    assert "is not an object with a play's fields" in lines[1]
    assert "card 'a string' is not an FSRS card" in lines[2]
    assert "card [1, 2] is not an FSRS card" in lines[3]
    assert "\x1b" not in out + err and "\x07" not in out + err
    stored = progress_store.open_store(data)
    assert len(stored.plays()) == 2 and len(stored.review_cards()) == 1
    # again: everything good is already here, and that is success
    assert main(["--data-dir", data, "progress", "import", str(path)]) == 0
    assert "imported 0 play-through(s); 2 were already here; 4 rejected" in \
        capsys.readouterr().out


def test_a_file_whose_every_record_is_rejected_exits_1(
        data_dir: Path, export: dict[str, Any], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    store = progress_store.open_store(data_dir)  # the CLI imports into this machine's file
    for play in export["plays"]:
        play["mode"] = "speedrun"
    export["reviews"] = []
    data = str(store.path.parent)
    assert main(["--data-dir", data, "progress", "import", str(_write(tmp_path, export))]) == 1
    assert "imported 0 play-through(s); 0 were already here; 2 rejected" in \
        capsys.readouterr().out


@pytest.mark.parametrize(("change", "reason"), [
    ({"card": "a string"}, "card 'a string' is not an FSRS card"),
    ({"card": None}, "card None is not an FSRS card"),
    ({"card": {"step": "x"}}, "is not an FSRS card"),
    ({"due": "tomorrow"}, "due 'tomorrow' is not an ISO date and time"),
    ({"node": "../x"}, "node '../x' is not a node id"),
])
def test_a_bad_review_card_is_rejected(store: Store,
                                       export: dict[str, Any], tmp_path: Path,
                                       change: dict[str, Any], reason: str) -> None:
    bad = {**export["reviews"][0], **change}
    if change.get("card") == {"step": "x"}:
        bad["card"] = {**export["reviews"][0]["card"], "step": "x"}
    export["reviews"].append(bad)
    report = transfer.import_file(store, _write(tmp_path, export))
    assert report.reviews == 1 and [r.where for r in report.rejected] == ["review card 2"]
    assert reason in report.rejected[0].reason
    assert len(store.review_cards()) == 1


def test_an_import_replaces_a_bad_card_already_here(store: Store,
                                                    export: dict[str, Any],
                                                    tmp_path: Path) -> None:
    store.save_review_card("tiny", "first", json.dumps("planted"), "x")
    report = transfer.import_file(store, _write(tmp_path, export))
    assert report.reviews == 1
    (_, _, card, due), = store.review_cards()
    assert review.load_card(card) is not None and due == export["reviews"][0]["due"]


def test_the_more_recently_reviewed_card_wins(store: Store,
                                              export: dict[str, Any], tmp_path: Path) -> None:
    path = _write(tmp_path, export)
    transfer.import_file(store, path)
    older = copy.deepcopy(export)
    older["reviews"][0]["card"]["last_review"] = "2020-01-01T00:00:00+00:00"
    older["reviews"][0]["card"]["due"] = "2020-01-02T00:00:00+00:00"
    assert transfer.import_file(store, _write(tmp_path, older, "older.json")).reviews == 0
    assert transfer.import_file(store, path).reviews == 0  # the same: not newer


BAD_CARDS = [json.dumps("a string"), json.dumps([1, 2]), "not json", json.dumps({}),
             json.dumps({"card_id": 1, "state": 1, "step": "x", "stability": None,
                         "difficulty": None, "due": "2026-11-26T09:00:00+00:00",
                         "last_review": None}),
             json.dumps({"card_id": 1, "state": 2, "step": None, "stability": "NaN",
                         "difficulty": 5, "due": "2026-11-26T09:00:00",
                         "last_review": None})]


@pytest.mark.parametrize("card", BAD_CARDS)
def test_a_bad_card_in_the_store_never_crashes_scheduling(
        tiny: Scenario, tiny_path: Path, data_dir: Path, card: str) -> None:
    """An old import stored such cards; the next play of that decision used to raise."""
    session = Session.create([tiny_path.parent], data_dir, with_bundled=False,
                             wall_clock=lambda: T0.isoformat())
    session.store.save_review_card("tiny", "first", card, TITLE_ESCAPE)
    assert review.load_card(card) is None
    session.record_review(tiny, tiny.choices("first")[1])  # a mistake: the card lapses
    (_, node, stored, due), = session.store.review_cards()
    assert node == "first" and review.load_card(stored) is not None
    assert due == (T0 + dt.timedelta(days=1)).isoformat()
    session.store.save_review_card("tiny", "first", card, TITLE_ESCAPE)
    play = engine.start(tiny, PRACTICE)
    for pick in (1, 0):
        play = play.choose(tiny, pick)
    session.record(tiny, play, 4, 10.0)  # a whole play through that decision
    assert review.load_card(session.store.review_cards()[0][2]) is not None
    session.store.save_review_card("tiny", "first", card, TITLE_ESCAPE)
    status = session.reviews()  # what the catalogue, stats and review screens ask
    assert [item.due for item in status.due] == [TITLE_ESCAPE]
    assert "\x1b" not in local_day(status.due[0].due)
    assert session.statistics() is not None
    assert json.loads(transfer.export_json(session.store))["reviews"] == []


def test_a_stored_escape_never_reaches_the_catalogue_row() -> None:
    """The catalogue printed the first ten characters of a bad `finished_at` raw."""
    entry = CatalogEntry(path="tiny.yaml", id="tiny", title="Tiny", difficulty="beginner",
                         services=("s3",))
    summary = ScenarioSummary(best_percent=50, attempts=1, last_played=TITLE_ESCAPE,
                              history=(50,), stale=0)
    shown = prompt(entry, summary).plain
    assert "\x1b" not in shown and "\x07" not in shown
    assert "last \u241b]0;pwned" in shown
    assert local_day("2026-11-26T23:30:00+00:00") == "2026-11-26"
    assert local_day("9999-12-31T23:59:59-05:00") == "9999-12-31"


def test_the_readme_states_the_caps() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    caps = (f"{transfer.MAX_BYTES // 2**20} MB, {transfer.MAX_PLAYS:,}\nplay-throughs, "
            f"{transfer.MAX_REVIEWS:,} review cards, {transfer.MAX_ANSWERS:,} review answers")
    assert " ".join(caps.split()) in " ".join(readme.split())


def test_an_import_that_fails_halfway_leaves_the_store_as_it_was(
        store: Store, export: dict[str, Any], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Plays and cards go in one transaction: a write refused after the plays (the disk full
    at the review cards) takes the plays back out too, so a retry imports everything."""
    def refused(*_: object) -> None:
        raise WriteFailed("the disk is full")

    path = _write(tmp_path, export)
    monkeypatch.setattr(store, "save_review_card", refused)
    with pytest.raises(WriteFailed):
        transfer.import_file(store, path)
    assert store.plays() == [] and store.review_cards() == []
    monkeypatch.undo()
    report = transfer.import_file(store, path)
    assert (report.added, report.present, len(store.review_cards())) == (2, 0, 1)
