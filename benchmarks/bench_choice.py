"""A choice's key to its feedback on screen, against a minimal Textual app's key to a Static.

    python benchmarks/bench_choice.py [--rounds 5] [--keys 20] [--size 120x40]

Both apps run in this process, headless, one after the other in each round (so that drift in
the machine's load hits both alike). A key is sent the way a terminal's driver sends it, and
the time taken is up to the first frame that shows its effect (Textual's `App._display`,
which a headless app still reaches once the frame is rendered, only not written out):

- scenario-tui: a practice play of a bundled scenario; the key `1` chooses, and the frame
  counts once the decision box shows the feedback in place of the choices. `u` takes the choice back
  between keys (not timed).
- minimal: a Header, a Static and a Footer; the key `1` updates the Static's text.
- minimal, same text (shown, not the goal's baseline): the same app, its Static holding the
  situation and the numbered choices; the key `1` replaces them with the situation and the
  feedback scenario-tui shows for that choice. It is what any Textual app pays to show that
  text, so what scenario-tui adds is its own ratio to it.

- scenario-tui, one line (shown, not the goal's): the same play screen, where a key bound
  for the benchmark only replaces the text of its one-line status with a counter, as the
  minimal app's key does. It is what a key costs on a screen of this many widgets before
  any feedback is drawn.

Plays are in file order (no shuffle), so each key shows the same feedback in every round.

The choice changes the lines of two widgets, the decision box and the status line, and
lays nothing out again: the box keeps its size whatever it shows (`DecisionBox`), and the
breadcrumb follows a frame later.

Goal: the median at most 2x the minimal app's.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Footer, Header, Static

SCENARIO = "api-gateway-cors"
GOAL = 2.0


class Frames:
    """Times the first frame after a key that satisfies a condition (patches `_display`)."""

    def __init__(self) -> None:
        self.condition: Callable[[], bool] | None = None
        self.shown = asyncio.Event()
        self.at = 0.0
        self.start = 0.0
        original = App._display

        def display(app: App[Any], screen: Any, renderable: Any) -> None:
            original(app, screen, renderable)
            if (renderable is not None and self.condition is not None
                    and not app._batch_count and self.condition()):
                self.at = time.perf_counter()
                self.condition = None
                self.shown.set()

        App._display = display  # type: ignore[method-assign,assignment]

    async def key(self, app: App[Any], key: str, condition: Callable[[], bool]) -> float:
        """Send `key`; seconds until a frame satisfies `condition`."""
        self.shown.clear()
        self.condition = condition
        event = events.Key(key, key)
        event.set_sender(app)
        assert app._driver is not None
        self.start = time.perf_counter()
        app._driver.send_message(event)
        await asyncio.wait_for(self.shown.wait(), timeout=10)
        return self.at - self.start

    async def then(self, condition: Callable[[], bool]) -> float:
        """After `key`: seconds from that key until a frame satisfies `condition` (the frame
        `key` waited for, if it already did)."""
        if not condition():
            self.shown.clear()
            self.condition = condition
            await asyncio.wait_for(self.shown.wait(), timeout=10)
        return self.at - self.start


class Minimal(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("1", "bump", "Bump")]

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("hello", id="text")
        yield Footer()

    def action_bump(self) -> None:
        self.count += 1
        self.query_one("#text", Static).update(f"pressed {self.count}")


class SameText(App[None]):
    """The minimal app with scenario-tui's text: the choices, then the feedback."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("1", "show(1)", "Choose"),
                                             Binding("u", "show(0)", "Back")]

    def __init__(self, before: Content, after: Content) -> None:
        super().__init__()
        self.texts = (before, after)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.texts[0], id="text")
        yield Footer()

    def action_show(self, which: int) -> None:
        self.query_one("#text", Static).update(self.texts[which])


async def settle(pilot: Pilot[Any]) -> None:
    for _ in range(2):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def time_minimal(frames: Frames, keys: int, size: tuple[int, int]) -> list[float]:
    app = Minimal()
    times = []
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        text = app.query_one("#text", Static)
        for _ in range(keys):
            def updated(expected: str = f"pressed {app.count + 1}") -> bool:
                return str(text.content) == expected

            times.append(await frames.key(app, "1", updated))
            await pilot.pause()
    return times


async def time_same_text(frames: Frames, keys: int, size: tuple[int, int],
                         texts: tuple[Content, Content]) -> list[float]:
    app = SameText(*texts)
    times = []
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        text = app.query_one("#text", Static)
        for _ in range(keys):
            times.append(await frames.key(app, "1", lambda: text.content is texts[1]))
            await pilot.press("u")
            await pilot.pause()
    return times


def in_file_order(data: Path) -> Any:
    """A session whose plays keep the file's order of choices."""
    from scenario_tui.play.session import Session

    return Session.create(data=data, seeds=lambda: None)


def feedback_texts() -> tuple[Content, Content]:
    """What scenario-tui's player shows of `SCENARIO`'s first decision, as plain `Content`:
    the situation and its numbered choices; the situation and the first choice's feedback
    with its buttons."""
    from scenario_tui.analysis.scoring import analyse
    from scenario_tui.format.text_safety import clean
    from scenario_tui.play.engine import start
    from scenario_tui.play.modes import PRACTICE
    from scenario_tui.ui.widgets.feedback import feedback_content
    from scenario_tui.ui.widgets.inline_text import inline, inline_line

    with tempfile.TemporaryDirectory() as temp:
        session = in_file_order(Path(temp))
        scenario = session.scenario(SCENARIO)
        misconceptions = session.misconceptions
        session.close()
    analysis = analyse(scenario)
    play = start(scenario, PRACTICE)
    situation = inline(clean(scenario.node(scenario.start).text))
    options = play.options(scenario)
    before = Content.assemble(situation, "\n\n", *(
        Content.assemble(f"{n} ", inline_line(c.label), "\n")
        for n, c in enumerate(options, start=1)))
    choice = options[0]
    after = Content.assemble(
        situation, "\n\n",
        feedback_content(choice, analysis.verdict(choice), analysis.best_choice.get(choice.source),
                         misconceptions),
        "\n\n Continue (Enter)    Undo (u)    All options (o)")
    return before, after


async def time_ours(frames: Frames, keys: int, size: tuple[int, int], data: Path) -> list[float]:
    from scenario_tui.ui.app import ScenarioApp
    from scenario_tui.ui.screens.play import PlayScreen
    from scenario_tui.ui.widgets.decision_box import FEEDBACK, DecisionBox

    app = ScenarioApp(in_file_order(data), start_id=SCENARIO)
    times = []
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlayScreen), screen
        box = screen.query_one(DecisionBox)
        for _ in range(keys):
            times.append(await frames.key(app, "1", lambda: box.mode == FEEDBACK))
            await pilot.press("u")  # back to the choices, untimed
            await pilot.pause()
            assert box.mode != FEEDBACK
    app.session.close()
    return times


async def time_bound_key(frames: Frames, keys: int, size: tuple[int, int], data: Path,
                         setup: Callable[[Any], Callable[[], Callable[[], bool]]]) -> list[float]:
    """Key to frame on the play screen for a key bound for the benchmark only: `setup(app)`,
    called once the play shows, returns the key's action, which makes its change and returns
    the condition of the frame that shows it."""
    from scenario_tui.ui.app import ScenarioApp
    from scenario_tui.ui.screens.play import PlayScreen

    pending: list[Callable[[], bool]] = []
    action: list[Callable[[], Callable[[], bool]]] = []

    def poke(screen: PlayScreen) -> None:
        pending.append(action[0]())

    bindings = PlayScreen._merged_bindings
    PlayScreen.action_poke = poke  # type: ignore[attr-defined]
    PlayScreen._merged_bindings = PlayScreen._merge_bindings()
    assert PlayScreen._merged_bindings is not None
    PlayScreen._merged_bindings.bind("x", "poke", show=False)
    app = ScenarioApp(in_file_order(data), start_id=SCENARIO)
    times = []
    try:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            action.append(setup(app))
            await settle(pilot)
            for _ in range(keys):
                pending.clear()
                times.append(await frames.key(app, "x", lambda: bool(pending) and pending[0]()))
                await pilot.pause()
    finally:
        PlayScreen._merged_bindings = bindings
        del PlayScreen.action_poke  # type: ignore[attr-defined]
        app.session.close()
    return times


def one_line(app: Any) -> Callable[[], Callable[[], bool]]:
    """The key replaces the text of the play screen's one-line status with a counter."""
    from textual.widgets import Static

    status = app.screen.query_one("#play-status", Static)
    count = 0

    def key() -> Callable[[], bool]:
        nonlocal count
        count += 1
        expected = f"pressed {count}"
        status.update(expected)
        return lambda: str(status.content) == expected

    return key


async def run(rounds: int, keys: int, size: tuple[int, int]) -> dict[str, list[float]]:
    frames = Frames()
    times: dict[str, list[float]] = {"minimal": [], "same text": [], "scenario-tui": [],
                                     "one line": []}
    with tempfile.TemporaryDirectory() as temp:
        await time_ours(frames, 2, size, Path(temp))  # warm-up: imports, the catalogue cache
        await time_minimal(frames, 2, size)
        texts = feedback_texts()
        await time_same_text(frames, 2, size, texts)
        await time_bound_key(frames, 2, size, Path(tempfile.mkdtemp(dir=temp)), one_line)
        gc.freeze()  # what the imports made, out of the collector's reach, as `launch.run` does
        for _ in range(rounds):
            gc.collect()
            times["minimal"] += await time_minimal(frames, keys, size)
            gc.collect()
            times["same text"] += await time_same_text(frames, keys, size, texts)
            gc.collect()
            times["scenario-tui"] += await time_ours(frames, keys, size, Path(temp))
            gc.collect()
            times["one line"] += await time_bound_key(frames, keys, size,
                                                      Path(tempfile.mkdtemp(dir=temp)), one_line)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keys", type=int, default=20, help="keys timed per app per round")
    parser.add_argument("--size", default="120x40", help="terminal size, COLSxROWS")
    args = parser.parse_args()
    columns, rows = (int(n) for n in args.size.split("x"))
    times = asyncio.run(run(args.rounds, args.keys, (columns, rows)))
    minimal = statistics.median(times["minimal"])
    ours = statistics.median(times["scenario-tui"])
    ratio = ours / minimal
    print(f"key to frame, median of {len(times['minimal'])} keys each in {args.rounds} "
          f"alternating rounds, {args.size}")
    same = statistics.median(times["same text"])
    print(f"{'minimal Textual app (Static update)':<40}{minimal * 1000:7.1f} ms")
    print(f"{'  the same, showing our text':<40}{same * 1000:7.1f} ms {same / minimal:5.2f}x")
    line = statistics.median(times["one line"])
    print(f"{'scenario-tui, one status line updated':<40}{line * 1000:7.1f} ms "
          f"{line / minimal:5.2f}x")
    print(f"{'scenario-tui (choice to feedback)':<40}{ours * 1000:7.1f} ms {ratio:5.2f}x"
          f"   goal <= {GOAL}x {'ok' if ratio <= GOAL else 'MISSED'}"
          f"   ({ours / same:.2f}x the same text)")
    return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
