"""The debrief's step-by-step table: each choice against the best choice at that decision."""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style as RichStyle
from rich.table import Table
from rich.text import Text
from textual.content import Content

from ...analysis.options import option_verdict
from ...analysis.scoring import Analysis
from ...format.model import Choice
from ...play.engine import Step
from .inline_text import inline, inline_line
from .numbers import signed
from .option_verdicts import loss_text
from .symbols import VERDICT, verdict_style


def rich_text(content: Content) -> Text:
    """`content` as Rich `Text`, its theme variables resolved by the running app, for the
    places that take Rich renderables (a Rich table's cells, a Tree's labels)."""
    return Text.assemble(*((text, style.rich_style) for text, style in content.render(end="")))


def choice_cell(choice: Choice) -> Content:
    """The label (Markdown shown as styles), its points, and why, wrapped at words."""
    return Content.assemble(inline_line(choice.label).stylize("bold"),
                            (f"  {signed(choice.points)}", "bold"), "\n",
                            inline(choice.why).stylize("$text-muted"))


def steps_table(steps: Sequence[Step], analysis: Analysis) -> Table:
    """A Rich table with the labels, points and explanations of both choices per step; each
    row says what its choice lost against the best there and links to all its options."""
    table = Table(expand=True, show_lines=True, header_style="bold", padding=(0, 1))
    table.add_column("#", justify="right", width=2, no_wrap=True)
    table.add_column("Verdict", width=9)
    table.add_column("Your choice", ratio=1)
    table.add_column("Best choice", ratio=1)
    for at, step in enumerate(steps):
        mark = rich_text(Content.assemble(
            (f"{VERDICT[step.verdict]} {step.verdict}", verdict_style(step.verdict))))
        mark.append("\n\n")
        mark.append("options ›", RichStyle(underline=True, dim=True,
                                           meta={"@click": f"screen.show_options({at})"}))
        yours = choice_cell(step.chosen)
        loss = loss_text(option_verdict(analysis, step.chosen))
        if loss:
            yours = Content.assemble(yours, "\n", (loss.capitalize() + ".", "italic"))
        if step.chosen == step.best:
            best = Content.styled("same choice", "italic $text-muted")
        else:
            best = choice_cell(step.best)
        table.add_row(str(step.number), mark, rich_text(yours), rich_text(best))
    return table
