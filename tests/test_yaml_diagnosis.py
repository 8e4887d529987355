"""A YAML syntax error is named as the author made it, at the line where it was made.

Each case is tests/fixtures/valid/tiny.yaml with one mistake a play-tester made writing their
first scenario; most are tried in a node whose `text:` is a one-line value and in one whose
text is a `|` block, where the indentation search used to blame `choices:`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scenario_tui.format import indentation, loader, yaml_source
from scenario_tui.format.problems import ERROR, Problem, render

TINY = (Path(__file__).parent / "fixtures" / "valid" / "tiny.yaml").read_text()
ONE_LINE = "    text: The bill arrives. The instance was idle 99 % of the time.\n"
BLOCK = "    text: |\n      The bill arrives. The instance was idle 99 % of the time.\n"
LABEL = "      - label: Move the handler to Lambda\n"  # line 35 of tiny.yaml (36 in the block)


def problems(text: str) -> list[Problem]:
    return loader.load_text(text, "tiny.yaml")[1]


def only_error(text: str) -> Problem:
    (error,) = [p for p in problems(text) if p.is_error]
    return error


def edited(old: str, new: str, *, block: bool = False) -> str:
    text = TINY.replace(ONE_LINE, BLOCK) if block else TINY
    assert old in text
    return text.replace(old, new, 1)


VALUES = [
    # the line as written, column of the report, its message and hint (in part)
    ("      - label: Raise memory: to 10 GB\n", 28, "contains ': '",
     "quote the value: it contains ': ' (`label: \"Raise memory: to 10 GB\"`)"),
    ("      - label: `aws lambda` invoke\n", 16, "starts with '`'",
     "a value starting with ` must be quoted"),
    ("      - label: [Draft] move it\n", 16, "starts with '['",
     "a value starting with [ must be quoted: `label: \"[Draft] move it\"`"),
    ("      - label: *Raise* memory\n", 16, "as an alias", "a value starting with * must"),
    ("      - label: @memory raise\n", 16, "starts with '@'", "a value starting with @ must"),
    ("      - label: %raise memory\n", 16, "as a directive", "a value starting with % must"),
    ("      - label: {raise} memory\n", 16, "start of a mapping", "a value starting with { must"),
    ("      - label: |raise memory\n", 16, "block of text", "a value starting with | must"),
    ("      - label: >raise memory\n", 16, "folded block", "a value starting with > must"),
]


@pytest.mark.parametrize("block", [False, True], ids=["one-line-text", "block-text"])
@pytest.mark.parametrize(("line", "column", "message", "hint"), VALUES)
def test_a_value_that_needs_quotes_is_named_where_it_is(line: str, column: int, message: str,
                                                        hint: str, block: bool) -> None:
    error = only_error(edited(LABEL, line, block=block))
    assert (error.code, error.line, error.column) == ("E002", 35 + block, column)
    assert error.message.startswith("the value of `label:`") and message in error.message
    assert hint in error.hint
    assert "line it up" not in error.hint


@pytest.mark.parametrize("block", [False, True], ids=["one-line-text", "block-text"])
def test_a_why_with_a_colon_is_reported_at_the_colon(block: bool) -> None:
    why = "        why: Late but right - per-event billing fits spiky work.\n"
    error = only_error(edited(why, "        why: Name: the fact\n", block=block))
    assert (error.line, error.column) == (38 + block, 18)
    assert error.hint == "quote the value: it contains ': ' (`why: \"Name: the fact\"`)"


def test_no_line_is_moved_into_a_block_of_text() -> None:
    """Indenting `choices:` into the `text: |` above it makes the file parse (the choices
    become text): that is never proposed."""
    text = edited(LABEL, "      - label: Raise memory: to 10 GB\n", block=True)
    doc = yaml_source.parse(text, "tiny.yaml")
    (syntax,) = doc.problems

    def score(candidate: str) -> int | None:
        fixed = yaml_source.parse(candidate, "tiny.yaml")
        return None if fixed.problems else 0

    assert indentation.repair(text, syntax.line, score) is None


def test_a_first_text_line_dedented_under_its_bar_is_still_found() -> None:
    text = TINY.replace(ONE_LINE, "    text: |\n    The bill arrives.\n")
    error = only_error(text)
    assert (error.line, error.column) == (34, 5) and error.hint.startswith("indented too little?")


MISSING_COLON = [
    ("    text: Where should the handler write its results?\n",
     "    text Where should the handler write its results?\n", 44, 5,
     "a key needs a colon: `text: Where should the handler write its resu…`"),
    ("        to: good\n", "        to good\n", 47, 9, "a key needs a colon: `to: good`"),
    ("id: tiny\n", "id x\n", 2, 1, "a key needs a colon: `id: x`"),
]


@pytest.mark.parametrize(("old", "new", "line", "column", "hint"), MISSING_COLON)
def test_a_key_without_its_colon_is_named_at_its_line(old: str, new: str, line: int,
                                                      column: int, hint: str) -> None:
    error = only_error(edited(old, new))
    assert (error.code, error.line, error.column) == ("E002", line, column)
    assert error.message.endswith("has no colon after it") and error.hint == hint


@pytest.mark.parametrize("before", ["  second:\n", "  poor:\n"])
def test_a_second_document_is_named_at_its_separator(before: str) -> None:
    text = edited(before, "---\n" + before)
    separator = text.splitlines().index("---") + 1
    error = only_error(text)
    assert (error.code, error.line, error.column) == ("E002", separator, 1)
    assert "a file holds one scenario (one YAML document)" in error.message
    assert "remove this `---` line" in error.hint


@pytest.mark.parametrize("text", ["x\n" + TINY, "x\n" + TINY.split("\n", 1)[1]])
def test_stray_text_above_the_first_field_is_named_in_plain_words(text: str) -> None:
    error = only_error(text)
    assert (error.code, error.line, error.column) == ("E002", 1, 1)
    assert error.message == "stray text before the first field: 'x'"
    assert "document start" not in error.message + error.hint


def test_a_text_line_not_indented_is_not_taken_for_a_missing_colon() -> None:
    """`at peak.` is not a field name: no "needs a colon" for a text's second line."""
    text = edited("    text: Where should the handler write its results?\n",
                  "    text: Where should the handler\n    write its results?\n")
    error = only_error(text)
    assert "colon" not in error.hint


def test_a_file_of_comments_is_not_called_empty() -> None:
    (error,) = problems("# a scenario, one day\n# more to come\n")
    assert (error.code, error.message) == ("E001", "no content (only comments)")
    (blank,) = problems("\n\n")
    assert blank.message == "empty file"


def test_a_tag_like_value_says_to_quote_it() -> None:
    error = only_error(edited(LABEL, "      - label: !raise memory\n"))
    assert error.code == "E004" and error.hint.startswith("a value starting with ! must be quoted")


def test_a_field_of_the_wrong_type_names_its_owner_then_the_field() -> None:
    error = only_error(edited("    text: Where should the handler write its results?\n",
                              "    text: true\n"))
    assert error.message == "node 'second': field 'text' must be text, not true/false"
    error = only_error(edited("title: A tiny scenario\n", "title: 3\n"))
    assert error.message == "the scenario: field 'title' must be text, not a number"


@pytest.mark.parametrize(("value", "hint"), [
    ("2026-13-01", "month must be in 1..12: write it as YYYY-MM-DD"),
    ("yesterday", "write it as YYYY-MM-DD, unquoted"),
])
def test_a_bad_date_names_its_field(value: str, hint: str) -> None:
    error = only_error(edited("verified: 2026-11-26\n", f"verified: {value}\n"))
    assert (error.code, error.message, error.hint) == (
        "E013", f"verified {value!r} is not a date", hint)


def test_a_problem_with_the_whole_file_prints_no_made_up_position() -> None:
    problem = Problem("note.txt", 0, 0, ERROR, "E005", "not a scenario file name", "rename it")
    text = render([problem], 1, "text")
    assert text.startswith("note.txt: error E005 not a scenario file name\n")
    assert ":0:0" not in text
    assert json.loads(render([problem], 1, "json"))["problems"][0]["line"] == 0
    assert render([problem], 1, "github").startswith("::error file=note.txt,line=1,col=1::")
