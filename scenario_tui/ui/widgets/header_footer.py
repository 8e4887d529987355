"""Every screen's header and footer: Textual's, made to let go of what they replace.

A widget that watches another node's reactive (`watch`, `data_bind`) stays referenced by
that node until the watched value next changes: Textual drops a closed widget's watchers only
then (textual#6666). The header watches the app's title and sub-title, which never change
here, so every play and debrief screen left its header alive for the rest of the session; the
footer's keys watch the footer's `compact`, so every recompose (each time a screen's keys
change) left the old keys alive for as long as the screen. Touching the watched value once
the watchers' owners have closed drops them; the widgets still showing just take the same
value again.

The header also takes its first look at the titles on its own loop (`ScreenHeader.watch`), so a
screen replaced as soon as it is shown cannot leave that look to find the header gone.

The footer shows only the keys that fit whole (`keys_to_hide`): at 80 columns Textual cut the
last ones mid-word, and the last is Help. Quit goes first (Ctrl+Q is on the help screen), then
keys from the right; Help stays.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Sequence

from rich.cells import cell_len
from textual import events
from textual.app import App, ComposeResult
from textual.dom import DOMNode
from textual.reactive import invoke_watcher
from textual.types import WatchCallbackType
from textual.widgets import Footer, Header
from textual.widgets._footer import FooterKey


class ScreenHeader(Header):
    """A `Header` that does not outlive its screen."""

    def watch(self, obj: DOMNode, attribute_name: str, callback: WatchCallbackType,
              init: bool = True) -> None:
        """The header's first look at each title runs on the header's own loop. Textual runs
        it on the watched node's (the app's or the screen's), and a header replaced before that
        node got to it found its title gone: `NoMatches`, and the app ended (a screen replaced
        within a frame, as `n` then `r` on the debrief does)."""
        super().watch(obj, attribute_name, callback, init=False)
        if init:
            value = getattr(obj, attribute_name)
            invoke_watcher(self, callback, value, value)

    def on_unmount(self) -> None:
        self.app.mutate_reactive(App.title)
        self.app.mutate_reactive(App.sub_title)


PALETTE_CLASS = "-command-palette"
KEPT = "help"
"""The action of the key the footer never hides: every other key is on the screen it opens."""
FIRST_HIDDEN = "quit"
BACK = "escape"
"""The key hidden last: where the screen goes back to."""


def key_width(key: FooterKey) -> int:
    """The cells `key` takes in the footer (Textual 8.2.8's padding: ` k ` and `desc `, or
    `k desc` compact; the palette's key has a border and a space more)."""
    width = cell_len(key.key_display)
    if key.description:
        width += 1 + cell_len(key.description)
    if key.has_class(PALETTE_CLASS):
        return width + 2
    return width if key.compact else width + 2


def keys_to_hide(keys: Sequence[FooterKey], width: int,
                 on_buttons: Collection[str] = ()) -> list[FooterKey]:
    """The keys to leave out so that the rest fit whole in `width` cells: Quit first, then
    those whose action a button on screen names with its key (`on_buttons`), then from the
    right, Esc last (it says where the screen goes back to: at 80 columns a play lost
    "esc Catalogue" before its panel toggles); never Help (nor the palette's, docked at the
    right)."""
    shown = [key for key in keys if not key.has_class(PALETTE_CLASS)]
    room = width - sum(key_width(key) for key in keys if key.has_class(PALETTE_CLASS))
    needed = sum(key_width(key) for key in shown)
    order = sorted((key for key in shown if key.action != KEPT),
                   key=lambda key: (key.action != FIRST_HIDDEN, key.action not in on_buttons,
                                    key.key == BACK, -shown.index(key)))
    hidden = []
    for key in order:
        if needed <= room:
            break
        hidden.append(key)
        needed -= key_width(key)
    return hidden


class ScreenFooter(Footer):
    """A `Footer` whose replaced keys do not outlive the recompose that replaced them, and
    that recomposes only when the keys it shows have changed."""

    def __init__(self) -> None:
        super().__init__()
        self._shown: Hashable = None
        """What the keys last composed showed (`_keys_shown`)."""

    def _keys_shown(self) -> Hashable:
        """Everything `compose` reads: the active bindings it shows (a hidden one, such as the
        focused list's Enter, changes nothing on screen) and the footer's options."""
        active = self.screen.active_bindings
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        keys = tuple((binding.key, binding.key_display, binding.action, binding.description,
                      binding.group, enabled, tooltip)
                     for _, binding, enabled, tooltip in active.values()
                     if binding.show or (palette is not None and binding is palette[1]))
        return (keys, self._bindings_ready, self.compact, self.show_command_palette,
                self.combine_groups, self.app.size.width)

    def compose(self) -> ComposeResult:
        """Textual's keys, given the footer's `compact` before they mount. A key bound to
        the footer's value starts compact and then takes that value, restyling itself both
        times: a tenth of a debrief's opening time. (The palette's key is not bound and
        keeps its own.)"""
        widgets = list(super().compose())
        for widget in widgets:
            if isinstance(widget, FooterKey) and "compact" in (widget._reactive_connect or {}):
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
        if all(isinstance(widget, FooterKey) for widget in widgets):  # no groups of keys
            for key in keys_to_hide([w for w in widgets if isinstance(w, FooterKey)],
                                    self.app.size.width,
                                    getattr(self.screen, "KEYS_ON_BUTTONS", ())):
                key.display = False
        yield from widgets

    def on_resize(self, event: events.Resize) -> None:
        """Another width may fit other keys (rebuilt only if it does not show the same)."""
        self.call_after_refresh(self.recompose)

    async def recompose(self) -> None:
        """Textual recomposes the footer whenever any binding might have changed: twice on
        a play screen's choice (its keys, then the focus moving to Continue). The second
        time nothing it shows has changed, and is skipped."""
        if not self.is_attached:
            return
        shown = self._keys_shown()
        if shown == self._shown:
            return
        self._shown = shown
        await super().recompose()
        if self.is_attached:
            self.mutate_reactive(Footer.compact)
