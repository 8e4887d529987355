"""What `scenario-tui new` does about the starter's misconception tags, so the starter validates.

The starter teaches the `misconception:` field with placeholder tags, and `validate` rejects a
tag no misconceptions file defines (`E028`). In a folder without a misconceptions file, `new`
writes one defining them; in a folder that has one (the author's own), it adds the entries the
folder lacks at its end, marked as placeholders. Plain Python: no textual here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..format import starter, yaml_source
from ..format.files import MISCONCEPTIONS_NAME
from ..format.misconceptions import for_roots


@dataclass(frozen=True)
class TagsPlan:
    """What to write beside a new starter for its tags to be defined."""

    path: Path
    """The folder's misconceptions file."""
    text: str | None = None
    """Its whole new text, or None when nothing is to be written."""
    tags: tuple[str, ...] = ()
    """The placeholder tags the text defines that the folder did not."""
    created: bool = False
    """True when the file does not exist yet."""
    refusal: str = ""
    """Why the tags the folder lacks could not be added (then `text` is None)."""


def plan(target: Path, slug: str) -> TagsPlan:
    """What the starter at `target` needs: a new misconceptions file, entries added to the one
    beside it (found and merged with the bundled entries as `validate` does), or nothing."""
    path = target.with_name(MISCONCEPTIONS_NAME)
    if not path.exists() and not path.is_symlink():
        return TagsPlan(path, starter.MISCONCEPTIONS, tuple(starter.PLACEHOLDER_TAGS), True)
    defined = for_roots([target])
    missing = tuple(tag for tag in starter.PLACEHOLDER_TAGS if tag not in defined)
    if not missing:
        return TagsPlan(path)
    if not path.is_file():
        return TagsPlan(path, tags=missing, refusal="it is not a regular file")
    try:
        old = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else None
        return TagsPlan(path, tags=missing, refusal=f"it cannot be read ({reason or error})")
    text = starter.with_placeholders(old, slug, missing)
    doc = yaml_source.parse(text, str(path))
    data = doc.data
    if any(p.is_error for p in doc.problems) or not isinstance(data, yaml_source.Mapping) \
            or any(tag not in data for tag in missing):
        return TagsPlan(path, tags=missing, refusal="it does not read as a mapping of tags "
                        "(run `scenario-tui validate` on the folder)")
    return TagsPlan(path, text, missing)
