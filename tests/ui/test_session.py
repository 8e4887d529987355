"""The UI's start-up shortcuts stay equal to the core values they stand in for."""

from __future__ import annotations

from scenario_tui.format.text_safety import clean, reflow
from scenario_tui.play import catalog, engine, library, session


def test_shortcuts_match_the_core() -> None:
    assert (session.PRACTICE, session.EXAM) == (engine.PRACTICE, engine.EXAM)
    assert session.bundled_library_dir() == library.library_dir()
    assert catalog.GLOSSARY_NAME == library.GLOSSARY_NAME
    assert catalog.SCENARIO_SUFFIXES == library.SCENARIO_SUFFIXES


def test_control_characters_are_shown_not_sent() -> None:
    assert clean("a\x1b[31mb\x07\n") == "a\u241b[31mb\u2407\n"
    assert reflow("one\ntwo\n\nthree") == "one two\n\nthree"
