"""Pilot tests: MSPE pane, selectors, literal text, help, command palette, themes, 80×24."""
from __future__ import annotations

from textual.widgets import Select

from coach.tui.actions import ACTIONS
from coach.tui.app import CoachApp
from coach.tui.commands import CoachCommands
from coach.tui.findings import FindingsList
from coach.tui.help import HelpScreen
from coach.tui.launch import create_app
from coach.tui.mspe_pane import MspeInput
from coach.vocab import FLAG_TYPES

MSPE = ("Academic History: The student did not pass USMLE Step 1 on the first attempt in "
        "August 2023 and passed on the second attempt in November 2023.")


async def test_an_mspe_mismatch_is_shown(settle):
    app = create_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        box = app.query_one(MspeInput)
        assert app.focused is box
        box.insert(MSPE)  # a paste
        await settle(pilot)
        assert app.report.mspe is not None and not app.report.mspe.consistent
        shown = str(app.query_one("#mspe-result").render())
        assert "disagrees" in shown and "August 2023" in shown and "June 2023" in shown
        assert any(f.type == "mspe_mismatch" for f in app.visible_flags)
        assert any(m.style == "flag--mspe_mismatch" for m in app.editor.marks)


async def test_kind_and_red_flag_selectors_drive_the_analysis(settle):
    app = create_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.report.kind == "interview"  # detected
        app.query_one("#kind-select", Select).value = "statement"
        await settle(pilot)
        assert app.report.kind == "statement" and app.session.kind == "statement"
        app.query_one("#red-flag-select", Select).value = "shelf_fail"
        await settle(pilot)
        assert app.report.red_flag == "shelf_fail"
        await app.run_action("cycle_kind")  # statement → eras
        await settle(pilot)
        assert app.report.kind == "eras" and app.query_one("#kind-select", Select).value == "eras"


async def test_markup_looking_text_is_shown_literally(settle, fixture_text, tmp_path):
    text = fixture_text("markup.txt")
    path = tmp_path / "[red]draft[b].txt"
    path.write_text(text, encoding="utf-8")
    app = create_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.editor.get_line(0).plain == text.splitlines()[0]
        app.editor.move_cursor(app.editor.document.end)
        await pilot.press(*" [bold]x[/] [/] {{ y }} {% z %} 😊 [link=http://a]b[/link]")
        await settle(pilot)
        screen = app.export_screenshot()
        for literal in ("[bold]concussion[/bold]", "[/]", "{{", "[red]draft[b].txt"):
            assert literal in screen.replace("&#160;", " "), literal
        await pilot.press("f2", "down", "down")  # findings quoting the draft render literally too
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_help_explains_the_parts_and_every_flag_type(settle):
    app = create_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        from coach.tui.help import FLAGS, PARTS

        for part in ("Context", "Change", "Evidence"):
            assert f"**{part}**" in PARTS
        for flag in FLAG_TYPES:
            label = {"passive_agency": "passive", "mspe_mismatch": "mspe"}.get(flag, flag)
            assert f"**{label}**" in FLAGS, flag
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_every_action_has_a_handler_and_a_palette_entry(settle):
    app = create_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for a in ACTIONS:
            assert callable(getattr(CoachApp, f"action_{a.action}", None)), a.action
        provider = CoachCommands(app.screen)
        titles = [hit.text async for hit in provider.discover()]
        assert titles == [a.title for a in ACTIONS]
        hits = [hit.text async for hit in provider.search("export html")]
        assert hits and hits[0] == "Export report as HTML…"
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CommandPalette"


async def test_light_and_dark_themes(settle):
    app = create_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        dark = app.get_css_variables()["flag-vague"]
        await pilot.press("ctrl+t")
        assert not app.current_theme.dark
        assert app.get_css_variables()["flag-vague"] != dark


async def test_usable_at_80x24(settle):
    app = create_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        editor, findings = app.editor.region, app.query_one(FindingsList).region
        assert editor.width >= 36 and editor.height >= 10
        assert findings.height >= 4 and not editor.overlaps(findings)
        assert app.screen.find_widget(app.editor) and app.query_one("#legend").region.height >= 1


async def test_an_empty_draft_says_what_to_do_instead_of_crashing(settle, tmp_path):
    app = create_app(tmp_path / "new.txt")  # a path that does not exist yet: a new, empty draft
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.report is None and "empty" in str(app.query_one("#scorebar").render())
        await pilot.press(*"I failed Step 1.")
        await settle(pilot)
        assert app.report is not None and app.report.text == "I failed Step 1."
        await pilot.press("ctrl+s")  # the draft has a path: saved without asking
        await pilot.pause()
        assert (tmp_path / "new.txt").read_text(encoding="utf-8") == "I failed Step 1."


def test_run_app_refuses_an_unusable_file(tmp_path, capsys):
    from coach.tui.launch import run_app

    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\x00\x00")
    assert run_app(str(bad)) == 2
    assert "binary" in capsys.readouterr().err
