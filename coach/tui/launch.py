"""The app factory, shared by the CLI (`run_app`) and the tests (`create_app`).

Deliberately light: with `analysis_process=True` the helper process that loads the language
pipeline is forked here, before Textual and the widgets are imported, so the two start-ups
overlap on separate CPUs (see benchmarks/bench_startup.py).
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.tui.app import CoachApp


def create_app(path: str | Path | None = None, *, analysis_process: bool = False, **opts) -> CoachApp:
    """Build the app for `path` (None: the bundled example); raises InputError for an unusable file.

    `analysis_process` runs analyses in a helper process (what `coach` does); tests leave it off
    to observe the in-process analysis. Other options go to `CoachApp` (debounce, theme, …).
    """
    if analysis_process:  # first of all: the pipeline load is the longest step of start-up
        from coach.tui.backend import InProcessAnalyzer, ProcessAnalyzer

        try:
            opts["analyzer"] = ProcessAnalyzer()
        except OSError:  # no processes allowed here (a sandbox): analyse in-process instead
            opts["analyzer"] = InProcessAnalyzer()
    from coach.tui.session import DraftSession

    try:
        session = DraftSession.start(path)
    except Exception:
        if "analyzer" in opts:
            opts["analyzer"].close()
        raise
    from coach.tui.app import CoachApp

    return CoachApp(session, **opts)


def run_app(path: str | None = None) -> int:
    """Entry point of `coach` / `coach tui [FILE]`; returns the exit status."""
    from coach.inputs import InputError

    try:
        app = create_app(path, analysis_process=True)
    except InputError as e:
        print(f"coach: {e}", file=sys.stderr)
        return 2
    try:
        result = app.run()
    finally:
        app.analyzer.close()
    return result if isinstance(result, int) else 0
