"""A finished play is never lost: a save the store refuses waits in a journal and is made at
the next chance; a newer version's store is refused and left byte for byte; older schemas are
migrated. (The app's side, and data dirs that cannot be used at all: tests/ui/test_saving.py.)"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from scenario_tui.cli import main
from scenario_tui.format import loader
from scenario_tui.format.model import Scenario
from scenario_tui.play import engine
from scenario_tui.play.modes import EXAM
from scenario_tui.play.session import Session
from scenario_tui.progress import sqlite_schema
from scenario_tui.progress import store as progress_store
from scenario_tui.progress.journal import JOURNAL_NAME
from scenario_tui.progress.store import DB_NAME
from scenario_tui.progress.store_errors import NewerStore, WriteFailed

T0 = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)
MISTAKE = [1, 0, 1]  # tiny: a wrong first choice, then the rest
BEST = [0, 0]

SCHEMA_V1 = """
CREATE TABLE plays (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    scenario_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    mode TEXT NOT NULL,
    path TEXT NOT NULL,
    score INTEGER NOT NULL,
    best INTEGER NOT NULL,
    duration REAL NOT NULL,
    finished_at TEXT NOT NULL
);
CREATE INDEX plays_scenario ON plays (scenario_id, finished_at);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE reviews (
    scenario_id TEXT NOT NULL,
    node TEXT NOT NULL,
    card TEXT NOT NULL,
    due TEXT NOT NULL,
    PRIMARY KEY (scenario_id, node)
);
PRAGMA user_version = 1;
"""
"""The store as schema version 1 made it, frozen here: later versions must still open it."""


class Ticking:
    """ISO timestamps a minute apart, so each finished play is a different one."""

    def __init__(self) -> None:
        self._minutes = itertools.count()

    def __call__(self) -> str:
        return (T0 + dt.timedelta(minutes=next(self._minutes))).isoformat()


@pytest.fixture
def tiny(tiny_path: Path) -> Scenario:
    scenario, _ = loader.load_file(tiny_path)
    assert scenario is not None
    return scenario


def session_in(folder: Path, timeout: float = 0.2, clock: Ticking | None = None) -> Session:
    """A session with no library (plays are recorded directly) and a short busy timeout."""
    session = Session.create((), folder, wall_clock=clock or Ticking(), with_bundled=False)
    session.busy_timeout = timeout
    return session


def finish(session: Session, scenario: Scenario, picks: list[int]):  # type: ignore[no-untyped-def]
    play = engine.start(scenario, EXAM)
    for pick in picks:
        play = play.choose(scenario, pick)
    return session.record(scenario, play, 4, 12.5)


@contextmanager
def write_lock(folder: Path) -> Iterator[None]:
    """Another program holds the store's write lock (as a large import does) until the end."""
    other = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def stored(folder: Path) -> tuple[list[str], list[tuple[str, str, str]]]:
    """(finished_at of every play, (scenario, node, due) of every review card), read by
    another connection."""
    with sqlite3.connect(folder / DB_NAME) as db:
        plays = [r[0] for r in db.execute("SELECT finished_at FROM plays ORDER BY id")]
        cards = list(db.execute("SELECT scenario_id, node, due FROM reviews ORDER BY node"))
    db.close()
    return plays, cards


def saved_directly(folder: Path, tiny: Scenario, review: bool = False
                   ) -> tuple[list[str], list[tuple[str, str, str]]]:
    """What the store holds after the mistaken play (and a wrong review answer), then the
    best play, saved at once: a save that had to wait must end the same."""
    session = session_in(folder)
    finish(session, tiny, MISTAKE)
    if review:
        session.record_review(tiny, tiny.choices("first")[1])
    finish(session, tiny, BEST)
    return stored(folder)


def test_a_write_past_the_busy_timeout_is_a_typed_error(tmp_path: Path) -> None:
    store = progress_store.open_store(tmp_path, timeout=0.1)
    record = progress_store.PlayRecord("s", "h", "exam", (("a", 0),), 1, 2, 3.0, T0.isoformat())
    with write_lock(tmp_path), pytest.raises(WriteFailed, match="another program is writing"):
        store.record(record)
    assert store.record(record) and len(store.plays()) == 1  # nothing half-made; it works now


def test_a_play_the_locked_store_refused_is_saved_with_the_next_one(tmp_path: Path,
                                                                   tiny: Scenario) -> None:
    session = session_in(tmp_path)
    _ = session.store
    with write_lock(tmp_path):
        saving = finish(session, tiny, MISTAKE)
        assert saving.waiting == 1 and saving.kept_in == tmp_path / JOURNAL_NAME
        assert "another program is writing" in saving.notice
        assert "will be saved after your next play or at the next start" in saving.notice
        assert len((tmp_path / JOURNAL_NAME).read_text().splitlines()) == 1
        answer = session.record_review(tiny, tiny.choices("first")[1])  # a review, refused too
        assert answer.waiting == 2
    assert stored(tmp_path) == ([], [])
    saving = finish(session, tiny, BEST)
    assert (saving.saved_earlier, saving.waiting) == (2, 0)
    assert "saved now (2 plays or review answers)" in saving.notice
    assert stored(tmp_path) == saved_directly(tmp_path / "direct", tiny, review=True)
    assert not (tmp_path / JOURNAL_NAME).exists()


def test_a_play_the_locked_store_refused_is_saved_at_the_next_start(tmp_path: Path,
                                                                   tiny: Scenario) -> None:
    session = session_in(tmp_path)
    _ = session.store
    with write_lock(tmp_path):
        assert finish(session, tiny, MISTAKE).waiting == 1
    session.store.close()

    again = session_in(tmp_path, clock=session.wall_clock)  # type: ignore[arg-type]
    _ = again.store
    assert (again.saved_at_start.saved_earlier, again.saved_at_start.waiting) == (1, 0)
    assert not (tmp_path / JOURNAL_NAME).exists()
    _ = session_in(tmp_path).store  # saved once only
    finish(again, tiny, BEST)
    assert stored(tmp_path) == saved_directly(tmp_path / "direct", tiny)


def test_a_torn_journal_line_is_skipped_and_the_rest_saved(tmp_path: Path,
                                                          tiny: Scenario) -> None:
    session = session_in(tmp_path)
    _ = session.store
    with write_lock(tmp_path):
        finish(session, tiny, MISTAKE)
        with (tmp_path / JOURNAL_NAME).open("a") as journal:
            journal.write('{"scenario_id": "tiny", "play": {"scen')  # a crash mid-append
        finish(session, tiny, BEST)  # on a line of its own
    session.store.close()
    again = session_in(tmp_path)
    assert len(again.store.plays()) == 2 and again.saved_at_start.saved_earlier == 2
    assert not (tmp_path / JOURNAL_NAME).exists()


def cards(folder: Path) -> list[tuple[str, str, str]]:
    """(node, card JSON, due) of every review card, read by another connection."""
    with sqlite3.connect(folder / DB_NAME) as db:
        rows = list(db.execute("SELECT node, card, due FROM reviews ORDER BY node"))
    db.close()
    return rows


def test_a_review_answer_replayed_from_the_journal_applies_once(tmp_path: Path,
                                                               tiny: Scenario) -> None:
    """A crash after the store took a journalled answer, before the journal lost its line,
    replays the answer at the next start: the card must not be reviewed a second time (a
    play is kept out by its uid; an answer by its own)."""
    session = session_in(tmp_path)
    finish(session, tiny, MISTAKE)
    with write_lock(tmp_path):
        assert session.record_review(tiny, tiny.choices("first")[1]).waiting == 1
    session.close()
    journal = (tmp_path / JOURNAL_NAME).read_text()

    again = session_in(tmp_path, clock=session.wall_clock)  # type: ignore[arg-type]
    assert again.store and again.saved_at_start.saved_earlier == 1
    once = cards(tmp_path)
    again.close()
    (tmp_path / JOURNAL_NAME).write_text(journal)  # as if the crash came before its rewrite

    third = session_in(tmp_path, clock=session.wall_clock)  # type: ignore[arg-type]
    assert third.store and cards(tmp_path) == once
    assert not (tmp_path / JOURNAL_NAME).exists()


_FULL_DISK = """
import datetime as dt, json, resource, signal, sys
from pathlib import Path
from scenario_tui.format import loader
from scenario_tui.play import engine
from scenario_tui.play.session import Session

folder, limit = Path(sys.argv[1]), int(sys.argv[2])
scenario, _ = loader.load_file(Path(sys.argv[3]))
minutes = iter(range(100))
clock = lambda: (dt.datetime.fromisoformat(sys.argv[4]) + dt.timedelta(minutes=next(minutes))
                 ).isoformat()
session = Session.create((), folder, wall_clock=clock, with_bundled=False)
_ = session.store                                   # opened while there is room

def finish(picks):
    play = engine.start(scenario, "exam")
    for pick in picks:
        play = play.choose(scenario, pick)
    return session.record(scenario, play, 4, 12.5)

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)       # a write past the limit fails, not kills
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
full = finish([1, 0, 1])
result = {"full": [full.waiting, full.kept_in is not None, full.notice]}
if limit < 200:                                     # not even the journal took it: room again
    resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    later = finish([0, 0])
    result["later"] = [later.saved_earlier, later.waiting]
print(json.dumps(result))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="needs RLIMIT_FSIZE")
@pytest.mark.parametrize("limit", [3000, 100], ids=["journalled", "held-in-memory"])
def test_a_play_finished_on_a_full_disk_is_saved_later(tmp_path: Path, tiny_path: Path,
                                                       limit: int) -> None:
    """The file size limit stands in for a full disk: the store's next write goes past it;
    a journal line fits under 3000 bytes, not under 100."""
    done = subprocess.run([sys.executable, "-c", _FULL_DISK, str(tmp_path), str(limit),
                           str(tiny_path), T0.isoformat()], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    waiting, on_disk, notice = result["full"]
    assert waiting == 1 and notice.startswith("Your progress could not be saved yet")
    if limit > 200:
        assert on_disk and (tmp_path / JOURNAL_NAME).exists()
        assert "will be saved after your next play or at the next start" in notice
        assert stored(tmp_path)[0] == []
        session = session_in(tmp_path)                       # the next start saves it
        _ = session.store
        assert session.saved_at_start.saved_earlier == 1
        assert stored(tmp_path)[0] == [T0.isoformat()]
    else:
        assert not on_disk and "quitting now loses it" in notice
        assert result["later"] == [1, 0]                     # saved with the next play
        assert len(stored(tmp_path)[0]) == 2
    assert not (tmp_path / JOURNAL_NAME).exists()


def _newer_store(folder: Path, wal: bool) -> dict[str, bytes]:
    """A store as a version with schema 9 might leave it; every file in `folder`, by name."""
    folder.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(folder / DB_NAME) as db:
        if wal:
            db.execute("PRAGMA journal_mode = WAL")
        db.executescript(SCHEMA_V1.replace("user_version = 1", "user_version = 9"))
        db.execute("CREATE TABLE badges (name TEXT)")
        db.execute("INSERT INTO plays VALUES (1, 'u', 's', 'h', 'exam', '[]', 1, 2, 3.0, 't')")
    db.close()
    return files(folder)


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal", "wal"])
def test_a_newer_store_is_refused_and_left_byte_for_byte(tmp_path: Path, wal: bool,
                                                         tiny: Scenario,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    folder = tmp_path / "data"
    before = _newer_store(folder, wal)
    sentence = "this progress was written by a newer version (schema 9); upgrade scenario-tui"
    with pytest.raises(NewerStore) as refused:
        progress_store.open_store(folder)
    assert str(refused.value) == sentence
    export = tmp_path / "export.json"
    export.write_text(json.dumps({"format": "scenario-tui-progress", "version": 1,
                                  "plays": [], "reviews": []}))
    for command in (["progress", "export"], ["progress", "export", "--format", "csv"],
                    ["progress", "import", str(export)]):
        assert main(["--data-dir", str(folder), *command]) == 1
        out, err = capsys.readouterr()
        assert out == "" and err == f"scenario-tui: {sentence}\n"
    session = session_in(folder)
    assert session.store.plays() == [] and session.progress_off == sentence
    assert finish(session, tiny, BEST).notice == ""  # kept in memory, as progress is off
    assert files(folder) == before


def test_a_version_1_store_opens_with_its_plays(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        db.executescript(SCHEMA_V1)
        db.execute("INSERT INTO plays VALUES (1, 'u', 's', 'h', 'exam', '[[\"a\", 0]]', 1, 2, "
                   "3.0, 't')")
    db.close()
    store = progress_store.open_store(tmp_path)
    assert [(p.scenario_id, p.path) for p in store.plays()] == [("s", (("a", 0),))]
    assert store.notice == ""
    assert store._connection.execute("PRAGMA user_version").fetchone()[0] == \
        sqlite_schema.SCHEMA_VERSION


def test_every_older_schema_has_a_migration_step() -> None:
    assert set(sqlite_schema.MIGRATIONS) == set(range(1, sqlite_schema.SCHEMA_VERSION))


def test_a_migration_step_runs_once_and_the_older_app_then_refuses_the_store(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The migration path itself, with a made-up next schema that adds a column."""
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        db.executescript(SCHEMA_V1)
        db.execute("INSERT INTO plays VALUES (1, 'u', 's', 'h', 'exam', '[]', 1, 2, 3.0, 't')")
    db.close()
    current = sqlite_schema.SCHEMA_VERSION
    with monkeypatch.context() as patch:
        patch.setattr(sqlite_schema, "SCHEMA_VERSION", current + 1)
        patch.setattr(sqlite_schema, "MIGRATIONS", {
            **sqlite_schema.MIGRATIONS, current: ("ALTER TABLE plays ADD COLUMN note TEXT",)})
        store = progress_store.open_store(tmp_path)
        assert [p.scenario_id for p in store.plays()] == ["s"]
        columns = [r[1] for r in store._connection.execute("PRAGMA table_info(plays)")]
        assert "note" in columns
        assert store._connection.execute("PRAGMA user_version").fetchone()[0] == current + 1
        store.close()
        progress_store.open_store(tmp_path).close()  # a second start migrates nothing
    before = files(tmp_path)
    with pytest.raises(NewerStore, match=rf"\(schema {current + 1}\)"):
        progress_store.open_store(tmp_path)
    assert files(tmp_path) == before


def test_a_save_only_memory_held_goes_to_the_journal_on_close(tmp_path: Path,
                                                              tiny: Scenario) -> None:
    journal = tmp_path / JOURNAL_NAME
    session = session_in(tmp_path)
    _ = session.store
    with write_lock(tmp_path):
        journal.mkdir()  # the journal cannot be written either: memory holds the play
        saving = finish(session, tiny, MISTAKE)
        assert saving.waiting == 1 and saving.kept_in is None
        shutil.rmtree(journal)  # room again on disk, but the store is still locked
        session.close()
    assert journal.is_file() and stored(tmp_path)[0] == []
    again = session_in(tmp_path)
    _ = again.store
    assert again.saved_at_start.saved_earlier == 1 and len(stored(tmp_path)[0]) == 1


def test_saves_deferred_by_the_app_are_made_on_close(tmp_path: Path, tiny: Scenario) -> None:
    session = session_in(tmp_path)
    _ = session.store
    session.defer_saves = True  # as the app does: a worker would make it, but it quits first
    assert not finish(session, tiny, MISTAKE).notice
    assert stored(tmp_path)[0] == []
    session.close()
    assert len(stored(tmp_path)[0]) == 1 and not (tmp_path / JOURNAL_NAME).exists()
