"""Which files a review covers (no pipeline needed)."""
from __future__ import annotations

import os

from coach.review.discover import discover, mspe_for


def test_folders_are_searched_recursively_for_drafts_only(mixed_folder):
    names = [os.path.relpath(s.path, mixed_folder) for s in discover([str(mixed_folder)])]
    assert names == sorted(names, key=lambda n: n.split("/"))
    assert "sub/vague.md" in names and "notes.pdf" not in names and ".hidden.txt" not in names
    assert "broken.txt" in names  # listed, so it gets an error row rather than vanishing


def test_each_file_once_in_the_order_given(mixed_folder):
    first = str(mixed_folder / "strong.txt")
    sources = discover([first, str(mixed_folder), first])
    paths = [s.path for s in sources]
    assert paths[0] == first and len(paths) == len({os.path.realpath(p) for p in paths})
    assert [s.index for s in sources] == list(range(len(sources)))


def test_a_missing_path_is_kept_for_its_error_row(tmp_path):
    assert [s.path for s in discover([str(tmp_path / "nope.txt")])] == [str(tmp_path / "nope.txt")]


def test_mspe_excerpt_is_the_same_name_under_the_mspe_dir(tmp_path):
    drafts, mspe = tmp_path / "d", tmp_path / "m"
    (drafts / "a").mkdir(parents=True)
    mspe.mkdir()
    (drafts / "a" / "x.txt").write_text("x")
    (mspe / "x.txt").write_text("m")
    assert mspe_for(str(drafts / "a" / "x.txt"), str(drafts), mspe) == str(mspe / "x.txt")
    assert mspe_for(str(drafts / "a" / "y.txt"), str(drafts), mspe) is None
    sources = discover([str(tmp_path)], mspe_dir=mspe)  # excerpts inside the searched folder are not drafts
    assert [os.path.basename(s.path) for s in sources] == ["x.txt"] and sources[0].mspe == str(mspe / "x.txt")
