"""The instructor's report on a class: progress per learner, scores per scenario, the mistaken
beliefs and decisions the class misses most (with a heat map of learners × scenarios), and
what is due for review.

Names, titles and situations come from the class store and the library: untrusted text,
shown through `one_line` in rich `Text`, never parsed as markup. The heat map carries its
meaning in symbols and numbers, never in colour alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from rich import box
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from ...format.text_safety import one_line
from ...progress.class_report import BUCKETS, ClassReport, HeatCell
from ..dates import local_day
from ..widgets.header_footer import ScreenFooter, ScreenHeader

HEAT = ((0, "·"), (1, "░"), (25, "▒"), (50, "▓"), (75, "█"))
"""(from this share of decisions missed, the symbol): darker is worse."""
NOT_ATTEMPTED = "–"


def heat_symbol(cell: HeatCell | None) -> str:
    if cell is None:
        return NOT_ATTEMPTED
    return [symbol for low, symbol in HEAT if cell.percent >= low][-1]


def heading(text: str) -> Static:
    return Static(Content.styled(text, "bold"), classes="report-heading")


def _table(*columns: tuple[str, str]) -> Table:
    """A table with (header, justify) columns, the first one free to take the room."""
    table = Table(box=box.SIMPLE_HEAD, expand=False, header_style="bold", padding=(0, 1))
    for header, justify in columns:
        table.add_column(header, justify=justify, no_wrap=justify == "right")  # type: ignore[arg-type]
    return table


def _number(value: int | None, suffix: str = "") -> Text:
    return Text("–" if value is None else f"{value}{suffix}")


def progress_table(report: ClassReport) -> Table:
    table = _table(("Learner", "left"), ("Attempts", "right"), ("Scenarios", "right"),
                   ("Mean best", "right"), ("Last played", "right"), ("Due", "right"))
    for row in report.learners:
        table.add_row(Text(one_line(row.name, 40)), _number(row.attempts),
                      _number(row.scenarios), _number(row.mean_best, "%"),
                      Text(local_day(row.last) if row.last else "never"), _number(row.due))
    return table


def scores_table(report: ClassReport) -> Table:
    table = _table(("Scenario", "left"), ("Learners", "right"),
                   *((f"{low}–{high}%", "right") for low, high in BUCKETS), ("Median", "right"))
    for row in report.scenarios:
        table.add_row(Text(one_line(row.title, 40)), _number(row.learners),
                      *(Text(str(count) if count else "·") for count in row.bands),
                      _number(row.median, "%"))
    return table


def beliefs_table(report: ClassReport) -> Table:
    table = _table(("Times", "right"), ("Learners", "right"), ("Mistaken belief", "left"))
    for row in report.beliefs:
        table.add_row(Text(f"✗ {row.times}×"), _number(row.learners),
                      Text(one_line(row.belief, 120)))
    return table


def missed_table(report: ClassReport, titles: dict[str, str]) -> Table:
    table = _table(("Missed", "right"), ("Scenario", "left"), ("Decision", "left"))
    for row in report.missed:
        table.add_row(Text(f"{row.misses} of {row.of}"),
                      Text(one_line(titles.get(row.scenario_id, row.scenario_id), 30)),
                      Text(one_line(row.situation, 70)))
    return table


def heat_table(report: ClassReport) -> Table:
    """Learners × scenarios: each cell the symbol and the share of decisions missed."""
    table = _table(("Learner", "left"),
                   *((f"S{number}", "right") for number in range(1, len(report.heat_columns)
                                                                  + 1)))
    for name, cells in report.heat:
        table.add_row(Text(one_line(name, 24)),
                      *(Text(NOT_ATTEMPTED if cell is None
                             else f"{heat_symbol(cell)} {cell.percent}%") for cell in cells))
    return table


def due_table(report: ClassReport, titles: dict[str, str]) -> Table:
    table = _table(("Learners", "right"), ("Scenario", "left"), ("Decision", "left"))
    for row in report.due:
        table.add_row(_number(row.learners), Text(one_line(titles.get(row.scenario_id,
                                                                      row.scenario_id), 40)),
                      Text(one_line(row.situation, 70)))
    return table


class ClassReportScreen(Screen[None]):
    """The report, one scrolling page of sections."""

    DEFAULT_CSS = """
    ClassReportScreen #report-body { padding: 0 1; }
    ClassReportScreen .report-heading { margin-top: 1; color: $accent; }
    ClassReportScreen .report-note { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "app.quit", "Quit", id="class_report.quit"),
        Binding("j", "scroll(1)", "Scroll down", show=False),
        Binding("k", "scroll(-1)", "Scroll up", show=False),
        Binding("end,G", "scroll_edge(True)", "Bottom", show=False),
        Binding("home,g", "scroll_edge(False)", "Top", show=False),
    ]

    def __init__(self, report: ClassReport) -> None:
        super().__init__()
        self.report = report
        self.titles = report.titles

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        with VerticalScroll(id="report-body"):
            yield from self.sections()
        yield ScreenFooter()

    def on_mount(self) -> None:
        self.sub_title = f"Class report: {one_line(self.report.name, 40)}"

    def action_scroll(self, lines: int) -> None:
        self.query_one("#report-body", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_scroll_edge(self, bottom: bool) -> None:
        body = self.query_one("#report-body", VerticalScroll)
        if bottom:
            body.scroll_end(animate=False, immediate=True)
        else:
            body.scroll_home(animate=False, immediate=True)

    def sections(self) -> Iterator[Widget]:
        report = self.report
        learners = len(report.learners)
        yield Static(Content.assemble(
            (one_line(report.name, 60), "bold"),
            f" · {learners} learner{'s' if learners != 1 else ''}",
            (f" · as of {local_day(report.at)}", "dim")), id="report-title")
        if not report.learners:
            yield Static(Content.styled(
                "No learners yet: add them with `scenario-tui class add-learner`.", "dim"))
            return
        yield heading("Progress per learner")
        yield Static(progress_table(report))
        yield heading("Best scores per scenario (learners in each band)")
        yield Static(scores_table(report) if report.scenarios else
                     Content.styled("No attempts synced yet.", "dim"))
        yield heading("Mistaken beliefs the class shows most")
        yield Static(beliefs_table(report) if report.beliefs else
                     Content.styled("None shown yet.", "dim"))
        yield heading("Decisions the class misses most")
        yield Static(missed_table(report, self.titles) if report.missed else
                     Content.styled("None missed yet.", "dim"))
        if report.heat_columns:
            yield heading("Missed decisions: learners × scenarios")
            yield Static(heat_table(report))
            legend = "   ".join(f"{symbol} from {low}%" for low, symbol in HEAT)
            yield Static(Content.styled(
                f"Share of decisions missed in their attempts: {legend}   "
                f"{NOT_ATTEMPTED} not attempted", "dim"), classes="report-note")
            yield Static(Text("\n".join(
                f"S{number} {one_line(self.titles.get(sid, sid), 70)}"
                for number, sid in enumerate(report.heat_columns, 1))), classes="report-note")
        yield heading("Due for review across the class")
        yield Static(due_table(report, self.titles) if report.due else
                     Content.styled("Nothing due.", "dim"))
