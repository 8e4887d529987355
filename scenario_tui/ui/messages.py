"""What screens ask the app for: each screen posts one of these and the app navigates.

Attributes go down (a screen gets its session, scenario and play through its constructor),
messages come up: no screen calls the app or imports it. The app handles each message with
`@on`, so a screen can be mounted in a bare test app and its messages collected with
`run_test(message_hook=...)`. They set their attributes in plain `__init__`s: as dataclasses,
the nine with fields took about 6 ms of every start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from ..analysis.scoring import Analysis
    from ..format.model import Choice, Scenario
    from ..play.engine import Play
    from ..play.learners import Learner
    from ..play.review_run import ReviewRun
    from ..progress.class_config import ClassLink


class OpenScenario(Message):
    """Load the scenario with this id and play it from the start."""

    def __init__(self, scenario_id: str, mode: str | None = None) -> None:
        super().__init__()
        self.scenario_id = scenario_id
        self.mode = mode
        """Practice or exam; None keeps the mode the catalogue last chose."""


class OpenNext(Message):
    """Play the scenario after this one in catalogue order."""

    def __init__(self, scenario_id: str) -> None:
        super().__init__()
        self.scenario_id = scenario_id


class ModeChosen(Message):
    """The learner switched the mode new play-throughs start in."""

    def __init__(self, mode: str) -> None:
        super().__init__()
        self.mode = mode


class ShowPlay(Message):
    """Show this play-through (a retry, a replay from a decision, a "what if")."""

    def __init__(self, scenario: Scenario, play: Play, feedback: Choice | None = None) -> None:
        super().__init__()
        self.scenario = scenario
        self.play = play
        self.feedback = feedback
        """The choice just made, when practice mode should show its explanation first."""


class BackToDebrief(Message):
    """Leave a replay or a "what if" for the debrief it was opened from (the catalogue when
    there is none)."""


class PlayFinished(Message):
    """A play-through reached an ending: record it and show the debrief."""

    def __init__(self, scenario: Scenario, play: Play, analysis: Analysis,
                 duration: float) -> None:
        super().__init__()
        self.scenario = scenario
        self.play = play
        self.analysis = analysis
        self.duration = duration
        """Seconds from the screen's start to the last choice."""


class ReviewAnswered(Message):
    """The learner answered a due decision: reschedule its card."""

    def __init__(self, scenario: Scenario, choice: Choice) -> None:
        super().__init__()
        self.scenario = scenario
        self.choice = choice


class ReviewContinue(Message):
    """Go on to the run's next due decision, or finish the review after the last."""

    def __init__(self, run: ReviewRun) -> None:
        super().__init__()
        self.run = run


class ReviewEnded(Message):
    """The learner ended the review early (Esc): sum it up if anything was answered."""

    def __init__(self, run: ReviewRun) -> None:
        super().__init__()
        self.run = run


class BackToCatalogue(Message):
    """Leave whatever is on screen for the catalogue."""


class CatalogueShown(Message):
    """The catalogue has its entries on screen and takes keys (start-up is over)."""


class LearnerChosen(Message):
    """The served app's learner said who they are: open the catalogue on their progress."""

    def __init__(self, learner: Learner, link: ClassLink | None = None) -> None:
        super().__init__()
        self.learner = learner
        self.link = link
        """The class they joined with a code, if they gave one."""
