"""The catalogue: `?` opens help, rows by title with each id shown, grouping by exam domain or
progress (a key, a palette command, remembered), and loads that a newer one replaced never
reach the screen."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static
from textual.worker import Worker

from scenario_tui.analysis.scoring import analyse
from scenario_tui.play.catalog import CatalogEntry
from scenario_tui.play.catalog_order import (
    BROKEN,
    DOMAIN,
    GROUPING_SETTING,
    GROUPINGS,
    NOT_STARTED,
    PERFECT,
    PROGRESS,
    TO_IMPROVE,
    by_title,
    grouped,
)
from scenario_tui.play.engine import start
from scenario_tui.play.progress_report import CatalogProgress
from scenario_tui.play.session import Session
from scenario_tui.progress.stats import ScenarioSummary
from scenario_tui.ui.catalog_commands import GroupingCommands
from scenario_tui.ui.screens.catalog import CatalogScreen
from scenario_tui.ui.screens.help import HelpScreen
from scenario_tui.ui.widgets.scenario_list import ScenarioList, best_label

from .pilot_steps import settle

ZEBRA = CatalogEntry(path="a.yaml", id="aaa-zebra", title="Zebra crossings", domain="security")
APPLE = CatalogEntry(path="z.yaml", id="zzz-apple", title="apple pies", domain="development")
BANANA = CatalogEntry(path="b.yaml", id="banana", title="Banana splits")


def test_entries_sort_by_title_not_id() -> None:
    assert [e.id for e in by_title([ZEBRA, APPLE, BANANA])] == ["zzz-apple", "banana",
                                                                "aaa-zebra"]


def test_groups_by_domain_and_by_progress() -> None:
    by_domain = grouped([ZEBRA, APPLE, BANANA], {}, DOMAIN)
    assert [(name, [e.id for e in members]) for name, members in by_domain] == [
        ("Development", ["zzz-apple"]), ("Security", ["aaa-zebra"]),
        ("General (no exam domain)", ["banana"])]
    summaries = {"aaa-zebra": ScenarioSummary(100, 2, "t"), "banana": ScenarioSummary(40, 1, "t"),
                 "zzz-apple": ScenarioSummary(None, 0, "t", exploring=(("replay", 1),))}
    by_progress = grouped([ZEBRA, APPLE, BANANA], summaries, PROGRESS)
    assert [(name, [e.id for e in members]) for name, members in by_progress] == [
        (TO_IMPROVE, ["banana"]), (NOT_STARTED, ["zzz-apple"]), (PERFECT, ["aaa-zebra"])]
    assert best_label(summaries["zzz-apple"]) == "new"      # exploring is not an attempt
    assert best_label(summaries["banana"]) == "best\xa040\xa0%"


async def test_question_mark_opens_help_and_letters_still_filter(make_app) -> None:
    """`?` typed into the filter: "0 of 32 shown" instead of help."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await settle(pilot)
        catalogue = app.screen
        assert isinstance(catalogue, CatalogScreen)
        assert catalogue.query_one("#filter", Input).value == ""
        await pilot.press(*"cache")
        await settle(pilot)
        listing = catalogue.query_one("#scenarios", ScenarioList)
        assert [e.id for e in listing.matching] == ["cache-the-catalogue"]


async def test_rows_show_ids_and_the_preview_the_command(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one("#scenarios", ScenarioList)
        assert [e.title for e in listing.matching] == sorted(
            (e.title for e in listing.matching), key=str.casefold)
        first = listing.get_option_at_index(0).prompt
        assert listing.matching[0].id in str(getattr(first, "plain", first))
        preview = app.screen.query_one("#preview", Static).render()
        assert f"scenario-tui play {listing.current.id}" in str(getattr(preview, "plain", ""))


async def test_grouping_cycles_is_remembered_and_is_in_the_palette(make_app, make_session
                                                                   ) -> None:
    session = make_session()
    scenario = session.scenario("cache-the-catalogue")
    play = start(scenario)
    while not play.finished(scenario):
        play = play.choose(scenario, 0)
    session.record(scenario, play, analyse(scenario).best_score, 1.0)
    app = make_app(session=session)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CatalogScreen)
        listing = screen.query_one("#scenarios", ScenarioList)
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert screen.grouping == DOMAIN
        headings = [str(o.prompt) for o in listing.options if o.disabled]
        assert [h.split(" · ")[0] for h in headings] == ["Development", "Security", BROKEN]
        assert listing.current is not None                    # the cursor is on an entry
        await pilot.press("down", "down", "down", "up")
        assert listing.current is not None
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert screen.grouping == PROGRESS
        assert [str(o.prompt).split(" · ")[0] for o in listing.options if o.disabled] == [
            NOT_STARTED, PERFECT, BROKEN]
        assert session.store.setting(GROUPING_SETTING) == PROGRESS
        hits = [hit async for hit in GroupingCommands(screen).discover()]
        assert [hit.text for hit in hits] == ["Catalogue: no groups",
                                              "Catalogue: group by exam domain",
                                              "Catalogue: group by progress"]
        assert len({hit.help for hit in hits}) == 3  # each says what it does
    again = make_app(session=session)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, CatalogScreen) and again.screen.grouping == PROGRESS


async def test_a_replaced_load_never_reaches_the_screen(make_app) -> None:
    """Bug 14: a worker that passed its own cancel check just before a newer one cancelled
    it still posted its (older) result. The screen checks again on the event loop."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CatalogScreen)
        before = screen.progress
        stale = CatalogProgress({"cache-the-catalogue": ScenarioSummary(5, 1, "t")})
        replaced: Worker[None] = Worker(screen, lambda: None, thread=True)
        replaced.cancel()                      # as a newer load does while this one posts
        screen._show_progress(replaced, stale)
        screen._show_catalog(replaced, ())
        await settle(pilot)
        assert screen.progress is before and screen.entries


async def test_the_first_group_s_heading_shows_when_its_first_entry_is_highlighted(
        make_app) -> None:
    """Home in a list grouped by domain highlighted the first entry and left the heading
    above it out of view, at 80x24 and 120x40 alike."""
    app = make_app()
    async with app.run_test(size=(80, 16)) as pilot:  # a list that scrolls
        await settle(pilot)
        await pilot.press("ctrl+g", "tab", "end")
        await settle(pilot)
        listing = app.screen.query_one("#scenarios", ScenarioList)
        assert listing.scroll_offset.y > 0
        await pilot.press("home")
        await settle(pilot)
        assert listing.highlighted == 1 and listing.scroll_offset.y == 0


def _attempt(session: Session, scenario_id: str, choice: int) -> None:
    """One finished attempt at `scenario_id`, taking choice `choice` at every decision."""
    scenario = session.scenario(scenario_id)
    play = start(scenario)
    while not play.finished(scenario):
        play = play.choose(scenario, choice)
    session.record(scenario, play, analyse(scenario).best_score, 1.0)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("by", [DOMAIN, PROGRESS])
async def test_after_a_restart_the_highlight_is_on_the_first_scenario_shown(
        make_app, make_session, by: str, size: tuple[int, int]) -> None:
    """Grouped by progress, a restart highlighted the first scenario by title (placed before
    progress was read), which progress then moved into a later group: the highlight sat on
    a row further down. Until the learner moves it, it is on the first row shown, as when
    the list is not grouped."""
    session = make_session()
    _attempt(session, "cache-the-catalogue", 1)      # a partly right attempt: best under 100 %
    session.store.set_setting(GROUPING_SETTING, by)
    app = make_app(session=make_session())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        listing = app.screen.query_one("#scenarios", ScenarioList)
        assert listing.current is listing.matching[0]
        assert listing.highlighted == 1 and listing.scroll_offset.y == 0  # its heading shows
        preview = app.screen.query_one("#preview", Static).render()
        assert listing.matching[0].id in str(getattr(preview, "plain", ""))


async def test_a_scenario_the_learner_moved_to_keeps_the_highlight(make_app) -> None:
    """Only a highlight the learner has not moved follows the first row: one they put on a
    scenario stays there as the list is redrawn (a filter typed and cleared, a regrouping)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one("#scenarios", ScenarioList)
        await pilot.press("down")
        chosen = listing.current
        assert chosen is listing.matching[1]
        await pilot.press("c", "backspace", "ctrl+g")
        await settle(pilot)
        assert listing.current is chosen


async def test_ctrl_g_says_how_the_list_is_grouped_now_and_next(make_app) -> None:
    """The list alone did not say it: "no groups" showed nothing at all."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        said = []
        for _ in GROUPINGS:
            await pilot.press("ctrl+g")
            await settle(pilot)
            note = list(app._notifications)[-1]
            said.append(f"{note.title}: {note.message}")
        assert said == ["Grouped by exam domain: Ctrl+G again: progress.",
                        "Grouped by progress: Ctrl+G again: no groups.",
                        "Not grouped: Ctrl+G again: exam domain."]
