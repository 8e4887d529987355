"""NO_COLOR: the app honours it, and verdicts still read without colour."""

from __future__ import annotations

import re

import pytest


async def test_no_color_is_respected_and_symbols_carry_meaning(
        make_app, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app("cache-the-catalogue")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.no_color
        await pilot.press("2")   # a wrong choice: the verdict has a symbol and a word
        await pilot.pause()
        svg = app.export_screenshot()
    assert "✗ Wrong" in svg.replace("&#160;", " ")
    fills = set(re.findall(r"fill: (#[0-9a-f]{6})", svg))
    def grey(colour: str) -> bool:
        r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        return max(r, g, b) - min(r, g, b) <= 8
    assert fills and all(grey(c) for c in fills), sorted(c for c in fills if not grey(c))
