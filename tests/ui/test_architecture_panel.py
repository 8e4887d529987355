"""The diagram panel in play: it shows the system the choices build, marks what the last
choice added, changed or removed with symbols, folds to one line per component below 100
columns, hides and shows with `a` (remembered), and is absent where a scenario builds
nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from textual._compositor import Compositor
from textual.pilot import Pilot

from scenario_tui.analysis.scoring import analyse
from scenario_tui.play.engine import start
from scenario_tui.play.modes import EXAM, PRACTICE
from scenario_tui.play.session import Session
from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.screens.play import PlayScreen
from scenario_tui.ui.screens.review import ReviewScreen
from scenario_tui.ui.widgets.architecture_view import ArchitectureView, DrawingBody
from scenario_tui.ui.widgets.decision_box import DecisionBox

from .pilot_steps import open_review, settle
from .test_long_names import lines_of

ARCHITECTURE = Path(__file__).resolve().parent.parent / "fixtures" / "architecture"
SHOP = "shop-resilience"

MakeApp = Callable[..., ScenarioApp]


def shop(make_app: MakeApp, make_session: Callable[..., Session], mode: str = PRACTICE,
         session: Session | None = None) -> ScenarioApp:
    return make_app(SHOP, mode=mode, session=session or make_session(ARCHITECTURE))


def drawn(pilot: Pilot) -> str:
    """The panel's drawing as plain text."""
    body = pilot.app.screen.query_one(DrawingBody)
    return body.render().plain


async def test_the_panel_marks_what_a_choice_changed(make_app, make_session) -> None:
    async with shop(make_app, make_session).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = drawn(pilot)
        assert "Web servers" in before and "Orders database" in before
        assert "Last choice" not in before and "┏" not in before  # no marks before a choice
        await pilot.press("1")  # web servers across two AZs, scaling 2-6
        await settle(pilot)
        after = drawn(pilot)
        assert "Last choice: ~ 1 changed" in after
        assert "~ Web servers" in after and "┏" in after  # a symbol and a heavy border
        assert "2 AZs · 2–6" in after
        await pilot.press("enter", "2")  # a read replica: added
        await settle(pilot)
        assert "+ Read replica" in drawn(pilot)
        assert "~ Web servers" not in drawn(pilot)  # only the last choice is marked


async def test_the_panel_folds_to_a_list_at_80_columns(make_app, make_session) -> None:
    async with shop(make_app, make_session).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        lines = drawn(pilot).splitlines()
        assert "╭" not in drawn(pilot) and "┏" not in drawn(pilot)  # no boxes
        assert any(line.startswith("~ Web servers") for line in lines)
        assert all(len(line) <= 80 for line in lines)
        assert sum("Application Load Balancer" in line for line in lines) == 1


async def test_at_100_columns_the_boxes_stay_clear_of_the_scrollbar(make_app,
                                                                     make_session) -> None:
    """At 100 columns the boxes need a scrollbar, which left the drawing 2 cells too narrow
    for boxes: the panel measured the boxes, drew the folded list, and swapped between the
    two from one choice to the next, with blank rows or the drawing under the scrollbar."""
    async with shop(make_app, make_session).run_test(size=(100, 30)) as pilot:
        for keys in [(), ("1",), ("enter", "2"), ("u",), ("u",)]:
            await pilot.press(*keys)
            await settle(pilot)
            panel = pilot.app.screen.query_one(ArchitectureView)
            body = pilot.app.screen.query_one(DrawingBody)
            lines = drawn(pilot).splitlines()
            assert panel.show_vertical_scrollbar, keys
            assert any("╭" in line for line in lines), keys  # boxes, as from 100 columns
            assert body.size.height == len(lines), keys  # no blank rows below them
            assert body.region.right <= panel.scrollable_content_region.right, keys


async def test_a_hides_the_panel_and_it_is_remembered(make_app, make_session) -> None:
    session = make_session(ARCHITECTURE)
    async with shop(make_app, make_session, session=session).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        panel = pilot.app.screen.query_one(ArchitectureView)
        assert panel.display
        await pilot.press("a")
        await settle(pilot)
        assert not panel.display
    async with shop(make_app, make_session, session=session).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not pilot.app.screen.query_one(ArchitectureView).display
        await pilot.press("a")
        await settle(pilot)
        assert pilot.app.screen.query_one(ArchitectureView).display


async def test_exam_mode_shows_the_marks_without_a_verdict(make_app, make_session) -> None:
    async with shop(make_app, make_session, mode=EXAM).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")  # a larger instance: a wrong choice
        await settle(pilot)
        body = pilot.app.screen.query_one(DrawingBody)
        content = body.render()
        assert "~ Web servers" in content.plain
        styles = " ".join(str(span.style) for span in content.spans)
        assert "$error" not in styles and "$success" not in styles


async def test_no_panel_where_nothing_is_built(make_app) -> None:
    async with make_app("cache-the-catalogue").run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(pilot.app.screen, PlayScreen)
        assert not pilot.app.screen.query(ArchitectureView)
        assert pilot.app.screen.check_action("toggle_architecture", ()) is False


async def test_a_long_explanation_scrolls_above_actions_kept_on_screen(
        make_app, make_session, monkeypatch) -> None:
    """At 80x24 with the panel open, a long explanation pushed Continue, Undo and All options
    out of sight, and its last lines could not be scrolled to. The actions now stay at the
    feedback's foot, and the explanation scrolls above them, down to its last line (here with
    the full panel: the room it makes for feedback is the next test's)."""
    monkeypatch.setattr(ArchitectureView, "make_room", lambda self, needed: None)
    app = shop(make_app, make_session)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter", "2")
        await settle(pilot)
        box = app.screen.query_one(DecisionBox)
        assert box.feedback is not None
        last = box.feedback.plain.splitlines()[-1].split()[-1]

        def drawn_box() -> tuple[list[str], int]:
            lines = lines_of(box)
            actions = next(y for y, line in enumerate(lines) if "Continue" in line)
            assert "undo" in lines[actions].lower() and "options" in lines[actions].lower(), lines
            assert lines[actions + 1].startswith("╰"), lines
            return lines, actions

        lines, actions = drawn_box()
        assert "more ─╯" in lines[actions + 1] and last not in "".join(lines[:actions])
        await pilot.press("end")
        await settle(pilot)
        lines, actions = drawn_box()
        assert "more ─╯" not in lines[actions + 1] and last in lines[actions - 2], lines


async def test_on_a_short_terminal_the_panel_makes_room(make_app, make_session) -> None:
    """At 80x24 the full panel hid a fourth choice below the fold and left a long explanation
    two lines. Under 30 rows it keeps to two lines: the last choice's summary and the first
    component it touched; it takes its room back when the terminal grows."""
    app = shop(make_app, make_session)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        panel = app.screen.query_one(ArchitectureView)
        assert panel.outer_size.height == 4
        await pilot.press("1", "enter", "2")
        await settle(pilot)
        assert panel.outer_size.height == 4
        summary, first = drawn(pilot).splitlines()[:2]
        assert summary.startswith("Last choice") and first.startswith(("+", "~")), first
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert panel.outer_size.height > 4


async def test_a_review_marks_no_change_before_its_choice(make_app, make_session) -> None:
    """A review starts at the missed decision, on the best way there: before the learner
    chooses, nothing on the diagram is theirs to mark (it showed the way there's last change
    as the "last choice"); their choice is marked once made."""
    session = make_session(ARCHITECTURE)
    scenario = session.scenario(SHOP)
    play = start(scenario).choose(scenario, 0).choose(scenario, 2).choose(scenario, 0)
    session.record(scenario, play, analyse(scenario).best_score, 60.0)  # db-tier missed
    session.wall_clock.at += dt.timedelta(days=2)  # type: ignore[attr-defined]
    async with make_app(session=session).run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        assert isinstance(pilot.app.screen, ReviewScreen)
        before = drawn(pilot)
        assert "Web servers" in before and "ec2 · 2 AZs · 2–6" in before  # the way there
        assert "Last choice" not in before and "~ Web servers" not in before
        await pilot.press("2")  # a read replica
        await settle(pilot)
        assert "Last choice: + 1 added" in drawn(pilot) and "+ Read replica" in drawn(pilot)


async def test_a_choice_redraws_the_panel_in_the_room_kept_for_it(make_app, make_session) -> None:
    """While the learner reads, the panel keeps the room the tallest system after any choice
    on screen needs, so a choice that grows the system redraws it in place (the play body is
    not laid out again in the feedback's frame); the next decision keeps its own room."""
    session = make_session(bundled=True)
    async with make_app("read-heavy-database", session=session).run_test(
            size=(120, 40)) as pilot:
        await settle(pilot)
        view = pilot.app.screen.query_one(ArchitectureView)
        body = view.query_one(DrawingBody)
        assert drawn(pilot).count("╭─") == 1  # the database alone, in room for more
        before = view.region
        await pilot.press("4")  # a queue and workers in front of the database: a new layer
        await settle(pilot)
        assert "+ Read queue and workers" in drawn(pilot)
        assert view.region == before
        assert body.size.height == drawn(pilot).count("\n") + 1  # the room is filled
        await pilot.press("enter")
        await settle(pilot)
        assert view.region.height >= body.size.height > 0


async def test_the_room_kept_never_passes_what_the_panel_shows(make_app, make_session) -> None:
    """On a short terminal the panel shows two lines: room kept past them scrolled blank
    lines behind a scrollbar."""
    session = make_session(bundled=True)
    async with make_app("read-heavy-database", session=session).run_test(
            size=(80, 24)) as pilot:
        await settle(pilot)
        view = pilot.app.screen.query_one(ArchitectureView)
        assert view.max_scroll_y == 0 and not view.show_vertical_scrollbar


async def test_a_panel_with_more_than_it_shows_scrolls_from_the_keyboard(
        make_app, make_session) -> None:
    """Tab reaches the panel when its system is taller than it (then the keys scroll it),
    and passes it by when it shows everything."""
    session = make_session(bundled=True)
    async with make_app("blue-green-swap", session=session).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        view = pilot.app.screen.query_one(ArchitectureView)
        assert view.max_scroll_y > 0 and view in pilot.app.screen.focus_chain
        view.focus()
        await pilot.press("pagedown")
        await settle(pilot)
        assert view.scroll_y > 0
    async with shop(make_app, make_session).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = pilot.app.screen.query_one(ArchitectureView)
        assert view.max_scroll_y == 0 and view not in pilot.app.screen.focus_chain


async def test_a_choice_redraws_the_diagram_not_its_panel(make_app, make_session,
                                                          monkeypatch) -> None:
    """The play screen asks the panel for its room on every choice, and setting its height
    again, even to the same, redrew the whole bordered panel in the feedback's frame (a
    tenth of a choice's time). Only the drawing in it changes now."""
    session = make_session(bundled=True)
    updated: list[object] = []
    update_widgets = Compositor.update_widgets

    def record(self: Compositor, widgets: set[object]) -> None:
        updated.extend(widgets)
        update_widgets(self, widgets)  # type: ignore[arg-type]

    async with make_app("read-heavy-database", session=session).run_test(
            size=(120, 40)) as pilot:
        await settle(pilot)
        view = pilot.app.screen.query_one(ArchitectureView)
        monkeypatch.setattr(Compositor, "update_widgets", record)
        await pilot.press("4")
        await settle(pilot)
        assert view.query_one(DrawingBody) in updated
        assert view not in updated
