"""The app's file actions: open, save, autosave and restore, exports, saving the suggestion.

A mixin of `CoachApp` so `app.py` stays about the analysis flow. Every write goes through
`coach.storage.atomic_write` (owner-only, never half-written): drafts describe health problems and
failures. Paths are asked for with `PathPrompt`; errors become notifications, never tracebacks.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.widgets import TextArea

from coach.render.visible import visible
from coach.tui.mspe_pane import MspePane
from coach.tui.prompt import PathPrompt
from coach.tui.restore import RestoreScreen

if TYPE_CHECKING:
    from coach.userdata import Autosave


class FileActions:
    """Mixed into CoachApp (which provides session, editor, report, rewrite, invalidate…)."""

    def _default_path(self, suffix: str) -> Path:
        """A suggestion beside the draft, or relative to the working directory for an untitled one."""
        path = self.session.path
        return path.parent / f"{path.stem}{suffix}" if path else Path(f"my-explanation{suffix}")

    def _load_into_editor(self, text: str) -> None:
        """Replace the editor's text as one change: marks cleared, one analysis, no debounce."""
        with self.editor.prevent(TextArea.Changed):
            self.editor.load_text(text)
        self.editor.show_marks([], text)
        self._show_draft_state()
        self.invalidate(delay=0)

    # -- autosave and restore ----------------------------------------------------------------

    def autosave(self, text: str) -> None:
        """Write the unsaved draft off the UI thread (fsync can be slow on some disks)."""
        self._autosave_in_thread(text, self.session.next_autosave())

    @work(thread=True, group="autosave")
    def _autosave_in_thread(self, text: str, ticket: int) -> None:
        first_failure = self.session.autosave_error is None
        try:
            self.session.autosave(text, ticket)
        except OSError as e:
            if first_failure:  # once, not on every keystroke; Ctrl+Q asks before losing anything
                self.call_from_thread(self.notify, f"Autosave failed: {e.strerror or e}. Save with Ctrl+S.",
                                      severity="error", markup=False)

    def offer_restore(self, pending: list[tuple[str, Autosave]] | Autosave) -> None:
        """Offer each unsaved draft earlier runs left behind, one dialog at a time.

        Restore loads it (this session then continues that autosave slot); Discard deletes it;
        Esc ("later") keeps it for next time. After a restore the rest stay kept, untouched.
        """
        if not isinstance(pending, list):
            pending = [(self.session.autosave_key, pending)]
        if not pending:
            self._restore_pending = False
            return
        self._restore_pending = True
        (slot, saved), rest = pending[0], pending[1:]

        def decided(choice: str | None) -> None:
            from coach.tui.restore import DISCARD, RESTORE

            if choice == RESTORE:
                self._restore_pending = False
                s = self.session
                s.kind, s.red_flag, s.mspe = saved.kind, saved.red_flag, saved.mspe
                try:
                    s.adopt(slot)
                except OSError:
                    pass
                self.query_one(MspePane).set_text(saved.mspe)
                self._load_into_editor(saved.text)
                kept = f" {len(rest)} more kept for later." if rest else ""
                self.notify("Unsaved draft restored." + kept, markup=False)
                return
            if choice == DISCARD:
                try:
                    self.session.discard_autosave(slot)
                except OSError as e:
                    self.notify(f"Could not delete the autosave: {e.strerror or e}", severity="error", markup=False)
            self.offer_restore(rest)

        self.push_screen(RestoreScreen(saved, self.session.label, remaining=len(rest)), decided)

    # -- drafts ------------------------------------------------------------------------------

    def action_open_draft(self) -> None:
        self.push_screen(PathPrompt("Open draft (a UTF-8 text file)", str(self._default_path(".txt"))),
                         self.open_path)

    def open_path(self, path: Path | None) -> None:
        """Open `path` as the draft; the current draft is autosaved first if it has changes."""
        if path is None:
            return
        from coach.inputs import InputError

        try:
            self.session.autosave(self.editor.text)
            text = self.session.open(path)
        except (InputError, OSError) as e:
            self.notify(str(e), title="Cannot open", severity="error", markup=False)
            return
        self.report = self.rewrite = None
        self._load_into_editor(text)
        self.notify(f"Opened {visible(str(path))}", markup=False)
        pending = self.session.pending_restores()
        if pending:
            self.offer_restore(pending)

    def action_save_draft(self) -> None:
        if self.session.path is None:
            self.action_save_draft_as()
        else:
            self.save_path(self.session.path)

    def action_save_draft_as(self) -> None:
        self.push_screen(PathPrompt("Save draft as", str(self._default_path(".txt"))), self.save_path)

    def save_path(self, path: Path | None) -> None:
        if path is None:
            return
        try:
            target = self.session.save(self.editor.text, path)
        except OSError as e:
            self.notify(f"{visible(str(path))}: {e.strerror or e}", title="Cannot save", severity="error", markup=False)
            return
        self._show_draft_state()
        self.notify(f"Saved {visible(str(target))}", markup=False)

    # -- exports -----------------------------------------------------------------------------

    def action_export_markdown(self) -> None:
        self._ask_export(".md")

    def action_export_html(self) -> None:
        self._ask_export(".html")

    def _ask_export(self, suffix: str) -> None:
        if self.report is None:
            self.notify("Nothing to export until the draft has been analysed.", severity="warning", markup=False)
            return
        hint = "A path ending in .html writes a self-contained page; anything else writes Markdown."
        self.push_screen(PathPrompt("Export the report to", str(self._default_path(f"-report{suffix}")), hint),
                         self.export_path)

    def export_path(self, path: Path | None) -> None:
        """Write the report (and the suggestion) as Markdown, or as HTML for .html/.htm."""
        if path is None or self.report is None:
            return
        from coach.storage import atomic_write

        try:
            from coach.render.export import report_html, report_markdown
        except ImportError:
            self.notify("Export is not available in this installation.", severity="error", markup=False)
            return
        render = report_html if path.suffix.lower() in (".html", ".htm") else report_markdown
        # The report as the student sees it: findings they dismissed for this draft are left out.
        report = replace(self.report.with_flags(self.visible_flags),
                         path=str(self.session.path) if self.session.path else None)
        try:
            atomic_write(path, render(report, rewrite=self.rewrite))
        except OSError as e:
            self.notify(f"{visible(str(path))}: {e.strerror or e}", title="Cannot export", severity="error", markup=False)
            return
        self.notify(f"Report written to {visible(str(path))}", markup=False)

    # -- the suggestion ----------------------------------------------------------------------

    def action_save_rewrite(self) -> None:
        if self.rewrite is None:
            self.notify("No suggestion to save yet.", severity="warning", markup=False)
            return
        self.push_screen(PathPrompt("Save the suggestion to", str(self._default_path("-rewrite.txt"))),
                         self.save_rewrite_path)

    def save_rewrite_path(self, path: Path | None) -> None:
        if path is None or self.rewrite is None:
            return
        from coach.storage import atomic_write

        try:
            atomic_write(path, self.rewrite.text.rstrip() + "\n")
        except OSError as e:
            self.notify(f"{visible(str(path))}: {e.strerror or e}", title="Cannot save", severity="error", markup=False)
            return
        self.notify(f"Suggestion saved to {visible(str(path))}", markup=False)
