"""Load: 50 learners sync to one real class store at once, through the real sync code path,
within a bound (a hang fails, no speed is asserted), and no play is lost or doubled. The
full figures come from benchmarks/bench_class_sync.py."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from class_load import simulate


def test_fifty_learners_syncing_at_once_lose_and_double_nothing(instructor_url: str,
                                                                tmp_path: Path) -> None:
    result = simulate(instructor_url, tmp_path, learners=50, rounds=2, plays_per_round=5,
                      timeout=240)
    assert result.plays == 50 * 2 * 5
    assert result.on_server == result.distinct == result.plays
    assert len(result.sync_seconds) == len(result.raw_seconds) == 100
