"""The stats screen's score history: per scenario, a bar per attempt and the numbers beside it.

The bars have a fixed scale, 0 to 100 %, so one 100 % attempt draws full height and a 0 %
one flat (Textual's `Sparkline` scales to the data's own range: a lone 100 % drew like 0 %).
A row takes one line when the title, bars and numbers fit side by side, else two: the title
on its own line, never cut where the terminal has room for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widget import Widget

from ...format.text_safety import one_line
from ...progress.kinds import EXPLORING
from .inline_text import inline_line
from .numbers import NBSP, percent

if TYPE_CHECKING:
    from textual.app import RenderResult

    from ...progress.stats import ScenarioSummary

LEVELS = "▁▂▃▄▅▆▇█"
"""0 % draws the lowest block, 100 % the highest."""
BARS = 12
"""Attempts drawn per scenario: the latest ones."""
GAP = "  "


def score_bars(history: Sequence[int], width: int = BARS) -> str:
    """One block per attempt (the latest `width`), its height the score on a 0–100 % scale."""
    top = len(LEVELS) - 1
    return "".join(LEVELS[round(max(0, min(100, value)) * top / 100)]
                   for value in history[-width:])


def plural(count: int, one: str, many: str) -> str:
    """`1 attempt`, `3 attempts`, with a no-break space so the pair never wraps apart."""
    return f"{count}{NBSP}{one if count == 1 else many}"


def runs_text(summary: ScenarioSummary) -> str:
    """`3 attempts · 2 replays · 1 what-if`: attempts first, then the exploring apart."""
    parts = [plural(summary.attempts, "attempt", "attempts")]
    parts += [plural(count, *EXPLORING[kind]) for kind, count in summary.exploring]
    return " · ".join(parts)


def numbers_content(summary: ScenarioSummary) -> Content:
    """`latest 75 % · best 100 % · 3 attempts · 1 replay`."""
    if not summary.attempts:
        return Content.assemble(("no attempt yet", "dim"), f" · {runs_text(summary)}")
    if not summary.history:
        return Content.assemble(("edited since: no attempt fits it now", "dim"),
                                f" · {runs_text(summary)}")
    best = summary.best_percent if summary.best_percent is not None else 0
    parts: list[str | tuple[str, str]] = [
        "latest ", (percent(summary.history[-1]).rjust(5, NBSP), "bold"),
        " · best ", (percent(best).rjust(5, NBSP), "bold"), f" · {runs_text(summary)}"]
    if summary.stale:
        parts.append((f", {summary.stale} of an older version", "dim"))
    return Content.assemble(*parts)


def history_content(rows: Sequence[tuple[str, ScenarioSummary]], width: int) -> Content:
    """Every row, laid out for `width` columns (see the module's docstring)."""
    numbers = [numbers_content(summary) for _, summary in rows]
    titles = [inline_line(one_line(title)) for title, _ in rows]
    title_width = max((t.cell_length for t in titles), default=0)
    numbers_width = max((n.cell_length for n in numbers), default=0)
    side_by_side = title_width + len(GAP) + BARS + len(GAP) + numbers_width <= width
    lines: list[Content] = []
    for title, (_, summary), shown in zip(titles, rows, numbers, strict=True):
        bars = Content.styled(score_bars(summary.history), "$accent")
        if side_by_side:
            bars = bars.pad_right(BARS - bars.cell_length)
            lines.append(Content.assemble(
                title.stylize_before("bold").pad_right(title_width - title.cell_length), GAP,
                bars, GAP, shown))
        else:
            lines.append(title.truncate(max(width, 1), ellipsis=True).stylize_before("bold"))
            lines.append(Content.assemble(GAP, bars, GAP, shown))
    return Content("\n").join(lines)


class ScoreHistory(Widget):
    """Every played scenario's attempts, laid out afresh when the width changes."""

    DEFAULT_CSS = """
    ScoreHistory {
        height: auto;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, rows: Sequence[tuple[str, ScenarioSummary]], *,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = tuple(rows)

    def render(self) -> RenderResult:
        return history_content(self.rows, self.content_region.width or self.size.width)
