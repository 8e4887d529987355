"""Every screen's header and footer: Textual's, made to let go of what they replace.

A widget that watches another node's reactive (`watch`, `data_bind`) stays referenced by
that node until the watched value next changes: Textual drops a closed widget's watchers only
then (textual#6666). The header watches the app's title and sub-title, which never change
here, so every play and debrief screen left its header alive for the rest of the session; the
footer's keys watch the footer's `compact`, so every recompose (each time a screen's keys
change) left the old keys alive for as long as the screen. Touching the watched value once
the watchers' owners have closed drops them; the widgets still showing just take the same
value again.
"""

from __future__ import annotations

from textual.app import App
from textual.widgets import Footer, Header


class ScreenHeader(Header):
    """A `Header` that does not outlive its screen."""

    def on_unmount(self) -> None:
        self.app.mutate_reactive(App.title)
        self.app.mutate_reactive(App.sub_title)


class ScreenFooter(Footer):
    """A `Footer` whose replaced keys do not outlive the recompose that replaced them."""

    async def recompose(self) -> None:
        await super().recompose()
        if self.is_attached:
            self.mutate_reactive(Footer.compact)
