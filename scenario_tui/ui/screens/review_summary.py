"""The end of a review session: how many decisions were reviewed, right, partly right and wrong,
and when each comes back (as Anki ends a session with its counts and next intervals).

The summary is worked out off the event loop, after the session's answers are saved
(`review_run.summarise`); this screen only shows it. Esc, Enter or the button go back to the
catalogue.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from ...play.review_run import PARTLY_RIGHT, ReviewedCard, ReviewSummary
from ..dates import local_day
from ..messages import BackToCatalogue
from ..widgets.header_footer import ScreenFooter, ScreenHeader
from ..widgets.inline_text import inline_line
from ..widgets.numbers import NBSP, number
from ..widgets.symbols import VERDICT, verdict_counts, verdict_style
from ..widgets.word_wrap import WordWrapped

SITUATION_CHARACTERS = 160
"""How much of a decision's situation a card shows: enough to recognise it."""


def counts(summary: ReviewSummary) -> Content:
    """`Reviewed 2 · ✓ 1 right · ✗ 1 wrong`, with `◐ 1 partly right` between them when an
    answer was."""
    return Content.assemble(("Reviewed ", "bold"), (number(summary.reviewed), "bold"), " · ",
                            *verdict_counts(summary.right, summary.partly, summary.wrong))


def comes_back(card: ReviewedCard) -> str:
    """`Comes back on 2026-01-11, in 2 days` (`tomorrow`, `today`)."""
    if card.next_due is None:
        return "No longer reviewed"
    days = card.days
    when = None if days is None or days < 0 else "today" if days == 0 else \
        "tomorrow" if days == 1 else f"in {number(days)}{NBSP}days"
    day = local_day(card.next_due)
    return f"Comes back on {day}, {when}" if when else f"Comes back on {day}"


def shortened(text: Content, limit: int = SITUATION_CHARACTERS) -> Content:
    """`text` whole if it has at most `limit` characters, else cut after its last whole word
    that leaves room for the `…` (mid-word only for a first word longer than `limit`)."""
    if len(text) <= limit:
        return text
    space = text.plain.rfind(" ", 0, limit)
    return text[:space if space > 0 else limit - 1].rstrip() + "…"


def card_line(card: ReviewedCard) -> Content:
    """`✗ Wrong · Cache the catalogue` / the situation / `Comes back on …`; the verdict is
    the one the answer's feedback gave (`◐ Partly right`)."""
    verdict = "right" if card.right else PARTLY_RIGHT if card.partly else "wrong"
    situation = shortened(inline_line(card.situation))
    return Content.assemble(
        (f"{VERDICT[verdict]} {verdict.capitalize()}", verdict_style(verdict)), " · ",
        inline_line(card.title).stylize("bold"), "\n", situation, "\n",
        (comes_back(card), "dim"))


def next_line(summary: ReviewSummary) -> Content:
    """What remains: decisions still due, or when the next review falls due."""
    if summary.still_due:
        plural = "s" if summary.still_due != 1 else ""
        return Content.assemble((f"{number(summary.still_due)} decision{plural} still due",
                                 "bold $accent"), (" · press Ctrl+R in the catalogue", "dim"))
    if summary.next_due:
        return Content(f"Nothing else is due. The next review is on "
                       f"{local_day(summary.next_due)}.")
    return Content("Nothing else to review.")


class ReviewSummaryScreen(Screen[None]):
    """Counts, each reviewed decision with its verdict and next due date, and what is next."""

    HELP_SECTION: ClassVar[str] = "Review"
    """The part of the help (its heading) that F1 opens at here."""

    DEFAULT_CSS = """
    ReviewSummaryScreen {
        #review-summary-body { padding: 1 2; max-width: 100; }
        #review-counts { margin-bottom: 1; }
        .review-card { margin-bottom: 1; }
        #review-next { margin-bottom: 1; }
        #review-summary-buttons { height: auto; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "leave", "Catalogue", id="review_summary.leave"),
        Binding("j", "scroll(1)", "Scroll down", show=False),
        Binding("k", "scroll(-1)", "Scroll up", show=False),
    ]

    def __init__(self, summary: ReviewSummary) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        with VerticalScroll(id="review-summary-body"):
            yield Static(counts(self.summary), id="review-counts")
            yield from self.cards()
            yield Static(next_line(self.summary), id="review-next")
            with Horizontal(id="review-summary-buttons"):
                yield Button("Catalogue (Esc)", id="review-summary-leave", compact=True)
        yield ScreenFooter()

    def cards(self) -> Iterator[Static]:
        """Each card's lines break at words: its situation may name a URL or an API header."""
        for card in self.summary.cards:
            yield WordWrapped(card_line(card), classes="review-card")

    def on_mount(self) -> None:
        self.sub_title = "Review finished"
        self.query_one("#review-summary-body").focus()

    def action_scroll(self, lines: int) -> None:
        self.query_one("#review-summary-body", VerticalScroll).scroll_relative(
            y=lines, animate=False)

    def action_leave(self) -> None:
        self.post_message(BackToCatalogue())

    @on(Button.Pressed, "#review-summary-leave")
    def _leave(self) -> None:
        self.action_leave()
