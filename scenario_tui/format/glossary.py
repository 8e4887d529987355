"""The service glossary: what each service id in `services:` stands for, as a card.

`scenarios/glossary.yaml` ships with the library; a `glossary.yaml` beside an author's own
scenarios adds cards (or replaces one with the same id), found by `files.discover` and merged in
`files.glossary_files` order. `scenario-tui services` lists the merged ids.
"""

from __future__ import annotations

from collections import abc
from collections.abc import Iterable, Sequence
from pathlib import Path

from . import yaml_source
from .files import discover, glossary_files
from .model import SLUG, ServiceCard
from .problems import ERROR, Problem, did_you_mean, nearest
from .vocabulary import SCOPES, ZONAL
from .yaml_source import Mapping

FIELDS = ("name", "summary", "docs", "scope")
REQUIRED = ("name", "summary")
_EXAMPLE = ("write `name:` and `summary:` (and `docs:`, a URL) indented under the id; see "
            "docs/authoring.md, \"The glossary\"")


def _card(service: str, card: object, pos: tuple[int, int], path: str,
          problems: list[Problem]) -> ServiceCard | None:
    """One card, or None (with its problems, each at its own field) when it is not usable."""
    where = f"glossary entry {service!r}"
    if not isinstance(card, Mapping):
        problems.append(Problem(path, *pos, ERROR, "E013", f"{where} must be a mapping with a "
                                "name and a summary", _EXAMPLE))
        return None
    found = len(problems)
    meant = set()
    for key in card:
        if key not in FIELDS:
            meant.add(nearest(str(key), FIELDS))
            problems.append(Problem(path, *card.kpos(key), ERROR, "E012",
                                    f"unknown field {key!r} in {where}",
                                    did_you_mean(str(key), FIELDS,
                                                 "allowed: " + ", ".join(FIELDS))))
    for key in REQUIRED:
        if key not in card and key not in meant:  # a misspelt field is reported once
            problems.append(Problem(path, *card.start, ERROR, "E011", f"missing field {key!r} "
                                    f"in {where}", f"add `{key}:` under {service!r}"))
    for key in FIELDS:
        if key in card and (not isinstance(card[key], str) or not card[key].strip()):
            problems.append(Problem(path, *card.pos(key), ERROR, "E013", f"{where} {key!r} "
                                    "must be non-empty text", "write it out, quoted if it "
                                    "holds ': '"))
    scope = card.get("scope", ZONAL)
    if "scope" in card and isinstance(scope, str) and scope.strip() and scope not in SCOPES:
        problems.append(Problem(path, *card.pos("scope"), ERROR, "E013", f"{where} 'scope' "
                                f"must be one of {', '.join(SCOPES)}, not {scope!r}",
                                did_you_mean(str(scope), SCOPES, "zonal: placed in the AZs you "
                                             "choose; regional: spread across a Region by AWS; "
                                             "global: not tied to a Region")))
    if len(problems) > found:
        return None
    return ServiceCard(service, card["name"], card["summary"], card.get("docs", ""), scope)


def scopes(cards: abc.Mapping[str, ServiceCard]) -> dict[str, str]:
    """Where each service in `cards` runs (`ServiceCard.scope`), by service id."""
    return {service: card.scope for service, card in cards.items()}


def load(path: Path | str) -> tuple[dict[str, ServiceCard], list[Problem]]:
    """Read one glossary file: a mapping of service id to `name`, `summary` and `docs`."""
    doc = yaml_source.read(path)
    problems = list(doc.problems)
    cards: dict[str, ServiceCard] = {}
    if doc.data is None:
        return cards, problems
    if not isinstance(doc.data, Mapping):
        line, column = getattr(doc.data, "start", (1, 1))
        problems.append(Problem(doc.path, line, column, ERROR, "E010", "a glossary must map "
                                "service ids to cards", "start with `my-service:` and indent "
                                "`name:` and `summary:` under it"))
        return cards, problems
    for service, card in doc.data.items():
        pos = doc.data.kpos(service)
        if not SLUG.match(str(service)):
            problems.append(Problem(doc.path, *pos, ERROR, "E013", f"service id {service!r} is "
                                    "not kebab-case", "use lower-case letters, digits and '-'"))
            continue
        found = _card(str(service), card, doc.data.pos(service), doc.path, problems)
        if found is not None:
            cards[found.id] = found
    return cards, problems


def merge(files: Iterable[Path]) -> tuple[dict[str, ServiceCard], list[Problem]]:
    """Every card from `files` (as `files.glossary_files` orders them: a later file's card
    replaces an earlier one's), and every problem found in them."""
    glossary: dict[str, ServiceCard] = {}
    problems: list[Problem] = []
    for path in files:
        cards, found = load(path)
        glossary.update(cards)
        problems.extend(found)
    return glossary, problems


def for_roots(roots: Sequence[Path | str]) -> tuple[dict[str, ServiceCard], list[Problem]]:
    """The cards that apply to a library made of `roots` (the bundled glossary first, then any
    `glossary.yaml` in or beside them), and the problems found in those files."""
    return merge(glossary_files(discover(roots)[1]))
