"""What a new author meets first: `new` in a folder that has its own misconceptions file or under
a reserved name, `export` to a `.json` file, `author` given a folder, and the `E028` hint."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from scenario_tui.cli import main
from scenario_tui.format import loader
from scenario_tui.format.files import GLOSSARY_NAME, MISCONCEPTIONS_NAME
from scenario_tui.play import library

OWN = """\
my-belief:
  belief: A bigger server absorbs any burst.
  fact: A queue buffers a burst; a bigger server only raises one machine's ceiling.
  source: https://docs.aws.amazon.com/lambda/latest/dg/welcome.html
"""
TINY = Path(__file__).parent / "fixtures" / "valid" / "tiny.yaml"


def test_a_starter_beside_an_author_s_own_misconceptions_file_validates(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    beliefs = tmp_path / MISCONCEPTIONS_NAME
    beliefs.write_text(OWN.rstrip("\n"))  # and without its last line break
    assert main(["new", "first", "--dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"added the starter's placeholder tags (short-kebab-tag-for-the-belief, " \
        f"another-kebab-tag, a-third-kebab-tag) to {beliefs}" in out
    assert beliefs.read_text().startswith(OWN)
    assert main(["validate", str(tmp_path / "first.yaml")]) == 0
    capsys.readouterr()
    before = beliefs.read_text()
    assert main(["new", "second", "--dir", str(tmp_path)]) == 0
    assert "placeholder" not in capsys.readouterr().out
    assert beliefs.read_text() == before  # the tags are there: nothing added twice
    assert main(["validate", str(tmp_path)]) == 0


def test_a_misconceptions_file_that_does_not_read_is_left_alone_and_named(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    beliefs = tmp_path / MISCONCEPTIONS_NAME
    beliefs.write_text("my-belief: {belief: [unclosed\n")
    assert main(["new", "first", "--dir", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "are not defined and could not be added to" in err and "E028" in err
    assert beliefs.read_text() == "my-belief: {belief: [unclosed\n"
    assert (tmp_path / "first.yaml").is_file()


@pytest.mark.parametrize("name", [GLOSSARY_NAME, MISCONCEPTIONS_NAME])
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_new_refuses_the_names_a_folder_reserves(name: str, force: list[str], tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / MISCONCEPTIONS_NAME).write_text(OWN)
    assert main(["new", name.removesuffix(".yaml"), "--dir", str(tmp_path), *force]) == 2
    err = capsys.readouterr().err
    assert "is reserved" in err and len(err.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [MISCONCEPTIONS_NAME]
    assert (tmp_path / MISCONCEPTIONS_NAME).read_text() == OWN


def test_node_link_data_written_to_a_json_file_is_json(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["--format", "node-link"], []):
        out = tmp_path / f"graph{len(args)}.json"
        assert main(["export", str(TINY), *args, "-o", str(out)]) == 0
        data = json.loads(out.read_text(encoding="utf-8"))
        assert data["directed"] is True and data["graph"]["id"] == "tiny"
        scenario, problems = loader.load_file(out)
        assert scenario is not None and not [p for p in problems if p.is_error]


def test_node_link_data_stays_yaml_on_stdout_and_in_a_yaml_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(TINY)]) == 0
    assert capsys.readouterr().out.startswith("directed: true\n")
    out = tmp_path / "graph.yaml"
    assert main(["export", str(TINY), "--format", "node-link", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("directed: true\n")


def test_author_given_a_folder_says_it_takes_one_file(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["author", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "is a folder" in err and "one scenario file" in err and "no such file" not in err


@pytest.mark.parametrize(("tag", "hint"), [
    ("zzz-qqq", "define it (belief, fact, source) in {file}"),
    ("laptop-is-a-servr", "did you mean 'laptop-is-a-server'? or define it (belief, fact, "
     "source) in {file}"),
], ids=["no-nearest-tag", "a-nearest-tag"])
def test_the_undefined_tag_hint_reads_with_and_without_a_nearest_tag(
        tag: str, hint: str, tmp_path: Path) -> None:
    text = TINY.read_text(encoding="utf-8")
    shutil.copy(TINY.with_name(MISCONCEPTIONS_NAME), tmp_path)
    (tmp_path / "tiny.yaml").write_text(text.replace("misconception: laptop-is-a-server",
                                                     f"misconception: {tag}"))
    lib = library.load([tmp_path / "tiny.yaml"], with_bundled=False)
    hints = [p.hint for p in lib.problems if p.code == "E028"]
    assert hints == [hint.format(file=tmp_path / MISCONCEPTIONS_NAME)]
