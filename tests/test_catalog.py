"""The cached catalogue lists exactly the files the library loads, and keeps problems as values."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from scenario_tui.format.files import discover
from scenario_tui.format.problems import Problem
from scenario_tui.play import catalog, library
from scenario_tui.play.session import Session


def test_hidden_files_and_folders_are_in_neither_the_library_nor_the_catalogue(
        tmp_path: Path, tiny_path: Path) -> None:
    folder, cache = tmp_path / "library", tmp_path / "catalog.json"
    shown = folder / "tiny.yaml"
    for name in ("tiny.yaml", ".tiny.yaml", ".drafts/tiny.yaml", ".drafts/deeper/tiny.yaml",
                 "nested/.git/tiny.yaml"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(tiny_path, folder / name)
    assert discover([folder])[0] == [shown]
    assert [e.path for e in library.load([folder], with_bundled=False).entries] == [str(shown)]
    assert [e.path for e in catalog.scan([folder], cache)] == [str(shown)]
    with (folder / ".drafts" / "tiny.yaml").open("a") as draft:
        draft.write("# an edit the catalogue does not read\n")
    assert catalog.cached([folder], cache) is not None
    with shown.open("a") as edited:
        edited.write("# an edit it reads\n")
    assert catalog.cached([folder], cache) is None


def test_errors_stay_problems_through_the_cache_and_are_shortened_only_when_shown(
        tmp_path: Path) -> None:
    folder = Path(__file__).parent / "fixtures" / "ui_scenarios"
    session = Session.create([folder], tmp_path, with_bundled=False)
    built = session.scan()
    assert session.scan_cached() == built
    broken = next(e for e in built if not e.playable)
    problem = broken.errors[0]
    assert isinstance(problem, Problem) and (problem.line, problem.column, problem.code) == (
        15, 13, "E021")
    assert problem.path == str(folder / "broken-routing.yaml")
    assert broken.first_error_line(session.shorten) == (
        "ui_scenarios/broken-routing.yaml:15:13: error E021 " + problem.message)



POISON = {  # each gets the cache's data, a playable row and a broken row
    "a null title": lambda data, ok, bad: ok.update(title=None),
    "a string for the tags": lambda data, ok, bad: ok.update(tags="abc"),
    "a number as text": lambda data, ok, bad: ok.update(best="9"),
    "a flag for a number": lambda data, ok, bad: ok.update(decisions=True),
    "a field too many": lambda data, ok, bad: ok.update(extra=1),
    "a problem with a text line": lambda data, ok, bad: bad["errors"][0].update(line="1"),
    "a problem lacking its message": lambda data, ok, bad: bad["errors"][0].pop("message"),
    "a row that is a list": lambda data, ok, bad: data["entries"].append([]),
    "entries as a mapping": lambda data, ok, bad: data.update(entries={"a": {}}),
    "a list, not a mapping": lambda data, ok, bad: data.clear(),
}


@pytest.mark.parametrize("poison", sorted(POISON))
def test_a_malformed_cached_row_means_rebuild(poison: str, tmp_path: Path) -> None:
    folder = Path(__file__).parent / "fixtures" / "ui_scenarios"
    cache = tmp_path / "catalog.json"
    built = catalog.scan([folder], cache)
    data = json.loads(cache.read_text())
    ok = next(row for row in data["entries"] if not row["errors"])
    bad = next(row for row in data["entries"] if row["errors"])
    POISON[poison](data, ok, bad)
    cache.write_text(json.dumps(data or []))
    assert catalog.cached([folder], cache) is None
    assert catalog.scan([folder], cache) == built
    assert catalog.cached([folder], cache) == built  # and the cache is whole again


def test_discover_orders_and_spells_files_as_paths_do(tmp_path: Path, tiny_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Files are found as strings (cheaper before the first frame) but listed as `Path`s sort
    them, part by part (`a/z.yaml` before `a-b.yaml`, where a string sort puts `-` first),
    spelled as `Path` spells them (no `./`), and each file once (a link to one is the same)."""
    for name in ("a/z.yaml", "a-b.yaml", "a/b/c.yaml", "B.yaml", "b.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(tiny_path, tmp_path / name)
    (tmp_path / "link.yaml").symlink_to(tmp_path / "b.yaml")
    expected = sorted(p for p in tmp_path.rglob("*.yaml") if p.name != "link.yaml")
    found, _ = discover([tmp_path])
    assert found == expected
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "B.yaml", "a/b/c.yaml", "a/z.yaml", "a-b.yaml", "b.yaml"]
    monkeypatch.chdir(tmp_path)
    assert [str(p) for p in discover(["."])[0]] == [
        "B.yaml", "a/b/c.yaml", "a/z.yaml", "a-b.yaml", "b.yaml"]
    assert discover([tmp_path / "b.yaml", tmp_path / "link.yaml", "b.yaml"])[0] == [
        tmp_path / "b.yaml"]
