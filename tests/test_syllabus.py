"""The shipped study topics: loaded with positions, checked against `covers:`, and reported by
`scenario-tui coverage`."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from scenario_tui.analysis.coverage import coverage, render_text
from scenario_tui.cli import main
from scenario_tui.format import syllabus
from scenario_tui.format.files import syllabus_file
from scenario_tui.format.model import DOMAINS
from scenario_tui.play import library

FIXTURES = Path(__file__).parent / "fixtures"
COVERAGE_MAP = Path(__file__).parent.parent.parent / "shared" / "seed" / "coverage-map.md"
EXAM_DOMAINS = {"development": "Development with AWS Services", "security": "Security",
                "deployment": "Deployment", "troubleshooting": "Troubleshooting and Optimization"}


def test_the_bundled_syllabus_lists_t001_to_t181_under_the_four_exam_domains() -> None:
    topics, problems = syllabus.load(syllabus_file())
    assert problems == []
    assert list(topics.topics) == [f"T{n:03d}" for n in range(1, 182)]
    assert topics.domains == EXAM_DOMAINS
    assert set(DOMAINS) == set(topics.domains)
    for domain in DOMAINS:
        assert topics.in_domain(domain), domain


@pytest.mark.skipif(not COVERAGE_MAP.exists(), reason="coverage map not beside the repo")
def test_topic_titles_are_our_own_words_not_the_notes() -> None:
    text = COVERAGE_MAP.read_text(encoding="utf-8")
    facts = {row.group(1): row.group(2).strip() for row in re.finditer(
        r"^\| (T\d{3}) \| [^|]* \| ([^|]*) \|", text, re.M)}
    topics, _ = syllabus.bundled()
    assert len(facts) == 181
    same = [t.id for t in topics.topics.values() if t.title.lower() == facts[t.id].lower()]
    assert same == []


BROKEN = """\
domains:
  development:
    name: Development with AWS Services
    topics:
      T001: A topic
      T02: Not an id
      T003: ""
  security:
    name: Security
    topic:
      T004: misspelt field
  secrity:
    name: Security again
  deployment:
    name: Deployment
    topics:
      T001: Listed twice
"""


def test_a_malformed_syllabus_is_reported_at_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "syllabus.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    topics, problems = syllabus.load(path)
    found = {(p.code, p.line, p.column) for p in problems}
    assert ("E013", 6, 7) in found  # T02
    assert ("E013", 7, 13) in found  # empty title
    assert ("E012", 10, 5) in found  # topic: did you mean topics
    assert ("E011", 9, 5) in found  # security has no topics
    assert ("E013", 12, 3) in found  # secrity
    assert ("E003", 17, 7) in found  # T001 again
    hints = " ".join(p.hint for p in problems)
    assert "did you mean 'topics'?" in hints and "did you mean 'security'?" in hints
    assert "first listed under 'development' at line 5" in hints
    assert list(topics.topics) == ["T001"]
    assert all(p.format().startswith(f"{path}:") for p in problems)


def test_a_syllabus_that_is_not_a_mapping_of_domains_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "syllabus.yaml"
    path.write_text("- T001\n", encoding="utf-8")
    topics, problems = syllabus.load(path)
    assert [(p.code, p.line, p.column) for p in problems] == [("E010", 1, 1)]
    assert topics.topics == {}


def test_an_unknown_covers_id_is_an_error_at_the_id_with_the_nearest_topic() -> None:
    lib = library.load([FIXTURES / "invalid" / "e029-unknown-topic.yaml"], with_bundled=False)
    problems = [p for p in lib.problems if p.code == "E029"]
    assert [(p.line, p.column) for p in problems] == [(12, 16), (12, 22)]
    assert problems[0].message == "unknown topic id 'T182' in 'covers'"
    assert problems[0].hint.startswith("did you mean 'T181' (")
    assert problems[1].hint.startswith("did you mean 'T181' (")  # T811: digits swapped
    assert all(p.is_error for p in problems)
    assert not lib.scenarios


def test_nearest_topic_prefers_swapped_digits_then_the_closest_number() -> None:
    topics, _ = syllabus.bundled()
    assert (near := topics.nearest("T130")) is not None and near.id == "T130"
    assert (near := topics.nearest("T301")) is not None and sorted(near.id) == sorted("T301")
    assert (near := topics.nearest("T000")) is not None and near.id == "T001"
    assert (near := topics.nearest("T999")) is not None and near.id == "T181"


def _author_folder(tmp_path: Path, covers: str, scenario_id: str = "my-topic-story") -> Path:
    folder = tmp_path / scenario_id
    folder.mkdir(parents=True)
    source = (FIXTURES / "invalid" / "e029-unknown-topic.yaml").read_text(encoding="utf-8")
    text = source.replace("covers: [T008, T182, T811]", covers).replace(
        "id: e029-unknown-topic", f"id: {scenario_id}")
    (folder / f"{scenario_id}.yaml").write_text(text, encoding="utf-8")
    shutil.copy(FIXTURES / "invalid" / "misconceptions.yaml", folder / "misconceptions.yaml")
    return folder


def test_coverage_lists_each_domains_topics_with_the_scenarios_that_teach_them(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coverage"]) == 0
    out = capsys.readouterr().out
    for name in EXAM_DOMAINS.values():
        assert re.search(rf"^{name}: \d+ of \d+ topics taught$", out, re.M), name
    assert re.search(r"^  T008  .*\(read-heavy-database\)$", out, re.M)
    assert re.search(r"^  T179  .*\(api-gateway-cors, s3-browser-cors-and-website\)$", out, re.M)
    assert "Not taught by any scenario: none" in out
    assert out.rstrip().endswith("181 topics: 181 taught, 0 not taught, by 32 scenarios.")


def test_coverage_counts_an_authors_scenarios_too(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    folder = _author_folder(tmp_path, "covers: [T008, T150]")
    assert main(["coverage", "--scenarios", str(folder), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    topics = {t["id"]: t["scenarios"] for d in report["domains"] for t in d["topics"]}
    assert topics["T008"] == ["my-topic-story", "read-heavy-database"]
    assert topics["T150"] == ["my-topic-story", "parameter-store-secrets"]
    assert report["topics"] == 181 and report["untaught"] == []
    assert [d["name"] for d in report["domains"]] == list(EXAM_DOMAINS.values())


def test_coverage_names_a_scenario_that_claims_no_topic_and_leaves_broken_ones_out(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _author_folder(tmp_path, "")
    broken = _author_folder(tmp_path, "covers: [T999]", "bad-topic-story")
    assert main(["coverage", "--scenarios", str(folder), "--scenarios", str(broken)]) == 0
    out = capsys.readouterr().out
    assert "Scenarios that claim no topic (add `covers:`): my-topic-story" in out
    assert "1 file(s) with errors not counted" in out


def test_topics_no_scenario_teaches_are_listed_and_text_is_neutralised() -> None:
    topics = syllabus.Syllabus(
        {"security": "Secu\x1b[31mrity"},
        {"T001": syllabus.Topic("T001", "Keys\x07 and roles", "security"),
         "T002": syllabus.Topic("T002", "Temporary credentials", "security")})
    scenarios = library.load([FIXTURES / "invalid" / "w031-file-name.yaml"],
                             with_bundled=False).entries[0].scenario
    assert scenarios is not None
    text = render_text(coverage(topics, [scenarios]))
    assert "\x1b" not in text and "\x07" not in text
    assert "Not taught by any scenario: 2" in text
    assert "  T001  Keys\u2407 and roles  (not taught)" in text


def test_coverage_counts_installed_packs(tmp_path: Path, data_dir: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    folder = _author_folder(tmp_path, "covers: [T107]", "packed-story")
    assert main(["pack", "add", str(folder)]) == 0
    capsys.readouterr()
    assert main(["coverage", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    topics = {t["id"]: t["scenarios"] for d in report["domains"] for t in d["topics"]}
    assert topics["T107"] == ["kms-envelope-encryption", "packed-story"]
