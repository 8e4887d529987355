"""The debrief's step-by-step table: each choice against the best choice at that decision."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from ...format.text_safety import one_line, reflow
from ...play.engine import Step
from .symbols import VERDICT

_VERDICT_STYLE = {"right": "bold green", "partly right": "bold yellow", "wrong": "bold red"}


def steps_table(steps: Sequence[Step]) -> Table:
    """A Rich table with the labels, points and explanations of both choices per step."""
    table = Table(expand=True, show_lines=True, header_style="bold", padding=(0, 1))
    table.add_column("#", justify="right", width=2, no_wrap=True)
    table.add_column("Verdict", width=9, no_wrap=True)
    table.add_column("Your choice", ratio=1)
    table.add_column("Best choice", ratio=1)
    for step in steps:
        word = step.verdict.split()[0]
        mark = Text(f"{VERDICT[step.verdict]} {word}", _VERDICT_STYLE[step.verdict])
        if step.regret:
            mark.append(f"\n−{step.regret} pts", "dim")
        yours = Text.assemble((one_line(step.chosen.label), "bold"),
                              (f"  {step.chosen.points:+d}", "bold"), "\n",
                              (reflow(step.chosen.why), "dim"))
        if step.chosen == step.best:
            best = Text("same choice", "italic dim")
        else:
            best = Text.assemble((one_line(step.best.label), "bold"),
                                 (f"  {step.best.points:+d}", "bold"), "\n",
                                 (reflow(step.best.why), "dim"))
        table.add_row(str(step.number), mark, yours, best)
    return table
