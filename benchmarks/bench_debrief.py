"""Debrief open on a 200-node scenario, against a bare Textual `Tree` of the same nodes.

    python benchmarks/bench_debrief.py [--repeats 15] [--nodes 200]

Both run headless in one app, in the same process, interleaved round by round: each round
pushes a screen and stops the clock when the screen has been laid out and drawn (the first
refresh after its mount), then pops it. The debrief screen is the app's own, on a finished
play (the worst path, so both marked paths differ): score summary, pillar bars, the step
table, and the decision tree expanded along both paths. The baseline screen is a `Tree` with
every node of the same scenario added once, under its first parent, labelled with the choice's
plain label, fully expanded. The medians are compared; the goal is at most 1.5x.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
from pathlib import Path

import yaml
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Tree

from scenario_tui.analysis.scoring import analyse
from scenario_tui.format import loader
from scenario_tui.format.model import Scenario
from scenario_tui.play.engine import Play, debrief
from scenario_tui.play.modes import EXAM

sys.path.insert(0, str(Path(__file__).parent))
from generate import scenario as generated
from hosting import Host


class TreeScreen(Screen[None]):
    """The baseline: a bare Tree holding every situation of `scenario` once."""

    def __init__(self, scenario: Scenario) -> None:
        super().__init__()
        self.scenario = scenario

    def compose(self) -> ComposeResult:
        tree: Tree[str] = Tree(self.scenario.node(self.scenario.start).text[:60])
        drawn = {self.scenario.start: tree.root}
        queue = [self.scenario.start]
        while queue:
            node = queue.pop(0)
            for choice in self.scenario.choices(node):
                if choice.target in drawn:
                    continue
                drawn[choice.target] = drawn[node].add(choice.label, choice.target,
                                                       expand=True)
                queue.append(choice.target)
        tree.root.expand()
        yield tree


def worst_play(scenario: Scenario) -> Play:
    choices = tuple(analyse(scenario).worst_path())
    return Play(scenario.id, EXAM, "", choices)


async def measure(nodes: int, repeats: int) -> tuple[list[float], list[float], int, int]:
    from scenario_tui.ui.screens.debrief import DebriefScreen

    text = yaml.safe_dump(generated("bench-debrief", nodes), sort_keys=False)
    scenario, _ = loader.load_text(text, "bench-debrief.yaml")
    assert scenario is not None
    report = debrief(scenario, worst_play(scenario))
    css = (Path(__file__).parent.parent / "scenario_tui" / "ui" / "app.tcss").read_text()
    Host.CSS = css  # the app's own stylesheet, for both screens
    host = Host()
    ours: list[float] = []
    bare: list[float] = []
    async with host.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(2):  # warm-up: imports, CSS parsing, caches
            await host.open(lambda: DebriefScreen(report))
            await host.open(lambda: TreeScreen(scenario))
        for _ in range(repeats):
            ours.append(await host.open(lambda: DebriefScreen(report)))
            bare.append(await host.open(lambda: TreeScreen(scenario)))
    return ours, bare, len(report.steps), scenario.graph.number_of_nodes()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--nodes", type=int, default=200)
    options = parser.parse_args()
    ours, bare, steps, nodes = asyncio.run(measure(options.nodes, options.repeats))
    mine, base = statistics.median(ours), statistics.median(bare)
    print(f"{nodes} nodes, {steps} decisions played, median of {options.repeats}:")
    print(f"  bare Tree screen     {base * 1e3:7.1f} ms")
    print(f"  debrief screen       {mine * 1e3:7.1f} ms  ({mine / base:.2f}x, goal <= 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
