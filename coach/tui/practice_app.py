"""`coach practice`: the practice screen as an app of its own (the main app reaches the same screen
with F6 or the palette). Built by `create_practice_app`, which the CLI and the tests both use."""
from __future__ import annotations

import sys

from textual.app import App

from coach.tui.palette import theme_variables


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


class PracticeApp(App[int]):
    """Only the practice screen and what it pushes (progress, setup, rewrite)."""

    TITLE = "redflag-coach practice"

    def __init__(self, *, history=None, history_problem=None, analyser=None, choices: dict | None = None,
                 theme: str = "textual-dark") -> None:
        super().__init__()
        self.history, self.history_problem = history, history_problem
        self.analyser = analyser
        self.choices = choices or {}
        self.theme = theme

    def get_theme_variable_defaults(self) -> dict[str, str]:
        try:
            dark = self.current_theme.dark
        except Exception:  # called once before the theme is set up
            dark = True
        return theme_variables(dark)

    def on_mount(self) -> None:
        from coach.tui.practice import PracticeScreen

        if self.analyser is None:
            from coach.tui.backend import InProcessAnalyser

            self.analyser = InProcessAnalyser()
        self.push_screen(PracticeScreen(history=self.history, history_problem=self.history_problem,
                                        analyser=self.analyser, choices=self.choices, standalone=True))

    def on_unmount(self) -> None:
        if self.analyser is not None:
            self.analyser.close()
        screen_history = self.history
        for screen in self.screen_stack:
            screen_history = getattr(screen, "history", None) or screen_history
        if screen_history is not None:
            screen_history.close()


def create_practice_app(*, red_flag: str | None = None, kind: str | None = None, tone: str | None = None,
                        new_history: bool = False, history=None, analyser=None, **opts) -> PracticeApp:
    """The practice app; `history` (tests) skips opening the user's history file."""
    problem = None
    if history is None:
        history, problem = open_history(new_history)
    choices = {"red_flag": red_flag or "", "kind": kind or "", "tone": tone or ""}
    return PracticeApp(history=history, history_problem=problem, analyser=analyser, choices=choices, **opts)


def run_practice_app(*, red_flag=None, kind=None, tone=None, new_history=False) -> int:
    """Entry point of `coach practice` without --list/--question."""
    from coach.tui.backend import InProcessAnalyser, ProcessAnalyser

    try:
        analyser = ProcessAnalyser()  # the pipeline loads on the other CPU while the screen starts
    except OSError:
        analyser = InProcessAnalyser()
    try:
        app = create_practice_app(red_flag=red_flag, kind=kind, tone=tone, new_history=new_history,
                                  analyser=analyser)
    except OSError as e:
        analyser.close()
        print(f"coach: cannot open the practice history: {e.strerror or e}", file=sys.stderr)
        return 2
    result = app.run()
    return result if isinstance(result, int) else 0
