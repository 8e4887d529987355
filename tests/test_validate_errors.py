"""Every error class the validator knows, on a small bad fixture, at its exact line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenario_tui.cli import main
from scenario_tui.format import loader
from scenario_tui.play import library

INVALID = Path(__file__).parent / "fixtures" / "invalid"

CASES = [
    ("e001-empty.yaml", "E001", 1, 1),
    ("e002-syntax.yaml", "E002", 7, 7),  # where the `[` opens, not where libyaml gave up
    ("e003-duplicate.yaml", "E003", 6, 1),
    ("e004-python-tag.yaml", "E004", 3, 8),
    ("e010-top-list.yaml", "E010", 1, 1),
    ("e011-missing.yaml", "E011", 2, 1),
    ("e012-unknown.yaml", "E012", 15, 5),
    ("e013-type.yaml", "E013", 18, 17),
    ("e013-choice-source.yaml", "E013", 50, 17),
    ("e020-start.yaml", "E020", 12, 8),
    ("e021-dangling.yaml", "E021", 17, 13),
    ("e022-no-choices.yaml", "E022", 61, 3),
    ("e023-ending-choices.yaml", "E023", 62, 7),
    ("e024-cycle.yaml", "E024", 39, 9),
    ("e025-no-why.yaml", "E025", 42, 14),
    ("e026-service.yaml", "E026", 8, 16),
    ("e028-undefined-tag.yaml", "E028", 54, 24),
    ("w030-unreachable.yaml", "W030", 64, 3),
    ("w031-file-name.yaml", "W031", 2, 5),
]


def problems_for(path: Path) -> list[tuple[str, int, int]]:
    lib = library.load([path], with_bundled=False)
    return [(p.code, p.line, p.column) for p in lib.problems]


@pytest.mark.parametrize(("name", "code", "line", "column"), CASES)
def test_error_class_is_reported_at_its_position(name: str, code: str, line: int,
                                                 column: int) -> None:
    assert (code, line, column) in problems_for(INVALID / name)


def test_duplicate_ids_across_files() -> None:
    lib = library.load([INVALID / "e027"], with_bundled=False)
    dupes = [p for p in lib.problems if p.code == "E027"]
    assert [(Path(p.path).name, p.line, p.column) for p in dupes] == [("tiny.yaml", 2, 5)]
    assert "tiny-copy.yaml" in dupes[0].message


def test_typo_gets_did_you_mean_and_no_cascade() -> None:
    lib = library.load([INVALID / "e012-unknown.yaml"], with_bundled=False)
    codes = {p.code for p in lib.problems}
    assert codes == {"E012", "W031"}
    assert "did you mean 'choices'?" in next(p.hint for p in lib.problems if p.code == "E012")


def test_cycle_names_the_nodes_on_it() -> None:
    lib = library.load([INVALID / "e024-cycle.yaml"], with_bundled=False)
    cycle = next(p for p in lib.problems if p.code == "E024")
    assert "cycle: first -> idle-bill -> first" in cycle.message


def test_every_problem_is_printed_with_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", str(INVALID)])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    reported = {line.split(": ", 2)[1].split()[1] for line in out if ": error " in line
                or ": warning " in line}
    assert {c for _, c, _, _ in CASES} | {"E027"} <= reported
    scenario_files = [p for p in INVALID.rglob("*.yaml") if p.name != "misconceptions.yaml"]
    beliefs = len(list(INVALID.rglob("misconceptions.yaml")))
    assert out[-1].startswith(f"{len(scenario_files) + beliefs} files checked ("
                              f"{len(scenario_files)} scenarios, {beliefs} misconceptions files):")
    assert all(line.startswith("    hint: ") for line in out[1:-1:2])


def test_clean_file_exits_zero(tiny_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tiny_path)]) == 0
    assert capsys.readouterr().out.strip() == \
        "2 files checked (1 scenario, 1 misconceptions file): no problems"  # and the one beside


def test_missing_path_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "/no/such/place"]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_unknown_option_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as stop:
        main(["validate", "--bogus"])
    assert stop.value.code == 2


@pytest.mark.parametrize(("text", "line", "column", "opener"), [
    ("nodes:\n  a:\n    choices:\n      - label: [draft Publish\n        to: b\n", 4, 16, "`[`"),
    ("id: x\ntitle: {a: 1\nnodes: {}\n", 2, 8, "`{`"),
    ('id: x\ntitle: "unclosed\nnodes: {}\n', 2, 8, "a quote"),
])
def test_a_bracket_or_quote_left_open_is_reported_where_it_opens(
        text: str, line: int, column: int, opener: str) -> None:
    """libyaml gave up lines later ("expected ',' or ']'"), and the loader took that for a
    line indented wrong: its hint ("line `choices:` up with `label:`") would break the file
    further."""
    _, problems = loader.load_text(text, "x.yaml")
    assert [(p.code, p.line, p.column) for p in problems] == [("E002", line, column)]
    assert f"{opener} opened here is never closed" in problems[0].message
    assert "indented" not in problems[0].hint


@pytest.mark.parametrize(("old", "new", "message"), [
    ("title: A tiny scenario", "title:", "the scenario: field 'title' is empty"),
    ("text: Pick a compute service for a small event handler.", "text:",
     "node 'first': field 'text' is empty"),
    ("label: Use Lambda", "label:", "choice 1 of 'first': field 'label' is empty"),
])
def test_a_field_with_nothing_after_it_is_empty_not_absent(
        tiny_path: Path, old: str, new: str, message: str) -> None:
    """`title:` with no value reads as null: it was passed as "no title" and the scenario
    played with an empty one."""
    text = tiny_path.read_text(encoding="utf-8")
    assert old in text
    _, problems = loader.load_text(text.replace(old, new, 1), "tiny.yaml")
    assert message in [p.message for p in problems if p.code == "E013"], problems
