"""Tells: the shapes of an option that give the answer away without the deciding fact.

An exam-grade decision is won by knowing a fact, not by reading the options' shape. These
detectors find the shapes a practice-exam taker learns to exploit: a label that argues for
itself, a best label that is regularly among the longest, a best label that repeats the
title's words. `lint` turns them into rules; `figures` measures a whole library.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..format.model import Choice, Scenario
from .scoring import Analysis, analyse

CONNECTIVES = ("so that", "so as to", "in order to", "which means", "to make", "because",
               "since", "thereby", "ensuring", "so")
"""Words that turn an action into an argument ("Enable Multi-AZ so the standby takes reads")."""
_CONNECTIVE = re.compile(r"(?<![\w.'-])(" + "|".join(re.escape(c) for c in CONNECTIVES)
                         + r")(?![\w'-])", re.IGNORECASE)
_CODE = re.compile(r"`[^`]*`")

LONG_SHARE = 0.45
"""Library-level L116 warns when the best label is the longest or second-longest in more than
this share of decisions with three or more options (chance alone gives about 50-67 %)."""
LONG_MIN_DECISIONS = 10
"""Fewer decisions than this are too few to judge a share."""

ECHO_MIN_LETTERS = 3
_GENERIC_WORDS = """
a an the and or but for nor with without from into onto over under to of in on at by as is are
be it its this that these those your our their you we they who what when where which why how
not no yes all any each every more most less least new old one two three first last out off up
down after before between through via per than then just only also too very can will should
must may might use using used make makes made get gets set sets run runs add adds keep keeps
take takes give gives let lets put puts move moves turn turns fix fixes stop stops start starts
app apps application applications service services team teams data user users way ways time
times day days problem problems story part parts thing things right wrong best better good
"""
GENERIC = frozenset(_GENERIC_WORDS.split())
"""Words too common to echo anything: a title and a label sharing them reveals nothing."""
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""A word, hyphenated ones whole (`x-ray`, `multi-az`)."""

SDK_MARKS = ("/sdk-for-", "boto3.amazonaws.com", "botocore.amazonaws.com", "/boto3/",
             "/botocore/", "/cdk/api/v1/", "xamarin", "/aws-sdk-", "sdk.amazonaws.com")
"""Marks of an SDK or CDK reference page (or an archived SDK guide) in a URL."""
_LOCALE = re.compile(r"^[a-z]{2}_[a-z]{2}$", re.IGNORECASE)


def argues_for_itself(label: str) -> str | None:
    """The connective that makes `label` argue for itself, or None. Inline code is skipped
    (`libfoo.so` is a file, not a reason)."""
    found = _CONNECTIVE.search(_CODE.sub(" ", label))
    return found.group(1).lower() if found else None


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") \
        else word


def distinctive(text: str) -> set[str]:
    """The words of `text` that could echo it: at least three characters, not in `GENERIC`,
    a plural of five letters or more counted as its singular (`stages`, not `cors`)."""
    return {_stem(w) for w in _WORD.findall(text.lower())
            if len(w) >= ECHO_MIN_LETTERS and w not in GENERIC}


def title_echo(title: str, situation: str, best: Choice, others: Iterable[Choice]
               ) -> list[str]:
    """The title's distinctive words that the best label repeats while neither the situation
    text nor any other label of the decision uses them: the title told the learner something
    the situation did not, and only the answer matches it. Sorted; empty when none."""
    shared = (distinctive(title) & distinctive(best.label)) - distinctive(situation)
    for other in others:
        shared -= distinctive(other.label)
    return sorted(shared)


def source_weakness(url: str) -> str | None:
    """Why `url` is a weak source for a fact, or None: an SDK or CDK reference page, a
    locale or machine-translated copy, or an AWS documentation page that is not `.html`. An
    SDK's developer guide on docs.aws.amazon.com is a guide, not a reference page: some
    features (the DynamoDB session handler for PHP) are documented nowhere else."""
    lowered = url.lower()
    guide = "docs.aws.amazon.com/sdk-for-" in lowered and "/developer-guide/" in lowered
    if not guide and any(mark in lowered for mark in SDK_MARKS):
        return "an SDK or CDK reference page"
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    locale = next((s for s in segments if _LOCALE.match(s)), None)
    if locale:
        return f"a locale or machine-translated copy ({locale})"
    if parts.hostname == "docs.aws.amazon.com" and not parts.path.endswith(".html"):
        return "an AWS documentation address that is not an .html page"
    return None


def long_rank(best: Choice, options: Iterable[Choice]) -> int:
    """1 when the best label is the longest of its decision, 2 when second-longest, and so on
    (labels of equal length share a rank)."""
    return 1 + sum(len(o.label) > len(best.label) for o in options if o is not best)


def long_decisions(scenario: Scenario, analysis: Analysis | None = None
                   ) -> tuple[int, list[str]]:
    """(decisions with three or more options, those whose best label is the longest or
    second-longest)."""
    analysis = analysis or analyse(scenario)
    counted, long_ones = 0, []
    for node in scenario.graph:
        options = scenario.choices(node)
        best = analysis.best_choice.get(node)
        if len(options) < 3 or best is None:
            continue
        counted += 1
        if long_rank(best, options) <= 2:
            long_ones.append(node)
    return counted, long_ones


@dataclass(frozen=True)
class Figures:
    """A library's telegraph figures (the issue's targets: arguing ≤ 5 %, long ≤ 45 %)."""

    zero_point_labels: int
    arguing_zero_point: int
    decisions: int
    best_long: int

    @property
    def arguing_share(self) -> float:
        return self.arguing_zero_point / self.zero_point_labels if self.zero_point_labels else 0

    @property
    def long_share(self) -> float:
        return self.best_long / self.decisions if self.decisions else 0.0


def figures(scenarios: Iterable[Scenario]) -> Figures:
    """Count the tells over `scenarios`."""
    zero = arguing = decisions = long_count = 0
    for scenario in scenarios:
        for node in scenario.graph:
            for choice in scenario.choices(node):
                if choice.points <= 0:
                    zero += 1
                    arguing += argues_for_itself(choice.label) is not None
        counted, long_ones = long_decisions(scenario)
        decisions += counted
        long_count += len(long_ones)
    return Figures(zero, arguing, decisions, long_count)
