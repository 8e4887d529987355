"""Misconceptions as facts: the file beside the glossary, its errors, and the tags it defines."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenario_tui.cli import main
from scenario_tui.format import misconceptions
from scenario_tui.format.files import MISCONCEPTIONS_NAME, discover, library_dir
from scenario_tui.format.model import Misconception
from scenario_tui.play import library

FIXTURES = Path(__file__).parent / "fixtures"
BAD = FIXTURES / "misconceptions" / "bad" / MISCONCEPTIONS_NAME
GOOD = FIXTURES / "misconceptions" / "good"


def test_each_bad_entry_is_reported_at_its_place_and_left_out() -> None:
    entries, problems = misconceptions.load(BAD)
    found = {(p.code, p.line, p.column) for p in problems}
    assert ("E011", 3, 3) in found          # no-fact: missing field, at the entry
    assert ("E013", 8, 11) in found         # plain-http-source: not https, at the value
    assert ("E012", 13, 3) in found         # extra-field: unknown field, at its key
    assert ("E003", 18, 1) in found         # twice: duplicate id, at the second one
    assert ("E013", 22, 1) in found         # Not_Kebab: not a kebab-case id
    assert ("E013", 26, 12) in found        # just-text: not a mapping
    assert all(p.is_error and p.hint for p in problems)
    assert "did you mean 'fact'?" in next(p.hint for p in problems if p.code == "E012")
    assert set(entries) == {"good-one", "twice"}
    assert entries["good-one"] == Misconception(
        "good-one", "A Multi-AZ standby serves reads.",
        "The standby serves no traffic until a failover.",
        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html")


def test_a_bad_misconceptions_file_fails_validate(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(BAD.parent)]) == 1
    out = capsys.readouterr().out
    assert f"{BAD}:8:11: error E013" in out


def test_the_file_is_found_like_the_glossary_and_is_not_a_scenario() -> None:
    found: list[Path] = []
    files, _ = discover([GOOD], misconceptions=found)
    assert [f.name for f in files] == ["tiny.yaml"]
    assert found == [GOOD / MISCONCEPTIONS_NAME]
    beside: list[Path] = []
    discover([GOOD / "tiny.yaml"], misconceptions=beside)
    assert beside == [GOOD / MISCONCEPTIONS_NAME]


def test_the_library_merges_the_bundled_file_and_a_local_one() -> None:
    lib = library.load([GOOD], with_bundled=False)
    assert not lib.problems
    assert lib.misconceptions["laptop-is-a-server"].fact.startswith("A single machine")
    if (library_dir() / MISCONCEPTIONS_NAME).is_file():
        bundled, _ = misconceptions.load(library_dir() / MISCONCEPTIONS_NAME)
        assert set(bundled) <= set(lib.misconceptions)
    assert misconceptions.for_roots([GOOD]) == lib.misconceptions


def test_an_undefined_tag_is_an_error_at_the_tag_with_a_suggestion() -> None:
    lib = library.load([FIXTURES / "invalid" / "e028-undefined-tag.yaml"], with_bundled=False)
    (problem,) = [p for p in lib.problems if p.code == "E028"]
    assert (problem.line, problem.column) == (54, 24)
    assert problem.is_error
    assert "'lambda-tmp-is-durabel'" in problem.message
    assert problem.hint.startswith("did you mean 'lambda-tmp-is-durable'?")
    assert not lib.entries[0].playable


def test_the_bundled_library_defines_every_tag_it_uses() -> None:
    lib = library.load([library_dir()], with_bundled=False)
    assert not [p for p in lib.problems if p.code == "E028" or p.path.endswith(
        MISCONCEPTIONS_NAME)]
    used = {c.misconception for s in lib.scenarios.values() for n in s.graph
            for c in s.choices(n) if c.misconception}
    bundled, _ = misconceptions.load(library_dir() / MISCONCEPTIONS_NAME)
    assert used <= set(bundled)
    for entry in bundled.values():
        assert entry.source.startswith("https://docs.aws.amazon.com/"), entry.id
        assert entry.source.endswith(".html"), entry.id
