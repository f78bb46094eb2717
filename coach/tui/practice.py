"""The practice screen: the interviewer asks, the student answers against a visible clock, and the
feedback and follow-up come from the one analysis (run in a thread worker through the app's
analyzer, so the screen never freezes).

Phases: answering → (F6) analysing → reviewing → (F6) answering the follow-up or the next
question. Every answer is stored by `coach.practice.rounds.assess` in one transaction before its
feedback appears; the answer being typed is kept in the history file too, so a crash loses nothing.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static, TextArea
from textual.worker import get_current_worker

from coach.practice.bank import load_bank
from coach.practice.rounds import Round, assess, spoken_length
from coach.tui import live
from coach.tui.practice_feedback import feedback, timer_line
from coach.tui.practice_setup import TONE_LABELS, HistoryProblem, PracticeSetup
from coach.tui.scorebar import KIND_LABELS, RED_FLAG_LABELS

WORD_SPLIT = str.split
DRAFT_SAVE_SECONDS = 1.0


class PracticeScreen(Screen[None]):
    """Attributes: the history (None: practising without saving), the analyzer, the choices."""

    CSS_PATH = "practice.tcss"
    OWN_KEYS = True  # the main app's draft actions step aside while this screen is open
    BINDINGS = [
        Binding("f6", "continue", "Submit / next", priority=True),
        Binding("f7", "rewrite", "Rewrite", priority=True),
        Binding("f8", "skip", "New question", priority=True),
        Binding("f9", "progress", "Progress", priority=True),
        Binding("f2", "setup", "Set up", priority=True),
        Binding("escape", "leave", "Back", show=False),
    ]

    @dataclass
    class Scored(Message):
        result: object  # coach.practice.rounds.AttemptResult

    @dataclass
    class Failed(Message):
        error: str

    @dataclass
    class Rewritten(Message):
        rewrite: object
        error: str | None

    def __init__(self, *, history=None, history_problem=None, analyzer=None, choices: dict | None = None,
                 standalone: bool = False) -> None:
        super().__init__()
        self.history = history
        self.history_problem = history_problem  # store.HistoryUnusable to ask about on mount
        self._analyzer = analyzer
        self.choices = {"statement": "", "mspe": "", "red_flag": "", **(choices or {})}
        self.standalone = standalone
        self.bank = load_bank()
        self.questions = []
        self.q_index = 0
        self.round: Round | None = None
        self.phase = "answering"
        self.started: float | None = None
        self.result = None
        self.rewrite = None
        self.rewrite_error: str | None = None
        self.generation = 0
        self._draft_timer = None
        self._loaded: str | None = ""
        self._unsaved_text: str | None = None  # typed since the last draft save

    @property
    def analyzer(self):
        if self._analyzer is None:
            from coach.tui.backend import InProcessAnalyzer

            self._analyzer = getattr(self.app, "analyzer", None) or InProcessAnalyzer()
        return self._analyzer

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="practice-status")
        yield Static(id="practice-question")
        with Horizontal(id="practice-main"):
            with Vertical(id="practice-answer-pane"):
                # Drawn with its first content, so a dialog opened on top never shows it half-made.
                yield Static(timer_line(None, 0, spoken_length(0).seconds), id="practice-timer")
                yield TextArea(id="practice-answer", soft_wrap=True, show_line_numbers=False)
            with VerticalScroll(id="practice-feedback"):
                yield Static(id="practice-feedback-body")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(TextArea).cursor_blink = not self.app.is_headless
        self.set_interval(1.0, self._tick)
        if self.history_problem is not None:
            problem, self.history_problem = self.history_problem, None
            self.app.push_screen(HistoryProblem(problem.reason, str(problem.path)), self._history_choice)
            return
        self._begin()

    def _history_choice(self, fresh: bool | None) -> None:
        from coach.practice.store import History, start_fresh

        if fresh:
            try:
                self.history, kept = start_fresh()
                self.notify(f"The old history was kept as {kept.name}.", markup=False)
            except OSError as e:
                self.notify(f"Could not start a new history ({e.strerror or e}); practising without saving.",
                            severity="error", markup=False)
        if self.history is None:
            self.history = History(memory=True)
            self.notify("Practising without saving: nothing is written.", markup=False)
        self._begin()

    def _begin(self) -> None:
        if self.history is not None:
            saved = self.history.materials()
            for name, value in saved.items():  # choices given on the command line win
                if name != "answer_draft" and value and not self.choices.get(name):
                    self.choices[name] = value
        if not self.choices.get("red_flag"):
            self.app.push_screen(PracticeSetup(self.choices, first_time=True), self._setup_done)
            return
        self._start_questions()

    def _start_questions(self) -> None:
        self.questions = self.bank.for_red_flag(self.choices["red_flag"])
        self.q_index = 0
        draft = _unfinished(self.history.materials().get("answer_draft", "") if self.history is not None else "")
        ids = [q.id for q in self.questions]
        if draft and draft.get("question") in ids:
            self.q_index = ids.index(draft["question"])
        self._new_round()
        if draft and draft.get("text"):  # left unfinished by an earlier session (a crash, or quitting mid-answer)
            if draft.get("question") in ids and draft.get("prompt"):
                self.round.prompt = draft["prompt"]
                self._show_status()
            self._load_answer(draft["text"])
            self.notify("Your unfinished answer from last time is back.", markup=False)

    # -- rounds ------------------------------------------------------------------------------

    def _new_round(self) -> None:
        question = self.questions[self.q_index % len(self.questions)]
        self.round = Round(question, self.choices.get("tone") or "neutral")
        self._answering()

    def _answering(self) -> None:
        self.phase, self.started, self.result = "answering", None, None
        self.rewrite = self.rewrite_error = None
        area = self.query_one(TextArea)
        area.read_only = False
        self._load_answer("")
        area.focus()
        self.query_one("#practice-feedback-body", Static).update(Content.assemble(
            ("Answer as you would aloud.\n\n", "bold"),
            "Take a breath; the clock starts with your first key. Aim for one to two minutes spoken: "
            "what happened, what you changed, and how you know it worked.\n\n",
            ("F6 submit your answer · F8 another question · F9 your progress", "dim")))
        self._show_status()

    def _show_status(self) -> None:
        c = self.choices
        rnd = self.round
        where = ""
        if rnd is not None:
            where = f"question {self.q_index % len(self.questions) + 1} of {len(self.questions)}"
            asked = len(rnd.asked)
            if self.phase != "answering" and self.result is not None and self.result.follow_up is not None:
                asked -= 1  # still reviewing the answer before the follow-up just chosen
            if asked:
                where += f" · follow-up {asked} of 3"
        status = Content.assemble(("Practice ", "bold"), RED_FLAG_LABELS.get(c.get("red_flag"), "red flag not chosen"),
                                  " · ", KIND_LABELS.get(c.get("kind"), "interview answer"), " · ",
                                  TONE_LABELS.get(c.get("tone"), "neutral interviewer"), ("   " + where, "dim"))
        self.query_one("#practice-status", Static).update(status)
        if self.phase != "answering" and self.result is not None:  # the question this answer was for
            prompt, label = self.result.prompt, ("Follow-up" if self.result.is_follow_up else "Interviewer")
        else:
            prompt = rnd.prompt if rnd is not None else ""
            label = "Follow-up" if rnd is not None and rnd.asked else "Interviewer"
        self.query_one("#practice-question", Static).update(Content.assemble((f"{label}: ", "bold"), (prompt, "italic")))
        self._tick()

    def _tick(self) -> None:
        text = self.query_one(TextArea).text
        words = len(WORD_SPLIT(text))
        elapsed = None if self.started is None else time.monotonic() - self.started
        if self.phase != "answering" and self.result is not None:
            elapsed = self.result.duration_s
        self.query_one("#practice-timer", Static).update(
            timer_line(elapsed, words, spoken_length(words).seconds, done=self.phase != "answering"))

    def _load_answer(self, text: str) -> None:
        """Put text in the answer box without it counting as typing (no clock, no draft save)."""
        self._loaded = text
        self.query_one(TextArea).text = text

    @on(TextArea.Changed, "#practice-answer")
    def _typed(self) -> None:
        if self.phase != "answering" or self.query_one(TextArea).text == self._loaded:
            return
        self._loaded = None
        self._unsaved_text = self.query_one(TextArea).text
        if self.started is None and self.query_one(TextArea).text.strip():
            self.started = time.monotonic()
        self._tick()
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_SAVE_SECONDS, self._save_draft)

    def _save_draft(self) -> None:
        """Keep the unfinished answer in the history file (a crash or Ctrl+Q must not lose it)."""
        self._draft_timer = None
        text, self._unsaved_text = self._unsaved_text, None
        if self.history is not None and self.phase == "answering" and text is not None:
            try:
                value = json.dumps({"question": self.round.question.id, "prompt": self.round.prompt, "text": text})
                self.history.set_material("answer_draft", value if text.strip() else "")
            except Exception as e:  # noqa: BLE001 - a full disk must not stop the rehearsal
                self.notify(f"Could not keep your unfinished answer: {e}", severity="warning", markup=False)

    # -- actions -----------------------------------------------------------------------------

    def action_continue(self) -> None:
        """F6: submit the answer, or go on to the follow-up or the next question."""
        if self.phase == "analysing" or self.round is None:
            return
        if self.phase == "reviewing":
            if self.round.done:
                self.q_index += 1
                self._new_round()
            else:
                self._answering()
            return
        text = self.query_one(TextArea).text
        if not text.strip():
            self.notify("Write your answer first, then press F6.", markup=False)
            return
        self.phase = "analysing"
        duration = None if self.started is None else round(time.monotonic() - self.started, 1)
        self.query_one(TextArea).read_only = True
        self.query_one("#practice-feedback-body", Static).update(Content.assemble(("Listening to your answer…", "dim italic")))
        self.generation += 1
        self._score(text, duration, self.generation)

    @work(thread=True, exclusive=True, group="practice")
    def _score(self, text: str, duration: float | None, generation: int) -> None:
        worker = get_current_worker()
        c = self.choices
        request = live.Request(generation, text, c.get("kind") or "interview", c.get("red_flag") or "auto",
                               c.get("mspe") or "")

        def deliver(outcome: live.Outcome) -> None:
            if worker.is_cancelled:
                return
            if outcome.stage == "rewrite":
                self.post_message(self.Rewritten(outcome.rewrite, outcome.rewrite_error))
            elif outcome.error or outcome.report is None:
                self.post_message(self.Failed(outcome.error or "the analysis failed"))
            else:
                try:
                    result = assess(outcome.report, self.round, history=self.history,
                                    statement=c.get("statement") or "", duration_s=duration, bank=self.bank)
                except Exception as e:  # noqa: BLE001 - say it, keep the answer on screen
                    self.post_message(self.Failed(f"could not save this attempt ({type(e).__name__}: {e})"))
                    return
                self.post_message(self.Scored(result))

        self.analyzer.run(request, lambda: not worker.is_cancelled, deliver)

    def on_practice_screen_scored(self, message: Scored) -> None:
        self.phase, self.result = "reviewing", message.result
        if self.history is not None:
            try:
                self.history.set_material("answer_draft", "")
            except Exception:  # noqa: BLE001 - the attempt itself is saved; the draft copy is a convenience
                pass
        self._show_feedback()
        self._show_status()
        self.query_one("#practice-feedback").scroll_home(animate=False)

    def on_practice_screen_failed(self, message: Failed) -> None:
        self.phase = "answering"
        self.query_one(TextArea).read_only = False
        self.query_one("#practice-feedback-body", Static).update(Content.assemble(
            ("Not scored: ", "bold $text-warning"), message.error, "\n\nYour answer is still here; edit it and press F6."))

    def on_practice_screen_rewritten(self, message: Rewritten) -> None:
        self.rewrite, self.rewrite_error = message.rewrite, message.error
        if self.phase == "reviewing":
            self._show_feedback()

    def _show_feedback(self) -> None:
        ready = self.rewrite is not None or self.rewrite_error is not None
        self.query_one("#practice-feedback-body", Static).update(feedback(
            self.result, rewrite_ready=ready, saved=self.history is not None and self.history.path is not None))

    def action_rewrite(self) -> None:
        if self.result is None:
            self.notify("Submit an answer first: the suggestion is built from it.", markup=False)
            return
        if self.rewrite is None:
            self.notify(self.rewrite_error or "The suggestion is still being prepared.", markup=False)
            return
        from coach.tui.practice_progress import RewriteView

        self.app.push_screen(RewriteView(self.rewrite.text, list(self.rewrite.notes)))

    def action_skip(self) -> None:
        if self.phase == "analysing":
            return
        if self.phase == "answering" and self.query_one(TextArea).text.strip():
            self._unsaved_text = self.query_one(TextArea).text
            self._save_draft()
            self.notify("Skipped; that answer was not scored.", markup=False)
        self.q_index += 1
        self._new_round()

    def action_progress(self) -> None:
        from coach.tui.practice_progress import ProgressScreen

        self.app.push_screen(ProgressScreen(self.history, self.choices.get("red_flag") or None))

    def action_setup(self) -> None:
        if self.phase == "analysing":
            return
        self.app.push_screen(PracticeSetup(self.choices), self._setup_done)

    def _setup_done(self, choices: dict | None) -> None:
        if choices is None:
            if not self.choices.get("red_flag"):
                self.notify("Choose your red flag to start practising (F2).", markup=False)
            return
        changed = choices.get("red_flag") != self.choices.get("red_flag")
        self.choices.update(choices)
        if self.history is not None:
            for name in ("statement", "mspe", "red_flag", "kind", "tone"):
                self.history.set_material(name, choices.get(name) or "")
        if changed or self.round is None:
            self._start_questions()
        else:
            if self.round is not None:
                self.round.tone = self.choices["tone"]
            self._show_status()

    def on_unmount(self) -> None:
        if self._unsaved_text is not None:  # typed within the last second before quitting
            self._save_draft()
        if self.history is not None:
            self.history.close()

    def action_leave(self) -> None:
        if self.standalone:
            return
        if self.phase == "answering" and self._unsaved_text is not None:
            self._save_draft()
        self.app.pop_screen()


def _unfinished(value: str) -> dict:
    """The unfinished answer kept in the history: {question, prompt, text} (plain text from older runs)."""
    if not value:
        return {}
    try:
        data = json.loads(value)
    except ValueError:
        return {"text": value}
    return data if isinstance(data, dict) and isinstance(data.get("text"), str) else {}
