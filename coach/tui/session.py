"""The state of one open draft, apart from any widget: file, options, dismissals and undo.

The app owns one `DraftSession`; widgets never see it. Keeping it headless makes the rules that
decide what is "unsaved", what is hidden and what undo brings back testable without a terminal.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from coach import userdata
from coach.config import Settings, load_settings, save_settings
from coach.report.findings import Finding
from coach.resources import examples_dir
from coach.storage import atomic_write

EXAMPLE_NAME = "example-draft.txt"


def example_text() -> str:
    """The bundled example draft a newcomer sees on first start."""
    return (examples_dir() / EXAMPLE_NAME).read_text(encoding="utf-8")


@dataclass(frozen=True)
class UndoStep:
    kind: str  # "dismiss" or "ignore"
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
    _autosave_lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    _autosave_ticket: int = field(default=0, repr=False, compare=False)

    @classmethod
    def start(cls, path: str | Path | None = None) -> "DraftSession":
        """Open `path` (a missing file starts an empty draft there), or the bundled example.

        Raises `coach.inputs.InputError` for a file that cannot be used as a draft.
        """
        from coach.config import ConfigError

        try:
            settings = load_settings()
        except ConfigError:
            settings = Settings()  # a broken config must not keep the student from their draft
        if path is None:
            text = example_text()
            session = cls(text=text, saved_text=text, settings=settings, example=True)
        else:
            p = Path(path).expanduser()
            text = read_draft(p)
            session = cls(text=text, path=p, saved_text=text, settings=settings)
        session.dismissed = userdata.load_dismissed(session.key)
        return session

    @property
    def key(self) -> str:
        return userdata.draft_key(self.path)

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
        self.dismissed = userdata.load_dismissed(self.key)
        self.undo_stack.clear()
        return text

    def save(self, text: str, path: str | Path | None = None) -> Path:
        """Write the draft (atomic, 0600); a new path carries this draft's dismissals along."""
        old_key = self.key
        target = Path(path).expanduser() if path is not None else self.path
        if target is None:
            raise ValueError("no path to save to")
        atomic_write(target, text)
        self.next_autosave()  # pending background autosaves are obsolete now
        self.path, self.text, self.saved_text, self.example = target, text, text, False
        if self.key != old_key:
            userdata.save_dismissed(self.key, self.dismissed)
            userdata.clear_autosave(old_key)
        userdata.clear_autosave(self.key)
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
            if self.is_dirty(text):
                userdata.save_autosave(self.key, userdata.Autosave(
                    text=text, path=str(self.path) if self.path else None,
                    kind=self.kind, red_flag=self.red_flag, mspe=self.mspe))
            else:
                userdata.clear_autosave(self.key)

    def pending_restore(self) -> userdata.Autosave | None:
        """An autosave from an earlier run that differs from the draft as opened."""
        saved = userdata.load_autosave(self.key)
        return saved if saved is not None and saved.text != self.text else None

    def discard_autosave(self) -> None:
        userdata.clear_autosave(self.key)

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
        phrase = " ".join(f.text.split()).casefold()
        self.settings = self.settings.merged(ignore=[phrase])
        save_settings(self.settings)
        self.undo_stack.append(UndoStep("ignore", phrase))
        return phrase

    def undo(self) -> UndoStep | None:
        """Revert the last dismissal or ignored phrase; None when there is nothing to undo."""
        if not self.undo_stack:
            return None
        step = self.undo_stack.pop()
        if step.kind == "dismiss":
            self.dismissed.discard(step.value)
            userdata.save_dismissed(self.key, self.dismissed)
        else:
            self.settings = Settings(self.settings.disabled, self.settings.ignored - {step.value})
            save_settings(self.settings)
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
