"""The legend under the editor: which colour is which part, and which highlight is which flag."""
from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from coach.tui.findings import TYPE_LABELS
from coach.tui.palette import variable
from coach.vocab import COMPONENTS, FLAG_TYPES


def legend_content(counts: dict[str, int]) -> Content:
    """Parts in their text colours, then each flag type present (with its count) in its highlight.

    No space inside a label, so a label stays with its count when the legend wraps at 80 columns.
    """
    parts: list = [("Parts ", "dim")]
    for c in COMPONENTS:
        parts += [(c, f"bold ${variable('part', c)}"), " "]
    parts.append(("│ Flags ", "dim"))
    shown = [t for t in FLAG_TYPES if counts.get(t)]
    if not shown:
        parts.append(("none", "dim"))
    for t in shown:
        parts += [(f"{TYPE_LABELS.get(t, t)}({counts[t]})", f"on ${variable('flag', t)}"), " "]
    return Content.assemble(*parts)


class Legend(Static):
    """Attributes down: `counts` of visible findings by type."""

    counts: reactive[dict[str, int]] = reactive(dict, always_update=True)

    def watch_counts(self, counts: dict[str, int]) -> None:
        self.update(legend_content(counts))
