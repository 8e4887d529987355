"""Glossary cards for the services in play, in a scrollable side panel."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.containers import VerticalScroll
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from ...format.model import ServiceCard
from ...format.text_safety import one_line


def card_content(service: str, card: ServiceCard | None) -> Content:
    """The text of one card; an id missing from the glossary still gets a card."""
    if card is None:
        return Content.assemble((one_line(service), "bold"), "\n", ("(not in the glossary)",
                                                                     "dim"))
    return Content.assemble((one_line(card.name), "bold"), "\n", one_line(card.summary))


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
                link = Style(dim=True, link=one_line(card.docs))
                cards.append(Static(Content("AWS docs ↗").stylize(link), classes="service-docs"))
        if not cards:
            cards = [Static(Content.styled("No services listed.", "dim"))]
        self.mount_all(cards)
