"""Path report on a scenario with more than 10^12 paths, against plain best/worst scoring.

Both run on the same generated graph in the same process: the ratio shows what the score
distribution costs on top of the best/worst dynamic programming, and the absolute figure shows
it is instant however many paths there are.
Run: python benchmarks/bench_paths.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

from scenario_tui.analysis import path_report
from scenario_tui.analysis.scoring import analyse
from scenario_tui.format import loader


def wide(layers: int, width: int) -> str:
    nodes: dict[str, object] = {}
    for layer in range(layers):
        nodes[f"l{layer}"] = {"text": f"Layer {layer}.", "choices": [
            {"label": f"Option {k}", "to": f"l{layer + 1}" if layer + 1 < layers else "end",
             "points": (k * 7 + layer) % 5 - 1, "why": "Scored by its position."}
            for k in range(width)]}
    nodes["end"] = {"end": "success", "text": "Done."}
    return yaml.safe_dump({"id": "wide", "title": "Wide", "situation": "Many paths.",
                           "difficulty": "advanced", "services": [], "verified": "2026-11-26",
                           "sources": ["https://docs.aws.amazon.com/"], "nodes": nodes},
                          sort_keys=False)


def timed(fn, repeats: int = 5) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    for layers, width in ((13, 9), (30, 5), (60, 5)):
        scenario, _ = loader.load_text(wide(layers, width), "wide.yaml")
        assert scenario is not None
        result = path_report.report(scenario)
        base = timed(lambda s=scenario: analyse(s))
        full = timed(lambda s=scenario: path_report.report(s))
        print(f"{layers:>3} layers x {width} choices: {result.paths:.3e} paths, "
              f"{len(result.distribution)} distinct scores; best/worst DP {base * 1e3:6.2f} ms, "
              f"path report {full * 1e3:6.2f} ms ({full / base:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent.parent))
    sys.exit(main())
