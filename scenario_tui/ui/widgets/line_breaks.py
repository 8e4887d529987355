"""Where a line of text breaks to fit a column, so that nothing is cut off: at spaces, as Rich
wraps, and a word wider than the column (a header name, a URL, an S3 path, an ARN) only at the
end of one of its segments, after `/`, `:`, `.` or `-`, not ellipsized. A word that fits its
column whole is never broken, and a no-break space keeps a choice's points on its label's last
line.
"""

from __future__ import annotations

import re

from rich.cells import cell_len, chop_cells

from .numbers import NBSP

WORD = re.compile(r"[^\S\xa0]*[\S\xa0]+[^\S\xa0]*")
"""A word and the spaces after it (and before it, at the start), as Rich divides lines,
except that a no-break space joins what it stands between (a label and its points)."""
_BREAK = re.compile(r"(?<=[-/:.\xa0])(?=[^\s\-/:.])")
"""Where a word too wide for its column may break: after a hyphen, slash, colon, dot or
no-break space, before a character that is none of these (`s3://`, `iam::` and `../` stay
whole). Not inside a segment: `year=2026` and `Uploader_Role` read as one name, and a line
ending `year` with `=2026` below reads as two."""


def last_break(word: str, room: int, marks: str = "") -> int:
    """The last break point in `word` that leaves at most `room` cells before it (one after
    a no-break space first; only one after a character of `marks` if given), or 0."""
    fits = [at for at in (m.start() for m in _BREAK.finditer(word))
            if at > 1 and cell_len(word[:at].rstrip()) <= room
            and (not marks or word[at - 1] in marks)]
    joined = [at for at in fits if word[at - 1] == NBSP]
    return (joined or fits or [0])[-1]


def word_pieces(word: str, width: int) -> list[str]:
    """`word` (with its trailing spaces) in pieces of at most `width` cells, each broken at
    its `last_break` (a label's points go to the next line before its last word is broken),
    or at `width` where there is none: nothing is dropped."""
    pieces: list[str] = []
    while cell_len(word.rstrip()) > width:
        cut = last_break(word, width)
        if not cut:  # at the width (a wide character in a one-cell column goes whole)
            cut = max(1, len(chop_cells(word, width)[0]))
        pieces.append(word[:cut])
        word = word[cut:]
    return [*pieces, word]


def break_offsets(text: str, width: int) -> list[int]:
    """Where `text` breaks into lines of at most `width` cells: at spaces, as Rich's
    `divide_line` breaks it, except that a word wider than `width` is broken into
    `word_pieces` instead of running past the column; its first piece ends the line
    before it where it fits after a hyphen or no-break space, as hyphenated words break
    (a URL starts a line: it breaks less there)."""
    offsets: list[int] = []
    offset = 0
    for match in WORD.finditer(text):
        start, word = match.start(), match.group()
        length = cell_len(word.rstrip())
        if width - offset >= length:
            offset += cell_len(word)
        elif length > width:
            head = last_break(word, width - offset, f"-{NBSP}") if offset else 0
            if head:
                start += head
                offsets.append(start)
            elif start:
                offsets.append(start)
            *whole, last = word_pieces(word[head:], width)
            for piece in whole:
                start += len(piece)
                offsets.append(start)
            offset = cell_len(last)
        elif offset and start:
            offsets.append(start)
            offset = cell_len(word)
    return offsets
