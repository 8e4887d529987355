"""The key bar shows whole keys: at 80 columns the last ones were cut mid-word, Help among them."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from scenario_tui.ui.widgets.header_footer import ScreenFooter, key_width

from .pilot_steps import settle
from .test_architecture_panel import shop


def footer_keys(app) -> list[FooterKey]:
    return list(app.screen.query_one(ScreenFooter).query(FooterKey).results())


async def test_help_shows_whole_at_80_columns_and_quit_comes_back_when_wider(
        make_app, make_session) -> None:
    """A play screen with the diagram panel has more keys than 80 columns hold."""
    app = shop(make_app, make_session)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = {key.action: key for key in footer_keys(app) if key.display}
        assert "help" in shown and "quit" not in shown
        footer = app.screen.query_one(ScreenFooter)
        palette = next(key for key in footer_keys(app) if key.has_class("-command-palette"))
        for key in shown.values():
            assert footer.region.contains_region(key.region), key.action
            if key is not palette:
                assert key.region.right <= palette.region.x, key.action
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        shown = {key.action for key in footer_keys(app) if key.display}
        assert {"help", "quit"} <= shown


async def test_the_width_worked_out_is_the_width_laid_out(make_app) -> None:
    """`key_width` is what Textual gives each key, compact or not, the palette's included."""
    app = make_app("cache-the-catalogue")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        keys = [key for key in footer_keys(app) if key.display]
        assert len(keys) > 3
        for key in keys:
            assert key.region.width == key_width(key), key.action


async def test_play_stays_in_the_key_bar_when_the_list_has_the_focus(make_app) -> None:
    """Tab to the catalogue's list dropped "⏎ Play" from the key bar (its Enter was hidden)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key in ("", "tab"):
            if key:
                await pilot.press(key)
                await settle(pilot)
            shown = [k.description for k in footer_keys(app) if k.display]
            assert "Play" in shown, (app.focused, shown)


def test_keys_a_button_names_go_before_those_only_the_bar_shows() -> None:
    """The debrief at 80 columns hid the tree's key and the chaos round's (no button for
    either) and kept Retry, Replay and Next, which its buttons name with their keys."""
    from scenario_tui.ui.widgets.header_footer import keys_to_hide

    keys = [FooterKey(k, k, d, a) for k, d, a in (
        ("r", "Retry", "retry"), ("p", "Replay", "replay"), ("t", "Tree", "focus_tree"),
        ("c", "Chaos round", "chaos_round"), ("^q", "Quit", "quit"), ("f1", "Help", "help"))]
    width = sum(key_width(k) for k in keys) - 1  # one cell short
    assert [k.action for k in keys_to_hide(keys, width)] == ["quit"]
    narrow = width - key_width(keys[4])
    assert [k.action for k in keys_to_hide(keys, narrow, ("retry", "replay"))] == [
        "quit", "replay"]
    assert [k.action for k in keys_to_hide(keys, narrow)] == ["quit", "chaos_round"]


def test_esc_stays_while_a_panel_toggle_goes() -> None:
    """A practice play at 80 columns lost "esc Catalogue" (the rightmost key after Quit)
    while it kept the panels' toggles."""
    from scenario_tui.ui.widgets.header_footer import keys_to_hide

    keys = [FooterKey(k, k, d, a) for k, d, a in (
        ("1-9", "Choose", "choose(0)"), ("s", "Services", "toggle_services"),
        ("a", "Architecture", "toggle_architecture"), ("escape", "Catalogue", "leave"),
        ("^q", "Quit", "quit"), ("f1", "Help", "help"))]
    width = sum(key_width(k) for k in keys) - key_width(keys[4]) - 1
    assert [k.action for k in keys_to_hide(keys, width)] == ["quit", "toggle_architecture"]
