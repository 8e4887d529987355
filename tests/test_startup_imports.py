"""What the catalogue's start does not pay for: modules its first frame never uses, and a
folder walk per file. benchmarks/startup.py times the start; these hold what it found."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scenario_tui.cli import HANDLERS, handler
from scenario_tui.cli.parser import _parser
from scenario_tui.format.files import _each_once, discover

LATER = ("scenario_tui.format.model", "scenario_tui.play.review_run", "secrets", "hashlib",
         "scenario_tui.cli.library_commands", "scenario_tui.cli.authoring_commands",
         "scenario_tui.cli.sharing_commands", "scenario_tui.cli.progress_commands",
         "scenario_tui.progress.class_sync", "scenario_tui.progress.pg_store",
         "scenario_tui.play.statistics_report")
"""The model's classes come with the first scenario opened, the review run with a review,
hashing with a play's seed or a class sync, a command's module with that command, the class
sync (and the PostgreSQL store) after the first frame, the stats screen's figures with it."""


def test_the_catalogue_start_imports_only_what_its_first_frame_uses(tmp_path: Path) -> None:
    """A start with a current catalogue cache (the first start wrote it)."""
    warm = ("from scenario_tui.play.session import Session\n"
            f"Session.create(data={str(tmp_path)!r}).scan()\n")
    subprocess.run([sys.executable, "-c", warm], check=True)
    code = ("import sys\n"
            "from scenario_tui.cli import handler\n"
            "import scenario_tui.ui.app, scenario_tui.ui.launch\n"
            "from scenario_tui.play.session import Session\n"
            "assert handler(None).__name__ == 'cmd_tui'\n"
            f"session = Session.create(data={str(tmp_path)!r})\n"
            "assert session.scan_cached()\n"
            f"print(*(name for name in {LATER!r} if name in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.split() == []


def test_every_command_has_its_handler() -> None:
    parser = _parser()
    [commands] = [a for a in parser._actions if a.dest == "command"]
    assert set(HANDLERS) == set(commands.choices or {})
    for command in (*HANDLERS, None):
        assert callable(handler(command))


def test_each_file_is_found_once_however_it_is_spelled(tmp_path: Path) -> None:
    """Folders are resolved once for all their files; the answer is `Path.resolve`'s."""
    library = tmp_path / "library"
    (library / "sub").mkdir(parents=True)
    for name in ("a.yaml", "b.yaml", "sub/c.yaml"):
        (library / name).write_text("id: x\n", encoding="utf-8")
    (tmp_path / "linked").symlink_to(library, target_is_directory=True)
    (library / "link.yaml").symlink_to(library / "sub" / "c.yaml")
    spellings = [library / "a.yaml", tmp_path / "linked" / "a.yaml", library / "sub" / "c.yaml",
                 library / "sub" / ".." / "b.yaml", library / "b.yaml", library / "link.yaml",
                 tmp_path / "linked" / "sub" / "c.yaml", library / "missing.yaml"]
    expected = list({p.resolve(): p for p in reversed(spellings)}.values())[::-1]
    assert _each_once(spellings) == expected
    assert len(expected) == 4  # a, b, c (also as link.yaml), missing
    files, _ = discover([library, tmp_path / "linked"])
    assert sorted(p.resolve().name for p in files) == ["a.yaml", "b.yaml", "c.yaml"]
