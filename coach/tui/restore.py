"""Offered at start when an earlier run left an unsaved draft (a crash, or Ctrl+Q with changes)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from coach.userdata import Autosave


def restore_message(saved: Autosave, draft_label: str) -> Content:
    words = len(saved.text.split())
    first = " ".join(saved.text.split()[:12])
    return Content.assemble(
        ("Unsaved changes found\n\n", "bold"),
        f"An earlier session left unsaved changes to {draft_label} ({words} words):\n\n",
        ("“" + first + ("…" if words > 12 else "") + "”", "italic"),
        "\n\nRestore them? Discarding deletes the autosaved copy.",
    )


class RestoreScreen(ModalScreen[bool]):
    """Returns True to restore the autosaved draft, False to discard it."""

    BINDINGS = [
        Binding("r", "choose(True)", "Restore"),
        Binding("d", "choose(False)", "Discard"),
        Binding("escape", "choose(False)", "Discard", show=False),
    ]

    def __init__(self, saved: Autosave, draft_label: str) -> None:
        super().__init__()
        self._message = restore_message(saved, draft_label)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self._message, id="restore-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Restore (r)", id="restore", variant="primary")
                yield Button("Discard (d)", id="discard")

    def on_mount(self) -> None:
        self.query_one("#restore", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "restore")

    def action_choose(self, restore: bool) -> None:
        self.dismiss(restore)
