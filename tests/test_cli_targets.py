"""Outside text in command output, and targets the commands cannot honestly use.

File names are data too: they reach the terminal and CI logs only with their control characters
shown as symbols, and a GitHub annotation cannot be ended or forged by one. `validate` says so
when a path was not checked; `new` and `export -o` refuse what they must not write over and
report a failed write in one line.
"""

from __future__ import annotations

import builtins
import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest

from scenario_tui.cli import main, output
from scenario_tui.format import files

ESCAPES = "\x1b]0;pwned\x07\x1b]52;c;cHduZWQ=\x07\x1b[2J"
FORGED = "\n::error file=forged.yaml,line=1::forged"
NOT_CHECKED = "no problems"
AS_ROOT = pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                             reason="root reads and writes whatever the permissions say")


def _raw_controls(text: str) -> list[str]:
    """Control characters other than the newlines that end lines."""
    return [c for c in text if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F]


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    """A broken scenario whose name holds terminal escapes and a forged annotation."""
    path = tmp_path / f"bad{ESCAPES}{FORGED}.yaml"
    path.write_text("id: [unclosed\n", encoding="utf-8")
    return path


def test_text_output_shows_escapes_in_file_names(hostile_file: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(hostile_file)]) == 1
    out = capsys.readouterr().out
    assert _raw_controls(out) == []
    assert "\u241b]0;pwned\u2407" in out
    lines = out.splitlines()
    assert lines[0].startswith(str(hostile_file.parent)) and " error E002 " in lines[0]
    assert not any(line.startswith("::error") for line in lines)
    assert len(lines) == 3  # the problem, its hint, the summary: no line of the name's own


def test_github_output_cannot_be_forged_by_a_file_name(hostile_file: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    assert main(["validate", str(hostile_file), "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert _raw_controls(out) == []
    lines = out.splitlines()
    assert len(lines) == 2 and lines[0].startswith("::error file=")
    properties = lines[0].split("::")[1]
    assert "%0A%3A%3Aerror file=forged.yaml%2Cline=1%3A%3Aforged.yaml" in properties
    assert properties.count(",") == 2  # file=..., line=..., col=...: nothing added


def test_github_escapes_percent_and_line_breaks_in_properties_and_message() -> None:
    from scenario_tui.format.problems import ERROR, Problem

    line = Problem("a%b:c,d\r\n.yaml", 2, 3, ERROR, "E013", "50% off\nnext\x1b[31m").github()
    assert line == ("::error file=a%25b%3Ac%2Cd%0D%0A.yaml,line=2,col=3::"
                    "E013 50%25 off%0Anext\u241b[31m")


def test_json_output_leaves_nothing_raw(hostile_file: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    shifted = hostile_file.with_name(hostile_file.name.replace("bad", "bad\x9b\u202e"))
    hostile_file.rename(shifted)
    assert main(["validate", str(shifted), "--format", "json"]) == 1
    out = capsys.readouterr().out
    assert out.isascii() and _raw_controls(out) == []
    assert json.loads(out)["problems"][0]["path"] == str(shifted)  # the name itself, exactly


def test_list_shows_escapes_in_a_broken_file_name(hostile_file: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--scenarios", str(hostile_file.parent)]) == 0
    out = capsys.readouterr().out
    assert _raw_controls(out) == []
    assert "bad\u241b]0;pwned" in out


def test_usage_errors_show_escapes_in_what_was_named(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", f"/no/such{ESCAPES}{FORGED}"]) == 2
    err = capsys.readouterr().err
    assert _raw_controls(err) == [] and len(err.splitlines()) == 1


def test_the_path_report_shows_escapes_in_file_names(tiny_path: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / f"tiny{ESCAPES}{FORGED}.yaml"
    path.write_text(tiny_path.read_text(encoding="utf-8"), encoding="utf-8")
    main(["lint", str(path), "--paths"])
    out = capsys.readouterr().out
    assert _raw_controls(out) == [] and "tiny\u241b]0;pwned" in out


def _assert_not_checked(capsys: pytest.CaptureFixture[str], shown: str) -> None:
    out = capsys.readouterr().out
    assert NOT_CHECKED not in out
    assert " error E005 " in out and out.startswith(shown)


def test_validate_of_a_pipe_says_it_was_not_checked(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    pipe = tmp_path / "scenario.yaml"
    os.mkfifo(pipe)
    assert main(["validate", str(pipe)]) == 1
    _assert_not_checked(capsys, str(pipe))


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null here")
@pytest.mark.parametrize("fmt", ["text", "github", "json"])
def test_validate_of_a_device_says_it_was_not_checked(fmt: str,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    assert main(["validate", "/dev/null", "--format", fmt]) == 1
    out = capsys.readouterr().out
    assert NOT_CHECKED not in out and "E005" in out


def test_validate_of_a_misnamed_file_says_it_was_not_checked(
        tiny_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    typo = tmp_path / "typo.yml.txt"
    typo.write_text(tiny_path.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["validate", str(typo)]) == 1
    _assert_not_checked(capsys, str(typo))


def test_a_glossary_named_directly_is_still_checked(capsys: pytest.CaptureFixture[str]) -> None:
    glossary = Path(__file__).parent / "fixtures" / "ui_scenarios" / "glossary.yaml"
    assert main(["validate", str(glossary)]) == 0
    assert capsys.readouterr().out.strip() == "2 files checked (1 glossary, 1 misconceptions " \
        "file, no scenarios): no problems"  # and the misconceptions file beside it


MISCONCEPTIONS = Path(__file__).parent / "fixtures" / "misconceptions"


@pytest.mark.parametrize("target", ["the file", "its folder"])
def test_a_misconceptions_file_is_checked_as_one_and_counted(
        target: str, capsys: pytest.CaptureFixture[str]) -> None:
    """It was checked, but the report ended "0 files checked", as if nothing had been."""
    bad = MISCONCEPTIONS / "bad" / "misconceptions.yaml"
    assert main(["validate", str(bad if target == "the file" else bad.parent)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{bad}:3:3: error E011 missing field 'fact' in misconception 'no-fact'"
    assert out[-1].startswith("1 file checked (a misconceptions file, no scenarios): ")


def test_a_folder_of_one_good_misconceptions_file_passes_and_says_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "misconceptions.yaml"
    good.write_text((MISCONCEPTIONS / "good" / "misconceptions.yaml").read_text(),
                    encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == \
        "1 file checked (a misconceptions file, no scenarios): no problems"
    assert main(["lint", str(tmp_path), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["files"] == 1
    assert report["checked"] == {"scenarios": 0, "glossaries": 0, "misconceptions": 1}


@pytest.mark.parametrize("command", ["author", "export"])
@pytest.mark.parametrize("name", ["misconceptions.yaml", "glossary.yaml"])
def test_a_folder_file_given_for_a_scenario_says_what_it_is(
        command: str, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / name
    path.write_text("my-id:\n  name: x\n", encoding="utf-8")
    assert main([command, str(path)]) == 2
    err = capsys.readouterr().err
    kind = "a misconceptions file" if name == "misconceptions.yaml" else "a glossary"
    assert f"{path} is {kind} (" in err
    assert f"not a scenario: check it with `scenario-tui validate {path}`" in err


@pytest.mark.parametrize(("name", "text", "kind"), [
    ("misconceptions.yml", "my-tag:\n  belief: x\n  fact: y\n  sourc: https://a.b/c\n",
     "misconception entries"),
    ("my-services.yaml", "my-db:\n  name: My database\n  summary: Keeps rows.\n",
     "glossary cards"),
])
def test_a_folder_file_under_another_name_is_one_problem_not_every_field_missing(
        name: str, text: str, kind: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{path}:1:1: error E010 this file holds {kind} (" + \
        out[0].split(" (", 1)[1]
    assert "not a scenario" in out[0] and "rename it" in out[1]
    assert out[-1].endswith(": 1 error(s), 0 warning(s)")


def test_validate_reports_a_folder_it_cannot_read(tiny_path: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden-from-us.yaml").write_text(tiny_path.read_text(encoding="utf-8"))
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_scandir(path)

    monkeypatch.setattr(files.os, "scandir", scandir)
    assert main(["validate", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert NOT_CHECKED not in out
    assert out.startswith(f"{locked}: error E005 folder cannot be read (Permission denied)")


@AS_ROOT
def test_validate_reports_a_folder_without_permissions(tiny_path: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.yaml").write_text(tiny_path.read_text(encoding="utf-8"))
    locked.chmod(0)
    try:
        assert main(["validate", str(tmp_path)]) == 1
    finally:
        locked.chmod(0o755)
    assert " error E005 " in capsys.readouterr().out


# `new` and `export -o`: what they refuse to write over


def _export(tiny_path: Path, out: Path, *extra: str) -> int:
    return main(["export", str(tiny_path), "--format", "dot", "-o", str(out), *extra])


def test_new_refuses_a_folder_in_the_way(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "my-first.yaml").mkdir()
    for force in ([], ["--force"]):
        assert main(["new", "my-first", "--dir", str(tmp_path), *force]) == 2
        err = capsys.readouterr().err
        assert "is a folder" in err and len(err.splitlines()) == 1


def test_export_refuses_a_folder(tiny_path: Path, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert _export(tiny_path, tmp_path, "--force") == 2
    assert "is a folder" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["new", "export"])
def test_a_dangling_link_is_not_written_through(command: str, tiny_path: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "elsewhere" / "planted.yaml"
    elsewhere.parent.mkdir()
    link = tmp_path / "my-first.yaml"
    link.symlink_to(elsewhere)
    for force in ([], ["--force"]):
        code = main(["new", "my-first", "--dir", str(tmp_path), *force]) if command == "new" \
            else _export(tiny_path, link, *force)
        assert code == 2
        assert "link to a missing file" in capsys.readouterr().err
    assert not elsewhere.exists() and link.is_symlink()


def test_export_keeps_an_existing_file_unless_forced(tiny_path: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "graph.dot"
    out.write_text("mine\n")
    assert _export(tiny_path, out) == 2
    assert "already exists (use --force to overwrite)" in capsys.readouterr().err
    assert out.read_text() == "mine\n"
    assert _export(tiny_path, out, "--force") == 0
    assert out.read_text().startswith("digraph")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.dot"]  # no temporary file left


def test_forced_writes_go_through_a_link_to_a_file(tiny_path: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.dot"
    real.write_text("old\n")
    link = tmp_path / "link.dot"
    link.symlink_to(real)
    assert _export(tiny_path, link, "--force") == 0
    assert link.is_symlink() and real.read_text().startswith("digraph")


class _FailingOpen:
    """`open` for files that accept no more bytes (a full disk) or cannot be created."""

    def __init__(self, error: int, at_write: bool) -> None:
        self.error, self.at_write = error, at_write

    def __call__(self, path: Any, mode: str = "r", **options: Any) -> Any:
        if not self.at_write:
            raise OSError(self.error, os.strerror(self.error), str(path))
        handle = builtins.open(path, mode, **options)  # noqa: SIM115 (the caller closes it)

        def write(text: str) -> int:
            raise OSError(self.error, os.strerror(self.error))

        handle.write = write  # type: ignore[method-assign]
        return handle


@pytest.mark.parametrize(("error", "at_write"), [(errno.ENOSPC, True), (errno.EROFS, False),
                                                 (errno.EACCES, False)])
def test_a_failed_write_is_one_line_and_leaves_no_half_file(
        error: int, at_write: bool, tiny_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    kept = tmp_path / "kept.dot"
    kept.write_text("mine\n")
    monkeypatch.setattr(output, "open", _FailingOpen(error, at_write), raising=False)
    assert main(["new", "my-first", "--dir", str(tmp_path)]) == 1
    assert _export(tiny_path, tmp_path / "new.dot") == 1
    assert _export(tiny_path, kept, "--force") == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3 and all(os.strerror(error) in line for line in err)
    assert err[0] == (f"scenario-tui: error: cannot write {tmp_path / 'my-first.yaml'}: "
                      f"{os.strerror(error)}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.dot"]
    assert kept.read_text() == "mine\n"


@AS_ROOT
def test_new_into_a_read_only_folder_is_one_line(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    tmp_path.chmod(0o555)
    try:
        assert main(["new", "my-first", "--dir", str(tmp_path)]) == 1
    finally:
        tmp_path.chmod(0o755)
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "Permission denied" in err



def _progress_export(out: Path, *extra: str) -> int:
    return main(["progress", "export", "-o", str(out), *extra])


def test_progress_export_keeps_an_existing_file_unless_forced(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "progress.json"
    out.write_text("mine\n")
    assert _progress_export(out) == 2
    assert capsys.readouterr().err == (f"scenario-tui: error: -o: {out} already exists (use "
                                       "--force to overwrite)\n")
    assert out.read_text() == "mine\n"
    assert _progress_export(out, "--force") == 0
    assert json.loads(out.read_text())["format"] == "scenario-tui-progress"
    assert [p.name for p in tmp_path.iterdir()] == ["progress.json"]  # no temporary file left


def test_progress_export_refuses_a_folder_and_a_dangling_link(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "elsewhere" / "planted.json"
    elsewhere.parent.mkdir()
    link = tmp_path / "link.json"
    link.symlink_to(elsewhere)
    for force in ([], ["--force"]):
        assert _progress_export(tmp_path, *force) == 2
        assert "is a folder: name a file" in capsys.readouterr().err
        assert _progress_export(link, *force) == 2
        assert "link to a missing file" in capsys.readouterr().err
    assert not elsewhere.exists() and link.is_symlink()


@pytest.mark.parametrize(("error", "at_write"), [(errno.ENOSPC, True), (errno.EROFS, False)])
def test_a_failed_progress_export_is_one_line(
        error: int, at_write: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(output, "open", _FailingOpen(error, at_write), raising=False)
    out = tmp_path / "progress.json"
    assert _progress_export(out) == 1
    assert capsys.readouterr().err == (f"scenario-tui: error: cannot write {out}: "
                                       f"{os.strerror(error)}\n")
    assert not out.exists()
