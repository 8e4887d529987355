"""The chaos round: each of the scenario's faults applied to the learner's system and to the
best path's, side by side, with the deciding fact and its source.

The outcomes come from the core (`play.chaos.chaos`); this only lays them out. An outcome is a
symbol and a word (`✗ fails`), coloured from the theme as well, never colour alone. The why is
scenario Markdown (`inline`); the source opens through the app's checked `open_url`, and its
address, where a side is too narrow for it, breaks between its segments (`WordWrapped`). A side
whose path never reached the decisions that decide a fault says so instead of an outcome and a
why that would judge those decisions. In exam mode the round waits behind a button (the
debrief's `c`), so the results come when asked for.
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
from .word_wrap import WordWrapped

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


NOT_REACHED = "– not reached"
"""A side whose path made none of the decisions that decide the fault."""
YOURS_NOT_REACHED = "Your path did not reach the decisions this fault tests."
BEST_NOT_REACHED = ("The best path from where your run began does not reach the decisions "
                    "this fault tests.")


def side(label: str, outcome: Outcome, reached: bool = True, *, best: bool = False) -> Content:
    """One side of a fault's row: whose system, the outcome, why, and the source; or, for a
    side that never reached the fault's decisions, only that (nothing of what it did not
    build)."""
    if not reached:
        why = BEST_NOT_REACHED if best else YOURS_NOT_REACHED
        return Content.assemble((f"{label}  ", "bold"), (NOT_REACHED, "bold $text-muted"),
                                "\n", (why, "$text-muted"))
    return Content.assemble((f"{label}  ", "bold"), outcome_word(outcome), "\n",
                            inline(outcome.why).rstrip(), "\n", source_link(outcome.source))


def fault_title(result: FaultResult) -> Content:
    fault = result.fault
    parts: list[str | Content | tuple[str, str]] = [inline_line(fault.title).stylize("bold")]
    if fault.text:
        parts += ["  ", inline_line(fault.text).stylize("dim")]
    return Content.assemble(*parts)


def faults(count: int) -> str:
    return f"{count} fault" + ("" if count == 1 else "s")


def summary_line(results: Sequence[FaultResult]) -> Content:
    """`Your system survives 1 of 4 faults; the best one survives 3.`; when a path did not
    reach every fault, `Your path reached 2 of 4 faults and your system survives 1 of them;
    the best one survives 4 of 4.` (each counts only the faults its path reached)."""
    total = len(results)
    reached = sum(r.reached for r in results)
    best_reached = sum(r.best_reached for r in results)
    yours = sum(r.reached and r.yours.result == SURVIVES for r in results)
    best = sum(r.best_reached and r.best.result == SURVIVES for r in results)
    if reached == best_reached == total:
        return Content(f"Your system survives {yours} of {faults(total)}; the best one "
                       f"survives {best}.")
    mine = (f"Your path reached none of the {faults(total)}" if not reached else
            f"Your path reached {reached} of {faults(total)} and your system survives "
            f"{yours} of them")
    theirs = (f"{best} of {total}" if best_reached == total else
              f"{best} of the {best_reached} it reached")
    return Content(f"{mine}; the best one survives {theirs}.")


def stacked(results: Sequence[FaultResult]) -> Content:
    """The whole round in one column (a narrow panel: the author preview)."""
    parts: list[Content] = [summary_line(results)]
    for result in results:
        parts += [Content(""), fault_title(result), side("yours", result.yours, result.reached),
                  side("best ", result.best, result.best_reached, best=True)]
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
                WordWrapped(side("Yours", result.yours, result.reached),
                            classes="chaos-side -yours"),
                WordWrapped(side("Best ", result.best, result.best_reached, best=True),
                            classes="chaos-side -best"),
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
