"""Scenario Markdown shown as styled `Content` on the app's lines and cells.

Every label, outcome, title, breadcrumb step, tree line and service note goes through
`inline` (or `inline_line` where one line is all there is), so `**bold**` shows bold and
`` `code` `` shows as code, never as asterisks and backticks. The text is never parsed as
Textual or Rich markup: it becomes `Content` spans, so `[reverse]` in a label stays text.
Links are styled, and open (through the app's checked `open_url`) when clicked.
"""

from __future__ import annotations

import re

from textual.content import Content, Span
from textual.style import Style

from ...format.markdown_text import Run, runs

_SPACES = re.compile(r"\s+")
CODE_STYLE = "$text-accent"
"""Inline code: a theme colour, so it reads in every theme (and as plain text with NO_COLOR)."""


def _style(run: Run) -> Style | str | None:
    parts = []
    if run.bold:
        parts.append("bold")
    if run.italic:
        parts.append("italic")
    if run.code:
        parts.append(CODE_STYLE)
    if run.link:
        parts.append("underline")
    if not parts:
        return None
    if run.link:
        return link_style(run.link, " ".join(parts))
    return " ".join(parts)


def link_style(url: str, style: str = "underline") -> Style:
    """`style` plus a click that opens `url` through the app's checked `open_url` (never a
    terminal link, which would open past the check)."""
    return Style.parse(style) + Style.from_meta({"@click": f"app.open_url({url!r})"})


def _content(pieces: tuple[Run, ...], one_line: bool) -> Content:
    text_parts: list[str] = []
    spans: list[Span] = []
    at = 0
    for run in pieces:
        text = run.text
        if one_line:
            text = _SPACES.sub(" ", text)
            if text.startswith(" ") and (not text_parts or text_parts[-1].endswith(" ")):
                text = text[1:]
        style = _style(run)
        if style is not None and text:
            spans.append(Span(at, at + len(text), style))
        text_parts.append(text)
        at += len(text)
    content = Content("".join(text_parts), spans)
    # (trimmed only when it ends in a space: a copy of every tree line's label otherwise)
    return content.rstrip() if one_line and content.plain[-1:].isspace() else content


def inline(text: str) -> Content:
    """`text` with its Markdown shown as styles (blocks on their own lines)."""
    return _content(runs(text), one_line=False)


def inline_line(text: str) -> Content:
    """`inline(text)` on one line, spaces folded (a breadcrumb step, a tree line, a cell)."""
    return _content(runs(text), one_line=True)
