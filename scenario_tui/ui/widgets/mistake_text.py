"""A wrong choice's misconception and a choice's source, worded for the learner.

A `misconception:` tag counts mistakes across scenarios; the learner reads the belief it stands
for and the fact that corrects it (`format.misconceptions`), never the tag, except when no file
defines it (a local scenario's own tag): then its words stand in. Sources show as short links
that open through the app's checked `open_url` (ui/links.py), after a prompt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from textual.content import Content

from ...format.model import Choice, Misconception
from ...format.text_safety import one_line
from .inline_text import inline, link_style

URL_WIDTH = 64
"""How much of a source's host and path a link shows."""


def short_url(url: str, width: int = URL_WIDTH) -> str:
    """`docs.aws.amazon.com/AmazonRDS/…/USER_ReadRepl.html`: the host and path without the
    scheme; when that is longer than `width`, the middle folders (then all of them) left
    out, so the host and the page stay."""
    try:
        parts = urlsplit(url)
        shown = (parts.netloc + parts.path).rstrip("/") if parts.netloc else url
    except ValueError:
        shown = url
    shown = one_line(shown)
    folders = shown.split("/")
    for kept in (folders[:2], folders[:1]):  # host and first folder, then the host alone
        if len(shown) <= width or len(folders) <= len(kept) + 1:
            break
        shown = "/".join([*kept, "…", folders[-1]])
    return one_line(shown, width)


def source_link(url: str) -> Content:
    """`Source: <short url>`, the short url a link to `url`."""
    return Content.assemble(("Source: ", "dim"),
                            Content(short_url(url)).stylize(link_style(url, "underline")))


def mistake_content(tag: str, misconception: Misconception | None) -> Content:
    """`Common mistake: <belief>`, `In fact: <fact>` and the fact's source; the tag's words
    when no file defines it."""
    if misconception is None:
        return Content.assemble(("Common mistake: ", "bold $warning"),
                                one_line(tag.replace("-", " ")))
    return Content.assemble(
        ("Common mistake: ", "bold $warning"), inline(misconception.belief), "\n",
        ("In fact: ", "bold $success"), inline(misconception.fact), "\n",
        source_link(misconception.source))


def choice_notes(choice: Choice, verdict: str, misconceptions: Mapping[str, Misconception],
                 gap: str = "\n\n") -> Content:
    """What follows a choice's explanation: its source on the next line, and, after `gap`,
    the misconception a choice that is not right shows (empty when there is neither)."""
    parts: list[Content | str] = []
    if choice.source_url:
        parts += ["\n", source_link(choice.source_url)]
    if choice.misconception and verdict != "right":
        parts += [gap, mistake_content(choice.misconception,
                                   misconceptions.get(choice.misconception))]
    return Content.assemble(*parts)


def mistakes_to_remember(mistakes: Iterable[Choice],
                         misconceptions: Mapping[str, Misconception]) -> Content | None:
    """Each misconception the `mistakes` showed, once, in the order first shown; None when
    they showed none."""
    tags = dict.fromkeys(c.misconception for c in mistakes if c.misconception)
    blocks = [mistake_content(tag, misconceptions.get(tag)) for tag in tags if tag]
    return Content("\n\n").join(blocks) if blocks else None
