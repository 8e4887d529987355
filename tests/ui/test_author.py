"""The author preview (`scenario-tui author FILE`): snapshots of each state, live reloads, and
"test from here".

Snapshot apps watch fixture files by a relative path (the test changes into their folder), so
the path on screen is the same on every machine. Update only after looking at the report:
`pytest tests/ui/test_author.py --snapshot-update`.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from textual.command import CommandList
from textual.pilot import Pilot

from scenario_tui.authoring.file_check import BROKEN, VALID
from scenario_tui.format.problems import ERROR, WARNING, Problem
from scenario_tui.ui.author_app import AuthorApp
from scenario_tui.ui.screens import author_watch
from scenario_tui.ui.screens.author import (
    PREVIEW_VIEW,
    PROBLEMS_VIEW,
    STATE_VIEW,
    AuthorScreen,
)
from scenario_tui.ui.screens.author_watch import POLLING, WATCHFILES
from scenario_tui.ui.widgets.decision_box import DecisionBox
from scenario_tui.ui.widgets.decision_tree import DecisionTree
from scenario_tui.ui.widgets.problem_list import ProblemList
from scenario_tui.ui.widgets.source_view import MARK, SourceView, source_excerpt

from .pilot_steps import settle
from .test_long_names import lines_of

AUTHOR = Path(__file__).resolve().parent.parent / "fixtures" / "author"
TODAY = dt.date(2026, 11, 26)
SIZE = (100, 30)
FAST = 0.05
"""Poll interval for tests that edit the file: the wait is on state, this only bounds it."""


def make_app(path: Path | str, interval: float = 60.0, poll: bool | None = None) -> AuthorApp:
    """An app whose lint date is fixed; snapshots look only once (at mount), and nothing
    changes in their folder for watchfiles to report."""
    return AuthorApp(path, interval=interval, poll=poll, today=lambda: TODAY)


def screen_of(pilot: Pilot) -> AuthorScreen:
    screen = pilot.app.screen
    assert isinstance(screen, AuthorScreen)
    return screen


async def wait_until(pilot: Pilot, condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Let the app run until `condition` holds; fail with the screen's state if it never does."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            screen = pilot.app.screen
            latest = getattr(screen, "latest", None)
            raise AssertionError(f"timed out on {screen!r}; last check: {latest!r:.300}")
        await pilot.pause(FAST)
    await pilot.pause()


def in_state(pilot: Pilot, state: str) -> Callable[[], bool]:
    def check() -> bool:
        shown = screen_of(pilot).shown
        return shown is not None and shown.state == state

    return check


def view(pilot: Pilot) -> str | None:
    return screen_of(pilot).query_one("#author-views").current  # type: ignore[attr-defined]


@pytest.fixture
def in_fixtures(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the fixture folder, so paths on screen are short and the same everywhere."""
    monkeypatch.chdir(AUTHOR)
    return AUTHOR


@pytest.fixture
def editable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of the valid fixture (and its glossary) in the current folder."""
    for name in ("preview-valid.yaml", "glossary.yaml", "misconceptions.yaml"):
        shutil.copy(AUTHOR / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "preview-valid.yaml"


class TestAuthorSnapshots:
    def test_broken_file_lists_problems_with_source(self, snap_compare, in_fixtures) -> None:
        assert snap_compare(make_app("preview-broken.yaml"), terminal_size=SIZE,
                            run_before=settle)

    def test_broken_file_second_problem_selected(self, snap_compare, in_fixtures) -> None:
        async def select(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("down")
            await settle(pilot)

        assert snap_compare(make_app("preview-broken.yaml"), terminal_size=SIZE,
                            run_before=select)

    def test_valid_file_shows_graph_and_preview(self, snap_compare, in_fixtures) -> None:
        assert snap_compare(make_app("preview-valid.yaml"), terminal_size=SIZE,
                            run_before=settle)

    def test_feedback_after_testing_from_a_node(self, snap_compare, in_fixtures) -> None:
        async def test_from_workers(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("down", "t", "2")
            await settle(pilot)

        assert snap_compare(make_app("preview-valid.yaml"), terminal_size=SIZE,
                            run_before=test_from_workers)

    def test_binary_file_state(self, snap_compare, tmp_path, monkeypatch) -> None:
        (tmp_path / "photo.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        monkeypatch.chdir(tmp_path)
        assert snap_compare(make_app("photo.yaml"), terminal_size=SIZE, run_before=settle)


async def test_rewriting_the_file_updates_the_preview(editable: Path) -> None:
    """valid -> broken -> valid on disk, and the preview follows each save."""
    valid = editable.read_text(encoding="utf-8")
    broken = valid.replace("to: retries\n        points: 2", "to: retires\n        points: 2")
    assert broken != valid
    app = make_app(editable.name, interval=FAST)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, in_state(pilot, VALID))
        assert view(pilot) == PREVIEW_VIEW
        assert screen_of(pilot).query_one(DecisionTree).scenario is not None

        editable.write_text(broken, encoding="utf-8")
        await wait_until(pilot, in_state(pilot, BROKEN))
        assert view(pilot) == PROBLEMS_VIEW
        shown = screen_of(pilot).shown
        assert shown is not None and [p.code for p in shown.errors] == ["E021"]
        problem = shown.errors[0]
        source = screen_of(pilot).query_one(SourceView)
        assert source.border_title == f"line {problem.line}, column {problem.column}"
        assert "retires" in str(source.render())
        assert screen_of(pilot).query_one(ProblemList).option_count == len(shown.problems)

        editable.write_text(valid, encoding="utf-8")
        await wait_until(pilot, in_state(pilot, VALID))
        assert view(pilot) == PREVIEW_VIEW


async def test_deleted_and_half_written_files_are_states_not_crashes(editable: Path) -> None:
    app = make_app(editable.name, interval=FAST)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, in_state(pilot, VALID))
        text = editable.read_text(encoding="utf-8")
        editable.unlink()
        await wait_until(pilot, in_state(pilot, "missing"))
        assert view(pilot) == STATE_VIEW
        editable.write_text(text[: len(text) // 3], encoding="utf-8")
        await wait_until(pilot, in_state(pilot, BROKEN))
        editable.write_text(text, encoding="utf-8")
        await wait_until(pilot, in_state(pilot, VALID))
        assert view(pilot) == PREVIEW_VIEW


def broken_version(valid: str) -> str:
    broken = valid.replace("to: retries\n        points: 2", "to: retires\n        points: 2")
    assert broken != valid
    return broken


async def test_an_atomic_save_is_seen_by_watchfiles(editable: Path) -> None:
    """An editor's atomic save: a temporary file in the same folder, renamed over the watched
    one (a new inode). The timer would look only after a minute: watchfiles sees it."""
    app = make_app(editable.name, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_of(pilot)
        await wait_until(pilot, lambda: in_state(pilot, VALID)() and bool(screen.watched_by))
        assert screen.watched_by == WATCHFILES
        inode = editable.stat().st_ino
        temporary = editable.with_name(f".{editable.name}.tmp-1234")
        temporary.write_text(broken_version(editable.read_text(encoding="utf-8")),
                             encoding="utf-8")
        os.replace(temporary, editable)
        assert editable.stat().st_ino != inode
        await wait_until(pilot, in_state(pilot, BROKEN))
        assert view(pilot) == PROBLEMS_VIEW and screen.watched_by == WATCHFILES


async def failing_watch(*args: object) -> AsyncIterator[None]:
    raise OSError(28, "inotify watch limit reached")
    yield None


@pytest.mark.parametrize("fallback", ["asked for", "watchfiles fails"])
async def test_polling_sees_a_save(editable: Path, monkeypatch: pytest.MonkeyPatch,
                                   fallback: str) -> None:
    """The timer takes over when the author asks for it or watchfiles cannot watch."""
    if fallback == "asked for":
        monkeypatch.setenv("SCENARIO_TUI_POLL", "1")
    else:
        monkeypatch.setattr(author_watch, "changes", failing_watch)
    app = make_app(editable.name, interval=FAST)
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_of(pilot)
        await wait_until(pilot, lambda: in_state(pilot, VALID)() and bool(screen.watched_by))
        assert screen.watched_by == POLLING
        editable.write_text(broken_version(editable.read_text(encoding="utf-8")),
                            encoding="utf-8")
        await wait_until(pilot, in_state(pilot, BROKEN))


@pytest.mark.parametrize(("side", "old", "new", "error"), [
    ("misconceptions.yaml", "retry-forever:", "retry-for-ever:", ("preview-valid.yaml", "E028")),
    ("glossary.yaml", "  summary: Managed message", "  sumary: Managed message",
     ("glossary.yaml", "E012")),
], ids=["misconceptions", "glossary"])
@pytest.mark.parametrize("watched_by", [WATCHFILES, POLLING])
async def test_saving_the_file_beside_it_checks_the_scenario_again(
        editable: Path, monkeypatch: pytest.MonkeyPatch, watched_by: str, side: str, old: str,
        new: str, error: tuple[str, str]) -> None:
    """The scenario's misconceptions.yaml and glossary.yaml decide what its tags and service
    ids mean; the preview used to look again only when the scenario itself was saved."""
    if watched_by == POLLING:
        monkeypatch.setenv("SCENARIO_TUI_POLL", "1")
    app = make_app(editable.name, interval=FAST) if watched_by == POLLING else \
        make_app(editable.name, poll=False)  # the timer would look only after a minute
    beside = editable.with_name(side)
    text = beside.read_text(encoding="utf-8")
    assert old in text
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_of(pilot)
        await wait_until(pilot, lambda: in_state(pilot, VALID)() and bool(screen.watched_by))
        assert screen.watched_by == watched_by
        first = screen.shown
        assert first is not None and not first.errors

        def erred() -> bool:
            shown = screen.shown
            return shown is not None and error in [(Path(p.path).name, p.code)
                                                   for p in shown.errors]

        beside.write_text(text.replace(old, new), encoding="utf-8")
        await wait_until(pilot, erred)
        assert screen.query_one(ProblemList).option_count == len(screen.shown.problems)
        beside.write_text(text, encoding="utf-8")
        await wait_until(pilot, lambda: screen.shown is not None and not screen.shown.errors)
        assert in_state(pilot, VALID)()


async def test_saving_keeps_the_place_in_the_preview(editable: Path) -> None:
    app = make_app(editable.name, interval=FAST)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, in_state(pilot, VALID))
        await pilot.press("1", "enter")
        await settle(pilot)
        screen = screen_of(pilot)
        assert screen.trial is not None and len(screen.trial.play.choices) == 1
        first = screen.shown
        editable.write_text(editable.read_text(encoding="utf-8").replace(
            "Who should read from the queue?", "Who should drain the queue?"), encoding="utf-8")
        await wait_until(pilot, lambda: screen.shown is not first and in_state(pilot, VALID)())
        assert screen.trial is not None
        assert [c.source for c in screen.trial.play.choices] == ["bursts"]
        assert "drain the queue" in str(screen.query_one("#situation").source)  # type: ignore


async def test_test_from_here_plays_from_the_highlighted_node(in_fixtures: Path) -> None:
    app = make_app("preview-valid.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = screen_of(pilot)
        tree = screen.query_one(DecisionTree)
        await pilot.press("down")  # the first choice of the start, which leads to `workers`
        await settle(pilot)
        assert tree.cursor_node is not None and tree.cursor_node.data is not None
        assert tree.cursor_node.data.node == "workers"

        await pilot.press("t")
        await settle(pilot)
        assert screen.trial is not None
        assert screen.trial.play.origin == "workers" and not screen.trial.play.choices
        assert "Preview from ‹workers›" in str(screen.query_one("#preview").border_title)

        await pilot.press("1")
        await settle(pilot)
        assert screen.trial.feedback is not None and screen.trial.feedback.source == "workers"
        feedback = str(screen.query_one(DecisionBox).feedback)
        assert "Right" in feedback and "+2\u00a0points" in feedback

        await pilot.press("enter", "2")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.trial.play.finished(screen.shown.scenario)  # type: ignore[union-attr]
        ending = str(screen.query_one("#ending").render())
        assert "Partial" in ending and "score 2 of 4" in ending

        await pilot.press("r")
        await settle(pilot)
        assert screen.trial.play.origin == "workers" and not screen.trial.play.choices


async def test_command_palette_tests_from_a_node(in_fixtures: Path) -> None:
    app = make_app("preview-valid.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = screen_of(pilot)
        await pilot.press("ctrl+p", *"test from retries")

        def only_retries_offered() -> bool:
            found = app.screen.query(CommandList)
            if not found or found.first().option_count != 1:
                return False
            return "‹retries›" in str(found.first().get_option_at_index(0).prompt)

        await wait_until(pilot, only_retries_offered)
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen.trial is not None
                         and screen.trial.play.origin == "retries")


async def test_help_and_quit(in_fixtures: Path) -> None:
    app = make_app("preview-valid.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "AuthorHelpScreen"
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, AuthorScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


def test_source_excerpt_marks_the_line_and_column_and_shows_escapes_as_text() -> None:
    lines = ["a: 1", "b: \x1b[31mred\x1b]0;title\x07", "c: 3"]
    problem = Problem("x.yaml", 2, 4, ERROR, "E013", "wrong type", "")
    rows = source_excerpt(lines, problem, height=10, width=80).plain.splitlines()
    assert not any(ch in "".join(rows) for ch in "\x1b\x07")
    marked = next(row for row in rows if row.startswith(MARK))
    assert marked.startswith(f"{MARK} 2 │ b: ␛[31mred")
    caret = rows[rows.index(marked) + 1]
    assert caret.index("^") == marked.index("b:") + 3
    assert caret.endswith("^ E013 wrong type")


def test_source_excerpt_scrolls_sideways_to_a_far_column() -> None:
    line = "x" * 200 + "HERE" + "y" * 50
    problem = Problem("x.yaml", 1, 201, WARNING, "L104", "thin", "")
    rows = source_excerpt([line], problem, height=5, width=60).plain.splitlines()
    caret = rows[1].index("^")
    assert caret < 60 and rows[0][caret:caret + 4] == "HERE"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_preview_s_feedback_buttons_show_whole(in_fixtures, size) -> None:
    """The preview's narrow pane cut "All options (o)" mid-word at both sizes: its buttons
    now drop their keys (in the footer) and fit; the play screen's keep them."""
    app = make_app("preview-valid.yaml")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("down", "t", "2")
        await settle(pilot)
        box = app.screen.query_one(DecisionBox)
        assert [face.text for face in box.faces] == ["Continue", "Undo", "Options"]
        row = next(line for line in lines_of(box) if "Continue" in line)
        assert row.split() == ["│", "Continue", "Undo", "Options", "│"]
