"""Which files a review covers: the paths given, folders searched recursively, in a stable order.

The order is part of the product: anonymised labels ("Draft 7") and the JSON Lines file follow
it, so the same folder always gives the same numbering. Nothing is read here; a file that turns
out unreadable becomes an error row later, so one bad file never hides the others.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DRAFT_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class Source:
    """One draft to review: where it is, how to show it, and its MSPE excerpt if there is one."""

    index: int
    path: str            # as reached from the command line (folder joined with the relative path)
    mspe: str | None = None


def _walk(root: Path, skip: set[str]) -> list[str]:
    """Draft files under `root`, sorted; hidden entries and symlinked folders are not entered."""
    found = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and os.path.realpath(os.path.join(folder, d)) not in skip)
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(DRAFT_SUFFIXES):
                found.append(os.path.join(folder, name))
    return sorted(found, key=lambda f: os.path.relpath(f, root).split(os.sep))


def mspe_for(path: str, root: str | None, mspe_dir: Path | None) -> str | None:
    """The MSPE excerpt of a draft: the same relative path under `mspe_dir`, else the same name."""
    if mspe_dir is None:
        return None
    candidates = []
    if root is not None:
        candidates.append(mspe_dir / os.path.relpath(path, root))
    candidates.append(mspe_dir / os.path.basename(path))
    for c in candidates:
        if os.path.lexists(c):
            return str(c)
    return None


def discover(paths: list[str], *, mspe_dir: Path | None = None) -> list[Source]:
    """The drafts named by `paths` (files as given, folders searched), each once, in order.

    A path that does not exist is kept: reading it later gives its error row ("no such file").
    Files inside `mspe_dir` are excerpts, not drafts, and are left out of folder searches.
    """
    skip = {os.path.realpath(mspe_dir)} if mspe_dir is not None else set()
    seen: set[str] = set()
    out: list[Source] = []
    for given in paths:
        if os.path.isdir(given):  # a folder named on the command line is searched, link or not
            root, found = given, _walk(Path(given), skip)
            found = [f for f in found if not _inside(f, skip)]
        else:
            root, found = None, [given]
        for f in found:
            key = os.path.realpath(f)
            if key in seen:
                continue
            seen.add(key)
            out.append(Source(len(out), f, mspe_for(f, root, mspe_dir)))
    return out


def _inside(path: str, folders: set[str]) -> bool:
    real = os.path.realpath(path)
    return any(real == f or real.startswith(f.rstrip(os.sep) + os.sep) for f in folders)
