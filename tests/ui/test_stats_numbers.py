"""The stats screen's numbers: exploring apart from attempts, a fixed 0–100 % scale, names and
titles cut only where there is no room, no unit wrapped away from its number."""

from __future__ import annotations

import datetime as dt

from textual.content import Content
from textual.worker import Worker

from scenario_tui.analysis.scoring import analyse
from scenario_tui.play.engine import start, what_if
from scenario_tui.play.statistics_report import Statistics
from scenario_tui.progress.kinds import REPLAY, WHAT_IF
from scenario_tui.progress.stats import Mastery, ScenarioSummary
from scenario_tui.ui.screens.stats import StatsScreen, stats_summary
from scenario_tui.ui.widgets.mastery_bars import mastery_content
from scenario_tui.ui.widgets.numbers import NBSP
from scenario_tui.ui.widgets.score_history import ScoreHistory, history_content, score_bars

from .history import seed_history
from .pilot_steps import settle

LONG_TITLE = "How to move a monolith to serverless without losing a weekend of orders"


def test_the_bars_have_a_fixed_scale() -> None:
    """A lone 100 % attempt drew like 0 % (Sparkline scales to the data's own range)."""
    assert score_bars([100]) == "█" and score_bars([0]) == "▁"
    assert score_bars([0, 50, 100]) == "▁▅█"
    assert len(score_bars(list(range(30)))) == 12


def test_history_titles_are_not_cut_where_there_is_room() -> None:
    row = (LONG_TITLE, ScenarioSummary(50, 3, "2026-01-02", (25, 50, 50),
                                       exploring=((REPLAY, 2),)))
    narrow = history_content([row], 78).plain.splitlines()
    assert narrow[0] == LONG_TITLE                      # the whole title, on its own line
    assert f"best {NBSP}50{NBSP}%" in narrow[1]
    assert narrow[1].endswith(f"3{NBSP}attempts · 2{NBSP}replays")
    wide = history_content([row], 160).plain.splitlines()
    assert len(wide) == 1 and wide[0].startswith(LONG_TITLE)


def test_service_names_are_cut_only_when_there_is_no_room() -> None:
    rows = [Mastery("AWS Serverless Application Model", 75, 1, 1),
            Mastery("AWS Serverless Application Repository", 50, 1, 1)]
    shown = mastery_content(rows, 60).plain.splitlines()
    assert shown[0].startswith("AWS Serverless Application Model  ")
    assert shown[1].startswith("AWS Serverless Application Repository  ")
    assert f"75{NBSP}%" in shown[0]
    assert all(len(line) <= 30 for line in mastery_content(rows, 30).plain.splitlines())


def test_a_domain_not_started_says_so() -> None:
    shown = mastery_content([Mastery("Security", None, 0, 3), Mastery("Development", 40, 1, 2)],
                            80, show_of=True).plain.splitlines()
    assert "not started" in shown[0] and "0 %" not in shown[0] and f"0{NBSP}of{NBSP}3" in shown[0]
    assert f"40{NBSP}%" in shown[1]


async def test_stats_count_replays_and_what_ifs_apart(make_app, make_session) -> None:
    session = make_session()
    seed_history(session)
    scenario = session.scenario("cache-the-catalogue")
    first = start(scenario).choose(scenario, 1).choose(scenario, 0).choose(scenario, 1)
    best = analyse(scenario).best_score
    moved = what_if(scenario, first, scenario.choices(scenario.start)[0])
    while not moved.finished(scenario):
        moved = moved.choose(scenario, 0)
    for play in (first.rewind(2).choose(scenario, 0), first.rewind(1).choose(scenario, 1),
                 moved):
        while not play.finished(scenario):
            play = play.choose(scenario, 0)
        session.wall_clock.at += dt.timedelta(minutes=1)
        session.record(scenario, play, best, 1.0)
    assert [p.kind for p in session.store.plays()][-3:] == [REPLAY, REPLAY, WHAT_IF]
    app = make_app(session=session)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)
        text = app.screen.query_one(ScoreHistory).render()
        assert isinstance(text, Content)
        assert f"3{NBSP}attempts · 2{NBSP}replays · 1{NBSP}what-if" in text.plain
    stats = session.statistics()
    assert "4\xa0attempts at 2\xa0scenarios" in stats_summary(stats).plain
    assert "exploring, not scored: 2\xa0replays, 1\xa0what-if" in stats_summary(stats).plain


async def test_a_cancelled_stats_read_never_reaches_the_screen(make_app) -> None:
    """Bug 14, for the stats screen: a cancelled read must not replace what is shown."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StatsScreen) and screen.query("#stats-empty")
        replaced: Worker[None] = Worker(screen, lambda: None, thread=True)
        replaced.cancel()
        screen.show(Statistics(history=(("Old", ScenarioSummary(5, 1, "t", (5,))),)), replaced)
        await settle(pilot)
        assert screen.query("#stats-empty") and not screen.query("#score-history")


LONG_NAMES = ("AWS Identity and Access Management (IAM)",
              "Kinesis Data Analytics for SQL (retired)",
              "AWS Serverless Application Repository", "Amazon S3")
LONG_TITLES = ("Lost carts, stale sessions, an audit trail and a European launch",
               "A latency-bound solver, a Kafka cluster and a boot script on EC2")
"""The library's longest service names and scenario titles (about 40 and 64 characters)."""


def long_stats() -> Statistics:
    domains = tuple(Mastery(name, 40, 1, 27) for name in (
        "Development with AWS Services", "Security", "Deployment",
        "Troubleshooting and Optimization"))
    return Statistics(
        history=tuple((t, ScenarioSummary(50, 1, "2026-01-02", (50,))) for t in LONG_TITLES),
        services=tuple(Mastery(name, 50, 1, 1) for name in LONG_NAMES), domains=domains,
        mistakes=(("cache-forever", 2, LONG_TITLES),))


async def shown_stats(app, size: tuple[int, int]) -> str:
    """Every line the stats screen draws for `long_stats`, scrolled through."""
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        screen.show(long_stats())
        await settle(pilot)
        lines = []
        for widget in (*screen.query("MasteryBars"), screen.query_one("#mistakes")):
            lines += [strip.text for strip in widget.render_lines(widget.region.reset_offset)]
        return "\n".join(lines)


async def test_nothing_in_the_stats_is_cut_at_120_columns(make_app) -> None:
    """Long service names were cut (`AWS Identity and Access Ma…`) in a column of 47 at 120
    columns, and titles in "Seen in" at 60 characters: the lists now stack where they do not
    fit side by side, and titles wrap instead."""
    shown = await shown_stats(make_app(), (120, 40))
    assert "…" not in shown
    for name in LONG_NAMES:
        assert name in shown
    words = " ".join(shown.split())
    assert all(title in words for title in LONG_TITLES)


async def test_the_stats_wrap_at_words_at_80_columns(make_app) -> None:
    shown = await shown_stats(make_app(), (80, 24))
    assert "…" not in shown
    for name in LONG_NAMES:
        assert name in shown
    words = " ".join(shown.replace("│", " ").split())
    assert all(title in words for title in LONG_TITLES)  # whole words, in order


async def test_short_lists_stay_side_by_side_at_120_columns(make_app, make_session) -> None:
    session = make_session()
    seed_history(session)
    async with make_app(session=session).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        columns = pilot.app.screen.query_one("#mastery")
        assert not columns.has_class("-stacked")
        service, domain = columns.query(".mastery-column")
        assert service.region.y == domain.region.y and service.region.x < domain.region.x
