"""The chaos round in the debrief (each fault against your system and the best one, side by
side; behind a button in exam mode) and in the author preview (`f` runs the faults on the
preview's path)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from scenario_tui.play.modes import EXAM, PRACTICE
from scenario_tui.play.session import Session
from scenario_tui.ui.author_app import AuthorApp
from scenario_tui.ui.screens.author import AuthorScreen
from scenario_tui.ui.screens.debrief import DebriefScreen
from scenario_tui.ui.widgets.architecture_view import DrawingBody
from scenario_tui.ui.widgets.chaos_round import ChaosRound

from .pilot_steps import settle
from .test_architecture_panel import ARCHITECTURE, SHOP, MakeApp, shop
from .test_long_names import SEGMENT_ENDS, breaks_inside_words, lines_of

WORST = ("2", "enter", "2", "enter", "2", "enter")
"""A larger web server, a same-AZ replica, Memcached: the shop survives none of its faults."""


def plain(widget: Static) -> str:
    return str(widget.visual.plain)  # type: ignore[union-attr]


def sides(chaos: ChaosRound) -> list[tuple[str, str]]:
    """Each fault's (yours, best) text."""
    rows = []
    for row in chaos.query(".chaos-sides"):
        yours, best = row.query(Static)
        rows.append((plain(yours), plain(best)))
    return rows


async def debrief_after(pilot: Pilot, keys: tuple[str, ...]) -> DebriefScreen:
    await settle(pilot)
    for key in keys:
        await pilot.press(key)
        await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, DebriefScreen), screen
    return screen


async def test_each_fault_for_yours_and_best(make_app: MakeApp,
                                             make_session: Callable[..., Session]) -> None:
    async with shop(make_app, make_session).run_test(size=(120, 40)) as pilot:
        screen = await debrief_after(pilot, WORST)
        chaos = screen.query_one(ChaosRound)
        rows = sides(chaos)
        assert len(rows) == 3  # the fixture's three faults, in authored order
        titles = [plain(s) for s in chaos.query(".chaos-fault").results(Static)]
        assert titles[0].startswith("One Availability Zone fails")
        assert rows[0][0].startswith("Yours  ✗ fails") and rows[0][1].startswith(
            "Best   ✓ survives")
        assert rows[1][0].startswith("Yours  ~ degrades")
        assert "A single-AZ database is unavailable" in rows[0][0]
        assert "source docs.aws.amazon.com/…/Concepts.MultiAZ.html" in rows[0][0]
        assert "survives 0 of 3 faults; the best one survives 3" in plain(
            screen.query_one("#chaos-summary", Static))


ENDS_EARLY = ("1", "enter", "3", "enter")
"""An Auto Scaling group, then the nightly snapshot, which (in `shop_ending_early`) ends the
play before the cache decision."""


async def test_a_path_that_ended_early_is_not_judged_on_the_cache(
        make_app: MakeApp, make_session: Callable[..., Session],
        shop_ending_early: Path) -> None:
    """The cache fault is decided at the cache decision, which this path never reached: its
    side says so, and no outcome or why of a cache it never chose shows."""
    session = make_session(shop_ending_early)
    async with shop(make_app, make_session, session=session).run_test(
            size=(120, 40)) as pilot:
        screen = await debrief_after(pilot, ENDS_EARLY)
        rows = sides(screen.query_one(ChaosRound))
        assert rows[1][0] == "Yours  – not reached\nYour path did not reach the decisions " \
                             "this fault tests."
        assert rows[1][1].startswith("Best   ✓ survives")
        assert rows[0][0].startswith("Yours  ✗ fails")  # the database it did decide
        shown = "\n".join(yours for yours, _ in rows)
        assert "With no cache" not in shown
        assert plain(screen.query_one("#chaos-summary", Static)) == (
            "Your path reached 2 of 3 faults and your system survives 0 of them; the best "
            "one survives 3 of 3.")


async def test_a_source_opens_through_the_checked_prompt(
        make_app: MakeApp, make_session: Callable[..., Session]) -> None:
    async with shop(make_app, make_session).run_test(size=(120, 40)) as pilot:
        screen = await debrief_after(pilot, WORST)
        yours = screen.query_one("#chaos-0").query(Static).first()
        styles = [str(span.style) for span in yours.visual.spans]  # type: ignore[union-attr]
        assert any("app.open_url('https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/"
                   "Concepts.MultiAZ.html')" in style for style in styles), styles


async def test_a_source_address_breaks_only_between_its_segments(
        make_app: MakeApp, make_session: Callable[..., Session]) -> None:
    """At 80 columns a side is too narrow for `source` and its address on one line: the
    address breaks after a `/` or `.`, as the step table breaks a path, not mid-word
    (`Concepts.Mu` / `ltiAZ.html`)."""
    async with shop(make_app, make_session).run_test(size=(80, 24)) as pilot:
        screen = await debrief_after(pilot, WORST)
        broken = []
        for side in screen.query(".chaos-side").results(Static):
            text = plain(side)
            drawn = [line.strip() for line in lines_of(side)]
            for before, after in breaks_inside_words(text, drawn):
                assert before[-1] in SEGMENT_ENDS, f"{before!r} | {after!r}: mid-segment"
                broken.append(before + after)
        assert "docs.aws.amazon.com/…/Concepts.MultiAZ.html" in broken


async def test_exam_mode_offers_the_round_at_the_end(
        make_app: MakeApp, make_session: Callable[..., Session]) -> None:
    async with shop(make_app, make_session, mode=EXAM).run_test(size=(80, 24)) as pilot:
        screen = await debrief_after(pilot, ("2", "2", "2"))
        chaos = screen.query_one(ChaosRound)
        assert not chaos.query(".chaos-sides")
        assert chaos.query_one("#chaos-offer")
        await pilot.press("c")
        await settle(pilot)
        assert len(sides(chaos)) == 3
        assert not chaos.query("#chaos-offer")


async def test_practice_mode_shows_the_round_at_once(
        make_app: MakeApp, make_session: Callable[..., Session]) -> None:
    async with shop(make_app, make_session, mode=PRACTICE).run_test(size=(80, 24)) as pilot:
        screen = await debrief_after(pilot, WORST)
        assert len(sides(screen.query_one(ChaosRound))) == 3


async def test_no_round_without_faults(make_app: MakeApp) -> None:
    async with make_app("cache-the-catalogue", mode=EXAM).run_test(size=(80, 24)) as pilot:
        screen = await debrief_after(pilot, ("1", "1"))
        assert not screen.query(ChaosRound)
        assert screen.check_action("chaos_round", ()) is False


async def wait_for(pilot: Pilot, condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 10
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.05)
    await pilot.pause()


async def test_the_author_preview_runs_the_faults() -> None:
    app = AuthorApp(ARCHITECTURE / f"{SHOP}.yaml", interval=60.0)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, AuthorScreen)
        await wait_for(pilot, lambda: screen.trial is not None)
        await settle(pilot)
        assert "Web servers" in screen.query_one("#author-diagram DrawingBody",
                                                 DrawingBody).render().plain
        results = screen.query_one("#author-fault-results", Static)
        assert "run the faults" in plain(results)
        await pilot.press("f")
        await settle(pilot)
        shown = plain(results)
        # the start: no decision made yet, so none judged; the best path's all survive
        assert "Your path reached none of the 3 faults; the best one survives 3 of 3" in shown
        assert shown.count("yours  – not reached") == 3 and shown.count("best   ✓") == 3
        await pilot.press("1")  # a move clears the outcomes of the old path
        await settle(pilot)
        assert "~ Web servers" in screen.query_one("#author-diagram DrawingBody",
                                                   DrawingBody).render().plain
        assert "run the faults" in plain(results)
