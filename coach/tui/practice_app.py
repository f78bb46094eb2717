"""The ways into practice: `coach practice` (the practice screen as an app of its own, built by
`create_practice_app`, which the CLI and the tests both use) and, from the main app, F9 or the
palette (`open_practice`, `open_progress`)."""
from __future__ import annotations

import sys

from textual.app import App

from coach.tui.palette import PaletteVariables


def open_history(new_history: bool = False):
    """(history, problem): the history, or None and the reason it cannot be used (asked on screen)."""
    from coach.practice.store import History, HistoryUnusable, start_fresh

    try:
        return History(), None
    except HistoryUnusable as e:
        if new_history:
            history, _kept = start_fresh(e.path)
            return history, None
        return None, e


class PracticeApp(PaletteVariables, App[int]):
    """Only the practice screen and what it pushes (progress, setup, rewrite)."""

    TITLE = "redflag-coach practice"

    def __init__(self, *, history=None, history_problem=None, analyzer=None, choices: dict | None = None,
                 theme: str = "textual-dark") -> None:
        super().__init__()
        self.history, self.history_problem = history, history_problem
        self.analyzer = analyzer
        self.choices = choices or {}
        self.theme = theme

    def on_mount(self) -> None:
        from coach.tui.practice import PracticeScreen

        if self.analyzer is None:
            from coach.tui.backend import InProcessAnalyzer

            self.analyzer = InProcessAnalyzer()
        self.push_screen(PracticeScreen(history=self.history, history_problem=self.history_problem,
                                        analyzer=self.analyzer, choices=self.choices, standalone=True))

    def on_unmount(self) -> None:
        if self.analyzer is not None:
            self.analyzer.close()
        screen_history = self.history
        for screen in self.screen_stack:
            screen_history = getattr(screen, "history", None) or screen_history
        if screen_history is not None:
            screen_history.close()


def create_practice_app(*, red_flag: str | None = None, kind: str | None = None, tone: str | None = None,
                        new_history: bool = False, history=None, analyzer=None, **opts) -> PracticeApp:
    """The practice app; `history` (tests) skips opening the user's history file."""
    problem = None
    if history is None:
        history, problem = open_history(new_history)
    choices = {"red_flag": red_flag or "", "kind": kind or "", "tone": tone or ""}
    return PracticeApp(history=history, history_problem=problem, analyzer=analyzer, choices=choices, **opts)


def run_practice_app(*, red_flag=None, kind=None, tone=None, new_history=False) -> int:
    """Entry point of `coach practice` without --list/--question."""
    from coach.tui.backend import InProcessAnalyzer, ProcessAnalyzer

    try:
        analyzer = ProcessAnalyzer()  # the pipeline loads on the other CPU while the screen starts
    except OSError:
        analyzer = InProcessAnalyzer()
    try:
        app = create_practice_app(red_flag=red_flag, kind=kind, tone=tone, new_history=new_history,
                                  analyzer=analyzer)
    except OSError as e:
        analyzer.close()
        print(f"coach: cannot open the practice history: {e.strerror or e}", file=sys.stderr)
        return 2
    result = app.run()
    return result if isinstance(result, int) else 0


def _practice_screens(app) -> list:
    from coach.tui.practice import PracticeScreen

    return [s for s in app.screen_stack if isinstance(s, PracticeScreen)]


def open_practice(app) -> None:
    """From the main app (F9 or the palette): the practice screen, reusing one already open.

    The history is opened here (a few milliseconds); an unusable one is asked about on screen.
    The draft's red flag and MSPE excerpt seed the choices the first time.
    """
    from coach.tui.practice import PracticeScreen

    if isinstance(app.screen, PracticeScreen):
        return
    existing = _practice_screens(app)
    if existing:
        while app.screen is not existing[-1]:
            app.pop_screen()
        return
    try:
        history, problem = open_history()
    except OSError as e:
        app.notify(f"Cannot open the practice history: {e.strerror or e}", severity="error", markup=False)
        return
    report = getattr(app, "report", None)
    session = getattr(app, "session", None)
    choices = {"red_flag": "", "mspe": ""}
    if history is not None and not history.materials().get("red_flag") and report is not None and report.red_flag:
        choices["red_flag"] = report.red_flag
    if history is not None and not history.materials().get("mspe") and session is not None and session.mspe.strip():
        choices["mspe"] = session.mspe
    app.push_screen(PracticeScreen(history=history, history_problem=problem, choices=choices))


def open_progress(app) -> None:
    """The progress view from the main app (the palette's "Practice progress")."""
    from coach.tui.practice_progress import ProgressScreen

    existing = _practice_screens(app)
    history = existing[-1].history if existing else None
    owns = history is None
    if owns:
        history, problem = open_history()
        if problem is not None:
            app.notify(f"{problem}. Open practice (F9) to decide what to do with it.", severity="warning",
                       markup=False)
            return
    red_flag = existing[-1].choices.get("red_flag") if existing else history.materials().get("red_flag")
    app.push_screen(ProgressScreen(history, red_flag or None, owns_history=owns))
