"""Load + validate time, as a ratio to parsing the same files with `yaml.CSafeLoader` alone.

Both are measured in the same run on the same files, so the ratio does not depend on the
machine: a 10,000-node scenario, and a 1,000-file library of small scenarios.
Run: python benchmarks/bench_load.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
import generate

from scenario_tui.play import library


def best_of(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def baseline(files: list[Path]) -> None:
    for path in files:
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def ours(files: list[Path]) -> None:
    lib = library.load(files, with_bundled=False)
    assert not [p for p in lib.problems if p.is_error], lib.problems[:3]


def measure(name: str, files: list[Path], repeats: int) -> float:
    ours(files)  # warm imports
    base = best_of(lambda: baseline(files), repeats)
    mine = best_of(lambda: ours(files), repeats)
    ratio = mine / base
    size = sum(p.stat().st_size for p in files) / 1e6
    print(f"{name:<28} {len(files):>5} files {size:7.1f} MB   CSafeLoader {base:7.3f}s   "
          f"load+validate {mine:7.3f}s   ratio {ratio:4.2f}x")
    return ratio


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        big = generate.write(root / "big.yaml", generate.scenario("big", 10_000))
        lib = generate.library(root / "lib", 1_000)
        ratios = [
            measure("10,000-node scenario", [big], 5),
            measure("1,000-file library", sorted(lib.glob("*.yaml")), 3),
        ]
    print(f"geometric mean ratio {statistics.geometric_mean(ratios):.2f}x (goal <= 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
