"""The three-part checklist: context, change, evidence — present or missing, with confidence.

Choosing a part posts `JumpTo` for its sentences (each further choice moves to the next one), so
the student sees exactly which sentence the model counted. A missing part shows what to add.
"""
from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from coach.render.text import MISSING_HINT
from coach.report.document import Report
from coach.tui.messages import JumpTo
from coach.vocab import COMPONENTS

TITLES = {"context": "Context", "change": "Change", "evidence": "Evidence"}


def part_prompt(report: Report | None, part: str) -> Content:
    """One checklist row (assembled, never parsed as markup)."""
    title = f"{TITLES[part]:<9}"
    if report is None:
        return Content.assemble(("… ", "dim"), title, ("not analysed yet", "dim"))
    r = report.components[part]
    pct = f"{round(r.confidence * 100)}%"
    if r.present:
        return Content.assemble(("✓ ", "bold $text-success"), (title, "bold"), f"present {pct}")
    return Content.assemble(("✗ ", "bold $text-error"), (title, "bold"), ("missing", "bold $text-error"),
                            f" {pct}", ("\n  " + MISSING_HINT[part], "dim"))


class Checklist(OptionList):
    """Attributes down: `report`. Messages up: `JumpTo` when a present part is chosen."""

    report: reactive[Report | None] = reactive(None, always_update=True)

    def __init__(self, **kwargs) -> None:
        super().__init__(*(Option(part_prompt(None, p), id=p) for p in COMPONENTS), **kwargs)
        self._next_sentence: dict[str, int] = {}

    def watch_report(self, report: Report | None) -> None:
        highlighted = self.highlighted
        self._next_sentence.clear()
        self.clear_options()
        self.add_options(Option(part_prompt(report, p), id=p) for p in COMPONENTS)
        if highlighted is not None:
            self.highlighted = highlighted

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        report = self.report
        part = event.option.id
        if report is None or part is None or not report.components[part].sentences:
            return
        indices = report.components[part].sentences
        k = self._next_sentence.get(part, 0) % len(indices)
        self._next_sentence[part] = k + 1
        s = report.sentences[indices[k]]
        end = s.start + len(report.text[s.start:s.end].rstrip())
        self.post_message(JumpTo(s.start, end))
