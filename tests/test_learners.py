"""Who is playing on a served app: names are checked, and each learner's progress has a folder
of its own that no typed text can move."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scenario_tui.play.learners import (
    LEARNERS_DIR,
    MAX_NAME,
    NameRefused,
    learner,
    session_for,
    slug,
)

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def test_a_name_becomes_a_learner_with_a_readable_folder() -> None:
    ada = learner("  Ada   Lovelace ")
    assert ada.name == "Ada Lovelace"
    assert re.fullmatch(r"ada-lovelace-[0-9a-f]{8}", ada.slug)


def test_case_and_spacing_do_not_make_another_learner() -> None:
    assert learner("Ada Lovelace").slug == learner("ada  LOVELACE").slug


def test_names_that_read_alike_still_get_folders_of_their_own() -> None:
    slugs = {learner(n).slug for n in ("Ann-Lee", "Ann Lee", "Ann.Lee", "Zoë", "Zoe", "李雷",
                                       "王芳")}
    assert len(slugs) == 7
    assert learner("李雷").slug.startswith("learner-")


@pytest.mark.parametrize(("text", "reason"), [
    ("", "Type your name first"),
    ("   ", "Type your name first"),
    ("x" * (MAX_NAME + 1), f"at most {MAX_NAME}"),
    ("../../etc/passwd", "not /"),
    ("a\\b", "not \\\\"),
    ("\x1b[31mred", "U+001B"),
    ("evil\u202eitxt", "U+202E"),
    ("[bold]Ada[/]", "not / [ ]"),
    ("--- ...", "at least one letter or digit"),
])
def test_a_bad_name_is_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(NameRefused, match=re.escape(reason)):
        learner(text)


@given(st.text(max_size=60))
def test_any_text_is_refused_or_lands_in_one_folder_under_learners(text: str) -> None:
    try:
        who = learner(text)
    except NameRefused:
        return
    assert SLUG.match(who.slug) and len(who.slug) <= 40
    root = Path("/srv/scenario-tui")
    assert who.data_dir(root).parent == root / LEARNERS_DIR


def test_slug_is_the_same_for_the_same_name() -> None:
    assert slug("Grace Hopper") == slug("Grace Hopper")


def test_a_learners_session_keeps_progress_apart_over_the_shared_library(
        tmp_path: Path) -> None:
    ada, grace = learner("Ada"), learner("Grace")
    first = session_for(ada, [], tmp_path)
    second = session_for(grace, [], tmp_path)
    assert first.data_dir == tmp_path / LEARNERS_DIR / ada.slug
    assert first.data_dir != second.data_dir
    assert first.cache is not None and first.cache.is_relative_to(first.data_dir)
    assert first.roots == second.roots
