"""End to end: the installed `scenario-tui` in a real terminal (tmux), driven by keystrokes."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .conftest import FIXTURES

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")


def executable() -> str:
    """The `scenario-tui` installed beside this Python, else the one on PATH."""
    beside = Path(sys.executable).with_name("scenario-tui")
    found = str(beside) if beside.exists() else shutil.which("scenario-tui")
    if found is None:
        pytest.skip("scenario-tui is not installed")
    return found


class Terminal:
    """One tmux session running the app."""

    def __init__(self, name: str) -> None:
        self.name = name

    def send(self, *keys: str) -> None:
        subprocess.run([TMUX, "send-keys", "-t", self.name, *keys], check=True)

    def screen(self) -> str:
        return subprocess.run([TMUX, "capture-pane", "-p", "-t", self.name], check=True,
                              capture_output=True, text=True).stdout

    def wait_for(self, predicate: Callable[[str], bool], timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = self.screen()
            if predicate(text):
                return text
            time.sleep(0.1)
        raise AssertionError(f"timed out; the screen shows:\n{text}")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    name = f"scenario-tui-e2e-{uuid.uuid4().hex[:8]}"
    command = (f"env -u NO_COLOR TERM=xterm-256color '{executable()}' --scenarios '{FIXTURES}'"
               f" --data-dir '{tmp_path / 'data'}'")
    subprocess.run([TMUX, "new-session", "-d", "-s", name, "-x", "100", "-y", "30", command],
                   check=True)
    try:
        yield Terminal(name)
    finally:
        subprocess.run([TMUX, "kill-session", "-t", name], check=False, capture_output=True)


def test_play_a_scenario_to_its_debrief_with_keystrokes(terminal: Terminal) -> None:
    terminal.wait_for(lambda s: " shown" in s and "broken" in s)
    time.sleep(0.3)
    terminal.send("-l", "cache-the-catalogue")
    terminal.wait_for(lambda s: " 1 of " in s and "Cache the catalogue" in s)
    terminal.send("Enter")
    terminal.wait_for(lambda s: "Decision 1" in s and "four seconds" in s)
    terminal.send("1")
    screen = terminal.wait_for(lambda s: "Right" in s and "+2 points" in s)
    assert "Continue" in screen
    terminal.send("Enter")
    terminal.wait_for(lambda s: "How should the application fill the cache?" in s)
    terminal.send("1")
    terminal.wait_for(lambda s: "Right" in s)
    terminal.send("Enter")
    screen = terminal.wait_for(lambda s: "Grade" in s and "Score" in s)
    assert "4 of 4 possible" in screen and "100 %" in screen
    assert "Success" in screen
    terminal.send("Escape")
    screen = terminal.wait_for(lambda s: "best 100 % · 1 attempt" in s)
    terminal.send("C-q")
