"""Error text is data: a broken file's first error is shown as written, never read as markup."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scenario_tui.play import library
from scenario_tui.play.session import Session

from .conftest import FIXTURES
from .pilot_steps import settle
from .steady import SteadyApp

MARKUP = "[/bogus]"


class NotedApp(SteadyApp):
    """Keeps the message of every notification it shows."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.notes: list[str] = []

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:
        self.notes.append(str(message))
        super().notify(message, *args, **kwargs)


def _broken_by_markup(folder: Path) -> Path:
    """A scenario whose only error is an unknown field named like a closing markup tag."""
    folder.mkdir()
    shutil.copy(FIXTURES / "glossary.yaml", folder)
    shutil.copy(FIXTURES / "misconceptions.yaml", folder)
    text = (FIXTURES / "cache-the-catalogue.yaml").read_text(encoding="utf-8")
    path = folder / "markup-error.yaml"
    path.write_text(text.replace("id: cache-the-catalogue", f'id: markup-error\n"{MARKUP}": 1'),
                    encoding="utf-8")
    return path


async def test_enter_on_a_file_whose_error_is_markup_shows_it_literally(
        tmp_path: Path, make_session: Callable[..., Session]) -> None:
    path = _broken_by_markup(tmp_path / "library")
    first = library.check_file(path).errors[0]
    assert MARKUP in first.message  # the first error the catalogue shows names the field
    app = NotedApp(make_session(path.parent))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:  # toasts drawn
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running
        assert len(app.notes) == 1 and MARKUP in app.notes[0]
        toasts = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert len(toasts) == 1 and MARKUP in toasts[0]
