"""What an author reads when a file is wrong: each mistake at its own line, once, with a hint.

The fixtures in tests/fixtures/author_messages are tests/fixtures/valid/tiny.yaml with one
mistake each, the ones a new author made writing from docs/authoring.md.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scenario_tui.cli import main
from scenario_tui.format import loader
from scenario_tui.format.problems import Problem
from scenario_tui.play import library

FIXTURES = Path(__file__).parent / "fixtures"
MESSAGES = FIXTURES / "author_messages"
INVALID = FIXTURES / "invalid"


def problems_in(path: Path) -> list[Problem]:
    return library.load([path], with_bundled=False).problems


def only_error(path: Path) -> Problem:
    (error,) = [p for p in problems_in(path) if p.is_error]
    return error


INDENTATION = [
    # file, line and column of the mistake, the hint's question
    ("indent-too-much.yaml", 17, 11, "indented too much?"),  # `to:` under `label:`, 2 deeper
    ("indent-too-little.yaml", 18, 5, "indented too little?"),  # the parser stops on line 19
]


@pytest.mark.parametrize(("name", "line", "column", "question"), INDENTATION)
def test_an_indentation_mistake_is_reported_at_its_own_line(name: str, line: int, column: int,
                                                            question: str) -> None:
    error = only_error(MESSAGES / name)
    assert (error.code, error.line, error.column) == ("E002", line, column)
    assert error.hint.startswith(question)
    assert "line it up with" in error.hint
    assert "expected" not in error.message  # not the parser's own words


def test_the_parser_alone_points_a_line_late() -> None:
    """Why the search above is needed: libyaml stops after the dedented `points:`."""
    import yaml

    text = (MESSAGES / "indent-too-little.yaml").read_text()
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        yaml.compose(text, Loader=yaml.SafeLoader)
    assert raised.value.problem_mark is not None
    assert raised.value.problem_mark.line + 1 == 19


def test_a_dedent_that_still_parses_asks_about_indentation() -> None:
    error = only_error(MESSAGES / "indent-dedent-parses.yaml")
    assert (error.code, error.line, error.column) == ("E012", 31, 5)
    assert error.hint.startswith("indented too little? 'misconception' is a field of a choice")


def test_a_node_field_among_the_node_ids_is_one_problem() -> None:
    """`choices:` dedented to the node ids' column: one E012, not a node without choices and
    every later node unreachable."""
    problems = problems_in(MESSAGES / "indent-field-among-nodes.yaml")
    assert [(p.code, p.line, p.column) for p in problems] == [("E012", 34, 3)]
    assert problems[0].hint.startswith("indented too little? indent it under 'idle-bill'")


def test_a_node_indented_into_another_is_named_where_it_is_used() -> None:
    problems = problems_in(MESSAGES / "indent-node-too-much.yaml")
    field = next(p for p in problems if p.code == "E012")
    assert (field.line, field.column) == (55, 5)
    assert field.hint.startswith("indented too much? a node goes under `nodes:`")
    dangling = next(p for p in problems if p.code == "E021")
    assert "written on line 55" in dangling.hint and "indented too much?" in dangling.hint


def test_a_misspelt_required_field_is_one_problem() -> None:
    text = (MESSAGES / "difficulty-unknown.yaml").read_text().replace("difficulty: hard",
                                                                      "difficulty: beginner")
    _, problems = loader.load_text(text.replace("  - label: Use Lambda", "  - lable: Use Lambda"),
                                   "difficulty-unknown.yaml")
    assert [(p.code, p.hint) for p in problems] == [("E012", "did you mean 'label'?")]


def test_an_unknown_value_does_not_repeat_its_field() -> None:
    error = only_error(MESSAGES / "difficulty-unknown.yaml")
    assert error.message == "unknown difficulty 'hard'"
    assert error.hint == "one of: beginner, intermediate, advanced"


def test_a_pillar_out_of_range_says_what_the_scale_means() -> None:
    error = only_error(MESSAGES / "pillar-range.yaml")
    assert (error.code, error.line) == ("E013", 20)
    assert "'operations' is 5" in error.message and "-3 to 3" in error.message
    assert "-3" in error.hint and "pillars: {" in error.hint


def test_unknown_services_get_the_nearest_id_or_where_to_find_ids() -> None:
    errors = [p for p in problems_in(MESSAGES / "service-unknown.yaml") if p.is_error]
    hints = {p.message: p.hint for p in errors}
    assert hints["unknown service id 'lambda-function'"].startswith("did you mean 'lambda'? or ")
    no_match = hints["unknown service id 'zzz'"]
    assert not no_match.startswith("or") and "scenario-tui services" in no_match
    assert "glossary.yaml beside the scenario" in no_match


def test_a_misspelt_glossary_field_gets_a_did_you_mean_once() -> None:
    problems = [p for p in problems_in(MESSAGES / "glossary_typo") if p.is_error]
    assert [(p.code, p.line, p.column, p.hint) for p in problems] == [
        ("E012", 4, 3, "did you mean 'summary'?")]


def _all_fixture_problems() -> list[Problem]:
    found = problems_in(INVALID)
    found += problems_in(MESSAGES)
    return found


def test_every_problem_has_a_hint() -> None:
    problems = _all_fixture_problems()
    assert len(problems) > 25
    assert [p for p in problems if not p.hint.strip()] == []


def test_no_message_repeats_a_field_name() -> None:
    """Like "difficulty 'difficulty' is 'hard'"."""
    repeated = re.compile(r"\b([a-z]+) '\1'")
    assert [p.message for p in _all_fixture_problems() if repeated.search(p.message)] == []


# lint on files with errors, and exit statuses


def test_lint_says_it_skipped_a_file_with_errors(capsys: pytest.CaptureFixture[str]) -> None:
    broken = MESSAGES / "pillar-range.yaml"
    assert main(["lint", str(broken)]) == 1
    out = capsys.readouterr().out
    assert f"{broken}: teaching rules (L1xx) not checked: the file has errors" in out
    main(["lint", str(broken), "--format", "json"])
    assert json.loads(capsys.readouterr().out)["lint_skipped"] == [str(broken)]
    main(["lint", str(broken), "--format", "github"])
    assert f"::notice file={broken}::teaching rules" in capsys.readouterr().out


def test_lint_of_a_clean_file_mentions_no_skipping(tiny_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    main(["lint", str(tiny_path)])
    assert "not checked" not in capsys.readouterr().out


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_warnings_alone_pass_unless_strict(command: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    warned = INVALID / "w031-file-name.yaml"  # a warning (file name), no error
    assert all(not p.is_error for p in problems_in(warned))
    assert main([command, str(warned)]) == 0
    assert main([command, str(warned), "--strict"]) == 1
    assert main([command, str(MESSAGES / "pillar-range.yaml")]) == 1
    capsys.readouterr()


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_help_states_the_exit_statuses(command: str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--strict" in out and "warnings alone pass, unless --strict" in out


def test_pre_commit_hooks_are_strict() -> None:
    import yaml

    hooks = yaml.safe_load((Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text())
    assert {hook["id"]: hook.get("args") for hook in hooks} == {
        "scenario-validate": ["--strict"], "scenario-lint": ["--strict"]}
