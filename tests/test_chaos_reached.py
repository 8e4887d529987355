"""The chaos round judges only what a run built: a fault decided by decisions the run never
made (a path that ended early, a what-if or review that began after them) is not reached on
that side, and the best side is the best run from where the learner's run began."""

from __future__ import annotations

from pathlib import Path

from scenario_tui.analysis import resilience
from scenario_tui.format.architecture import DEGRADES, FAILS, SURVIVES
from scenario_tui.format.model import Scenario
from scenario_tui.play import chaos, engine, library
from scenario_tui.progress.kinds import REVIEW, WHAT_IF

SHOP = Path(__file__).parent / "fixtures" / "architecture" / "shop-resilience.yaml"
TEXT = SHOP.read_text(encoding="utf-8")

DETOUR = ("""      - label: Move the web server to an instance four times larger
        to: db-tier""", """      - label: Move the web server to an instance four times larger
        to: web-fix""")
WEB_FIX = """  web-fix:
    text: The larger instance still falls over at the evening peak.
    choices:
      - label: Add a second large instance in another AZ
        to: db-tier
        points: 1
        why: Two instances in two AZs survive one AZ, but a fixed pair cannot scale out.
        architecture:
          change:
            web: {placement: {azs: 2}, scaling: {min: 2, max: 2}}
      - label: Keep the one large instance
        to: db-tier
        points: 0
        why: One instance is still one instance.
  db-tier:
"""
"""The larger instance leads to a recovery decision off the best path."""


def detour(tmp_path: Path) -> Scenario:
    """The shop with `DETOUR` and `WEB_FIX`."""
    assert DETOUR[0] in TEXT
    text = TEXT.replace(*DETOUR).replace("  db-tier:\n", WEB_FIX, 1)
    path = tmp_path / "shop-resilience.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = library.load([path], with_bundled=False)
    assert not loaded.problems, loaded.problems
    return loaded.scenarios["shop-resilience"]


def rows(scenario: Scenario, play: engine.Play) -> dict[str, tuple[str, bool, str, bool]]:
    return {r.fault.id: (r.yours.result, r.reached, r.best.result, r.best_reached)
            for r in chaos.chaos(scenario, play)}


def test_a_path_that_ended_early_is_not_judged_on_the_decisions_after_it(
        shop_ending_early: Path) -> None:
    loaded = library.load([shop_ending_early], with_bundled=False)
    assert not loaded.problems, loaded.problems
    scenario = loaded.scenarios["shop-resilience"]
    play = engine.start(scenario).choose(scenario, 0).choose(scenario, 2)
    assert play.finished(scenario) and play.node(scenario) == "no-lb"
    found = rows(scenario, play)
    # The web tier and the database were decided on this path; the cache never was.
    assert found["az-outage"] == (FAILS, True, SURVIVES, True)
    assert found["traffic-x5"][1] is True
    assert found["cache-node-lost"][1:] == (False, SURVIVES, True)


def test_a_full_path_is_judged_on_every_fault() -> None:
    scenario = library.load([SHOP], with_bundled=False).scenarios["shop-resilience"]
    play = engine.start(scenario).choose(scenario, 1).choose(scenario, 2).choose(scenario, 1)
    assert all(r.reached and r.best_reached for r in chaos.chaos(scenario, play))


def test_a_run_that_began_later_is_not_judged_on_the_way_there() -> None:
    """A what-if or a review at the cache decision: the web tier and the database were the
    way there (the best one, on both sides), not this run's choices."""
    scenario = library.load([SHOP], with_bundled=False).scenarios["shop-resilience"]
    for kind in (WHAT_IF, REVIEW):
        play = engine.start(scenario, origin="cache-tier", kind=kind).choose(scenario, 1)
        found = rows(scenario, play)
        assert found["az-outage"][1] is False and found["az-outage"][3] is False
        assert found["cache-node-lost"] == (DEGRADES, True, SURVIVES, True)


def test_the_best_side_is_the_best_run_from_where_the_run_began(tmp_path: Path) -> None:
    """A run from the recovery decision is compared with the best it could still build
    (a fixed pair of servers), not with the Auto Scaling group it never could choose."""
    scenario = detour(tmp_path)
    play = engine.start(scenario, origin="web-fix", kind=WHAT_IF)
    for _ in range(3):
        play = play.choose(scenario, 0)
    assert play.finished(scenario)
    found = rows(scenario, play)
    assert found["traffic-x5"] == (DEGRADES, True, DEGRADES, True)
    from_start = rows(scenario, engine.start(scenario).choose(scenario, 0).choose(
        scenario, 0).choose(scenario, 0))
    assert from_start["traffic-x5"][2] == SURVIVES


def test_the_last_change_is_the_runs_own() -> None:
    """Before its first choice a run from a later node has changed nothing, whatever the
    way there built."""
    scenario = library.load([SHOP], with_bundled=False).scenarios["shop-resilience"]
    play = engine.start(scenario, origin="db-tier", kind=REVIEW)
    assert chaos.latest_change(scenario, play).empty
    assert chaos.latest_change(scenario, play.choose(scenario, 1)).added == ("replica",)


def test_a_decision_that_gives_half_of_a_rule_tests_its_fault() -> None:
    """`tested` looks at single tests, not whole rules: the web tier's options decide one
    half of traffic-x5's `all` (a group that scales to five), the cache the other."""
    scenario = library.load([SHOP], with_bundled=False).scenarios["shop-resilience"]
    web = scenario.choices("web-tier")[0]
    assert resilience.tested(scenario, [web], scenario.design.start) == {"az-outage",
                                                                         "traffic-x5"}
