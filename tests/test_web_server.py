"""`scenario-tui serve`: loopback unless told otherwise, and the command each browser's app runs
is quoted so no folder name can add to it."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

import pytest

from scenario_tui import cli
from scenario_tui.cli import output
from scenario_tui.ui import web_server


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"])
def test_loopback_hosts_need_no_flag(host: str) -> None:
    assert web_server.host_refusal(host, public=False) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.5", "example.org"])
def test_any_other_host_needs_public(host: str) -> None:
    refusal = web_server.host_refusal(host, public=False)
    assert refusal is not None and "--public" in refusal
    assert web_server.host_refusal(host, public=True) is None


def test_the_app_command_keeps_every_path_one_word(tmp_path: Path) -> None:
    hostile = tmp_path / "it's a $(touch pwned); `x` \"folder\""
    hostile.mkdir()
    words = shlex.split(web_server.app_command([hostile, "relative dir"], tmp_path / "d d"))
    if words[0] == "exec":  # the shell becomes the app
        words = words[1:]
    assert words[1:] == ["--ask-learner", "--data-dir", str((tmp_path / "d d").resolve()),
                         "--scenarios", str(hostile.resolve()),
                         "--scenarios", str(Path("relative dir").resolve())]
    assert Path(words[0]).name == "scenario-tui" or words[1:3] == ["-m", "scenario_tui"]


def test_serve_refuses_a_public_host_without_public(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["serve", "--host", "0.0.0.0"]) == output.EXIT_USAGE
    assert "reverse proxy" in capsys.readouterr().err


def test_serve_refuses_a_port_out_of_range(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["serve", "--port", "70000"]) == output.EXIT_USAGE
    assert "--port 70000" in capsys.readouterr().err


def test_public_serves_with_a_warning_and_forwards_the_folders(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(web_server, "serve",
                        lambda *args, **options: calls.append((*args, options)))
    status = cli.main(["serve", "--host", "0.0.0.0", "--public", "--port", "9000",
                       "--scenarios", str(tmp_path), "--data-dir", str(tmp_path / "data"),
                       "--public-url", "https://train.example.org/"])
    assert status == output.EXIT_OK
    assert "warning" in capsys.readouterr().err
    assert calls == [("0.0.0.0", 9000, [str(tmp_path)], tmp_path / "data",
                      "https://train.example.org/", {"in_order": False})]
