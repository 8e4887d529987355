"""Statistics: score history per scenario, mastery per service and domain, frequent mistakes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich import box
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Sparkline, Static
from textual.worker import Worker, get_current_worker

from ...format.text_safety import one_line
from ...play.session import ReviewStatus, Session, Statistics
from ..dates import local_day
from ..messages import BackToCatalogue
from ..widgets.header_footer import ScreenFooter, ScreenHeader
from ..widgets.mastery_bars import MasteryBars
from ..widgets.symbols import VERDICT
from ..worker_errors import report_failure
from .responsive import ResponsiveScreen

if TYPE_CHECKING:
    from ...progress.stats import ScenarioSummary

EMPTY = ("Nothing played yet.\n\nFinish a scenario and this page shows your score history, how "
         "well you know each service and exam domain, and the mistakes you make most often.")


def review_line(reviews: ReviewStatus) -> Content:
    """`2 decisions due for review (r)`, or when the next one is due."""
    if reviews.due:
        count = len(reviews.due)
        return Content.assemble((f"{count} decision{'s' if count != 1 else ''} due for review",
                                 "bold $accent"), (" · press r to start", "dim"))
    if reviews.next_due:
        return Content.assemble("Nothing due for review",
                                (f" · the next decision comes back on "
                                 f"{local_day(reviews.next_due)}", "dim"))
    return Content.styled("No decisions to review: the ones you get wrong come back here.",
                          "dim")


def stats_summary(stats: Statistics) -> Content:
    """`5 attempts at 2 scenarios` and the review line."""
    attempts = sum(summary.attempts for _, summary in stats.history)
    scenarios = len(stats.history)
    return Content.assemble(
        (f"{attempts} attempt{'s' if attempts != 1 else ''}", "bold"),
        f" at {scenarios} scenario{'s' if scenarios != 1 else ''}", "\n",
        review_line(stats.reviews))


def numbers_content(summary: ScenarioSummary) -> Content:
    """`latest 75 % · best 100 % · 3 attempts` beside the sparkline."""
    plural = "s" if summary.attempts != 1 else ""
    if not summary.history:
        return Content.assemble(("edited since: no attempt fits it now", "dim"),
                                f" · {summary.attempts} attempt{plural}")
    parts: list[str | tuple[str, str]] = [
        "latest ", (f"{summary.history[-1]:3d} %", "bold"),
        " · best ", (f"{summary.best_percent:3d} %", "bold"),
        f" · {summary.attempts} attempt{plural}"]
    if summary.stale:
        parts.append((f", {summary.stale} of an older version", "dim"))
    return Content.assemble(*parts)


def mistakes_table(mistakes: Sequence[tuple[str, int, tuple[str, ...]]]) -> Table:
    """Each misconception, how often the learner's choices showed it, and where."""
    table = Table(box=box.SIMPLE_HEAD, expand=True, header_style="bold", padding=(0, 1))
    table.add_column("Times", justify="right", width=7, no_wrap=True)
    table.add_column("Misconception", ratio=1)
    table.add_column("Seen in", ratio=1)
    for tag, count, titles in mistakes:
        table.add_row(Text(f"{VERDICT['wrong']} {count}×", "bold"),
                      Text(one_line(tag.replace("-", " ")), "bold"),
                      Text(", ".join(one_line(t, 60) for t in titles)))
    return table


def history_row(title: str, summary: ScenarioSummary) -> Horizontal:
    """One scenario: its title, a sparkline of its attempts, and the latest and best scores."""
    # A single attempt is drawn flat: Sparkline fills a lone value to full height.
    data = list(summary.history) * (2 if len(summary.history) == 1 else 1)
    return Horizontal(
        Static(Content(one_line(title)), classes="history-title"),
        Sparkline(data, classes="history-spark"),
        Static(numbers_content(summary), classes="history-numbers"),
        classes="history-row")


def heading(text: str) -> Static:
    return Static(Content.styled(text, "bold"), classes="heading")


class StatsScreen(ResponsiveScreen):
    """What the learner's history says, read off the event loop when the screen opens."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "app.review", "Review", id="stats.review"),
        Binding("escape", "leave", "Catalogue", id="stats.leave"),
        Binding("j", "scroll(1)", "Scroll down", show=False),
        Binding("k", "scroll(-1)", "Scroll up", show=False),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        with VerticalScroll(id="stats-body"):
            yield Static(Content.styled("Reading your progress…", "dim"), id="stats-loading")
        yield ScreenFooter()

    def on_mount(self) -> None:
        self.sub_title = "Statistics"
        self.load()

    @work(thread=True, exclusive=True, group="stats", exit_on_error=False,
          description="Reading your statistics")
    def load(self) -> None:
        """Score every recorded play against today's scenarios, off the event loop."""
        stats = self.session.statistics()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show, stats)

    def show(self, stats: Statistics) -> None:
        body = self.query_one("#stats-body", VerticalScroll)
        body.remove_children()
        body.mount_all(self.sections(stats))

    def sections(self, stats: Statistics) -> Iterator[Widget]:
        """The widgets that show `stats`, or the empty state before the first play."""
        if not stats.history:
            yield Static(Content.assemble(EMPTY, "\n\n", review_line(stats.reviews)),
                         id="stats-empty")
            return
        yield Static(stats_summary(stats), id="stats-summary")
        yield heading("Score history")
        yield Static(Content.styled("One bar per attempt, oldest first, from your lowest to your "
                                    "highest score.", "dim"), classes="legend")
        for title, summary in stats.history:
            yield history_row(title, summary)
        services, domains = MasteryBars(id="mastery-services"), MasteryBars(id="mastery-domains")
        # strongest first, so what the learner has worked on leads and the 0 % tail follows
        services.show(sorted(stats.services, key=lambda row: (-row[1], row[0])))
        domains.show([(domain.capitalize(), value) for domain, value in stats.domains])
        yield Horizontal(
            Vertical(heading("Mastery by service"), services, classes="mastery-column"),
            Vertical(heading("Mastery by exam domain"), domains, classes="mastery-column"),
            id="mastery")
        yield Static(Content.styled("Your best score in each scenario, averaged; scenarios not "
                                    "played yet count as 0 %.", "dim"), classes="legend")
        yield heading("Mistakes made most often")
        if stats.mistakes:
            yield Static(mistakes_table(stats.mistakes), id="mistakes")
        else:
            yield Static(Content.styled("None of your choices so far showed a misconception.",
                                        "dim"), id="mistakes")

    def action_scroll(self, lines: int) -> None:
        self.query_one("#stats-body", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_leave(self) -> None:
        self.post_message(BackToCatalogue())

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failure(self, event)
