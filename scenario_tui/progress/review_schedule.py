"""Spaced repetition of the decisions a learner got wrong, scheduled with FSRS.

We use the `fsrs` package (the scheduler behind Anki's FSRS option) rather than SM-2: it models
each card's stability and difficulty from the learner's own answers and schedules fewer, better
timed reviews for the same retention, and it is a small, pure-Python, well-kept library.

A card is one decision: (scenario id, node). Choosing with regret at a decision creates or
lapses its card; answering it right in a review (or a later play) strengthens it.
"""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..analysis.scoring import Analysis
    from ..format.model import Choice, Scenario
    from .store import ProgressStore


@dataclass(frozen=True)
class ReviewItem:
    """A decision due for review."""

    scenario_id: str
    node: str
    due: str


def _scheduler() -> Any:
    from fsrs import Scheduler

    # No intra-day learning steps: a missed decision comes back tomorrow, not in a minute.
    return Scheduler(enable_fuzzing=False, learning_steps=(), relearning_steps=())


def _rating(analysis: Analysis, choice: Choice) -> Any:
    from fsrs import Rating

    verdict = analysis.verdict(choice)
    return {"right": Rating.Good, "partly right": Rating.Hard}.get(verdict, Rating.Again)


def _review(store: ProgressStore, scenario_id: str, node: str, rating: object,
            when: dt.datetime, existing: dict[tuple[str, str], str]) -> None:
    from fsrs import Card

    raw = existing.get((scenario_id, node))
    stable_id = zlib.crc32(f"{scenario_id}/{node}".encode())
    card = Card.from_json(raw) if raw else Card(card_id=stable_id)
    card, _ = _scheduler().review_card(card, rating, review_datetime=when)
    store.save_review_card(scenario_id, node, card.to_json(), card.due.isoformat())


def record_choices(store: ProgressStore, scenario: Scenario, choices: tuple[Choice, ...],
                   when: dt.datetime) -> None:
    """Update review cards after a play: mistakes create or lapse cards; right answers at
    decisions that already have a card strengthen them."""
    from ..analysis.scoring import analyse  # networkx: not needed to name a `ReviewItem`

    analysis = analyse(scenario)
    existing = {(s, n): card for s, n, card, _ in store.review_cards()}
    for choice in choices:
        key = (scenario.id, choice.source)
        if analysis.regret(choice) > 0 or key in existing:
            _review(store, scenario.id, choice.source, _rating(analysis, choice), when, existing)


def scheduled(store: ProgressStore, scenarios: dict[str, Scenario]) -> list[ReviewItem]:
    """Every card whose decision `scenarios` still has, soonest first, so "when is the next
    one?" never answers with a card that can no longer be reviewed."""
    items = []
    for scenario_id, node, _, when in store.review_cards():
        scenario = scenarios.get(scenario_id)
        if scenario is None or node not in scenario.graph or scenario.is_ending(node):
            continue
        items.append(ReviewItem(scenario_id, node, when))
    return items
