"""Reading a drawn step table back, for tests that check how its cells wrap."""

from __future__ import annotations


def cells_by_row(lines: list[str], strip: bool = False) -> list[list[list[str]]]:
    """Each body row's lines, column by column, read back from the drawn table (each line
    without its padding, with `strip`)."""
    rows: list[list[list[str]]] = []
    for line in lines:
        if not line.startswith("│"):
            continue
        parts = line.split("│")[1:-1]
        if parts[0].strip() or not rows:
            rows.append([[] for _ in parts])
        for column, part in zip(rows[-1], parts, strict=True):
            column.append(part.strip() if strip else part)
    return rows
