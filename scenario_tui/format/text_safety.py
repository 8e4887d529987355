"""Neutralise terminal control characters in scenario text before it is displayed.

Scenario files are data written by anyone. An escape sequence inside a label must show as
text, never move the cursor or change colours, so every control character except newline and
tab is replaced by a visible stand-in (ESC becomes the symbol for escape, U+241B).

Layout controls get the same care: a bidi override or isolate (which makes a terminal reorder
what follows, borders included) shows as U+FFFD, and invisible characters that terminals and
Rich measure differently (zero-width space, soft hyphen, bidi marks, tag characters, a joiner
that glues emoji together) are dropped. Letters of every script stay as written, and so do the
joiners between them that Persian and Indic spelling needs.
"""

from __future__ import annotations

import re
import unicodedata

_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_JOINERS = "\u200c\u200d"
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 and C1 controls, but for tab and newline
    r"\u202a-\u202e\u2066-\u2069"  # bidi embeddings, overrides and isolates
    r"\u061c\u200e\u200f"  # bidi marks
    r"\u00ad\u180e\u200b-\u200d\u2060-\u2064\u206a-\u206f\ufeff\U000e0000-\U000e007f"  # invisible
    r"\u2028\u2029]"  # line and paragraph separators
)
_STAND_INS = {"\x1b": "\u241b", "\r": "", "\x7f": "\u2421", "\u2028": "\n", "\u2029": "\n"}


def _is_letter(text: str, index: int) -> bool:
    return 0 <= index < len(text) and unicodedata.category(text[index])[0] in "LM"


def _replace(match: re.Match[str]) -> str:
    char = match.group()
    if char in _STAND_INS:
        return _STAND_INS[char]
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code <= 0x9F or char in _BIDI_CONTROLS:
        return "\ufffd"
    if char in _JOINERS and _is_letter(match.string, match.start() - 1) \
            and _is_letter(match.string, match.end()):
        return char
    return ""


def clean(text: str) -> str:
    """`text` with control characters (ESC, BEL, C1 codes...) shown as visible symbols."""
    return _CONTROL.sub(_replace, text)


def visible(text: str) -> str:
    """`clean(text)` on one line and otherwise as it is: newline, tab and carriage return shown
    as symbols too, nothing folded or shortened (file names and paths in command output)."""
    flat = text.replace("\r", "\u240d")
    return clean(flat).replace("\n", "\u240a").replace("\t", "\u2409")


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
