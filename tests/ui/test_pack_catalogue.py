"""An installed pack's scenarios in the catalogue: each row and the preview name the pack, and
the filter finds them by it. Snapshots at 80x24 and 120x40; update only after reading the
report."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from scenario_tui.analysis.scoring import analyse
from scenario_tui.authoring.pack_install import add
from scenario_tui.cli import main
from scenario_tui.play.modes import PRACTICE
from scenario_tui.ui.widgets.scenario_list import ScenarioList

from .steady import SteadyApp
from .test_playthrough import play_path, plays_of
from .test_snapshots import SIZES, settle

PACK = Path(__file__).resolve().parent.parent / "fixtures" / "pack"
SCENARIO = "pack-queue-basics"


@pytest.fixture
def pack_app(make_app, data_dir: Path):
    """The fixture scenarios plus the fixture pack, installed as `queue-extras`."""
    assert add(str(PACK), data_dir, name="queue-extras").pack is not None
    return make_app()


async def highlight_the_pack(pilot: Pilot) -> None:
    await settle(pilot)
    listing = pilot.app.screen.query_one("#scenarios", ScenarioList)
    for _ in range(len(listing.matching)):
        if listing.current is not None and listing.current.id == SCENARIO:
            break
        await pilot.press("down")
    await settle(pilot)


async def test_rows_and_preview_name_the_pack(pack_app) -> None:
    async with pack_app.run_test(size=(120, 40)) as pilot:
        await highlight_the_pack(pilot)
        listing = pilot.app.screen.query_one("#scenarios", ScenarioList)
        assert listing.current is not None and listing.current.id == SCENARIO
        row = listing.get_option_at_index(listing.highlighted or 0).prompt
        assert "pack\u00a0queue-extras" in str(row)
        others = [listing.get_option_at_index(i).prompt for i in range(listing.option_count)]
        assert sum("pack\u00a0queue-extras" in str(prompt) for prompt in others) == 1
        preview = str(pilot.app.screen.query_one("#preview", Static).render())
        assert "· new · pack\u00a0queue-extras\n" in preview


async def test_the_filter_finds_a_pack_by_name(pack_app) -> None:
    async with pack_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*"extras")
        await settle(pilot)
        listing = pilot.app.screen.query_one("#scenarios", ScenarioList)
        assert [entry.id for entry in listing.matching] == [SCENARIO]


@pytest.mark.parametrize("size", SIZES)
def test_catalogue_with_a_pack(snap_compare, pack_app, size) -> None:
    assert snap_compare(pack_app, terminal_size=size, run_before=highlight_the_pack)


async def test_round_trip_git_tag_play_remove(make_session, data_dir: Path,
                                              tmp_path: Path) -> None:
    """Add the pack from a local git repository at a tag, play it to the end in the app (the
    play is saved), remove it: the library no longer has it."""
    repo = tmp_path / "queue-pack"
    shutil.copytree(PACK, repo)
    for step in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-q", "-m", "one"],
                 ["tag", "v1"]):
        subprocess.run(["git", "-C", str(repo), "-c", "user.name=A", "-c",
                        "user.email=a@example.com", *step], check=True, capture_output=True)
    assert main(["pack", "add", f"file://{repo}@v1"]) == 0
    session = make_session()
    scenario = session.scenario(SCENARIO)
    app = SteadyApp(session, start_id=SCENARIO)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await play_path(pilot, analyse(scenario).best_path(), PRACTICE)
        assert [r.score for r in plays_of(app, SCENARIO)] == [2]
    assert main(["pack", "remove", "queue-pack"]) == 0
    after = make_session()
    assert SCENARIO not in {entry.id for entry in after.scan()} and not after.packs
