"""Glossary cards for the services in play, in a scrollable side panel."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.containers import VerticalScroll
from textual.content import Content
from textual.events import Click
from textual.widgets import Static

from ...format.model import ServiceCard
from ...format.text_safety import one_line
from .inline_text import inline_line


def card_content(service: str, card: ServiceCard | None) -> Content:
    """The text of one card; an id missing from the glossary still gets a card."""
    if card is None:
        return Content.assemble((one_line(service), "bold"), "\n", ("(not in the glossary)",
                                                                     "dim"))
    return Content.assemble(inline_line(card.name).stylize("bold"), "\n",
                            inline_line(card.summary))


class DocsLink(Static):
    """A card's "AWS docs ↗" line. A click hands the target to `App.open_url`, which decides
    whether it opens (`ui/links.py`); a `link=` style would leave that to the terminal."""

    DEFAULT_CSS = """
    DocsLink {
        width: auto;
        pointer: pointer;
        &:hover {
            text-style: underline;
        }
    }
    """

    def __init__(self, url: str) -> None:
        super().__init__(Content.styled("AWS docs ↗", "dim"), classes="service-docs")
        self.url = url

    def on_click(self, event: Click) -> None:
        event.stop()
        self.app.open_url(self.url)


class ServiceCards(VerticalScroll, can_focus=False):
    """One bordered card per service id."""

    def show(self, services: Sequence[str], glossary: Mapping[str, ServiceCard]) -> None:
        """Replace the cards with those for `services`, in order, without duplicates."""
        self.remove_children()
        cards: list[Static] = []
        for service in dict.fromkeys(services):
            card = glossary.get(service)
            cards.append(Static(card_content(service, card), classes="service-card"))
            if card is not None and card.docs:
                cards.append(DocsLink(card.docs))
        if not cards:
            cards = [Static(Content.styled("No services listed.", "dim"))]
        self.mount_all(cards)
