"""Safe file writes: drafts, exports and settings are sensitive and must never be half-written.

- `atomic_write` writes a temp file beside the destination, fsyncs it and renames it over; a
  crash leaves either the old file or the new one, never half of each.
- A new file is owner-only (0600); an existing file keeps its mode (a student who made their
  draft group-readable for a tutor keeps it so).
- Writing to a symbolic link writes the link's *target* (atomically, beside the target): replacing
  the link with a regular file would leave the real file unchanged and the link broken.
- Folders the app creates for its own data (`private_dir`) are owner-only (0700).
"""
from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def private_dir(path: str | os.PathLike) -> Path:
    """Create `path` and any missing parents as 0700 folders (existing folders are left alone)."""
    path = Path(path)
    missing = []
    p = path
    while not p.exists():
        missing.append(p)
        if p.parent == p:
            break
        p = p.parent
    for d in reversed(missing):
        try:
            d.mkdir(mode=DIR_MODE)
        except FileExistsError:
            pass
        else:
            os.chmod(d, DIR_MODE)  # mkdir's mode is masked by the umask; 0700 is what we want
    return path


def write_target(path: str | os.PathLike) -> Path:
    """The file a write to `path` must replace: `path` itself, or the end of its symlink chain.

    Raises OSError(ELOOP) for a symlink loop rather than silently replacing the link.
    """
    path = Path(path)
    if not path.is_symlink():
        return path
    try:
        os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise OSError(errno.ELOOP, "symbolic link loop", str(path)) from None
        # a dangling link: write the file it points to (creating it), as editors do
    return Path(os.path.realpath(path))


def atomic_write(path: str | os.PathLike, text: str) -> Path:
    """Write `text` (UTF-8) atomically; returns the file actually written (a link's target)."""
    target = write_target(path)
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = FILE_MODE
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return target
