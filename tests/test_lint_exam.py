"""Exam realism in `lint`: telegraphing tells, weak sources, tags on right choices, and the
library-level length check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scenario_tui.analysis import lint, telegraph
from scenario_tui.cli import main
from scenario_tui.format import loader
from scenario_tui.format.graph_formats import export, to_authoring
from scenario_tui.play import library

FIXTURES = Path(__file__).parent / "fixtures"
LIBRARY = FIXTURES / "lint_library"


@pytest.mark.parametrize(("label", "word"), [
    ("Enable Multi-AZ so the standby takes reads", "so"),
    ("Use DAX since it caches writes", "since"),
    ("Add a retry so that the error goes away", "so that"),
    ("Raise the memory to make it faster", "to make"),
    ("Disable caching, which means fresher data", "which means"),
    ("Route 10 % of traffic in order to test", "in order to"),
    ("Because it is cheaper, keep the instance", "because"),
    ("Put ElastiCache in front of the database", None),
    ("Load `libfoo.so` from a layer", None),
    ("Use the SOAP endpoint's Sonic adapter", None),
])
def test_a_label_that_argues_for_itself_is_found(label: str, word: str | None) -> None:
    assert telegraph.argues_for_itself(label) == word


@pytest.mark.parametrize(("url", "weak"), [
    ("https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/sts/index.html", "SDK"),
    ("https://boto3.amazonaws.com/v1/documentation/api/latest/index.html", "SDK"),
    ("https://botocore.amazonaws.com/v1/documentation/api/latest/reference.html", "SDK"),
    ("https://docs.aws.amazon.com/cdk/api/v1/docs/aws-lambda-readme.html", "SDK"),
    ("https://docs.aws.amazon.com/xamarin/latest/dg/welcome.html", "SDK"),
    ("https://docs.aws.amazon.com/es_es/AWSCloudFormation/latest/UserGuide/x.html", "locale"),
    ("https://docs.aws.amazon.com/en_us/AWSCloudFormation/latest/UserGuide/x.html", "locale"),
    ("https://docs.aws.amazon.com/us_en/kms/latest/developerguide/editing-keys.html", "locale"),
    ("https://docs.aws.amazon.com/goto/WebAPI/ec2/MonitorInstances", ".html"),
    ("https://docs.aws.amazon.com/lambda/latest/dg/welcome", ".html"),
    ("https://docs.aws.amazon.com/lambda/latest/dg/welcome.html", None),
    ("https://docs.aws.amazon.com/lambda/latest/dg/welcome.html#section", None),
    ("https://aws.amazon.com/blogs/compute/some-post/", None),
    ("https://docs.aws.amazon.com/sdk-for-php/v3/developer-guide/service_dynamodb-session-handler"
     ".html", None),  # an SDK's developer guide is a guide
    ("https://docs.aws.amazon.com/sdk-for-php/v3/api/api-dynamodb-2012-08-10.html", "SDK"),
])
def test_weak_sources_are_named(url: str, weak: str | None) -> None:
    reason = telegraph.source_weakness(url)
    assert (reason is None) == (weak is None)
    assert weak is None or weak in (reason or "")


def test_a_weak_scenario_source_is_flagged_at_its_item(tmp_path: Path) -> None:
    text = (FIXTURES / "lint" / "lint-clean.yaml").read_text()
    path = tmp_path / "lint-clean.yaml"
    path.write_text(text.replace(
        "  - https://docs.aws.amazon.com/lambda/latest/dg/welcome.html\n",
        "  - https://docs.aws.amazon.com/lambda/latest/dg/welcome.html\n"
        "  - https://docs.aws.amazon.com/es_es/lambda/latest/dg/welcome.html\n"))
    scenario, problems = loader.load_file(path)
    assert scenario is not None and not problems
    found = [(p.code, p.line, p.column) for p in lint.lint(scenario, {})
             if p.code == "L113"]
    assert found == [("L113", 17, 5)]


def test_a_tag_on_a_right_choice_is_flagged_at_the_tag() -> None:
    scenario, _ = loader.load_file(FIXTURES / "lint" / "l112.yaml")
    assert scenario is not None
    (problem,) = [p for p in lint.lint(scenario, {}) if p.code == "L112"]
    assert (problem.line, problem.column) == (30, 24)
    assert "'another-kebab-tag'" in problem.message


def test_the_title_echo_needs_a_word_only_the_best_label_and_title_share() -> None:
    scenario, _ = loader.load_file(FIXTURES / "lint" / "l115.yaml")
    assert scenario is not None
    (problem,) = [p for p in lint.lint(scenario, {}) if p.code == "L115"]
    assert "'imperative'" in problem.message
    best, *others = scenario.choices("first-decision")
    assert telegraph.title_echo("Imperative tasks", "", best, others) == ["imperative"]
    assert telegraph.title_echo("Imperative tasks", "An imperative mood", best, others) == []
    assert telegraph.title_echo("Decouple intake with SQS queues", "", best, others) == []


def test_the_library_length_check_warns_above_its_threshold(
        capsys: pytest.CaptureFixture[str]) -> None:
    long_lib = library.load([LIBRARY / "long"], with_bundled=False)
    (problem,) = lint.lint_library(long_lib.scenarios.values(), "long")
    assert problem.code == "L116" and "10 of 10" in problem.message
    balanced = library.load([LIBRARY / "balanced"], with_bundled=False)
    assert lint.lint_library(balanced.scenarios.values(), "balanced") == []
    main(["lint", str(LIBRARY / "long")])
    assert f"{LIBRARY / 'long'}: warning L116" in capsys.readouterr().out
    main(["lint", str(LIBRARY / "balanced")])
    assert "L116" not in capsys.readouterr().out


def test_the_library_length_check_needs_enough_decisions() -> None:
    scenario, _ = loader.load_file(FIXTURES / "lint" / "l111.yaml")
    assert scenario is not None
    assert lint.lint_library([scenario], "one file") == []


def test_library_figures_count_arguing_labels_and_long_best_labels() -> None:
    long_lib = library.load([LIBRARY / "long"], with_bundled=False)
    figures = telegraph.figures(long_lib.scenarios.values())
    assert (figures.decisions, figures.best_long, figures.long_share) == (10, 10, 1.0)
    assert (figures.zero_point_labels, figures.arguing_zero_point) == (10, 0)


def test_a_choice_source_is_kept_checked_and_exported(tmp_path: Path) -> None:
    scenario, problems = loader.load_file(FIXTURES / "lint" / "l113.yaml")
    assert scenario is not None and not problems
    choice = scenario.choices("second-decision")[0]
    assert choice.source_url.startswith("https://docs.aws.amazon.com/sdk-for-kotlin/")
    assert to_authoring(scenario)["nodes"]["second-decision"]["choices"][0]["source"] == \
        choice.source_url
    assert choice.source_url in export(scenario, "graphml")
    assert choice.source_url in export(scenario, "node-link")
    again, problems = loader.load_text(export(scenario, "yaml"), "l113.yaml")
    assert again is not None and not problems
    assert again.choices("second-decision")[0].source_url == choice.source_url
    bad = library.load([FIXTURES / "invalid" / "e013-choice-source.yaml"], with_bundled=False)
    assert [(p.code, p.line, p.column) for p in bad.problems if p.code == "E013"] == \
        [("E013", 50, 17)]


def _flagged(path: Path, code: str) -> list[tuple[int, int]]:
    lib = library.load([path], with_bundled=False)
    scenario = lib.entries[0].scenario
    assert scenario is not None, lib.problems
    return [(p.line, p.column) for p in lint.lint(scenario, lib.glossary) if p.code == code]


def test_a_thin_explanation_is_flagged_at_its_why() -> None:
    assert _flagged(FIXTURES / "lint" / "l104.yaml", "L104") == [(29, 14)]


@pytest.mark.parametrize(("old", "new", "where"), [
    (None, None, (72, 11)),
    ("Finish the design properly", "Finish the design in Amazon DynamoDB", (74, 16)),
    ("stated in your own words.", "stated in your own words, as Amazon DynamoDB says.", (77, 14)),
], ids=["node-text", "label", "why"])
def test_an_unlisted_service_is_flagged_at_the_field_that_names_it(
        tmp_path: Path, old: str | None, new: str | None, where: tuple[int, int]) -> None:
    text = (FIXTURES / "lint" / "l107.yaml").read_text()
    if old is not None and new is not None:
        text = text.replace(" The team now stores sessions in Amazon DynamoDB.", "")
        assert old in text
        text = text.replace(old, new)
    shutil.copy(FIXTURES / "lint" / "misconceptions.yaml", tmp_path)
    (tmp_path / "l107.yaml").write_text(text)
    assert _flagged(tmp_path / "l107.yaml", "L107") == [where]


def test_the_starters_placeholders_are_flagged_until_rewritten(tmp_path: Path) -> None:
    """The starter validates as is, so nothing else keeps its placeholder sentences from
    reaching learners: lint flags each one (L119) where it stands, and none once rewritten."""
    from scenario_tui.format import starter

    text = starter.render("draft", "")
    scenario, problems = loader.load_text(text, "draft.yaml")
    assert scenario is not None and not problems
    flagged = [p for p in lint.lint(scenario, {}) if p.code == "L119"]
    lines = text.splitlines()
    assert len(flagged) >= 10
    assert any("situation" in p.message for p in flagged)
    for p in flagged:  # each at the line holding its field
        assert lines[p.line - 1].lstrip(" -").split(":")[0] in ("situation", "text", "label",
                                                                "why"), p
    own = text.replace("The best action, written as an imperative",
                       "Put an SQS queue between the API and the workers")
    scenario, _ = loader.load_text(own, "draft.yaml")
    assert scenario is not None
    assert len([p for p in lint.lint(scenario, {}) if p.code == "L119"]) == len(flagged) - 1
