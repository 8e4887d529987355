"""The decisions taken so far, newest last, shortened to fit one or two lines."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from ...format.model import Choice
from ...format.text_safety import one_line
from .symbols import VERDICT, verdict_style

SEPARATOR = " › "


class Breadcrumb(Static):
    """`Start › 1 Put an SQS queue… › 2 Use a FIFO queue…`, with verdict marks in practice."""

    def show(self, choices: Sequence[Choice], verdicts: Sequence[str] | None = None,
             label_width: int = 28) -> None:
        """Show `choices`; `verdicts` (practice mode only) adds a mark to each step."""
        parts: list[str | tuple[str, str]] = [("Start", "bold")]
        for step, choice in enumerate(choices, start=1):
            parts.append((SEPARATOR, "dim"))
            if verdicts:
                verdict = verdicts[step - 1]
                parts.append((VERDICT[verdict] + " ", verdict_style(verdict)))
            parts.append((f"{step} ", "bold $accent"))
            parts.append(one_line(choice.label, label_width))
        if not choices:
            parts.append(("  · no decisions yet", "dim"))
        self.update(Content.assemble(*parts))
