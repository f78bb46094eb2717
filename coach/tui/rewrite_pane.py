"""The suggestion pane: the draft restructured as context → change → evidence (`coach rewrite`).

The rewrite is rendered from the same `Report` by the analysis worker; this pane only shows it.
Placeholders in square brackets are the student's to fill, so the text is shown literally.
"""
from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Button, Static

from coach.render.visible import visible, visible_lines

SOURCE_LABELS = {"draft": "from your draft", "mspe": "from the MSPE", "placeholder": "missing: fill it in"}


def rewrite_content(result: Any, unavailable: str | None) -> Content:
    """The suggested text, where each part came from, and what is left to do."""
    if result is None:
        return Content(unavailable or "The suggestion appears after the first analysis.")
    parts: list = [*_marked_placeholders(result.text.rstrip(), _placeholders(result)), "\n\n"]
    for name in ("context", "change", "evidence"):
        part = result.parts.get(name, {}) if isinstance(result.parts, dict) else {}
        source = part.get("source", "") if isinstance(part, dict) else ""
        style = "$text-warning" if source == "placeholder" else "$text-success"
        parts += [(f"{name:<9}", "bold"), (SOURCE_LABELS.get(source, source), style), "\n"]
    if result.notes:
        parts.append(("\nStill to do\n", "bold"))
        for note in result.notes:
            parts.append(f"• {visible(note)}\n")
    return Content.assemble(*parts)


def _placeholders(result: Any) -> list[str]:
    """The texts the rewrite put in for missing parts (the draft's own brackets are not among them)."""
    parts = result.parts if isinstance(result.parts, dict) else {}
    return [p["text"] for p in parts.values()
            if isinstance(p, dict) and p.get("source") == "placeholder" and p.get("text")]


def _marked_placeholders(text: str, placeholders: list[str]) -> list:
    """The text as plain pieces, with each placeholder stood out so it is not missed."""
    out, pos = [], 0
    while placeholders:
        found = [(text.find(p, pos), p) for p in placeholders if text.find(p, pos) >= 0]
        if not found:
            break
        start, p = min(found)
        out += [visible_lines(text[pos:start]), (visible(p), "bold $text-warning")]
        pos = start + len(p)
    return [*out, visible_lines(text[pos:])]


class RewritePane(VerticalScroll):
    """Attributes down: `result` (a RewriteResult or None) and `unavailable` (why there is none)."""

    result: reactive[Any] = reactive(None, always_update=True)
    unavailable: reactive[str | None] = reactive(None)

    def compose(self) -> ComposeResult:
        with Horizontal(id="rewrite-buttons"):
            yield Button("Copy", id="copy-rewrite", compact=True, action="app.copy_rewrite")
            yield Button("Save…", id="save-rewrite", compact=True, action="app.save_rewrite")
        yield Static(rewrite_content(None, None), id="rewrite-text")

    def watch_result(self) -> None:
        self._show()

    def watch_unavailable(self) -> None:
        self._show()

    def _show(self) -> None:
        self.query_one("#rewrite-text", Static).update(rewrite_content(self.result, self.unavailable))
