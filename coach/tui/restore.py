"""Offered at start when an earlier run left an unsaved draft (a crash, or Ctrl+Q with changes).

Esc means "decide later": the autosave is kept and offered again next time. Only the explicit
Discard key (shown on the dialog) deletes it, because a deleted autosave cannot be brought back.
"""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from coach.render.visible import visible
from coach.userdata import Autosave
from coach.wordcount import count_words

RESTORE, DISCARD, LATER = "restore", "discard", "later"


def restore_message(saved: Autosave, draft_label: str, remaining: int = 0) -> Content:
    words = count_words(saved.text)  # the same count as the score bar's "N words"
    first_words = saved.text.split()[:12]
    first = visible(" ".join(first_words))
    more = f"\n\n({remaining} more unsaved draft{'s' if remaining != 1 else ''} after this one.)" if remaining else ""
    mspe = "\nIt includes an MSPE excerpt you pasted." if saved.mspe.strip() else ""
    when = ""
    if saved.saved_at:
        import time

        when = time.strftime(" on %d %b at %H:%M", time.localtime(saved.saved_at))
    return Content.assemble(
        ("Unsaved changes found\n\n", "bold"),
        f"An earlier session left unsaved changes to {visible(draft_label)}{when} ({words} words):\n\n",
        ("“" + first + ("…" if len(saved.text.split()) > 12 else "") + "”", "italic"),
        mspe,
        "\n\nRestore them now, discard them for good, or press Esc to decide later (they are kept).",
        more,
    )


class RestoreScreen(ModalScreen[str]):
    """Returns RESTORE, DISCARD (delete the autosave) or LATER (keep it; Esc)."""

    BINDINGS = [
        Binding("r", f"choose('{RESTORE}')", "Restore"),
        Binding("d", f"choose('{DISCARD}')", "Discard"),
        Binding("escape", f"choose('{LATER}')", "Later"),
    ]

    def __init__(self, saved: Autosave, draft_label: str, remaining: int = 0) -> None:
        super().__init__()
        self._message = restore_message(saved, draft_label, remaining)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self._message, id="restore-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Restore (r)", id=RESTORE, variant="primary")
                yield Button("Discard (d)", id=DISCARD, variant="error")
                yield Button("Later (Esc)", id=LATER)

    def on_mount(self) -> None:
        self.query_one(f"#{RESTORE}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
