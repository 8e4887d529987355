"""SIGTERM and SIGHUP end a running app the way Ctrl+Q does.

Their default action kills the process on the spot, and the terminal stays as the app set it:
in the alternate screen, with mouse tracking on and the cursor hidden. Handled, they ask the
app to exit; Textual's driver then puts the terminal back, and what was saved stays saved.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from textual.app import App

EXIT_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP")
                     if hasattr(signal, name))
"""SIGHUP only where there is one (not on Windows)."""


def exit_code(signum: int) -> int:
    """What a shell reports for a process that `signum` ended (143 for SIGTERM)."""
    return 128 + signum


@contextmanager
def exit_on_signals(app: App[Any]) -> Iterator[None]:
    """While the block runs `app`, SIGTERM and SIGHUP make it exit with the shell's code for
    the signal; the handlers from before are put back afterwards."""

    def handle(signum: int, frame: FrameType | None) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # the app has not started or has ended: nothing to put back
            raise SystemExit(exit_code(signum)) from None
        # A handler runs between two steps of whatever the loop was doing: the exit is
        # scheduled as a callback of its own rather than called in the middle of that.
        loop.call_soon_threadsafe(app.exit, None, exit_code(signum))

    previous = {signum: signal.signal(signum, handle) for signum in EXIT_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
