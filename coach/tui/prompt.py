"""A one-line path prompt for open, save and export (Textual has no file dialog).

Returns the path typed (expanded, relative to the working directory) or None when cancelled.
"""
from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static


class PathPrompt(ModalScreen[Path | None]):
    """Enter confirms, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, initial: str = "", hint: str = "") -> None:
        super().__init__()
        self._title, self._initial, self._hint = title, initial, hint

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self._title, classes="dialog-title", markup=False)
            yield Input(self._initial, id="path-input", select_on_focus=False)
            yield Static(self._hint or "Enter to confirm · Esc to cancel", classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        box = self.query_one(Input)
        box.focus()
        box.cursor_position = len(box.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.dismiss(Path(value).expanduser() if value else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
