"""The draft editor: a `TextArea` that paints findings and the three parts inline.

Marks come from the latest `Report` (attribute down via `show_marks`); between keystrokes and the
next analysis they are shifted to follow the edit, so highlights never slide onto the wrong words.
Text is painted as `rich.text.Text` built from the plain line, so markup-looking drafts render
literally.
"""
from __future__ import annotations

from rich.text import Text
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from coach.tui.spans import LineIndex, Mark, shift_marks
from coach.vocab import COMPONENTS, FLAG_TYPES

MARK_CLASSES = frozenset({f"flag--{t}" for t in FLAG_TYPES} | {f"part--{c}" for c in COMPONENTS})


class DraftEditor(TextArea):
    """Soft-wrapped prose editor with per-type highlight styles (styled in coach.tcss)."""

    COMPONENT_CLASSES = TextArea.COMPONENT_CLASSES | MARK_CLASSES

    def __init__(self, text: str = "", **kwargs) -> None:
        super().__init__(text, soft_wrap=True, tab_behavior="focus", show_line_numbers=False,
                         highlight_cursor_line=False, **kwargs)
        self._marks: list[Mark] = []
        self._marked_text = text
        self._by_line: dict[int, list[tuple[int, int, str]]] = {}

    @property
    def marks(self) -> list[Mark]:
        """The marks as currently painted (shifted to the current text)."""
        return list(self._marks)

    def line_index(self) -> LineIndex:
        return LineIndex(self.document.lines, self.document.newline)

    def show_marks(self, marks: list[Mark], text: str) -> None:
        """Paint `marks`, computed for `text` (shifted when the draft has changed since)."""
        current = self.text
        self._marks = shift_marks(marks, text, current) if text != current else list(marks)
        self._marked_text = current
        self._repaint()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Keep marks on their words while the next analysis is pending (the event bubbles on)."""
        current = self.text
        if current != self._marked_text:
            self._marks = shift_marks(self._marks, self._marked_text, current)
            self._marked_text = current
            self._repaint()

    def _repaint(self) -> None:
        self._by_line = self.line_index().by_line(self._marks)
        self.drop_rendered_lines()
        self.refresh()

    def drop_rendered_lines(self) -> None:
        """Forget rendered lines so new marks show at once.

        The one private Textual access in the app: `TextArea` caches each rendered line keyed on
        its own state (text, cursor, theme), which does not include our marks, and offers no
        public way to drop the cache. tests/tui/test_textual_private.py fails loudly if a Textual
        upgrade renames it. (A theme switch needs nothing here: since Textual 6,
        `TextArea.notify_style_update` clears this cache and the widget's style caches itself.)
        """
        self._line_cache.clear()  # noqa: SLF001 - no public API; guarded by test_textual_private.py

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        for start, end, style in self._by_line.get(line_index, ()):
            line.stylize(self.get_component_rich_style(style, partial=True), start, end)
        return line

    def select_offsets(self, start: int, end: int) -> None:
        """Select a character range of the draft and scroll it into view."""
        index = self.line_index()
        self.selection = Selection(index.location(start), index.location(end))
        self.scroll_cursor_visible(center=True)

    def selection_offsets(self) -> tuple[int, int]:
        """The selection as sorted character offsets into the draft (equal when nothing is selected)."""
        index = self.line_index()

        def offset(location: tuple[int, int]) -> int:
            row, col = location
            return index.starts[row] + col if row < len(index.starts) else len(self.text)

        a, b = (offset(loc) for loc in self.selection)
        return min(a, b), max(a, b)
