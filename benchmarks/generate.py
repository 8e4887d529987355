"""Generate valid synthetic scenarios and libraries for benchmarks (deterministic)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

TEXT = ("The team sees p99 latency climb after the release; the dashboard shows the queue "
        "depth rising and the function's duration close to its timeout.")
WHY = ("This follows from the documented default: the behaviour changes only when the "
       "setting is changed, so the choice decides the outcome.")


def scenario(scenario_id: str, size: int, seed: int = 1, fan_out: int = 3) -> dict[str, Any]:
    """A layered DAG scenario with `size` nodes: each situation links to later nodes only."""
    rng = random.Random(seed)
    endings = max(3, size // 50)
    nodes: dict[str, Any] = {}
    for i in range(size):
        if i >= size - endings:
            nodes[f"n{i}"] = {"end": rng.choice(["success", "partial", "failure"]),
                              "text": f"Ending {i}. {TEXT}"}
            continue
        targets = [i + 1] + [rng.randrange(i + 1, size) for _ in range(fan_out - 1)]
        nodes[f"n{i}"] = {"text": f"Situation {i}. {TEXT}", "choices": [
            {"label": f"Option {k + 1} at step {i}", "to": f"n{t}",
             "points": rng.randint(-1, 2), "why": WHY,
             **({"pillars": {"cost": rng.randint(-2, 2)}} if k == 0 else {})}
            for k, t in enumerate(targets)]}
    return {"id": scenario_id, "title": f"Synthetic {scenario_id}",
            "situation": "A generated scenario for benchmarks.", "difficulty": "advanced",
            "tags": ["synthetic"], "services": ["lambda", "sqs"],
            "sources": ["https://docs.aws.amazon.com/lambda/latest/dg/welcome.html"],
            "verified": "2026-11-26", "nodes": nodes}


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False, width=100), encoding="utf-8")
    return path


def library(folder: Path, count: int, size: int = 12) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        write(folder / f"synthetic-{i:04d}.yaml", scenario(f"synthetic-{i:04d}", size, seed=i))
    return folder
