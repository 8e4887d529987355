"""`scenario-tui class ...` end to end on a real class store: an instructor creates a class
and adds a learner, the learner joins with the code and syncs, and the instructor's report
(CSV and JSON) shows the class's progress and mistaken beliefs in words."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import stat
import uuid
from pathlib import Path

import pytest

from scenario_tui.cli import main
from scenario_tui.format import loader
from scenario_tui.play import engine
from scenario_tui.progress import class_config
from scenario_tui.progress import store as progress_store

FIXTURES = Path(__file__).parent / "fixtures" / "valid"
T0 = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)


def _plays(folder: Path, picks: list[list[int]]) -> None:
    scenario, _ = loader.load_file(FIXTURES / "tiny.yaml")
    assert scenario is not None
    store = progress_store.open_store(folder)
    for day, chosen in enumerate(picks):
        play = engine.start(scenario, "practice")
        for pick in chosen:
            play = play.choose(scenario, pick)
        store.record(progress_store.PlayRecord(
            scenario.id, progress_store.content_hash(scenario), "practice",
            tuple((c.source, c.index) for c in play.choices), play.score, 4, 10.0,
            (T0 + dt.timedelta(days=day)).isoformat()))
    store.close()


def test_a_class_from_create_to_report(instructor_url: str, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    teacher_dir = str(tmp_path / "teacher")
    monkeypatch.setenv(class_config.URL_VARIABLE, instructor_url)
    name = f"Cloud {uuid.uuid4().hex[:6]}"
    assert main(["class", "create", name, "--data-dir", teacher_dir]) == 0
    class_id = capsys.readouterr().out.strip()
    assert uuid.UUID(class_id)
    codes = {}
    for learner in ("Ada Lovelace", "Grace Hopper"):
        assert main(["class", "add-learner", name, learner, "--data-dir", teacher_dir]) == 0
        out = capsys.readouterr().out
        codes[learner] = next(line for line in out.splitlines()
                              if line.startswith(class_config.JOIN_PREFIX))
    assert main(["class", "add-learner", name, "Ada Lovelace", "--data-dir", teacher_dir]) == 1
    assert "already has a learner called 'Ada Lovelace'" in capsys.readouterr().err

    monkeypatch.delenv(class_config.URL_VARIABLE)   # the learners' machines
    for learner, picks in (("Ada Lovelace", [[1, 0, 1], [0, 0]]), ("Grace Hopper", [[2, 0, 1]])):
        folder = tmp_path / learner.split()[0]
        assert main(["class", "join", codes[learner], "--data-dir", str(folder)]) == 0
        assert "joined as" in capsys.readouterr().out
        config = folder / class_config.CONFIG_NAME
        assert stat.S_IMODE(config.stat().st_mode) == 0o600
        _plays(folder, picks)
        assert main(["class", "sync", "--data-dir", str(folder)]) == 0
        assert f"sent {len(picks)} play(s), {len(picks)} new" in capsys.readouterr().out
        assert main(["class", "sync", "--data-dir", str(folder)]) == 0
        assert "sent 0 play(s), 0 new" in capsys.readouterr().out

    monkeypatch.setenv(class_config.URL_VARIABLE, instructor_url)
    scenarios = ["--scenarios", str(FIXTURES), "--data-dir", teacher_dir]
    assert main(["class", "report", class_id, "--format", "json", *scenarios]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["name"] == name
    assert [(r["name"], r["attempts"], r["mean_best"]) for r in report["learners"]] == [
        ("Ada Lovelace", 2, 100), ("Grace Hopper", 1, 0)]
    assert [(s["scenario_id"], s["bands"]) for s in report["scenarios"]] == [
        ("tiny", [1, 0, 0, 0, 1])]
    beliefs = {b["tag"]: b for b in report["beliefs"]}
    assert beliefs["laptop-is-a-server"]["belief"] != "laptop-is-a-server"   # the sentence
    assert report["heat"][1]["cells"]["tiny"]["missed"] >= 1
    assert main(["class", "report", name, "--format", "csv", *scenarios]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {"progress", "scores", "misconceptions", "heat"} <= {r["section"] for r in rows}


def test_class_commands_fail_in_one_line_without_a_class(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    assert main(["class", "sync", "--data-dir", str(tmp_path)]) == 1
    assert "no class is set up" in capsys.readouterr().err
    assert main(["class", "join", "stc1-garbage", "--data-dir", str(tmp_path)]) == 1
    assert "join code is damaged" in capsys.readouterr().err


def test_a_wrong_password_is_one_line_and_never_printed(instructor_url: str, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    wrong = instructor_url.replace("@", "x@", 1)
    monkeypatch.setenv(class_config.URL_VARIABLE, wrong)
    assert main(["class", "create", "c", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "cannot be reached" in err and "password authentication failed" in err
    secret = wrong.split(":")[2].split("@")[0]
    assert secret not in err and len(err.splitlines()) == 1


def test_class_server_starts_a_local_class_to_try(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    import shutil
    import tempfile

    from pg_cluster import require_postgres

    from scenario_tui.progress import local_server

    require_postgres()
    folder = Path(tempfile.mkdtemp(prefix="scenario-tui-class-server-"))
    data = str(tmp_path / "data")
    try:
        assert main(["class", "server", "--dir", str(folder), "--data-dir", data]) == 0
        out = capsys.readouterr().out
        assert "class server running on 127.0.0.1:" in out
        assert local_server.open_existing(folder).password not in out
        assert main(["class", "create", "Try it", "--data-dir", data]) == 0
        assert uuid.UUID(capsys.readouterr().out.strip())
        assert main(["class", "server", "--dir", str(folder), "--data-dir", data]) == 0
        assert "running" in capsys.readouterr().out   # a second start finds it
    finally:
        local_server.open_existing(folder).stop("immediate")
        shutil.rmtree(folder, ignore_errors=True)
