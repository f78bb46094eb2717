"""Per-user data the coaching app keeps between runs: autosaved drafts and dismissed findings.

Both live under the user data directory (platformdirs, or `COACH_DATA_DIR`, which tests set) and
are keyed by draft: a draft opened from a file is keyed by a hash of its resolved path, an untitled
draft (the bundled example or a new one) by "untitled". Drafts explain failures and health
problems, so everything is written with `atomic_write` (owner-only, never half-written).

This module is headless (no Textual) so the app, tests and any future front end share it.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

APP_NAME = "redflag-coach"
DATA_ENV = "COACH_DATA_DIR"
UNTITLED = "untitled"
AUTOSAVE_SCHEMA = "coach.autosave/1"


def data_dir() -> Path:
    """The user data directory (created on demand by the writers, not here)."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def draft_key(path: str | os.PathLike | None) -> str:
    """A stable file-name-safe key for a draft: a hash of its resolved path, or 'untitled'."""
    if path is None:
        return UNTITLED
    resolved = str(Path(path).expanduser().resolve())
    return hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:24]


def _write_json(path: Path, data: dict) -> None:
    from coach.storage import atomic_write

    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1))


def _read_json(path: Path) -> dict | None:
    """The JSON object in `path`, or None when missing or unreadable (never a crash at start-up)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


@dataclass(frozen=True)
class Autosave:
    """An unsaved draft and the options it was analysed with."""

    text: str
    path: str | None = None
    kind: str = "auto"
    red_flag: str = "auto"
    mspe: str = ""


def autosave_path(key: str) -> Path:
    return data_dir() / "autosave" / f"{key}.json"


def save_autosave(key: str, draft: Autosave) -> Path:
    """Write the unsaved draft for `key` (atomic, 0600)."""
    path = autosave_path(key)
    _write_json(path, {"schema": AUTOSAVE_SCHEMA, **asdict(draft)})
    return path


def load_autosave(key: str) -> Autosave | None:
    """The unsaved draft left for `key` by an earlier run, if any."""
    data = _read_json(autosave_path(key))
    if not data or not isinstance(data.get("text"), str):
        return None

    def opt(name: str, default: str) -> str:
        value = data.get(name)
        return value if isinstance(value, str) else default

    path = data.get("path")
    return Autosave(text=data["text"], path=path if isinstance(path, str) else None,
                    kind=opt("kind", "auto"), red_flag=opt("red_flag", "auto"), mspe=opt("mspe", ""))


def clear_autosave(key: str) -> None:
    """Forget the unsaved draft for `key` (after a save, or when the user discards it)."""
    try:
        autosave_path(key).unlink()
    except FileNotFoundError:
        pass


def dismissed_path(key: str) -> Path:
    return data_dir() / "dismissed" / f"{key}.json"


def load_dismissed(key: str) -> set[tuple[str, str]]:
    """(rule, normalised text) pairs the user dismissed for this draft.

    Offsets move as the student edits, so a dismissal is remembered by what fired and on which
    words, not by where.
    """
    data = _read_json(dismissed_path(key)) or {}
    out = set()
    for item in data.get("dismissed", ()):
        if isinstance(item, dict) and isinstance(item.get("rule"), str) and isinstance(item.get("text"), str):
            out.add((item["rule"], item["text"]))
    return out


def save_dismissed(key: str, dismissed: set[tuple[str, str]]) -> None:
    """Persist this draft's dismissals (an empty set removes the file)."""
    path = dismissed_path(key)
    if not dismissed:
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        return
    items = [{"rule": r, "text": t} for r, t in sorted(dismissed)]
    _write_json(path, {"schema": "coach.dismissed/1", "dismissed": items})


def dismissal_key(rule: str, text: str) -> tuple[str, str]:
    """How a finding is remembered: its rule and its words, case and spacing ignored."""
    return rule, " ".join(text.split()).casefold()
