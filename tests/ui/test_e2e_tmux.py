"""End to end: the installed `scenario-tui` in a real terminal (tmux), driven by keystrokes."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from scenario_tui.progress.store import open_store

from .conftest import FIXTURES

TMUX = shutil.which("tmux")
MODES = ("alternate_on", "cursor_flag", "mouse_any_flag", "mouse_all_flag", "mouse_button_flag",
         "mouse_standard_flag", "mouse_sgr_flag")
"""What tmux knows of a pane's terminal: the alternate screen, the cursor shown, and each kind
of mouse tracking."""
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")


def executable() -> str:
    """The `scenario-tui` installed beside this Python, else the one on PATH."""
    beside = Path(sys.executable).with_name("scenario-tui")
    found = str(beside) if beside.exists() else shutil.which("scenario-tui")
    if found is None:
        pytest.skip("scenario-tui is not installed")
    return found


class Terminal:
    """The app in a tmux server of its own (its own socket, no user config): it starts with
    this test's environment, and no other tmux user can get in its way."""

    def __init__(self, socket: Path) -> None:
        self.socket = socket

    def tmux(self, *args: str, check: bool = True) -> str:
        return subprocess.run([TMUX, "-S", str(self.socket), "-f", os.devnull, *args], check=check,
                              capture_output=True, text=True).stdout

    def send(self, *keys: str) -> None:
        self.tmux("send-keys", *keys)

    def screen(self) -> str:
        """The pane's text; a no-break space reads as the space it looks like."""
        return self.tmux("capture-pane", "-p").replace("\u00a0", " ")

    def modes(self) -> dict[str, bool]:
        """Each of `MODES`, on or off, in the pane now."""
        values = self.tmux("display-message", "-p", " ".join(f"#{{{m}}}" for m in MODES))
        return {mode: value == "1" for mode, value in zip(MODES, values.split(), strict=True)}

    def wait_for(self, predicate: Callable[[str], bool], timeout: float = 15.0) -> str:
        """The screen once `predicate` holds for it (polled), or fail at the deadline."""
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = self.screen()
            if predicate(text):
                return text
            time.sleep(0.1)
        raise AssertionError(f"timed out; the screen shows:\n{text}")


@pytest.fixture
def terminal(data_dir: Path) -> Iterator[Terminal]:
    terminal = Terminal(data_dir.parent / "tmux.sock")
    command = (f"env -u NO_COLOR TERM=xterm-256color '{executable()}' --scenarios '{FIXTURES}'"
               f" --data-dir '{data_dir}' --in-order")  # choices in file order: keys are fixed
    terminal.tmux("new-session", "-d", "-x", "100", "-y", "30", command)
    try:
        yield terminal
    finally:
        terminal.tmux("kill-server", check=False)


def test_play_a_scenario_to_its_debrief_with_keystrokes(terminal: Terminal) -> None:
    terminal.wait_for(lambda s: " shown" in s and "broken" in s)
    terminal.send("-l", "cache-the-catalogue")
    terminal.wait_for(lambda s: "Filter › cache-the-catalogue" in s)  # the filter has the keys
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


@pytest.fixture
def shell(data_dir: Path) -> Iterator[Terminal]:
    """A shell in a tmux server of its own, to start the app from and come back to."""
    terminal = Terminal(data_dir.parent / "tmux.sock")
    terminal.tmux("new-session", "-d", "-x", "100", "-y", "30", "env PS1='$ ' sh")
    try:
        yield terminal
    finally:
        terminal.tmux("kill-server", check=False)


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_signal_ends_the_app_and_gives_the_terminal_back(shell: Terminal, data_dir: Path,
                                                           name: str) -> None:
    """SIGTERM (or SIGHUP) ends the app as Ctrl+Q would: alternate screen off, mouse tracking
    off, cursor on, the shell's prompt back, the exit status a shell expects, and the play
    finished before it still saved."""
    signum = getattr(signal, name)
    pid_file = data_dir.parent / "app.pid"
    app = shlex.join(["env", "-u", "NO_COLOR", "TERM=xterm-256color", executable(),
                      "--scenarios", str(FIXTURES), "--data-dir", str(data_dir),
                      "play", "cache-the-catalogue", "--exam", "--in-order"])
    # `exec` keeps the pid the inner shell wrote down: the app's own.
    shell.send("-l", f"sh -c 'echo $$ > {shlex.quote(str(pid_file))}; exec {app}'; "
               "echo exit=$?")
    shell.send("Enter")
    shell.wait_for(lambda s: "Decision 1" in s and "four seconds" in s)
    running = shell.modes()
    assert running["alternate_on"] and running["mouse_any_flag"] and not running["cursor_flag"]
    shell.send("1")
    shell.wait_for(lambda s: "How should the application fill the cache?" in s)
    shell.send("1")
    shell.wait_for(lambda s: "Grade" in s)

    os.kill(int(pid_file.read_text()), signum)
    screen = shell.wait_for(lambda s: f"exit={128 + signum}" in s)
    assert screen.rstrip().endswith("$")
    assert shell.modes() == dict.fromkeys(MODES, False) | {"cursor_flag": True}
    store = open_store(data_dir)
    try:
        assert [play.score for play in store.plays()] == [4]
    finally:
        store.close()
