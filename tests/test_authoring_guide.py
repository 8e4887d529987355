"""docs/authoring.md is right: its getting-started loop runs as written, in a fresh folder, and
the numbers and keys it states are the code's."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from scenario_tui.analysis import lint, telegraph
from scenario_tui.cli import main

ROOT = Path(__file__).parent.parent
GUIDE = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")


def getting_started() -> list[list[str]]:
    """The commands of the guide's first console block, without prompts and comments."""
    block = re.search(r"```console\n(.*?)```", GUIDE, re.S)
    assert block is not None
    commands = []
    for line in block.group(1).splitlines():
        assert line.startswith("$ "), line
        commands.append(shlex.split(line[2:], comments=True))
    return commands


def test_the_getting_started_loop_runs_as_written(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """Each command, in a new empty folder, as a new author types it: `$EDITOR` stands for an
    edit that keeps the file valid, and `play` stops where the app would open."""
    monkeypatch.chdir(tmp_path)
    opened: list[str] = []

    def open_app(args: object, session: object = None) -> int:
        opened.append(getattr(args, "scenario_id", ""))
        return 0

    monkeypatch.setattr("scenario_tui.ui.launch.run", open_app)
    commands = getting_started()
    assert [c[:2] for c in commands] == [["scenario-tui", "new"], ["$EDITOR", commands[1][1]],
                                         ["scenario-tui", "validate"], ["scenario-tui", "lint"],
                                         ["scenario-tui", "play"]]
    for command in commands:
        if command[0] == "$EDITOR":
            edited = tmp_path / command[1]
            text = edited.read_text(encoding="utf-8")
            edited.write_text(text.replace("title: My scenario", "title: Queue the uploads"),
                              encoding="utf-8")
            continue
        assert command[0] == "scenario-tui"
        status = main(command[1:])
        output = capsys.readouterr()
        assert status == 0, (command, output.out, output.err)
    assert opened == ["my-scenario"]


def test_the_guide_states_the_lint_thresholds_the_code_uses() -> None:
    table = GUIDE.split("### Thresholds", 1)[1].split("Switch a rule off", 1)[0]
    assert f"fewer than {lint.MIN_WHY_WORDS} words in `why`" in table
    assert f"fewer than {lint.MIN_DECISIONS} decisions on the best path" in table
    assert f"more than {lint.FRESH_DAYS} days" in table
    assert f"more than {telegraph.LONG_SHARE:.0%}".replace("%", " %") in table
    assert f"from {telegraph.LONG_MIN_DECISIONS} such decisions" in table


def test_every_key_of_the_author_preview_is_in_its_help() -> None:
    """The help (F1) is the one list of keys; the guide points at it."""
    from textual.binding import Binding

    from scenario_tui.ui.author_app import AuthorApp
    from scenario_tui.ui.screens.author import AuthorScreen

    help_text = (ROOT / "scenario_tui" / "ui" / "author_help.md").read_text(encoding="utf-8")
    shown = {"escape": "Esc", "ctrl+r": "Ctrl+R", "ctrl+q": "Ctrl+Q", "f1": "F1",
             "enter": "Enter", "question_mark": "?"}
    for owner in (AuthorApp, AuthorScreen):
        for binding in owner.BINDINGS:
            assert isinstance(binding, Binding)
            if not binding.description or binding.key in "23456789":
                continue
            key = shown.get(binding.key, binding.key_display or binding.key)
            assert f"`{key.split('-')[0]}`" in help_text, (owner.__name__, binding.key)
    assert "| `w` | What if" in help_text  # the graph's own key, the second starting point
    assert "scenario_tui/ui/author_help.md" in GUIDE
