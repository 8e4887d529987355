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


def test_catalog_cache_hit_imports_neither_networkx_nor_textual(tmp_path) -> None:
    code = ("import sys, pathlib\n"
            "from scenario_tui import catalog, library\n"
            f"cache = pathlib.Path({str(tmp_path)!r}) / 'catalog.json'\n"
            "catalog.scan([library.library_dir()], cache)\n"
            "for m in [m for m in sys.modules if m.startswith(('networkx', 'scenario_tui.'))]:\n"
            "    del sys.modules[m]\n"
            "from scenario_tui import catalog, library\n"
            "entries = catalog.scan([library.library_dir()], cache)\n"
            "print(len(entries), 'networkx' in sys.modules, 'textual' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    count, networkx, textual = result.stdout.split()
    assert int(count) > 0 and networkx == "False" and textual == "False"
