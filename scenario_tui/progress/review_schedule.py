"""Spaced repetition of the decisions a learner got wrong, scheduled with FSRS.

We use the `fsrs` package (the scheduler behind Anki's FSRS option) rather than SM-2: it models
each card's stability and difficulty from the learner's own answers and schedules fewer, better
timed reviews for the same retention, and it is a small, pure-Python, well-kept library.

A card is one decision: (scenario id, node). Choosing with regret at a decision in an attempt
or a review creates or lapses its card; answering it right there strengthens it. Only those
runs are rated (`kinds.RATED`): a replay or a what-if leaves the cards alone. A recovery
step with two options (reached only after a mistake: "add the cache after all" or "give up")
is no card: its answer is obvious, and reviewing it teaches nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fsrs import Card

    from ..analysis.scoring import Analysis
    from ..format.model import Choice, Scenario
    from .backends import Store


@dataclass(frozen=True)
class ReviewItem:
    """A decision due for review."""

    scenario_id: str
    node: str
    due: str
    seed: int | None = None
    """The seed of the play the decision was last made in: a review shows its order."""


CARD_CHOICES = 3
"""Options a recovery step needs to be worth a card."""


def card_decisions(analysis: Analysis) -> frozenset[str]:
    """The decisions of `analysis`'s scenario that can be review cards: every decision on a
    way to the best ending (reached by right choices only), and the recovery steps off it
    with at least `CARD_CHOICES` options."""
    scenario = analysis.scenario
    on_course, todo = {scenario.start}, [scenario.start]
    while todo:
        for choice in scenario.choices(todo.pop()):
            if choice.target not in on_course and analysis.regret(choice) == 0:
                on_course.add(choice.target)
                todo.append(choice.target)
    return frozenset(node for node in scenario.graph if not scenario.is_ending(node) and (
        node in on_course or len(scenario.choices(node)) >= CARD_CHOICES))


def _scheduler() -> Any:
    from fsrs import Scheduler

    # No intra-day learning steps: a missed decision comes back tomorrow, not in a minute.
    return Scheduler(enable_fuzzing=False, learning_steps=(), relearning_steps=())


RATING_OF = {"right": "Good", "partly right": "Hard"}
"""The FSRS rating (by name) an answer with each verdict gets; any other verdict, Again."""


def _rating(analysis: Analysis, choice: Choice) -> Any:
    from fsrs import Rating

    return Rating[RATING_OF.get(analysis.verdict(choice), "Again")]


def answer_verdict(rating: int) -> str:
    """What a kept review answer was, from its rating (`_rating` the other way): "right",
    "partly right" or "wrong". Easy, which no answer is given here, counts as right."""
    from fsrs import Rating

    name = "Good" if rating >= Rating.Good else Rating(rating).name
    return next((verdict for verdict, rated in RATING_OF.items() if rated == name), "wrong")


def _utc(moment: object) -> dt.datetime:
    """An aware datetime in UTC (the scheduler refuses others); ValueError for anything else."""
    if not isinstance(moment, dt.datetime) or moment.tzinfo is None:
        raise ValueError("not an aware datetime")
    return moment.astimezone(dt.UTC)


def load_card(raw: object) -> Card | None:
    """The FSRS card stored or exported as `raw` (JSON text or a parsed object), or None when
    it is not one the scheduler can use.

    `Card.from_dict` takes whatever it is given (a step that is a string, a NaN stability, a
    naive date) and the scheduler fails later, at the next play of that decision; so the
    fields are checked here and the card is given a trial review with every rating.
    """
    from fsrs import Card, Rating, State

    try:
        data = json.loads(raw) if isinstance(raw, str | bytes) else raw
        if not isinstance(data, dict):
            return None
        # fsrs types its argument as its own TypedDict; this is stored or imported JSON,
        # which the trial reviews below vet (and any error here means "start again").
        card = Card.from_dict(data)  # type: ignore[arg-type]
        card.due = _utc(card.due)
        card.last_review = None if card.last_review is None else _utc(card.last_review)
        whole = (card.card_id, *(() if card.step is None else (card.step,)))
        if any(isinstance(n, bool) or not isinstance(n, int) or n < 0 for n in whole):
            return None
        if card.state in (State.Learning, State.Relearning) and card.step is None:
            return None
        for number in (card.stability, card.difficulty):
            if number is not None and not (math.isfinite(number) and number > 0):
                return None
        if card.last_review is not None and card.last_review > card.due:
            return None
        scheduler = _scheduler()
        for rating in (Rating.Again, Rating.Hard, Rating.Good):
            scheduler.review_card(card, rating, review_datetime=card.due)
    except Exception:  # a third-party parser fed hostile data: any failure means "not a card"
        return None
    return card


def _review(store: Store, scenario_id: str, node: str, rating: object,
            when: dt.datetime, existing: dict[tuple[str, str], str]) -> None:
    from fsrs import Card

    stable_id = zlib.crc32(f"{scenario_id}/{node}".encode())
    # A stored card that cannot be loaded (damaged, or planted by an old import) starts again.
    card = load_card(existing.get((scenario_id, node))) or Card(card_id=stable_id)
    try:
        card, _ = _scheduler().review_card(card, rating, review_datetime=when)
    except (ValueError, TypeError, ArithmeticError):  # sound, but not at this time: restart
        card, _ = _scheduler().review_card(Card(card_id=stable_id), rating,
                                           review_datetime=when)
    store.save_review_card(scenario_id, node, card.to_json(), card.due.isoformat())


def record_choices(store: Store, scenario: Scenario, choices: tuple[Choice, ...],
                   when: dt.datetime) -> None:
    """Update review cards after a play: mistakes create or lapse cards; right answers at
    decisions that already have a card strengthen them."""
    reschedule(store, scenario.id, ratings(scenario, choices), when)


def ratings(scenario: Scenario, choices: tuple[Choice, ...]) -> tuple[tuple[str, int], ...]:
    """(decision, FSRS rating) for each choice at a decision that can be a card: what it
    does to the review cards, worked out while the scenario is at hand, so a save that has to
    wait needs nothing more."""
    from ..analysis.scoring import analyse  # networkx: not needed to name a `ReviewItem`

    analysis = analyse(scenario)
    cards = card_decisions(analysis)
    return tuple((choice.source, int(_rating(analysis, choice))) for choice in choices
                 if choice.source in cards)


def reschedule(store: Store, scenario_id: str, rated: tuple[tuple[str, int], ...],
               when: dt.datetime) -> None:
    """Apply `rated` (see `ratings`) to the review cards: a mistake (anything below Good)
    creates or lapses its decision's card; a right answer strengthens the card if there is
    one."""
    from fsrs import Rating

    existing = {(s, n): card for s, n, card, _ in store.review_cards()}
    for node, rating in rated:
        if rating != Rating.Good or (scenario_id, node) in existing:
            _review(store, scenario_id, node, Rating(rating), when, existing)


def answered(store: Store, scenario_id: str, rated: tuple[tuple[str, int], ...],
             when: dt.datetime) -> bool:
    """Whether the review answer `rated` at `when` is in the store already: every card it
    rates was last reviewed then or later. A card keeps the time of its last review, so an
    answer saved once and replayed (from the journal, after a crash before the journal lost
    its line) is not counted twice; nor does an answer overtaken by a newer one undo it."""
    existing = {(s, n): card for s, n, card, _ in store.review_cards()}
    for node, _ in rated:
        card = load_card(existing.get((scenario_id, node)))
        if card is None or card.last_review is None or card.last_review < _utc(when):
            return False
    return bool(rated)


def scheduled(store: Store, scenarios: dict[str, Scenario]) -> list[ReviewItem]:
    """Every card whose decision `scenarios` still has as a card decision, soonest first, so
    "when is the next one?" never answers with a card that can no longer be reviewed. A card
    an older version made at a two-option recovery step is skipped: retired, not shown."""
    from ..analysis.scoring import analyse

    items = []
    cards: dict[str, frozenset[str]] = {}
    for scenario_id, node, _, when in store.review_cards():
        if not isinstance(when, str):  # a due date hand-edited into something else
            continue
        scenario = scenarios.get(scenario_id)
        if scenario is None:
            continue
        if scenario_id not in cards:
            cards[scenario_id] = card_decisions(analyse(scenario))
        if node in cards[scenario_id]:
            items.append(ReviewItem(scenario_id, node, when))
    return items


def as_played(store: Store, items: tuple[ReviewItem, ...]) -> tuple[ReviewItem, ...]:
    """`items`, each with the seed of the last play that made its decision, so a review
    shows the choices in the order the learner saw them then."""
    from dataclasses import replace

    seeds: dict[tuple[str, str], int | None] = {}
    for scenario_id in {item.scenario_id for item in items}:
        for record in store.plays(scenario_id):  # oldest first: the last one wins
            for node, _ in record.path:
                seeds[scenario_id, node] = record.seed
    return tuple(replace(item, seed=seeds.get((item.scenario_id, item.node)))
                 for item in items)
