"""The app's one reach into Textual's private state, checked so an upgrade that moves it fails here.

`DraftEditor.drop_rendered_lines` clears `TextArea._line_cache` (rendered lines do not depend on
our marks as far as Textual knows). If a Textual release renames or removes that cache, marks
would silently stop repainting; this test turns that into a clear failure instead.
"""
from __future__ import annotations

import inspect

from textual.widgets import TextArea

from coach.tui.editor import DraftEditor


def test_text_area_still_has_a_clearable_line_cache():
    editor = DraftEditor("I failed Step 1.")
    cache = editor._line_cache  # noqa: SLF001 - the point of this test
    assert callable(getattr(cache, "clear", None)), "TextArea._line_cache has no clear(): see DraftEditor.drop_rendered_lines"
    editor.drop_rendered_lines()


def test_textual_clears_the_line_cache_on_a_style_update_itself():
    """Why the editor no longer overrides notify_style_update (Textual >= 6 does the work)."""
    source = inspect.getsource(TextArea.notify_style_update)
    assert "_line_cache.clear()" in source
