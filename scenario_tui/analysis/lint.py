"""Teaching-quality rules on top of validity.

A valid scenario can still teach badly: a decision with no real distractor, two right answers,
an explanation that only repeats the label. Each rule has a code; an author switches rules off
for a file with `lint: {ignore: [L104]}` at the top level, or for one node inside that node.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..format.model import Choice, Scenario, ServiceCard
from ..format.problems import WARNING, Problem
from . import fault_lint, starter_lint, telegraph
from .scoring import Analysis, analyse

FRESH_DAYS = 365
MIN_WHY_WORDS = 8
MIN_DECISIONS = 3


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str


RULES = (
    Rule("L101", "no-distractor", "a decision on the best path offers fewer than two "
         "alternatives to the best choice"),
    Rule("L102", "distractor-ties-best", "a choice other than the best keeps the best score "
         "reachable: two right answers"),
    Rule("L103", "duplicate-label", "two choices of one decision have the same label"),
    Rule("L104", "thin-explanation", "an explanation is too short or only restates the label"),
    Rule("L105", "dead-ending", "an ending that no path from the start reaches"),
    Rule("L106", "short-best-path", f"the best path has fewer than {MIN_DECISIONS} decisions"),
    Rule("L107", "unlisted-service", "a service is named in the text but not listed in "
         "`services`"),
    Rule("L108", "no-sources", "the scenario lists no sources"),
    Rule("L109", "stale", f"`verified` is more than {FRESH_DAYS} days old"),
    Rule("L110", "untagged-mistake", "a choice scoring 0 or less has no `misconception` tag"),
    Rule("L111", "longest-is-best", "the best choice has the longest label in most decisions, "
         "so learners can guess it"),
    Rule("L112", "tagged-right-choice", "a right choice (no regret) carries a misconception "
         "tag, so statistics would count the right answer as a mistake"),
    Rule("L113", "weak-source", "a source is an SDK or CDK reference page, a locale or "
         "machine-translated copy, or a docs.aws.amazon.com address that is not an .html page"),
    Rule("L114", "arguing-label", "a label argues for itself with a connective (" +
         ", ".join(f'"{c}"' for c in telegraph.CONNECTIVES) + ")"),
    Rule("L115", "title-echo", "the best label repeats a distinctive title word that neither "
         "its situation nor another label of the decision uses"),
    Rule("L117", "fault-teaches-nothing", "every ending survives a fault, so it tells no path "
         "from another"),
    Rule("L118", "fault-nobody-survives", "no ending survives a fault, not even the best path"),
    Rule("L119", "starter-text", "a text is still the starter's placeholder, as "
         "`scenario-tui new` wrote it"),
)
LIBRARY_RULES = (
    Rule("L116", "long-best-label", "across the library, the best label is the longest or "
         f"second-longest in more than {telegraph.LONG_SHARE:.0%} of decisions with three or "
         "more options".replace("%", " %")),
)
"""Rules over a whole library (a folder given to `lint`), not one file."""
RULE_CODES = {rule.code for rule in (*RULES, *LIBRARY_RULES)}
_WORD = re.compile(r"[a-z0-9]+")


class _Linter:
    def __init__(self, scenario: Scenario, glossary: dict[str, ServiceCard],
                 today: dt.date) -> None:
        self.scenario = scenario
        self.glossary = glossary
        self.today = today
        self.analysis: Analysis = analyse(scenario)
        self.file_off = set(scenario.graph.graph.get("lint_off", ()))
        self.problems: list[Problem] = []

    def flag(self, code: str, where: tuple[int, int], message: str, hint: str,
             node: str | None = None) -> None:
        if code in self.file_off:
            return
        if node is not None and code in self.scenario.graph.nodes[node].get("lint_off", ()):
            return
        self.problems.append(Problem(self.scenario.path, where[0], where[1], WARNING, code,
                                     message, hint))

    def at(self, choice: Choice) -> tuple[int, int]:
        attrs = self.scenario.graph.edges[choice.source, choice.target, choice.index]
        return attrs.get("line", 1), attrs.get("column", 1)

    def choice_at(self, choice: Choice, name: str) -> tuple[int, int]:
        """Where field `name` of `choice` starts (the choice itself if unknown)."""
        return self.scenario.choice_positions.get((choice.source, choice.index, name),
                                                  self.at(choice))

    def node_at(self, node: str) -> tuple[int, int]:
        attrs = self.scenario.graph.nodes[node]
        return attrs.get("line", 1), attrs.get("column", 1)

    def node_field_at(self, node: str, name: str) -> tuple[int, int]:
        """Where field `name` of `node` starts (the node itself if unknown)."""
        return self.scenario.node_positions.get((node, name), self.node_at(node))

    def text_at(self, node: str, field: str, choice: Choice | None) -> tuple[int, int]:
        """Where a text of `Scenario.texts` starts: the situation's, a node's or a choice's."""
        if not node:
            return self.meta_at(field)
        return self.node_field_at(node, field) if choice is None else self.choice_at(choice, field)

    def meta_at(self, key: str) -> tuple[int, int]:
        return self.scenario.positions.get(key, (1, 1))


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _decisions(lint: _Linter) -> None:
    scenario, analysis = lint.scenario, lint.analysis
    best_path = analysis.best_path()
    for choice in best_path:
        options = scenario.choices(choice.source)
        if len(options) < 3:
            lint.flag("L101", lint.node_at(choice.source),
                      f"decision {choice.source!r} offers {len(options)} choice(s)",
                      "add plausible distractors: beliefs a real developer might hold",
                      choice.source)
    for node in scenario.graph:
        options = scenario.choices(node)
        best = analysis.best_choice.get(node)
        for option in options:
            if option is not best and best is not None and analysis.regret(option) == 0:
                lint.flag("L102", lint.at(option),
                          f"choice {option.number} of {node!r} scores as high as the best "
                          f"({best.label!r})", "lower its points, or make it clearly the "
                          "second-best", node)
        seen: dict[str, Choice] = {}
        for option in options:
            key = " ".join(_words(option.label))
            if key in seen:
                lint.flag("L103", lint.at(option), f"choices {seen[key].number} and "
                          f"{option.number} of {node!r} have the same label",
                          "make each label a distinct action", node)
            seen.setdefault(key, option)
    decisions = [n for n in scenario.graph if len(scenario.choices(n)) >= 3]
    tells = [n for n in decisions if (best := analysis.best_choice.get(n)) is not None
             and all(len(best.label) > len(c.label) for c in scenario.choices(n) if c is not best)]
    if len(decisions) >= 3 and len(tells) * 2 > len(decisions):
        lint.flag("L111", lint.meta_at("nodes"), f"the best choice has the longest label in "
                  f"{len(tells)} of {len(decisions)} decisions", "vary the label lengths: make "
                  "some distractors the most detailed option")
    if len(best_path) < MIN_DECISIONS:
        lint.flag("L106", lint.meta_at("nodes"), f"the best path has {len(best_path)} "
                  f"decision(s)", f"a scenario should need at least {MIN_DECISIONS} "
                  "decisions to win")


def _explanations(lint: _Linter) -> None:
    for node in lint.scenario.graph:
        for option in lint.scenario.choices(node):
            why = _words(option.why)
            label = set(_words(option.label))
            new = [w for w in why if w not in label]
            if len(why) < MIN_WHY_WORDS or len(new) < 4:
                lint.flag("L104", lint.choice_at(option, "why"), f"explanation of choice "
                          f"{option.number} of {node!r} is too thin ({len(why)} words, "
                          f"{len(new)} beyond the label)", "name the fact that decides it: a "
                          "limit, a default, an API or a behaviour", node)
            if option.misconception and lint.analysis.regret(option) == 0:
                lint.flag("L112", lint.choice_at(option, "misconception"), f"choice "
                          f"{option.number} of {node!r} is right but tagged "
                          f"{option.misconception!r}", "remove the tag: it marks a mistaken "
                          "belief, and a right choice shows none", node)
            if option.points <= 0 and not option.misconception:
                lint.flag("L110", lint.at(option), f"choice {option.number} of {node!r} scores "
                          f"{option.points} but has no misconception tag",
                          "add `misconception: short-kebab-tag` so mistakes can be counted",
                          node)


def _endings(lint: _Linter) -> None:
    import networkx as nx

    reachable = nx.descendants(lint.scenario.graph, lint.scenario.start)
    for node in lint.scenario.graph:
        if lint.scenario.is_ending(node) and node not in reachable:
            lint.flag("L105", lint.node_at(node), f"ending {node!r} is reached by no path "
                      "from the start", "lead a choice to it, or delete it", node)


def _aliases(card: ServiceCard) -> list[str]:
    names = {card.name}
    short = re.sub(r"^(Amazon|AWS)\s+", "", card.name)
    short = re.sub(r"\s*\((.*?)\)", "", short).strip()
    names.add(short)
    acronym = re.search(r"\(([A-Z][A-Za-z0-9-]+)\)", card.name)
    if acronym and len(acronym.group(1)) >= 3:
        names.add(acronym.group(1))
    return [n for n in names if len(n) >= 3]


def _services(lint: _Linter) -> None:
    scenario = lint.scenario
    listed = set(scenario.services)
    for _, data in scenario.graph.nodes(data=True):
        listed.update(data.get("services", ()))
    texts = [entry for entry in scenario.texts() if entry[1]]  # the situation is not checked
    # A name that appears nowhere in the scenario needs no search text by text: on a
    # 3,000-situation file the searches took 5 s, each name against every text.
    everything = "\n".join(text for text, *_ in texts)
    for service, card in lint.glossary.items():
        if service in listed:
            continue
        patterns = [re.compile(rf"(?<![\w@-]){re.escape(a)}(?![\w@-])")
                    for a in _aliases(card) if a in everything]
        for text, node, field, choice in texts if patterns else ():
            if any(p.search(text) for p in patterns):
                lint.flag("L107", lint.text_at(node, field, choice),
                          f"{card.name} is named but {service!r} is not in `services`",
                          f"add {service} to `services:` (so its card shows)", node)
                break


def _metadata(lint: _Linter) -> None:
    scenario = lint.scenario
    if not scenario.sources:
        lint.flag("L108", lint.meta_at("id"), "no sources", "list the AWS documentation pages "
                  "the facts come from under `sources:`")
    try:
        verified = dt.date.fromisoformat(scenario.verified)
    except ValueError:
        return
    age = (lint.today - verified).days
    if age > FRESH_DAYS:
        lint.flag("L109", lint.meta_at("verified"), f"facts last verified {age} days ago "
                  f"({scenario.verified})", "re-check the sources and update `verified:`")


def _sources(lint: _Linter) -> None:
    scenario = lint.scenario
    fallback = lint.meta_at("sources")
    for index, url in enumerate(scenario.sources):
        positions = scenario.source_positions
        weakness = telegraph.source_weakness(url)
        if weakness:
            where = positions[index] if index < len(positions) else fallback
            lint.flag("L113", where, f"source {url!r} is {weakness}", _SOURCE_HINT)
    for node in scenario.graph:
        for option in scenario.choices(node):
            weakness = option.source_url and telegraph.source_weakness(option.source_url)
            if weakness:
                lint.flag("L113", lint.choice_at(option, "source"), f"source of choice "
                          f"{option.number} of {node!r} is {weakness}", _SOURCE_HINT, node)


_SOURCE_HINT = ("cite the service's user guide or API reference in English: "
                "https://docs.aws.amazon.com/.../latest/.../page.html")


def _telegraph(lint: _Linter) -> None:
    scenario = lint.scenario
    for node in scenario.graph:
        options = scenario.choices(node)
        for option in options:
            word = telegraph.argues_for_itself(option.label)
            if word:
                lint.flag("L114", lint.choice_at(option, "label"), f"label of choice "
                          f"{option.number} of {node!r} argues for itself ({word!r})",
                          "write the action only; the reason belongs in `why`", node)
        best = lint.analysis.best_choice.get(node)
        if best is None or len(options) < 2:
            continue
        echoed = telegraph.title_echo(scenario.title, scenario.node(node).text, best,
                                      [o for o in options if o is not best])
        if echoed:
            lint.flag("L115", lint.choice_at(best, "label"), f"the best label at {node!r} "
                      f"repeats the title's {', '.join(repr(w) for w in echoed)}, which no "
                      "other label uses", "name the problem in the title, not the solution; "
                      "or let a distractor use the word too", node)


def _faults(lint: _Linter) -> None:
    for finding in fault_lint.findings(lint.scenario):
        lint.flag(finding.code, finding.where, finding.message, finding.hint)


def _starter_text(lint: _Linter) -> None:
    placeholders = starter_lint.placeholders()
    for text, node, field, choice in lint.scenario.texts():
        if text.strip() not in placeholders:
            continue
        lint.flag(starter_lint.STARTER_TEXT, lint.text_at(node, field, choice),
                  f"{field} is still the starter's placeholder: {text.strip()[:60]!r}",
                  "write your own text here", node or None)


CHECKS: tuple[Callable[[_Linter], None], ...] = (_decisions, _explanations, _endings, _services,
                                                 _metadata, _sources, _telegraph, _faults,
                                                 _starter_text)


def lint(scenario: Scenario, glossary: dict[str, ServiceCard],
         today: dt.date | None = None) -> list[Problem]:
    """Every teaching-quality finding for one valid scenario."""
    linter = _Linter(scenario, glossary, today or dt.date.today())
    for check in CHECKS:
        check(linter)
    return linter.problems


def lint_library(scenarios: Iterable[Scenario], where: str) -> list[Problem]:
    """Library-level rules over `scenarios` (files that switch a rule off are left out of its
    count), reported once at `where`, the folder checked."""
    counted, long_ones, files = 0, 0, 0
    for scenario in scenarios:
        if "L116" in scenario.graph.graph.get("lint_off", ()):
            continue
        decisions, found = telegraph.long_decisions(scenario)
        counted, long_ones, files = counted + decisions, long_ones + len(found), files + 1
    if counted < telegraph.LONG_MIN_DECISIONS or long_ones <= telegraph.LONG_SHARE * counted:
        return []
    return [Problem(where, 0, 0, WARNING, "L116", f"the best label is the longest or "
                    f"second-longest in {long_ones} of {counted} decisions with three or more "
                    f"options ({long_ones / counted:.0%}, over {files} file(s)); the limit is "
                    f"{telegraph.LONG_SHARE:.0%}".replace("%", " %"),
                    "trim the best labels or make distractors as detailed: length should not "
                    "point at the answer")]


def rules_table(rules: Iterable[Rule] = (*RULES, *LIBRARY_RULES)) -> str:
    return "\n".join(f"{r.code}  {r.name:<22} {r.summary}" for r in rules)
