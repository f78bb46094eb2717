"""Files a review writes: JSON Lines (streamed), CSV, and the atomic, owner-only stream under both.

Reports hold students' drafts, so every output is written the way coach/storage.py writes: to a
0600 temp file beside the destination, fsynced, then renamed over it. A stream is needed (not
`storage.atomic_write`, which takes the whole text) because 10,000 full reports should never sit
in memory at once. An interrupted run leaves the previous file, never half a report.
"""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

from coach.review.summary import SCORE_KEYS, weakest_first
from coach.vocab import COMPONENTS, FLAG_TYPES

FIXED_COLUMNS = ("draft", "status", "error", *SCORE_KEYS, "red_flag", "kind", "words", *COMPONENTS,
                 "parts_present", "flags", "mspe_consistent")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class AtomicStream:
    """A text file written in pieces that appears at `path` only when closed without an error."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        fd, self._tmp = tempfile.mkstemp(dir=self.path.parent or ".", prefix=f".{self.path.name}.", suffix=".tmp")
        os.fchmod(fd, 0o600)
        self.fh = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def write(self, text: str) -> None:
        self.fh.write(text)

    def commit(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        os.replace(self._tmp, self.path)

    def abort(self) -> None:
        if not self.fh.closed:
            self.fh.close()
        try:
            os.unlink(self._tmp)
        except FileNotFoundError:
            pass

    def __enter__(self) -> AtomicStream:
        return self

    def __exit__(self, exc_type, *_) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


def json_line(row: dict, report_dict: dict | None) -> str:
    """One JSON Lines record: the summary columns, the counts and (when analysed) the full report."""
    record = {k: v for k, v in row.items() if k != "index"}
    if report_dict is not None:
        record["report"] = report_dict
    return json.dumps(record, ensure_ascii=False) + "\n"


def _cell(value) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_text(rows: list[dict]) -> str:
    """All rows, weakest first: the shared columns, then one count per flag type and per rule."""
    rules = sorted({rule for r in rows for rule in r.get("by_rule", {})})
    header = [*FIXED_COLUMNS, *(f"type:{t}" for t in FLAG_TYPES), *(f"rule:{r}" for r in rules)]
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    out.writerow(header)
    for r in weakest_first(rows):
        line = [_cell(r.get(k)) for k in FIXED_COLUMNS]
        if r["status"] == "ok":
            line += [str(r["by_type"][t]) for t in FLAG_TYPES] + [str(r["by_rule"].get(x, 0)) for x in rules]
        else:
            line += [""] * (len(FLAG_TYPES) + len(rules))
        out.writerow(line)
    return buf.getvalue()
