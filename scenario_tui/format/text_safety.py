"""Neutralise terminal control characters in scenario text before it is displayed.

Scenario files are data written by anyone. An escape sequence inside a label must show as
text, never move the cursor or change colours, so every control character except newline and
tab is replaced by a visible stand-in (ESC becomes the symbol for escape, U+241B).
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_STAND_INS = {"\x1b": "\u241b", "\r": "", "\x7f": "\u2421"}


def _replace(match: re.Match[str]) -> str:
    char = match.group()
    if char in _STAND_INS:
        return _STAND_INS[char]
    code = ord(char)
    return chr(0x2400 + code) if code < 0x20 else "\ufffd"


def clean(text: str) -> str:
    """`text` with control characters (ESC, BEL, C1 codes...) shown as visible symbols."""
    return _CONTROL.sub(_replace, text)


def one_line(text: str, width: int = 0) -> str:
    """`clean(text)` folded to one line, shortened to `width` characters with an ellipsis."""
    flat = " ".join(clean(text).split())
    if width and len(flat) > width:
        return flat[: max(0, width - 1)].rstrip() + "…"
    return flat


def reflow(text: str) -> str:
    """`clean(text)` with hard-wrapped lines joined; blank lines still separate paragraphs."""
    paragraphs = clean(text).strip().split("\n\n")
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
