"""Keys typed faster than the screen draws: two guards for Textual 8.2.8's own widgets.

Keys that arrive together (a fast typist, a held key's repeats) are handled one after another
before the screen draws again. Two of Textual's widgets then ended the app, in both our apps:

- `OptionList` pages by the lines it works out for its options, and works them out only once
  it has a size. PgUp or PgDn right after options appear (typed with Ctrl+P, before the
  palette is drawn) looked up a line that was not there: `KeyError`. Every list has this:
  ours (choices, catalogue, problems, the replay picker) and the palettes'. Paging now waits
  for a size.
- `CommandPalette` handles each Enter its input took, and closes itself on each: the second
  closed the screen beneath it, and with only the catalogue left, `ScreenStackError`. It now
  closes only while it is on top.

Both are on Textual's classes, so that the palettes Textual opens itself (Ctrl+P, the theme
picker) have them too; `guard_fast_keys` applies them once, from each app's module. Random
keys in bursts found them; tests/ui/test_fast_keys.py replays each. Look again when Textual
is bumped.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from textual.await_complete import AwaitComplete
from textual.command import CommandPalette
from textual.widgets import OptionList

GUARDED = "_scenario_tui_guarded"
"""Marks a method already wrapped, so applying the guards twice changes nothing."""


def _pages_once_laid_out(page: Callable[[OptionList], None]) -> Callable[[OptionList], None]:
    @wraps(page)
    def guarded(self: OptionList) -> None:
        if self.scrollable_content_region:  # what `OptionList` needs to work out its lines
            page(self)

    return guarded


def _closes_once(dismiss: Callable[..., AwaitComplete]) -> Callable[..., AwaitComplete]:
    @wraps(dismiss)
    def guarded(self: CommandPalette, result: Any = None) -> AwaitComplete:
        if not self.is_active:  # an Enter queued behind the one that closed it
            return AwaitComplete()
        return dismiss(self, result)

    return guarded


def _wrap(cls: type, name: str, guard: Callable[[Any], Any]) -> None:
    method = getattr(cls, name)
    if not getattr(method, GUARDED, False):
        guarded = guard(method)
        setattr(guarded, GUARDED, True)
        setattr(cls, name, guarded)


def guard_fast_keys() -> None:
    """Apply both guards (calling again is a no-op)."""
    _wrap(OptionList, "action_page_up", _pages_once_laid_out)
    _wrap(OptionList, "action_page_down", _pages_once_laid_out)
    _wrap(CommandPalette, "dismiss", _closes_once)
