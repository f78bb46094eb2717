"""`coach review --tui`: the review list, and the coaching app for the draft chosen from it.

The list and the editor are separate apps run one after the other: the coaching app stays the
single-draft app it is (no second mode inside it), and the list keeps its state in a
`ReviewState` between visits. After the editor closes, the draft it had open is analysed again,
so the list shows the score of what is on disk now.
"""
from __future__ import annotations

import sys

from coach.review.batch import Options
from coach.tui.review import ReviewApp, ReviewState


def run_review_app(sources, *, kind: str = "auto", red_flag: str = "auto", settings=None, jobs: int = 1) -> int:
    """Show the list until the user quits; each chosen draft opens in the coaching app."""
    from coach.inputs import InputError
    from coach.tui.launch import create_app

    state = ReviewState(list(sources), Options(kind=kind, red_flag=red_flag, settings=settings, rewrite=False))
    if jobs > 1 and len(state.sources) > 1:
        _prefill(state, jobs)  # the pool must fork before Textual starts its threads
    while True:
        chosen = ReviewApp(state).run()
        if chosen is None:
            return 0
        source = state.sources[chosen]
        try:
            app = create_app(source.path, analysis_process=True)
        except InputError as e:
            print(f"coach: {e}", file=sys.stderr)
            continue
        try:
            app.run()
        finally:
            app.analyzer.close()
        state.outcomes.pop(chosen, None)  # re-analysed when the list comes back


def _prefill(state: ReviewState, jobs: int) -> None:
    """Analyse everything with a process pool before the list opens (`--tui --jobs N`)."""
    from coach.review.batch import BatchRun
    from coach.review.cli import progress_bar

    with BatchRun(state.sources, state.options, jobs=jobs) as batch, progress_bar(len(state.sources)) as bar:
        for outcome in batch:
            state.outcomes[outcome.source.index] = outcome
            bar.advance()
