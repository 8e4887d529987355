"""Build hook: ship the top-level scenario library and assets inside the wheel.

The repository keeps `scenarios/` and `assets/` at the top level (authors edit them there);
an installed copy of the app finds them as `scenario_tui/_bundled/{scenarios,assets}`.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).parent


class BuildWithLibrary(build_py):
    """Copy the library and assets into the built package."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "scenario_tui" / "_bundled"
        for name in ("scenarios", "assets"):
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, target / name, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithLibrary})
