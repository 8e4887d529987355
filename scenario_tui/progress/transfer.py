"""Move progress between machines: export to JSON or CSV, import and merge without duplicates."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from .store import PlayRecord, ProgressStore

FORMAT_NAME = "scenario-tui-progress"
FORMAT_VERSION = 1
CSV_FIELDS = ("scenario_id", "content_hash", "mode", "path", "score", "best", "duration",
              "finished_at")


class TransferError(ValueError):
    """An import file that is not scenario-tui progress."""


def _row(record: PlayRecord) -> dict[str, object]:
    return {"scenario_id": record.scenario_id, "content_hash": record.content_hash,
            "mode": record.mode, "path": [list(step) for step in record.path],
            "score": record.score, "best": record.best, "duration": record.duration,
            "finished_at": record.finished_at}


def export_json(store: ProgressStore) -> str:
    reviews = [{"scenario_id": s, "node": n, "card": json.loads(c), "due": d}
               for s, n, c, d in store.review_cards()]
    return json.dumps({"format": FORMAT_NAME, "version": FORMAT_VERSION,
                       "plays": [_row(r) for r in store.plays()], "reviews": reviews},
                      indent=2, ensure_ascii=False) + "\n"


def export_csv(store: ProgressStore) -> str:
    """Plays only (review cards are JSON-only); the path column holds JSON."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for record in store.plays():
        row = _row(record)
        row["path"] = json.dumps(row["path"])
        writer.writerow(row)
    return out.getvalue()


def _record(row: dict[str, Any]) -> PlayRecord:
    try:
        path = row["path"]
        if isinstance(path, str):
            path = json.loads(path)
        steps = tuple((str(node), int(index)) for node, index in path)
        return PlayRecord(str(row["scenario_id"]), str(row["content_hash"]), str(row["mode"]),
                          steps, int(row["score"]), int(row["best"]),
                          float(row["duration"]), str(row["finished_at"]))
    except (KeyError, TypeError, ValueError) as error:
        raise TransferError(f"a play is malformed ({error})") from None


def read(path: Path) -> tuple[list[PlayRecord], list[dict[str, object]]]:
    """Plays and review cards from a JSON or CSV export."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TransferError(f"cannot read {path}: {error}") from None
    if text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
        except ValueError as error:
            raise TransferError(f"{path} is not valid JSON: {error}") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
            raise TransferError(f"{path} is not a scenario-tui progress export")
        return [_record(r) for r in data.get("plays", [])], list(data.get("reviews", []))
    rows = list(csv.DictReader(io.StringIO(text)))
    if not rows or set(CSV_FIELDS) - set(rows[0]):
        raise TransferError(f"{path} is not a scenario-tui progress CSV export")
    return [_record(r) for r in rows], []


def import_file(store: ProgressStore, path: Path) -> tuple[int, int]:
    """Merge an export into the store: (plays added, plays already present)."""
    records, reviews = read(path)
    added = store.record_many(records)
    current = {(s, n): json.loads(c) for s, n, c, _ in store.review_cards()}
    for review in reviews:
        try:
            key = (str(review["scenario_id"]), str(review["node"]))
            card: Any = review["card"]
            due = str(review["due"])
            mine = current.get(key)
            if mine is None or str(card.get("last_review") or "") > str(
                    mine.get("last_review") or ""):
                store.save_review_card(*key, json.dumps(card), due)
        except (KeyError, TypeError, AttributeError):
            raise TransferError("a review card is malformed") from None
    return added, len(records) - added
