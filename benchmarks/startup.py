"""Start-up time: launch to an interactive catalogue, against a minimal Textual app.

    python benchmarks/startup.py [--repeats 15] [--plays 100000]

Both apps run as subprocesses, headless, with the same prelude, which records three moments:

- first frame: the first frame drawn (Textual's `App._display`). scenario-tui fills its
  catalogue before that frame, so this is launch to the catalogue on screen, taking keys.
- settled: the app's own `exit`, which each calls after the refresh that follows its first
  frame (for scenario-tui, the prelude below adds that to the catalogue's `CatalogueShown`).
  Textual's footer mounts its keys after the first frame too; in scenario-tui that runs
  before the exit, in the minimal app after it, so this measure charges scenario-tui for
  its footer alone.
- process: the end of the process, interpreter teardown included. scenario-tui moves what
  its imports made out of the garbage collector's reach (`gc.freeze`), the minimal app does
  not, and most of that gain is in teardown: this column flatters scenario-tui.

The apps' runs are interleaved round by round and the medians compared. A second comparison
uses a generated library of 1,000 scenarios in a temporary folder (`--scenarios`), timed with
a warm catalogue cache, which is how a learner starts it every day after the first. A third
starts the bundled library on a store of `--plays` plays (100,000 by default; see
large_store.py), once one start has read its progress.
Goals, on the first frame: at most 1.3x the minimal app with the bundled library, with or
without the large store, 2x with 1,000 scenarios.

`--instructions` also counts the instructions each start runs up to its first frame, under
valgrind (see callgrind.py): the same ratios without the machine's noise, about 15 s a start.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import NamedTuple

import callgrind
from large_store import seed_plays

READY_HOOK = textwrap.dedent("""
    import os, time
    import textual.app

    display, exit_app = textual.app.App._display, textual.app.App.exit
    first_frame = []

    def display_and_record(self, screen, renderable):
        if not first_frame and renderable is not None and not self._batch_count:
            first_frame.append(time.perf_counter())  # CLOCK_MONOTONIC: one clock for all
            # scenario-tui's catalogue must be in that frame, or it is no start-up at all.
            catalogue = type(screen).__name__ == "CatalogScreen"
            first_frame.append(not catalogue or bool(getattr(screen, "entries", None)))
        return display(self, screen, renderable)

    def exit_and_record(self, *args, **kwargs):
        moments = os.environ["STARTUP_MOMENTS_FILE"]
        if not os.path.exists(moments):
            with open(moments, "w") as out:
                out.write(f"{first_frame[0]!r} {time.perf_counter()!r} {first_frame[1]}")
        return exit_app(self, *args, **kwargs)

    textual.app.App._display = display_and_record
    textual.app.App.exit = exit_and_record

    if os.environ.get("STARTUP_EXIT_AT_FIRST_FRAME"):  # counting instructions to that frame
        def display_and_leave(self, screen, renderable):
            result = display_and_record(self, screen, renderable)
            if first_frame:
                os._exit(0)
            return result

        textual.app.App._display = display_and_leave
""")

MINIMAL_APP = READY_HOOK + textwrap.dedent("""
    from textual.app import App
    from textual.widgets import Footer, Header, Static

    class Minimal(App):
        def compose(self):
            yield Header()
            yield Static("hello")
            yield Footer()

        def on_mount(self):
            self.call_after_refresh(self.exit)

    Minimal().run(headless=True)
""")

OURS = READY_HOOK + textwrap.dedent("""
    import sys
    import textual.app

    run = textual.app.App.run

    def headless_run(self, *args, **kwargs):
        return run(self, *args, **{**kwargs, "headless": True})

    textual.app.App.run = headless_run  # the same driver as the minimal app
    from scenario_tui.cli import main
    from scenario_tui.ui.app import ScenarioApp

    def exit_when_shown(self, event):
        # The catalogue posts CatalogueShown once its entries are on screen: exit after
        # the next refresh, as the minimal app does after its first.
        self.call_after_refresh(self.exit, 0)

    ScenarioApp.on_catalogue_shown = exit_when_shown

    sys.exit(main(sys.argv[1:]))
""")

SCENARIO = textwrap.dedent("""\
    id: generated-{n:04d}
    title: Generated scenario {n}
    situation: A generated scenario for the start-up benchmark.
    difficulty: beginner
    services: [s3]
    sources:
      - https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html
    verified: 2026-11-26
    nodes:
      start:
        text: Pick one.
        choices:
          - label: The right one
            to: good
            points: 2
            why: It is right.
          - label: The wrong one
            to: bad
            points: 0
            why: It is wrong.
      good:
        end: success
        text: Good.
      bad:
        end: failure
        text: Bad.
""")


class Timing(NamedTuple):
    """Seconds from launch to each moment (see the module's docstring)."""

    first_frame: float
    settled: float
    process: float


def timed(command: list[str], env: dict[str, str], moments_file: Path,
          warm_up: bool = False) -> Timing:
    moments_file.unlink(missing_ok=True)
    start = time.perf_counter()
    subprocess.run(command, env={**env, "STARTUP_MOMENTS_FILE": str(moments_file)},
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    end = time.perf_counter()
    first_frame, settled, filled = moments_file.read_text().split()
    if filled != "True" and not warm_up:  # the warm-up run fills the catalogue's cache
        raise SystemExit("the first frame came before the catalogue was filled")
    return Timing(float(first_frame) - start, float(settled) - start, end - start)


def interleaved(commands: dict[str, list[str]], env: dict[str, str], repeats: int,
                moments_file: Path) -> dict[str, list[Timing]]:
    """Time every command once per round, round after round, so that drift in the machine's
    load hits all of them alike (timing one command's runs back to back does not)."""
    for command in commands.values():
        timed(command, env, moments_file, warm_up=True)  # page cache, catalogue cache
    times: dict[str, list[Timing]] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, command in commands.items():
            times[name].append(timed(command, env, moments_file))
    return times


def medians(timings: list[Timing]) -> Timing:
    return Timing(*(statistics.median(column) for column in zip(*timings, strict=True)))


def generate(folder: Path, count: int) -> None:
    for n in range(count):
        (folder / f"generated-{n:04d}.yaml").write_text(SCENARIO.format(n=n), encoding="utf-8")


def warm(data: Path) -> None:
    """Start once and read the progress, as the first start after the plays were made does,
    so each timed start is a learner's next one (the app may quit before its progress is
    read)."""
    from scenario_tui.play.session import Session

    session = Session.create(data=data)
    session.scan()
    session.progress()
    session.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--count", type=int, default=1000, help="scenarios to generate")
    parser.add_argument("--plays", type=int, default=100_000,
                        help="plays in the large store (0: leave it out)")
    parser.add_argument("--instructions", action="store_true",
                        help="also count instructions to the first frame (needs valgrind)")
    args = parser.parse_args()
    if args.instructions and not callgrind.available():
        parser.error("--instructions needs valgrind (apt-get install valgrind)")
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as temp:
        temp_path = Path(temp)
        env = {**os.environ, "TEXTUAL_ANIMATIONS": "none"}
        env.pop("SCENARIO_TUI_DATA_DIR", None)
        data = temp_path / "data"
        big = temp_path / "library"
        big.mkdir()
        generate(big, args.count)
        if args.plays:
            seed_plays(temp_path / "played", args.plays)
            warm(temp_path / "played")
        python = sys.executable
        commands = {
            "minimal": [python, "-c", MINIMAL_APP],
            "bundled": [python, "-c", OURS, "--data-dir", str(data)],
            "thousand": [python, "-c", OURS, "--data-dir", str(data / "big"), "--scenarios",
                         str(big)],
        }
        if args.plays:
            commands["played"] = [python, "-c", OURS, "--data-dir", str(temp_path / "played")]
        times = interleaved(commands, env, args.repeats, temp_path / "moments")
        if args.instructions:
            leave = {**env, "STARTUP_EXIT_AT_FIRST_FRAME": "1",
                     "STARTUP_MOMENTS_FILE": str(temp_path / "counted")}
            counts = {name: callgrind.instructions(command, leave)
                      for name, command in commands.items()}
    minimal, bundled, thousand = (medians(times[k]) for k in ("minimal", "bundled", "thousand"))
    rows = [("minimal Textual app", minimal, None),
            ("scenario-tui, bundled library", bundled, 1.3),
            (f"scenario-tui, +{args.count} scenarios", thousand, 2.0)]
    if args.plays:
        rows.append((f"scenario-tui, {args.plays:,} plays", medians(times["played"]), 1.3))
    print(f"median of {args.repeats} interleaved rounds, after one warm-up run each")
    print(f"{'':<31}{'first frame':>17}{'settled':>17}{'process':>17}   goal (first frame)")
    failed = False
    for name, timing, goal in rows:
        line = f"{name:<31}" + "".join(
            f"{ours * 1000:6.0f} ms {ours / base:5.2f}x"
            for ours, base in zip(timing, minimal, strict=True))
        if goal is not None:
            ok = timing.first_frame / minimal.first_frame <= goal
            failed |= not ok
            line += f"   <= {goal}x {'ok' if ok else 'MISSED'}"
        print(line)
    if counts:
        print("instructions to the first frame (callgrind, one run each: they repeat to 0.03 %)")
        for (name, _, goal), key in zip(rows, commands, strict=True):
            ratio = counts[key] / counts["minimal"]
            print(f"{name:<31}{counts[key] / 1e6:8.0f} M {ratio:5.2f}x"
                  + (f"   <= {goal}x {'ok' if ratio <= goal else 'MISSED'}" if goal else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
