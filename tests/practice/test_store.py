"""The history file: private, versioned, safe with two writers, and careful with files not its own."""
from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import textwrap

import pytest

from coach.practice import store
from coach.practice.store import History, HistoryUnusable, delete_history, move_aside, start_fresh


def add(h: History, n: int = 1, **kw) -> list[int]:
    base = dict(round_id="r1", question_id="what-happened", question="What happened?", answer="I failed.",
                kind="interview", red_flag="step1_fail", word_count=2, scores={"overall": 40, "structure": 33},
                missing=["evidence"], flags=[{"type": "vague"}])
    return [h.add(**{**base, **kw}) for _ in range(n)]


def mode(p) -> int:
    return stat.S_IMODE(os.stat(p).st_mode)


def test_the_file_and_its_wal_are_owner_only(tmp_path):
    path = tmp_path / "data" / "h.sqlite3"
    old = os.umask(0o022)
    try:
        with History(path) as h:
            add(h)
            assert h.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            for suffix in ("", "-wal", "-shm"):
                assert mode(str(path) + suffix) == 0o600, suffix
    finally:
        os.umask(old)
    assert mode(path.parent) == 0o700


def test_attempts_and_materials_survive_a_restart(tmp_path):
    path = tmp_path / "h.sqlite3"
    with History(path) as h:
        ids = add(h, 2, answer="[bold]not markup[/]")
        h.set_material("statement", "I failed Step 1 in July 2023.")
    with History(path) as h:
        got = h.attempts()
        assert [a.id for a in got] == ids
        assert got[0].answer == "[bold]not markup[/]" and got[0].scores["overall"] == 40
        assert h.materials() == {"statement": "I failed Step 1 in July 2023."}
        h.set_material("statement", "")
        assert h.materials() == {}


def test_an_old_schema_is_migrated_and_keeps_its_attempts(tmp_path):
    path = tmp_path / "h.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {store.APPLICATION_ID}")
    conn.executescript(store.MIGRATIONS[0])
    conn.execute("INSERT INTO attempts (created_at, round_id, question_id, question, answer, kind, word_count, "
                 "overall, scores, flags, missing) VALUES ('2026-01-01T09:00:00', 'r', 'q', 'Q?', 'old answer', "
                 "'interview', 2, 55, '{\"overall\": 55}', '[]', '[]')")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with History(path) as h:
        assert h.conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
        [a] = h.attempts()
        assert a.answer == "old answer" and a.contradictions == []
        h.set_material("mspe", "x")  # the v2 table exists


@pytest.mark.parametrize("make, words", [
    (lambda p: p.write_bytes(b"this is not a database at all " * 200), "damaged"),
    (lambda p: sqlite3.connect(p).executescript("CREATE TABLE notes (x); INSERT INTO notes VALUES (1);"),
     "not a redflag-coach"),
    (lambda p: sqlite3.connect(p).executescript(
        f"PRAGMA application_id = {store.APPLICATION_ID}; PRAGMA user_version = 99; CREATE TABLE t (x);"), "newer"),
])
def test_a_file_that_is_not_ours_is_refused_and_left_as_is(tmp_path, make, words):
    path = tmp_path / "h.sqlite3"
    make(path)
    before = path.read_bytes()
    with pytest.raises(HistoryUnusable, match=words):
        History(path)
    assert path.read_bytes() == before


def test_starting_fresh_keeps_the_old_file_and_never_overwrites(tmp_path):
    path = tmp_path / "h.sqlite3"
    path.write_bytes(b"garbage one")
    first = move_aside(path)
    path.write_bytes(b"garbage two")
    history, second = start_fresh(path)
    with history:
        assert history.count() == 0
    assert first != second
    assert first.read_bytes() == b"garbage one" and second.read_bytes() == b"garbage two"


def test_delete_removes_the_file_and_its_wal(tmp_path):
    path = tmp_path / "h.sqlite3"
    h = History(path)
    add(h, 3)
    assert os.path.exists(str(path) + "-wal")
    h.close()
    open(str(path) + "-wal", "ab").close()  # as a crashed writer would leave it
    removed = delete_history(path)
    assert path in removed
    assert not any(p.name.startswith("h.sqlite3") for p in tmp_path.iterdir())


WRITER = textwrap.dedent("""
    import sys
    from coach.practice.store import History
    h = History(sys.argv[1])
    for i in range(int(sys.argv[2])):
        n = h.add(round_id=sys.argv[3], question_id="q", question="Q?", answer="answer %d" % i,
                  kind="interview", red_flag="step1_fail", word_count=2, scores={"overall": i})
        print(n, flush=True)
    h.close()
""")


def test_concurrent_writers_lose_nothing(tmp_path):
    path = tmp_path / "h.sqlite3"
    History(path).close()
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), "40", f"w{k}"], stdout=subprocess.PIPE,
                              text=True) for k in range(4)]
    outs = [p.communicate(timeout=120)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs)
    ids = {int(x) for out in outs for x in out.split()}
    with History(path) as h:
        assert {a.id for a in h.attempts()} == ids and len(ids) == 160
        assert h.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_writer_killed_mid_transaction_loses_no_saved_attempt(tmp_path):
    """SIGKILL while the writer is inside a transaction: everything it reported saved is there."""
    path = tmp_path / "h.sqlite3"
    # a writer that holds a transaction open after each commit, so the kill lands mid-write
    code = textwrap.dedent("""
        import sys, time
        from coach.practice.store import History
        h = History(sys.argv[1])
        i = 0
        while True:
            n = h.add(round_id="r", question_id="q", question="Q?", answer="answer %d" % i, kind="interview",
                      red_flag="step1_fail", word_count=2, scores={"overall": i % 100})
            print(n, flush=True)
            h.conn.execute("BEGIN IMMEDIATE")
            h.conn.execute("INSERT INTO attempts (created_at, round_id, question_id, question, answer, kind, "
                           "word_count, overall, scores, flags, missing) VALUES "
                           "('x', 'half', 'q', 'Q', 'half-written', 'interview', 1, 0, '{}', '[]', '[]')")
            if i >= 25:
                print("inside", flush=True)
                time.sleep(60)
            h.conn.execute("ROLLBACK")
            i += 1
    """)
    proc = subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True)
    saved = []
    for line in proc.stdout:
        if line.strip() == "inside":
            break
        saved.append(int(line))
    proc.kill()
    proc.wait(timeout=30)
    with History(path) as h:
        answers = {a.id: a.answer for a in h.attempts()}
        assert set(answers) == set(saved) and len(saved) == 26
        assert "half-written" not in answers.values()
        assert h.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        add(h)  # and the file is writable again
