"""End to end in a real browser: `scenario-tui serve`, a headless Chromium (Debian's), and a
learner who says who they are, opens a scenario and plays it with key presses.

The page's terminal is xterm.js drawing on a canvas, so the text is read from xterm's own
buffer: a script added before the page's own takes hold of the `Terminal` textual-serve makes.
Under CI (CI=true) a missing Chromium fails the test; elsewhere it skips, saying why.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import pytest

from scenario_tui.play.learners import learner
from scenario_tui.progress.store import DB_NAME, open_store

from .cdp import Browser, Page, chromium, wait_for

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ui_scenarios"
CHROMIUM = chromium()
MISSING = "chromium is not installed (Debian: apt-get install chromium)"

CATCH_THE_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  get() { return undefined; },
  set(value) {
    Object.defineProperty(this, "terminal",
                          {value, writable: true, configurable: true, enumerable: true});
    if (value && value.buffer && typeof value.loadAddon === "function") {
      window.__terminal = value;
    }
  },
});
"""
"""textual-serve keeps its xterm `Terminal` in `this.terminal` of an object no global names:
the first assignment goes through this setter, which keeps a reference and then makes the
property the plain one it would have been."""
SCREEN_TEXT = """(() => {
  const terminal = window.__terminal;
  if (!terminal) return "";
  const buffer = terminal.buffer.active, rows = [];
  for (let row = 0; row < terminal.rows; row++) {
    const line = buffer.getLine(buffer.viewportY + row);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n").replaceAll("\\u00a0", " ");
})()"""
"""The terminal's rows as text (a no-break space read as the space it looks like)."""


def scenario_tui() -> list[str]:
    beside = Path(sys.executable).with_name("scenario-tui")
    return [str(beside)] if beside.exists() else [sys.executable, "-m", "scenario_tui"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`scenario-tui serve` on a free local port: its URL and its data dir."""
    root, port = tmp_path / "served", free_port()
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen([*scenario_tui(), "serve", "--port", str(port), "--scenarios",
                                str(FIXTURES), "--data-dir", str(root), "--in-order"],
                               stdout=log, stderr=subprocess.STDOUT)
    try:
        yield f"http://127.0.0.1:{port}/", root
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture
def browser_path() -> str:
    """Chromium's path; skips when it is missing, except under CI, where it fails."""
    if CHROMIUM is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{MISSING}; under CI this test must run (.ci/run installs it)")
        pytest.skip(f"{MISSING}; CI installs it and runs this test")
    return CHROMIUM


@pytest.fixture
async def page(browser_path: str, server: tuple[str, Path], tmp_path: Path
               ) -> AsyncIterator[Page]:
    """A tab in a fresh headless Chromium, with the terminal-catching script installed."""
    url, _ = server

    async def listening() -> bool:
        try:
            async with aiohttp.ClientSession() as http, http.get(url) as reply:
                return reply.status == 200
        except aiohttp.ClientError:
            return False

    await wait_for(listening, f"the server at {url}")
    browser = Browser(browser_path, tmp_path / "profile")
    try:
        tab = await browser.page()
        await tab.send("Page.enable")
        await tab.send("Page.addScriptToEvaluateOnNewDocument", source=CATCH_THE_TERMINAL)
        yield tab
        await tab.close()
    finally:
        await browser.close()


async def screen_showing(page: Page, *texts: str) -> str:
    """The terminal's text once it shows every one of `texts`."""

    async def check() -> str | None:
        screen: str = await page.evaluate(SCREEN_TEXT)
        return screen if all(text in screen for text in texts) else None

    try:
        return await wait_for(check, f"the page's terminal to show {texts}")
    except AssertionError:
        raise AssertionError(f"{texts} never showed; the terminal shows:\n"
                             f"{await page.evaluate(SCREEN_TEXT)}") from None


async def test_a_learner_plays_a_decision_in_the_browser(
        page: Page, server: tuple[str, Path], tmp_path: Path) -> None:
    url, root = server
    started = time.monotonic()
    await page.send("Page.navigate", url=url)
    await screen_showing(page, "Who is playing?")
    to_question = time.monotonic() - started
    await page.evaluate("window.__terminal.focus()")
    await page.type("Ada Lovelace")
    await screen_showing(page, "Ada Lovelace")
    named = time.monotonic()
    await page.press("Enter")
    screen = await screen_showing(page, "Cache the catalogue", " shown")
    to_catalogue = time.monotonic() - named
    assert "playing as Ada Lovelace" in screen
    shot = await page.screenshot(tmp_path / "catalogue.png")
    assert shot.stat().st_size > 10_000  # a picture of a terminal, not a blank page
    print(f"\npage load to 'Who is playing?': {to_question:.2f} s; Enter on the name to "
          f"the filled catalogue: {to_catalogue:.2f} s; screenshot {shot}")

    await page.type("cache-the-catalogue")
    await screen_showing(page, " 1 of ")
    await page.press("Enter")
    await screen_showing(page, "Decision 1", "four seconds")
    await page.press("1")
    await screen_showing(page, "Right", "+2 points")
    await page.press("Enter")
    await screen_showing(page, "How should the application fill the cache?")
    await page.press("1")
    await screen_showing(page, "Right")
    await page.press("Enter")
    screen = await screen_showing(page, "Grade", "4 of 4 possible")
    await page.screenshot(tmp_path / "debrief.png")

    store_dir = learner("Ada Lovelace").data_dir(root)

    async def saved() -> list[object] | None:
        if not (store_dir / DB_NAME).exists():
            return None
        store = open_store(store_dir)
        try:
            return list(store.plays()) or None
        finally:
            store.close()

    plays = await wait_for(saved, f"the play to be saved in {store_dir}")
    assert [p.scenario_id for p in plays] == ["cache-the-catalogue"]  # type: ignore[attr-defined]
    assert sorted(p.name for p in (root / "learners").iterdir()) == [store_dir.name]
