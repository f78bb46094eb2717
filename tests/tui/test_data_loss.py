"""Pilot tests: the app never loses a draft, an autosave or the user's settings."""
from __future__ import annotations

import os
import stat

from textual.widgets import Static

from coach import userdata
from coach.config import config_path
from coach.tui.findings import FindingsList
from coach.tui.launch import create_app
from coach.tui.mspe_pane import MspeInput
from coach.tui.quit import QuitScreen
from coach.tui.restore import RestoreScreen
from coach.tui.scorebar import ScoreBar
from coach.tui.session import DraftSession, example_text

PLAIN = "I failed Step 1 in June 2023. I passed the retake in August 2023 with a 231."


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def crashed_autosave(path, text: str, run: str = "old-run") -> str:
    """An autosave slot left by an earlier session that is no longer running."""
    slot = f"{userdata.draft_key(path)}-{run}"
    userdata.save_autosave(slot, userdata.Autosave(text=text, path=str(path) if path else None))
    return slot


async def test_escape_on_restore_keeps_the_autosave_and_discard_is_explicit(settle, draft_file):
    path = draft_file(PLAIN)
    slot = crashed_autosave(path, PLAIN + " Unsaved sentence.")
    app = create_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RestoreScreen)
        labels = str(app.screen.query_one("#discard").label) + str(app.screen.query_one("#later").label)
        assert "(d)" in labels and "Esc" in labels  # the keys are shown on the dialog
        await pilot.press("escape")
        await settle(pilot)
        assert app.editor.text == PLAIN
    assert userdata.load_autosave(slot).text == PLAIN + " Unsaved sentence."  # decided later: kept
    app = create_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RestoreScreen)  # offered again
        await pilot.press("d")
        await settle(pilot)
    assert userdata.load_autosave(slot) is None


async def test_restore_dialog_counts_words_like_the_score_bar(settle, draft_file):
    path = draft_file(PLAIN)
    text = PLAIN + " My dad's illness—and 2 jobs—took time_off."
    crashed_autosave(path, text)
    app = create_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        message = str(app.screen.query_one("#restore-message", Static).render())
        await pilot.press("r")
        await settle(pilot)
        assert f"({app.report.word_count} words)" in message
        assert app.query_one(ScoreBar).report.word_count == app.report.word_count


async def test_two_untitled_sessions_keep_two_autosaves_and_both_are_offered(settle):
    first, second = DraftSession.start(), DraftSession.start()
    first.autosave(example_text() + " First session.")
    second.autosave(example_text() + " Second session.")
    assert first.autosave_key != second.autosave_key
    texts = {s.text for _, s in userdata.autosave_slots(userdata.UNTITLED)}
    assert texts == {example_text() + " First session.", example_text() + " Second session."}
    app = create_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        seen = []
        for _ in range(2):
            assert isinstance(app.screen, RestoreScreen)
            seen.append(str(app.screen.query_one("#restore-message", Static).render()))
            await pilot.press("escape")
            await pilot.pause()
        assert not isinstance(app.screen, RestoreScreen)
        assert "1 more unsaved draft" in seen[0] and "more unsaved" not in seen[1]
    assert len(userdata.autosave_slots(userdata.UNTITLED)) == 2  # Esc twice: both kept


async def test_saving_through_a_symlink_writes_the_target_and_keeps_its_mode(settle, tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    target = real / "draft.txt"
    target.write_text(PLAIN, encoding="utf-8")
    target.chmod(0o644)
    link = tmp_path / "draft-link.txt"
    link.symlink_to(target)
    app = create_app(link)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.editor.move_cursor(app.editor.document.end)
        await pilot.press(*" More.")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == PLAIN + " More." and mode(target) == 0o644


async def test_a_broken_config_is_shown_at_start_and_never_overwritten(settle):
    path = config_path()
    path.write_text("# my notes\n[rules\ndisable = ['hedge']\n", encoding="utf-8")
    before = path.read_bytes()
    app = create_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        notes = [n.message for n in app._notifications]
        assert any("config.toml" in m and "not valid TOML" in m for m in notes)
        hedge_index = next(i for i, f in enumerate(app.visible_flags) if f.type == "hedge")
        await pilot.press("f2")
        app.query_one(FindingsList).highlighted = hedge_index
        await pilot.press("i")
        await settle(pilot)
        assert any("was not changed" in n.message for n in app._notifications)
    assert path.read_bytes() == before


async def test_a_config_of_the_wrong_shape_does_not_stop_the_app(settle):
    config_path().write_text("rules = 5\n", encoding="utf-8")
    app = create_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.report is not None
        assert any("[rules] must be a table" in n.message for n in app._notifications)


async def test_ctrl_q_asks_when_the_draft_cannot_be_saved_anywhere(settle, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("COACH_DATA_DIR", str(blocker / "data"))  # every autosave fails
    app = create_app(debounce=10)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.editor.move_cursor(app.editor.document.end)
        await pilot.press(*" Words that exist nowhere else.")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitScreen) and app.return_code is None
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert not isinstance(app.screen, QuitScreen) and "nowhere else" in app.editor.text
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("q")  # quit anyway, knowingly
    assert app.return_value == 0  # quit only after asking


async def test_an_mspe_excerpt_is_autosaved_even_when_the_draft_is_unchanged(settle, draft_file):
    path = draft_file(PLAIN)
    app = create_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        app.query_one(MspeInput).insert("Step 1: failed June 2023; passed August 2023.")
        await settle(pilot)
        await app.workers.wait_for_complete()
        saved = userdata.load_autosave(app.session.autosave_key)
        assert saved is not None and saved.text == PLAIN and "August 2023" in saved.mspe
    again = DraftSession.start(path)
    assert again.pending_restores()  # offered back next time


async def test_side_panes_show_control_characters_visibly(settle, tmp_path):
    """Escape sequences in a draft (and its file name) never reach the terminal from a pane."""
    from coach.tui.findings import finding_detail, finding_prompt
    from coach.tui.mspe_pane import mspe_content
    from coach.tui.rewrite_pane import rewrite_content

    path = tmp_path / "evil\x1b[2J.txt"
    path.write_text("I failed Step 1.\x1b]0;owned I think I kind of \x1b[8mstudied. I passed the retake in "
                    "August 2023 with a 231.", encoding="utf-8")
    app = create_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.visible_flags
        shown = [finding_prompt(f).plain + finding_detail(f, 1).plain for f in app.visible_flags]
        if app.rewrite is not None:
            shown.append(rewrite_content(app.rewrite, None).plain)
        if app.report.mspe is not None:
            shown.append(mspe_content(app.report.mspe, True).plain)
        shown.append(str(app.query_one("#draft-name").render()))
        assert all("\x1b" not in s for s in shown)
        assert any("␛" in s for s in shown)


async def test_the_open_dialog_refuses_a_fifo_without_freezing(settle, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    app = create_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = app.editor.text
        app.open_path(fifo)  # a blocking open would hang the test here
        await pilot.pause()
        assert app.editor.text == text and app.session.path is None
        assert any("FIFO" in n.message for n in app._notifications)
