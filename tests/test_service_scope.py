"""Where a service runs (the glossary's `scope`): a global or regional service is never drawn
or exported as sitting in "1 AZ", and a scope the glossary cannot mean is an error at its
place."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenario_tui.cli import main
from scenario_tui.format import glossary
from scenario_tui.format.architecture import Architecture, Component
from scenario_tui.format.architecture_export import export_architecture
from scenario_tui.format.files import library_dir
from scenario_tui.ui.widgets.architecture_drawing import Drawing, compact

SHOP = Path(__file__).parent / "fixtures" / "architecture" / "shop-resilience.yaml"


@pytest.mark.parametrize(("component", "scope", "words"), [
    (Component("db", "rds", "Orders"), "zonal", ["1 AZ"]),
    (Component("db", "rds", "Orders", azs=2), "zonal", ["2 AZs"]),
    (Component("b", "s3", "Bucket"), "regional", ["regional"]),
    (Component("b", "s3", "Bucket", azs=3), "regional", ["3 AZs"]),
    (Component("t", "dynamodb", "Table", regions=2), "regional", ["2 Regions"]),
    (Component("r", "iam", "Deploy role"), "global", ["global"]),
    (Component("r", "route53", "Domain", azs=2, regions=2), "global", ["global"]),
])
def test_placement_words_follow_the_scope(component: Component, scope: str,
                                          words: list[str]) -> None:
    assert component.placement({component.service: scope}) == words


def test_the_bundled_glossary_places_global_and_regional_services() -> None:
    cards, problems = glossary.for_roots([library_dir()])
    assert problems == []
    scopes = glossary.scopes(cards)
    assert {scopes[s] for s in ("iam", "route53", "cloudfront", "organizations")} == {"global"}
    assert {scopes[s] for s in ("s3", "dynamodb", "sqs", "kms", "lambda", "codebuild")} == {
        "regional"}
    assert {scopes[s] for s in ("ec2", "rds", "elasticache", "ebs", "emr")} == {"zonal"}


def test_the_diagram_says_global_and_regional_not_one_az() -> None:
    system = Architecture((Component("role", "iam", "Deploy role", links=("bucket",)),
                           Component("bucket", "s3", "Artifacts"),
                           Component("db", "rds", "Orders")))
    scopes = glossary.scopes(glossary.for_roots([library_dir()])[0])
    lines = [line.plain for line in compact(Drawing(system, scopes=scopes), 80)]
    assert any("Deploy role  iam · global → Artifacts" in line for line in lines), lines
    assert any("Artifacts  s3 · regional" in line for line in lines), lines
    assert any("Orders  rds · 1 AZ" in line for line in lines), lines
    unplaced = [line.plain for line in compact(Drawing(system), 80)]
    assert any("iam · 1 AZ" in line for line in unplaced)  # what it said without the glossary


def test_export_uses_the_scopes() -> None:
    system = Architecture((Component("dns", "route53", "Shop domain"),))
    assert "route53, global" in export_architecture(system, "mermaid", "", {"route53": "global"})
    assert "route53, 1 AZ" in export_architecture(system, "dot")


def test_export_on_the_command_line_reads_the_glossary(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(SHOP), "--architecture", "--path", "2,3,3"]) == 0
    out = capsys.readouterr().out
    assert "Shop domain<br/>route53, global" in out
    assert "1 AZ" in out  # the unplaced EC2 web tier is zonal: one AZ is the point


def test_an_unknown_scope_is_an_error_at_its_place(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text("queue:\n  name: A queue\n  summary: Holds messages.\n  scope: regionl\n",
                    encoding="utf-8")
    cards, problems = glossary.load(path)
    assert cards == {}
    assert [(p.code, p.line, p.column, p.hint) for p in problems] == [
        ("E013", 4, 10, "did you mean 'regional'?")]
    assert "must be one of zonal, regional, global, not 'regionl'" in problems[0].message


def test_a_card_without_a_scope_is_zonal(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text("box:\n  name: A box\n  summary: Runs things.\n", encoding="utf-8")
    assert glossary.load(path)[0]["box"].scope == "zonal"
