"""The review list: every draft of a batch with its score, weakest first; Enter opens one.

`coach review --tui PATH...` shows this app (coach/tui/review_launch.py runs it). It analyses
the drafts it has no outcome for in a thread worker, through the same `coach.review.batch` code
as the command line (one `nlp.pipe` pass), and receives plain `Outcome`s as messages: the list
never touches a spaCy Doc. Choosing a draft exits with its index; the launcher then opens that
draft in the coaching app and comes back here afterwards, with the edited draft re-analysed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Footer, Static
from textual.worker import get_current_worker

from coach.render.visible import visible
from coach.review.batch import Options, Outcome, analyze_chunk
from coach.review.summary import flags_text, make_row, parts_text


@dataclass
class ReviewState:
    """What the list shows, kept across visits to the editor: sources and their outcomes."""

    sources: list
    options: Options = field(default_factory=Options)
    outcomes: dict[int, Outcome] = field(default_factory=dict)
    cursor: int | None = None  # the source index the cursor was on (None: the weakest draft)


class ReviewApp(App[int | None]):
    """A table of drafts; exits with the chosen draft's index, or None to quit."""

    TITLE = "redflag-coach · review"
    CSS = """
    #status { height: 1; padding: 0 1; color: $text-muted; }
    DataTable { height: 1fr; }
    """
    BINDINGS = [
        Binding("enter", "open", "Open in the editor", show=True, priority=True),
        Binding("q", "quit_review", "Quit", show=True),
        Binding("escape", "quit_review", "Quit", show=False),
    ]

    class Analyzed(Message):
        """One outcome from the worker (plain data)."""

        def __init__(self, outcome: Outcome) -> None:
            super().__init__()
            self.outcome = outcome

    def __init__(self, state: ReviewState) -> None:
        super().__init__()
        self.state = state
        self._refilling = False

    def compose(self) -> ComposeResult:
        yield Static(id="status", markup=False)
        yield DataTable(id="drafts", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("score", key="score")
        table.add_column("draft", key="draft")
        table.add_column("red flag", key="red_flag")
        table.add_column("parts", key="parts")
        table.add_column("flags", key="flags")
        self._refill()
        table.focus()
        if self.pending:
            self.analyze()

    @property
    def pending(self) -> list:
        return [s for s in self.state.sources if s.index not in self.state.outcomes]

    def _status(self) -> None:
        done, total = len(self.state.outcomes), len(self.state.sources)
        errors = sum(1 for o in self.state.outcomes.values() if not o.ok)
        text = f"{done} of {total} drafts analysed" if done < total else f"{total} drafts, weakest first"
        if errors:
            text += f" · {errors} could not be read"
        self.query_one("#status", Static).update(text)

    def _refill(self) -> None:
        """Rebuild the rows weakest first, keeping the cursor on the same draft."""
        table = self.query_one(DataTable)
        def order(s):
            o = self.state.outcomes.get(s.index)
            if o is None:
                return (2, 0, s.index)
            return (0, o.report.scores["overall"], s.index) if o.ok else (1, 0, s.index)

        keep = self.state.cursor
        self._refilling = True
        table.clear()
        for s in sorted(self.state.sources, key=order):
            o = self.state.outcomes.get(s.index)
            name = visible(s.path)
            if o is None:
                cells = ("…", name, "", "analysing", "")
            elif not o.ok:
                cells = ("—", name, "", "could not be read", visible(o.error or ""))
            else:
                row = make_row(o, s.path)
                cells = (str(row["overall"]), name, row["red_flag"] or "not recognised",
                         parts_text(row), flags_text(row))
            table.add_row(*(Text(c) for c in cells), key=str(s.index))  # Text: never read as markup
        if keep is not None:
            table.move_cursor(row=table.get_row_index(str(keep)), animate=False)
        self.call_after_refresh(setattr, self, "_refilling", False)
        self._status()

    @work(thread=True, exclusive=True, group="review")
    def analyze(self) -> None:
        """Analyse the drafts without an outcome, a few at a time so rows appear as they finish."""
        worker = get_current_worker()
        todo = self.pending
        for i in range(0, len(todo), 4):
            if worker.is_cancelled:
                return
            for outcome in analyze_chunk(todo[i:i + 4], self.state.options):
                self.post_message(self.Analyzed(outcome))

    def on_review_app_analyzed(self, message: Analyzed) -> None:
        self.state.outcomes[message.outcome.source.index] = message.outcome
        self._refill()

    def _current(self) -> int | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Follow the user's cursor (not the moves a refill makes) so re-sorting keeps it."""
        if not self._refilling and event.row_key is not None:
            self.state.cursor = int(event.row_key.value)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        index = self._current()
        if index is None:
            return
        outcome = self.state.outcomes.get(index)
        if outcome is not None and not outcome.ok:
            self.notify(f"This file cannot be opened: {visible(outcome.error or '')}", severity="warning", markup=False)
            return
        self.state.cursor = index
        self.exit(index)

    def action_quit_review(self) -> None:
        self.exit(None)
