"""Practice dialogs: choosing the red flag, kind and interviewer (with the texts to check against),
and what to do when the history file cannot be used.

The setup returns a plain dict; the practice screen stores it (remembered between sessions).
"""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Select, Static, TextArea

from coach.practice.bank import TONES
from coach.tui.scorebar import KIND_LABELS, RED_FLAG_LABELS
from coach.vocab import KINDS, RED_FLAGS

TONE_LABELS = {"neutral": "neutral interviewer", "friendly": "friendly interviewer",
               "skeptical": "skeptical interviewer"}


class PracticeSetup(ModalScreen[dict | None]):
    """Red flag, kind, tone, and the statement and MSPE excerpt to compare answers with."""

    CSS_PATH = "practice.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s,f6", "start", "Start", priority=True)]

    def __init__(self, choices: dict[str, str], *, first_time: bool = False) -> None:
        super().__init__()
        self.choices = choices
        self.first_time = first_time

    def compose(self) -> ComposeResult:
        c = self.choices
        with Vertical(id="practice-setup", classes="practice-dialog"):
            yield Label("Set up your practice", classes="practice-dialog-title")
            with VerticalScroll(id="setup-fields"):
                yield Static("Your red flag", classes="setup-label")
                yield Select([(RED_FLAG_LABELS[f], f) for f in RED_FLAGS], value=c.get("red_flag") or Select.NULL,
                             prompt="Choose your red flag", id="setup-red-flag")
                with Horizontal(classes="setup-row"):
                    yield Select([(KIND_LABELS[k], k) for k in KINDS], value=c.get("kind") or "interview",
                                 allow_blank=False, id="setup-kind")
                    yield Select([(TONE_LABELS[t], t) for t in TONES], value=c.get("tone") or "neutral",
                                 allow_blank=False, id="setup-tone")
                yield Static("Your personal statement (optional; answers are checked against it)",
                             classes="setup-label")
                yield TextArea(c.get("statement", ""), id="setup-statement", soft_wrap=True)
                yield Static("Your MSPE excerpt (optional)", classes="setup-label")
                yield TextArea(c.get("mspe", ""), id="setup-mspe", soft_wrap=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Start (F6)", id="setup-start", variant="primary")
                yield Button("Cancel (Esc)", id="setup-cancel")

    def on_mount(self) -> None:
        self.query_one("#setup-red-flag", Select).focus()

    def _value(self, selector: str) -> str:
        value = self.query_one(selector, Select).value
        return "" if value is Select.NULL or value is None else str(value)

    def action_start(self) -> None:
        red_flag = self._value("#setup-red-flag")
        if not red_flag:
            self.notify("Choose your red flag first: the questions depend on it.", severity="warning", markup=False)
            self.query_one("#setup-red-flag", Select).focus()
            return
        self.dismiss({"red_flag": red_flag, "kind": self._value("#setup-kind") or "interview",
                      "tone": self._value("#setup-tone") or "neutral",
                      "statement": self.query_one("#setup-statement", TextArea).text,
                      "mspe": self.query_one("#setup-mspe", TextArea).text})

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "setup-start":
            self.action_start()
        else:
            self.action_cancel()


def problem_message(reason: str, path: str) -> Content:
    return Content.assemble(
        ("Your practice history cannot be opened\n\n", "bold"),
        f"{path}\n{reason[:1].upper()}{reason[1:]}.\n\n",
        "It has not been changed. You can keep it under a new name and start a new history, "
        "or practise now without saving (nothing is written).",
    )


class HistoryProblem(ModalScreen[bool]):
    """True: keep the file aside and start a new history; False: practise without saving."""

    CSS_PATH = "practice.tcss"
    BINDINGS = [Binding("n", "choose(True)", "New history"), Binding("w", "choose(False)", "Without saving"),
                Binding("escape", "choose(False)", "Without saving", show=False)]

    def __init__(self, reason: str, path: str) -> None:
        super().__init__()
        self._message = problem_message(reason, path)

    def compose(self) -> ComposeResult:
        with Vertical(classes="practice-dialog", id="history-problem"):
            yield Static(self._message, id="history-problem-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep it aside, start new (n)", id="fresh", variant="primary")
                yield Button("Practise without saving (w)", id="no-save")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "fresh")

    def action_choose(self, fresh: bool) -> None:
        self.dismiss(fresh)
