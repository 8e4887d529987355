"""The starter that `scenario-tui new SLUG` writes: valid as is, each field commented."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

TEMPLATE = """\
# yaml-language-server: $schema={schema}
# A scenario is a decision tree: situations (nodes) offer choices (edges) until an ending.
# The format is documented in docs/authoring.md. Check this file with:
#   scenario-tui validate {slug}.yaml     (must be clean)
#   scenario-tui lint {slug}.yaml --paths (teaching quality and the score distribution)
#   scenario-tui author {slug}.yaml       (live preview: re-checks on every save)

id: {slug}                    # stable id: the file name without .yaml
title: {title}
situation: One line that sets the scene in the catalogue.
difficulty: beginner          # beginner | intermediate | advanced
domain: development           # development | security | deployment | troubleshooting
tags: [starter]
services: [lambda, sqs]       # glossary ids (scenarios/glossary.yaml) for the services in play
sources:                      # the AWS documentation pages the facts come from
  - https://docs.aws.amazon.com/lambda/latest/dg/welcome.html
verified: {today}             # the day you last checked the facts against the sources
# lint: {{ignore: [L104]}}     # switch a lint rule off for the whole file (or inside one node)

nodes:                        # the first node listed is where the story starts
  first-decision:
    text: |
      Tell the story in a few sentences: what the learner sees, what is at stake.
      Markdown works here: `inline code`, **bold**.
    choices:                  # 3-4 choices: the best one and plausible distractors
      - label: The best action, written as an imperative
        to: second-decision   # the id of the node this choice leads to
        points: 2             # 2 right, 1 partly right, 0 wrong, -1 harmful
        why: Name the fact that makes this right - a limit, a default, an API or a behaviour.
        pillars: {{reliability: 1, cost: -1}}   # optional Well-Architected impact, -3..3
      - label: A plausible distractor that a real developer might believe
        to: consequence
        points: 0
        why: Explain which fact this belief gets wrong, and what actually happens instead.
        misconception: short-kebab-tag-for-the-belief
      - label: An answer that works but is not the best
        to: second-decision
        points: 1
        why: Say honestly what works about it and what it costs compared with the best choice.

  consequence:                # a wrong choice plays on: show what went wrong, offer a recovery
    text: The story shows the result of the mistake - an error message, an outage, a bill.
    choices:
      - label: Recover the way an experienced developer would
        to: second-decision
        points: 1
        why: Recovering late still works, but the detour has cost time and points.
      - label: Double down on the mistake
        to: bad-ending
        points: 0
        why: Repeating the wrong belief keeps the same failure going for the same reason.
        misconception: short-kebab-tag-for-the-belief

  second-decision:
    text: The next situation. Add as many decisions as the story needs (at least three).
    choices:
      - label: The right call here
        to: third-decision
        points: 2
        why: The deciding fact for this decision, in one or two sentences of your own.
      - label: A tempting wrong call
        to: bad-ending
        points: 0
        why: Why it fails, naming the behaviour or limit that the learner overlooked.
        misconception: another-kebab-tag
      - label: A partly right call
        to: third-decision
        points: 1
        why: What it gets right and what it misses compared with the right call.

  third-decision:
    text: The last decision before the story ends.
    choices:
      - label: Finish the design properly
        to: good-ending
        points: 2
        why: The fact that makes this the finishing move, stated in your own words.
      - label: Finish it the quick way
        to: partial-ending
        points: 1
        why: It ships, but name what it leaves out and what that will cost later.
      - label: Skip the last step entirely
        to: bad-ending
        points: 0
        why: Explain the failure this causes and which documented behaviour causes it.
        misconception: a-third-kebab-tag

  good-ending:
    end: success              # success | partial | failure; endings have no choices
    text: What the good outcome looks like.
  partial-ending:
    end: partial
    text: What a good-enough outcome looks like.
  bad-ending:
    end: failure
    text: What the poor outcome looks like.
"""


MISCONCEPTIONS_HEADER = """\
# What each misconception tag in this folder's scenarios means (docs/authoring.md,
# "Misconceptions"): the mistaken belief, the fact that corrects it, and the page that says so.
# `scenario-tui validate` rejects a tag that is not defined here or in the bundled library.
"""
PLACEHOLDER_TAGS = {
    "short-kebab-tag-for-the-belief": (
        "The mistaken belief behind the wrong choice, in one sentence.",
        "The documented fact that corrects it, in one or two sentences."),
    "another-kebab-tag": ("A second mistaken belief, as a learner would hold it.",
                          "The fact that shows why it is wrong."),
    "a-third-kebab-tag": ("A third mistaken belief, as a learner would hold it.",
                          "The fact that shows why it is wrong."),
}
"""The starter's misconception tags (the ones `TEMPLATE` uses): belief and fact."""
PLACEHOLDER_SOURCE = "https://docs.aws.amazon.com/lambda/latest/dg/welcome.html"


def misconception_entries(tags: Iterable[str]) -> str:
    """The misconceptions file's entries for some of `PLACEHOLDER_TAGS`."""
    return "".join(f"{tag}:\n  belief: {PLACEHOLDER_TAGS[tag][0]}\n  fact: "
                   f"{PLACEHOLDER_TAGS[tag][1]}\n  source: {PLACEHOLDER_SOURCE}\n"
                   for tag in tags)


MISCONCEPTIONS = MISCONCEPTIONS_HEADER + misconception_entries(PLACEHOLDER_TAGS)
"""Written beside a new scenario when the folder has no misconceptions file yet: it defines the
starter's tags, so the starter validates as is."""


def with_placeholders(text: str, slug: str, tags: Iterable[str]) -> str:
    """An existing misconceptions file's `text` with entries for the starter's `tags` that it
    lacks added at the end, under a comment that says what they are."""
    gap = "" if not text or text.endswith("\n") else "\n"
    return (f"{text}{gap}\n# The placeholder tags of the starter `scenario-tui new {slug}` "
            f"wrote: rename each\n# (here and in {slug}.yaml) to the belief it stands for.\n"
            f"{misconception_entries(tags)}")


def render(slug: str, schema: str, today: dt.date | None = None) -> str:
    """The starter text for `slug`, pointing editors at `schema`."""
    title = slug.replace("-", " ").capitalize()
    return TEMPLATE.format(slug=slug, title=title, schema=schema,
                           today=(today or dt.date.today()).isoformat())
