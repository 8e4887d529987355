"""The instructor's report as JSON (the whole `ClassReport`) or CSV (one tidy table).

The CSV has one row per figure, `section, learner, scenario, decision, measure, value`, so a
spreadsheet can pivot it; a cell that a spreadsheet would run as a formula (=, +, -, @ first)
is written with a leading apostrophe, as names and situations are untrusted text.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json

from .class_report import BUCKETS, ClassReport

CSV_FIELDS = ("section", "learner", "scenario", "decision", "measure", "value")


def to_json(report: ClassReport) -> str:
    data = dataclasses.asdict(report)
    data["heat"] = [{"learner": name, "cells": {
        sid: None if cell is None else {"missed": cell.missed, "made": cell.made,
                                        "percent": cell.percent}
        for sid, cell in zip(report.heat_columns, cells, strict=True)}}
        for name, cells in report.heat]
    data["bands"] = [f"{low}-{high}" for low, high in BUCKETS]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _inert(value: object) -> object:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(report: ClassReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)

    def row(section: str, learner: str, scenario: str, decision: str, measure: str,
            value: object) -> None:
        writer.writerow([_inert(v) for v in (section, learner, scenario, decision, measure,
                                             "" if value is None else value)])

    for learner in report.learners:
        for measure in ("attempts", "scenarios", "mean_best", "last", "due"):
            row("progress", learner.name, "", "", measure, getattr(learner, measure))
    for scenario in report.scenarios:
        row("scores", "", scenario.scenario_id, "", "learners", scenario.learners)
        row("scores", "", scenario.scenario_id, "", "median", scenario.median)
        for (low, high), count in zip(BUCKETS, scenario.bands, strict=True):
            row("scores", "", scenario.scenario_id, "", f"best {low}-{high}%", count)
    for belief in report.beliefs:
        row("misconceptions", "", "", "", belief.belief, belief.times)
    for missed in report.missed:
        row("missed", "", missed.scenario_id, missed.node, "missed of reached",
            f"{missed.misses}/{missed.of}")
    for name, cells in report.heat:
        for sid, cell in zip(report.heat_columns, cells, strict=True):
            if cell is not None:
                row("heat", name, sid, "", "missed of made", f"{cell.missed}/{cell.made}")
    for due in report.due:
        row("due", "", due.scenario_id, due.node, "learners", due.learners)
    return out.getvalue()
