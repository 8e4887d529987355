"""An app that opens one screen at a time and times it to its first drawn frame: what the
screen benchmarks (bench_debrief, bench_architecture) compare their screens with."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from textual.app import App
from textual.screen import Screen


class Host(App[None]):
    """An empty app that opens screens on request and says when each is drawn."""

    async def open(self, make: Callable[[], Screen[None]]) -> float:
        drawn = asyncio.Event()
        started = time.perf_counter()
        screen = make()
        await self.push_screen(screen)
        screen.call_after_refresh(drawn.set)
        await drawn.wait()
        elapsed = time.perf_counter() - started
        await self.pop_screen()
        return elapsed
