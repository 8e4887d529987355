"""A text that starts with `&`, `*` or `!` is valid YAML that loses its first word: an anchor,
an alias or a tag. Each is an error at its own place, with the text quoted as the fix; anchors
and aliases of blocks, and of quoted values, still work as YAML says."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenario_tui.format import glossary, loader, yaml_marks, yaml_source
from scenario_tui.format.problems import Problem

TINY = (Path(__file__).parent / "fixtures" / "valid" / "tiny.yaml").read_text()
LABEL = "      - label: Use Lambda\n"  # line 16 of tiny.yaml; the value starts at column 16
OTHER = "      - label: Run an EC2 instance all day\n"  # line 21


def problems(text: str) -> list[Problem]:
    return [p for p in loader.load_text(text, "tiny.yaml")[1] if p.is_error]


def edited(*pairs: tuple[str, str]) -> str:
    text = TINY
    for old, new in pairs:
        assert old in text
        text = text.replace(old, new, 1)
    return text


def test_an_anchor_at_the_start_of_a_label_is_an_error_with_the_quoted_fix() -> None:
    (error,) = problems(edited((LABEL, "      - label: &Cache the reads\n")))
    assert (error.code, error.line, error.column) == ("E004", 16, 16)
    assert error.message == ("the value of `label:` starts with '&', which YAML reads as an "
                             "anchor (&name): the text would lose `&Cache`")
    assert error.hint == 'a value starting with & must be quoted: `label: "&Cache the reads"`'


def test_an_alias_of_an_anchored_text_is_reported_where_it_is_written() -> None:
    found = problems(edited((LABEL, "      - label: &Cache the reads\n"),
                            (OTHER, "      - label: *Cache\n")))
    assert [(p.code, p.line, p.column) for p in found] == [("E004", 16, 16), ("E004", 21, 16)]
    assert found[1].message.endswith("it repeats the value anchored as `&Cache` on line 16")
    assert found[1].hint == 'a value starting with * must be quoted: `label: "*Cache"`'


def test_an_alias_with_no_anchor_says_to_quote_it() -> None:
    (error,) = problems(edited((LABEL, "      - label: *Cache the reads\n")))
    assert (error.code, error.line, error.column) == ("E002", 16, 16)
    assert error.hint == 'a value starting with * must be quoted: `label: "*Cache the reads"`'


def test_a_tag_at_the_start_of_a_text_gives_the_whole_text_quoted() -> None:
    (error,) = problems(edited((LABEL, "      - label: !Scale up the database\n")))
    assert (error.code, error.line, error.column) == ("E004", 16, 16)
    assert "which YAML reads as a tag (!name): the text would lose `!Scale`" in error.message
    assert error.hint == ('a value starting with ! must be quoted: '
                          '`label: "!Scale up the database"`')


def test_the_rest_of_the_file_is_still_checked() -> None:
    found = problems(edited((LABEL, "      - label: &Cache the reads\n"),
                            ("        to: second\n", "        to: secnd\n")))
    assert [p.code for p in found] == ["E004", "E021"]


@pytest.mark.parametrize("text", [
    "a: &defaults {service: rds}\nb: *defaults\n",  # a block, repeated on purpose
    "a: &same \"One text\"\nb: *same\n",  # a quoted text, anchored on purpose
    "a: &two 2\nb: *two\n",  # a number: no word is lost
    "a: !!str 123\n",  # a standard tag
    "a: \"&Cache the reads\"\nb: '*Cache'\nc: \"!Scale up\"\n",  # the fixes
    "a: Cache & reads\nb: 2 * 3\nc: Scale up!\n",  # the marks inside a text
])
def test_meant_anchors_aliases_and_tags_are_kept(text: str) -> None:
    assert yaml_source.parse(text, "x.yaml").problems == []


def test_a_list_item_and_a_glossary_card_are_checked_alike(tmp_path: Path) -> None:
    doc = yaml_source.parse("tags: [&caching reads, writes]\n", "x.yaml")
    (error,) = doc.problems
    assert (error.line, error.column, error.hint) == (
        1, 8, 'a value starting with & must be quoted: `- "&caching reads"`')
    path = tmp_path / "glossary.yaml"
    path.write_text("cache:\n  name: Cache\n  summary: &Managed caches in memory.\n",
                    encoding="utf-8")
    _, found = glossary.load(path)
    assert [(p.code, p.line, p.column) for p in found] == [("E004", 3, 12)]


def test_a_file_without_anchors_or_tags_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(text: str, path: str) -> list[Problem]:
        raise AssertionError("the events were read for a file with no anchor or tag")

    monkeypatch.setattr(yaml_marks, "text_marks", fail)
    assert yaml_source.parse(TINY, "tiny.yaml").problems == []
