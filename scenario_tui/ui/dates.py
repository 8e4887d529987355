"""Stored times as the learner reads them: a calendar day in their own time zone.

The store keeps ISO timestamps in UTC; a learner in another zone would otherwise see a play
made at 23:00 listed under the next day.
"""

from __future__ import annotations

import datetime as dt

from ..format.text_safety import one_line


def local_day(iso: str) -> str:
    """`2026-11-26`: the day of an ISO timestamp in the local time zone (UTC if it has none).

    A stored value that is no timestamp (an old import let any text in) shows neutralised,
    like scenario text: an escape sequence in it must never reach the terminal."""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return one_line(str(iso)[:10])
    try:
        moment = moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
        return moment.astimezone().date().isoformat()
    except (OverflowError, ValueError):  # year 1 or 9999 shifted out of range
        return moment.date().isoformat()
