"""The architecture diagram's cost, as ratios against baselines measured in the same run.

    python benchmarks/bench_architecture.py [--repeats 15] [--rounds 5] [--keys 20]

(a) Drawing: a generated 30-component system (5 layers of 6, each component calling two in
    the layer below, placements across AZs and Regions, the last choice's marks: one added,
    one changed, one removed) mounted and painted by the diagram widget (`DrawingBody`, which
    lays the boxes out for its width), against a `Static` holding the same text (the
    `Content` the widget drew, taken from it once). Both run in one app with the app's
    stylesheet, interleaved: each push of a screen is timed to the first refresh after it is
    mounted (as bench_debrief.py does). The whole panel (`ArchitectureView`: border, scroll,
    its drawing set on mount as the play screen does) is shown beside it. At 80x24 and 120x40:
    below 96 columns the widget folds to one line per component. Goal: at most 2x.
(b) Choice to feedback with the diagram panel on: bench_choice.py's harness (a key sent as the
    driver sends it, timed to the first frame that shows its effect) on `SCENARIO`'s
    `CHOICE`, which adds to the architecture and scores, at 120x40, against bench_choice's
    minimal app; the same scenario with the panel hidden (`a`) is shown beside it, so the
    panel's own share is visible. Goal (the learner-loop issue's): at most 2x the minimal
    app. The time to the frame that shows the new diagram is shown too: the same frame,
    unless the diagram lags the feedback.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from scenario_tui.format.architecture import Architecture, Component, Diff
from scenario_tui.ui.widgets.architecture_drawing import Drawing
from scenario_tui.ui.widgets.architecture_view import ArchitectureView, DrawingBody

sys.path.insert(0, str(Path(__file__).parent))
from bench_choice import Frames, in_file_order, settle, time_minimal
from hosting import Host

SCENARIO = "read-heavy-database"
"""A bundled scenario whose choices build an architecture."""
CHOICE = "2"
"""Its choice that adds a cache to the system and scores 3: the diagram grows a component
and the status line's score changes, in the frame that shows the feedback."""
GOAL = 2.0
LAYERS = (("edge", ("cloudfront", "route53", "waf", "apigateway", "elb", "cognito")),
          ("web", ("ecs", "ec2", "lambda", "ecs", "ec2", "lambda")),
          ("service", ("lambda", "ecs", "stepfunctions", "sqs", "sns", "kinesis")),
          ("cache", ("elasticache", "dax", "elasticache", "s3", "efs", "elasticache")),
          ("data", ("rds", "dynamodb", "aurora", "s3", "dynamodb", "redshift")))
"""Five layers of six services: 30 components."""


def architecture(layers: tuple[tuple[str, tuple[str, ...]], ...] = LAYERS) -> Architecture:
    """The generated system, the same on every run: component (i, j) calls (i+1, j) and
    (i+1, j+1 mod 6); placements and scaling vary with i and j."""
    components = []
    for i, (layer, services) in enumerate(layers):
        width = len(services)
        for j, service in enumerate(services):
            below = layers[i + 1][0] if i + 1 < len(layers) else None
            links = (f"{below}-{j}", f"{below}-{(j + 1) % width}") if below else ()
            components.append(Component(
                f"{layer}-{j}", service, f"{layer.title()} {service} {j + 1}",
                azs=1 + (i + j) % 3, regions=1 + (j % 4 == 3), min=1 + j % 2,
                max=1 + j % 2 + (i % 3) * 2, links=links))
    return Architecture(tuple(components))


def drawing() -> Drawing:
    """The system after a last choice that added one component, changed one, removed one."""
    system = architecture()
    removed = Component("old-cache", "elasticache", "Old cache node")
    kept = (c for c in system.components if c.id != "edge-0")
    before = Architecture((*kept, removed))
    return Drawing(system, Diff(added=("edge-0",), changed=("service-3",),
                                removed=("old-cache",)), before)


class DiagramScreen(Screen[None]):
    def __init__(self, shown: Drawing) -> None:
        super().__init__()
        self.shown = shown

    def compose(self) -> ComposeResult:
        body = DrawingBody()
        body.set_reactive(DrawingBody.drawing, self.shown)
        yield body


class PanelScreen(Screen[None]):
    def __init__(self, shown: Drawing) -> None:
        super().__init__()
        self.shown = shown

    def compose(self) -> ComposeResult:
        yield ArchitectureView()

    def on_mount(self) -> None:
        self.query_one(DrawingBody).drawing = self.shown


class StaticScreen(Screen[None]):
    def __init__(self, text: Content) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.text)


async def measure_drawing(size: tuple[int, int], repeats: int) -> dict[str, list[float]]:
    shown = drawing()
    css = (Path(__file__).parent.parent / "scenario_tui" / "ui" / "app.tcss").read_text()
    Host.CSS = css
    host = Host()
    times: dict[str, list[float]] = {"static": [], "diagram": [], "panel": []}
    async with host.run_test(size=size) as pilot:
        await pilot.pause()
        screen = DiagramScreen(shown)
        await host.push_screen(screen)
        await pilot.pause()
        text = screen.query_one(DrawingBody).render()  # the same text, for the Static
        await host.pop_screen()
        makers: dict[str, Callable[[], Screen[None]]] = {
            "static": lambda: StaticScreen(text), "diagram": lambda: DiagramScreen(shown),
            "panel": lambda: PanelScreen(shown)}
        for _ in range(2):  # warm-up: imports, CSS, caches
            for make in makers.values():
                await host.open(make)
        for _ in range(repeats):
            for name, make in makers.items():
                times[name].append(await host.open(make))
    return times


async def time_with_panel(frames: Frames, keys: int, size: tuple[int, int], data: Path,
                          hidden: bool, drawn_at: list[float] | None = None) -> list[float]:
    """bench_choice's `time_ours` on `SCENARIO`, the diagram panel shown (or hidden): the key
    to the feedback's frame; the key to the frame that shows the new diagram goes to
    `drawn_at`, when given."""
    from scenario_tui.format.glossary import scopes
    from scenario_tui.ui.app import ScenarioApp
    from scenario_tui.ui.screens.play import PlayScreen
    from scenario_tui.ui.widgets.architecture_view import drawing_of
    from scenario_tui.ui.widgets.decision_box import FEEDBACK, DecisionBox

    app = ScenarioApp(in_file_order(data), start_id=SCENARIO)
    times = []
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlayScreen), screen
        view = screen.query_one(ArchitectureView)
        if view.display == hidden:  # `a` turns it round (and is remembered in `data`)
            await pilot.press("a")
            await settle(pilot)
        assert view.display != hidden, "the panel is not as asked"
        body = view.query_one(DrawingBody)
        box = screen.query_one(DecisionBox)
        where = scopes(screen.session.glossary)

        def drawn() -> bool:
            return body.drawing == drawing_of(screen.scenario, screen.play, where)

        for _ in range(keys):
            times.append(await frames.key(app, CHOICE, lambda: box.mode == FEEDBACK, drawn))
            if drawn_at is not None:
                drawn_at.append(await frames.then())
            await pilot.press("u")  # back to the choices, untimed
            await pilot.pause()
            assert box.mode != FEEDBACK
    app.session.close()
    return times


async def measure_choice(rounds: int, keys: int, size: tuple[int, int]) -> dict[str, list[float]]:
    frames = Frames()
    times: dict[str, list[float]] = {"minimal": [], "panel on": [], "panel off": [],
                                     "drawn": []}
    with tempfile.TemporaryDirectory() as on, tempfile.TemporaryDirectory() as off:
        await time_with_panel(frames, 2, size, Path(on), False)  # warm-up
        await time_with_panel(frames, 2, size, Path(off), True)
        await time_minimal(frames, 2, size)
        gc.freeze()
        for _ in range(rounds):
            gc.collect()
            times["minimal"] += await time_minimal(frames, keys, size)
            gc.collect()
            times["panel on"] += await time_with_panel(frames, keys, size, Path(on), False,
                                                       times["drawn"])
            gc.collect()
            times["panel off"] += await time_with_panel(frames, keys, size, Path(off), True)
    return times


def verdict(ratio: float) -> str:
    return f"goal <= {GOAL}x {'ok' if ratio <= GOAL else 'MISSED'}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15, help="(a): screens per kind")
    parser.add_argument("--rounds", type=int, default=5, help="(b): alternating rounds")
    parser.add_argument("--keys", type=int, default=20, help="(b): keys per app per round")
    args = parser.parse_args()
    ok = True
    count = len(architecture().components)
    for size in ((80, 24), (120, 40)):
        times = asyncio.run(measure_drawing(size, args.repeats))
        base = statistics.median(times["static"])
        print(f"(a) {count}-component architecture mounted and painted, {size[0]}x{size[1]}, "
              f"median of {args.repeats}:")
        print(f"    {'Static with the same text':<34}{base * 1e3:7.1f} ms")
        for name, label in (("diagram", "diagram widget (DrawingBody)"),
                            ("panel", "whole panel (ArchitectureView)")):
            mine = statistics.median(times[name])
            ratio = mine / base
            print(f"    {label:<34}{mine * 1e3:7.1f} ms {ratio:5.2f}x"
                  + (f"   {verdict(ratio)}" if name == "diagram" else ""))
            ok = ok and (name != "diagram" or ratio <= GOAL)
    times = asyncio.run(measure_choice(args.rounds, args.keys, (120, 40)))
    minimal = statistics.median(times["minimal"])
    print(f"(b) choice to feedback on {SCENARIO}, key to frame, median of "
          f"{len(times['minimal'])} keys each in {args.rounds} alternating rounds, 120x40:")
    print(f"    {'minimal Textual app (Static update)':<40}{minimal * 1e3:7.1f} ms")
    for name in ("panel on", "panel off"):
        mine = statistics.median(times[name])
        ratio = mine / minimal
        print(f"    {'scenario-tui, diagram ' + name:<40}{mine * 1e3:7.1f} ms {ratio:5.2f}x"
              + (f"   {verdict(ratio)}" if name == "panel on" else ""))
        ok = ok and (name != "panel on" or ratio <= GOAL)
    drawn = statistics.median(times["drawn"])
    print(f"    {'  and to the new diagram on screen':<40}{drawn * 1e3:7.1f} ms "
          f"{drawn / minimal:5.2f}x")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
