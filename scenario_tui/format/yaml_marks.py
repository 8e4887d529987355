"""Anchors, aliases and tags at the start of an unquoted text, which YAML takes from the text.

`label: &Cache the reads` is valid YAML: `&Cache` is an anchor, and the label reads "the reads".
`*Cache` repeats whatever was anchored as `Cache`, and `!Scale up` tags "up" as `!Scale`. An
author writing a text never means these, so each is an error (`E004`) at its own place, with the
text quoted as the fix. Anchors and aliases of mappings and lists, and of quoted values, are kept:
they are how YAML repeats a block on purpose.

The parser's events say exactly where each anchor, alias and tag is and what it is called, so
this reads them rather than the text. `yaml_source` runs it only for a document where a value
starts with `&` or `!`, so other files are parsed once.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.resolver import Resolver

from .problems import ERROR, Problem
from .yaml_diagnosis import starts_with_indicator

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TEXT_TAGS = ("tag:yaml.org,2002:str", "tag:yaml.org,2002:null")
"""What an unquoted value without a tag resolves to when it is a text (or nothing at all)."""
MAX_ALIASES = 100
"""Aliases of an anchored text reported per file: enough for any real file, few for a hostile one
that repeats one alias a million times."""


def _resolve(value: str) -> str:
    """The tag YAML gives an unquoted `value` with no tag of its own."""
    return str(Resolver().resolve(yaml.ScalarNode, value, (True, False)))  # type: ignore[no-untyped-call]


def text_marks(text: str, path: str) -> list[Problem]:
    """Each unquoted text that starts with an anchor or a tag, and each alias of an anchored
    one, as a problem at its line and column; [] when the text does not parse."""
    problems: list[Problem] = []
    anchored: dict[str, tuple[int, str]] = {}
    """Each anchor on an unquoted text: the line it is on, and its name as written."""
    aliases = 0
    stack: list[list[Any]] = []
    """For each open collection: [is a mapping, expects a key, the current key]."""
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            key = None
            if stack and stack[-1][0]:
                parent = stack[-1]
                if parent[1]:  # this node is a key
                    parent[1], parent[2] = False, getattr(event, "value", None)
                    _open(event, stack)
                    continue
                parent[1], key = True, parent[2]
            _open(event, stack)
            start, end = event.start_mark, event.end_mark
            if start is None or end is None:
                continue
            where = (start.line + 1, start.column + 1)
            if isinstance(event, yaml.AliasEvent):
                if event.anchor in anchored and aliases < MAX_ALIASES:
                    aliases += 1
                    line, written = anchored[event.anchor]
                    problems.append(_problem(path, where, key, f"*{event.anchor}", "it repeats "
                                             f"the value anchored as `{written}` on line {line}"))
                continue
            if not isinstance(event, yaml.ScalarEvent) or event.style:
                continue  # a collection, or a quoted or block text: its marks are meant
            source = text[start.index:end.index]
            first = source.split(maxsplit=1)[0]
            tagged = (event.tag or "").startswith("!")
            if event.anchor is not None and not event.tag and \
                    _resolve(event.value) in _TEXT_TAGS:
                anchored[event.anchor] = (where[0], first)
            elif not tagged:
                continue
            problems.append(_problem(path, where, key, source,
                                     f"the text would lose `{first}`"))
    except yaml.YAMLError:
        return []
    return problems


def _open(event: yaml.Event, stack: list[list[Any]]) -> None:
    if isinstance(event, yaml.MappingStartEvent):
        stack.append([True, True, None])
    elif isinstance(event, yaml.SequenceStartEvent):
        stack.append([False, False, None])


def _problem(path: str, where: tuple[int, int], key: Any, source: str, consequence: str
             ) -> Problem:
    message, hint = starts_with_indicator(key if isinstance(key, str) else None, source,
                                          consequence)
    return Problem(path, *where, ERROR, "E004", message, hint)
