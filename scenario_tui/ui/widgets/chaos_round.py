"""The chaos round: each of the scenario's faults applied to the learner's system and to the
best path's, side by side, with the deciding fact and its source.

The outcomes come from the core (`play.chaos.chaos`); this only lays them out. An outcome is a
symbol and a word (`✗ fails`), coloured from the theme as well, never colour alone. The why is
scenario Markdown (`inline`); the source opens through the app's checked `open_url`. In exam
mode the round waits behind a button (the debrief's `c`), so the results come when asked for.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Static

from ...analysis.resilience import FaultResult
from ...format.architecture import DEGRADES, SURVIVES, Outcome
from ...format.model import Scenario
from ...format.text_safety import one_line
from ...play.chaos import chaos
from ...play.engine import Play
from .inline_text import inline, inline_line, link_style

SOURCE_WIDTH = 48
"""How much of a source's address shows (all of it opens)."""


def result_style(result: str) -> str:
    """A theme colour for an outcome; the symbol and the word carry the meaning too."""
    return {SURVIVES: "bold $success", DEGRADES: "bold $warning"}.get(result, "bold $error")


def outcome_word(outcome: Outcome) -> Content:
    """`✗ fails`, styled."""
    return Content.styled(f"{outcome.symbol} {outcome.result}", result_style(outcome.result))


def short_address(url: str) -> str:
    """`docs.aws.amazon.com/…/Concepts.MultiAZ.html`: the host and the page, on one line."""
    host, _, path = url.removeprefix("https://").partition("/")
    page = path.rstrip("/").rpartition("/")[2]
    shown = f"{host}/…/{page}" if "/" in path.rstrip("/") else f"{host}/{path}"
    return one_line(shown, SOURCE_WIDTH)


def source_link(url: str) -> Content:
    """The source's address, shortened, underlined, opening through the app's check."""
    shown = short_address(url)
    return Content.assemble(("source ", "dim"), Content.styled(shown, link_style(url)))


def side(label: str, outcome: Outcome) -> Content:
    """One side of a fault's row: whose system, the outcome, why, and the source."""
    return Content.assemble((f"{label}  ", "bold"), outcome_word(outcome), "\n",
                            inline(outcome.why).rstrip(), "\n", source_link(outcome.source))


def fault_title(result: FaultResult) -> Content:
    fault = result.fault
    parts: list[str | Content | tuple[str, str]] = [inline_line(fault.title).stylize("bold")]
    if fault.text:
        parts += ["  ", inline_line(fault.text).stylize("dim")]
    return Content.assemble(*parts)


def summary_line(results: Sequence[FaultResult]) -> Content:
    """`Your system survives 1 of 4 faults; the best one survives 3.`"""
    yours = sum(r.yours.result == SURVIVES for r in results)
    best = sum(r.best.result == SURVIVES for r in results)
    return Content(f"Your system survives {yours} of {len(results)} faults; the best one "
                   f"survives {best}.")


def stacked(results: Sequence[FaultResult]) -> Content:
    """The whole round in one column (a narrow panel: the author preview)."""
    parts: list[Content] = [summary_line(results)]
    for result in results:
        parts += [Content(""), fault_title(result), side("yours", result.yours),
                  side("best ", result.best)]
    return Content("\n").join(parts)


class ChaosRound(Vertical):
    """The debrief's chaos round: every fault, yours beside the best. With `offered`, it shows
    a button first and runs when pressed (or when the screen calls `run`)."""

    DEFAULT_CSS = """
    ChaosRound {
        height: auto;
    }
    ChaosRound .chaos-fault {
        margin-top: 1;
    }
    ChaosRound .chaos-sides {
        height: auto;
    }
    ChaosRound .chaos-side {
        width: 1fr;
        padding: 0 1;
        border-left: vkey $primary 50%;
    }
    ChaosRound #chaos-offer {
        margin-top: 1;
    }
    """

    def __init__(self, scenario: Scenario, play: Play, *, offered: bool = False,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.scenario = scenario
        self.play = play
        self.offered = offered
        """Waiting behind its button (exam mode) until `run`."""

    def compose(self) -> ComposeResult:
        yield Static(Content.styled("Chaos round", "bold"), classes="heading")
        if self.offered:
            yield Static(Content("Each fault applied to the system you built and to the best "
                                 "one."), classes="legend")
            yield Button("Run the chaos round (c)", id="chaos-offer", compact=True)
        else:
            yield from self.rows()

    def rows(self) -> list[Widget]:
        """The summary, then each fault's title and its two sides."""
        results = chaos(self.scenario, self.play)
        widgets: list[Widget] = [Static(summary_line(results), id="chaos-summary")]
        for number, result in enumerate(results):
            widgets.append(Static(fault_title(result), classes="chaos-fault"))
            widgets.append(Horizontal(
                Static(side("Yours", result.yours), classes="chaos-side -yours"),
                Static(side("Best ", result.best), classes="chaos-side -best"),
                classes="chaos-sides", id=f"chaos-{number}"))
        return widgets

    async def run(self) -> None:
        """Show the results in place of the offer (nothing if they show already)."""
        if not self.offered:
            return
        self.offered = False
        await self.query("#chaos-offer, .legend").remove()
        await self.mount_all(self.rows())

    @on(Button.Pressed, "#chaos-offer")
    async def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.run()
