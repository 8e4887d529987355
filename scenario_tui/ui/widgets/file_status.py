"""What the author preview says about the watched file: the status line and the state panel."""

from __future__ import annotations

from textual.content import Content

from ...authoring.file_check import BROKEN, VALID, WRITING, FileCheck
from ...format.text_safety import clean, one_line
from .problem_list import WARNING_MARK
from .symbols import BROKEN as BROKEN_MARK

STATE_TITLES = {
    "missing": ("?", "File not found"), WRITING: ("…", "The file is being written"),
    "empty": ("∅", "Empty file"), "binary": (BROKEN_MARK, "Binary file"),
    "not a file": (BROKEN_MARK, "Not a file"), "unreadable": (BROKEN_MARK, "Cannot read it"),
    "too large": (BROKEN_MARK, "File too large"),
}
"""A symbol and a title for each state that says nothing about the content."""


def plural(count: int, noun: str) -> str:
    """`1 error`, `3 errors`."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def author_status_line(latest: FileCheck, shown: FileCheck, best_score: int) -> Content:
    """`✓ Valid · id · 6 nodes · best score 8 · ▲ 2 warnings`, and any passing state of
    `latest` (being written, unsaved in an editor) beside what is `shown`."""
    parts: list[str | tuple[str, str]] = []
    errors, warnings = len(shown.errors), len(shown.warnings)
    if shown.state == VALID and shown.scenario is not None:
        scenario = shown.scenario
        parts += [("✓ Valid", "bold $success"), f" · {one_line(scenario.id, 30)} · "
                  f"{len(scenario.nodes)} nodes · best score {best_score}"]
    elif shown.state == BROKEN:
        parts.append((f"{BROKEN_MARK} {plural(errors, 'error')}", "bold $error"))
    else:
        mark, title = STATE_TITLES.get(shown.state, ("?", shown.state))
        parts.append((f"{mark} {title}", "bold $warning"))
    if shown.shows_content and warnings:
        parts += [" · ", (f"{WARNING_MARK} {plural(warnings, 'warning')}", "bold $warning")]
    if shown.state == BROKEN:
        parts.append((" · fix and save: the preview returns once it is valid", "dim"))
    if latest is not shown and latest.state == WRITING:
        parts += [" · ", ("… being written", "italic")]
    if latest.unsaved:
        parts += [" · ", (f"unsaved changes in {latest.unsaved}", "bold $warning")]
    return Content.assemble(*parts)


def state_content(check: FileCheck) -> Content:
    """The panel for a file that cannot be shown: what happened, and that watching goes on."""
    mark, title = STATE_TITLES.get(check.state, ("?", check.state))
    return Content.assemble(
        (f"{mark} {title}", "bold $warning"), "\n\n", clean(check.detail), "\n\n",
        ("Still watching ", "dim"), (clean(check.path), "dim bold"),
        (": the preview updates on the next save.", "dim"))
