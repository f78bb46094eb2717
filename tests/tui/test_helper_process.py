"""The analysis helper process never outlives the app and never blocks it.

Real processes: a parent that owns a `ProcessAnalyzer` is killed with SIGKILL and the helper
must exit on its own; the app itself runs under a pseudo-terminal and gets SIGTERM.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from coach.tui.backend import ProcessAnalyzer
from coach.tui.live import Request

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process semantics tested on Linux")


def gone(pid: int, within: float) -> bool:
    """Whether `pid` has exited (or is a zombie) within `within` seconds."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat") as fh:
                if fh.read().split(")")[-1].split()[0] == "Z":
                    return True
        except FileNotFoundError:
            return True
        time.sleep(0.1)
    return False


PARENT = textwrap.dedent("""
    import sys, time
    from coach.tui.backend import ProcessAnalyzer
    a = ProcessAnalyzer()
    print(a.pid, flush=True)
    time.sleep(600)
""")


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_the_helper_exits_when_its_parent_is_killed(sig):
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    try:
        helper = int(parent.stdout.readline())
        assert not gone(helper, 0.3)  # alive while the parent is
        parent.send_signal(sig)
        parent.wait(timeout=10)
        assert gone(helper, 15), "the helper outlived its parent (orphaned under PID 1)"
    finally:
        parent.kill()
        parent.wait()


class Sleepy:
    """Unpickles as a 3-second sleep: the helper hangs inside `recv`, as a stuck analysis would."""

    def __reduce__(self):
        return (time.sleep, (3,))


def test_a_hung_helper_times_out_and_is_replaced():
    a = ProcessAnalyzer(timeout=1.0)
    try:
        first = []
        a.run(Request(1, "I failed Step 1.", settings=Sleepy()), lambda: True, first.append)
        (only,) = first
        assert only.final and "took longer" in only.error and a.replaced == 1
        a.timeout = 60.0  # the fresh helper loads the pipeline before answering
        later = []
        a.run(Request(2, "I failed Step 1 in June and passed the retake in August."), lambda: True, later.append)
        assert later and later[0].generation == 2 and later[0].report is not None
    finally:
        a.close()


def test_sigterm_restores_the_terminal_and_stops_the_helper(tmp_path):
    """`coach tui` under a pseudo-terminal: SIGTERM exits, leaves the alternate screen, no orphan."""
    import pty
    import select

    draft = tmp_path / "d.txt"
    draft.write_text("I failed Step 1 in June.", encoding="utf-8")
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    pid, fd = pty.fork()
    if pid == 0:  # the child: become the app
        os.execve(sys.executable, [sys.executable, "-m", "coach", "tui", str(draft)], env)
    out = b""

    def read_for(seconds: float) -> None:
        nonlocal out
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                out += chunk

    try:
        read_for(8)  # start-up: the alternate screen is entered
        assert b"\x1b[?1049h" in out
        helpers = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
        os.kill(pid, signal.SIGTERM)
        read_for(5)
        _, status = os.waitpid(pid, 0)
        assert b"\x1b[?1049l" in out, "the alternate screen was not left: the terminal is not restored"
        for h in helpers:
            assert gone(int(h), 10)
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(fd)
