"""What kind of run a finished play was: only attempts count towards the learner's scores.

A learner who replays from a decision, asks "what if" in the debrief's tree, or reviews a due
decision is exploring, not sitting the scenario again. Those runs are kept (and exported) for
what they are, but best and latest scores, attempt counts, repeated mistakes and review
cards come from attempts alone (and a review's own answer, `RATED`). A retry from the start is
an attempt. Plays stored or exported before kinds existed are attempts.
"""

from __future__ import annotations

ATTEMPT = "attempt"
"""A run from the scenario's start with no earlier choices carried over."""
REPLAY = "replay"
"""A run that kept the choices before some decision of an earlier run."""
WHAT_IF = "what-if"
"""A run that took another choice at a decision of an earlier run ("what if")."""
REVIEW = "review"
"""A due decision tried again in a review session."""
KINDS = (ATTEMPT, REPLAY, WHAT_IF, REVIEW)
"""Every kind, in the order the stats screen names them."""
EXPLORING = {REPLAY: ("replay", "replays"), WHAT_IF: ("what-if", "what-ifs"),
             REVIEW: ("review", "reviews")}
"""The runs that are not attempts, singular and plural, as the learner reads them."""
RATED = frozenset({ATTEMPT, REVIEW})
"""The runs whose answers are rated for review (a mistake creates or lapses its decision's card,
a right answer strengthens it): an attempt's decisions, when it is recorded, and a review's
answer, as it is given. A replay or a what-if follows a debrief that showed the answers, so its
choices say nothing of what the learner recalls: they leave the cards alone."""
