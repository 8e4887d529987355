"""The core never imports textual: only scenario_tui.ui may."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import scenario_tui


def _core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(scenario_tui.__path__, "scenario_tui.")
                  if not m.name.startswith("scenario_tui.ui") and m.name != "scenario_tui.__main__")


def test_core_modules_do_not_import_textual() -> None:
    modules = _core_modules()
    assert "scenario_tui.format.loader" in modules and "scenario_tui.analysis.scoring" in modules
    code = ("import importlib, sys\n"
            f"for name in {modules!r}: importlib.import_module(name)\n"
            "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
            "print(','.join(bad))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""


def test_catalog_cache_hit_imports_neither_networkx_nor_the_loader(tmp_path) -> None:
    """The app's start: a session over the bundled library whose catalogue cache is current."""
    code = ("import sys\n"
            "from scenario_tui.play.session import Session\n"
            f"assert Session.create(data={str(tmp_path)!r}).scan()\n"
            "for m in [m for m in sys.modules if m.startswith(('networkx', 'scenario_tui.'))]:\n"
            "    del sys.modules[m]\n"
            "from scenario_tui.play.session import Session\n"
            f"entries = Session.create(data={str(tmp_path)!r}).scan_cached()\n"
            "from scenario_tui.progress.review_schedule import ReviewItem\n"
            "heavy = ('networkx', 'scenario_tui.format.loader', 'textual')\n"
            "print(len(entries or ()), *(name in sys.modules for name in heavy))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    count, networkx, loader, textual = result.stdout.split()
    assert int(count) > 0
    assert (networkx, loader, textual) == ("False", "False", "False")


def test_the_tui_starts_without_networkx_or_the_loader() -> None:
    """Everything the catalogue's first frame needs (the CLI, the app and its first screen)
    loads without the graph library: the engine comes with the first scenario opened."""
    code = ("import sys\n"
            "import scenario_tui.cli, scenario_tui.ui.launch, scenario_tui.ui.screens.catalog\n"
            "heavy = ('networkx', 'scenario_tui.format.loader', 'scenario_tui.play.engine')\n"
            "print(*(name in sys.modules for name in heavy))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.split() == ["False", "False", "False"]
