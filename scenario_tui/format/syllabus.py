"""The study topics (`T001`...) scenarios teach, grouped by exam domain.

One file, `assets/syllabus.yaml`, says which topics exist and which exam domain each belongs
to. Three things read it: `validate` (a `covers:` id must be one of them), `scenario-tui
coverage` (which scenarios teach each topic) and the stats screen (mastery per domain counts
the topics of the scenarios played, so a scenario filed under one domain still credits the
topics it teaches in another).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import yaml_source
from .files import syllabus_file
from .model import DOMAINS
from .problems import ERROR, Problem
from .yaml_source import Mapping

TOPIC_ID = re.compile(r"^T\d{3}$")
DOMAIN_FIELDS = ("name", "topics")


@dataclass(frozen=True, slots=True)
class Topic:
    """One study topic: a fact or decision the exam asks about."""

    id: str
    title: str
    domain: str
    """The exam domain's id (one of `model.DOMAINS`)."""


@dataclass(frozen=True)
class Syllabus:
    """The exam domains (id -> name, in file order) and their topics (id -> Topic, by id)."""

    domains: dict[str, str] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    path: str = ""

    def in_domain(self, domain: str) -> list[Topic]:
        return [topic for topic in self.topics.values() if topic.domain == domain]

    def nearest(self, topic_id: str) -> Topic | None:
        """The listed topic an unknown id most likely meant: the same digits in another order
        (a slip of the fingers), else the closest number (an id past the end)."""
        known = list(self.topics)
        if not known:
            return None
        close = [k for k in difflib.get_close_matches(topic_id, known, n=5, cutoff=0.7)
                 if sorted(k) == sorted(topic_id)]
        if close:
            return self.topics[close[0]]
        if not TOPIC_ID.match(topic_id):
            return None
        number = int(topic_id[1:])
        return self.topics[min(known, key=lambda k: (abs(int(k[1:]) - number), k))]


def _error(problems: list[Problem], path: str, pos: tuple[int, int], code: str, message: str,
           hint: str) -> None:
    problems.append(Problem(path, pos[0], pos[1], ERROR, code, message, hint))


def load(path: Path | str) -> tuple[Syllabus, list[Problem]]:
    """Read a syllabus file: `domains:` maps a domain id to its `name` and `topics` (topic id
    to title). What is malformed is left out and reported at its line and column."""
    doc = yaml_source.read(path)
    problems = list(doc.problems)
    domains: dict[str, str] = {}
    topics: dict[str, Topic] = {}
    where_first: dict[str, tuple[str, int]] = {}
    data = doc.data
    if data is None:
        return Syllabus(path=doc.path), problems
    if not isinstance(data, Mapping) or not isinstance(data.get("domains"), Mapping):
        start = data.pos("domains") if isinstance(data, Mapping) else \
            getattr(data, "start", (1, 1))
        _error(problems, doc.path, start, "E010", "a syllabus must have `domains:`, a mapping "
               "of exam domain ids", "write `domains:` and indent `development:` (name, topics) "
               "under it")
        return Syllabus(path=doc.path), problems
    for key in data:
        if key != "domains":
            _error(problems, doc.path, data.kpos(key), "E012", f"unknown field {key!r} in the "
                   "syllabus", "allowed: domains")
    listed: Mapping = data["domains"]
    for domain, value in listed.items():
        pos = listed.kpos(domain)
        if domain not in DOMAINS:
            close = difflib.get_close_matches(str(domain), DOMAINS, n=1)
            _error(problems, doc.path, pos, "E013", f"unknown exam domain {domain!r}",
                   f"did you mean {close[0]!r}?" if close else "one of: " + ", ".join(DOMAINS))
            continue
        if not isinstance(value, Mapping):
            _error(problems, doc.path, listed.pos(domain), "E013", f"domain {domain!r} must be "
                   "a mapping", "indent `name:` and `topics:` under it")
            continue
        for key in value:
            if key not in DOMAIN_FIELDS:
                close = difflib.get_close_matches(str(key), DOMAIN_FIELDS, n=1, cutoff=0.6)
                _error(problems, doc.path, value.kpos(key), "E012", f"unknown field {key!r} in "
                       f"domain {domain!r}", f"did you mean {close[0]!r}?" if close else
                       "allowed: " + ", ".join(DOMAIN_FIELDS))
        name = value.get("name")
        if not isinstance(name, str) or not name.strip():
            _error(problems, doc.path, value.pos("name"), "E011" if "name" not in value
                   else "E013", f"domain {domain!r} needs a `name:` in words",
                   "write the exam guide's name for it")
            continue
        domains[domain] = " ".join(name.split())
        entries = value.get("topics")
        if not isinstance(entries, Mapping):
            _error(problems, doc.path, value.pos("topics"), "E011" if "topics" not in value
                   else "E013", f"domain {domain!r} needs `topics:`, a mapping of topic id "
                   "to title", "write `topics:` and indent `T001: A short title` under it")
            continue
        for topic_id, title in entries.items():
            at = entries.kpos(topic_id)
            if not TOPIC_ID.match(str(topic_id)):
                _error(problems, doc.path, at, "E013", f"topic id {topic_id!r} is not like "
                       "T042", "a T and three digits")
            elif not isinstance(title, str) or not title.strip():
                _error(problems, doc.path, entries.pos(topic_id), "E013", f"topic {topic_id!r}"
                       " needs a title in words", "one short line saying what it teaches")
            elif topic_id in topics:
                first, line = where_first[topic_id]
                _error(problems, doc.path, at, "E003", f"topic {topic_id!r} is listed twice",
                       f"first listed under {first!r} at line {line}: a topic belongs to one "
                       "domain")
            else:
                topics[topic_id] = Topic(topic_id, " ".join(title.split()), domain)
                where_first[topic_id] = (domain, at[0])
    return Syllabus(domains, dict(sorted(topics.items())), doc.path), problems


@lru_cache(maxsize=1)
def bundled() -> tuple[Syllabus, tuple[Problem, ...]]:
    """The shipped syllabus, read once per process (it changes only with the app)."""
    syllabus, problems = load(syllabus_file())
    return syllabus, tuple(problems)
