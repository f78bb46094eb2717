"""What the app's worker runs: one analysis, then the rewrite rendered from that report.

The two arrive as two `Outcome`s ("report", then "rewrite") so the findings are on screen as soon
as they exist; the rewrite (Jinja) follows a few milliseconds later. Headless on purpose (no
Textual import), so it runs the same in a thread or in the helper process. The lock serialises
analyses: a burst of edits never runs two pipelines at once, and a request superseded while
waiting is skipped entirely (`still_wanted`).
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

_lock = threading.Lock()


@dataclass(frozen=True)
class Request:
    """Everything one analysis depends on; a change to any field is a new generation."""

    generation: int
    text: str
    kind: str = "auto"
    red_flag: str = "auto"
    mspe: str = ""
    settings: Any = None


@dataclass(frozen=True)
class Outcome:
    generation: int
    stage: str = "report"     # "report", then "rewrite" (the same report plus its rewrite)
    report: Any = None        # coach.report.document.Report
    rewrite: Any = None       # coach.rewriting.compose.RewriteResult
    rewrite_error: str | None = None
    error: str | None = None  # why the draft could not be analysed (empty, too long, …)

    @property
    def final(self) -> bool:
        """Nothing more follows for this request."""
        return self.stage == "rewrite" or self.report is None


def analyze(request: Request, still_wanted: Callable[[], bool] = lambda: True) -> Outcome | None:
    """The report stage: analyse once; None when superseded before starting."""
    with _lock:
        if not still_wanted():
            return None
        from coach.analysis import analyze
        from coach.inputs import InputError

        try:
            report = analyze(request.text, kind=request.kind, red_flag=request.red_flag,
                             mspe=request.mspe if request.mspe.strip() else None, settings=request.settings)
        except InputError as e:
            return Outcome(request.generation, error=str(e))
        except Exception as e:  # a missing model or a core bug: say so, keep the editor alive
            return Outcome(request.generation, error=f"the analysis failed ({type(e).__name__}: {e})")
    return Outcome(request.generation, report=report)


def with_rewrite(outcome: Outcome) -> Outcome:
    """The rewrite stage, rendered from the report stage's report (never re-analysed)."""
    rewrite, rewrite_error = render_rewrite(outcome.report)
    return replace(outcome, stage="rewrite", rewrite=rewrite, rewrite_error=rewrite_error)


def run(request: Request, still_wanted: Callable[[], bool], deliver: Callable[[Outcome], None]) -> None:
    """Both stages in this thread, each handed to `deliver` as soon as it is ready."""
    outcome = analyze(request, still_wanted)
    if outcome is None:
        return
    deliver(outcome)
    if not outcome.final:
        deliver(with_rewrite(outcome))


def render_rewrite(report) -> tuple[Any, str | None]:
    """The suggestion for this report, or why there is none (the rewrite module is optional)."""
    try:
        from coach.rewriting.compose import render_rewrite as _render
    except ImportError:
        return None, "The suggested rewrite is not available in this installation."
    try:
        return _render(report), None
    except Exception as e:  # a template bug must not take the editor down with it
        return None, f"The suggestion could not be rendered ({type(e).__name__}: {e})."


def preload() -> threading.Thread:
    """Start loading the language pipeline in the background while the UI starts."""
    def load() -> None:
        try:
            import coach.analysis  # noqa: F401  (the classifier and detectors it imports)
            from coach.pipeline.nlp import get_nlp

            get_nlp()
        except Exception:
            pass  # the first analysis reports the problem in the UI

    thread = threading.Thread(target=load, name="coach-preload", daemon=True)
    thread.start()
    return thread
