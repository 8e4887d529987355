"""Where progress and caches live: `--data-dir`, $SCENARIO_TUI_DATA_DIR, or the platform's
user dirs (resolved when asked, never at import)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "scenario-tui"


def chosen_dir(override: str | Path | None) -> Path | None:
    """`--data-dir`, else $SCENARIO_TUI_DATA_DIR, if either is set."""
    chosen = override or os.environ.get("SCENARIO_TUI_DATA_DIR")
    return Path(chosen) if chosen else None


def data_dir(override: str | Path | None = None) -> Path:
    """`--data-dir`, else $SCENARIO_TUI_DATA_DIR, else the platform's user data dir."""
    chosen = chosen_dir(override)
    if chosen is not None:
        return chosen
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir(override: str | Path | None = None) -> Path:
    """`cache` under `--data-dir` or $SCENARIO_TUI_DATA_DIR, else the platform's user cache
    dir: what can be rebuilt stays beside the progress a user chose to keep elsewhere."""
    chosen = chosen_dir(override)
    if chosen is not None:
        return chosen / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
