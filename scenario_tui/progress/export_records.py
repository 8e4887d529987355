"""One record of a progress export (a play, a review card or a review answer), checked field
by field before it may enter the store.

An import file is untrusted: a record whose field is wrong raises `_Rejected` with one reason
(the value shown neutralised, like scenario text); `transfer` leaves that record out.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import re
import reprlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..format.model import SLUG
from ..format.text_safety import one_line
from . import presentation
from .kinds import ATTEMPT, KINDS
from .review_schedule import load_card
from .store import PlayRecord

if TYPE_CHECKING:
    from fsrs import Card

# A record's caps: room for any real play, small enough that one bad record costs little.
MAX_ID = 200
"""Characters in a scenario or node id."""
MAX_STEPS = 10_000
"""Decisions in one play's path."""
MAX_INDEX = 1_000
"""A choice's index at its decision."""
MAX_SCORE = 10**9
"""A score's size either side of zero."""
MAX_SECONDS = 10**9
"""A play's duration."""
MODES = ("practice", "exam")
"""The play modes (`play.modes`, a layer above, names them; a test keeps the two equal)."""
_HEX = re.compile(r"[0-9a-f]{1,64}")
_INTEGER = re.compile(r"[+-]?[0-9]{1,18}")


class _Rejected(ValueError):
    """One field of one record is wrong: the record is left out with this reason."""


_SHOWN = reprlib.Repr()
_SHOWN.maxstring = _SHOWN.maxother = 40
_SHOWN.maxlist = _SHOWN.maxdict = 3
_SHOWN.maxlevel = 2


def _shown(value: object) -> str:
    """A short, inert picture of a rejected value: no escape in it reaches the terminal."""
    return one_line(_SHOWN.repr(value), 48)


def _slug(value: object, name: str, what: str) -> str:
    if not isinstance(value, str) or len(value) > MAX_ID or not SLUG.fullmatch(value):
        raise _Rejected(f"{name} {_shown(value)} is not {what} (lower-case letters, digits "
                        f"and '-', at most {MAX_ID} characters)")
    return value


def _whole(row: dict[str, Any], name: str) -> int:
    value = row.get(name)
    if isinstance(value, str) and _INTEGER.fullmatch(value.strip()):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) > MAX_SCORE:
        raise _Rejected(f"{name} {_shown(row.get(name))} is not a whole number between "
                        f"{-MAX_SCORE:,} and {MAX_SCORE:,}")
    return value


def _seconds(row: dict[str, Any], name: str) -> float:
    value = row.get(name)
    number = math.nan
    if isinstance(value, int | float | str) and not isinstance(value, bool):
        with contextlib.suppress(ValueError, OverflowError):  # "x", 10**400
            number = float(value)
    if not (math.isfinite(number) and 0 <= number <= MAX_SECONDS):
        raise _Rejected(f"{name} {_shown(value)} is not a number of seconds from 0 to "
                        f"{MAX_SECONDS:,}")
    return number


def _moment(row: dict[str, Any], name: str) -> str:
    """An ISO date and time, normalised to UTC (a zone-less one is taken as UTC)."""
    value = row.get(name)
    try:
        if not isinstance(value, str) or len(value) > 64:
            raise ValueError
        moment = dt.datetime.fromisoformat(value)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        return moment.astimezone(dt.UTC).isoformat()
    except (ValueError, OverflowError):
        raise _Rejected(f"{name} {_shown(value)} is not an ISO date and time") from None


def _path(row: dict[str, Any]) -> tuple[tuple[str, int], ...]:
    value = row.get("path")
    try:
        steps = json.loads(value) if isinstance(value, str) else value
    except (ValueError, RecursionError):
        steps = None
    if not isinstance(steps, list):
        raise _Rejected(f"path {_shown(value)} is not a list of [node, choice index] pairs")
    if len(steps) > MAX_STEPS:
        raise _Rejected(f"path has {len(steps):,} steps; at most {MAX_STEPS:,} are taken")
    path = []
    for number, step in enumerate(steps, 1):
        if not (isinstance(step, list) and len(step) == 2):
            raise _Rejected(f"path step {number} {_shown(step)} is not [node, choice index]")
        node = _slug(step[0], "node", f"a node id in path step {number}")
        index = step[1]
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < MAX_INDEX:
            raise _Rejected(f"path step {number}: choice index {_shown(index)} is not a whole "
                            f"number from 0 to {MAX_INDEX - 1:,}")
        path.append((node, index))
    return tuple(path)


def _record(row: object) -> PlayRecord:
    """A play from an export, every field checked; `_Rejected` names the first bad one."""
    if not isinstance(row, dict):
        raise _Rejected(f"{_shown(row)} is not an object with a play's fields")
    scenario_id = _slug(row.get("scenario_id"), "scenario_id", "a scenario id")
    content = row.get("content_hash")
    if not isinstance(content, str) or not _HEX.fullmatch(content):
        raise _Rejected(f"content_hash {_shown(content)} is not a hex digest")
    mode = row.get("mode")
    if not isinstance(mode, str) or mode not in MODES:
        raise _Rejected(f"mode {_shown(mode)} is not {' or '.join(MODES)}")
    kind = row.get("kind") or ATTEMPT  # none in an export from before kinds: an attempt
    if not isinstance(kind, str) or kind not in KINDS:
        raise _Rejected(f"kind {_shown(kind)} is not one of {', '.join(KINDS)}")
    path = _path(row)
    return PlayRecord(scenario_id, content, mode, path, _whole(row, "score"),
                      _whole(row, "best"), _seconds(row, "duration"),
                      _moment(row, "finished_at"), kind, **_presentation(row, len(path)))


def _presentation(row: dict[str, Any], steps: int) -> dict[str, Any]:
    """The seed, time limit and time-outs of a play (none, or empty CSV cells, in an export
    from before them: file order, untimed)."""
    found: dict[str, Any] = {}
    for name in ("seed", "time_limit", "timed_out"):
        value = row.get(name)
        if isinstance(value, str):  # a CSV cell: a number, or JSON for the list
            try:
                value = json.loads(value) if value.strip() else None
            except (ValueError, RecursionError):
                raise _Rejected(f"{name} {_shown(row.get(name))} is not readable") from None
        try:
            found[name] = (presentation.timed_out(value, steps) if name == "timed_out"
                           else getattr(presentation, name)(value))
        except ValueError as error:
            raise _Rejected(f"{error}, not {_shown(row.get(name))}") from None
    return found


@dataclass(frozen=True)
class ReviewEntry:
    """A review card from an export, checked: the card's own due date is the one stored."""

    scenario_id: str
    node: str
    card: Card

    @property
    def last_review(self) -> dt.datetime:
        return self.card.last_review or dt.datetime.min.replace(tzinfo=dt.UTC)


def _review(entry: object) -> ReviewEntry:
    if not isinstance(entry, dict):
        raise _Rejected(f"{_shown(entry)} is not an object with a review card's fields")
    scenario_id = _slug(entry.get("scenario_id"), "scenario_id", "a scenario id")
    node = _slug(entry.get("node"), "node", "a node id")
    _moment(entry, "due")
    card = load_card(entry.get("card")) if isinstance(entry.get("card"), dict) else None
    if card is None:
        raise _Rejected(f"card {_shown(entry.get('card'))} is not an FSRS card the scheduler "
                        "accepts")
    return ReviewEntry(scenario_id, node, card)


ReviewAnswer = tuple[str, str, str, int]
"""(scenario id, node, answered at, FSRS rating): one answer given in a review session, as
`ProgressStore.review_answers` reads it and an export writes it."""


def _answer(entry: object) -> ReviewAnswer:
    """A review answer from an export; its time is normalised like a play's, so the table's
    key (scenario, node, time) keeps an answer imported twice once."""
    from fsrs import Rating

    if not isinstance(entry, dict):
        raise _Rejected(f"{_shown(entry)} is not an object with a review answer's fields")
    scenario_id = _slug(entry.get("scenario_id"), "scenario_id", "a scenario id")
    node = _slug(entry.get("node"), "node", "a node id")
    answered_at = _moment(entry, "answered_at")
    rating = entry.get("rating")
    if isinstance(rating, bool) or not isinstance(rating, int) or rating not in set(Rating):
        raise _Rejected(f"rating {_shown(rating)} is not an FSRS rating: "
                        + ", ".join(f"{int(r)} ({r.name})" for r in Rating))
    return scenario_id, node, answered_at, rating
