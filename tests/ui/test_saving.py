"""The app when progress cannot be saved: a finished play still shows its debrief, a notice
says what happened, and the play is saved at the next chance; a data dir that cannot be used
at all (or a newer version's store) starts the app with progress off, saying so."""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from scenario_tui.analysis.scoring import analyse
from scenario_tui.play.modes import EXAM
from scenario_tui.play.session import Session
from scenario_tui.progress.journal import JOURNAL_NAME
from scenario_tui.progress.store import DB_NAME
from scenario_tui.ui.screens.catalog import CatalogScreen
from scenario_tui.ui.screens.debrief import DebriefScreen
from scenario_tui.ui.widgets.scenario_list import ScenarioList

from .pilot_steps import settle
from .steady import SteadyApp

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ui_scenarios"
CACHE = "cache-the-catalogue"
MISTAKE = ("2", "1", "1")
"""Multi-AZ (wrong), add the cache, lazy loading: a play with one mistake."""
NEWER = "this progress was written by a newer version (schema 9); upgrade scenario-tui"


class NotedApp(SteadyApp):
    """Keeps every notification it shows: (severity, message)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.notes: list[tuple[str, str]] = []

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:
        self.notes.append((str(kwargs.get("severity", "information")), str(message)))
        super().notify(message, *args, **kwargs)


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


def best_keys(session: Session) -> list[str]:
    return [str(c.index + 1) for c in analyse(session.scenario(CACHE)).best_path()]


async def finish(pilot: Pilot, keys: Any) -> None:
    """Choose `keys` in the open play and wait for the debrief."""
    await settle(pilot)
    await pilot.press(*keys)
    await settle(pilot)
    assert isinstance(pilot.app.screen, DebriefScreen)


def row_text(app: NotedApp) -> str:
    listing = app.screen.query_one(ScenarioList)
    row = next(i for i, e in enumerate(listing.matching) if e.id == CACHE)
    return str(listing.get_option_at_index(row).prompt)


async def test_a_play_finished_while_the_store_is_locked_is_saved_with_the_next(
        make_session: Callable[..., Session], data_dir: Path) -> None:
    session = make_session()
    session.busy_timeout = 0.2  # another writer outlasts it
    app = NotedApp(session, start_id=CACHE, mode=EXAM)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        with write_lock(data_dir):
            await finish(pilot, MISTAKE)
            severity, notice = app.notes[-1]
            assert severity == "warning" and notice.startswith(
                "Your progress could not be saved yet (another program is writing to the "
                "progress file). It is kept in ")
            assert notice.endswith("will be saved after your next play or at the next start.")
            assert app.session.store.plays() == []
            assert (data_dir / JOURNAL_NAME).exists()
        await pilot.press("r")  # the lock is gone: play again
        await finish(pilot, best_keys(session))
        assert app.notes[-1] == ("information", "Progress that could not be saved before is "
                                 "saved now (1 play or review answer).")
        assert [p.score for p in app.session.store.plays()] == [3, 4]
        assert [(s, n) for s, n, _, _ in app.session.store.review_cards()] == [
            (CACHE, "slow-pages")]
        assert not (data_dir / JOURNAL_NAME).exists()


async def test_a_play_the_locked_store_refused_is_saved_at_the_next_start(
        make_session: Callable[..., Session], data_dir: Path) -> None:
    session = make_session()
    session.busy_timeout = 0.2
    app = NotedApp(session, start_id=CACHE, mode=EXAM)
    async with app.run_test(size=(100, 30)) as pilot:
        with write_lock(data_dir):
            await finish(pilot, MISTAKE)
        assert "will be saved" in app.notes[-1][1]

    again = NotedApp(make_session())
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert ("information", "Progress that could not be saved before is saved now "
                "(1 play or review answer).") in again.notes
        assert isinstance(again.screen, CatalogScreen)
        assert "1\u00a0attempt" in row_text(again)
        assert not (data_dir / JOURNAL_NAME).exists()


def _writable(folder: Path) -> bool:
    try:
        (folder / ".probe").touch()
    except OSError:
        return False
    (folder / ".probe").unlink()
    return True


@pytest.fixture
def read_only_dir(tmp_path: Path) -> Iterator[Path]:
    """An empty folder nothing can be written in: by its mode, or (for root, whom modes do
    not stop) a read-only mount; skipped when neither is possible."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    if not _writable(folder):
        yield folder
        folder.chmod(0o755)
        return
    folder.chmod(0o755)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs",
                              str(folder)], capture_output=True).returncode == 0
    if not mounted:
        pytest.skip("no way to make a read-only folder here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def unusable(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> tuple[Path, str]:
    """A data dir of `kind` and what the notice must say about it."""
    if kind == "file":
        path = tmp_path / "data"
        path.write_text("not a folder")
        return path, f"the data dir {path} is not a folder"
    if kind == "dangling-link":
        path = tmp_path / "data"
        path.symlink_to(tmp_path / "gone")
        return path, f"the data dir {path} is a link to nothing"
    if kind == "read-only":
        path = request.getfixturevalue("read_only_dir")
        return path, f"the data dir {path} is read-only"
    path = tmp_path / "data"
    path.mkdir()
    with sqlite3.connect(path / DB_NAME) as db:
        db.execute("CREATE TABLE plays (id INTEGER)")
        db.execute("PRAGMA user_version = 9")
    db.close()
    return path, NEWER


def snapshot(path: Path) -> object:
    """What is at `path`: a link's target, a file's bytes, a folder's files and their bytes
    (not the catalogue's cache, which may go beside a store it cannot use)."""
    if path.is_symlink():
        return ("link", str(path.readlink()), path.exists())
    if path.is_file():
        return path.read_bytes()
    return {p.name: p.read_bytes() for p in sorted(path.iterdir()) if p.name != "cache"}


@pytest.mark.parametrize("kind", ["file", "dangling-link", "read-only", "newer-store"])
async def test_an_unusable_data_dir_starts_with_progress_off(
        kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    folder, reason = unusable(kind, tmp_path, request)
    before = snapshot(folder)
    session = Session.create([FIXTURES], folder, with_bundled=False)
    app = NotedApp(session, mode=EXAM)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        severity, notice = app.notes[0]
        assert severity == "warning" and notice.startswith(f"Progress is off: {reason}")
        assert notice.endswith("You can play, but nothing is kept after you quit.")
        status = str(app.screen.query_one("#catalog-status").render())
        assert status.endswith(" · progress off")

        app.open_scenario(CACHE, EXAM)
        await finish(pilot, MISTAKE)  # the debrief shows; the play is kept until the app quits
        assert len(app.notes) == 1
        await pilot.press("escape")
        await settle(pilot)
        assert "1\u00a0attempt" in row_text(app)
    assert snapshot(folder) == before
