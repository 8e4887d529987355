"""Stored times as the learner reads them: a calendar day in their own time zone.

The store keeps ISO timestamps in UTC; a learner in another zone would otherwise see a play
made at 23:00 listed under the next day.
"""

from __future__ import annotations

import datetime as dt


def local_day(iso: str) -> str:
    """`2026-11-26`: the day of an ISO timestamp in the local time zone (UTC if it has none)."""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso[:10]
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().date().isoformat()
