"""The debrief from the keyboard and the mouse: its body scrolls from the first key, Markdown
shows as styles (never as marks), totals are shown as they are, each loss is labelled, the
tree reads as paths, the replay picker takes digits, and every option of a decision can be
opened (after a practice choice, and from the debrief)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

from textual.color import Color
from textual.pilot import Pilot
from textual.widgets import Static

from scenario_tui.play.modes import EXAM, PRACTICE
from scenario_tui.play.session import Session
from scenario_tui.ui.app import ScenarioApp
from scenario_tui.ui.screens.debrief import DebriefBody, DebriefScreen
from scenario_tui.ui.screens.play import PlayScreen
from scenario_tui.ui.screens.replay import ReplayDialog
from scenario_tui.ui.widgets.decision_tree import DecisionTree
from scenario_tui.ui.widgets.numbers import MINUS, NBSP
from scenario_tui.ui.widgets.option_verdicts import OptionsDialog
from scenario_tui.ui.widgets.step_table import StepTable

from .monkey import burst
from .pilot_steps import click_action, settle

DEBRIEF = Path(__file__).resolve().parent.parent / "fixtures" / "ui_debrief"
ID = "meeple-debrief"

MakeApp = Callable[..., ScenarioApp]


def meeple(make_app: MakeApp, make_session: Callable[..., Session],
           mode: str = EXAM) -> ScenarioApp:
    """An app on the debrief fixture, playing it in `mode`."""
    return make_app(ID, mode=mode, session=make_session(DEBRIEF))


async def finish(pilot: Pilot, *keys: str) -> DebriefScreen:
    await settle(pilot)
    for key in keys:
        await pilot.press(key)
        await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, DebriefScreen), screen
    return screen


def shown(screen: DebriefScreen, selector: str) -> str:
    """The text a Static shows, or the step table's, as one string (the table as wide as
    it is drawn, every row laid out)."""
    widget = screen.query_one(selector)
    if isinstance(widget, StepTable):
        return "\n".join(line.plain for line in widget.layout_at(widget.size.width).lines())
    return str(screen.query_one(selector, Static).visual.plain)  # type: ignore[attr-defined]


async def test_the_body_has_focus_and_the_keys_scroll_it(make_app: MakeApp,
                                                         make_session: Callable[..., Session]
                                                         ) -> None:
    async with meeple(make_app, make_session).run_test(size=(80, 24)) as pilot:
        screen = await finish(pilot, "2", "1", "1")
        body = screen.query_one(DebriefBody)
        assert screen.focused is body
        assert body.max_scroll_y > 10
        for key in ("j", "down", "pagedown", "space"):
            before = body.scroll_y
            await pilot.press(key)
            await settle(pilot)
            assert body.scroll_y > before, key
        await pilot.press("end")
        await settle(pilot)
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("k")
        await settle(pilot)
        assert body.scroll_y == body.max_scroll_y - 1
        for key in ("pageup", "up"):
            before = body.scroll_y
            await pilot.press(key)
            await settle(pilot)
            assert body.scroll_y < before, key
        await pilot.press("home")
        await settle(pilot)
        assert body.scroll_y == 0


async def test_a_negative_total_its_loss_and_markdown_as_styles(
        make_app: MakeApp, make_session: Callable[..., Session]) -> None:
    async with meeple(make_app, make_session).run_test(size=(120, 40)) as pilot:
        screen = await finish(pilot, "1")
        summary = shown(screen, "#summary")
        assert f"Score {MINUS}1 of 8 possible  ·  {MINUS}12{NBSP}%" in summary
        assert "Grade  F" in summary
        assert "ConsistentRead=true" in summary and "`" not in summary
        steps = shown(screen, "#steps")
        assert "Lost 9 against the best here: 2 fewer on" in steps
        assert "`" not in steps and "**" not in steps and "-1" not in steps
        assert f"{MINUS}1" in steps


async def test_cells_and_tree_lines_are_not_cut_where_there_is_room(
        make_app: MakeApp, make_session: Callable[..., Session]) -> None:
    async with meeple(make_app, make_session).run_test(size=(200, 50)) as pilot:
        screen = await finish(pilot, "2", "1", "1")
        command = "aws dynamodb get-item --table-name products --no-consistent-read"
        table = shown(screen, "#steps").splitlines()
        best = " ".join(line.split("│")[4] for line in table if line.count("│") == 5)
        assert command in " ".join(best.split())
        tree = screen.query_one(DecisionTree)
        lines = [tree.render_label(node, tree.rich_style, tree.rich_style).plain
                 for node in tree._tree_nodes.values()]
        assert any(command in line for line in lines), lines
        root = lines[0]
        assert "Meeple Market reads every product" in root and "**" not in root


async def test_the_tree_names_situations_and_keeps_the_best_path_under_its_choices(
        make_app: MakeApp, make_session: Callable[..., Session]) -> None:
    async with meeple(make_app, make_session).run_test(size=(120, 40)) as pilot:
        screen = await finish(pilot, "2", "1", "1")
        tree = screen.query_one(DecisionTree)
        nodes = {node.id: node for node in tree._tree_nodes.values()}
        label = {i: tree.render_label(n, tree.rich_style, tree.rich_style).plain
                 for i, n in nodes.items()}
        expiry = next(n for n in nodes.values() if n.data and n.data.node == "expiry"
                      and not n.data.link)
        # "expiry" is reached from both choices at "reads": it is drawn under the best one
        assert expiry.data is not None and expiry.data.choice is not None
        assert expiry.data.choice.index == 1 and "★" in label[expiry.id]
        link = next(i for i, n in nodes.items() if n.data and n.data.link)
        assert "joins “Hits climb. Prices change every Monday." in label[link]
        assert "‹" not in label[link] and "expiry" not in label[link]


async def test_the_replay_picker_takes_a_digit_once(make_app: MakeApp,
                                                    make_session: Callable[..., Session]
                                                    ) -> None:
    app = meeple(make_app, make_session)
    async with app.run_test(size=(80, 24)) as pilot:
        await finish(pilot, "2", "1", "1")
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ReplayDialog)
        await pilot.press("9")  # no ninth decision: the picker stays
        await settle(pilot)
        assert isinstance(app.screen, ReplayDialog)
        burst(app, ["3", "3", "3"])  # a held key chooses once
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        assert len(screen.play.choices) == 2
        # one replay over its debrief (Esc goes back to it), not one per key
        assert len(app.screen_stack) == 3 and isinstance(app.screen_stack[1], DebriefScreen)


async def test_every_option_after_a_practice_choice(make_app: MakeApp,
                                                    make_session: Callable[..., Session]
                                                    ) -> None:
    app = meeple(make_app, make_session, PRACTICE)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o")  # no feedback yet: nothing to explain
        await settle(pilot)
        assert isinstance(app.screen, PlayScreen)
        await pilot.press("1", "o")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, OptionsDialog)
        text = str(dialog.query_one("#options-list", Static).visual.plain)  # type: ignore
        assert "✗ Wrong · −1\u00a0point · ● your choice" in text
        assert "✓ Right · +1\u00a0point · ★ best" in text
        assert "Strong reads are never served" in text and "DAX serves" in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PlayScreen)
        await click_action(pilot, "all-options")  # the mouse opens it too
        await settle(pilot)
        assert isinstance(app.screen, OptionsDialog)
        await pilot.click("#options-close")
        await settle(pilot)
        assert isinstance(app.screen, PlayScreen)


async def test_exam_mode_keeps_the_options_for_the_debrief(
        make_app: MakeApp, make_session: Callable[..., Session]) -> None:
    app = meeple(make_app, make_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "o")
        await settle(pilot)
        assert isinstance(app.screen, PlayScreen)
        await pilot.press("1", "1")
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("o")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, OptionsDialog) and dialog.at == 0
        await pilot.press("right", "right", "right")  # past the last: stays on it
        await settle(pilot)
        heading = str(dialog.query_one("#options-situation", Static).visual.plain)  # type: ignore
        assert dialog.at == 2 and heading.startswith("Decision 3 of 3 · you chose 1 (+5)")
        await pilot.press("left")
        await settle(pilot)
        assert dialog.at == 1
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)


async def test_the_debrief_opens_a_decision_by_its_row_or_its_tree_line(
        make_app: MakeApp, make_session: Callable[..., Session]) -> None:
    app = meeple(make_app, make_session)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await finish(pilot, "2", "1", "1")
        steps = screen.query_one("#steps", StepTable)
        lines = [strip.text for strip in steps.render_lines(steps.region.reset_offset)]
        row = [y for y, line in enumerate(lines) if "options ›" in line][1]  # the second step
        await pilot.click(steps, offset=(lines[row].index("options ›") + 2, row))
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, OptionsDialog) and dialog.at == 1
        await pilot.press("escape")
        await pilot.press("t", "down", "down")  # the tree: a line at the decision "reads"
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, OptionsDialog)
        assert dialog.decisions[dialog.at].node in ("start", "reads")


def test_pillar_bars_use_one_minus_sign() -> None:
    from scenario_tui.ui.widgets.pillar_bars import bars_content

    text = bars_content({"cost": (-200, 100)}, {"security": 2}).plain
    assert f"{MINUS}200{NBSP}%" in text and "-200" not in text and f"100{NBSP}%" in text
    assert f"you lost {MINUS}" not in text and "you lost 2" in text


COSTLIER_EC2 = ("        misconception: always-on-for-events\n        pillars: {cost: -2}",
                "        misconception: always-on-for-events\n        pillars: {cost: -3}")
"""The tiny fixture's always-on instance, costing more than any path saves."""


def pillar_line(screen: DebriefScreen, title: str) -> str:
    return next(line for line in shown(screen, "#pillars").splitlines()
                if line.startswith(title))


async def test_pillar_bars_keep_one_scale_between_plays(
        make_app: MakeApp, make_session: Callable[..., Session], tmp_path: Path,
        tiny_path: Path) -> None:
    """Each debrief scaled its bars to its own largest number: the best path's +2 in
    operational excellence drew a full bar after the best play, and 5 cells of 8 after a
    play that lost 3 in cost. Both now draw it as 100 % of the most it can gain."""
    text = tiny_path.read_text(encoding="utf-8")
    assert COSTLIER_EC2[0] in text
    (tmp_path / "tiny.yaml").write_text(text.replace(*COSTLIER_EC2), encoding="utf-8")
    shutil.copy(tiny_path.with_name("misconceptions.yaml"), tmp_path)  # its tags' meanings
    app = make_app("tiny", session=make_session(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        best = await finish(pilot, "1", "enter", "1", "enter")
        after_best = pillar_line(best, "Operational excellence")
        await pilot.press("r")
        detour = await finish(pilot, "2", "enter", "1", "enter", "1", "enter")
        after_detour = pillar_line(detour, "Operational excellence")
        best_bars = [re.findall("[█▒·]{8}", line)[-1] for line in (after_best, after_detour)]
        assert best_bars == ["████████", "████████"]  # the best path's +2: the same bar
        assert after_best.endswith(f"████████ {NBSP}100{NBSP}%") and after_detour.endswith(
            f"████████ {NBSP}100{NBSP}%")
        assert f"{MINUS}300{NBSP}%" in pillar_line(detour, "Cost optimization")
        assert "one scale for every play" in shown(detour, "#pillars")


async def test_digits_on_the_debrief_only_ring(make_app: MakeApp,
                                              make_session: Callable[..., Session]) -> None:
    """A learner still pressing digits as if playing stays on the debrief (the bell says the
    key does nothing here); digits replay only inside the picker (`p`, then 1-9)."""
    app = meeple(make_app, make_session)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await finish(pilot, "2", "1", "1")
        bells: list[None] = []
        app.bell = lambda: bells.append(None)  # type: ignore[method-assign]
        for key in "123456789":
            await pilot.press(key)
            await settle(pilot)
            assert app.screen is screen, key
        assert len(bells) == 9
        await pilot.press("t", "1")  # the tree has focus: still nothing but the bell
        await settle(pilot)
        assert app.screen is screen and len(bells) == 10
        await pilot.press("p", "2")
        await settle(pilot)
        assert isinstance(app.screen, PlayScreen) and len(app.screen.play.choices) == 1


CODE = ("ConsistentRead=true", "ItemCacheHits", "--no-consistent-read")
"""Inline code in the debrief fixture's labels: every path's table shows some of it."""


def code_colours(screen: DebriefScreen) -> set[str]:
    """The colours the step table draws its inline code in."""
    steps = screen.query_one("#steps", StepTable)
    return {segment.style.color.get_truecolor().hex
            for strip in steps.render_lines(steps.region.reset_offset) for segment in strip
            if any(code in segment.text for code in CODE) and segment.style
            and segment.style.color}


async def test_the_step_table_follows_a_theme_switch(make_app: MakeApp,
                                                     make_session: Callable[..., Session]
                                                     ) -> None:
    """Inline code in the table's cells takes the new theme's colour at once, not when the
    debrief is next opened."""
    app = meeple(make_app, make_session)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await finish(pilot, "2", "1", "1")
        before = code_colours(screen)
        app.theme = "textual-light"
        await settle(pilot)
        after = code_colours(screen)
        assert before and after and before != after
        assert after == {Color.parse(app.theme_variables["text-accent"]).hex.lower()}


def test_the_debrief_names_a_replay_a_what_if_and_a_timed_exam() -> None:
    """A replay's debrief said "practice mode" as an attempt's does, and a timed exam's said
    "exam mode"."""
    from scenario_tui.analysis.scoring import analyse
    from scenario_tui.format import loader
    from scenario_tui.play.engine import Debrief, Play, debrief, start, what_if
    from scenario_tui.ui.screens.debrief import run_label

    scenario, _ = loader.load_file(Path(__file__).parent.parent / "fixtures" / "ui_scenarios"
                                   / "cache-the-catalogue.yaml")
    assert scenario is not None
    analysis = analyse(scenario)

    def finished(play: Play) -> Debrief:
        while not play.finished(scenario):
            play = play.choose(scenario, 0)
        return debrief(scenario, play, analysis)

    attempt = finished(start(scenario))
    assert run_label(attempt) == "practice mode"
    assert run_label(finished(start(scenario, EXAM, time_limit=60))) == "timed exam mode"
    replay = finished(attempt.play.rewind(1))
    assert run_label(replay) == "practice mode  ·  replay, not counted"
    moved = finished(what_if(scenario, attempt.play, scenario.choices(scenario.start)[1]))
    assert run_label(moved) == "practice mode  ·  what-if, not counted"
