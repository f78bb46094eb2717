"""Asked on Ctrl+Q only when quitting would lose work: the draft could not be saved anywhere.

Normally Ctrl+Q quits at once (the draft is autosaved first). When the autosave fails (a full
disk, a read-only data folder) quitting silently would throw the student's text away, so this
dialog says why and offers to save the draft to a file first.
"""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from coach.render.visible import visible

SAVE, QUIT, STAY = "save", "quit", "stay"


class QuitScreen(ModalScreen[str]):
    """Returns SAVE (save as… first), QUIT (lose the changes) or STAY (Esc)."""

    BINDINGS = [
        Binding("s", f"choose('{SAVE}')", "Save as…"),
        Binding("q", f"choose('{QUIT}')", "Quit anyway"),
        Binding("escape", f"choose('{STAY}')", "Stay"),
    ]

    def __init__(self, reason: str) -> None:
        super().__init__()
        self._message = Content.assemble(
            ("Your changes are not saved anywhere\n\n", "bold"),
            f"The autosave failed ({visible(reason)}), so quitting now loses the unsaved draft "
            "and any MSPE excerpt you pasted.\n\nSave the draft to a file first?",
        )

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self._message, id="quit-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save as… (s)", id=SAVE, variant="primary")
                yield Button("Quit anyway (q)", id=QUIT, variant="error")
                yield Button("Stay (Esc)", id=STAY)

    def on_mount(self) -> None:
        self.query_one(f"#{SAVE}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


class QuitFlow:
    """Mixed into CoachApp: Ctrl+Q and SIGTERM (the app provides session, editor, analyzer)."""

    async def action_quit(self) -> None:
        """Quit at once; the draft is autosaved synchronously first so nothing is lost.

        If that autosave fails and there is unsaved work, ask first (`QuitScreen`) instead of
        exiting 0 with the text gone.
        """
        try:
            self.session.autosave(self.editor.text)
        except OSError:
            pass  # recorded in session.autosave_error
        if self.session.unsafe_to_quit(self.editor.text):
            def decided(choice: str | None) -> None:
                if choice == QUIT:
                    self._quit_now(0)
                elif choice == SAVE:
                    self.action_save_draft_as()

            self.push_screen(QuitScreen(self.session.autosave_error or "unknown error"), decided)
            return
        self._quit_now(0)

    def _quit_now(self, status: int) -> None:
        self.analyzer.close()
        self.exit(status)

    def _watch_sigterm(self) -> None:
        """SIGTERM (a closed terminal, `kill`) autosaves and exits through Textual, which
        restores the terminal (raw mode off, alternate screen left, mouse reporting off)."""
        import asyncio
        import signal
        import threading

        if threading.current_thread() is not threading.main_thread():
            return
        try:
            asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, self._on_sigterm)
        except (NotImplementedError, RuntimeError, ValueError):
            pass

    def _on_sigterm(self) -> None:
        try:
            self.session.autosave(self.editor.text)
        except OSError:
            pass
        self._quit_now(143)
