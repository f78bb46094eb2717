"""The help screen: the three parts a committee listens for, every flag type with an example, keys.

The examples are written here rather than pulled from the rule files so the help reads as one
piece of advice and stays stable while rules are tuned.
"""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Markdown

from coach.limits import limits
from coach.tui.actions import ACTIONS, key_label

PARTS = """\
# How the coach reads your explanation

A program's selection committee wants a faculty champion to be able to defend you. A strong
explanation of a failed exam, a leave or a remediation has **three parts**:

1. **Context** — what was going on, concretely and briefly: *"That spring I worked twenty hours a
   week at my family's restaurant while studying."*
2. **Change** — what you did differently, specific enough to check: *"I met our learning
   specialist weekly and did forty timed UWorld questions every morning."*
3. **Evidence** — the result since: *"I passed the retake with a 238 and have passed every shelf
   exam since."*

The checklist shows each part as present or missing, with the model's confidence. Choose a part
to jump to the sentences that count for it; in the draft they are tinted in the part's colour.
"""

FLAGS = """\
# What the highlights mean

Each kind of finding has its own highlight colour (the legend under the draft names them).

- **vague** — evasive or unspecific wording; readers fill the gap with worse guesses.
  *"I was dealing with some personal issues."*
- **blame** — the cause is put on other people or circumstances, not on what you control.
  *"The exam was unfair and tested obscure details."*
- **hedge** — softeners make your own account sound unsure.
  *"I think I kind of underestimated it."*
- **minimizing** — shrinking the failure; a fail is a fail, however narrow.
  *"I only missed by a few points, so it's not a big deal."*
- **passive** — passive voice that hides who did what.
  *"Mistakes were made during my surgery rotation."*
- **oversharing** — melodrama or medical detail instead of insight.
  *"My whole world collapsed that spring."*
- **length** — too long for the format (interview answer, statement, {eras_characters}-character ERAS field).
  *A five-minute answer to a one-minute question.*
- **mspe** — the draft disagrees with your dean's letter (paste it in the MSPE tab).
  *Draft: "my leave began in June 2023"; MSPE: "leave of absence, August 2023".*

Highlight a finding to see the rule that fired and a suggestion. Press **d** to dismiss it for
this draft ("not a problem here"), **i** to ignore that phrase in every draft, **u** to undo.
"""


def keys_markdown() -> str:
    """The key list, generated from the one action table so it never goes stale."""
    rows = "\n".join(f"- **{key_label(a) or 'palette'}** {a.title} — {a.help}" for a in ACTIONS)
    return "# Keys\n\nEvery action is also in the command palette (**Ctrl+P**).\n\n" + rows + "\n"


class HelpScreen(ModalScreen[None]):
    """Scrollable help; Esc, q or F1 closes it."""

    BINDINGS = [
        Binding("escape,q,f1", "close", "Close help"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            flags = FLAGS.replace("{eras_characters}", str(limits().eras_characters))
            yield Markdown(PARTS + "\n" + flags + "\n" + keys_markdown(), id="help-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
