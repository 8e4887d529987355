"""The app's side of syncing to a class store: when a sync runs, and what the learner hears.

The sync itself is the core's (`Session.sync_class`, `progress.class_sync`). Here it runs in a
thread worker at start-up and after each save, so a slow or absent class store never holds
the screen; while the store cannot be reached it is tried again every `RETRY_SECONDS`. The
learner hears only when the store goes away or comes back, and the catalogue's status line
says how many plays wait.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING, Any

from textual.worker import get_current_worker

from .screens.catalog import CatalogScreen

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

    from ..play.session import Session
    from ..progress.class_sync import ClassState

RETRY_SECONDS = 60.0
"""How often an unreachable class store is tried again while the app runs."""
SYNC_GROUP = "class-sync"


class ClassSyncing:
    """Starts the session's class syncs on `app` and shows what they found."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self._retry: Timer | None = None

    def start(self, session: Session) -> None:
        """Sync in a thread worker, if a class may be set up (the worker finds out)."""
        if session.class_sync is None:
            return
        self.app.run_worker(lambda: self._sync(session), thread=True, group=SYNC_GROUP,
                            exit_on_error=False,
                            description="Sending your plays to the class store")

    def _sync(self, session: Session) -> None:
        state = session.sync_class()
        if state is None or get_current_worker().is_cancelled:
            return
        with suppress(RuntimeError):  # the app has stopped: nothing to show it on
            self.app.call_from_thread(self._show, session, state)

    def _show(self, session: Session, state: ClassState) -> None:
        if state.notice:
            self.app.notify(state.notice, title="Class", markup=False, timeout=10,
                            severity="information" if state.reachable else "warning")
        if not state.reachable and self._retry is None:
            self._retry = self.app.set_interval(RETRY_SECONDS, lambda: self.start(session))
        elif state.reachable and self._retry is not None:
            self._retry.stop()
            self._retry = None
        if isinstance(self.app.screen, CatalogScreen):
            self.app.screen.update_status()
