"""Pilot tests: open, save, autosave/restore after a crash, Ctrl+Q, exports, saving the rewrite."""
from __future__ import annotations

import stat

from textual.widgets import Input

from coach import userdata
from coach.tui.launch import create_app
from coach.tui.options_bar import OptionsBar
from coach.tui.prompt import PathPrompt
from coach.tui.restore import RestoreScreen

PLAIN = "I failed Step 1 in June 2023. I passed the retake in August 2023 with a 231."


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def answer_prompt(pilot, path) -> None:
    """Fill the path prompt that the last key opened and confirm it."""
    await pilot.pause()
    assert isinstance(pilot.app.screen, PathPrompt)
    pilot.app.screen.query_one(Input).value = str(path)
    await pilot.press("enter")
    await pilot.pause()


async def test_save_as_then_open_another_draft(settle, tmp_path, draft_file):
    other = draft_file("My leave of absence began in March 2023.", "other.txt")
    app = create_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.editor.move_cursor(app.editor.document.end)
        await pilot.press(*"More.")
        assert app.query_one(OptionsBar).dirty
        await pilot.press("ctrl+s")  # an untitled draft asks where to save
        await answer_prompt(pilot, tmp_path / "mine.txt")
        saved = tmp_path / "mine.txt"
        assert saved.read_text(encoding="utf-8") == app.editor.text and mode(saved) == 0o600
        assert app.session.path == saved and not app.query_one(OptionsBar).dirty
        await pilot.press("ctrl+o")
        await answer_prompt(pilot, other)
        await settle(pilot)
        assert app.editor.text == other.read_text(encoding="utf-8") == app.report.text
        assert app.query_one(OptionsBar).draft_name == "other.txt"


async def test_opening_a_binary_file_is_refused_politely(settle, tmp_path):
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\x00\x00binary")
    app = create_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = app.editor.text
        app.open_path(bad)
        await pilot.pause()
        assert app.editor.text == text and app.session.path is None


async def test_ctrl_q_quits_at_once_and_autosaves_first(settle, draft_file):
    path = draft_file(PLAIN)
    app = create_app(path, debounce=10)  # no autosave from the debounce: only Ctrl+Q can save it
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.editor.move_cursor(app.editor.document.end)
        await pilot.press(*" Unsaved words.")
        await pilot.press("ctrl+q")
    assert app.return_code == 0
    saved = userdata.load_autosave(app.session.autosave_key)
    assert saved.text == PLAIN + " Unsaved words."
    assert mode(userdata.autosave_path(app.session.autosave_key)) == 0o600
    assert path.read_text(encoding="utf-8") == PLAIN  # the file itself is untouched


async def test_after_a_crash_the_unsaved_draft_is_offered_back(settle, draft_file):
    path = draft_file(PLAIN)
    crashed = userdata.Autosave(text=PLAIN + " Written before the crash.", path=str(path), kind="statement")
    userdata.save_autosave(userdata.draft_key(path), crashed)
    app = create_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RestoreScreen)
        await pilot.press("r")
        await settle(pilot)
        assert app.editor.text == crashed.text == app.report.text
        assert app.session.kind == "statement" and app.report.kind == "statement"
        assert app.query_one(OptionsBar).dirty


async def test_discarding_the_autosave_deletes_it(settle, draft_file):
    path = draft_file(PLAIN)
    userdata.save_autosave(userdata.draft_key(path), userdata.Autosave(text="old words", path=str(path)))
    app = create_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await settle(pilot)
        assert app.editor.text == PLAIN
    assert userdata.autosave_slots(userdata.draft_key(path)) == []


async def test_export_markdown_and_html(settle, tmp_path, fixture_text, draft_file):
    path = draft_file(fixture_text("markup.txt"))
    app = create_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await answer_prompt(pilot, tmp_path / "report.md")
        await app.run_action("export_html")
        await answer_prompt(pilot, tmp_path / "report.html")
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert mode(tmp_path / "report.md") == 0o600 and mode(tmp_path / "report.html") == 0o600
    assert str(app.report.scores["overall"]) in markdown
    assert app.rewrite.text.split("[")[0].strip()[:40] in markdown  # the suggestion is included
    assert "<html" in html.lower() and "<script>alert" not in html  # the draft is escaped
    assert "&lt;script&gt;" in html


async def test_rewrite_is_shown_copied_and_saved(settle, tmp_path):
    app = create_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.rewrite is not None
        await pilot.press("f3")
        shown = str(app.query_one("#rewrite-text").render())
        assert app.rewrite.text.strip()[:60] in shown and "Still to do" in shown
        await app.run_action("copy_rewrite")
        assert app.clipboard == app.rewrite.text
        await app.run_action("save_rewrite")
        await answer_prompt(pilot, tmp_path / "suggestion.txt")
    assert (tmp_path / "suggestion.txt").read_text(encoding="utf-8").strip() == app.rewrite.text.strip()
