"""A headless Chromium (the Debian package) driven over the DevTools protocol, just enough for
the browser tests: open a page, run JavaScript in it, press keys, take a screenshot.

The websocket client is aiohttp's, which textual-serve already brings: no browser download and
no driver library. Every wait polls a condition up to a generous deadline, never a fixed time.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import shutil
import subprocess
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import aiohttp

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--window-size=1280,800")
"""Flags that work on a bare CI machine: no GPU, no sandbox (root), nothing fetched."""
DEADLINE = 60.0
"""Seconds any wait may take before the test fails: generous, the machine may be loaded."""

T = TypeVar("T")

KEYS: dict[str, tuple[str, int, str]] = {
    "Enter": ("Enter", 13, "\r"),
    "Escape": ("Escape", 27, ""),
    "Tab": ("Tab", 9, "\t"),
    "Backspace": ("Backspace", 8, ""),
    "ArrowDown": ("ArrowDown", 40, ""),
    "ArrowUp": ("ArrowUp", 38, ""),
}
"""Special keys: (DOM code, Windows virtual key code, the text they type)."""


def chromium() -> str | None:
    """The Chromium the tests drive: Debian's, else one on PATH."""
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


async def wait_for(check: Callable[[], Awaitable[T | None]], what: str,
                   deadline: float = DEADLINE) -> T:
    """The first truthy result of `check`, polled; fail naming `what` at the deadline."""
    end = time.monotonic() + deadline
    while True:
        result = await check()
        if result:
            return result
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.1)


class Page:
    """One tab, over its DevTools websocket."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self._ids = itertools.count(1)
        self._waiting: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.socket:
            data = json.loads(message.data)
            future = self._waiting.pop(data.get("id", -1), None)
            if future is not None and not future.done():
                future.set_result(data)

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Call `method`; its result, or AssertionError with the browser's error."""
        ident = next(self._ids)
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiting[ident] = future
        await self.socket.send_json({"id": ident, "method": method, "params": params})
        reply = await asyncio.wait_for(future, DEADLINE)
        if "error" in reply:
            raise AssertionError(f"{method}: {reply['error']}")
        result: dict[str, Any] = reply["result"]
        return result

    async def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (promises awaited)."""
        reply = await self.send("Runtime.evaluate", expression=expression, returnByValue=True,
                                awaitPromise=True)
        if "exceptionDetails" in reply:
            raise AssertionError(f"{expression}: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    async def press(self, key: str) -> None:
        """Press and release one key: a name from `KEYS`, or one character."""
        code, key_code, text = KEYS.get(key, ("", 0, key))
        if not code:
            code = f"Key{key.upper()}" if key.isalpha() else (
                f"Digit{key}" if key.isdigit() else "")
            key_code = ord(key.upper()) if key.isalnum() and key.isascii() else 0
        down = {"key": key, "code": code, "windowsVirtualKeyCode": key_code,
                "nativeVirtualKeyCode": key_code}
        await self.send("Input.dispatchKeyEvent", type="keyDown", text=text,
                        unmodifiedText=text, **down)
        await self.send("Input.dispatchKeyEvent", type="keyUp", **down)

    async def type(self, text: str) -> None:
        for character in text:
            await self.press(character)

    async def screenshot(self, path: Path) -> Path:
        data = await self.send("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(data["data"]))
        return path

    async def close(self) -> None:
        self._reader.cancel()
        await self.socket.close()


class Browser:
    """A Chromium process with a fresh profile, and an HTTP session to reach its DevTools."""

    def __init__(self, executable: str, profile: Path) -> None:
        self.profile = profile
        self.process = subprocess.Popen(
            [executable, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
             "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.http = aiohttp.ClientSession()
        self.port = 0

    async def _devtools_port(self) -> int | None:
        """The port Chromium chose, from the file it writes once it listens."""
        if self.process.poll() is not None:
            raise AssertionError(f"chromium exited with status {self.process.returncode}")
        active = self.profile / "DevToolsActivePort"
        lines = active.read_text().split() if active.exists() else []
        return int(lines[0]) if len(lines) >= 2 else None

    async def page(self) -> Page:
        """The tab Chromium opened on about:blank."""
        self.port = await wait_for(self._devtools_port, "chromium's DevTools port")

        async def target() -> str | None:
            async with self.http.get(f"http://127.0.0.1:{self.port}/json/list") as reply:
                pages = [t for t in await reply.json() if t.get("type") == "page"]
            return str(pages[0]["webSocketDebuggerUrl"]) if pages else None

        url = await wait_for(target, "chromium's first tab")
        return Page(await self.http.ws_connect(url, max_msg_size=0))

    async def close(self) -> None:
        await self.http.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
