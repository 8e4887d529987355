"""Saving without losing a play: what the store refuses waits in the journal, and `Saving`
says what became of each save so the app can tell the learner."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..progress.journal import Journal, PendingSave
from ..progress.store import ProgressStore
from ..progress.store_errors import WriteFailed


# A named tuple, not a frozen dataclass: defined on the way to the catalogue's first frame,
# where a dataclass takes ten times as long to make.
class Saving(NamedTuple):
    """What became of a save (a finished play or a review answer) and of the saves that
    were waiting before it; the app shows `notice` when there is one."""

    saved_earlier: int = 0
    """Saves that had to wait and are in the store now."""
    waiting: int = 0
    """Saves not in the store yet (this one among them, if the store refused it)."""
    reason: str = ""
    """Why the store refused the last try."""
    kept_in: Path | None = None
    """The journal file the waiting saves are kept in; None when only memory holds them."""

    @property
    def notice(self) -> str:
        """What the learner is told, or "" when there is nothing to tell."""
        if self.waiting:
            count = "" if self.waiting == 1 else f"; {self.waiting} saves are waiting"
            if self.kept_in is None:
                return (f"Your progress could not be saved yet ({self.reason}{count}), nor "
                        "kept on disk. It is held in memory and will be saved after your next "
                        "play if the problem has cleared; quitting now loses it.")
            return (f"Your progress could not be saved yet ({self.reason}{count}). It is kept "
                    f"in {self.kept_in} and will be saved after your next play or at the next "
                    "start.")
        if self.saved_earlier:
            plural = "s" if self.saved_earlier != 1 else ""
            return (f"Progress that could not be saved before is saved now "
                    f"({self.saved_earlier} play{plural} or review answer{plural}).")
        return ""


def make_saves(store: ProgressStore, journal: Journal, earlier: list[PendingSave],
               fresh: list[PendingSave]) -> Saving:
    """Make `earlier`, then `fresh`, in order up to the first save the store refuses; that
    one and those after it wait in `journal`."""
    queue = [*earlier, *fresh]
    saved: list[PendingSave] = []
    reason = ""
    for item in queue:
        try:
            item.apply(store)
        except WriteFailed as error:
            reason = str(error)
            break
        saved.append(item)
    waiting = queue[len(saved):]
    if saved:
        journal.made(saved, waiting)
    else:  # nothing was made: the new ones join those waiting
        for entry in fresh:
            journal.keep(entry)
    return Saving(min(len(saved), len(earlier)), len(waiting), reason,
                  None if journal.only_in_memory else journal.path)
