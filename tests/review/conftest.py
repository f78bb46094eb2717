"""Fixtures for batch review: a folder of drafts mixing good files with every kind of bad one."""
from __future__ import annotations

import os

import pytest

from coach.inputs import MAX_BYTES


@pytest.fixture
def mixed_folder(tmp_path, fixture_text):
    """Three good drafts (one in a subfolder, one .md) and six files that cannot be reviewed."""
    root = tmp_path / "drafts"
    (root / "sub").mkdir(parents=True)
    (root / "blame.txt").write_text(fixture_text("blame-interview.txt"), encoding="utf-8")
    (root / "strong.txt").write_text(fixture_text("strong-statement.txt"), encoding="utf-8")
    (root / "sub" / "vague.md").write_text(fixture_text("vague-statement.txt"), encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (root / "latin1.txt").write_bytes("I failed my caf\xe9 shift exam.".encode("latin-1"))
    (root / "utf16.txt").write_bytes("I failed Step 1.".encode("utf-16"))
    (root / "huge.txt").write_bytes(b"word " * (MAX_BYTES // 5 + 10))
    os.symlink(root / "missing.txt", root / "broken.txt")
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")   # not a draft type: never listed
    (root / ".hidden.txt").write_text("I failed Step 1.", encoding="utf-8")  # hidden: skipped
    return root
