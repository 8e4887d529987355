"""Symbols that carry meaning beside colour, so NO_COLOR and colour-blind users lose nothing."""

from __future__ import annotations

VERDICT = {"right": "✓", "partly right": "◐", "wrong": "✗"}
"""A mark for each verdict of `scoring.Analysis.verdict`."""
OUTCOME = {"success": "✓", "partial": "◐", "failure": "✗"}
"""A mark for each ending outcome."""
DIFFICULTY = {"beginner": "●○○", "intermediate": "●●○", "advanced": "●●●"}
"""Difficulty as a three-dot gauge."""
YOURS = "●"
"""Marks the learner's choices in the decision tree."""
BEST = "★"
"""Marks the best choices in the decision tree."""
LINK = "↪"
"""Marks a tree entry that points at a situation shown elsewhere in the tree."""
BROKEN = "✗"
"""Marks a scenario file that cannot be played."""
PART_WAY = "◔"
"""Marks a scenario with a run left part-way, to resume (a quarter-filled circle)."""


def verdict_style(verdict: str) -> str:
    """A theme-variable style for a verdict (the symbol carries the meaning too)."""
    return {"right": "bold $success", "partly right": "bold $warning"}.get(verdict,
                                                                          "bold $error")


def verdict_counts(right: int, partly: int, wrong: int) -> list[tuple[str, str] | str]:
    """`✓ 1 right · ✗ 1 wrong`, with `◐ 1 partly right` between them when there is one:
    the parts, for `Content.assemble`."""
    counted = [("right", right), ("partly right", partly), ("wrong", wrong)]
    parts: list[tuple[str, str] | str] = []
    for verdict, count in counted:
        if count or verdict != "partly right":
            parts += [" · "] if parts else []
            parts.append((f"{VERDICT[verdict]} {count} {verdict}", verdict_style(verdict)))
    return parts


def outcome_style(outcome: str | None) -> str:
    """A theme-variable style for an ending's outcome."""
    return {"success": "bold $success", "partial": "bold $warning"}.get(outcome or "",
                                                                       "bold $error")

TIMED_OUT = "⏱"
"""A decision left without an answer in a timed exam (the breadcrumb's mark)."""
