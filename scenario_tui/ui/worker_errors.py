"""The one error path for background work: a failed worker becomes a notice, never a crash.

Every worker runs with `exit_on_error=False` and a `description` that says what it was doing.
`Worker.StateChanged` does not bubble, so the app and each screen that runs workers pass it
here from their `on_worker_state_changed`.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.widget import Widget
from textual.worker import Worker, WorkerState


def failure_notice(worker: Worker[object]) -> str:
    """`Reading the library failed. OSError: [Errno 13] Permission denied: '…'`."""
    error = worker.error
    detail = f"{type(error).__name__}: {error}" if error is not None else "no reason given"
    return f"{worker.description or 'A background task'} failed. {detail}"


def report_failure(node: App[Any] | Widget, event: Worker.StateChanged) -> None:
    """Notify about `event`'s worker if it failed (the text is shown as is, never markup)."""
    if event.state == WorkerState.ERROR:
        node.notify(failure_notice(event.worker), title="Something went wrong",
                    severity="error", timeout=15, markup=False)
