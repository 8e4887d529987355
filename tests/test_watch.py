"""The author preview's watcher: every state an editor can leave a file in, without a terminal."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from scenario_tui.authoring import file_check
from scenario_tui.authoring import file_watch as watch
from scenario_tui.cli import main
from scenario_tui.play.engine import start
from scenario_tui.play.library import check_file

AUTHOR = Path(__file__).parent / "fixtures" / "author"
TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def scenario_file(tmp_path: Path) -> Path:
    for name in ("preview-valid.yaml", "glossary.yaml", "misconceptions.yaml"):
        shutil.copy(AUTHOR / name, tmp_path / name)
    return tmp_path / "preview-valid.yaml"


def watcher(path: Path) -> watch.FileWatcher:
    return watch.FileWatcher(path, today=lambda: TODAY)


def test_valid_file_is_checked_and_linted_once(scenario_file: Path) -> None:
    files = watcher(scenario_file)
    check = files.poll()
    assert check is not None and check.state == file_check.VALID
    assert check.scenario is not None and check.scenario.id == "preview-valid"
    assert sorted(p.code for p in check.problems) == ["L101", "L101", "L115", "L115"]
    assert check.lines[0] == "id: preview-valid"
    assert files.poll() is None
    os.utime(scenario_file)  # touched, same content: nothing to report
    assert files.poll() is None


def test_broken_file_lists_errors_before_warnings(scenario_file: Path) -> None:
    text = scenario_file.read_text(encoding="utf-8")
    scenario_file.write_text(text.replace("to: workers\n        points: 2",
                                          "to: wokers\n        points: 2"), encoding="utf-8")
    check = watcher(scenario_file).poll()
    assert check is not None and check.state == file_check.BROKEN and check.scenario is None
    assert check.problems[0].code == "E021"
    assert all(p.is_error for p in check.problems[: len(check.errors)])


def test_same_size_rewrite_is_seen(scenario_file: Path) -> None:
    files = watcher(scenario_file)
    files.poll()
    stat = scenario_file.stat()
    text = scenario_file.read_text(encoding="utf-8")
    scenario_file.write_text(text.replace("bursts", "burstz"), encoding="utf-8")
    os.utime(scenario_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same stamp as before
    check = files.poll()
    assert check is not None and "burstz" in check.text


@pytest.mark.parametrize(("side", "old", "new", "error"), [
    ("misconceptions.yaml", "retry-forever:", "retry-for-ever:", ("preview-valid.yaml", "E028")),
    ("glossary.yaml", "  summary: Managed message", "  sumary: Managed message",
     ("glossary.yaml", "E012")),
], ids=["misconceptions", "glossary"])
def test_a_save_of_the_file_beside_it_checks_it_again(scenario_file: Path, side: str, old: str,
                                                       new: str, error: tuple[str, str]) -> None:
    """The scenario is unchanged, but what its tags and service ids mean is not."""
    files = watcher(scenario_file)
    first = files.poll()
    assert first is not None and first.state == file_check.VALID and not first.errors
    beside = scenario_file.with_name(side)
    text = beside.read_text(encoding="utf-8")
    assert old in text
    beside.write_text(text.replace(old, new), encoding="utf-8")
    check = files.poll()
    assert check is not None
    assert [(Path(p.path).name, p.code) for p in check.errors] == [error]
    os.utime(beside)  # touched, same content: nothing new
    assert files.poll() is None
    beside.write_text(text, encoding="utf-8")
    again = files.poll()
    assert again is not None and again.state == file_check.VALID


def test_a_broken_misconceptions_file_beside_it_is_shown(scenario_file: Path) -> None:
    beside = scenario_file.with_name("misconceptions.yaml")
    beside.write_text(beside.read_text(encoding="utf-8").replace("  fact: A Lambda",
                                                                 "  facts: A Lambda"),
                      encoding="utf-8")
    check = watcher(scenario_file).poll()
    assert check is not None
    found = {(Path(p.path).name, p.code) for p in check.errors}
    assert {("misconceptions.yaml", "E012"), ("preview-valid.yaml", "E028")} <= found


@pytest.mark.parametrize(("content", "state"), [
    (b"", file_check.WRITING),
    (b"\x89PNG\r\n\x1a\n\x00\x00", file_check.BINARY),
])
def test_passing_states(tmp_path: Path, content: bytes, state: str) -> None:
    path = tmp_path / "draft.yaml"
    path.write_bytes(content)
    check = watcher(path).poll()
    assert check is not None and check.state == state and check.detail


def test_an_empty_file_that_stays_empty_is_reported_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "draft.yaml"
    path.write_bytes(b"")
    files = watcher(path)
    first, second = files.poll(), files.poll()
    assert first is not None and first.state == file_check.WRITING
    assert second is not None and second.state == file_check.EMPTY


def test_missing_then_back(scenario_file: Path) -> None:
    files = watcher(scenario_file)
    assert files.poll() is not None
    text = scenario_file.read_text(encoding="utf-8")
    scenario_file.unlink()
    check = files.poll()
    assert check is not None and check.state == file_check.MISSING
    assert files.poll() is None  # still missing: nothing new
    scenario_file.write_text(text, encoding="utf-8")
    check = files.poll()
    assert check is not None and check.state == file_check.VALID


def test_a_folder_in_its_place(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").mkdir()
    check = watcher(tmp_path / "x.yaml").poll()
    assert check is not None and check.state == file_check.NOT_A_FILE


def test_a_file_that_is_not_a_scenario(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("id: x\n", encoding="utf-8")
    check = watcher(path).poll()
    assert check is not None and check.state == file_check.UNREADABLE


def test_unexpected_failure_is_a_state(scenario_file: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(watch, "check_text", explode)
    check = watcher(scenario_file).poll()
    assert check is not None and check.state == file_check.UNREADABLE and "boom" in check.detail


def test_force_checks_again(scenario_file: Path) -> None:
    files = watcher(scenario_file)
    first = files.poll()
    again = files.force()
    assert again.state == file_check.VALID and again is not first


def test_unsaved_changes_in_emacs_and_vim(scenario_file: Path) -> None:
    files = watcher(scenario_file)
    assert files.poll() is not None
    lock = scenario_file.with_name(f".#{scenario_file.name}")
    lock.symlink_to("user@host.1234")  # emacs: a dangling symlink while a buffer is modified
    check = files.poll()
    assert check is not None and check.unsaved == "emacs" and check.state == file_check.VALID
    lock.unlink()
    assert files.poll() is not None
    swap = scenario_file.with_name(f".{scenario_file.name}.swp")
    block = bytearray(b"b0" + bytes(1100))
    swap.write_bytes(bytes(block))
    assert files.poll() is None  # open in vim, nothing changed yet
    block[watch.VIM_DIRTY_OFFSET] = watch.VIM_DIRTY
    swap.write_bytes(bytes(block))
    check = files.poll()
    assert check is not None and check.unsaved == "vim"


def test_changes_that_concern_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file, its editor's lock and swap files, and the glossary and misconceptions file
    it is checked with, in its own folder; nothing else."""
    monkeypatch.chdir(tmp_path)
    files = watcher(Path("draft.yaml"))
    assert files.folders == [tmp_path]
    for name in ("draft.yaml", ".#draft.yaml", ".draft.yaml.swp", "glossary.yaml",
                 "misconceptions.yaml"):
        assert files.concerns(str(tmp_path / name))
    for other in ("draft.yaml.tmp", "4913", "other.yaml", "sub/draft.yaml"):
        assert not files.concerns(str(tmp_path / other))


def test_a_symlinked_file_is_watched_where_its_target_is(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    target = tmp_path / "drafts" / "real.yaml"
    target.write_text("id: x\n", encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to(target)
    files = watcher(tmp_path / "link.yaml")
    assert files.folders == [tmp_path, tmp_path / "drafts"]
    assert files.concerns(str(target)) and files.concerns(str(tmp_path / "link.yaml"))
    assert not files.concerns(str(tmp_path / "drafts" / ".#real.yaml"))


def test_polling_is_asked_for_in_the_environment() -> None:
    assert not watch.polling_forced({})
    assert not watch.polling_forced({watch.POLL_ENV: "0"})
    assert watch.polling_forced({watch.POLL_ENV: "1"})


def test_carry_over_keeps_origin_and_choices(scenario_file: Path) -> None:
    scenario = check_file(scenario_file).scenario
    assert scenario is not None
    play = start(scenario, origin="workers").choose(scenario, 0)
    edited = check_file(scenario_file).scenario
    assert edited is not None and edited is not scenario
    moved = file_check.carry_over(play, edited)
    assert moved.origin == "workers" and [c.index for c in moved.choices] == [0]
    gone = file_check.carry_over(start(scenario, origin="no-such-node"), edited)
    assert gone.origin == "" and not gone.choices


def test_cli_author_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["author", str(tmp_path / "missing.yaml")]) == 2
    assert "no such file" in capsys.readouterr().err
    notes = tmp_path / "notes.txt"
    notes.write_text("x", encoding="utf-8")
    assert main(["author", str(notes)]) == 2
    assert "not a scenario file" in capsys.readouterr().err
    assert main(["author", str(tmp_path)]) == 2
