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
