"""What the stats screen shows, summed up from a `Session` off the event loop."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..format.syllabus import bundled as bundled_syllabus
from ..progress.review_schedule import answer_verdict
from ..progress.stats import (
    best_attempts,
    mastery_by_domain,
    mastery_by_service,
    mistake_scenarios,
    mistakes,
    summaries,
)
from .progress_report import ReviewStatus

if TYPE_CHECKING:
    from ..format.model import Misconception
    from ..progress.stats import Mastery, ScenarioSummary
    from .session import Session


@dataclass(frozen=True)
class ReviewAnswers:
    """The answers given in review sessions. Only a review's answer counts: an attempt's
    decisions reschedule their cards too, but are the attempt's (scored there); a review is
    never an attempt, and scores nothing."""

    answered: int = 0
    right: int = 0
    """Answered with the best option there."""
    partly: int = 0
    """Answered partly right (it scored, not the most: rescheduled as Hard), counted apart
    as the review's summary counts it; neither right nor wrong."""

    @property
    def wrong(self) -> int:
        return self.answered - self.right - self.partly


def review_answers(session: Session) -> ReviewAnswers:
    """What the learner's review sessions come to, from the answers the store keeps."""
    verdicts = [answer_verdict(rating) for _, _, _, rating in session.store.review_answers()]
    return ReviewAnswers(len(verdicts), verdicts.count("right"), verdicts.count("partly right"))


@dataclass(frozen=True)
class Statistics:
    """Everything the stats screen shows, computed off the event loop."""

    history: tuple[tuple[str, ScenarioSummary], ...] = ()
    """(title, summary) per played scenario still in the library, in catalogue order."""
    services: tuple[Mastery, ...] = ()
    """Mastery of each service (by name) in a decision of a best attempt."""
    domains: tuple[Mastery, ...] = ()
    """Mastery of every exam domain in the library (not started: percent None)."""
    mistakes: tuple[tuple[str, int, tuple[str, ...]], ...] = ()
    """(misconception tag, how often, titles of the scenarios it showed in), most often first."""
    beliefs: dict[str, Misconception] = field(default_factory=dict)
    """What the tags in `mistakes` mean, for those a misconceptions file defines."""
    reviews: ReviewStatus = field(default_factory=ReviewStatus)
    """The cards due now, and when the next one falls due."""
    answers: ReviewAnswers = field(default_factory=ReviewAnswers)


def statistics(session: Session) -> Statistics:
    """Score history, mastery by service and domain, and the most frequent mistakes in
    `session`'s store, over the scenarios still in its library; and the reviews."""
    records = session.store.plays()
    if not records:
        return Statistics(reviews=session.reviews(), answers=review_answers(session))
    if not session.entries:
        session.scan()
    titles = {e.id: e.title for e in session.entries if e.playable}
    scenarios = session.loaded(titles)
    summary = summaries(records, scenarios)
    names = {key: card.name for key, card in session.glossary.items()}
    best = best_attempts(records, scenarios)
    services = sorted((replace(m, name=names.get(m.name, m.name))
                       for m in mastery_by_service(best, scenarios, names)),
                      key=lambda m: m.name)
    seen_in = mistake_scenarios(records, scenarios)
    made = mistakes(records, scenarios)
    return Statistics(
        history=tuple((titles[i], summary[i]) for i in titles if i in summary),
        services=tuple(services),
        domains=tuple(mastery_by_domain(best, scenarios, bundled_syllabus()[0])),
        mistakes=tuple((tag, count, tuple(titles[i] for i in seen_in.get(tag, ())))
                       for tag, count in made),
        beliefs={tag: session.misconceptions[tag] for tag, _ in made
                 if tag in session.misconceptions},
        reviews=session.reviews(),
        answers=review_answers(session),
    )
