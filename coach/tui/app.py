"""The coaching app itself; build it with `coach.tui.launch.create_app()` (the CLI and tests do).

Data flow: every change (draft, kind, red flag, MSPE, ignore list) bumps a generation counter and
(debounced) starts one analysis in a thread worker; its `Outcome` comes back as an `AnalysisDone`
message and is shown only if no newer change happened meanwhile. Panes get the `Report` as
attributes and never analyse anything themselves.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, TabbedContent, TabPane, TextArea
from textual.worker import get_current_worker

from coach.tui import live
from coach.tui.actions import bindings
from coach.tui.backend import Analyzer, InProcessAnalyzer
from coach.tui.checklist import Checklist
from coach.tui.commands import CoachCommands
from coach.tui.editor import DraftEditor
from coach.tui.file_actions import FileActions
from coach.tui.findings import FindingsList, FindingsPane
from coach.tui.legend import Legend
from coach.tui.messages import (
    AnalysisDone,
    DismissFinding,
    FindingHighlighted,
    IgnorePhrase,
    JumpTo,
    MspeChanged,
    OptionsChanged,
    UndoDismissal,
)
from coach.tui.mspe_pane import MspeInput, MspePane
from coach.tui.options_bar import KIND_OPTIONS, RED_FLAG_OPTIONS, OptionsBar
from coach.tui.palette import PaletteVariables
from coach.tui.quit import QuitFlow
from coach.tui.rewrite_pane import RewritePane
from coach.tui.scorebar import ScoreBar
from coach.tui.session import DraftSession
from coach.tui.spans import marks_for

if TYPE_CHECKING:
    from coach.report.document import Report

DEBOUNCE_SECONDS = 0.3


class CoachApp(PaletteVariables, QuitFlow, FileActions, App[int]):
    """Editor on the left; checklist, findings, rewrite and MSPE on the right."""

    CSS_PATH = "coach.tcss"
    TITLE = "redflag-coach"
    BINDINGS = bindings()
    COMMANDS = App.COMMANDS | {CoachCommands}

    def __init__(self, session: DraftSession, *, analyzer: Analyzer | None = None,
                 debounce: float = DEBOUNCE_SECONDS, exit_when_analyzed: bool = False,
                 theme: str = "textual-dark") -> None:
        super().__init__()
        self.session = session
        self.analyzer = analyzer or InProcessAnalyzer()
        self.debounce = debounce
        self.exit_when_analyzed = exit_when_analyzed
        self.report: Report | None = None
        self.rewrite = None  # coach.rewriting.compose.RewriteResult
        self.visible_flags: tuple = ()
        self.generation = 0             # bumped by every change that needs a new analysis
        self.shown_generation = -1      # the latest generation the screen is up to date with
        self.report_generation = -1     # the generation whose analysis produced the report shown
        self.rewrite_generation = -1    # the generation whose rewrite is shown
        self._shown_key: tuple | None = None   # inputs of the report on screen
        self._inflight_key: tuple | None = None  # inputs of the latest analysis started
        self._timer = None
        self._restore_pending = False
        self.theme = theme

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="top"):
            yield ScoreBar(id="scorebar")
            yield OptionsBar(id="options")
        with Horizontal(id="main"):
            with Vertical(id="draft-pane"):
                yield DraftEditor(self.session.text, id="editor")
                yield Legend(id="legend")
            with TabbedContent(id="side", initial="coach-tab"):
                with TabPane("Coach", id="coach-tab"):
                    yield Checklist(id="checklist")
                    yield FindingsPane(id="findings")
                with TabPane("Rewrite", id="rewrite-tab"):
                    yield RewritePane(id="rewrite")
                with TabPane("MSPE", id="mspe-tab"):
                    yield MspePane(id="mspe")
        yield Footer()

    @property
    def editor(self) -> DraftEditor:
        return self.query_one("#editor", DraftEditor)

    def on_mount(self) -> None:
        self.editor.cursor_blink = not self.is_headless  # a blinking cursor makes snapshots flaky
        self._show_draft_state()
        self.editor.focus()
        if self.session.config_error:  # skipped, not fatal: say so instead of ignoring it silently
            self.notify(self.session.config_error, title="Settings file not used", severity="warning",
                        timeout=15, markup=False)
        self._watch_sigterm()
        pending = self.session.pending_restores()
        if pending:
            self.offer_restore(pending)
        self.invalidate(delay=0)

    def _show_draft_state(self) -> None:
        bar = self.query_one(OptionsBar)
        bar.draft_name = self.session.name
        bar.dirty = self.session.is_dirty(self.editor.text)
        bar.kind, bar.red_flag = self.session.kind, self.session.red_flag
        self.sub_title = self.session.name

    # -- the one analysis --------------------------------------------------------------------

    def _request(self) -> live.Request:
        s = self.session
        return live.Request(self.generation, self.editor.text, s.kind, s.red_flag, s.mspe, s.settings)

    def invalidate(self, delay: float | None = None) -> None:
        """Something the analysis depends on changed: new generation, (re)start the debounce."""
        self.generation += 1
        self.query_one(ScoreBar).pending = True
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        delay = self.debounce if delay is None else delay
        if delay > 0:
            self._timer = self.set_timer(delay, self.start_analysis)
        else:
            self.start_analysis()

    def start_analysis(self) -> None:
        """Analyse now, unless the inputs equal those of the report already on screen."""
        self._timer = None
        request = self._request()
        key = (request.text, request.kind, request.red_flag, request.mspe, request.settings)
        if not self._restore_pending:
            self.autosave(request.text)
        if key == self._shown_key:
            self.shown_generation = request.generation  # same inputs, same report: nothing to run
            self.query_one(ScoreBar).pending = False
            self.render_report()  # re-place marks the edit shifted; no second analysis
            return
        self._inflight_key = key
        self._analyze(request)

    @work(thread=True, exclusive=True, group="analysis")
    def _analyze(self, request: live.Request) -> None:
        worker = get_current_worker()

        def deliver(outcome: live.Outcome) -> None:
            if not worker.is_cancelled:
                self.post_message(AnalysisDone(outcome))

        self.analyzer.run(request, lambda: not worker.is_cancelled and request.generation == self.generation,
                          deliver)

    def on_analysis_done(self, message: AnalysisDone) -> None:
        o = message.outcome
        if o.stage == "rewrite":  # the suggestion for the report on screen (if it still is)
            if o.generation == self.report_generation:
                self.rewrite, self.rewrite_generation = o.rewrite, o.generation
                self.query_one(RewritePane).unavailable = o.rewrite_error
                self.query_one(RewritePane).result = o.rewrite
            return
        if o.generation != self.generation:
            return  # stale: the draft changed while this ran; a newer analysis is on its way
        self.shown_generation = self.report_generation = o.generation
        self._shown_key = self._inflight_key
        bar = self.query_one(ScoreBar)
        bar.pending = False
        bar.error = o.error
        self.report, self.rewrite = o.report, None  # the pane keeps the old suggestion until the new one
        if o.final:  # no report, so no suggestion will follow
            self.rewrite_generation = o.generation
            pane = self.query_one(RewritePane)
            pane.unavailable, pane.result = "No suggestion until the draft can be analysed.", None
        self.render_report()
        if self.exit_when_analyzed:
            self.call_after_refresh(self.exit, 0)

    def render_report(self) -> None:
        """Hand the current report (minus dismissed findings) down to every pane."""
        report = self.report
        self.visible_flags = self.session.visible(report.flags) if report else ()
        if report is not None:
            report = report.with_flags(self.visible_flags)  # dismissed findings no longer cost points
        if report is None:
            self.editor.show_marks([], self.editor.text)
        else:
            self.editor.show_marks(marks_for(report, self.visible_flags), report.text)
        self.query_one(Checklist).report = report
        self.query_one(FindingsPane).findings = self.visible_flags
        self.query_one(Legend).counts = dict(Counter(f.type for f in self.visible_flags))
        self.query_one(ScoreBar).report = report
        self.query_one(MspePane).result = report.mspe if report else None

    @property
    def idle(self) -> bool:
        """Nothing pending or running: the latest generation and its rewrite are on screen."""
        return (self._timer is None and self.shown_generation == self.generation
                and self.rewrite_generation == self.report_generation)

    # -- messages from the panes -------------------------------------------------------------

    @on(TextArea.Changed, "#editor")
    def _draft_changed(self) -> None:
        self.query_one(OptionsBar).dirty = self.session.is_dirty(self.editor.text)
        self.invalidate()

    def on_options_changed(self, message: OptionsChanged) -> None:
        self.session.kind, self.session.red_flag = message.kind, message.red_flag
        self.invalidate(delay=0)

    def on_mspe_changed(self, message: MspeChanged) -> None:
        self.session.mspe = message.text
        self.invalidate()

    def on_jump_to(self, message: JumpTo) -> None:
        self.editor.select_offsets(message.start, message.end)
        if message.focus:
            self.editor.focus()

    def on_finding_highlighted(self, message: FindingHighlighted) -> None:
        self.editor.select_offsets(message.finding.start, message.finding.end)
        if message.focus:
            self.editor.focus()

    def _storage_failed(self, e: OSError) -> None:
        self.notify(f"Could not save your choice: {e.strerror or e}", severity="error", markup=False)

    def on_dismiss_finding(self, message: DismissFinding) -> None:
        try:
            self.session.dismiss(message.finding)
        except OSError as e:
            self._storage_failed(e)
        self.render_report()  # a view change only: the report on screen stays valid
        self.notify("Dismissed for this draft. Press u to undo.", markup=False)

    def on_ignore_phrase(self, message: IgnorePhrase) -> None:
        from coach.config import ConfigError

        try:
            phrase = self.session.ignore(message.finding)
        except OSError as e:
            self._storage_failed(e)
            return
        except ConfigError as e:  # the file could not be parsed: it is left exactly as it is
            self.notify(f"{e}. Fix the file first; it was not changed.", title="Settings file not changed",
                        severity="error", markup=False)
            return
        self.notify(f"“{phrase}” added to your ignore list. Press u to undo.", markup=False)
        self.invalidate(delay=0)  # the ignore list is an input of the analysis

    def on_undo_dismissal(self, message: UndoDismissal | None = None) -> None:
        from coach.config import ConfigError

        try:
            step = self.session.undo()
        except OSError as e:
            self._storage_failed(e)
            return
        except ConfigError as e:
            self.notify(f"{e}. Fix the file first; it was not changed.", severity="error", markup=False)
            return
        if step is None:
            self.notify("Nothing to undo.", markup=False)
        elif step.action == "dismiss":
            self.render_report()
            self.notify("Finding restored.", markup=False)
        else:
            self.invalidate(delay=0)
            self.notify(f"“{step.value}” removed from your ignore list.", markup=False)

    # -- actions (keys and command palette; see coach.tui.actions) ---------------------------

    def action_help(self) -> None:
        from coach.tui.help import HelpScreen  # Markdown is not needed for the first paint

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def _step_finding(self, forward: bool) -> None:
        """Select the next (or previous) finding in text order from the current selection."""
        ordered = sorted(enumerate(self.visible_flags), key=lambda p: (p[1].start, p[1].end))
        if not ordered:
            self.notify("No findings.", markup=False)
            return
        here = self.editor.selection_offsets()
        if forward:
            after = [p for p in ordered if (p[1].start, p[1].end) > here]
            index, finding = after[0] if after else ordered[0]
        else:
            before = [p for p in ordered if (p[1].start, p[1].end) < here]
            index, finding = before[-1] if before else ordered[-1]
        self.query_one(TabbedContent).active = "coach-tab"
        self.query_one(FindingsPane).select_index(index)
        self.editor.select_offsets(finding.start, finding.end)

    def action_next_finding(self) -> None:
        self._step_finding(forward=True)

    def action_previous_finding(self) -> None:
        self._step_finding(forward=False)

    def action_dismiss_finding(self) -> None:
        self.query_one(FindingsList).action_dismiss()

    def action_ignore_phrase(self) -> None:
        self.query_one(FindingsList).action_ignore()

    def action_undo_dismissal(self) -> None:
        self.on_undo_dismissal()

    def action_show_coach(self) -> None:
        self.query_one(TabbedContent).active = "coach-tab"
        findings = self.query_one(FindingsList)
        findings.focus()
        if findings.highlighted is None and findings.option_count:
            findings.highlighted = 0  # start on the first finding: the editor follows

    def action_show_rewrite(self) -> None:
        self.query_one(TabbedContent).active = "rewrite-tab"
        self.query_one(RewritePane).focus()

    def action_show_mspe(self) -> None:
        self.query_one(TabbedContent).active = "mspe-tab"
        self.query_one(MspeInput).focus()

    def action_focus_editor(self) -> None:
        self.editor.focus()

    def action_copy_rewrite(self) -> None:
        if self.rewrite is None:
            self.notify("No suggestion to copy yet.", severity="warning", markup=False)
            return
        self.copy_to_clipboard(self.rewrite.text)
        self.notify("Suggestion copied to the clipboard.", markup=False)

    def _cycle(self, attribute: str, options: list[tuple[str, str]]) -> None:
        values = [v for _, v in options]
        current = getattr(self.session, attribute)
        setattr(self.session, attribute, values[(values.index(current) + 1) % len(values)])
        self._show_draft_state()
        self.invalidate(delay=0)

    def action_cycle_kind(self) -> None:
        self._cycle("kind", KIND_OPTIONS)

    def action_cycle_red_flag(self) -> None:
        self._cycle("red_flag", RED_FLAG_OPTIONS)

    def action_analyze_now(self) -> None:
        """Skip the rest of the typing pause. Never starts a second analysis of the same change."""
        if self._timer is not None:
            self._timer.stop()
            self.start_analysis()
        elif self.idle:
            self.notify("The analysis is up to date.", markup=False)

    def action_toggle_dark(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def action_practice(self) -> None:
        from coach.tui.practice_app import open_practice

        open_practice(self)

    def action_practice_progress(self) -> None:
        from coach.tui.practice_app import open_progress

        open_progress(self)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Draft actions step aside while a practice screen is open, so its own keys reach it."""
        from coach.tui.actions import DRAFT_ACTIONS

        try:
            return not (action in DRAFT_ACTIONS and getattr(self.screen, "OWN_KEYS", False))
        except Exception:  # no screen yet (start-up)
            return True

    def on_unmount(self) -> None:
        import asyncio
        import signal

        try:
            asyncio.get_running_loop().remove_signal_handler(signal.SIGTERM)
        except (NotImplementedError, RuntimeError, ValueError):
            pass
        self.analyzer.close()

