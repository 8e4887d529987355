"""Imports point down the layers only: format ← analysis ← progress ← play ← authoring ← ui ← cli.

Every import counts, the ones inside functions and under `TYPE_CHECKING` included: a lazy
import that points up is still a cycle in the design.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "scenario_tui"
LAYERS = {"format": 0, "analysis": 1, "progress": 2, "play": 3, "authoring": 4,
          "ui": 5, "cli": 6, "__main__": 7}
"""A module may import from its own layer's package and from any lower layer. The CLI sits on
top: its commands start the apps."""


def layer_of(module: str) -> str:
    """`scenario_tui.play.engine` → `play`; the package's own `__init__` is the base."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "format"


def imported_modules(path: Path, source: str | None = None) -> set[str]:
    """Every `scenario_tui` module that `path` (or `source` read as if it were there)
    imports, resolved to an absolute name."""
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    package = parts[:-1]
    found: set[str] = set()
    text = path.read_text(encoding="utf-8") if source is None else source
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if target.startswith("scenario_tui"):
                found.add(target)
                found.update(f"{target}.{alias.name}" for alias in node.names
                             if (PACKAGE.parent / Path(*target.split("."), alias.name)).exists()
                             or (PACKAGE.parent / Path(*target.split("."),
                                                       f"{alias.name}.py")).exists())
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("scenario_tui"))
    return found


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_module_is_in_a_layer() -> None:
    for path in modules():
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts == ("__init__",):
            continue
        assert parts[0] in LAYERS, f"{path} is in no layer: add its package to LAYERS"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down_the_layers(path: Path) -> None:
    own = layer_of(".".join(("scenario_tui", *path.relative_to(PACKAGE).with_suffix("").parts)))
    for target in imported_modules(path):
        other = layer_of(target)
        if other == own:
            continue
        assert LAYERS[other] < LAYERS[own] or (other == "format" and target == "scenario_tui"), \
            f"{path.relative_to(PACKAGE)} imports {target}: {own} may not depend on {other}"


def test_the_checker_sees_an_upward_import() -> None:
    """The rule itself can fail: lazy upward imports inside a function are found."""
    source = "def f():\n    from ..play import engine\n    from ..ui.app import ScenarioApp\n"
    found = imported_modules(PACKAGE / "format" / "loader.py", source)
    assert {"scenario_tui.play.engine", "scenario_tui.ui.app"} <= found
    assert all(LAYERS[layer_of(t)] > LAYERS["format"] for t in found)
