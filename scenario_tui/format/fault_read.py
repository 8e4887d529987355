"""Read `faults:`: each fault's rules, their conditions over components, and the default.

The rule language is small and total: a condition is `exists`, `none` or `every` over a match
of components, or `all`/`any` of conditions; the first rule that holds wins, else the
required default. Each rule must name only ids, services and traits some path can hold.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from .architecture import (
    ALL,
    GROUP_KINDS,
    RESULTS,
    TEST_KINDS,
    Condition,
    Design,
    Fault,
    Match,
    Rule,
    Verdict,
)
from .design_reader import Reader
from .field_check import kind_of, must_be
from .model import SLUG
from .yaml_source import Pos

HTTPS = re.compile(r"^https://\S+$")
FAULT_FIELDS = ("title", "text", "rules", "default")
RULE_FIELDS = ("when", "outcome", "why", "source")
VERDICT_FIELDS = ("outcome", "why", "source")
MATCH_FIELDS = ("id", "service", "traits", "azs", "regions", "min", "max", "links")
CONDITION_FIELDS = (*TEST_KINDS, *GROUP_KINDS)


def _test(read: Reader, container: Any, key: str, where: str) -> Match | None:
    value = read.mapping(container, key, where, "{service: rds, azs: 2}")
    if not value:
        if isinstance(container.get(key), dict):
            read.error(read.pos(container, key), "E013", f"{where} {key!r} names no component",
                       "give at least one of: " + ", ".join(MATCH_FIELDS))
        return None
    own = f"{where} {key!r}"
    read.fields(value, MATCH_FIELDS, (), own)
    counts = {name: read.count(value, name, own, 0) or 0
              for name in ("azs", "regions", "min", "max")}
    cid = read.slug(value, "id", "component id") if "id" in value else None
    service = read.slug(value, "service", "service id") if "service" in value else None
    test = Match(cid, service, read.slugs(value, "traits", own) or (), **counts,
                links=read.slugs(value, "links", own) or ())
    for name in ("id", "service", "traits", "links"):
        read.test_positions[(id(test), name)] = read.pos(value, name)
    return test


def _condition(read: Reader, value: Any, pos: Pos, where: str) -> Condition | None:
    if not isinstance(value, dict) or not value:
        read.error(pos, "E013", f"{where} must be a mapping with one of "
                   + ", ".join(CONDITION_FIELDS), "e.g. `when: {exists: {service: rds, azs: 2}}`")
        return None
    read.fields(value, CONDITION_FIELDS, (), where)
    parts: list[Condition] = []
    for kind in CONDITION_FIELDS:
        if kind not in value:
            continue
        if kind in TEST_KINDS:
            test = _test(read, value, kind, where)
            if test is None:
                return None
            parts.append(Condition(kind, test))
            continue
        items = value[kind]
        if not isinstance(items, list) or not items:
            read.error(read.pos(value, kind), "E013", f"{where} {kind!r} must be a non-empty list "
                       "of conditions", f"write `{kind}: [{{exists: ...}}, {{none: ...}}]`")
            return None
        inner = [_condition(read, item, read.pos(items, i), f"{where} {kind}")
                 for i, item in enumerate(items)]
        if any(part is None for part in inner):
            return None
        parts.append(Condition(kind, parts=tuple(p for p in inner if p is not None)))
    return parts[0] if len(parts) == 1 else Condition(ALL, parts=tuple(parts))


def _verdict(read: Reader, value: dict[str, Any], where: str) -> Verdict | None:
    outcome = value.get("outcome")
    if outcome is not None and outcome not in RESULTS:
        close = difflib.get_close_matches(str(outcome), RESULTS, n=1)
        read.error(read.pos(value, "outcome"), "E013", f"{where} outcome {outcome!r} is not one "
                   "of " + ", ".join(RESULTS), f"did you mean {close[0]!r}?" if close else
                   "write survives, degrades or fails")
        outcome = None
    why = read.text(value, "why", where)
    source = value.get("source")
    if source is not None and not (isinstance(source, str) and HTTPS.match(source)):
        read.error(read.pos(value, "source"), "E013", f"{where} source {source!r} is not an "
                   "https URL", "cite the service's user guide page, https://docs.aws...")
        source = None
    if outcome is None or not why or source is None:
        return None
    return Verdict(outcome, why, source)


def read_fault(read: Reader, fid: str, value: Any, container: Any) -> Fault | None:
    where = f"fault {fid!r}"
    read.positions[("fault", fid)] = read.kpos(container, fid)
    if not isinstance(value, dict):
        read.error(read.pos(container, fid), "E013", f"{where} must be a mapping, not "
                   f"{kind_of(value)}", "give it `title:`, `rules:` and `default:`")
        return None
    read.fields(value, FAULT_FIELDS, ("title",), where)
    title = read.text(value, "title", where)
    text = read.text(value, "text", where)
    rules: list[Rule] = []
    items = value.get("rules", [])
    if not isinstance(items, list):
        read.error(read.pos(value, "rules"), "E013", must_be(where, "rules", "a list", items),
                   "start each rule with `- when: ...`")
        items = []
    for index, item in enumerate(items):
        rule_where = f"rule {index + 1} of {where}"
        if not isinstance(item, dict):
            read.error(read.pos(items, index), "E013", f"{rule_where} must be a mapping, not "
                       f"{kind_of(item)}", "write `- when: ...` with outcome, why and source")
            continue
        read.fields(item, RULE_FIELDS, RULE_FIELDS, rule_where)
        when = _condition(read, item.get("when"), read.pos(item, "when"),
                          f"{rule_where} 'when'") if "when" in item else None
        verdict = _verdict(read, item, rule_where)
        if when is not None and verdict is not None:
            rules.append(Rule(when, verdict))
    default = value.get("default")
    if default is None:
        read.error(read.kpos(container, fid), "E043", f"{where} has no default outcome",
                   "add `default: {outcome: fails, why: ..., source: https://...}` for the "
                   "systems no rule matches")
        return None
    if not isinstance(default, dict):
        read.error(read.pos(value, "default"), "E013", must_be(where, "default", "a mapping",
                                                                default),
                   "give it outcome, why and source")
        return None
    read.fields(default, VERDICT_FIELDS, VERDICT_FIELDS, f"{where} default")
    fallback = _verdict(read, default, f"{where} default")
    if fallback is None or not title:
        return None
    return Fault(fid, title, text, tuple(rules), fallback)


def check_names(read: Reader, design: Design) -> None:
    """Each fault rule must name only ids, services and traits that some path can hold:
    a rule about nothing never fires, and nobody notices."""
    ids, services, traits = design.vocabulary()
    if design.faults and not ids:
        read.error(read.fallback, "E042", "faults are declared but no component exists",
                   "declare `architecture:` or add components in choices (docs/authoring.md)")
        return

    def complain(test: Match, name: str, value: str, known: set[str], code: str) -> None:
        pos = read.test_positions.get((id(test), name), read.fallback)
        close = difflib.get_close_matches(value, sorted(known), n=1)
        what = {"id": "component", "service": "service", "traits": "trait",
                "links": "component"}[name]
        read.error(pos, code, f"a fault rule names {what} {value!r}, which no path holds",
                   (f"did you mean {close[0]!r}? " if close else "") +
                   f"{what}s that can exist: {', '.join(sorted(known)) or 'none'}")

    for fault in design.faults:
        for rule in fault.rules:
            for test in rule.when.matches():
                if test.id is not None and test.id not in ids:
                    complain(test, "id", test.id, ids, "E040")
                if test.service is not None and test.service not in services:
                    complain(test, "service", test.service, services, "E042")
                for trait in test.traits:
                    if trait not in traits:
                        complain(test, "traits", trait, traits, "E042")
                for link in test.links:
                    if link not in ids:
                        complain(test, "links", link, ids, "E040")



def read_faults(read: Reader, faults: Any, pos: Pos) -> list[Fault]:
    """Every well-formed fault under `faults:` (a mapping of fault ids)."""
    found: list[Fault] = []
    if not isinstance(faults, dict):
        read.error(pos, "E013", f"'faults' must be a mapping of fault ids, not "
                   f"{kind_of(faults)}", "write `faults:` then one indented key per fault")
        return found
    for fid in faults:
        if isinstance(fid, str) and SLUG.match(fid):
            fault = read_fault(read, fid, faults[fid], faults)
            if fault is not None:
                found.append(fault)
        else:
            read.error(read.kpos(faults, fid), "E013", f"fault id {fid!r} is not an id",
                       "use lower-case letters, digits and '-', like az-outage")
    return found
