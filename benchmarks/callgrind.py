"""Instructions a command runs, counted by valgrind's callgrind: a deterministic measure
beside wall-clock times, which on a shared 2-CPU machine swing by 10 % from run to run.

Two runs of one command differ by about 0.03 %, so a ratio of counts settles what a ratio of
times leaves open. Only the process's own user-space instructions count (not the kernel's
work, nor waiting on the disk), which is also why a count ratio reads a little higher than a
time ratio. Python runs with its plain allocator (`PYTHONMALLOC=malloc`) under valgrind.
"""

from __future__ import annotations

import re
import shutil
import subprocess

COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def available() -> bool:
    """Whether valgrind is installed."""
    return shutil.which("valgrind") is not None


def instructions(command: list[str], env: dict[str, str]) -> int:
    """User-space instructions `command` runs until it exits (valgrind's `Collected`)."""
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        env={**env, "PYTHONMALLOC": "malloc"}, check=True, capture_output=True, text=True)
    found = COLLECTED.search(result.stderr)
    if found is None:
        raise RuntimeError(f"callgrind printed no count:\n{result.stderr[-2000:]}")
    return int(found.group(1))
