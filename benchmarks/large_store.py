"""A progress store with many plays of the bundled library, made quickly (deterministic).

    python benchmarks/large_store.py DATA_DIR [--plays 100000]

Each play walks a seeded random path from a scenario's start to an ending; about one in five
is a replay, what-if or review, and one in twenty was recorded on an earlier version of the
scenario (another content hash). Rows go in with one `executemany`, so 100,000 take seconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

from scenario_tui.analysis.scoring import analyse, path_score
from scenario_tui.format.model import Choice, Scenario
from scenario_tui.play import library
from scenario_tui.progress.kinds import KINDS
from scenario_tui.progress.store import PlayRecord, content_hash, open_store

START = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def walk(scenario: Scenario, rng: random.Random) -> tuple[Choice, ...]:
    """The choices of one random path from the start to an ending."""
    node, choices = scenario.start, []
    while not scenario.is_ending(node):
        choice = rng.choice(scenario.choices(node))
        choices.append(choice)
        node = choice.target
    return tuple(choices)


def seed_plays(data: Path, plays: int, seed: int = 7) -> None:
    """Add `plays` plays of the bundled library to the store in `data`."""
    rng = random.Random(seed)
    scenarios = [e.scenario for e in library.load([]).entries
                 if e.playable and e.scenario is not None]
    hashes = {s.id: content_hash(s) for s in scenarios}
    best = {s.id: analyse(s).best_score for s in scenarios}
    rows = []
    for n in range(plays):
        scenario = rng.choice(scenarios)
        choices = walk(scenario, rng)
        kind = KINDS[0] if rng.random() < 0.8 else rng.choice(KINDS[1:])
        record = PlayRecord(
            scenario.id, hashes[scenario.id] if rng.random() < 0.95 else "0123456789abcdef",
            "practice", tuple((c.source, c.index) for c in choices), path_score(choices),
            best[scenario.id], 60.0, (START + dt.timedelta(minutes=n)).isoformat(), kind)
        rows.append((record.uid, record.scenario_id, record.content_hash, record.mode,
                     json.dumps(record.path), record.score, record.best, record.duration,
                     record.finished_at, record.kind))
    store = open_store(data)
    with store.transaction():
        store._connection.executemany(
            "INSERT INTO plays (uid, scenario_id, content_hash, mode, path, score, best, "
            "duration, finished_at, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(uid) DO NOTHING", rows)
    store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--plays", type=int, default=100_000)
    args = parser.parse_args()
    seed_plays(args.data_dir, args.plays)
    return 0


if __name__ == "__main__":
    sys.exit(main())
