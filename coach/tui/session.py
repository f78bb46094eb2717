"""The state of one open draft, apart from any widget: file, options, dismissals and undo.

The app owns one `DraftSession`; widgets never see it. Keeping it headless makes the rules that
decide what is "unsaved", what is hidden and what undo brings back testable without a terminal.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from coach import userdata
from coach.config import Settings, normalize_phrase
from coach.report.findings import Finding
from coach.resources import examples_dir
from coach.storage import atomic_write

EXAMPLE_NAME = "example-draft.txt"


def example_text() -> str:
    """The bundled example draft a newcomer sees on first start."""
    return (examples_dir() / EXAMPLE_NAME).read_text(encoding="utf-8")


@dataclass(frozen=True)
class UndoStep:
    """One undoable user action: a dismissed finding (its key) or an ignored phrase."""

    action: str  # "dismiss" or "ignore"
    value: tuple[str, str] | str


@dataclass
class DraftSession:
    """One draft: where it lives, what was last saved, how it is analysed and what is hidden."""

    text: str
    path: Path | None = None
    saved_text: str = ""
    kind: str = "auto"
    red_flag: str = "auto"
    mspe: str = ""
    settings: Settings = field(default_factory=Settings)
    dismissed: set[tuple[str, str]] = field(default_factory=set)
    undo_stack: list[UndoStep] = field(default_factory=list)
    example: bool = False  # the bundled example, not yet saved anywhere
    run_id: str = field(default_factory=userdata.new_run_id)  # this session's autosave slots
    config_error: str | None = None  # why the settings file was skipped, shown at start-up
    autosave_error: str | None = None  # why the last autosave failed (None: the draft is safe)
    adopted_slot: str | None = None  # an earlier session's slot this one restored and continues
    _autosave_lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    _autosave_ticket: int = field(default=0, repr=False, compare=False)

    @classmethod
    def start(cls, path: str | Path | None = None) -> DraftSession:
        """Open `path` (a missing file starts an empty draft there), or the bundled example.

        Raises `coach.inputs.InputError` for a file that cannot be used as a draft.
        """
        from coach.config import load_settings_or_default

        # a broken config must not keep the student from their draft: skipped, and said so
        settings, config_error = load_settings_or_default()
        if path is None:
            text = example_text()
            session = cls(text=text, saved_text=text, settings=settings, example=True)
        else:
            p = Path(path).expanduser()
            text = read_draft(p)
            session = cls(text=text, path=p, saved_text=text, settings=settings)
        session.config_error = config_error
        session.dismissed = userdata.load_dismissed(session.key)
        return session

    @property
    def key(self) -> str:
        """The draft's key (dismissals are remembered per draft, across sessions)."""
        return userdata.draft_key(self.path)

    @property
    def autosave_key(self) -> str:
        """This session's own autosave slot for the draft (see `coach.userdata`)."""
        return self.adopted_slot or f"{self.key}-{self.run_id}"

    @property
    def name(self) -> str:
        if self.path is not None:
            return self.path.name
        return "example draft (unsaved)" if self.example else "untitled"

    @property
    def label(self) -> str:
        """The draft as named in a sentence ("… unsaved changes to the example draft")."""
        if self.path is not None:
            return self.path.name
        return "the example draft" if self.example else "an untitled draft"

    def is_dirty(self, text: str) -> bool:
        """Whether `text` differs from what was last opened or saved."""
        return text != self.saved_text

    # -- files -------------------------------------------------------------------------------

    def open(self, path: str | Path) -> str:
        """Switch to the draft at `path` and return its text (raises InputError)."""
        p = Path(path).expanduser()
        text = read_draft(p)
        self.next_autosave()  # a pending write of the old draft must not land under the new key
        self.path, self.text, self.saved_text, self.example = p, text, text, False
        self.adopted_slot = None
        self.dismissed = userdata.load_dismissed(self.key)
        self.undo_stack.clear()
        return text

    def save(self, text: str, path: str | Path | None = None) -> Path:
        """Write the draft; a new path carries this draft's dismissals along.

        Atomic; a new file is 0600, an existing one keeps its mode, and a symlink is written
        through to its target (see `coach.storage.atomic_write`). The session keeps the path the
        user gave (the link), so the next save goes through it again.
        """
        old_key, old_slot = self.key, self.autosave_key
        target = Path(path).expanduser() if path is not None else self.path
        if target is None:
            raise ValueError("no path to save to")
        atomic_write(target, text)
        self.next_autosave()  # pending background autosaves are obsolete now
        self.path, self.text, self.saved_text, self.example = target, text, text, False
        self.autosave_error = None
        if self.key != old_key:
            try:
                userdata.save_dismissed(self.key, self.dismissed)
            except OSError:
                pass  # the draft itself is saved; losing dismissals is not worth an error here
        for slot in {old_slot, self.autosave_key}:
            try:
                userdata.clear_autosave(slot)
            except OSError:
                pass
        self.adopted_slot = None
        return target

    def next_autosave(self) -> int:
        """A ticket for a background autosave; any later ticket makes it obsolete."""
        with self._autosave_lock:
            self._autosave_ticket += 1
            return self._autosave_ticket

    def autosave(self, text: str, ticket: int | None = None) -> None:
        """Keep an unsaved draft safe; a draft equal to its file needs no autosave.

        Background writes carry a ticket and are skipped once a newer one was issued, so a slow
        older write can never replace a newer draft; a call without a ticket (Ctrl+Q) always wins.
        """
        with self._autosave_lock:
            if ticket is None:
                self._autosave_ticket += 1
            elif ticket != self._autosave_ticket:
                return
            try:
                if self.needs_autosave(text):
                    userdata.save_autosave(self.autosave_key, userdata.Autosave(
                        text=text, path=str(self.path) if self.path else None,
                        kind=self.kind, red_flag=self.red_flag, mspe=self.mspe))
                else:
                    userdata.clear_autosave(self.autosave_key)
            except OSError as e:
                self.autosave_error = e.strerror or str(e)
                raise
            self.autosave_error = None

    def needs_autosave(self, text: str) -> bool:
        """Unsaved work: draft changes, or an MSPE excerpt typed in the app (never in a file)."""
        return self.is_dirty(text) or bool(self.mspe.strip())

    def unsafe_to_quit(self, text: str) -> bool:
        """Quitting now would lose work: there is some, and the last autosave failed."""
        return self.needs_autosave(text) and self.autosave_error is not None

    def pending_restores(self) -> list[tuple[str, userdata.Autosave]]:
        """Autosaves of this draft left by earlier sessions that differ from the draft as opened."""
        return [(slot, saved) for slot, saved in userdata.autosave_slots(self.key, exclude=self.autosave_key)
                if saved.text != self.text or saved.mspe.strip()]

    def pending_restore(self) -> userdata.Autosave | None:
        """The oldest pending autosave (see `pending_restores`), or None."""
        pending = self.pending_restores()
        return pending[0][1] if pending else None

    def adopt(self, slot: str) -> None:
        """Continue an earlier session's autosave: later autosaves replace that slot."""
        if slot != self.autosave_key:
            userdata.clear_autosave(self.autosave_key)
        self.adopted_slot = slot

    def discard_autosave(self, slot: str | None = None) -> None:
        """Delete one autosave slot (the user chose Discard explicitly)."""
        userdata.clear_autosave(slot or self.autosave_key)

    # -- findings ----------------------------------------------------------------------------

    def visible(self, flags) -> tuple[Finding, ...]:
        """Findings the user has not dismissed for this draft."""
        return tuple(f for f in flags if userdata.dismissal_key(f.rule, f.text) not in self.dismissed)

    def dismiss(self, f: Finding) -> None:
        key = userdata.dismissal_key(f.rule, f.text)
        self.dismissed.add(key)
        self.undo_stack.append(UndoStep("dismiss", key))
        userdata.save_dismissed(self.key, self.dismissed)

    def ignore(self, f: Finding) -> str:
        """Add the finding's phrase to the user's ignore list (coach.config); returns the phrase."""
        from coach.config import edit_settings

        phrase = normalize_phrase(f.text)
        # only after the file took it: a failed write must not leave a phantom in-memory setting
        saved = edit_settings(ignore=[phrase])
        self.settings = Settings(self.settings.disabled | saved.disabled, self.settings.ignored | saved.ignored)
        self.undo_stack.append(UndoStep("ignore", phrase))
        return phrase

    def undo(self) -> UndoStep | None:
        """Revert the last dismissal or ignored phrase; None when there is nothing to undo."""
        if not self.undo_stack:
            return None
        step = self.undo_stack.pop()
        if step.action == "dismiss":
            self.dismissed.discard(step.value)
            userdata.save_dismissed(self.key, self.dismissed)
        else:
            from coach.config import edit_settings

            try:
                edit_settings(unignore=[step.value])
            except BaseException:
                self.undo_stack.append(step)  # still undoable once the file can be written
                raise
            self.settings = Settings(self.settings.disabled, self.settings.ignored - {step.value})
        return step


def read_draft(path: Path) -> str:
    """A draft file's text; a path that does not exist yet is a new, empty draft.

    Everything else (FIFOs, devices, symlink loops, size, encoding) is `read_text_file`'s job,
    so the app refuses exactly what `coach check` refuses.
    """
    import os

    from coach.inputs import read_text_file

    if not os.path.lexists(path):  # a dangling symlink is not "new": read_text_file explains it
        return ""
    return read_text_file(path, allow_empty=True)
