"""`scenario-tui class report` in a terminal: the report screen on its own, read-only."""

from __future__ import annotations

import argparse

from textual.app import App

from ..progress.class_report import ClassReport
from .screens.class_report import ClassReportScreen


class ClassReportApp(App[None]):
    """Shows one class report; q or Escape quits."""

    TITLE = "scenario-tui"

    def __init__(self, report: ClassReport) -> None:
        super().__init__()
        self.report = report

    def on_mount(self) -> None:
        self.push_screen(ClassReportScreen(self.report))


def run_report(args: argparse.Namespace) -> int:
    """Read and score the class (before the screen opens: a few queries), then show it."""
    from ..play.class_commands import report

    ClassReportApp(report(args)).run()
    return 0
