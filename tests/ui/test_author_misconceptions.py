"""The author preview's feedback shows a misconception as the learner reads it: its belief, the
fact that corrects it and its source, from the author's folder or the bundled library."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from scenario_tui.ui.author_app import AuthorApp
from scenario_tui.ui.widgets.decision_box import DecisionBox

from .pilot_steps import settle

AUTHOR = Path(__file__).resolve().parent.parent / "fixtures" / "author"


@pytest.mark.parametrize(("tag", "belief", "source"), [
    ("batch-drains-queues", "A scheduled batch job is as good a queue consumer",
     "https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html"),
    ("alias-follows-latest", "An alias follows changes to $LATEST.",
     "https://docs.aws.amazon.com/lambda/latest/dg/using-aliases.html"),
], ids=["the-folder-s-tag", "a-bundled-tag"])
async def test_a_wrong_choice_shows_the_belief_the_fact_and_the_source(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tag: str, belief: str,
        source: str) -> None:
    for name in ("glossary.yaml", "misconceptions.yaml"):
        shutil.copy(AUTHOR / name, tmp_path / name)
    text = (AUTHOR / "preview-valid.yaml").read_text(encoding="utf-8")
    (tmp_path / "preview-valid.yaml").write_text(
        text.replace("misconception: batch-drains-queues", f"misconception: {tag}"),
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    app = AuthorApp("preview-valid.yaml", interval=60.0, today=lambda: dt.date(2026, 11, 26))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "t", "2")  # test from `workers`, take its wrong choice
        await settle(pilot)
        feedback = str(app.screen.query_one(DecisionBox).feedback)
    assert f"Common mistake: {belief}" in feedback
    assert "In fact: " in feedback and source.removeprefix("https://") in feedback
    assert tag not in feedback
