"""Steps the Pilot tests share: wait on the app's state (never on time), search the palette."""

from __future__ import annotations

from textual.pilot import Pilot

from scenario_tui.ui.widgets.decision_box import DecisionBox

UNENDING_GROUPS = frozenset({"watch"})
"""Worker groups that run until the app exits (the author preview's file watcher): never
waited for."""


async def settle(pilot: Pilot) -> None:
    """Wait until workers are done and the screen has refreshed, twice: a worker's result
    can start another (the catalogue, then its progress)."""
    for _ in range(2):
        ending = [w for w in pilot.app.workers if w.group not in UNENDING_GROUPS]
        if ending:  # (an empty list would mean every worker to `wait_for_complete`)
            await pilot.app.workers.wait_for_complete(ending)
        await pilot.pause()


async def palette_search(pilot: Pilot, query: str) -> None:
    """Open the command palette, type `query` and wait for its search to finish."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    await settle(pilot)


async def exam_to_the_debrief(pilot: Pilot, *then: str) -> None:
    """cache-the-catalogue in exam mode: Multi-AZ (wrong), the cache, lazy loading, to its
    debrief; then the keys `then`, each step waited on."""
    await settle(pilot)
    await pilot.press("2", "1", "1")
    await settle(pilot)
    if then:
        await pilot.press(*then)
        await settle(pilot)


async def open_review(pilot: Pilot) -> None:
    """From the catalogue, once it has settled: Ctrl+R, and wait for the review to show."""
    await settle(pilot)
    await pilot.press("ctrl+r")
    await settle(pilot)


async def click_option(pilot: Pilot, index: int) -> None:
    """Click the choice shown at `index` (0-based) in the decision box on screen."""
    box = pilot.app.screen.query_one(DecisionBox)
    at = box.option_offset(index)
    assert at is not None, f"choice {index} is not in the box"
    await pilot.click(box, offset=(at.x + 2, at.y))


async def click_action(pilot: Pilot, name: str) -> None:
    """Click the feedback's action `name` ("continue", "undo", "all-options")."""
    box = pilot.app.screen.query_one(DecisionBox)
    at = box.action_offset(name)
    assert at is not None, f"the box shows no {name}"
    await pilot.click(box, offset=(at.x + 1, at.y))
