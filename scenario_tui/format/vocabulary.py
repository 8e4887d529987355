"""The words a scenario file is written in: ids, pillars, difficulties, domains, outcomes.

Apart from the model (`format.model`) so the catalogue's start, which needs only these (the
exam domains it groups by, the pack names it checks), does not build the model's classes.
"""

from __future__ import annotations

import re

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
"""What a scenario id, a node id or a service name looks like: `read-heavy-database`."""

PILLARS = ("operations", "security", "reliability", "performance", "cost", "sustainability")
"""The six AWS Well-Architected pillars, as authors spell them in `pillars:`."""
PILLAR_TITLES = {
    "operations": "Operational excellence",
    "security": "Security",
    "reliability": "Reliability",
    "performance": "Performance efficiency",
    "cost": "Cost optimization",
    "sustainability": "Sustainability",
}
DIFFICULTIES = ("beginner", "intermediate", "advanced")
DOMAINS = ("development", "security", "deployment", "troubleshooting")
OUTCOMES = ("success", "partial", "failure")
ZONAL, REGIONAL, GLOBAL = "zonal", "regional", "global"
SCOPES = (ZONAL, REGIONAL, GLOBAL)
"""Where a service runs (a glossary card's `scope`), in the AWS Fault Isolation Boundaries
whitepaper's terms: in the AZs it is placed in, spread across a Region by AWS, or in no one
Region. Zonal when a card does not say."""
