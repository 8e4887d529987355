"""The author screen's watching: noticing each save of the file and looking at it off the loop.

A worker watches the file's folder with watchfiles (where it cannot, a timer polls); after each
batch of changes to the file, or to the glossary or misconceptions file beside it that it is
checked with, a thread worker looks at the file (`file_watch.FileWatcher`, which knows which
paths concern it) and posts each new `FileCheck` to the screen as `FileChecked`, which the
screen draws.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass

from textual import work
from textual.message import Message
from textual.screen import Screen
from textual.worker import get_current_worker

from ...authoring.file_check import FileCheck
from ...authoring.file_watch import FileWatcher, changes

WATCHFILES, POLLING = "watchfiles", "polling"
"""How saves are noticed: watchfiles' events on the file's folder, or a timer (the fallback)."""


class WatchingScreen(Screen[None]):
    """A screen that watches one file: `watch_file` starts, unmounting stops, and each new
    look at it arrives as a `FileChecked` message."""

    @dataclass
    class FileChecked(Message):
        """A look at the file found something new (posted from the worker thread)."""

        check: FileCheck

    def __init__(self, watcher: FileWatcher, interval: float = 0.5, *,
                 poll: bool = False) -> None:
        super().__init__()
        self.watcher = watcher
        self.interval = interval
        self.poll_only = poll
        """Look on a timer from the start, without trying watchfiles."""
        self.watched_by = ""
        """`WATCHFILES` once its watch is set up, `POLLING` once the timer runs."""
        self._requests = threading.Lock()
        """Guards the three flags below, shared with the looking thread."""
        self._again = self._looking = self._force = False
        self._stop_watching = asyncio.Event()

    def watch_file(self) -> None:
        """Look at the file now, then after each save."""
        self._poll()
        if self.poll_only:
            self._start_polling()
        else:
            self._watch_folder()

    def on_unmount(self) -> None:
        self._stop_watching.set()  # watchfiles' thread stops within a step, not a timeout

    @work(exclusive=True, group="watch", exit_on_error=False,
          description="Watching the file")
    async def _watch_folder(self) -> None:
        """Look at the file after each batch of changes watchfiles reports in its folder."""
        try:
            saves = changes(self.watcher, self._stop_watching)
            self.watched_by = WATCHFILES  # set up by `async for`'s first step, before any wait
            async for _ in saves:
                self._poll()
        except Exception:  # no watchfiles, no watches left, no folder: poll instead
            self._start_polling()

    def _start_polling(self) -> None:
        self.watched_by = POLLING
        self.set_interval(self.interval, self._poll)
        self._poll()  # a change may have come while watching failed

    def _poll(self, force: bool = False) -> None:
        """Have the file looked at; asked during a look, the looker looks once more."""
        with self._requests:
            self._again, self._force = True, self._force or force
            if self._looking:
                return
            self._looking = True
        self._look_at_file()

    @work(thread=True, group="look", exit_on_error=False, description="Checking the file")
    def _look_at_file(self) -> None:
        """Look at the file off the event loop while looks are asked for; report what changed."""
        worker = get_current_worker()
        try:
            while True:
                with self._requests:
                    if not self._again or worker.is_cancelled:
                        self._looking = False
                        return
                    self._again, force, self._force = False, self._force, False
                check = self.watcher.force() if force else self.watcher.poll()
                if check is not None and not worker.is_cancelled:
                    self.post_message(self.FileChecked(check))
        except BaseException:
            with self._requests:
                self._looking = False
            raise
