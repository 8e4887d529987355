"""The catalogue's progress refresh on a large store: first start, next start, after a play.

    python benchmarks/bench_refresh.py [--plays 100000] [--repeats 5]

Times `Session.progress()` (what the catalogue's progress worker runs) on the bundled library
with a store of `--plays` plays (large_store.py): once on a store never read before, then on
a new start (a new session, as the next day's), then after one more play is recorded, the
median of `--repeats` for the last two. The scenarios are loaded before each timing, as a
learner who just played one has it loaded, so only the refresh is timed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from large_store import seed_plays

from scenario_tui.analysis.scoring import analyse
from scenario_tui.play import engine
from scenario_tui.play.session import Session


def timed(session: Session) -> float:
    start = time.perf_counter()
    session.progress()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plays", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        data = Path(temp)
        seed_plays(data, args.plays)
        session = Session.create(data=data)
        session.scan()
        session.loaded(e.id for e in session.entries if e.playable)
        first = timed(session)
        session.close()
        starts, after_play = [], []
        for n in range(args.repeats):
            session = Session.create(data=data)
            session.scan()
            scenarios = session.loaded(e.id for e in session.entries if e.playable)
            starts.append(timed(session))
            scenario = scenarios[sorted(scenarios)[n % len(scenarios)]]
            play = engine.start(scenario)
            while not scenario.is_ending(play.node(scenario)):
                play = play.choose(scenario, 0)
            session.record(scenario, play, analyse(scenario).best_score, 1.0)
            after_play.append(timed(session))
            session.close()
    print(f"catalogue progress refresh, {args.plays:,} plays of the bundled library")
    print(f"  first read of the store   {first * 1000:8.0f} ms")
    print(f"  next start (median)       {statistics.median(starts) * 1000:8.0f} ms")
    print(f"  after a play (median)     {statistics.median(after_play) * 1000:8.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
