"""No-break spaces that hold: a line never wraps at U+00A0, U+2007 or U+202F.

The app joins what must stay on one line with a no-break space: "50 %", "−2 points", the
breadcrumb's "› ✓ 4 Send…". Textual 8.2.8 wraps text by splitting it into words with
regular expressions that take any whitespace as a place to break (`\\s`, which in Python
matches the no-break spaces too), so "50 ⏎ %" happened anyway. Both of its splitters (Rich's
`divide_line`, which lays out a widget's `Content`, and Textual's own `compute_wrap_offsets`,
behind `Content.wrap`) read a module-level pattern on every call; `keep_no_break_spaces`
swaps in patterns that break only at breaking spaces. Look again when Textual or Rich is
bumped; tests/ui/test_no_break.py shows both.
"""

from __future__ import annotations

import re

import rich._wrap
import textual._wrap

NO_BREAK = "\u00a0\u2007\u202f"
"""No-break space, figure space, narrow no-break space."""
_BREAKING = rf"[^\S{NO_BREAK}]"
_UNBROKEN = rf"(?:\S|[{NO_BREAK}])"

RICH_WORD = re.compile(rf"{_BREAKING}*{_UNBROKEN}+{_BREAKING}*")
"""Rich's `re_word` (`\\s*\\S+\\s*`), with no-break spaces inside words."""
TEXTUAL_CHUNK = re.compile(rf"{_UNBROKEN}+{_BREAKING}*|{_BREAKING}+")
"""Textual's `re_chunk` (`\\S+\\s*|\\s+`), with no-break spaces inside words."""


def keep_no_break_spaces() -> None:
    """Make every wrap in this process keep no-break spaces (applying it twice is harmless)."""
    rich._wrap.re_word = RICH_WORD
    textual._wrap.re_chunk = TEXTUAL_CHUNK
