"""The kind and red-flag selectors plus the draft's name: what the analysis is told to assume."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Label, Select

from coach.tui.messages import OptionsChanged
from coach.tui.scorebar import KIND_LABELS, RED_FLAG_LABELS
from coach.vocab import KINDS, RED_FLAGS

KIND_OPTIONS = [("Kind: auto", "auto"), *((f"Kind: {KIND_LABELS[k]}", k) for k in KINDS)]
RED_FLAG_OPTIONS = [("Red flag: auto", "auto"), *((RED_FLAG_LABELS[r].capitalize(), r) for r in RED_FLAGS)]


class OptionsBar(Horizontal):
    """Attributes down: `kind`, `red_flag`, `draft_name`, `dirty`. Messages up: `OptionsChanged`."""

    kind: reactive[str] = reactive("auto", init=False)
    red_flag: reactive[str] = reactive("auto", init=False)
    draft_name: reactive[str] = reactive("", init=False)
    dirty: reactive[bool] = reactive(False, init=False)

    def compose(self) -> ComposeResult:
        yield Select(KIND_OPTIONS, value="auto", allow_blank=False, compact=True, id="kind-select")
        yield Select(RED_FLAG_OPTIONS, value="auto", allow_blank=False, compact=True, id="red-flag-select")
        yield Label(id="draft-name")

    def on_mount(self) -> None:
        self._show_name()

    def watch_kind(self, kind: str) -> None:
        self.query_one("#kind-select", Select).value = kind

    def watch_red_flag(self, red_flag: str) -> None:
        self.query_one("#red-flag-select", Select).value = red_flag

    def watch_draft_name(self) -> None:
        self._show_name()

    def watch_dirty(self) -> None:
        self._show_name()

    def _show_name(self) -> None:
        mark = ("● ", "bold $text-warning") if self.dirty else ("  ", "")
        from coach.render.visible import visible  # a file name can hold escape sequences too

        self.query_one("#draft-name", Label).update(Content.assemble(mark, (visible(self.draft_name), "bold")))

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        kind = self.query_one("#kind-select", Select).value
        red_flag = self.query_one("#red-flag-select", Select).value
        if (kind, red_flag) != (self.kind, self.red_flag):
            self.set_reactive(OptionsBar.kind, kind)
            self.set_reactive(OptionsBar.red_flag, red_flag)
            self.post_message(OptionsChanged(str(kind), str(red_flag)))
