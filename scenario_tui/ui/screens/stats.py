"""Statistics: score history per scenario, mastery per service and domain, frequent mistakes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import ClassVar

from rich import box
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static
from textual.worker import Worker, WorkerState, get_current_worker

from ...format.markdown_text import plain_line
from ...format.model import Misconception
from ...format.text_safety import one_line
from ...play.progress_report import ReviewStatus
from ...play.session import Session
from ...play.statistics_report import ReviewAnswers, Statistics
from ...progress.kinds import EXPLORING
from ..dates import local_day
from ..messages import BackToCatalogue
from ..widgets.header_footer import ScreenFooter, ScreenHeader
from ..widgets.mastery_bars import MasteryBars, mastery_width
from ..widgets.numbers import NBSP, number
from ..widgets.score_history import BARS, ScoreHistory, plural
from ..widgets.symbols import VERDICT, verdict_counts
from ..worker_errors import report_failure
from .responsive import ResponsiveScreen, breakpoint_class

COLUMN_GAP = 2
"""The columns between the mastery lists (each column's right margin)."""
EMPTY = ("Nothing played yet.\n\nFinish a scenario and this page shows your score history, how "
         "well you know each service and exam domain, and the mistakes you make most often.")


DOMAIN_LEGEND = Content.styled(
    "A service: your best attempts at the scenarios where a decision you made was about it, "
    "averaged (not where it was only an option you passed over). An exam domain: its study "
    "topics that a scenario you attempted teaches, each scored by your best attempts there, "
    "averaged; 3\u00a0of\u00a068 means 3 of its 68 topics met so far. A domain is not "
    "started until you attempt a scenario that teaches one of its topics "
    "(scenario-tui coverage lists them).", "dim")


def review_line(reviews: ReviewStatus, answers: ReviewAnswers) -> Content:
    """`Reviews: 3 answered · ✓ 2 right · ✗ 1 wrong · 2 decisions due now · press r to start`
    (`◐ 1 partly right` before the wrong ones, if any); when none is due, when the next one
    is. Reviews are not attempts: they are counted here only, never in the attempts above or
    the score history."""
    if not (answers.answered or reviews.due or reviews.next_due):
        return Content.styled("No decisions to review: the ones you get wrong come back here.",
                              "dim")
    parts: list[str | tuple[str, str]] = [("Reviews: ", "bold")]
    if answers.answered:
        parts += [f"{number(answers.answered)}{NBSP}answered · ",
                  *verdict_counts(answers.right, answers.partly, answers.wrong), " · "]
    else:
        parts.append(("none answered yet · ", "dim"))
    if reviews.due:
        count = len(reviews.due)
        parts += [(plural(count, "decision", "decisions") + " due now", "bold $accent"),
                  (" · press r to start", "dim")]
    elif reviews.next_due:
        parts += ["nothing due", (f" · the next decision comes back on "
                                  f"{local_day(reviews.next_due)}", "dim")]
    else:
        parts.append("no decision left to review")
    return Content.assemble(*parts)


def stats_summary(stats: Statistics) -> Content:
    """`5 attempts at 2 scenarios · exploring, not scored: 2 replays, 1 what-if` and the
    reviews' line."""
    attempts = sum(summary.attempts for _, summary in stats.history)
    scenarios = len(stats.history)
    exploring: dict[str, int] = {}
    for _, summary in stats.history:
        for kind, count in summary.exploring:
            exploring[kind] = exploring.get(kind, 0) + count
    parts: list[str | tuple[str, str] | Content] = [
        (plural(attempts, "attempt", "attempts"), "bold"),
        f" at {plural(scenarios, 'scenario', 'scenarios')}"]
    if exploring:
        parts.append((" · exploring, not scored: " + ", ".join(
            plural(count, *EXPLORING[kind]) for kind, count in exploring.items()), "dim"))
    return Content.assemble(*parts, "\n", review_line(stats.reviews, stats.answers))


def belief_text(tag: str, beliefs: Mapping[str, Misconception]) -> str:
    """The mistaken belief `tag` stands for, as plain text; the tag's words when no file
    defines it."""
    belief = beliefs.get(tag)
    return one_line(plain_line(belief.belief) if belief else tag.replace("-", " "))


def mistakes_table(mistakes: Sequence[tuple[str, int, tuple[str, ...]]],
                   beliefs: Mapping[str, Misconception] | None = None) -> Table:
    """Each mistaken belief, how often the learner's choices showed it, and where."""
    table = Table(box=box.SIMPLE_HEAD, expand=True, header_style="bold", padding=(0, 1))
    table.add_column("Times", justify="right", width=7, no_wrap=True)
    table.add_column("Mistaken belief", ratio=2)
    table.add_column("Seen in", ratio=1)
    for tag, count, titles in mistakes:
        table.add_row(Text(f"{VERDICT['wrong']} {count}×", "bold"),
                      Text(belief_text(tag, beliefs or {}), "bold"),
                      Text(", ".join(one_line(t) for t in titles)))
    return table


def heading(text: str) -> Static:
    return Static(Content.styled(text, "bold"), classes="heading")


class MasteryColumns(Horizontal):
    """Services beside domains only where both lists fit whole: the service column as wide as
    its longest name needs, the domains in the rest. Where they do not (long service names at
    120 columns), one above the other, each as wide as the screen, so no name is cut where a
    stacked list has room. Worked out again whenever its width changes."""

    def on_resize(self) -> None:
        services = self.query("#mastery-services").results(MasteryBars)
        domains = self.query("#mastery-domains").results(MasteryBars)
        rows = next(services, None), next(domains, None)
        if rows[0] is None or rows[1] is None:
            return
        needs = mastery_width(rows[0].rows), mastery_width(rows[1].rows, show_of=True)
        stacked = breakpoint_class(self.app.size.width) == "-narrow" or \
            sum(needs) + 2 * COLUMN_GAP > self.content_region.width
        self.set_class(stacked, "-stacked")
        self.query_one("#service-column").styles.width = None if stacked else needs[0]


class StatsScreen(ResponsiveScreen):
    """What the learner's history says, read off the event loop when the screen opens."""

    HELP_SECTION: ClassVar[str] = "Statistics"
    """The part of the help (its heading) that F1 opens at here."""

    DEFAULT_CSS = """
    StatsScreen #stats-body {
        height: 1fr;
        padding: 0 1;
    }

    StatsScreen #stats-summary, StatsScreen #stats-empty {
        height: auto;
        border: round $accent;
        padding: 0 1;
    }

    StatsScreen #mastery {
        height: auto;
    }

    StatsScreen .mastery-column {
        width: 1fr;
        height: auto;
        margin-right: 2;
    }

    StatsScreen.-narrow #mastery, StatsScreen #mastery.-stacked {
        layout: vertical;
    }

    /* Exam domain names are long ("Troubleshooting and Optimization"): room for them whole. */
    StatsScreen.-wide #domain-column {
        width: 1.4fr;
    }

    StatsScreen #mastery.-stacked #domain-column {
        width: 1fr;
    }

    StatsScreen #mistakes {
        height: auto;
        margin-bottom: 1;
    }
    """

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
        worker = get_current_worker()
        if not worker.is_cancelled:
            self.app.call_from_thread(self.show, stats, worker)

    def show(self, stats: Statistics, worker: Worker[None] | None = None) -> None:
        """Show `stats`, unless they come from a read that was cancelled after its own check
        (checked again here, on the event loop where cancelling happens)."""
        if worker is not None and (worker.is_cancelled or worker.state == WorkerState.CANCELLED):
            return
        body = self.query_one("#stats-body", VerticalScroll)
        body.remove_children()
        body.mount_all(self.sections(stats))

    def sections(self, stats: Statistics) -> Iterator[Widget]:
        """The widgets that show `stats`, or the empty state before the first play."""
        if not stats.history:
            yield Static(Content.assemble(EMPTY, "\n\n", review_line(stats.reviews, stats.answers)),
                         id="stats-empty")
            return
        yield Static(stats_summary(stats), id="stats-summary")
        yield heading("Score history")
        yield Static(Content.styled(
            f"One bar per attempt, oldest first, the latest {BARS}; a full bar is 100\u00a0%, "
            "the lowest 0\u00a0%. Replays, what-ifs and reviews are not scored.", "dim"),
            classes="legend")
        yield ScoreHistory(stats.history, id="score-history")
        # strongest first, so what the learner knows best leads
        services = MasteryBars(sorted(stats.services, key=lambda m: (-(m.percent or 0), m.name)),
                               id="mastery-services")
        domains = MasteryBars(stats.domains, show_of=True, id="mastery-domains")
        yield MasteryColumns(
            Vertical(heading("Mastery by service"), services, classes="mastery-column",
                     id="service-column"),
            Vertical(heading("Mastery by exam domain"), domains, classes="mastery-column",
                     id="domain-column"),
            id="mastery")
        yield Static(DOMAIN_LEGEND, classes="legend", id="mastery-legend")
        yield heading("Mistakes made most often")
        if stats.mistakes:
            yield Static(mistakes_table(stats.mistakes, stats.beliefs), id="mistakes")
        else:
            yield Static(Content.styled("None of your choices so far showed a misconception.",
                                        "dim"), id="mistakes")

    def action_scroll(self, lines: int) -> None:
        self.query_one("#stats-body", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_leave(self) -> None:
        self.post_message(BackToCatalogue())

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failure(self, event)
