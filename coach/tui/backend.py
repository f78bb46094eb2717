"""Where the app's analyses run: in this process, or in one helper process started at launch.

`coach` (the CLI) uses a helper process, forked before Textual is even imported: the language
pipeline then loads on the second CPU while the UI starts, and a long analysis never competes
with typing for this process's GIL. Tests and snapshots use the in-process analyzer (no fork,
and `coach.analysis.analyze` can be observed). Either way the app calls `run()` from its
`@work(thread=True, exclusive=True)` worker, and one analysis runs per change.

Headless: nothing here imports Textual.
"""
from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from coach.tui import live

Wanted = Callable[[], bool]
HELPER_TIMEOUT_SECONDS = 120.0  # the first request also waits for the pipeline to load
PARENT_POLL_SECONDS = 1.0
Deliver = Callable[[live.Outcome], None]


class Analyzer(Protocol):
    def run(self, request: live.Request, still_wanted: Wanted, deliver: Deliver) -> None: ...

    def close(self) -> None: ...


class InProcessAnalyzer:
    """Runs `live.run` in the calling thread."""

    def run(self, request: live.Request, still_wanted: Wanted, deliver: Deliver) -> None:
        live.run(request, still_wanted, deliver)

    def close(self) -> None:
        pass


def _watch_parent(parent_pid: int) -> None:
    """Exit the helper as soon as the app is gone, whatever it was doing.

    The pipe's EOF covers the idle case; this covers a helper busy in a long analysis when the
    app is killed (SIGKILL gives the app no chance to stop it). Polling getppid is portable and
    costs nothing (one syscall a second).
    """
    import time

    while True:
        time.sleep(PARENT_POLL_SECONDS)
        if os.getppid() != parent_pid:
            os._exit(0)


def _serve(conn, parent_end=None, parent_pid: int | None = None) -> None:
    """The helper process: load the pipeline at once, then answer requests until EOF.

    The fork copied the app's end of the pipe into this process; it is closed first, or the pipe
    would never report EOF when the app dies and the helper would live on under PID 1.
    """
    if parent_end is not None:
        parent_end.close()
    if parent_pid is not None:
        threading.Thread(target=_watch_parent, args=(parent_pid,), name="coach-parent-watch", daemon=True).start()
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # library warnings must never scribble over the parent's terminal UI
    os.dup2(devnull, 2)
    try:
        import coach.analysis  # noqa: F401
        from coach.pipeline.nlp import get_nlp

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
        outcome = live.analyze(request)
        try:
            conn.send(outcome)  # the findings go out before the rewrite is rendered
            if not outcome.final:
                rewritten = live.with_rewrite(outcome)
                try:
                    conn.send(rewritten)
                except (pickle.PicklingError, TypeError, AttributeError) as e:
                    conn.send(replace(rewritten, rewrite=None,
                                      rewrite_error=f"the suggestion could not be passed on ({e})"))
        except (BrokenPipeError, EOFError, OSError):
            return  # the app is gone


class ProcessAnalyzer:
    """A helper process that owns the pipeline.

    A helper that dies is replaced by in-process analysis; one that does not answer within
    `timeout` seconds (a hang) is killed and replaced by a fresh helper, and the request gets an
    error outcome, so one stuck analysis never blocks every later one.
    """

    def __init__(self, timeout: float | None = None) -> None:
        self.timeout = HELPER_TIMEOUT_SECONDS if timeout is None else timeout
        self._lock = threading.Lock()
        self._fallback: InProcessAnalyzer | None = None
        self._closed = False
        self.replaced = 0  # how many hung helpers were replaced (for tests and diagnostics)
        self._start()

    def _start(self) -> None:
        import multiprocessing

        # fork is fastest and safe while this process has no other thread; otherwise spawn.
        method = "fork" if sys.platform.startswith("linux") and threading.active_count() == 1 else "spawn"
        ctx = multiprocessing.get_context(method)
        self._conn, child = ctx.Pipe()
        self._process = ctx.Process(target=_serve, args=(child, self._conn, os.getpid()),
                                    name="coach-analysis", daemon=True)
        self._process.start()
        child.close()

    def _stop(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(timeout=2)
            if self._process.is_alive():
                self._process.kill()
        self._process.join(timeout=2)
        try:
            self._conn.close()
        except OSError:
            pass

    def _recv(self):
        """The next outcome, or TimeoutError when the helper is silent for `timeout` seconds."""
        if not self._conn.poll(self.timeout):
            raise TimeoutError
        return self._conn.recv()

    def run(self, request: live.Request, still_wanted: Wanted, deliver: Deliver) -> None:
        with self._lock:
            if self._closed or not still_wanted():
                return
            if self._fallback is None:
                try:
                    self._conn.send(request)
                    while True:  # read every stage, so no reply is ever left in the pipe
                        outcome = self._recv()
                        deliver(outcome)
                        if outcome.final:
                            return
                except TimeoutError:
                    self._stop()  # hung: kill it, start a fresh one for the next request
                    self.replaced += 1
                    if not self._closed:
                        self._start()
                    deliver(live.Outcome(request.generation,
                                         error=f"the analysis took longer than {self.timeout:g} s and was stopped; "
                                               "edit the draft or press F5 to try again"))
                    return
                except (EOFError, OSError):
                    if self._closed:
                        return  # the app is quitting; nobody waits for this result
                    self._fallback = InProcessAnalyzer()  # the helper died: keep the app working
        self._fallback.run(request, still_wanted, deliver)

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def close(self) -> None:
        """Stop the helper at once (Ctrl+Q must not wait for an analysis nobody will read).

        Terminating it closes the pipe, which also frees a worker thread blocked in `recv`.
        """
        self._closed = True
        self._stop()
