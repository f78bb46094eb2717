"""The progress view (each score over attempts as a small chart, and the parts that keep going
missing) and the rewrite suggestion for the last answer, both pushed from the practice screen."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from coach.practice.progress import SCORES, summarise
from coach.tui.checklist import TITLES
from coach.tui.scorebar import RED_FLAG_LABELS

BAR = 10
BLOCKS = " ▁▂▃▄▅▆▇█"


def chart(values: list[int], width: int) -> Content:
    """One column per attempt (the latest that fit), on a fixed 0–100 scale.

    Textual's Sparkline stretches the data between its own minimum and maximum, so 85 → 70 → 85
    would look like a collapse; a score chart needs the absolute scale to be honest.
    """
    shown = values[-max(width, 1):]
    step = max(1, min(3, width // max(len(shown), 1)))  # a few attempts get wider columns
    cells = []
    for v in shown:
        level = max(1, round(max(0, min(100, v)) / 100 * (len(BLOCKS) - 1)))
        style = "$text-success" if v >= 80 else "$text-warning" if v >= 50 else "$text-error"
        cells.append((BLOCKS[level] * step, style))
    return Content.assemble(*cells) if cells else Content.assemble(("no attempts yet", "dim"))


class ScoreChart(Static):
    """A score over attempts; attributes down: `values`."""

    values: reactive[list[int]] = reactive(list, always_update=True)

    def _draw(self) -> None:
        self.update(chart(self.values, self.size.width or 40))

    def watch_values(self) -> None:
        self._draw()

    def on_resize(self) -> None:
        self._draw()


def _bar(n: int, total: int) -> str:
    filled = round(BAR * n / total) if total else 0
    return "█" * filled + "░" * (BAR - filled)


def habits_content(progress) -> Content:
    """Parts that keep going missing, and the flags that keep coming back."""
    if not progress.attempts:
        return Content.assemble(("No attempts yet. ", "bold"),
                                "Answer a question (F6 on the practice screen) and your scores will show here.")
    n = progress.recent
    parts: list = [(f"In your last {n} answers\n" if n > 1 else "In your answer\n", "bold")]
    if progress.missing:
        for part, count in progress.missing:
            parts += [f"  {TITLES[part]:<9} missing ", (_bar(count, n), "$text-error"), f" {count} of {n}\n"]
    else:
        parts.append(("  every answer had context, change and evidence\n", "$text-success"))
    for flag, count in progress.flags[:4]:
        parts += [f"  {flag.replace('_', ' '):<9} flagged ", (_bar(count, n), "$text-warning"), f" {count} of {n}\n"]
    if progress.contradictions:
        parts.append((f"  {progress.contradictions} contradicted your statement, MSPE or an earlier answer\n",
                      "$text-error"))
    if progress.missing:
        worst = TITLES[progress.missing[0][0]].lower()
        parts += ["\n", ("Work on next: ", "bold"), f"the {worst} part."]
    return Content.assemble(*parts)


class ProgressScreen(Screen[None]):
    """Scores over attempts for one red flag (or all); Esc or F9 goes back."""

    CSS_PATH = "practice.tcss"
    OWN_KEYS = True
    BINDINGS = [Binding("escape,f9", "back", "Back", priority=True),
                Binding("a", "toggle_all", "All red flags / this one")]

    def __init__(self, history, red_flag: str | None, *, owns_history: bool = False) -> None:
        super().__init__()
        self.history, self.owns_history = history, owns_history
        self.red_flag = red_flag
        self.all_flags = red_flag is None

    def compose(self) -> ComposeResult:
        yield Static(id="progress-title")
        with VerticalScroll(id="progress-body"):
            with Vertical(id="progress-charts"):
                for score in SCORES:
                    with Horizontal(classes="progress-row"):
                        yield Static(score.capitalize(), classes="progress-label")
                        yield ScoreChart(id=f"spark-{score}", classes="progress-spark")
                        yield Static(id=f"trend-{score}", classes="progress-trend")
            yield Static(id="progress-habits")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        flag = None if self.all_flags else self.red_flag
        attempts = self.history.attempts(red_flag=flag, limit=500) if self.history is not None else []
        progress = summarise(attempts)
        what = "all red flags" if flag is None else RED_FLAG_LABELS.get(flag, flag)
        self.query_one("#progress-title", Static).update(Content.assemble(
            ("Your progress ", "bold"), f"· {what} · {progress.attempts} answer{'s' if progress.attempts != 1 else ''}",
            ("   (a: all red flags / this one)" if self.red_flag else "", "dim")))
        for score in SCORES:
            values = progress.series[score]
            self.query_one(f"#spark-{score}", ScoreChart).values = values
            self.query_one(f"#trend-{score}", Static).update(progress.trend(score))
        self.query_one("#progress-habits", Static).update(habits_content(progress))

    def on_unmount(self) -> None:
        if self.owns_history and self.history is not None:
            self.history.close()

    def action_toggle_all(self) -> None:
        if self.red_flag:
            self.all_flags = not self.all_flags
            self.refresh_data()

    def action_back(self) -> None:
        self.app.pop_screen()


class RewriteView(ModalScreen[None]):
    """The suggested rewrite of the last answer, to read aloud; Esc closes."""

    CSS_PATH = "practice.tcss"
    BINDINGS = [Binding("escape,f7,q", "close", "Close", priority=True)]

    def __init__(self, text: str, notes: list[str]) -> None:
        super().__init__()
        self.text, self.notes = text, notes

    def compose(self) -> ComposeResult:
        with Vertical(classes="practice-dialog", id="practice-rewrite"):
            yield Static("Your answer, restructured: context → change → evidence", classes="practice-dialog-title", markup=False)
            with VerticalScroll(id="practice-rewrite-body"):
                parts: list = [self.text.strip(), "\n"]
                if self.notes:
                    parts += ["\n", ("Still to do\n", "bold")] + [f"  - {n}\n" for n in self.notes]
                yield Static(Content.assemble(*parts))
            yield Static("Esc to close · words in [brackets] are for you to fill in", classes="dialog-hint",
                         markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
