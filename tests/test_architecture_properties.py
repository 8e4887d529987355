"""Properties of the consequence engine, over generated scenarios and systems.

- The graph check is exact: a generated scenario passes it exactly when every path from the
  start applies each change to components that are there and ends with no dangling link.
- A fault's outcome depends on the set of components, not their order, and on `all`/`any`
  as formulas, not the order their parts are listed in.
"""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scenario_tui.analysis.validate import check_graph
from scenario_tui.format import loader
from scenario_tui.format.architecture import (
    ALL,
    ANY,
    EVERY,
    EXISTS,
    NONE,
    Architecture,
    Change,
    Component,
    Condition,
    Fault,
    Match,
    Rule,
    Verdict,
)
from scenario_tui.format.model import Choice, Scenario

IDS = ("a", "b", "c", "d")
SERVICES = ("ec2", "rds", "elasticache")
TRAITS = ("replicated", "large")
ARCHITECTURE_CODES = {"E040", "E041", "E044"}

ids = st.sampled_from(IDS)
links = st.lists(ids, max_size=3, unique=True)
component_data = st.fixed_dictionaries(
    {"service": st.sampled_from(SERVICES), "name": st.just("A part")},
    optional={"links": links, "placement": st.fixed_dictionaries({"azs": st.integers(1, 3)})})
change_data = st.fixed_dictionaries({}, optional={
    "add": st.dictionaries(ids, component_data, max_size=2),
    "remove": st.lists(ids, max_size=2, unique=True),
    "change": st.dictionaries(ids, st.fixed_dictionaries({}, optional={"links": links}),
                              max_size=2),
})


@st.composite
def scenarios(draw: st.DrawFn) -> str:
    """A small acyclic scenario whose choices change a small system, as YAML text."""
    decisions = draw(st.integers(1, 4))
    names = [f"n{i}" for i in range(decisions)]
    nodes: dict[str, Any] = {}
    for position, name in enumerate(names):
        later = [*names[position + 1:], "done", "lost"]
        choices = []
        for number in range(draw(st.integers(1, 3))):
            choice: dict[str, Any] = {"label": f"Option {number}", "to": draw(
                st.sampled_from(later)), "points": draw(st.integers(0, 2)),
                "why": "A reason long enough to be an explanation."}
            change = draw(st.one_of(st.none(), change_data))
            if change:
                choice["architecture"] = change
            choices.append(choice)
        nodes[name] = {"text": "Decide.", "choices": choices}
    nodes["done"] = {"end": "success", "text": "Done."}
    nodes["lost"] = {"end": "failure", "text": "Lost."}
    document = {"id": "generated", "title": "Generated", "situation": "Generated.",
                "difficulty": "beginner", "services": ["ec2"],
                "sources": ["https://docs.aws.amazon.com/"], "verified": "2026-01-01",
                "architecture": draw(st.dictionaries(ids, component_data, max_size=3)),
                "nodes": nodes}
    return yaml.safe_dump(document, sort_keys=False)


def _paths(scenario: Scenario, node: str) -> list[list[Choice]]:
    choices = scenario.choices(node)
    if not choices:
        return [[]]
    return [[choice, *rest] for choice in choices for rest in _paths(scenario, choice.target)]


def _broken_somewhere(scenario: Scenario) -> bool:
    """Whether some path misuses a change or leaves a dangling link, by plain simulation."""
    design = scenario.design
    if design.start.dangling():
        return True
    for path in _paths(scenario, scenario.start):
        system = design.start
        for choice in path:
            change = design.change_of(choice.source, choice.index)
            present = set(system.ids)
            left = present - set(change.remove)
            if not set(change.remove) <= present or not {p.id for p in change.change} <= left \
                    or {c.id for c in change.add} & left:
                return True
            system = system.apply(change)
            if system.dangling():
                return True
    return False


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_the_graph_check_is_exact(text: str) -> None:
    scenario, problems = loader.load_text(text, "generated.yaml")
    assert scenario is not None, [p.format() for p in problems]
    assert not [p for p in problems if p.is_error], [p.format() for p in problems]
    reported = {p.code for p in check_graph(scenario)} & ARCHITECTURE_CODES
    assert bool(reported) == _broken_somewhere(scenario)
    if not reported:  # then every path yields a consistent system
        for path in _paths(scenario, scenario.start):
            system = scenario.design.start
            for choice in path:
                system = system.apply(scenario.design.change_of(choice.source, choice.index))
                assert system.dangling() == []


components = st.builds(Component, id=ids, service=st.sampled_from(SERVICES), name=st.just("x"),
                       azs=st.integers(1, 3), regions=st.integers(1, 2),
                       min=st.integers(0, 3), max=st.integers(3, 6),
                       traits=st.lists(st.sampled_from(TRAITS), max_size=2),
                       links=links).filter(lambda c: c.min <= c.max)
systems = st.lists(components, max_size=4, unique_by=lambda c: c.id)
matches = st.builds(Match, id=st.one_of(st.none(), ids), service=st.one_of(
    st.none(), st.sampled_from(SERVICES)), traits=st.lists(st.sampled_from(TRAITS), max_size=1),
                  azs=st.integers(0, 3), min=st.integers(0, 2), links=st.lists(ids, max_size=1))
conditions = st.recursive(
    st.builds(Condition, kind=st.sampled_from((EXISTS, NONE, EVERY)), test=matches),
    lambda inner: st.builds(Condition, kind=st.sampled_from((ALL, ANY)),
                            parts=st.lists(inner, min_size=1, max_size=3).map(tuple)),
    max_leaves=6)


def _shuffled(condition: Condition, draw: st.DrawFn) -> Condition:
    if not condition.parts:
        return condition
    parts = [_shuffled(part, draw) for part in condition.parts]
    return Condition(condition.kind, condition.test, tuple(draw(st.permutations(parts))))


@settings(max_examples=300, deadline=None)
@given(systems, conditions, st.data())
def test_a_condition_ignores_component_and_part_order(found: list[Component],
                                                      condition: Condition,
                                                      data: st.DataObject) -> None:
    system = Architecture(tuple(found))
    reordered = Architecture(tuple(data.draw(st.permutations(found))))
    shuffled = _shuffled(condition, data.draw)
    expected = condition.holds(system)
    assert condition.holds(reordered) == expected
    assert shuffled.holds(system) == expected


@settings(max_examples=200, deadline=None)
@given(systems, st.lists(conditions, max_size=3), st.data())
def test_a_fault_outcome_ignores_component_order(found: list[Component],
                                                 whens: list[Condition],
                                                 data: st.DataObject) -> None:
    rules = tuple(Rule(when, Verdict(result, "why", "https://docs.aws.amazon.com/x.html"))
                  for when, result in zip(whens, ("survives", "degrades", "fails"),
                                          strict=False))
    fault = Fault("f", "A fault", "", rules, Verdict("fails", "why", "https://x.invalid/"))
    system = Architecture(tuple(found))
    reordered = Architecture(tuple(data.draw(st.permutations(found))))
    assert fault.evaluate(system) == fault.evaluate(reordered)
    first = next((i for i, rule in enumerate(rules) if rule.when.holds(system)), None)
    assert fault.evaluate(system).rule == first  # the first rule that holds wins


@given(systems, st.lists(st.sampled_from(IDS), max_size=2))
def test_removing_then_linking_nothing_leaves_no_new_dangling_link(
        found: list[Component], gone: list[str]) -> None:
    system = Architecture(tuple(found))
    after = system.apply(Change(remove=tuple(gone)))
    assert set(after.ids) == set(system.ids) - set(gone)
    assert set(after.dangling()) <= {
        (c.id, link) for c in system.components for link in c.links}
