"""Scenario packs: added from a folder or a local git repository, checked before they are
installed, pinned to a commit, never able to run code or write outside the data dir."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from scenario_tui.authoring import pack_sources
from scenario_tui.authoring.pack_install import add
from scenario_tui.cli import main
from scenario_tui.play import library, packs
from scenario_tui.play.engine import Play
from scenario_tui.play.modes import PRACTICE
from scenario_tui.play.packs import PackError
from scenario_tui.play.session import Session

PACK = Path(__file__).parent / "fixtures" / "pack"
SCENARIO = "pack-queue-basics"


@pytest.fixture(autouse=True)
def quiet_git(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Git reads no configuration of the machine's or the user's: an empty global file this
    test can add to, no system file."""
    config = tmp_path_factory.mktemp("git") / "gitconfig"
    config.write_text("", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    return config


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), "-c", "user.name=Author", "-c",
                           "user.email=author@example.com", *args],
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


def make_repo(where: Path) -> Path:
    """A git repository holding the fixture pack, tagged `v1`, with a second commit after the
    tag that changes the scenario's title."""
    repo = where / "queue-pack"
    shutil.copytree(PACK, repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    git(repo, "tag", "v1")
    scenario = repo / f"{SCENARIO}.yaml"
    scenario.write_text(scenario.read_text(encoding="utf-8").replace(
        "title: Queue basics from a pack", "title: Queue basics, second edition"),
        encoding="utf-8")
    git(repo, "commit", "-q", "-am", "second")
    return repo


def everything_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) \
        if folder.exists() else []


def test_a_folder_is_checked_and_installed_with_its_glossary_and_misconceptions(
        data_dir: Path) -> None:
    added = add(str(PACK), data_dir)
    assert added.pack is not None and not added.errors
    assert (added.pack.name, added.pack.commit, added.pack.scenarios) == ("pack", "", 1)
    assert everything_in(data_dir / "packs") == [
        "pack", "pack/.pack.json", "pack/glossary.yaml", "pack/misconceptions.yaml",
        f"pack/{SCENARIO}.yaml"]
    assert packs.installed(data_dir) == [added.pack]
    lib = library.load(packs.roots(data_dir))
    assert not lib.problems
    assert SCENARIO in lib.scenarios and "pack-queue" in lib.glossary
    assert "pack-queue-is-a-database" in lib.misconceptions


def test_a_git_repository_is_pinned_to_the_commit_of_the_ref(tmp_path: Path,
                                                              data_dir: Path) -> None:
    repo = make_repo(tmp_path)
    tagged = git(repo, "rev-parse", "v1^{commit}")
    added = add(f"file://{repo}@v1", data_dir)
    assert added.pack is not None
    assert (added.pack.name, added.pack.commit, added.pack.ref) == ("queue-pack", tagged, "v1")
    manifest = json.loads((data_dir / "packs" / "queue-pack" / ".pack.json").read_text())
    assert manifest["commit"] == tagged and manifest["origin"] == f"file://{repo}"
    assert "title: Queue basics from a pack" in \
        (data_dir / "packs" / "queue-pack" / f"{SCENARIO}.yaml").read_text()
    assert not (data_dir / "packs" / "queue-pack" / ".git").exists()


def test_a_commit_id_and_the_default_branch_are_pinned_too(tmp_path: Path,
                                                          data_dir: Path) -> None:
    repo = make_repo(tmp_path)
    first = git(repo, "rev-parse", "HEAD~1")
    by_commit = add(f"file://{repo}@{first[:10]}", data_dir, name="by-commit")
    assert by_commit.pack is not None and by_commit.pack.commit == first
    packs.remove("by-commit", data_dir)
    latest = add(f"file://{repo}", data_dir, name="latest")
    assert latest.pack is not None and latest.pack.commit == git(repo, "rev-parse", "HEAD")
    local = add(str(repo) + "@main", data_dir, name="local")
    assert local.pack is None  # the scenario, service and tag `latest` has: refused
    assert [p.code for p in local.errors] == ["E063"] * 3
    assert any("pack 'latest'" in p.message for p in local.errors)


def test_a_ref_that_is_not_there_is_refused(tmp_path: Path, data_dir: Path) -> None:
    repo = make_repo(tmp_path)
    with pytest.raises(PackError, match="'v9' is not a branch, tag or commit"):
        add(f"file://{repo}@v9", data_dir)
    assert everything_in(data_dir / "packs") == []


def broken_pack(where: Path) -> Path:
    """The fixture pack plus two broken files, each with its own error."""
    folder = where / "broken"
    shutil.copytree(PACK, folder)
    (folder / "syntax.yaml").write_text("id: syntax\ntitle: [unclosed\n", encoding="utf-8")
    text = (PACK / f"{SCENARIO}.yaml").read_text(encoding="utf-8")
    (folder / "dangling.yaml").write_text(
        text.replace(f"id: {SCENARIO}", "id: dangling").replace("to: lost", "to: lots"),
        encoding="utf-8")
    return folder


def test_a_pack_with_errors_is_refused_with_every_error_and_nothing_left(
        tmp_path: Path, data_dir: Path) -> None:
    folder = broken_pack(tmp_path)
    added = add(str(folder), data_dir)
    assert added.pack is None
    assert {(Path(p.path).name, p.code) for p in added.errors} == \
        {("syntax.yaml", "E002"), ("dangling.yaml", "E021")}
    assert all(p.path.startswith(str(folder)) for p in added.errors)  # the author's paths
    assert everything_in(data_dir / "packs") == []


def test_the_command_lists_every_error_and_exits_1(tmp_path: Path, data_dir: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    folder = broken_pack(tmp_path)
    assert main(["pack", "add", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "syntax.yaml:2:8: error E002" in err and "dangling.yaml" in err and "E021" in err
    assert "pack refused: 2 error(s) listed above; nothing was installed" in err
    assert everything_in(data_dir / "packs") == []


def test_a_git_pack_with_errors_names_the_files_in_the_repository(tmp_path: Path,
                                                                 data_dir: Path) -> None:
    repo = broken_pack(tmp_path)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "broken")
    added = add(f"file://{repo}", data_dir)
    assert added.pack is None
    assert sorted(p.path for p in added.errors) == ["dangling.yaml", "syntax.yaml"]
    assert everything_in(data_dir / "packs") == []


def test_ids_of_the_bundled_library_cannot_be_taken_or_redefined(tmp_path: Path,
                                                                  data_dir: Path) -> None:
    folder = tmp_path / "clash"
    shutil.copytree(PACK, folder)
    bundled = next(iter(library.load(with_bundled=True).scenarios))
    scenario = folder / f"{SCENARIO}.yaml"
    scenario.write_text(scenario.read_text().replace(f"id: {SCENARIO}", f"id: {bundled}"))
    with (folder / "glossary.yaml").open("a") as glossary:
        glossary.write("s3:\n  name: Not S3\n  summary: A card that would replace S3's.\n")
    added = add(str(folder), data_dir)
    assert added.pack is None
    found = {(Path(p.path).name, p.line, p.code) for p in added.errors}
    assert found == {(scenario.name, 1, "E063"), ("glossary.yaml", 6, "E063")}
    assert any("the bundled library" in p.message for p in added.errors)


def test_a_link_is_never_followed_out_of_a_folder(tmp_path: Path, data_dir: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = (PACK / f"{SCENARIO}.yaml").read_text().replace(f"id: {SCENARIO}", "id: secret")
    (outside / "secret.yaml").write_text(secret)
    folder = tmp_path / "linked"
    shutil.copytree(PACK, folder)
    (folder / "secret.yaml").symlink_to(outside / "secret.yaml")
    (folder / "more").symlink_to(outside)
    added = add(str(folder), data_dir)
    assert added.pack is not None and added.pack.scenarios == 1
    assert added.skipped == ["more: a symbolic link, not followed",
                             "secret.yaml: a symbolic link, not followed"]
    assert not list((data_dir / "packs").rglob("secret.yaml"))


def test_a_link_in_a_repository_is_not_followed(tmp_path: Path, data_dir: Path) -> None:
    repo = make_repo(tmp_path)
    (repo / "passwd.yaml").symlink_to("/etc/passwd")
    (repo / "up.yaml").symlink_to("../../outside.yaml")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "links")
    added = add(f"file://{repo}", data_dir)
    assert added.pack is not None
    assert added.skipped == ["passwd.yaml: a symbolic link, not followed",
                             "up.yaml: a symbolic link, not followed"]
    installed = data_dir / "packs" / "queue-pack"
    assert not (installed / "passwd.yaml").exists() and not (installed / "up.yaml").exists()


def test_no_hook_runs_neither_the_repository_s_nor_the_user_s(
        tmp_path: Path, data_dir: Path, quiet_git: Path) -> None:
    """Installing clones bare and reads blobs: no checkout, and hooks are off even when the
    user's configuration points git at a hooks folder (without `core.hooksPath=/dev/null`
    the `reference-transaction` hook below runs during the clone)."""
    repo = make_repo(tmp_path)
    marker = tmp_path / "hook-ran"
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    for folder in (hooks, repo / ".git" / "hooks"):
        for name in ("post-checkout", "reference-transaction", "post-merge", "post-rewrite"):
            hook = folder / name
            hook.write_text(f"#!/bin/sh\necho {name} >> '{marker}'\n")
            hook.chmod(0o755)
    quiet_git.write_text(f"[core]\n\thooksPath = {hooks}\n")
    added = add(f"file://{repo}@v1", data_dir)
    assert added.pack is not None
    assert not marker.exists()
    for path in (data_dir / "packs").rglob("*"):
        assert not path.stat().st_mode & 0o111 or path.is_dir()


@pytest.mark.parametrize("spec", ["ext::sh -c touch% /tmp/x", "http://example.com/pack.git",
                                  "fd::3", "-uhelp"])
def test_transports_that_could_run_code_or_go_unencrypted_are_refused(
        spec: str, data_dir: Path) -> None:
    with pytest.raises(PackError):
        add(spec, data_dir)
    assert everything_in(data_dir / "packs") == []


@pytest.mark.parametrize("name", ["../out", "a/b", ".hidden", "Upper", ""])
def test_a_name_that_could_escape_is_refused(name: str, data_dir: Path) -> None:
    with pytest.raises(PackError, match="cannot name a pack"):
        add(str(PACK), data_dir, name=name)
    assert everything_in(data_dir / "packs") == []


@pytest.mark.parametrize("relative", ["../x.yaml", "a/../../x.yaml", ".git/config",
                                      "a//b.yaml", "x\x1b[2J.yaml", "a\\..\\b.yaml"])
def test_file_names_that_could_escape_are_unsafe(relative: str) -> None:
    assert not pack_sources.safe_path(relative)


def test_a_file_too_large_is_refused_unread(tmp_path: Path, data_dir: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pack_sources, "MAX_FILE_BYTES", 100)
    added = add(str(PACK), data_dir)
    assert added.pack is None
    assert {p.code for p in added.errors} == {"E061"}
    assert everything_in(data_dir / "packs") == []


def test_only_what_the_library_reads_is_copied(tmp_path: Path, data_dir: Path) -> None:
    folder = tmp_path / "mixed"
    shutil.copytree(PACK, folder)
    (folder / "install.sh").write_text("#!/bin/sh\nrm -rf ~\n")
    (folder / "install.sh").chmod(0o755)
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "x.yaml").write_text("not: read")
    (folder / f"{SCENARIO}.yaml").chmod(0o755)
    added = add(str(folder), data_dir)
    assert added.pack is not None
    root = data_dir / "packs" / "mixed"
    assert sorted(p.name for p in root.iterdir()) == [
        ".pack.json", "glossary.yaml", "misconceptions.yaml", f"{SCENARIO}.yaml"]
    assert oct((root / f"{SCENARIO}.yaml").stat().st_mode & 0o777) == "0o644"


def test_an_installed_name_is_kept_unless_forced(tmp_path: Path, data_dir: Path) -> None:
    repo = make_repo(tmp_path)
    add(f"file://{repo}@v1", data_dir)
    with pytest.raises(PackError, match="already installed"):
        add(f"file://{repo}@main", data_dir)
    replaced = add(f"file://{repo}@main", data_dir, force=True)
    assert replaced.replaced and replaced.pack is not None and replaced.pack.ref == "main"
    assert "second edition" in \
        (data_dir / "packs" / "queue-pack" / f"{SCENARIO}.yaml").read_text()
    assert [p.name for p in (data_dir / "packs").iterdir()] == ["queue-pack"]


def test_a_refused_replacement_keeps_the_installed_pack(tmp_path: Path, data_dir: Path) -> None:
    add(str(PACK), data_dir, name="queue")
    before = everything_in(data_dir / "packs")
    refused = add(str(broken_pack(tmp_path)), data_dir, name="queue", force=True)
    assert refused.pack is None and everything_in(data_dir / "packs") == before


def test_a_folder_in_packs_without_a_manifest_is_not_read(data_dir: Path) -> None:
    stray = data_dir / "packs" / "stray"
    shutil.copytree(PACK, stray)
    assert packs.installed(data_dir) == [] and packs.roots(data_dir) == []


def test_round_trip_from_a_tag_play_and_remove(tmp_path: Path, data_dir: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path)
    assert main(["pack", "add", f"file://{repo}@v1"]) == 0
    out = capsys.readouterr().out
    assert f"installed pack queue-pack: 1 scenario(s) from file://{repo} pinned to " in out
    session = Session.create((), data_dir, with_bundled=False)
    session.scan()
    entry = session.entry(SCENARIO)
    assert entry is not None and session.pack_of(entry) == "queue-pack"
    assert session.shorten(entry.path) == f"queue-pack/{SCENARIO}.yaml"
    scenario = session.scenario(SCENARIO)
    play = Play(scenario.id, PRACTICE).choose(scenario, 0)
    assert play.finished(scenario) and play.score == 2
    assert "pack-queue" in session.glossary
    session.close()

    tagged = git(repo, "rev-parse", "v1^{commit}")
    assert main(["pack", "list"]) == 0
    assert capsys.readouterr().out.startswith(
        f"queue-pack  1 scenario(s)  from file://{repo} at {tagged[:12]} (v1)  installed ")
    assert main(["pack", "list", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(p["name"], p["ref"], p["scenarios"]) for p in listed] == [("queue-pack", "v1", 1)]
    assert listed[0]["commit"] == tagged

    assert main(["pack", "remove", "queue-pack"]) == 0
    assert "removed pack queue-pack" in capsys.readouterr().out
    assert everything_in(data_dir / "packs") == []
    assert Session.create((), data_dir, with_bundled=False).roots == []
    assert main(["pack", "remove", "queue-pack"]) == 1
    assert "no pack called 'queue-pack' is installed" in capsys.readouterr().err


def test_list_says_when_there_are_none(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pack", "list"]) == 0
    assert "No packs installed" in capsys.readouterr().out
    assert main(["pack", "list", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_the_library_list_includes_packs(data_dir: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    add(str(PACK), data_dir)
    assert main(["list"]) == 0
    assert SCENARIO in capsys.readouterr().out


def test_nothing_is_written_outside_packs(tmp_path: Path, data_dir: Path) -> None:
    repo = make_repo(tmp_path)
    before = everything_in(tmp_path)
    add(f"file://{repo}@v1", data_dir)
    add(str(broken_pack(tmp_path / "elsewhere")), data_dir, name="other")
    assert all(p in before or p.startswith("elsewhere") for p in everything_in(tmp_path))
    assert {p.split(os.sep)[0] for p in everything_in(data_dir)} == {"packs"}



def test_what_a_killed_add_or_remove_left_is_swept_by_the_next(data_dir: Path) -> None:
    """A `pack add` or `pack remove` killed part-way left its hidden folder in `packs/` for
    good. The next one deletes such folders once their process is gone, and never another
    command's that still runs."""
    dead = subprocess.Popen(["true"])
    dead.wait()
    home = packs.packs_dir(data_dir)
    left = [home / f".adding-old-pack-{dead.pid}-k2x9_a1q", home / f".removing-old-{dead.pid}",
            home / f".adding-busy-{os.getpid()}-abcdefgh"]
    for folder in left:
        (folder / "pack").mkdir(parents=True)
        (folder / "pack" / "half.yaml").write_text("id: half\n", encoding="utf-8")
    added = add(str(PACK), data_dir)
    assert added.pack is not None
    assert [f.name for f in left if f.exists()] == [left[2].name]
    names = sorted(p.name for p in home.iterdir())
    assert names == [left[2].name, added.pack.name]
