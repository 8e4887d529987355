"""SIGTERM and SIGHUP while the app runs: it exits as Ctrl+Q would, with the shell's status for
the signal. (`test_e2e_tmux.py` checks the terminal it leaves behind.)"""

from __future__ import annotations

import os
import signal

import pytest
from textual.app import App

from scenario_tui.ui.exit_signals import EXIT_SIGNALS, exit_on_signals


@pytest.mark.parametrize("signum", EXIT_SIGNALS)
async def test_a_signal_exits_the_running_app(signum: int) -> None:
    app: App[None] = App()
    with exit_on_signals(app):
        async with app.run_test() as pilot:
            os.kill(os.getpid(), signum)
            await pilot.pause()
    assert app.return_code == 128 + signum


@pytest.mark.parametrize("signum", EXIT_SIGNALS)
def test_outside_the_app_a_signal_ends_the_process_and_handlers_are_put_back(
        signum: int) -> None:
    before = signal.getsignal(signum)
    with exit_on_signals(App()), pytest.raises(SystemExit) as ended:
        os.kill(os.getpid(), signum)
    assert ended.value.code == 128 + signum
    assert signal.getsignal(signum) is before
