"""Every snapshot file belongs to a test: a stale one (its test renamed, re-parametrised or gone)
fails the run.

syrupy fails a run on unused snapshots only when the tests run in one process; the suite runs
under pytest-xdist, where syrupy skips that check. So this test collects the snapshot tests'
modules afresh (whatever this run selected) and matches every file under `__snapshots__`
against their test ids, named the way syrupy names single-file snapshots:
`__snapshots__/<module>/<Class>.<test>[<params>].svg`, with `.1`, `.2`, ... for a test's
second and later snapshots. Delete a stale file by hand, or run
`python -m pytest tests/ui --snapshot-update`, which runs in one process (tests/conftest.py) so
that syrupy removes it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
REPO = TESTS.parent


def snapshot_name(node_id: str) -> str:
    """The name syrupy gives a test's first snapshot: classes and test joined by dots, with
    the characters a file name cannot hold dropped."""
    name = ".".join(node_id.split("::")[1:])
    return "".join(c for c in name if c not in '\\/?*:|"<>' and c.isprintable())


def collected_test_ids(modules: list[Path]) -> list[str]:
    """The test ids in `modules`, collected in a fresh single-process pytest."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-n", "0", "--assert=plain",
         "-p", "no:cacheprovider", *map(str, modules)],
        cwd=REPO, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return [line for line in result.stdout.splitlines() if "::" in line]


def belongs(stem: str, names: set[str]) -> bool:
    """Whether a snapshot file named `stem` (without its extension) is one of `names`' or a
    later snapshot of theirs (`name.1`, ...)."""
    base, _, index = stem.rpartition(".")
    return stem in names or (index.isdigit() and base in names)


def test_every_snapshot_file_belongs_to_a_test() -> None:
    folders = [f for folder in TESTS.rglob("__snapshots__") for f in folder.iterdir()
               if f.is_dir()]
    assert folders, "no snapshot folders found: has the layout changed?"
    modules = [f.parent.parent / f"{f.name}.py" for f in folders]
    ids = collected_test_ids([m for m in modules if m.exists()])
    stale = []
    for folder, module in zip(folders, modules, strict=True):
        prefix = module.relative_to(REPO).as_posix() + "::"
        names = {snapshot_name(i) for i in ids if i.startswith(prefix)}
        stale += [f.relative_to(REPO).as_posix() for f in sorted(folder.iterdir())
                  if not belongs(re.sub(r"\.[^.]+$", "", f.name), names)]
    assert not stale, "snapshots that no test takes (delete them):\n" + "\n".join(stale)
