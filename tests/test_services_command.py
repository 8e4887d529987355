"""`scenario-tui services` lists the ids `services:` accepts; `new --dir` makes its folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scenario_tui.cli import main
from scenario_tui.format import glossary
from scenario_tui.format.files import library_dir


def test_services_lists_every_bundled_id_with_its_name(capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    bundled, _ = glossary.for_roots([library_dir()])
    assert main(["services"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == sorted(bundled)
    assert any(line.split(None, 1)[1] == "Amazon DynamoDB" for line in lines)


def test_services_json_includes_a_local_glossary_with_names_neutralised(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "glossary.yaml").write_text(
        'my-queue:\n  name: "Team \\e[31mqueue\\nsecond line"\n  summary: Ours.\n',
        encoding="utf-8")
    assert main(["services", "--scenarios", str(tmp_path), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    cards = {card["id"]: card for card in json.loads(out)}
    assert cards["my-queue"]["name"] == "Team \x1b[31mqueue\nsecond line"  # JSON escapes it
    assert "dynamodb" in cards
    assert main(["services", "--scenarios", str(tmp_path)]) == 0
    text = capsys.readouterr().out
    (line,) = [line for line in text.splitlines() if line.startswith("my-queue")]
    assert "\x1b" not in text and "queue" in line and "second line" in line


def test_services_reports_a_broken_local_glossary(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "glossary.yaml").write_text("my-queue:\n  nmae: Ours\n  summary: Ours.\n",
                                            encoding="utf-8")
    assert main(["services", "--scenarios", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "did you mean 'name'?" in captured.err
    assert "my-queue" not in captured.out


def test_new_creates_its_folder_and_parents(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "my" / "scenarios"
    assert main(["new", "first-one", "--dir", str(folder)]) == 0
    assert (folder / "first-one.yaml").is_file()
    assert main(["validate", str(folder)]) == 0
    assert f"--scenarios {folder}" in capsys.readouterr().out


def test_new_refuses_a_dir_that_is_a_file(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    assert main(["new", "first-one", "--dir", str(not_a_folder)]) == 2
    assert "exists and is not a folder" in capsys.readouterr().err
    assert not_a_folder.read_text(encoding="utf-8") == "x"


def test_export_help_names_file_as_the_input(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "FILE the scenario file to read" in out
