"""One store interface, two backends: SQLite on this machine, PostgreSQL for a class.

The app always plays against the SQLite store (`progress.store`), which stays the source of
truth offline; a class store in PostgreSQL (`progress.pg_store`) holds what a learner syncs to
it. Code that only records and reads progress (review scheduling, transfer, the journal) takes
a `Store` and works on either. `open_url` picks the backend from a URL.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from .store import PlayRecord, ProgressStore, now_utc
from .store_errors import StoreUnavailable

POSTGRES_SCHEMES = ("postgresql", "postgres")


class Store(Protocol):
    """What every backend does; each method is one transaction unless inside `transaction`."""

    notice: str

    def transaction(self) -> AbstractContextManager[None]: ...
    def close(self) -> None: ...
    def record(self, record: PlayRecord) -> bool: ...
    def record_many(self, records: list[PlayRecord]) -> int: ...
    def plays(self, scenario_id: str | None = None) -> list[PlayRecord]: ...
    def play_state(self, row: int = 0) -> tuple[int, int, str | None]: ...
    def play_runs(self, after: int = 0, upto: int | None = None,
                  scenario_id: str | None = None) -> list[tuple[int, str, str, str, str, int]]:
        ...
    def review_cards(self) -> list[tuple[str, str, str, str]]: ...
    def save_review_card(self, scenario_id: str, node: str, card: str, due: str) -> None: ...
    def setting(self, key: str, default: str | None = None) -> str | None: ...
    def set_setting(self, key: str, value: str) -> None: ...


def is_postgres(url: str) -> bool:
    return url.split(":", 1)[0].lower() in POSTGRES_SCHEMES


def open_url(url: str, clock: Callable[[], str] = now_utc) -> Store:
    """The store at `url`: `postgresql://...` (a class store, as the user in it), or
    `sqlite:///PATH` (a progress file). `StoreUnavailable` for anything else."""
    if is_postgres(url):
        from .pg_store import PgStore

        return PgStore(url, clock)
    if url.startswith("sqlite:///"):
        return ProgressStore(Path(url.removeprefix("sqlite://")), clock)
    raise StoreUnavailable("a store's address starts with postgresql:// or sqlite:///")
