"""The order a learner sees a decision's choices in: shuffled per play, the same on every look.

Authors write choices in any order (CONTENT.md: "order does not matter to you"), and a learner
must not be able to score by position. Each play carries a seed; the order at a node is drawn
from the seed, the scenario id and the node id, so a retry, a replay, a "what if" and a review
of that play show the same order as the play itself, and two nodes of one play are shuffled
independently. Plays still record each choice by its index in the file, so stored progress
stays valid when an author reorders choices. Seed `None` keeps the file's order (authors,
`--in-order`).
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from ..progress.presentation import SEED_LIMIT

if TYPE_CHECKING:
    from ..format.model import Choice


def new_seed() -> int:
    """A fresh seed for a new play."""
    import secrets  # with hashlib and hmac, ~2 ms the catalogue's first frame does not need

    return secrets.randbelow(SEED_LIMIT)


def in_order() -> None:
    """The seed source for `--in-order` (authors): every play keeps the file's order."""
    return None


def shown(choices: tuple[Choice, ...], seed: int | None, scenario_id: str,
          node: str) -> tuple[Choice, ...]:
    """`choices` (in file order) in the order the learner sees them."""
    if seed is None or len(choices) < 2:
        return choices
    order = list(choices)
    random.Random(f"{seed}:{scenario_id}:{node}").shuffle(order)
    return tuple(order)
