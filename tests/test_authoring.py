"""Authoring: the starter, every lint rule (triggered and not), path reports, CI formats, docs."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from scenario_tui.analysis import lint, path_report
from scenario_tui.cli import main
from scenario_tui.format import loader
from scenario_tui.play import library

LINT = Path(__file__).parent / "fixtures" / "lint"
DOCS = Path(__file__).parent.parent / "docs" / "authoring.md"
TODAY = dt.date(2026, 11, 26)


def _lint(path: Path) -> list[str]:
    """The rules `path` triggers. The fixtures are written from the starter, so each keeps
    some of its placeholder text: L119 (starter-text) counts only in its own fixture."""
    lib = library.load([path], with_bundled=False)
    assert not [p for p in lib.problems if p.is_error], lib.problems
    scenario = lib.entries[0].scenario
    assert scenario is not None
    codes = [p.code for p in lint.lint(scenario, lib.glossary, TODAY)]
    if path.stem == "l119":
        return sorted(set(codes))  # one finding a placeholder, and it keeps them all
    return [code for code in codes if code != "L119"]


def test_clean_fixture_triggers_no_rule() -> None:
    assert _lint(LINT / "lint-clean.yaml") == []


@pytest.mark.parametrize("rule", [r.code for r in lint.RULES])
def test_each_rule_has_a_fixture_that_triggers_only_it(rule: str) -> None:
    assert _lint(LINT / f"{rule.lower()}.yaml") == [rule]


@pytest.mark.parametrize("rule", [r.code for r in lint.RULES])
def test_each_rule_can_be_switched_off_for_the_file(rule: str, tmp_path: Path) -> None:
    text = (LINT / f"{rule.lower()}.yaml").read_text()
    path = tmp_path / f"{rule.lower()}.yaml"
    shutil.copy(LINT / "misconceptions.yaml", tmp_path)
    path.write_text(text.replace("\nnodes:", f"\nlint: {{ignore: [{rule}]}}\nnodes:", 1))
    assert _lint(path) == []


def test_a_rule_can_be_switched_off_for_one_node(tmp_path: Path) -> None:
    text = (LINT / "l104.yaml").read_text()
    path = tmp_path / "l104.yaml"
    shutil.copy(LINT / "misconceptions.yaml", tmp_path)
    path.write_text(text.replace("  first-decision:\n", "  first-decision:\n"
                                 "    lint: {ignore: [L104]}\n", 1))
    assert _lint(path) == []


def test_starter_validates_and_lint_names_its_placeholders(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "my-first", "--dir", str(tmp_path)]) == 0
    written = tmp_path / "my-first.yaml"
    text = written.read_text()
    assert text.startswith("# yaml-language-server: $schema=")
    schema = (tmp_path / text.splitlines()[0].split("$schema=")[1]).resolve()
    assert schema.is_file()
    assert main(["validate", str(written)]) == 0
    capsys.readouterr()
    assert main(["lint", str(written)]) == 0  # warnings only: its placeholders (L119)
    assert "L119" in capsys.readouterr().out
    assert main(["lint", "--strict", str(written)]) == 1
    assert main(["new", "my-first", "--dir", str(tmp_path)]) == 2  # no silent overwrite
    assert main(["new", "Not A Slug", "--dir", str(tmp_path)]) == 2
    capsys.readouterr()


def test_docs_yaml_examples_validate(tmp_path: Path) -> None:
    blocks = re.findall(r"```yaml\n(.*?)```", DOCS.read_text(), re.S)
    assert len(blocks) >= 2
    scenario_block, glossary_block = blocks[0], blocks[-1]
    data = yaml.safe_load(scenario_block)
    path = tmp_path / f"{data['id']}.yaml"
    path.write_text(scenario_block)
    lib = library.load([path], with_bundled=False)
    assert lib.problems == []
    assert lint.lint(lib.entries[0].scenario, lib.glossary, TODAY) == []  # type: ignore[arg-type]
    cards = yaml.safe_load(glossary_block)
    assert set(cards) <= set(lib.glossary)


def _wide_scenario(layers: int, width: int) -> str:
    """`width` choices between each of `layers` layers: width**layers paths."""
    nodes: dict[str, object] = {}
    for layer in range(layers):
        nodes[f"l{layer}"] = {"text": f"Layer {layer}.", "choices": [
            {"label": f"Option {k}", "to": f"l{layer + 1}" if layer + 1 < layers else "end",
             "points": k % 3, "why": "Each option scores by its position in the list here.",
             **({"misconception": "test"} if k % 3 == 0 else {})} for k in range(width)]}
    nodes["end"] = {"end": "success", "text": "Done."}
    return yaml.safe_dump({"id": "wide", "title": "Wide", "situation": "Many paths.",
                           "difficulty": "advanced", "services": [], "verified": "2026-11-26",
                           "sources": ["https://docs.aws.amazon.com/"], "nodes": nodes},
                          sort_keys=False)


def test_path_report_counts_10_to_the_12_paths_by_dynamic_programming() -> None:
    scenario, problems = loader.load_text(_wide_scenario(12, 10), "wide.yaml")
    assert scenario is not None and not problems
    result = path_report.report(scenario)
    assert result.paths == 10**12
    assert (result.best, result.worst) == (24, 0)
    assert sum(result.distribution.values()) == 10**12
    assert result.mean == pytest.approx(12 * (0 + 1 + 2 + 0 + 1 + 2 + 0 + 1 + 2 + 0) / 10)
    assert result.unused_by_passing == ()


def test_path_report_names_choices_no_passing_path_uses(tiny_path: Path) -> None:
    scenario, _ = loader.load_file(tiny_path)
    assert scenario is not None
    result = path_report.report(scenario)
    assert result.paths == 8 and result.pass_score == 3
    assert {(c.source, c.label) for c in result.unused_by_passing} == {
        ("first", "Run it on a laptop under a desk"), ("idle-bill", "Keep paying"),
        ("second", "The function's /tmp folder")}


def test_lint_paths_json_and_github_formats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(LINT / "l110.yaml"), "--format", "json", "--paths"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert [p["code"] for p in payload["problems"] if p["code"] != "L119"] == ["L110"]
    (report,) = payload["paths"].values()
    assert report["paths"] > 0 and report["best"] == 6
    assert main(["lint", str(LINT / "l110.yaml"), "--format", "github", "--strict"]) == 1
    out = [line for line in capsys.readouterr().out.splitlines() if "::L119 " not in line]
    assert out[0].startswith("::warning file=") and ",line=" in out[0] and "::L110 " in out[0]


def test_validate_github_format(capsys: pytest.CaptureFixture[str]) -> None:
    bad = Path(__file__).parent / "fixtures" / "invalid" / "e021-dangling.yaml"
    assert main(["validate", str(bad), "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert f"::error file={bad},line=17,col=13::E021 " in out


def test_pre_commit_hooks_are_declared() -> None:
    hooks = yaml.safe_load((Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text())
    ids = {hook["id"]: hook for hook in hooks}
    assert {"scenario-validate", "scenario-lint"} <= set(ids)
    assert ids["scenario-validate"]["entry"].startswith("scenario-tui validate")


def test_docs_list_every_lint_rule_and_validator_code() -> None:
    text = DOCS.read_text()
    for rule in lint.RULES:
        assert f"| `{rule.code}` | {rule.name} |" in text
    loader = Path(__file__).parent.parent / "scenario_tui" / "format" / "loader.py"
    codes = set(re.findall(r"\b([EW]0\d\d)\b", loader.read_text()))
    for code in codes:
        assert f"`{code}`" in text
