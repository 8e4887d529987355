"""Export SVG screenshots of the catalogue, a play step and a debrief for the README.

    python scripts/screenshots.py [--out assets/screenshots] [--size 100x30] [--all]

Runs the app headless on the bundled library (plus tests/fixtures/ui_scenarios with --all,
which also exports every state the snapshot tests cover, for review), with progress kept
in a temporary folder so the learner's own data is untouched.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

from scenario_tui.play.modes import EXAM, PRACTICE
from scenario_tui.play.session import Session

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.ui.steady import SteadyApp  # noqa: E402  (the snapshot tests' app: no blinking)

FIXTURES = ROOT / "tests" / "fixtures" / "ui_scenarios"
Step = Callable[[Pilot], Awaitable[None]]


async def settle(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def keys(*pressed: str) -> Step:
    async def step(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press(*pressed)
        await settle(pilot)

    return step


def debrief_keys(scenario_id: str) -> Step:
    """Miss the first decision, then follow the best path from there to the debrief.

    Keys are computed from the scenario's graph, so story edits never leave the shot
    stranded mid-play (or, worse, replaying from the debrief)."""
    from scenario_tui.analysis.scoring import analyse
    from scenario_tui.play import library

    scenario = library.load().scenarios[scenario_id]
    analysis = analyse(scenario)
    first = analysis.worst_choice[scenario.start]
    pressed = [str(first.number)] + [str(c.number) for c in analysis.best_path(first.target)]
    return keys(*pressed)


README_SHOTS: list[tuple[str, str | None, str, Step]] = [
    ("catalog", None, PRACTICE, keys()),
    ("play-step", "sqs-decoupling", PRACTICE, keys("2")),
    ("debrief", "sqs-decoupling", EXAM, debrief_keys("sqs-decoupling")),
]
REVIEW_SHOTS: list[tuple[str, str | None, str, Step]] = [
    ("fx-catalog", None, PRACTICE, keys()),
    ("fx-catalog-broken", None, PRACTICE, keys("down", "down")),
    ("fx-play", "cache-the-catalogue", PRACTICE, keys()),
    ("fx-feedback", "cache-the-catalogue", PRACTICE, keys("3")),
    ("fx-exam", "cache-the-catalogue", EXAM, keys("2")),
    ("fx-markup", "markup-and-escapes", PRACTICE, keys("1")),
    ("fx-debrief", "cache-the-catalogue", EXAM, keys("3", "2")),
    ("fx-tree", "cache-the-catalogue", EXAM, keys("2", "1", "1", "t", "down", "down")),
    ("fx-replay", "cache-the-catalogue", EXAM, keys("2", "1", "1", "p")),
    ("fx-help", None, PRACTICE, keys("f1")),
    ("fx-palette", None, PRACTICE, keys("ctrl+p", *"catalogue")),
]


async def shoot(out: Path, name: str, size: tuple[int, int], scenario_id: str | None,
                mode: str, step: Step, fixtures: bool) -> Path:
    with tempfile.TemporaryDirectory() as data:
        session = Session.create([FIXTURES] if fixtures else [], data,
                                 with_bundled=not fixtures)
        app = SteadyApp(session, start_id=scenario_id, mode=mode)
        async with app.run_test(size=size) as pilot:
            await step(pilot)
            await pilot.pause(0.3)
            path = app.save_screenshot(f"{name}.svg", str(out))
    return Path(path)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "assets" / "screenshots")
    parser.add_argument("--size", default="100x30", help="terminal size, WIDTHxHEIGHT")
    parser.add_argument("--all", action="store_true", help="also export the review states")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.lower().split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    shots = [(*shot, False) for shot in README_SHOTS]
    if args.all:
        shots += [(*shot, True) for shot in REVIEW_SHOTS]
    for name, scenario_id, mode, step, fixtures in shots:
        path = await shoot(args.out, name, (width, height), scenario_id, mode, step, fixtures)
        print(path)


if __name__ == "__main__":
    asyncio.run(main())
