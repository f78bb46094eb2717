"""The score line: overall score, the three sub-scores and what the analysis detected."""
from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from coach.report.document import Report

RED_FLAG_LABELS = {
    "step1_fail": "Step 1 failure", "step2_fail": "Step 2 CK failure", "comlex_fail": "COMLEX failure",
    "course_fail": "course failure", "multiple_course_fail": "multiple course failures",
    "leave_of_absence": "leave of absence", "professionalism": "professionalism concern",
    "clerkship_remediation": "clerkship remediation", "shelf_fail": "shelf exam failure",
}
KIND_LABELS = {"interview": "interview answer", "statement": "written statement", "eras": "ERAS field"}


def score_style(score: int) -> str:
    return "bold $text-success" if score >= 80 else "bold $text-warning" if score >= 50 else "bold $text-error"


def score_content(report: Report | None, pending: bool, error: str | None) -> Content:
    """One or two lines; nothing from the draft itself appears here."""
    status = ("  analysing…", "dim italic") if pending else ""
    if error:
        from coach.render.visible import visible

        return Content.assemble(("No analysis: ", "bold $text-warning"), visible(error), status)
    if report is None:
        return Content.assemble(("Loading the language model…", "dim italic"))
    s = report.scores
    subs = " · ".join(f"{k} {v}" for k, v in s.items() if k != "overall")
    flag = RED_FLAG_LABELS.get(report.red_flag or "", "red flag not recognised")
    return Content.assemble(
        ("Score ", "bold"), (str(s["overall"]), score_style(s["overall"])), "/100  ", subs,
        ("  │ ", "dim"), KIND_LABELS.get(report.kind, report.kind), " · ", flag,
        (f" · {report.word_count} words", "dim"), status,
    )


class ScoreBar(Static):
    """Attributes down: `report`, `pending` (a newer analysis is on its way), `error`."""

    report: reactive[Report | None] = reactive(None, always_update=True)
    pending: reactive[bool] = reactive(False)
    error: reactive[str | None] = reactive(None)

    def _refresh_content(self) -> None:
        self.update(score_content(self.report, self.pending, self.error))

    def on_mount(self) -> None:
        self._refresh_content()

    def watch_report(self) -> None:
        self._refresh_content()

    def watch_pending(self) -> None:
        self._refresh_content()

    def watch_error(self) -> None:
        self._refresh_content()
