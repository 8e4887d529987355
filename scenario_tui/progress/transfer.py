"""Move progress between machines: export to JSON or CSV, import and merge without duplicates.

JSON carries everything: plays, review cards and review answers. CSV is one table, the plays,
for spreadsheets; it leaves the cards and answers out, and the CLI says so when it does.

An import file is untrusted input. Every field of every record is checked against the export
format; a bad record is left out with one reason (its values shown neutralised, like scenario
text) and the good ones still land. A file that is not an export, or breaks a cap, is refused
whole with one message, never a traceback.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .export_records import MODES as MODES  # tests read `transfer.MODES`
from .export_records import (
    ReviewAnswer,
    ReviewEntry,
    _answer,
    _record,
    _Rejected,
    _review,
    _shown,
)
from .review_schedule import load_card
from .store import PlayRecord, ProgressStore

if TYPE_CHECKING:
    from .backends import Store

FORMAT_NAME = "scenario-tui-progress"
FORMAT_VERSION = 2
"""The JSON export's version. 2 added `review_answers`; a version 1 file (none in it) still
imports. A newer file is refused whole: this version would drop what it cannot read."""
CSV_FIELDS = ("scenario_id", "content_hash", "mode", "path", "score", "best", "duration",
              "finished_at", "kind", "seed", "time_limit", "timed_out")
REQUIRED_CSV_FIELDS = CSV_FIELDS[:8]
"""An export made before plays had a kind has no `kind` column: its plays are attempts; one
from before seeds and timing has none of the last three: shown in file order, untimed."""

# What an import takes. A learner makes a few thousand plays in a year; these caps leave room
# for decades while keeping one import to seconds and the store it grows fast to open.
MAX_BYTES = 50 * 2**20
"""An export file's size."""
MAX_PLAYS = 100_000
"""Play-throughs in one file."""
MAX_REVIEWS = 20_000
"""Review cards in one file: one per decision ever missed, and a library has a few thousand."""
MAX_ANSWERS = 200_000
"""Review answers in one file: twenty a day is 7,300 a year, so room for decades."""


class TransferError(ValueError):
    """An import file that is not scenario-tui progress, or is over a cap: nothing imports."""


def _row(record: PlayRecord) -> dict[str, object]:
    return {"scenario_id": record.scenario_id, "content_hash": record.content_hash,
            "mode": record.mode, "path": [list(step) for step in record.path],
            "score": record.score, "best": record.best, "duration": record.duration,
            "finished_at": record.finished_at, "kind": record.kind, "seed": record.seed,
            "time_limit": record.time_limit, "timed_out": list(record.timed_out)}


def _answers(store: Store) -> list[ReviewAnswer]:
    """The store's review answers: only this machine's SQLite store keeps them (a class store
    holds plays and cards)."""
    return store.review_answers() if isinstance(store, ProgressStore) else []


def export_json(store: Store) -> str:
    """Plays, review cards and review answers; a stored card that cannot be loaded is left
    out."""
    reviews = [{"scenario_id": s, "node": n, "card": card.to_dict(), "due": d}
               for s, n, c, d in store.review_cards() if (card := load_card(c)) is not None]
    answers = [{"scenario_id": s, "node": n, "answered_at": at, "rating": rating}
               for s, n, at, rating in _answers(store)]
    return json.dumps({"format": FORMAT_NAME, "version": FORMAT_VERSION,
                       "plays": [_row(r) for r in store.plays()], "reviews": reviews,
                       "review_answers": answers}, indent=2, ensure_ascii=False) + "\n"


def csv_leaves_out(store: Store) -> str | None:
    """What a CSV export of `store` would not carry, said for the learner; None if nothing."""
    cards, answers = len(store.review_cards()), len(_answers(store))
    if not (cards or answers):
        return None
    return (f"CSV holds play-throughs only: {cards} review card(s) and {answers} review "
            "answer(s) are left out (the JSON export carries them)")


def export_csv(store: Store) -> str:
    """Plays only (review cards and answers are JSON-only: see `csv_leaves_out`); the path
    column holds JSON."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for record in store.plays():
        row = _row(record)
        row["path"] = json.dumps(row["path"])
        row["timed_out"] = json.dumps(row["timed_out"])
        writer.writerow(row)
    return out.getvalue()



@dataclass(frozen=True)
class Rejection:
    """A record an import left out, and why."""

    where: str
    """`play 3`, `review card 1` or `review answer 2` in a JSON export, `line 4` in a CSV
    one."""
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class Contents:
    """What an export file holds, checked: the good records and the rejected ones."""

    plays: list[PlayRecord] = field(default_factory=list)
    reviews: list[ReviewEntry] = field(default_factory=list)
    answers: list[ReviewAnswer] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


@dataclass(frozen=True)
class ImportReport:
    """What an import did."""

    added: int
    """Plays stored that were not here before."""
    present: int
    """Good plays that were already stored (merged without duplicates)."""
    reviews: int
    """Review cards taken (newer than this machine's, or new)."""
    rejected: tuple[Rejection, ...]
    answers: int = 0
    """Review answers stored that were not here before."""
    answers_present: int = 0
    """Good review answers that were already stored."""

    @property
    def took_anything(self) -> bool:
        """False when the file held records and every one of them was rejected."""
        return bool(self.added or self.present or self.reviews or self.answers
                    or self.answers_present or not self.rejected)


def _text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise TransferError(f"{path} is {size / 2**20:,.0f} MB; an import takes files of "
                                f"at most {MAX_BYTES // 2**20} MB")
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # a FIFO or device has no size to check first
        if len(data) > MAX_BYTES:
            raise TransferError(f"{path} is larger than {MAX_BYTES // 2**20} MB; an import "
                                "takes no more")
        return data.decode("utf-8-sig")  # a BOM (spreadsheets write one) is not content
    except (OSError, UnicodeDecodeError) as error:
        raise TransferError(f"cannot read {path}: {error}") from None


def _too_many(path: Path, what: str, limit: int) -> TransferError:
    return TransferError(f"{path} holds more than {limit:,} {what}; an import takes at most "
                         f"{limit:,} (split the file)")


def _read_json(path: Path, text: str) -> Contents:
    objects = 0

    def counted(obj: dict[str, Any]) -> dict[str, Any]:
        nonlocal objects  # stop early, before a huge file is all in memory
        objects += 1
        if objects > MAX_PLAYS + 2 * MAX_REVIEWS + MAX_ANSWERS + 1:  # a card is two objects
            raise TransferError(f"{path} holds more records than an import takes: at most "
                                f"{MAX_PLAYS:,} play-throughs, {MAX_REVIEWS:,} review cards "
                                f"and {MAX_ANSWERS:,} review answers (split the file)")
        return obj

    try:
        data = json.loads(text, object_hook=counted)
    except RecursionError:
        raise TransferError(f"{path} is nested too deeply to be a progress export") from None
    except ValueError as error:
        if isinstance(error, TransferError):
            raise
        raise TransferError(f"{path} is not valid JSON: {error}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise TransferError(f"{path} is not a scenario-tui progress export")
    version = data.get("version")
    if type(version) is not int or not 1 <= version <= FORMAT_VERSION:
        raise TransferError(f"{path} is version {_shown(version)} of the export format; this "
                            f"scenario-tui reads versions 1 to {FORMAT_VERSION}")
    caps = {"plays": ("play-throughs", MAX_PLAYS), "reviews": ("review cards", MAX_REVIEWS),
            "review_answers": ("review answers", MAX_ANSWERS)}  # none in a version 1 file
    lists = {name: data.get(name, []) for name in caps}
    for name, (what, limit) in caps.items():
        value = lists[name]
        if not isinstance(value, list):
            raise TransferError(f"{path}: '{name}' must be a list, not {_shown(value)}")
        if len(value) > limit:
            raise _too_many(path, what, limit)
    plays, reviews = lists["plays"], lists["reviews"]
    contents = Contents()
    for number, row in enumerate(plays, 1):
        try:
            contents.plays.append(_record(row))
        except _Rejected as reason:
            contents.rejected.append(Rejection(f"play {number}", str(reason)))
    for number, entry in enumerate(reviews, 1):
        try:
            contents.reviews.append(_review(entry))
        except _Rejected as reason:
            contents.rejected.append(Rejection(f"review card {number}", str(reason)))
    for number, entry in enumerate(lists["review_answers"], 1):
        try:
            contents.answers.append(_answer(entry))
        except _Rejected as reason:
            contents.rejected.append(Rejection(f"review answer {number}", str(reason)))
    return contents


def _read_csv(path: Path, text: str) -> Contents:
    reader = csv.DictReader(io.StringIO(text))
    rows: list[tuple[int, dict[str, Any]]] = []
    try:
        if not reader.fieldnames or set(REQUIRED_CSV_FIELDS) - set(reader.fieldnames):
            raise TransferError(f"{path} is not a scenario-tui progress CSV export")
        for row in reader:
            if len(rows) == MAX_PLAYS:  # count first, check after: a huge file stops here
                raise _too_many(path, "play-throughs", MAX_PLAYS)
            rows.append((reader.line_num, row))
    except csv.Error as error:
        line = reader.reader.line_num  # DictReader's own count stops at the last good row
        raise TransferError(f"{path}, line {line}: {error}") from None
    contents = Contents()
    for line, row in rows:
        try:
            contents.plays.append(_record(row))
        except _Rejected as reason:
            contents.rejected.append(Rejection(f"line {line}", str(reason)))
    return contents


def read(path: Path) -> Contents:
    """The plays, review cards and review answers of a JSON or CSV export, each checked.

    A file that is not an export, or breaks a cap, raises `TransferError`; a bad record is
    only left out, with its reason, so the good ones still import.
    """
    text = _text(path)
    if text.lstrip().startswith("{"):
        return _read_json(path, text)
    return _read_csv(path, text)


def import_file(store: Store, path: Path) -> ImportReport:
    """Merge an export into the store: new plays and review answers are added, and a review
    card replaces this machine's when it was reviewed more recently (or this machine's cannot
    be loaded). A class store keeps no review answers: any in the file are reported left out.

    The good records go in one transaction: an import that fails part-way (the disk full,
    another writer past the timeout) leaves the store as it was, and trying again takes all.
    """
    contents = read(path)
    taken = answers = 0
    with store.transaction():
        added = store.record_many(contents.plays)
        current = {(s, n): load_card(c) for s, n, c, _ in store.review_cards()}
        for review in contents.reviews:
            mine = current.get((review.scenario_id, review.node))
            if mine is None or review.last_review > (
                    mine.last_review or dt.datetime.min.replace(tzinfo=dt.UTC)):
                store.save_review_card(review.scenario_id, review.node,
                                       review.card.to_json(), review.card.due.isoformat())
                current[review.scenario_id, review.node] = review.card  # a file may repeat one
                taken += 1
        if isinstance(store, ProgressStore):
            answers = store.record_review_answers(contents.answers)
        elif contents.answers:
            contents.rejected.append(Rejection(
                "review answers", f"{len(contents.answers)} left out: a class store keeps "
                "no review answers"))
            contents.answers = []
    return ImportReport(added, len(contents.plays) - added, taken, tuple(contents.rejected),
                        answers, len(contents.answers) - answers)
