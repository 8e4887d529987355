"""Who is playing, when the app is served to several learners (`scenario-tui serve`).

A learner types a name; it is checked here (length, characters) and becomes a `Learner`, whose
progress lives in a folder of its own under the server's data dir. The folder is named by a
slug made from the name, never by the raw text: no input can reach outside `learners/`, and two
names that differ only in case or spacing land in the same folder. The name identifies, it
does not authenticate: access is the reverse proxy's job (see README).

A learner may also give the join code their instructor's `class add-learner` printed: it is
checked here, and the class's connection is kept in the learner's folder (`class_config`,
0600), so their plays are synced to the class store as on a machine of their own.
`session_for` is the one place a learner's session is made.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..progress import class_config
from ..progress.class_sync import ClassSync
from .session import Session

LEARNERS_DIR = "learners"
"""The folder under the server's data dir that holds one folder per learner."""
MAX_NAME = 40
"""Longest name accepted, in characters (after spaces are tidied)."""
_ALLOWED_PUNCTUATION = frozenset(" -'.")
_SLUG_WORDS = 24
"""Longest readable part of a slug; a hash of the whole name follows it."""


class NameRefused(ValueError):
    """The name cannot be used; the message says why, in words for the learner."""


class CodeRefused(ValueError):
    """The join code cannot be used; the message says why, in words for the learner."""


@dataclass(frozen=True)
class Learner:
    """A learner as the served app knows them: the name they typed and their folder's name."""

    name: str
    """As typed, with spaces tidied: letters, digits, spaces and - ' . only."""
    slug: str
    """Lower-case ASCII letters, digits and '-': safe as one path component everywhere."""

    def data_dir(self, root: Path) -> Path:
        """This learner's data dir under the server's data dir `root`."""
        return root / LEARNERS_DIR / self.slug


def learner(text: str) -> Learner:
    """The learner named `text`, or `NameRefused` saying what is wrong with it."""
    name = " ".join(unicodedata.normalize("NFC", text).split())
    if not name:
        raise NameRefused("Type your name first.")
    if len(name) > MAX_NAME:
        raise NameRefused(f"That name is {len(name)} characters long: use at most {MAX_NAME}.")
    odd = sorted({c for c in name if not (c.isalnum() or c in _ALLOWED_PUNCTUATION)})
    if odd:
        shown = " ".join(repr(c)[1:-1] if c.isprintable() else f"U+{ord(c):04X}" for c in odd)
        raise NameRefused(f"Use letters, digits, spaces and - ' . only (not {shown}).")
    if not any(c.isalnum() for c in name):
        raise NameRefused("A name needs at least one letter or digit.")
    return Learner(name, slug(name))


def class_link(code: str) -> class_config.ClassLink | None:
    """The class a join code (as `class add-learner` prints it) joins; None when no code was
    given; `CodeRefused` saying why a code cannot be used."""
    if not code.strip():
        return None
    try:
        return class_config.read_join_code(code)
    except class_config.ClassConfigError as error:
        reason = str(error)
        raise CodeRefused(f"{reason[:1].upper()}{reason[1:]}.") from None


def join_class(who: Learner, root: Path, link: class_config.ClassLink) -> Path:
    """Keep the class's connection (it holds a password) in `who`'s folder, readable by the
    server's user only; returns the file. `OSError` if it cannot be written."""
    return class_config.save(link, who.data_dir(root))


def slug(name: str) -> str:
    """`ada-lovelace-1f3c9a2b` for "Ada Lovelace": the name's ASCII letters and digits, then a
    hash of the whole name (case and spacing aside), so names written in other scripts, or
    that differ only in punctuation, still get folders of their own."""
    folded = " ".join(name.casefold().split())
    ascii_text = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:_SLUG_WORDS].strip("-")
    digest = hashlib.sha256(folded.encode("utf-8")).hexdigest()[:8]
    return f"{words}-{digest}" if words else f"learner-{digest}"


def session_for(who: Learner, scenario_dirs: Sequence[str | Path], root: Path) -> Session:
    """A session whose progress (store, journal, caches) is `who`'s alone, over the same
    library as everyone else's: the bundled scenarios, the packs installed in the server's
    data dir `root`, and `scenario_dirs`."""
    from .packs import roots as pack_roots

    packs = pack_roots(root)
    session = Session.create([*packs, *scenario_dirs], who.data_dir(root))
    session.packs = tuple(packs)
    # The class is the one in the learner's folder: $SCENARIO_TUI_CLASS_URL, set for the
    # server, would send every learner's plays as one login.
    session.class_sync = ClassSync(who.data_dir(root), environment=False)
    return session
