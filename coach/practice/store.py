"""The practice history: every attempt, in one SQLite file in the user data folder.

Answers describe failures and health problems, so the file is created owner-only (0600) before
SQLite touches it. WAL lets the app and a `coach practice` run in another terminal read and write
at once; `busy_timeout` makes a second writer wait instead of failing; each attempt is one
transaction, so a crash or kill loses at most the attempt being written, never one already saved.
The schema version lives in `PRAGMA user_version` and `MIGRATIONS` upgrades older files.

A file that is not ours (corrupt, another program's, or from a newer version) is never modified:
`HistoryUnusable` says why, and only `start_fresh()` — called when the user agrees — moves it
aside (to a new name, never over another file) and starts a new one.
"""
from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from coach.userdata import data_dir

FILE_NAME = "practice-history.sqlite3"
APPLICATION_ID = 0x52464348  # "RFCH": marks the file as ours (PRAGMA application_id)
SIDE_FILES = ("-wal", "-shm", "-journal")
BUSY_TIMEOUT_MS = 10_000

# Each entry upgrades the schema from version i to i + 1, inside one transaction.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        round_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        question TEXT NOT NULL,
        is_follow_up INTEGER NOT NULL DEFAULT 0,
        answer TEXT NOT NULL,
        kind TEXT NOT NULL,
        red_flag TEXT,
        duration_s REAL,
        word_count INTEGER NOT NULL,
        overall INTEGER NOT NULL,
        scores TEXT NOT NULL,
        flags TEXT NOT NULL,
        missing TEXT NOT NULL,
        follow_up TEXT
    );
    CREATE INDEX attempts_red_flag ON attempts (red_flag, id);
    """,
    # v2: what the student attached (statement, MSPE excerpt) and last choices, kept between sessions.
    """
    CREATE TABLE materials (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    ALTER TABLE attempts ADD COLUMN contradictions TEXT NOT NULL DEFAULT '[]';
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
MATERIALS = ("statement", "mspe", "red_flag", "kind", "tone", "answer_draft")


class HistoryUnusable(Exception):
    """The history file exists but cannot be used; it has not been touched."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"the practice history {path} cannot be used: {reason}")
        self.path, self.reason = path, reason


def history_path() -> Path:
    return data_dir() / FILE_NAME


@dataclass(frozen=True)
class Attempt:
    """One stored answer and what the analysis said about it."""

    id: int
    created_at: str
    round_id: str
    question_id: str
    question: str
    is_follow_up: bool
    answer: str
    kind: str
    red_flag: str | None
    duration_s: float | None
    word_count: int
    overall: int
    scores: dict
    flags: list
    missing: list
    follow_up: str | None
    contradictions: list

    def to_dict(self) -> dict:
        from dataclasses import asdict

        return asdict(self)


_COLUMNS = ("id, created_at, round_id, question_id, question, is_follow_up, answer, kind, red_flag, "
            "duration_s, word_count, overall, scores, flags, missing, follow_up, contradictions")


def _row(r: tuple) -> Attempt:
    return Attempt(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[7], r[8], r[9], r[10], r[11],
                   json.loads(r[12]), json.loads(r[13]), json.loads(r[14]), r[15], json.loads(r[16]))


def _create_private(path: Path) -> None:
    """Create the file 0600 (and its folder 0700) before SQLite opens it, so no other user ever can."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)


class History:
    """One connection, shared by the app's threads under a lock; every write one transaction."""

    def __init__(self, path: Path | str | None = None, *, memory: bool = False):
        self.path = None if memory else Path(path) if path else history_path()
        self._lock = threading.Lock()
        self.conn = self._open()

    # -- opening -------------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            self._migrate(conn)
            return conn
        _create_private(self.path)
        old = os.umask(0o077)  # the -wal and -shm files SQLite creates are private too
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                   timeout=BUSY_TIMEOUT_MS / 1000)
        finally:
            os.umask(old)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._vet(conn)
            old = os.umask(0o077)
            try:
                conn.execute("PRAGMA journal_mode = WAL")
            finally:
                os.umask(old)
            conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a committed attempt survives a crash
            self._migrate(conn)
        except sqlite3.DatabaseError as e:
            conn.close()
            raise HistoryUnusable(self.path, _reason(e)) from None
        except HistoryUnusable:
            conn.close()
            raise
        return conn

    def _vet(self, conn: sqlite3.Connection) -> None:
        """Refuse (without writing) a file that is not a history of ours."""
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        if app_id == 0 and not tables and version == 0:
            return  # empty: a new file (or one SQLite left empty)
        if app_id != APPLICATION_ID:
            raise HistoryUnusable(self.path, "it is not a redflag-coach practice history")
        if version > SCHEMA_VERSION:
            raise HistoryUnusable(self.path, f"it was written by a newer redflag-coach (schema {version}); "
                                             "update redflag-coach to use it")
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise HistoryUnusable(self.path, f"it is damaged ({check})")

    def _migrate(self, conn: sqlite3.Connection) -> None:
        while True:
            conn.execute("BEGIN IMMEDIATE")  # one writer migrates; another instance waits, then sees it done
            try:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version >= SCHEMA_VERSION:
                    conn.execute("COMMIT")
                    return
                if version == 0:
                    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version + 1}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    # -- writing -------------------------------------------------------------------------------

    def add(self, **fields) -> int:
        """Store one attempt in one transaction; returns its id."""
        row = {
            "created_at": fields.get("created_at") or time.strftime("%Y-%m-%dT%H:%M:%S"),
            "round_id": fields["round_id"], "question_id": fields["question_id"],
            "question": fields["question"], "is_follow_up": int(bool(fields.get("is_follow_up"))),
            "answer": fields["answer"], "kind": fields["kind"], "red_flag": fields.get("red_flag"),
            "duration_s": fields.get("duration_s"), "word_count": int(fields["word_count"]),
            "overall": int(fields["scores"].get("overall", 0)),
            "scores": json.dumps(fields["scores"]), "flags": json.dumps(fields.get("flags", [])),
            "missing": json.dumps(fields.get("missing", [])), "follow_up": fields.get("follow_up"),
            "contradictions": json.dumps(fields.get("contradictions", [])),
        }
        names = ", ".join(row)
        marks = ", ".join(f":{k}" for k in row)
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                cur = self.conn.execute(f"INSERT INTO attempts ({names}) VALUES ({marks})", row)
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
        return int(cur.lastrowid)

    def set_material(self, name: str, value: str) -> None:
        """Remember an attachment or choice between sessions (an empty value forgets it)."""
        if name not in MATERIALS:
            raise ValueError(f"unknown material {name!r}")
        with self._lock:
            if value:
                self.conn.execute("INSERT INTO materials (name, value) VALUES (?, ?) "
                                  "ON CONFLICT (name) DO UPDATE SET value = excluded.value", (name, value))
            else:
                self.conn.execute("DELETE FROM materials WHERE name = ?", (name,))

    # -- reading -------------------------------------------------------------------------------

    def materials(self) -> dict[str, str]:
        with self._lock:
            return dict(self.conn.execute("SELECT name, value FROM materials").fetchall())

    def attempts(self, *, red_flag: str | None = None, limit: int | None = None) -> list[Attempt]:
        """Attempts oldest first (the last `limit` of them), optionally for one red flag."""
        where, args = ("WHERE red_flag = ?", [red_flag]) if red_flag else ("", [])
        sql = f"SELECT {_COLUMNS} FROM attempts {where} ORDER BY id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        with self._lock:
            rows = self.conn.execute(sql, args).fetchall()
        return [_row(r) for r in reversed(rows)]

    def count(self) -> int:
        with self._lock:
            return self.conn.execute("SELECT count(*) FROM attempts").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            try:
                self.conn.close()
            except sqlite3.Error:
                pass

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _reason(e: sqlite3.DatabaseError) -> str:
    text = str(e)
    if "not a database" in text or "malformed" in text:
        return "it is damaged or not an SQLite database"
    return text


def move_aside(path: Path | None = None) -> Path:
    """Rename an unusable history (and its side files) to a new name; returns where it went.

    `os.link` + `unlink` instead of `rename`: link fails when the target exists, so nothing is
    ever overwritten, even by a second instance doing the same at the same moment.
    """
    path = Path(path) if path else history_path()
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(1000):
        target = path.with_name(f"{path.name}.unusable-{stamp}" + (f"-{n}" if n else ""))
        if any(Path(str(target) + s).exists() for s in SIDE_FILES):
            continue
        try:
            os.link(path, target)
        except FileExistsError:
            continue
        os.unlink(path)
        for side in SIDE_FILES:
            src = Path(str(path) + side)
            if src.exists():
                os.link(src, Path(str(target) + side))
                os.unlink(src)
        return target
    raise OSError(f"could not find a free name beside {path}")


def start_fresh(path: Path | None = None) -> tuple[History, Path]:
    """The user agreed: keep the unusable file under a new name and open a new, empty history."""
    path = Path(path) if path else history_path()
    kept = move_aside(path)
    return History(path), kept


def delete_history(path: Path | None = None) -> list[Path]:
    """Remove the history file and its WAL/shared-memory/journal files; returns what was removed."""
    path = Path(path) if path else history_path()
    removed = []
    for p in (path, *(Path(str(path) + s) for s in SIDE_FILES)):
        try:
            p.unlink()
            removed.append(p)
        except FileNotFoundError:
            pass
    return removed
