"""Where the app's analyses run: in this process, or in one helper process started at launch.

`coach` (the CLI) uses a helper process, forked before Textual is even imported: the language
pipeline then loads on the second CPU while the UI starts, and a long analysis never competes
with typing for this process's GIL. Tests and snapshots use the in-process analyser (no fork,
and `coach.analysis.analyze` can be observed). Either way the app calls `run()` from its
`@work(thread=True, exclusive=True)` worker, and one analysis runs per change.

Headless: nothing here imports Textual.
"""
from __future__ import annotations

import os
import pickle
import sys
import threading
from dataclasses import replace
from typing import Callable, Protocol

from coach.tui import live

Wanted = Callable[[], bool]
Deliver = Callable[[live.Outcome], None]


class Analyser(Protocol):
    def run(self, request: live.Request, still_wanted: Wanted, deliver: Deliver) -> None: ...

    def close(self) -> None: ...


class InProcessAnalyser:
    """Runs `live.run` in the calling thread."""

    def run(self, request: live.Request, still_wanted: Wanted, deliver: Deliver) -> None:
        live.run(request, still_wanted, deliver)

    def close(self) -> None:
        pass


def _serve(conn) -> None:
    """The helper process: load the pipeline at once, then answer requests until EOF."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # library warnings must never scribble over the parent's terminal UI
    os.dup2(devnull, 2)
    try:
        from coach.pipeline.nlp import get_nlp
        import coach.analysis  # noqa: F401

        get_nlp()
    except Exception:
        pass  # the first request reports the problem as an Outcome error
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        outcome = live.analyse(request)
        conn.send(outcome)  # the findings go out before the rewrite is rendered
        if not outcome.final:
            rewritten = live.with_rewrite(outcome)
            try:
                conn.send(rewritten)
            except (pickle.PicklingError, TypeError, AttributeError) as e:
                conn.send(replace(rewritten, rewrite=None,
                                  rewrite_error=f"the suggestion could not be passed on ({e})"))


class ProcessAnalyser:
    """A helper process that owns the pipeline; falls back to in-process analysis if it dies."""

    def __init__(self) -> None:
        import multiprocessing

        # fork is fastest and safe while this process has no other thread; otherwise spawn.
        method = "fork" if sys.platform.startswith("linux") and threading.active_count() == 1 else "spawn"
        ctx = multiprocessing.get_context(method)
        self._conn, child = ctx.Pipe()
        self._process = ctx.Process(target=_serve, args=(child,), name="coach-analysis", daemon=True)
        self._process.start()
        child.close()
        self._lock = threading.Lock()
        self._fallback: InProcessAnalyser | None = None
        self._closed = False

    def run(self, request: live.Request, still_wanted: Wanted, deliver: Deliver) -> None:
        with self._lock:
            if self._closed or not still_wanted():
                return
            if self._fallback is None:
                try:
                    self._conn.send(request)
                    while True:  # read every stage, so no reply is ever left in the pipe
                        outcome = self._conn.recv()
                        deliver(outcome)
                        if outcome.final:
                            return
                except (EOFError, OSError):
                    if self._closed:
                        return  # the app is quitting; nobody waits for this result
                    self._fallback = InProcessAnalyser()  # the helper died: keep the app working
        self._fallback.run(request, still_wanted, deliver)

    def close(self) -> None:
        """Stop the helper at once (Ctrl+Q must not wait for an analysis nobody will read).

        Terminating it closes the pipe, which also frees a worker thread blocked in `recv`.
        """
        self._closed = True
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(timeout=2)
        try:
            self._conn.close()
        except OSError:
            pass
