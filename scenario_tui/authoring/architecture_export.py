"""`scenario-tui export --architecture`: the system a path builds, as Mermaid or DOT.

The command line only parses and prints; choosing the path (the best one, or the one given as
choice numbers) and refusing what cannot be drawn are here, as values a test can check.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..analysis.resilience import best_path, build, path_from_numbers
from ..format.architecture_export import ARCHITECTURE_FORMATS, export_architecture
from ..format.glossary import scopes as glossary_scopes
from ..format.model import Scenario, ServiceCard


def architecture_refusal(architecture: bool, fmt: str | None, path: str | None) -> str | None:
    """Why these export options cannot go together, or None."""
    if path is not None and not architecture:
        return "--path needs --architecture (it picks the path whose system is drawn)"
    if architecture and fmt is not None and fmt not in ARCHITECTURE_FORMATS:
        return f"--architecture draws {' or '.join(ARCHITECTURE_FORMATS)}, not {fmt}"
    return None


def parse_numbers(text: str) -> list[int]:
    """`1,2,1` as [1, 2, 1]; ValueError for anything else."""
    parts = [part.strip() for part in text.split(",")]
    if not text.strip() or not all(part.isdigit() for part in parts):
        raise ValueError("write choice numbers separated by commas, like 1,2,1")
    return [int(part) for part in parts]


def write_architecture(scenario: Scenario, fmt: str, path: str | None,
                       glossary: Mapping[str, ServiceCard] | None = None) -> tuple[str, str]:
    """The drawing and an empty string, or an empty drawing and why it cannot be made. The
    glossary says where each service runs (`ServiceCard.scope`)."""
    scopes = glossary_scopes(glossary or {})
    if not scenario.design.declared:
        return "", (f"{scenario.id} declares no architecture: add `architecture:` or "
                    "choices that add components (docs/authoring.md)")
    if path is None:
        return export_architecture(build(scenario, best_path(scenario)), fmt, scenario.title,
                                   scopes), ""
    try:
        choices = path_from_numbers(scenario, parse_numbers(path))
    except ValueError as error:
        return "", f"--path {path}: {error}"
    return export_architecture(build(scenario, choices), fmt, scenario.title, scopes), ""
