"""Snapshot tests (pytest-textual-snapshot) of the main screen, the help screen and the light theme.

Deterministic by construction: the bundled example draft, no clock anywhere on screen, a
non-blinking cursor in headless runs, and the analysis awaited before the screenshot. Update the
baselines with `pytest tests/tui --snapshot-update` after an intended change, and look at them.
"""
from __future__ import annotations

from coach.tui.launch import create_app


def waiting(settle, *keys: str):
    """A run_before hook: wait for the first analysis to be on screen, then press `keys`."""
    async def run_before(pilot) -> None:
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
            await pilot.pause()

    return run_before


def test_main_screen_80x24(snap_compare, settle):
    assert snap_compare(create_app(), terminal_size=(80, 24), run_before=waiting(settle))


def test_main_screen_120x40(snap_compare, settle):
    assert snap_compare(create_app(), terminal_size=(120, 40), run_before=waiting(settle))


def test_main_screen_light_theme_80x24(snap_compare, settle):
    assert snap_compare(create_app(theme="textual-light"), terminal_size=(80, 24), run_before=waiting(settle))


def test_finding_selected_120x40(snap_compare, settle):
    assert snap_compare(create_app(), terminal_size=(120, 40), run_before=waiting(settle, "f2", "down"))


def test_help_screen(snap_compare, settle):
    assert snap_compare(create_app(), terminal_size=(100, 32), run_before=waiting(settle, "f1"))


def test_command_palette(snap_compare, settle):
    assert snap_compare(create_app(), terminal_size=(80, 24), run_before=waiting(settle, "ctrl+p", *"export"))


def test_save_as_prompt(snap_compare, settle):
    assert snap_compare(create_app(), terminal_size=(80, 24), run_before=waiting(settle, "ctrl+s"))


def test_restore_dialog(snap_compare, settle, monkeypatch):
    import time

    from coach import userdata
    from coach.tui.session import example_text

    monkeypatch.setenv("TZ", "UTC")  # the dialog says when the autosave was made
    time.tzset()
    userdata.save_autosave(f"{userdata.UNTITLED}-earlier", userdata.Autosave(
        text=example_text() + " I passed the retake.", saved_at=1_700_000_000.0))
    assert snap_compare(create_app(), terminal_size=(80, 24), run_before=waiting(settle))
