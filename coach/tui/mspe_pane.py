"""The MSPE pane: paste the dean's-letter excerpt; the draft is checked against it.

Edits post `MspeChanged`; the app re-runs the one analysis with `mspe=...` (debounced like the
draft) and sends the `MspeResult` back down. The pasted excerpt is shown literally.
"""
from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Label, Static, TextArea

from coach.render.visible import visible
from coach.tui.messages import MspeChanged


def mspe_content(result: Any, has_text: bool) -> Content:
    """Consistent, or each mismatch with what the draft and the MSPE say."""
    if not has_text:
        return Content("Paste the Academic History part of your MSPE above; exam names, dates, "
                       "attempt counts and leave dates in the draft must agree with it.")
    if result is None:
        return Content.assemble(("Checking…", "dim italic"))
    if result.consistent and not result.findings:
        parts: list = [("✓ Consistent with the MSPE", "bold $text-success"), "\n"]
    else:
        parts = [("✗ The draft disagrees with the MSPE", "bold $text-error"), "\n"]
    for m in result.findings:
        parts += [("\n• ", "bold $text-error"), (m.fact.replace("_", " "), "bold"), ": ", visible(m.message), "\n",
                  ("  draft: ", "dim"), visible(str(m.draft or "—")), ("   MSPE: ", "dim"), visible(str(m.mspe or "—")),
                  "\n"]
    for m in getattr(result, "notes", ()):
        parts += [("\n· ", "dim"), (m.fact.replace("_", " "), "bold"), ": ", visible(m.message), "\n"]
    return Content.assemble(*parts)


class MspeInput(TextArea):
    """A plain soft-wrapped text box (Tab leaves it, so the keyboard never gets trapped)."""


class MspePane(Vertical):
    """Attributes down: `result` (the report's MspeResult or None). Messages up: `MspeChanged`."""

    result: reactive[Any] = reactive(None, always_update=True)

    def compose(self) -> ComposeResult:
        yield Label("MSPE excerpt (dean's letter)", classes="pane-title")
        yield MspeInput("", soft_wrap=True, tab_behavior="focus", id="mspe-input",
                        placeholder="Paste the MSPE excerpt here…")
        with VerticalScroll(id="mspe-result-scroll"):
            yield Static(mspe_content(None, False), id="mspe-result")

    @property
    def text(self) -> str:
        return self.query_one(MspeInput).text

    def set_text(self, text: str) -> None:
        """Fill the box (restoring an autosave) without echoing a change back up."""
        box = self.query_one(MspeInput)
        if box.text != text:
            with box.prevent(TextArea.Changed):
                box.load_text(text)
        self._show()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._show()
        self.post_message(MspeChanged(self.text))

    def watch_result(self) -> None:
        self._show()

    def _show(self) -> None:
        self.query_one("#mspe-result", Static).update(mspe_content(self.result, bool(self.text.strip())))
