"""Scenario Markdown reduced to styled runs of text, and to plain text.

Labels, outcomes, titles and glossary notes may use inline Markdown (`**bold**`, `*em*`,
`` `code` ``, `[text](url)`). The situation is shown by Textual's Markdown widget; everything
else is shown on one or a few lines, where the UI styles these runs (ui/widgets/inline_text.py)
and exports and the CLI print them as plain text (`plain`). Parsing is markdown-it-py's
CommonMark parser (Textual's own), so both agree with the situation's rendering. Control
characters are neutralised first (`text_safety.clean`); nothing here is ever parsed as markup.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from .text_safety import clean

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


_MARKUP = re.compile(r"[*_`\[\]<>#\\&=~\t]|^\s*([-+]|\d+[.)])(\s|$)|^\s*-{3,}|^ {4}|\n",
                     re.MULTILINE)
"""A character or line start that Markdown could give meaning to; text without any is plain."""


# A named tuple, not a frozen dataclass: defined on the way to the catalogue's first frame,
# where a dataclass takes ten times as long to make.
class Run(NamedTuple):
    """Text with one style: any of bold, italic and code, and a link target or none."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    link: str | None = None


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """The parser, imported on first use: the catalogue's first frame shows titles that need
    no parsing (`runs` answers plain text itself), and importing it costs ~40 ms."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})


def _inline_runs(children: list[Token], runs: list[Run]) -> None:
    bold = italic = 0
    link: str | None = None
    for token in children:
        kind = token.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold = max(0, bold - 1)
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic = max(0, italic - 1)
        elif kind == "link_open":
            href = token.attrs.get("href")
            link = str(href) if href is not None else None
        elif kind == "link_close":
            link = None
        elif kind in ("softbreak", "hardbreak"):
            runs.append(Run(" " if kind == "softbreak" else "\n"))
        elif kind == "code_inline":
            runs.append(Run(token.content, bold=bold > 0, italic=italic > 0, code=True,
                            link=link))
        elif token.content:
            runs.append(Run(token.content, bold=bold > 0, italic=italic > 0, link=link))


@lru_cache(maxsize=4096)
def runs(text: str) -> tuple[Run, ...]:
    """`text` as styled runs. Blocks (paragraphs, list items, headings) are separated by a
    newline; list items start with a bullet; an inline text is one block."""
    text = clean(text)
    if not _MARKUP.search(text):
        return (Run(text.strip()),) if text.strip() else ()
    return parsed(text)


def parsed(text: str) -> tuple[Run, ...]:
    """`runs` of `text` (already cleaned) by the parser, whatever the text holds."""
    found: list[Run] = []
    blocks = 0
    for token in _parser().parse(text):
        if token.type == "list_item_open":
            if blocks:
                found.append(Run("\n"))
            found.append(Run("• "))
            blocks = -1  # the item's paragraph follows on the same line
        elif token.type == "inline":
            if blocks > 0:
                found.append(Run("\n"))
            _inline_runs(token.children or [], found)
            blocks = 1
        elif token.type in ("fence", "code_block"):
            if blocks > 0:
                found.append(Run("\n"))
            found.append(Run(token.content.rstrip("\n"), code=True))
            blocks = 1
    return tuple(found)


def plain(text: str) -> str:
    """`text` with its Markdown reduced to plain text: emphasis and code marks dropped, a
    link as its text. For exports, the CLI and anything else that is not styled."""
    return "".join(run.text for run in runs(text))


def plain_line(text: str) -> str:
    """`plain(text)` folded to one line (labels in graphs, table cells, file names of nodes)."""
    return " ".join(plain(text).split())
