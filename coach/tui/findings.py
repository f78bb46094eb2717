"""The findings list and the detail of the highlighted finding (why it fired, what to do).

Attributes down: `findings` (already filtered of dismissed ones by the app). Messages up:
`FindingHighlighted` (the editor follows), `DismissFinding`, `IgnorePhrase`, `UndoDismissal`.
Every piece of draft text is assembled into `Content` as plain text, never parsed as markup.
"""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from coach.render.visible import visible
from coach.report.findings import Finding
from coach.tui.messages import DismissFinding, FindingHighlighted, IgnorePhrase, UndoDismissal
from coach.tui.palette import variable

MAX_QUOTE = 48
TYPE_LABELS = {"passive_agency": "passive", "mspe_mismatch": "mspe"}


def quote(text: str, limit: int = MAX_QUOTE) -> str:
    flat = visible(" ".join(text.split()))  # an escape sequence in the draft is shown, not sent
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def finding_prompt(f: Finding) -> Content:
    """A list row: the type in its highlight colour, the quoted words, then the message."""
    label = TYPE_LABELS.get(f.type, f.type)
    return Content.assemble(
        (f" {label} ", f"bold on ${variable('flag', f.type)}"), " ",
        ("“" + quote(f.text) + "”", "italic"), "\n", (visible(f.message), "dim"),
    )


def finding_detail(f: Finding | None, total: int) -> Content:
    """The explanation under the list: message, the rule that fired, the suggestion."""
    if f is None:
        if total == 0:
            return Content.assemble(("No findings. ", "bold"), "Check the three parts above.")
        return Content("Highlight a finding to see why it fired and what to try.")
    return Content.assemble(
        ("Why: ", "bold"), visible(f.message), "\n",
        ("Try: ", "bold"), f.suggestion, "\n",
        ("Rule: ", "bold"), (f"{f.rule} ({f.severity})", "dim"), "\n",
        ("d", "bold $accent"), " dismiss here  ", ("i", "bold $accent"), " ignore phrase  ",
        ("u", "bold $accent"), " undo",
    )


class FindingsList(OptionList):
    """One option per finding; d/i/u act on the highlighted one."""

    BINDINGS = [
        Binding("d", "dismiss", "Dismiss"),
        Binding("i", "ignore", "Ignore phrase"),
        Binding("u", "undo", "Undo"),
    ]

    def current(self) -> Finding | None:
        pane = self.parent
        findings = getattr(pane, "findings", ())
        i = self.highlighted
        return findings[i] if i is not None and 0 <= i < len(findings) else None

    def action_dismiss(self) -> None:
        if (f := self.current()) is not None:
            self.post_message(DismissFinding(f))

    def action_ignore(self) -> None:
        if (f := self.current()) is not None:
            self.post_message(IgnorePhrase(f))

    def action_undo(self) -> None:
        self.post_message(UndoDismissal())


class FindingsPane(Vertical):
    """The list plus the detail of the highlighted finding."""

    findings: reactive[tuple[Finding, ...]] = reactive((), always_update=True)

    def compose(self) -> ComposeResult:
        yield FindingsList(id="findings-list")
        with VerticalScroll(id="finding-detail-scroll"):
            yield Static(finding_detail(None, 0), id="finding-detail")

    def watch_findings(self, findings: tuple[Finding, ...]) -> None:
        olist = self.query_one(FindingsList)
        previous = olist.highlighted
        olist.clear_options()
        olist.add_options(Option(finding_prompt(f)) for f in findings)
        olist.border_title = f"Findings ({len(findings)})"
        if findings and previous is not None:
            # Keep the place in the list without telling the editor: a refresh after a
            # keystroke must never pull the cursor away from where the student is typing.
            with olist.prevent(OptionList.OptionHighlighted):
                olist.highlighted = min(previous, len(findings) - 1)
        self._show_detail(olist.highlighted)

    def _show_detail(self, index: int | None) -> None:
        f = self.findings[index] if index is not None and index < len(self.findings) else None
        self.query_one("#finding-detail", Static).update(finding_detail(f, len(self.findings)))

    def select_index(self, index: int) -> None:
        """Highlight a finding chosen elsewhere ("next finding"); the caller moves the editor."""
        olist = self.query_one(FindingsList)
        with olist.prevent(OptionList.OptionHighlighted):
            olist.highlighted = index
        self._show_detail(index)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_detail(event.option_index)
        if event.option_index < len(self.findings):
            self.post_message(FindingHighlighted(self.findings[event.option_index]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self.findings):
            self.post_message(FindingHighlighted(self.findings[event.option_index], focus=True))
