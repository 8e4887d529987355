"""Scenario Markdown as styled runs and as plain text (exports, CLI)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from scenario_tui.format.markdown_text import Run, plain, plain_line, runs


def test_inline_marks_become_styles_not_characters() -> None:
    found = runs("Use **Meeple Market** with `ConsistentRead=true` and *care*")
    assert Run("Meeple Market", bold=True) in found
    assert Run("ConsistentRead=true", code=True) in found
    assert Run("care", italic=True) in found
    assert plain("Use **Meeple Market** with `x`") == "Use Meeple Market with x"


def test_a_link_keeps_its_text_and_target() -> None:
    assert Run("the guide", link="https://docs.aws.amazon.com/a.html") in runs(
        "see [the guide](https://docs.aws.amazon.com/a.html)")
    assert plain("see [the guide](https://x.y/a.html)") == "see the guide"


def test_blocks_are_lines_and_list_items_bullets() -> None:
    assert plain("- one\n- **two**\n\nAfter") == "• one\n• two\nAfter"
    assert plain_line("First\n\nsecond  line") == "First second line"


def test_markup_and_escapes_stay_text() -> None:
    assert plain("[reverse]boom[/nope]") == "[reverse]boom[/nope]"
    assert plain("red \x1b[31m") == "red \u241b[31m"
    assert plain("<b>html</b>") == "<b>html</b>"


@given(st.text(alphabet=st.sampled_from(list("ab 1.-+*_`[]()<>#\\&=~!\n\t")), max_size=30))
def test_plain_text_is_answered_without_the_parser_exactly_as_the_parser_would(text: str) -> None:
    """`runs` skips the parser for text with nothing Markdown could act on (the catalogue's
    first frame then never imports it); the result must be what the parser gives."""
    from scenario_tui.format.markdown_text import clean, parsed

    runs.cache_clear()
    assert runs(text) == parsed(clean(text))
