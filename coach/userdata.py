"""Per-user data the coaching app keeps between runs: autosaved drafts and dismissed findings.

Both live under the user data directory (platformdirs, or `COACH_DATA_DIR`, which tests set) and
are keyed by draft: a draft opened from a file by a hash of its resolved path, an untitled draft
(the bundled example or a new one) by "untitled". Each app session autosaves into its own slot,
"<key>-<run id>", so two sessions never overwrite each other's unsaved text (`autosave_slots`
lists a draft's slots for the restore dialog). Drafts explain failures and health problems, so everything is written with
`atomic_write` (owner-only, never half-written) in 0700 folders.

This module is headless (no Textual) so the app, tests and any future front end share it.
"""
from __future__ import annotations

import hashlib
import json
import os
import secrets
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from coach.config import normalize_phrase

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
    # realpath, not Path.resolve: a symlink loop must give a key, not a RuntimeError
    resolved = os.path.realpath(os.path.expanduser(os.fspath(path)))
    return hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:24]


def new_run_id() -> str:
    """An id for one app session: its autosave slots are "<draft key>-<run id>"."""
    return f"{time.strftime('%Y%m%d%H%M%S')}-{secrets.token_hex(3)}"


def _write_json(path: Path, data: dict) -> None:
    from coach.storage import atomic_write, private_dir

    private_dir(path.parent)
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
    pid: int | None = None  # the process that wrote it: a live one is another open session
    saved_at: float | None = None


def autosave_path(key: str) -> Path:
    return data_dir() / "autosave" / f"{key}.json"


def save_autosave(key: str, draft: Autosave) -> Path:
    """Write the unsaved draft for `key` (atomic, 0600)."""
    path = autosave_path(key)
    record = {**asdict(draft), "pid": os.getpid(), "saved_at": draft.saved_at or time.time()}
    _write_json(path, {"schema": AUTOSAVE_SCHEMA, **record})
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
    pid, saved_at = data.get("pid"), data.get("saved_at")
    return Autosave(text=data["text"], path=path if isinstance(path, str) else None,
                    kind=opt("kind", "auto"), red_flag=opt("red_flag", "auto"), mspe=opt("mspe", ""),
                    pid=pid if isinstance(pid, int) and not isinstance(pid, bool) else None,
                    saved_at=saved_at if isinstance(saved_at, (int, float)) and not isinstance(saved_at, bool) else None)


def _alive(pid: int | None) -> bool:
    if pid is None or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def autosave_slots(key: str, exclude: str | None = None) -> list[tuple[str, Autosave]]:
    """Autosaves of draft `key` left by earlier sessions (one slot each), oldest first.

    Every session writes its own slot ("<key>-<run id>"; "<key>" alone is the older layout), so
    two sessions never overwrite each other. Slots written by a session that is still running are
    left to it, so two open sessions never restore (and then clear) each other's drafts.
    """
    folder = data_dir() / "autosave"
    try:
        names = sorted(p.stem for p in folder.glob(f"{key}*.json") if p.stem == key or p.stem.startswith(key + "-"))
    except OSError:
        return []
    out = []
    for key in names:
        if key == exclude:
            continue
        saved = load_autosave(key)
        if saved is not None and not _alive(saved.pid):
            out.append((key, saved))
    return sorted(out, key=lambda kv: (kv[1].saved_at or 0, kv[0]))


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
    return rule, normalize_phrase(text)
