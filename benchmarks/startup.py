"""Start-up time: launch to an interactive catalogue, against a minimal Textual app.

    python benchmarks/startup.py [--repeats 7]

Both apps run as subprocesses, headless, and exit as soon as their first screen is ready
(`SCENARIO_TUI_EXIT_WHEN_READY=1` tells scenario-tui to exit once the catalogue is filled).
Each is timed several times in the same run and the medians compared. A second comparison
uses a generated library of 1,000 scenarios in a temporary folder (`--scenarios`), timed with
a warm catalogue cache, which is how a learner starts it every day after the first.
Goals: at most 1.3x the minimal app with the bundled library, 2x with 1,000 scenarios.
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

MINIMAL_APP = textwrap.dedent("""
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

OURS = textwrap.dedent("""
    import sys
    import textual.app

    run = textual.app.App.run

    def headless_run(self, *args, **kwargs):
        return run(self, *args, **{**kwargs, "headless": True})

    textual.app.App.run = headless_run  # the same driver as the minimal app
    from scenario_tui.cli import main

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


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def interleaved(commands: dict[str, list[str]], env: dict[str, str], repeats: int
                ) -> dict[str, list[float]]:
    """Time every command once per round, round after round, so that drift in the machine's
    load hits all of them alike (timing one command's runs back to back does not)."""
    for command in commands.values():
        timed(command, env)  # warm-up: page cache, bytecode, catalogue cache
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, command in commands.items():
            times[name].append(timed(command, env))
    return times


def generate(folder: Path, count: int) -> None:
    for n in range(count):
        (folder / f"generated-{n:04d}.yaml").write_text(SCENARIO.format(n=n), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--count", type=int, default=1000, help="scenarios to generate")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        temp_path = Path(temp)
        env = {**os.environ, "SCENARIO_TUI_EXIT_WHEN_READY": "1", "TEXTUAL_ANIMATIONS": "none"}
        env.pop("SCENARIO_TUI_DATA_DIR", None)
        data = temp_path / "data"
        big = temp_path / "library"
        big.mkdir()
        generate(big, args.count)
        python = sys.executable
        commands = {
            "minimal": [python, "-c", MINIMAL_APP],
            "bundled": [python, "-c", OURS, "--data-dir", str(data)],
            "thousand": [python, "-c", OURS, "--data-dir", str(data / "big"), "--scenarios",
                         str(big)],
        }
        times = interleaved(commands, env, args.repeats)
        minimal, bundled, thousand = (statistics.median(times[k]) for k in commands)
    rows = [("minimal Textual app", minimal, None, None),
            ("scenario-tui, bundled library", bundled, bundled / minimal, 1.3),
            (f"scenario-tui, +{args.count} scenarios", thousand, thousand / minimal, 2.0)]
    print(f"median of {args.repeats} interleaved rounds, after one warm-up run each")
    failed = False
    for name, seconds, ratio, goal in rows:
        line = f"{name:<34} {seconds * 1000:7.0f} ms"
        if ratio is not None and goal is not None:
            ok = ratio <= goal
            failed |= not ok
            line += f"   {ratio:4.2f}x   goal <= {goal}x  {'ok' if ok else 'MISSED'}"
        print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
