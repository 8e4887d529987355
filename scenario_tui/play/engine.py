"""Play state: an immutable value that screens hold and replace whole.

A play-through is the scenario id, the mode and the choices made so far. Every operation
returns a new `Play`; nothing here knows about the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..analysis.scoring import (
    Analysis,
    analyse,
    grade,
    path_score,
    pillar_most,
    pillar_totals,
    share,
)
from ..format.model import Choice, Scenario
from ..progress import presentation
from ..progress.kinds import ATTEMPT, KINDS, REPLAY, REVIEW, WHAT_IF
from .choice_order import shown
from .modes import EXAM, PRACTICE


class PlayError(ValueError):
    """An impossible move, such as choosing at an ending."""


@dataclass(frozen=True)
class Play:
    """One play-through: where it started, the choices taken from there, and what kind of
    run it is (`progress.kinds`: only attempts count towards scores)."""

    scenario_id: str
    mode: str = PRACTICE
    origin: str = ""
    choices: tuple[Choice, ...] = field(default=())
    kind: str = ATTEMPT
    kept: int = 0
    """How many of `choices` were carried over from an earlier run (a replay or a what-if):
    the learner did not make them again, so they are not rated again."""
    seed: int | None = None
    """Shuffles the choices the learner sees (`choice_order`); None shows the file's order.
    Every run made from this one (retry, replay, what-if) keeps it."""
    time_limit: int | None = None
    """Seconds allowed per decision in a timed exam; None: no countdown."""
    timed_out: tuple[int, ...] = ()
    """The positions in `choices` (0-based) of the decisions the learner let time run out on:
    no answer, so the play went on as if the worst choice there had been taken."""

    def node(self, scenario: Scenario) -> str:
        """The node the learner is at now."""
        return self.choices[-1].target if self.choices else (self.origin or scenario.start)

    def finished(self, scenario: Scenario) -> bool:
        return scenario.is_ending(self.node(scenario))

    def options(self, scenario: Scenario) -> tuple[Choice, ...]:
        """The current node's choices in the order the learner sees them (numbered 1..n)."""
        node = self.node(scenario)
        return shown(scenario.choices(node), self.seed, scenario.id, node)

    def choose(self, scenario: Scenario, index: int) -> Play:
        """Take the choice with file index `index` (0-based) at the current node."""
        options = scenario.choices(self.node(scenario))
        if not 0 <= index < len(options):
            raise PlayError(f"no choice {index + 1} here")
        return replace(self, choices=(*self.choices, options[index]))

    def choose_shown(self, scenario: Scenario, position: int) -> Play:
        """Take the choice the learner sees at 0-based `position` (the key `position + 1`)."""
        options = self.options(scenario)
        if not 0 <= position < len(options):
            raise PlayError(f"no choice {position + 1} here")
        return self.choose(scenario, options[position].index)

    def time_out(self, scenario: Scenario, analysis: Analysis | None = None) -> Play:
        """Time ran out at the current decision: no answer. It scores as the worst choice
        there (the one leading to the lowest score; a time-out is never better than an
        answer) and the play goes on down that branch, marked as timed out."""
        node = self.node(scenario)
        if scenario.is_ending(node):
            raise PlayError("no decision to time out on")
        worst = (analysis or analyse(scenario)).worst_choice[node]
        return replace(self.choose(scenario, worst.index),
                       timed_out=(*self.timed_out, len(self.choices)))

    def decision_number(self, position: int) -> int | None:
        """The number the learner reads for the decision at 0-based `position` (of `choices`,
        or `len(choices)` for the one on screen): its place on this run's path, as the play's
        `Decision 2` and the debrief's step table (`Step.number`) give it. None in a review: it
        takes one decision out of the attempt that numbered it by that attempt's path, and the
        review already numbers its decisions by the session (`Review 1 of 2`), so a number here
        would be a second, different one for the same decision."""
        return None if self.kind == REVIEW else position + 1

    def was_timed_out(self, position: int) -> bool:
        """Whether the decision at 0-based `position` of `choices` timed out."""
        return position in self.timed_out

    def undo(self) -> Play:
        """Take back the last choice (practice mode offers this)."""
        if not self.choices:
            raise PlayError("nothing to undo")
        return replace(self, choices=self.choices[:-1],
                       kept=min(self.kept, len(self.choices) - 1),
                       timed_out=_before(self.timed_out, len(self.choices) - 1))

    def rewind(self, steps: int) -> Play:
        """Keep only the first `steps` choices: replay from that decision. An attempt
        rewound becomes a replay, even to its first decision: the learner asked to replay,
        having read the debrief (a retry, counted, is `start` again); a what-if or review
        stays what it was."""
        steps = max(0, min(steps, len(self.choices)))
        kind = REPLAY if self.kind == ATTEMPT else self.kind
        return replace(self, choices=self.choices[:steps], kind=kind, kept=steps,
                       timed_out=_before(self.timed_out, steps))

    @property
    def score(self) -> int:
        return path_score(self.choices)


def _before(positions: tuple[int, ...], end: int) -> tuple[int, ...]:
    return tuple(p for p in positions if p < end)


def start(scenario: Scenario, mode: str = PRACTICE, origin: str = "",
          kind: str = ATTEMPT, *, seed: int | None = None,
          time_limit: int | None = None) -> Play:
    """A new play; `seed` shuffles the choices (None: file order), `time_limit` times each
    decision of an exam (seconds; None: untimed)."""
    if mode not in (PRACTICE, EXAM):
        raise PlayError(f"unknown mode {mode!r}")
    if kind not in KINDS:
        raise PlayError(f"unknown kind of run {kind!r}")
    try:
        presentation.seed(seed)
        presentation.time_limit(time_limit)
    except ValueError as error:
        raise PlayError(str(error)) from None
    return Play(scenario.id, mode, origin, kind=kind, seed=seed, time_limit=time_limit)


def what_if(scenario: Scenario, play: Play, choice: Choice) -> Play:
    """`play` as if `choice` had been taken where it is offered.

    If the path reached that situation, the choices before it are kept and the new choice
    replaces the one made there; otherwise the play starts at that situation. Either way
    the result has just taken `choice`, in the same mode as `play`. It is a what-if run, not
    an attempt: it does not count towards the learner's scores.
    """
    earlier = next((i for i, c in enumerate(play.choices) if c.source == choice.source), None)
    if earlier is not None:
        base = replace(play.rewind(earlier), kind=WHAT_IF)
    else:
        base = start(scenario, play.mode, origin=choice.source, kind=WHAT_IF,
                     seed=play.seed, time_limit=play.time_limit)
    return base.choose(scenario, choice.index)


@dataclass(frozen=True)
class Step:
    """One decision in a debrief: what was chosen against what was best there."""

    number: int
    """Its place on the path (`Play.decision_number`; 0 only for a review's play, which has
    no debrief)."""
    node: str
    chosen: Choice
    best: Choice
    regret: int
    verdict: str
    timed_out: bool = False
    """No answer was given in time: `chosen` is the worst choice the play went on with."""


@dataclass(frozen=True)
class Debrief:
    """Everything the debrief screen shows, computed from a finished play."""

    scenario: Scenario
    play: Play
    analysis: Analysis
    steps: tuple[Step, ...]
    score: int
    best: int
    worst: int
    percent: int
    """Score as a share of the best, negative when the total is (`scoring.share`)."""
    grade: str
    pillars: dict[str, int]
    best_pillars: dict[str, int]
    ending: str
    outcome: str | None
    pillar_most: dict[str, int]
    """The most each pillar can total on any path from where the play started
    (`scoring.pillar_most`): the pillar bars' 100 %."""

    @property
    def best_path(self) -> list[Choice]:
        return self.analysis.best_path(self.play.origin or None)

    def pillar_shares(self) -> dict[str, tuple[int, int] | None]:
        """Per pillar, the play's and the best path's totals as whole percentages of the
        most the pillar can gain from where the play started (`scoring.share`: negative for
        a loss); None where no path gains anything in it (no scale to measure against)."""
        return {pillar: None if most <= 0 else (share(self.pillars[pillar], most),
                                                share(self.best_pillars[pillar], most))
                for pillar, most in self.pillar_most.items()}

    def pillar_losses(self) -> dict[str, int]:
        """Where no path gains anything: the points the play lost that some path keeps."""
        return {pillar: most - self.pillars[pillar] for pillar, most in self.pillar_most.items()
                if most <= 0 and self.pillars[pillar] < most}


def debrief(scenario: Scenario, play: Play, analysis: Analysis | None = None) -> Debrief:
    """Score a play against the best available from where it started."""
    analysis = analysis or analyse(scenario)
    origin = play.origin or scenario.start
    steps = tuple(
        Step(play.decision_number(position) or 0, choice.source, choice,
             analysis.best_choice[choice.source], analysis.regret(choice),
             analysis.verdict(choice), play.was_timed_out(position))
        for position, choice in enumerate(play.choices)
    )
    best, worst = analysis.best[origin], analysis.worst[origin]
    ending = play.node(scenario)
    return Debrief(
        scenario=scenario, play=play, analysis=analysis, steps=steps, score=play.score,
        best=best, worst=worst, percent=share(play.score, best),
        grade=grade(play.score, best), pillars=pillar_totals(play.choices),
        best_pillars=pillar_totals(analysis.best_path(origin)), ending=ending,
        outcome=scenario.node(ending).end, pillar_most=pillar_most(scenario, origin),
    )
