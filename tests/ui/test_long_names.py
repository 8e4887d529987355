"""Long labels, names and paths at 80x24 and 120x40, read back from what the widgets draw:
the breadcrumb shortens older steps first at word boundaries, a wrapped choice hangs under
its first word, the diagram's boxes fit their names, and the debrief's step table breaks a
path or an ARN only between its segments. A play-test found each of them cut or wrapped
where there was room."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widget import Widget

from scenario_tui.format.architecture import Architecture, Component
from scenario_tui.format.model import Choice
from scenario_tui.play.modes import EXAM
from scenario_tui.play.session import Session
from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.screens.debrief import DebriefScreen
from scenario_tui.ui.widgets.architecture_drawing import BOX_LEAST, Drawing, compact, diagram
from scenario_tui.ui.widgets.architecture_view import DrawingBody
from scenario_tui.ui.widgets.breadcrumb import LABEL_WIDTHS, Breadcrumb
from scenario_tui.ui.widgets.decision_box import DecisionBox
from scenario_tui.ui.widgets.numbers import NBSP
from scenario_tui.ui.widgets.step_table import StepTable

from .pilot_steps import settle
from .table_cells import cells_by_row

LONG_NAMES = Path(__file__).resolve().parent.parent / "fixtures" / "ui_long_names"
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
SEGMENT_ENDS = "/:.-"


def lines_of(widget: Widget, height: int | None = None) -> list[str]:
    """The widget's lines as drawn (its first `height`, or all of them)."""
    return [widget.render_line(y).text
            for y in range(widget.size.height if height is None else height)]


@pytest.fixture
def long_names(make_app: Callable[..., ScenarioApp],
               make_session: Callable[..., Session]) -> Callable[..., ScenarioApp]:
    def make(mode: str = EXAM) -> ScenarioApp:
        return make_app("long-names", mode=mode, session=make_session(LONG_NAMES))
    return make


async def to_the_debrief(pilot: Pilot) -> None:
    """The first choice at each of the three decisions (an exam: no feedback between)."""
    await settle(pilot)
    await pilot.press("1", "1", "1")
    await settle(pilot)


def breaks_inside_words(text: str, lines: list[str]) -> list[tuple[str, str]]:
    """Where the drawn `lines` of `text` end inside one of its words: (the word's part on
    the line, its part below)."""
    found, at = [], 0
    for line in lines:
        for char in line.replace(" ", ""):
            at = text.index(char, at) + 1
        if line and at < len(text) and not text[at].isspace():
            found.append((re.findall(r"\S+$", text[:at])[0], re.findall(r"^\S+", text[at:])[0]))
    return found


@pytest.mark.parametrize("size", SIZES)
async def test_the_step_table_breaks_paths_only_between_segments(
        long_names: Callable[..., ScenarioApp], size: tuple[int, int]) -> None:
    app = long_names()
    async with app.run_test(size=size) as pilot:
        await to_the_debrief(pilot)
        assert isinstance(app.screen, DebriefScreen)
        table = app.screen.query_one(StepTable)
        layout = table.layout_at(table.size.width)
        width = max(layout.widths[2:])
        drawn = lines_of(table, layout.height)
        broken = []
        for row, cells in zip(table.rows, cells_by_row(drawn, strip=True), strict=True):
            for cell, lines, width in zip((row.yours, row.best), cells[2:], layout.widths[2:],
                                          strict=True):
                for before, after in breaks_inside_words(cell.plain, lines):
                    assert len(before + after) > width, f"{before + after!r} fits whole"
                    assert before[-1] in SEGMENT_ENDS, f"{before!r} | {after!r}: mid-segment"
                    broken.append(before + after)
        assert {"arn:aws:iam::123456789012:role/PartnerUploaderRole",
                "s3://partner-uploads-production/incoming/2026/reports/daily/summary.csv",
                "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z"} <= set(broken)


def option_rows(lines: list[str]) -> list[list[str]]:
    """The drawn choices, each its lines: a choice starts with its number."""
    rows: list[list[str]] = []
    for line in lines:
        if re.match(r"\s*\d\s", line):
            rows.append([line])
        elif line.strip() and rows:
            rows[-1].append(line)
    return rows


@pytest.mark.parametrize("size", SIZES)
async def test_a_wrapped_choice_hangs_under_its_first_word(
        long_names: Callable[..., ScenarioApp], size: tuple[int, int]) -> None:
    app = long_names()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        box = app.screen.query_one(DecisionBox)
        drawn = [line[1:-1] for line in lines_of(box) if line.startswith("│")]  # in the box
        rows = option_rows(drawn)
        assert len(rows) == 2 and len(rows[0]) > 1  # the first choice wraps at both sizes
        for first, *rest in rows:
            label_at = re.match(r"\s*\d\s", first).end()  # type: ignore[union-attr]
            for line in rest:
                assert len(line) - len(line.lstrip()) == label_at, (first, line)
        assert "".join(re.sub(r"\s+", " ", line).strip() + " " for line in rows[0]).startswith(
            "1 Grant the partner role arn:aws:iam::123456789012:role/PartnerUploaderRole "
            "write access to the incoming prefix only")


def crumb_steps(lines: list[str]) -> list[str]:
    """The steps the drawn breadcrumb shows, oldest first (its lines break between words)."""
    text = " ".join(line.strip() for line in lines).replace(NBSP, " ")
    start, *steps = text.split(" › ")
    assert start in ("Start", "…"), text
    return [re.sub(r"^[✓✗◐⏱] ", "", step) for step in steps]


def readable(step: str, label: str) -> bool:
    """Whether `step` shows `label` whole, or cut after a whole word with an ellipsis."""
    if step == label:
        return True
    kept = step.removesuffix("…")
    return step.endswith("…") and label.startswith(kept) and label[len(kept):][:1] in " ,;:–—"


@pytest.mark.parametrize("size", SIZES)
async def test_the_breadcrumb_shortens_older_steps_at_word_boundaries(
        long_names: Callable[..., ScenarioApp], size: tuple[int, int]) -> None:
    app = long_names()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("1", "1")  # two long labels taken: the third decision shows
        await settle(pilot)
        crumb = app.screen.query_one(Breadcrumb)
        drawn = lines_of(crumb)
        assert 1 <= len([line for line in drawn if line.strip()]) <= Breadcrumb.max_lines
        labels = [" ".join(choice.label.split()) for choice in app.screen.play.choices]
        steps = crumb_steps(drawn)
        assert len(steps) == 2
        assert steps[-1] == labels[-1]  # the latest step whole
        assert all(readable(step, label) for step, label in zip(steps, labels, strict=True))
        if size[0] == 80:
            assert steps[0] != labels[0]  # no room for both whole: the older one gives way


def test_older_steps_give_way_before_the_latest_at_every_width() -> None:
    labels = ["Make the uploads bucket public for writes so that partners need no credentials",
              "Give the report builder's execution role s3:GetObject on the incoming prefix",
              "Take a nightly snapshot", "Put an SQS queue in front of the order service",
              "Use a FIFO queue with deduplication", "Enable Multi-AZ on the database",
              "Add a read replica in the same AZ", "Convert the database to Multi-AZ"]
    for count in range(1, len(labels) + 1):
        taken = [Choice("a", "b", 0, label, 0, "") for label in labels[:count]]
        trail = Breadcrumb()
        trail.show(taken, ["right"] * count)
        for width in range(16, 160):
            lines = [line.plain for line in trail.fitted(width)]
            assert 1 <= len(lines) <= Breadcrumb.max_lines, (width, lines)
            steps = crumb_steps(lines)
            shown = labels[count - len(steps):count]  # the oldest give way to `…` last
            assert all(readable(step, label) for step, label in zip(steps, shown, strict=True)), \
                (width, lines)
            if width >= 60:  # room for any of them whole on two lines
                assert steps[-1] == shown[-1], (width, lines)  # the latest whole
            if steps[-1] != shown[-1]:  # cut: every older step is at its shortest
                assert all(len(step) <= LABEL_WIDTHS[-1] for step in steps[:-1]), (width, lines)


def boxes_in(lines: list[str]) -> dict[str, int]:
    """Each drawn box's title and its width, read from the top borders."""
    found = {}
    for line in lines:
        for match in re.finditer(r"[╭┏][─━] (?:[+~] )?(.+?) [─━]*[╮┓]", line):
            found[match.group(1)] = len(match.group(0))
    return found


@pytest.mark.parametrize("size", SIZES)
async def test_the_diagram_sizes_its_boxes_to_their_names(
        long_names: Callable[..., ScenarioApp], size: tuple[int, int]) -> None:
    app = long_names()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("1", "1")  # the second choice adds a queue with a long name
        await settle(pilot)
        body = app.screen.query_one(DrawingBody)
        drawn = [line.rstrip() for line in lines_of(body)]
        assert all(len(line) <= body.size.width for line in drawn)
        if size[0] < 100:  # folded to a line a component: nothing to size
            assert not boxes_in(drawn)
            return
        boxes = boxes_in(drawn)
        long, queue = ("Partner uploads bucket for the nightly reporting pipeline",
                       "Upload notifications queue with dead-letter redrive")
        assert set(boxes) == {long, queue, "Report builder", "Reports"}, drawn
        assert not any("…" in line for line in drawn)  # the panel has room for every name
        # a short name, a small box: as wide as its placement line, `s3 · regional`
        assert boxes["Reports"] == len("│ s3 · regional │")
        assert boxes[long] == len(f"╭─ {long} ─╮")


def test_a_box_is_cut_only_where_the_panel_is_narrower_than_its_text() -> None:
    long = "Partner uploads bucket for the nightly reporting pipeline"
    system = Architecture((
        Component("uploads", "s3", long, links=("builder", "reports")),
        Component("builder", "lambda", "Report builder", links=("reports",)),
        Component("reports", "s3", "Reports")))
    needed = len(f"╭─ {long} ─╮")
    for width in range(BOX_LEAST, 200):
        drawn = [line.plain for line in diagram(Drawing(system), width)]
        assert all(len(line) <= width for line in drawn), (width, drawn)
        boxes = boxes_in(drawn)
        if width >= len("╭─ Report builder ─╮"):
            assert boxes["Report builder"] == len("╭─ Report builder ─╮")  # as its name
        if width >= needed:
            assert long in boxes and "→ Report builder, Reports" in "\n".join(drawn), width
        else:
            assert [title for title in boxes if title.endswith("…")] != [], (width, drawn)
            assert boxes[next(iter(boxes))] == width  # the panel's width, no wider


def test_the_folded_list_keeps_where_a_component_runs_whole() -> None:
    """At 80 columns the folded list cut its lines at the end, inside the placement: a
    play-test read `iam-identity-center · regiona…`, `ec2 · 1 AZ…` or only `…` after a long
    name. The links give way first, then the name, to the whole `service · where` line."""
    developers = "Twelve developers (Identity Center, Dev)"
    publisher = "Publisher SAML IdP in the user pool (after an Identity Center detour)"
    system = Architecture((
        Component("devs", "iam-identity-center", developers, links=("bucket",)),
        Component("idp", "cognito", publisher, azs=3),
        Component("bucket", "s3", "Artifact bucket")))
    drawing = Drawing(system, scopes={"iam-identity-center": "regional", "s3": "regional"})
    for width in range(60, 120):
        lines = {line.plain[2:].split("  ")[0]: line.plain for line in compact(drawing, width)}
        assert all(len(line) <= width for line in lines.values()), (width, lines)
        devs = next(line for name, line in lines.items() if name.startswith("Twelve"))
        idp = next(line for name, line in lines.items() if name.startswith("Publisher"))
        assert "  iam-identity-center · regional" in devs, (width, devs)
        assert idp.endswith("  cognito · 3 AZs"), (width, idp)
        if width >= len(f"  {publisher}  cognito · 3 AZs"):
            assert publisher in idp, width
        else:
            assert "…  cognito" in idp, width  # the name shortened, not the placement
