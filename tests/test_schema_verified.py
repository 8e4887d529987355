"""`verified` as tools that read YAML dates write it back: the JSON Schema and the loader agree.

YAML 1.1 readers (PyYAML, ruamel in its default mode) turn `verified: 2026-11-29` into a date;
written back as JSON or YAML it becomes "2026-11-29", "2026-11-29 00:00:00" (Python's str) or
"2026-11-29T00:00:00" (isoformat). Each must pass the schema an editor checks against and load
with only the day kept.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml

from scenario_tui.format import loader

ROOT = Path(__file__).parent.parent
SCHEMA = json.loads((ROOT / "assets" / "scenario.schema.json").read_text(encoding="utf-8"))
TINY = ROOT / "tests" / "fixtures" / "valid" / "tiny.yaml"

DAY = dt.date(2026, 11, 29)
WRITTEN = [
    json.loads(json.dumps(DAY, default=str)),  # "2026-11-29"
    str(dt.datetime(2026, 11, 29)),  # "2026-11-29 00:00:00"
    dt.datetime(2026, 11, 29).isoformat(),  # "2026-11-29T00:00:00"
    "2026-11-29T08:30:00Z",
    "2026-11-29T08:30:00.5+01:00",
]


def test_schema_and_loader_share_one_pattern() -> None:
    assert SCHEMA["properties"]["verified"]["pattern"] == loader.VERIFIED.pattern
    assert "format" not in SCHEMA["properties"]["verified"]


@pytest.mark.parametrize("written", WRITTEN)
def test_a_date_written_back_by_a_tool_passes_the_schema_and_loads(written: str) -> None:
    assert re.search(SCHEMA["properties"]["verified"]["pattern"], written)
    text = TINY.read_text(encoding="utf-8").replace("verified: 2026-11-26",
                                                    f"verified: {json.dumps(written)}")
    scenario, problems = loader.load_text(text, "tiny.yaml")
    assert scenario is not None and not problems
    assert scenario.verified == "2026-11-29"


@pytest.mark.parametrize("wrong", ["29-11-2026", "2026-11-29 noon", "yesterday", "2026-13-01"])
def test_what_is_not_a_date_is_still_refused(wrong: str) -> None:
    text = TINY.read_text(encoding="utf-8").replace("verified: 2026-11-26",
                                                    f"verified: {json.dumps(wrong)}")
    _, problems = loader.load_text(text, "tiny.yaml")
    assert [p.code for p in problems] == ["E013"]


def test_a_whole_scenario_read_as_yaml_1_1_validates_against_the_schema() -> None:
    """With a JSON Schema validator, when the environment has one (none is a dependency)."""
    jsonschema = pytest.importorskip("jsonschema")
    for written in (str, dt.date.isoformat):
        data = yaml.safe_load(TINY.read_text(encoding="utf-8"))
        assert isinstance(data["verified"], dt.date)
        data["verified"] = written(data["verified"])
        jsonschema.validate(data, SCHEMA)
