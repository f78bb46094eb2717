"""Draft state and user data: autosave, restore, dismissals and the ignore list (no terminal)."""
from __future__ import annotations

import stat

from coach import userdata
from coach.config import load_settings
from coach.report.findings import Finding
from coach.tui.session import DraftSession, example_text

FINDING = Finding("hedge", 0, 7, "I think", "m", "hedge:first-person-doubt", "info", "s")


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_data_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "d"))
    assert userdata.data_dir() == tmp_path / "d"


def test_without_a_path_the_example_opens_unmodified():
    s = DraftSession.start()
    assert s.text == example_text() and s.example and s.path is None
    assert not s.is_dirty(s.text)


def test_a_missing_file_starts_an_empty_draft_there(tmp_path):
    s = DraftSession.start(tmp_path / "new.txt")
    assert s.text == "" and s.path == tmp_path / "new.txt"


def test_autosave_is_private_and_offered_back(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("I failed Step 1.", encoding="utf-8")
    s = DraftSession.start(path)
    s.kind = "statement"
    s.autosave("I failed Step 1 in June.")
    saved_file = userdata.autosave_path(s.autosave_key)
    assert mode(saved_file) == 0o600
    assert mode(saved_file.parent) == 0o700 and mode(saved_file.parent.parent) == 0o700
    again = DraftSession.start(path)
    pending = again.pending_restore()
    assert pending.text == "I failed Step 1 in June." and pending.kind == "statement"
    again.discard_autosave(again.pending_restores()[0][0])
    assert DraftSession.start(path).pending_restore() is None


def test_a_clean_draft_leaves_no_autosave(tmp_path):
    s = DraftSession.start()
    s.autosave(s.text + " more")
    assert userdata.load_autosave(s.autosave_key) is not None
    s.autosave(s.text)
    assert userdata.load_autosave(s.autosave_key) is None


def test_saving_writes_owner_only_and_clears_the_autosave(tmp_path):
    s = DraftSession.start()
    s.autosave("changed")
    target = s.save("changed", tmp_path / "mine.txt")
    assert target.read_text(encoding="utf-8") == "changed" and mode(target) == 0o600
    assert userdata.autosave_slots(userdata.UNTITLED) == []
    assert s.name == "mine.txt" and not s.is_dirty("changed")


def test_dismissals_persist_per_draft_and_undo(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("I think I failed.", encoding="utf-8")
    s = DraftSession.start(path)
    s.dismiss(FINDING)
    assert s.visible([FINDING]) == ()
    assert DraftSession.start(path).visible([FINDING]) == ()        # remembered for this draft
    assert DraftSession.start().visible([FINDING]) == (FINDING,)     # not for another one
    s.undo()
    assert DraftSession.start(path).visible([FINDING]) == (FINDING,)


def test_ignore_phrase_goes_to_the_user_config_and_undo_removes_it():
    s = DraftSession.start()
    assert s.ignore(FINDING) == "i think"
    assert "i think" in load_settings().ignored and s.settings.silences(FINDING)
    s.undo()
    assert "i think" not in load_settings().ignored


def test_a_corrupt_autosave_is_ignored(tmp_path):
    userdata.autosave_path(userdata.UNTITLED).parent.mkdir(parents=True)
    userdata.autosave_path(userdata.UNTITLED).write_text("{not json", encoding="utf-8")
    assert DraftSession.start().pending_restore() is None


def test_an_obsolete_background_autosave_never_replaces_a_newer_draft():
    s = DraftSession.start()
    old_ticket = s.next_autosave()
    s.autosave(s.text + " newest")          # e.g. Ctrl+Q, written at once
    s.autosave(s.text + " older", old_ticket)  # the slow background write lands afterwards
    assert userdata.load_autosave(s.autosave_key).text == s.text + " newest"
