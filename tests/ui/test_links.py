"""Links in scenario text and on service cards: an http(s) link opens only after the learner
has seen its target and said yes; any other scheme or a relative path is named, never opened.

What reaches the web browser is recorded by replacing `webbrowser.open`, which Textual's
driver calls from `App.open_url`."""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Static
from textual.widgets._markdown import MarkdownParagraph

from scenario_tui.play.session import Session
from scenario_tui.ui.links import LinkPrompt, openable
from scenario_tui.ui.screens.play import PlayScreen
from scenario_tui.ui.widgets.service_cards import DocsLink

from .pilot_steps import settle
from .steady import SteadyApp

LINKS = Path(__file__).resolve().parent.parent / "fixtures" / "ui_links"
DOCS = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html"
EDITOR = "vscode://file/etc/passwd"


class NotedApp(SteadyApp):
    """Keeps the message of every notification it shows, in order."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.notes: list[str] = []

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:
        self.notes.append(str(message))
        super().notify(message, *args, **kwargs)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The URLs handed to the web browser, in order (none is really opened)."""
    urls: list[str] = []

    def record(url: str, *args: Any, **kwargs: Any) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(webbrowser, "open", record)
    return urls


@pytest.fixture
def links_app(make_session: Callable[..., Session]) -> NotedApp:
    """The app playing the links fixture, whose situation has an editor link, an https link
    and a relative link (one paragraph each, the link first)."""
    return NotedApp(make_session(LINKS), start_id="links")


async def click(pilot: Pilot, widget: Widget) -> None:
    await pilot.click(widget, offset=(1, 0))
    await settle(pilot)


def paragraphs(pilot: Pilot) -> list[MarkdownParagraph]:
    return list(pilot.app.screen.query_one("#situation").query(MarkdownParagraph))


def prompt(pilot: Pilot) -> LinkPrompt:
    screen = pilot.app.screen
    assert isinstance(screen, LinkPrompt)
    return screen


@pytest.mark.parametrize("url", [DOCS, "http://example.com/x", "HTTPS://Example.com"])
def test_http_links_can_open(url: str) -> None:
    assert openable(url)


@pytest.mark.parametrize("url", [
    EDITOR, "../notes.md", "notes.md", "#section", "file:///etc/passwd", "javascript:alert(1)",
    "mailto:someone@example.com", "https://", "https:///path", "//example.com/x", "",
    "https://example.com/\x1b]0;title\x07", "https://exa mple.com", "https://[::1", ])
def test_other_links_cannot(url: str) -> None:
    assert not openable(url)


async def test_situation_links_open_only_http_and_only_on_yes(links_app: NotedApp,
                                                              opened: list[str]) -> None:
    async with links_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(pilot.app.screen, PlayScreen)
        editor, docs, relative = paragraphs(pilot)

        await click(pilot, editor)
        assert isinstance(pilot.app.screen, PlayScreen)
        assert links_app.notes[-1] == f"not opened: {EDITOR}"
        await click(pilot, relative)
        assert links_app.notes[-1] == "not opened: ../notes.md"

        for cancel in ("escape", "n"):
            await click(pilot, docs)
            assert str(prompt(pilot).query_one("#link-target", Static).content) == DOCS
            await pilot.press(cancel)
            await settle(pilot)
            assert isinstance(pilot.app.screen, PlayScreen)
        await click(pilot, docs)
        await pilot.click("#link-cancel")
        await settle(pilot)
        assert opened == []

        for confirm in ("enter", "y"):
            await click(pilot, docs)
            await pilot.press(confirm)
            await settle(pilot)
            assert isinstance(pilot.app.screen, PlayScreen)
        await click(pilot, docs)
        await pilot.click("#link-open")
        await settle(pilot)
        assert opened == [DOCS] * 3


async def test_service_card_docs_links_are_checked_too(links_app: NotedApp,
                                                       opened: list[str]) -> None:
    async with links_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        editor_docs, aws_docs = pilot.app.screen.query(DocsLink)

        await click(pilot, editor_docs)
        assert isinstance(pilot.app.screen, PlayScreen)
        assert links_app.notes[-1] == f"not opened: {EDITOR}"

        await click(pilot, aws_docs)
        assert str(prompt(pilot).query_one("#link-target", Static).content) == DOCS
        assert opened == []
        await pilot.press("y")
        await settle(pilot)
        assert opened == [DOCS]
