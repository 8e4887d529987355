"""Labels and other one-line texts show Markdown as styles, never as raw marks or markup."""

from __future__ import annotations

from scenario_tui.ui.widgets.inline_text import inline, inline_line


def test_bold_and_code_are_styled_spans() -> None:
    shown = inline_line("Use **Meeple Market** and `ConsistentRead=true`")
    assert shown.plain == "Use Meeple Market and ConsistentRead=true"
    styles = {shown.plain[span.start:span.end]: str(span.style) for span in shown.spans}
    assert styles["Meeple Market"] == "bold"
    assert "accent" in styles["ConsistentRead=true"]


def test_one_line_folds_blocks_and_spaces() -> None:
    assert inline_line("First\n\n  second   *line*  ").plain == "First second line"
    assert inline("First\n\nsecond").plain == "First\nsecond"


def test_markup_is_never_parsed() -> None:
    shown = inline_line("[reverse]boom[/nope]")
    assert shown.plain == "[reverse]boom[/nope]" and not shown.spans
