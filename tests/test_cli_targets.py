"""Outside text in command output.

File names are data too: they reach the terminal and CI logs only with their control characters
shown as symbols, and a GitHub annotation cannot be ended or forged by one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scenario_tui.cli import main

ESCAPES = "\x1b]0;pwned\x07\x1b]52;c;cHduZWQ=\x07\x1b[2J"
FORGED = "\n::error file=forged.yaml,line=1::forged"


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

