"""Pilot tests: findings and checklist move the cursor; dismiss, ignore and undo."""
from __future__ import annotations

from textual.widgets import Static

from coach.config import load_settings
from coach.tui.checklist import Checklist
from coach.tui.findings import FindingsList
from coach.tui.launch import create_app
from coach.tui.session import example_text


async def test_highlighting_a_finding_moves_the_cursor_and_explains_it(settle):
    app = create_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f2")  # the findings list
        assert app.focused is app.query_one(FindingsList)
        await pilot.press("down")
        second = app.visible_flags[1]
        assert app.editor.selected_text == app.editor.text[second.start:second.end] == second.text
        detail = str(app.query_one("#finding-detail", Static).render())
        assert second.rule in detail and second.suggestion[:30] in detail
        await pilot.press("enter")
        assert app.focused is app.editor and app.editor.selected_text == second.text


async def test_next_and_previous_finding_keys(settle):
    app = create_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        ordered = sorted(app.visible_flags, key=lambda f: (f.start, f.end))
        await pilot.press("f8")
        assert app.editor.selected_text == ordered[0].text
        await pilot.press("f8")
        assert app.editor.selected_text == ordered[1].text
        await pilot.press("shift+f8")
        assert app.editor.selected_text == ordered[0].text


async def test_choosing_a_part_moves_the_cursor_to_its_sentence(settle):
    app = create_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        checklist = app.query_one(Checklist)
        checklist.focus()
        checklist.highlighted = 1  # change
        await pilot.press("enter")
        sentence = app.report.sentences[app.report.components["change"].sentences[0]]
        assert app.editor.selected_text == app.report.text[sentence.start:sentence.end].rstrip()
        assert "present" in str(checklist.get_option_at_index(1).prompt)
        assert "missing" in str(checklist.get_option_at_index(2).prompt)  # the example lacks evidence


async def test_dismiss_undo_and_dismissals_persist_for_the_draft(settle, draft_file):
    path = draft_file(example_text())
    app = create_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = app.visible_flags
        await pilot.press("f2", "d")
        gone = before[0]
        assert gone not in app.visible_flags and len(app.visible_flags) == len(before) - 1
        assert not any(m.start == gone.start and m.style == f"flag--{gone.type}" for m in app.editor.marks)
        await pilot.press("u")
        assert app.visible_flags == before
        await pilot.press("d")
    again = create_app(path)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert gone not in again.visible_flags and len(again.visible_flags) == len(before) - 1
    other = create_app()  # the same words in another draft are still flagged
    async with other.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert gone in other.visible_flags


async def test_ignore_a_phrase_everywhere_with_undo(settle):
    app = create_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        hedge_index = next(i for i, f in enumerate(app.visible_flags) if f.text == "kind of")
        await pilot.press("f2")
        app.query_one(FindingsList).highlighted = hedge_index
        await pilot.press("i")
        await settle(pilot)
        assert "kind of" in load_settings().ignored
        assert all(f.text != "kind of" for f in app.report.flags)
        await pilot.press("u")
        await settle(pilot)
        assert "kind of" not in load_settings().ignored
        assert any(f.text == "kind of" for f in app.visible_flags)


async def test_a_refresh_never_pulls_the_cursor_away_while_typing(settle):
    app = create_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f2", "down", "escape")  # a finding stays highlighted in the list
        assert app.focused is app.editor
        app.editor.move_cursor(app.editor.document.end)
        await pilot.press(*" More")
        await settle(pilot)
        assert app.editor.selection.end == app.editor.document.end
        assert app.query_one(FindingsList).highlighted == 1
