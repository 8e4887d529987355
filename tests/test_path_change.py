"""The author preview's "your path changed" sentence: each edit that moves the replayed path
(a choice removed, retargeted, reordered, a situation turned into an ending), and the edits
that do not (a relabel, an unrelated change)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from scenario_tui.authoring.file_check import carry_over
from scenario_tui.authoring.path_change import PathChange, path_change
from scenario_tui.format.model import Scenario
from scenario_tui.play.engine import Play, start
from scenario_tui.play.library import check_file

AUTHOR = Path(__file__).parent / "fixtures" / "author"
WORKERS = """      - label: A Lambda function with the queue as its event source
        to: retries
        points: 2
        why: Lambda polls the queue and scales its concurrency with the backlog.
"""


@pytest.fixture
def edit(tmp_path: Path) -> Callable[[Callable[[str], str]], Scenario]:
    """Load the valid fixture, edited by the given function."""
    for name in ("preview-valid.yaml", "glossary.yaml", "misconceptions.yaml"):
        shutil.copy(AUTHOR / name, tmp_path / name)
    path = tmp_path / "preview-valid.yaml"
    original = path.read_text(encoding="utf-8")

    def load(change: Callable[[str], str]) -> Scenario:
        path.write_text(change(original), encoding="utf-8")
        scenario = check_file(path).scenario
        assert scenario is not None, "the edit must leave the file valid"
        return scenario

    return load


def said(change: PathChange | None) -> str | None:
    return change.text if change is not None else None


def played(scenario: Scenario, *indexes: int, origin: str = "") -> Play:
    play = start(scenario, origin=origin)
    for index in indexes:
        play = play.choose(scenario, index)
    return play


def change_after(edit: Callable[[Callable[[str], str]], Scenario],
                 change: Callable[[str], str], *indexes: int,
                 origin: str = "") -> PathChange | None:
    before = played(edit(lambda text: text), *indexes, origin=origin)
    scenario = edit(change)
    return path_change(before, carry_over(before, scenario), scenario)


def test_retargeted_choice_names_its_new_target(edit) -> None:
    moved = change_after(edit, lambda t: t.replace(WORKERS, WORKERS.replace(
        "to: retries", "to: calm")), 0, 0, 0)
    assert said(moved) == ("Your path changed at decision 2: 'A Lambda function with the "
                           "queue as its…' now leads to 'calm'")


def test_reordered_choices_name_the_choice_now_taken(edit) -> None:
    last = """      - label: Ask users to upload more slowly
        to: angry
        points: 0
        why: Users will not pace themselves, and the bursts are real traffic.
        misconception: users-pace-themselves
"""
    first = "    choices:\n      - label: Put an SQS"
    swapped = change_after(edit, lambda t: t.replace(last, "").replace(
        first, first.replace("      - label", last + "      - label")), 0, 1)
    assert said(swapped) == ("Your path changed at decision 1: choice 1 is now 'Ask "
                             "users to upload more slowly', which leads to 'angry' (was "
                             "'Put an SQS queue between S3 events and…')")


def test_a_removed_choice_stops_the_path(edit) -> None:
    second = """      - label: Retry them forever
        to: clogged
        points: 0
        why: A poison message retried forever keeps failing and wastes every attempt.
        misconception: retry-forever
"""
    gone = change_after(edit, lambda t: t.replace(second, ""), 0, 0, 1)
    assert said(gone) == ("Your path changed at decision 3: choice 2 'Retry them "
                          "forever' is gone, so the path stops there")


def test_a_situation_turned_ending_ends_the_path_earlier(edit) -> None:
    ended = change_after(edit, lambda t: t.replace(
        "  retries:\n    text:", "  retries:\n    end: partial\n    text:").replace(
        t[t.index("  retries:"):t.index("  angry:")].split("    choices:\n", 1)[1], ""),
        0, 0, 0)
    assert said(ended) == ("Your path changed at decision 3: 'retries' is an ending "
                           "now, so the path ends there")


def test_a_vanished_origin_restarts_from_the_beginning(edit) -> None:
    scenario = edit(lambda t: t)
    before = played(scenario, 0, origin="retries")
    renamed = edit(lambda t: t.replace("retries", "poison"))
    moved = path_change(before, carry_over(before, renamed), renamed)
    assert moved is not None and moved.decision == 1 and "'retries', where you tested from, " \
        "is gone" in moved.text


def test_edits_that_keep_the_path_say_nothing(edit) -> None:
    assert change_after(edit, lambda t: t, 0, 0, 0) is None
    assert change_after(edit, lambda t: t.replace("Retry them forever", "Retry **forever**"),
                        0, 0, 1) is None  # a relabel: the choice still leads where it did
    assert change_after(edit, lambda t: t.replace(
        "Who should read from the queue?", "Who drains the queue?"), 0, 0) is None
    assert change_after(edit, lambda t: t.replace(WORKERS, WORKERS.replace(
        "to: retries", "to: calm"))) is None  # nothing played yet: nothing moved


def test_a_narrow_screen_gets_shorter_quotes() -> None:
    change = PathChange(2, "retargeted", "calm", "A Lambda function with the queue as its "
                        "event source")
    assert change.sentence(16) == "Your path changed at decision 2: 'A Lambda functi…' now " \
        "leads to 'calm'"
