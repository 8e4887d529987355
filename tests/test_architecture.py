"""The architecture a path builds, its faults, and every problem the format can have, at its
place in the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenario_tui.analysis import lint, resilience
from scenario_tui.cli import main
from scenario_tui.format import loader
from scenario_tui.format.architecture import DEGRADES, FAILS, SURVIVES, Architecture, Component
from scenario_tui.format.architecture_export import export_architecture
from scenario_tui.format.graph_formats import export
from scenario_tui.format.problems import Problem
from scenario_tui.play import library

FIXTURES = Path(__file__).parent / "fixtures" / "architecture"
SHOP = FIXTURES / "shop-resilience.yaml"
TEXT = SHOP.read_text(encoding="utf-8")


def _load(text: str, folder: Path) -> list[Problem]:
    path = folder / "shop-resilience.yaml"
    path.write_text(text, encoding="utf-8")
    return library.load([path], with_bundled=False).problems


def _at(text: str, needle: str, offset: int = 0) -> tuple[int, int]:
    """1-based (line, column) of the first `needle` in `text`, plus `offset` columns."""
    index = text.index(needle) + offset
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _path(scenario_id: str, *numbers: int) -> list[object]:
    scenario = library.load([SHOP], with_bundled=False).scenarios[scenario_id]
    node, path = scenario.start, []
    for number in numbers:
        choice = scenario.choices(node)[number - 1]
        path.append(choice)
        node = choice.target
    return path


def test_the_fixture_is_valid_and_builds_its_system() -> None:
    lib = library.load([SHOP], with_bundled=False)
    assert lib.problems == []
    scenario = lib.scenarios["shop-resilience"]
    assert scenario.design.declared
    best = resilience.build(scenario, resilience.best_path(scenario))
    assert best.ids == ("lb", "web", "db", "cache")
    web = best.get("web")
    assert web is not None and (web.azs, web.min, web.max) == (2, 2, 6)
    assert web.links == ("cache", "db")
    assert best.dangling() == []


def test_chaos_compares_a_weak_path_with_the_best() -> None:
    scenario = library.load([SHOP], with_bundled=False).scenarios["shop-resilience"]
    weak = [scenario.choices("web-tier")[1], scenario.choices("db-tier")[2],
            scenario.choices("cache-tier")[1]]
    rows = {r.fault.id: (r.yours.result, r.best.result, r.yours.rule)
            for r in resilience.compare(scenario, weak)}
    assert rows == {"az-outage": (FAILS, SURVIVES, None),
                    "cache-node-lost": (DEGRADES, SURVIVES, 1),
                    "traffic-x5": (FAILS, SURVIVES, 1)}


def test_the_last_change_is_marked() -> None:
    scenario = library.load([SHOP], with_bundled=False).scenarios["shop-resilience"]
    path = [scenario.choices("web-tier")[0], scenario.choices("db-tier")[0],
            scenario.choices("cache-tier")[2]]
    change = resilience.last_change(scenario, path)
    assert (change.added, change.removed, change.changed) == (("dns",), ("lb",), ())
    assert resilience.last_change(scenario, []).empty
    assert len(resilience.stages(scenario, path)) == 4


def test_a_play_from_a_later_node_starts_from_the_best_way_there() -> None:
    scenario = library.load([SHOP], with_bundled=False).scenarios["shop-resilience"]
    before = resilience.path_to(scenario, "cache-tier")
    assert [c.source for c in before] == ["web-tier", "db-tier"]
    assert resilience.full_path(scenario, [], "cache-tier") == before
    assert resilience.path_to(scenario, "web-tier") == []


def test_a_scenario_without_an_architecture_has_an_empty_design(tiny_path: Path) -> None:
    scenario, problems = loader.load_file(tiny_path)
    assert scenario is not None and not problems
    assert not scenario.design.declared and scenario.design.faults == ()
    assert resilience.compare(scenario, []) == []


def test_the_design_survives_both_export_round_trips(tmp_path: Path) -> None:
    scenario, _ = loader.load_file(SHOP)
    assert scenario is not None
    for fmt in ("node-link", "yaml"):
        again_path = tmp_path / fmt / "shop-resilience.yaml"
        again_path.parent.mkdir()
        again_path.write_text(export(scenario, fmt), encoding="utf-8")
        again, problems = loader.load_file(again_path)
        assert again is not None and not [p for p in problems if p.is_error]
        assert again.design == scenario.design


BROKEN = [
    # (what is replaced, with what, code, where the problem is: (needle in the new text, offset))
    ("web: {traits: [large]}", "wbe: {traits: [large]}", "E040", ("wbe: {", 0)),
    ("    links: [db]\n  db:", "    links: [dbx]\n  db:", "E041", ("[dbx]", 1)),
    ("remove: [lb]", "remove: [web]", "E041", ("remove: [web]", 9)),
    ("remove: [lb]", "remove: [replica]", "E040", ("remove: [replica]", 9)),
    ("traits: [replicated]}}", "traits: [replicatd]}}", "E042", ("[replicatd]", 0)),
    ("service: elasticache\n              name", "service: elasticach\n              name",
     "E026", ("elasticach\n", 0)),
    ("replica: {service: rds", "db: {service: rds", "E044", ("db: {service: rds", 0)),
    ("placement: {azs: 2}\n    links: [web]", "placment: {azs: 2}\n    links: [web]", "E012",
     ("placment", 0)),
    ("outcome: degrades\n      why: Two", "outcome: degraded\n      why: Two", "E013",
     ("degraded", 0)),
]


@pytest.mark.parametrize(("old", "new", "code", "where"), BROKEN,
                         ids=[f"{case[2]}-{i}" for i, case in enumerate(BROKEN)])
def test_each_problem_is_reported_at_its_place(old: str, new: str, code: str,
                                               where: tuple[str, int], tmp_path: Path) -> None:
    assert old in TEXT
    text = TEXT.replace(old, new, 1)
    found = [(p.code, p.line, p.column) for p in _load(text, tmp_path)]
    assert (code, *_at(text, *where)) in found, found


WRONG_TYPES = [
    # (what is replaced, with what, the message: worded as the scenario's own field errors,
    # "the scenario: field 'title' must be text, not a number")
    ("name: Application Load Balancer", "name: 42",
     "component 'lb': field 'name' must be text, not a number"),
    ("name: Application Load Balancer", "name:", "component 'lb': field 'name' is empty"),
    ("placement: {azs: 2}\n    links: [web]", "placement: {azs: 2}\n    links: web",
     "component 'lb': field 'links' must be a list, not text"),
    ("scaling: {min: 1, max: 1}", "scaling: [1]",
     "component 'web': field 'scaling' must be a mapping, not a list"),
    ("placement: {azs: 2}\n    links: [web]", "placement: {azs: two}\n    links: [web]",
     "component 'lb', placement: field 'azs' must be a whole number of at least 1, not text"),
    ("placement: {azs: 2}\n    links: [web]", "placement: {azs: 0}\n    links: [web]",
     "component 'lb', placement: field 'azs' is 0: it must be at least 1"),
    ("        architecture:\n          change:\n            web: {traits: [large]}",
     "        architecture: [web]",
     "choice 2 of 'web-tier': field 'architecture' must be a mapping, not a list"),
    ("title: One Availability Zone fails", "title: [one, AZ]",
     "fault 'az-outage': field 'title' must be text, not a list"),
    ("exists: {service: elasticache, traits: [replicated]}",
     "exists: {service: elasticache, traits: replicated}",
     "rule 1 of fault 'cache-node-lost' 'when' 'exists': field 'traits' must be a list, "
     "not text"),
]


@pytest.mark.parametrize(("old", "new", "message"), WRONG_TYPES,
                         ids=[f"{i}-{case[2].split(':')[0]}" for i, case in
                              enumerate(WRONG_TYPES)])
def test_a_wrong_type_is_worded_as_the_scenario_s_fields(old: str, new: str, message: str,
                                                          tmp_path: Path) -> None:
    assert old in TEXT
    problems = _load(TEXT.replace(old, new, 1), tmp_path)
    assert message in [p.message for p in problems if p.code == "E013"], problems


def test_a_near_id_is_suggested(tmp_path: Path) -> None:
    problems = _load(TEXT.replace("traits: [replicated]}}", "traits: [replicatd]}}"), tmp_path)
    assert "did you mean 'replicated'?" in next(p.hint for p in problems if p.code == "E042")
    problems = _load(TEXT.replace("service: elasticache\n", "service: elasticach\n", 1),
                     tmp_path)
    assert "did you mean 'elasticache'?" in next(p.hint for p in problems if p.code == "E026")


def test_a_fault_without_a_default_is_an_error(tmp_path: Path) -> None:
    start = TEXT.rindex("    default:\n      outcome: degrades")
    text = TEXT[:start]
    problems = _load(text, tmp_path)
    assert [(p.line, p.column) for p in problems if p.code == "E043"] == [
        _at(text, "  traffic-x5:", 2)]


def test_a_removal_that_leaves_a_link_names_both(tmp_path: Path) -> None:
    problems = _load(TEXT.replace("remove: [lb]", "remove: [web]"), tmp_path)
    messages = [p.message for p in problems if p.code == "E041"]
    assert any("removes 'web', but 'lb' still links to it" in m for m in messages), messages


def test_equal_systems_are_equal_in_any_order() -> None:
    scenario = library.load([SHOP], with_bundled=False).scenarios["shop-resilience"]
    system = resilience.build(scenario, resilience.best_path(scenario))
    assert Architecture(tuple(reversed(system.components))) == system
    assert hash(Architecture(tuple(reversed(system.components)))) == hash(system)


@pytest.mark.parametrize(("name", "fault"), [("l117", "queue-slow"), ("l118", "region-lost")])
def test_lint_flags_a_fault_that_tells_no_path_apart(name: str, fault: str) -> None:
    path = FIXTURES.parent / "lint" / f"{name}.yaml"
    lib = library.load([path], with_bundled=False)
    assert not [p for p in lib.problems if p.is_error]
    found = lint.lint(lib.scenarios[name], lib.glossary)
    flagged = [(p.code, p.line, p.column) for p in found if p.code in ("L117", "L118")]
    text = path.read_text(encoding="utf-8")
    assert flagged == [(name.upper(), *_at(text, f"  {fault}:", 2))]
    assert fault in next(p.message for p in found if p.code == name.upper())


def test_faults_that_tell_paths_apart_are_not_flagged() -> None:
    lib = library.load([SHOP], with_bundled=False)
    found = lint.lint(lib.scenarios["shop-resilience"], lib.glossary)
    assert not [p for p in found if p.code in ("L117", "L118")]


def test_export_draws_the_best_paths_system(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(SHOP), "--architecture"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("flowchart LR")
    assert '["Product cache<br/>elasticache, 2 AZs, replicated"]' in out
    assert "Shop domain" not in out


def test_export_draws_a_given_path_as_dot(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(SHOP), "--architecture", "--format", "dot",
                 "--path", "2,3,3"]) == 0
    out = capsys.readouterr().out
    assert '"dns" -> "web";' in out and '"lb"' not in out and '"cache"' not in out


@pytest.mark.parametrize(("args", "message"), [
    (["--path", "1"], "--path needs --architecture"),
    (["--architecture", "--format", "yaml"], "draws mermaid or dot, not yaml"),
    (["--architecture", "--path", "2,4"], "'db-tier' has choices 1-3, not 4"),
    (["--architecture", "--path", "1,x"], "choice numbers separated by commas"),
    (["--architecture", "--path", "1,1,1,1"], "'fast' is an ending"),
])
def test_export_refuses_what_it_cannot_draw(args: list[str], message: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(SHOP), *args]) == 2
    assert message in capsys.readouterr().err


def test_export_of_a_scenario_without_a_system_says_so(
        tiny_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tiny_path), "--architecture"]) == 2
    assert "declares no architecture" in capsys.readouterr().err


def test_hostile_names_cannot_break_a_drawing() -> None:
    name = 'Cache "one"\x1b[31m **bold** <b>'
    system = Architecture((Component("a", "ec2", name, links=("b",)),
                           Component("b", "rds", "DB\nnext")))
    mermaid = export_architecture(system, "mermaid")
    assert '"' not in mermaid.split('["', 1)[1].split('"]', 1)[0]
    assert "\x1b" not in mermaid and "**" not in mermaid and "<b>" not in mermaid
    dot = export_architecture(system, "dot", 'T "x"')
    assert '\\"one\\"' in dot and "\x1b" not in dot and 'digraph "T \\"x\\""' in dot


def test_the_play_api_follows_a_play_and_a_play_from_a_node() -> None:
    from scenario_tui.play import chaos, engine

    scenario = library.load([SHOP], with_bundled=False).scenarios["shop-resilience"]
    assert chaos.has_architecture(scenario) and chaos.has_faults(scenario)
    play = engine.start(scenario)
    assert chaos.architecture(scenario, play) == scenario.design.start
    play = play.choose(scenario, 1).choose(scenario, 2).choose(scenario, 1)
    rows = chaos.chaos(scenario, play)
    assert [(r.fault.id, r.yours.result, r.best.result) for r in rows] == [
        ("az-outage", FAILS, SURVIVES), ("cache-node-lost", DEGRADES, SURVIVES),
        ("traffic-x5", FAILS, SURVIVES)]
    assert chaos.latest_change(scenario, play).added == ("cache",)
    from_here = engine.start(scenario, origin="cache-tier").choose(scenario, 0)
    assert chaos.architecture(scenario, from_here) == resilience.build(
        scenario, resilience.best_path(scenario))
    assert all(r.same for r in chaos.chaos(scenario, from_here))
