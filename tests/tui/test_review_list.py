"""`coach review --tui`: the list of drafts with scores, weakest first; Enter opens one."""
from __future__ import annotations

import time

from coach.review.discover import discover
from coach.tui.review import ReviewApp, ReviewState


def _folder(tmp_path, fixture_text):
    for name in ("blame-interview.txt", "strong-statement.txt", "vague-statement.txt"):
        (tmp_path / name).write_text(fixture_text(name), encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "[red]odd.txt").write_text(fixture_text("vague-statement.txt"), encoding="utf-8")
    return tmp_path


async def _analyzed(pilot, state, timeout=120.0):
    deadline = time.monotonic() + timeout
    while len(state.outcomes) < len(state.sources):
        assert time.monotonic() < deadline, "the drafts were not analysed"
        await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _rows(app):
    table = app.query_one("DataTable")
    return [[c.plain for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_lists_drafts_weakest_first_and_opens_the_chosen_one(tmp_path, fixture_text):
    state = ReviewState(discover([str(_folder(tmp_path, fixture_text))]))
    app = ReviewApp(state)
    async with app.run_test(size=(120, 20)) as pilot:
        await _analyzed(pilot, state)
        rows = _rows(app)
        scores = [int(r[0]) for r in rows if r[0].isdigit()]
        assert scores == sorted(scores) and len(scores) == 4
        assert rows[-1][0] == "—" and "empty" in rows[-1][4]           # the bad file is listed last
        assert any(r[1].endswith("[red]odd.txt") for r in rows)  # shown literally, not as markup
        await pilot.press("down", "enter")
    assert app.return_value == state.cursor
    assert state.sources[app.return_value].path == next(s.path for s in state.sources
                                                         if s.path.endswith(rows[1][1].split("/")[-1]))


async def test_an_unreadable_file_is_not_opened(tmp_path, fixture_text):
    state = ReviewState(discover([str(_folder(tmp_path, fixture_text))]))
    app = ReviewApp(state)
    async with app.run_test(size=(120, 20)) as pilot:
        await _analyzed(pilot, state)
        await pilot.press(*["down"] * (len(state.sources) - 1), "enter")
        await pilot.pause()
        assert app.is_running  # a notification instead of the editor
        await pilot.press("q")
    assert app.return_value is None


def test_review_list_snapshot(snap_compare, tmp_path, fixture_text):
    """Outcomes are computed before the app starts, so the screenshot needs no waiting."""
    from coach.review.batch import analyze_chunk

    folder = tmp_path / "drafts"
    folder.mkdir()
    state = ReviewState(discover([str(_folder(folder, fixture_text))]))
    state.outcomes = {o.source.index: o for o in analyze_chunk(state.sources, state.options)}
    # the tmp path differs per run: show paths relative to it so the snapshot is stable
    state.sources = [type(s)(s.index, s.path.replace(str(tmp_path), "…")) for s in state.sources]
    state.outcomes = {i: type(o)(state.sources[i], o.report, o.error, o.rewrite, o.entities)
                      for i, o in state.outcomes.items()}
    assert snap_compare(ReviewApp(state), terminal_size=(110, 14))


def test_the_launcher_opens_the_chosen_draft_and_comes_back_to_the_list(monkeypatch, tmp_path, fixture_text):
    """List → editor for the chosen draft → list again (that draft re-analysed) → quit."""
    from coach.tui import launch, review_launch
    from coach.tui.review import ReviewApp

    folder = _folder(tmp_path, fixture_text)
    sources = discover([str(folder)])
    choices, opened, seen = iter([1, None]), [], []

    def fake_run(self):
        seen.append(dict(self.state.outcomes))
        return next(choices)

    class FakeEditor:
        class analyzer:
            @staticmethod
            def close():
                opened.append("closed")

        def run(self):
            opened.append("ran")

    monkeypatch.setattr(ReviewApp, "run", fake_run)
    monkeypatch.setattr(launch, "create_app", lambda path, **kw: opened.append(path) or FakeEditor())
    first = {s.index: object() for s in sources}  # as if the list had analysed everything
    monkeypatch.setattr(review_launch, "ReviewState",
                        lambda srcs, opts: ReviewState(srcs, opts, outcomes=dict(first)))
    assert review_launch.run_review_app(sources) == 0
    assert opened == [sources[1].path, "ran", "closed"]
    assert 1 in seen[0] and 1 not in seen[1] and len(seen[1]) == len(sources) - 1
